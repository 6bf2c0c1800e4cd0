// The entities the long-format reader collects before ids are given out (see assemble.ts).
import type { Card, Curve, Evidence, LaneType, Link, Metric, Stage, View } from '../../model/types';
import type { CsvColumn } from '../csv-columns';
import { nameKey } from '../ids';

/** A data row with its cells by column. */
export interface Row {
  /** Row number as a spreadsheet shows it (the header is row 1 when it is the first line). */
  n: number;
  /** 1-based line in the text where the row starts (CSV only). */
  line?: number;
  cells: Map<CsvColumn, string>;
}

export type CurveKind = Curve['kind'];
export type CardFields = Pick<Card, 'text' | 'channel' | 'owner' | 'priority' | 'status' | 'effort' | 'value' | 'metric' | 'note'>;
export type EvidenceFields = Pick<Evidence, 'kind' | 'source' | 'url' | 'confidence' | 'quote' | 'date'>;

export interface PersonaE {
  id?: string;
  name: string;
  row: Row;
  segment?: string;
  summary?: string;
  goals: string[];
  frustrations: string[];
  quote?: string;
  evidence: RefList;
}
export interface StageE {
  id?: string;
  name: string;
  row: Row;
  phase?: Stage['phase'];
  customPhase?: string;
  description?: string;
  owner?: string;
  metrics: Metric[];
  steps: StepE[];
  finalId?: string;
}
export interface StepE {
  id?: string;
  name: string;
  stage: StageE;
  row: Row;
  description?: string;
  finalId?: string;
}
export interface LaneE {
  id?: string;
  label: string;
  type: LaneType;
  typeGiven: boolean;
  persona?: PersonaE;
  hidden?: boolean;
  row: Row;
  finalId?: string;
}
export interface EvidenceE {
  id?: string;
  value: EvidenceFields;
  row: Row;
  finalId?: string;
}
export interface CardE {
  id?: string;
  step: StepE;
  lane: LaneE;
  value: CardFields;
  evidence: RefList;
  row: Row;
  finalId?: string;
}
export interface PointE {
  step: StepE;
  value: number;
  note?: string;
  row: Row;
  /** The column the value was read from, for messages. */
  column?: string;
}
export interface CurveE {
  id?: string;
  persona: PersonaE;
  name: string;
  kind: CurveKind;
  points: PointE[];
  row: Row;
}
export interface LinkE {
  id?: string;
  from: string;
  to: string;
  kind: Link['kind'];
  label?: string;
  row: Row;
}
export interface ViewE {
  id?: string;
  kind: View['kind'];
  name: string;
  /** Persona, lane and stage references (ids or names), in the sheet's order. */
  personas: { raw: string; row: Row }[];
  lanes: { raw: string; row: Row }[];
  stages: { raw: string; row: Row }[];
  top?: number;
  slide?: { width: number; height: number };
  row: Row;
  finalId?: string;
}
/** Evidence references: explicit ids, or evidence entities created from an evidence_url cell. */
export type RefList = Array<{ raw: string; row: Row } | EvidenceE>;

/** Finds entities by explicit id first, then by name (case and spacing ignored). */
export class Registry<T extends { id?: string }> {
  readonly all: T[] = [];
  private readonly byId = new Map<string, T>();
  private readonly byName = new Map<string, T[]>();
  constructor(private readonly nameOf: (t: T) => string) {}

  add(item: T): void {
    this.all.push(item);
    if (item.id !== undefined && !this.byId.has(item.id)) this.byId.set(item.id, item);
    const k = nameKey(this.nameOf(item));
    const list = this.byName.get(k);
    if (list) list.push(item);
    else this.byName.set(k, [item]);
  }

  /** The item, 'ambiguous' when several share the name, or undefined. `within` narrows by name. */
  find(ref: string, within?: (t: T) => boolean): T | 'ambiguous' | undefined {
    const r = ref.trim();
    const byId = this.byId.get(r);
    if (byId) return byId;
    const list = (this.byName.get(nameKey(r)) ?? []).filter((t) => !within || within(t));
    if (list.length > 1) return 'ambiguous';
    return list[0];
  }
}
