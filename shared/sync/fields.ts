// The entity kinds whose fields the canvas shows as text: the shape table's (shared/model/entities.ts)
// rows with canvas fields. Each field's codec is there, shared with shared/layout.
import { canvasCodec, ENTITIES, ENTITY_KINDS, type EntityKind } from '../model/entities';
import type { Codec } from '../model/text-codecs';

/** The kinds a sync setField may address: those with a field on the canvas. */
export type FieldKind = 'journey' | 'persona' | 'stage' | 'step' | 'lane' | 'card' | 'link';

const FIELD_KINDS = new Set<string>(ENTITY_KINDS.filter((k) => Object.keys(ENTITIES[k].canvas).length));

export const codecFor = (kind: string, field: string): Codec | undefined => canvasCodec(kind, field);

export const isFieldKind = (kind: string): kind is FieldKind & EntityKind => FIELD_KINDS.has(kind);
