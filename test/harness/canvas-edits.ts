// Canvas edits made "as a person would" on the emulated canvas, addressed by model id. Used by
// `npm run preview -- --edits FILE` and by the sync tests.
import { NAMESPACE, TAG_KEY } from '../../shared/storage/keys';
import * as z from 'zod';
import { emotionGeometry, valueToY } from '../../shared/layout/emotion';
import { cellKey } from '../../shared/layout/keys';
import { METRICS } from '../../shared/layout/metrics';
import type { Journey } from '../../shared/model/types';
import type { StyleOptions } from '../../shared/style/options';
import { findTagged, readTag } from '../../plugin/render/tags';
import type { Emulator } from '../figma/index';

const id = z.string().min(1);
const origin = z.enum(['LOCAL', 'REMOTE']).optional();

export const CanvasEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('setText'), kind: z.string().default('card'), id, field: z.string().optional(), text: z.string(), origin }),
  z.object({ op: z.literal('delete'), id, origin }),
  z.object({ op: z.literal('duplicate'), id, origin }),
  z.object({ op: z.literal('moveToCell'), id, laneId: id, stepId: id, index: z.number().int().min(0).optional(), origin }),
  z.object({ op: z.literal('moveEmotion'), curveId: id, stepId: id, value: z.number(), origin }),
  z.object({ op: z.literal('addText'), laneId: id, stepId: id, text: z.string().min(1), origin }),
  z.object({ op: z.literal('duplicateMap'), origin }),
  // Deletions of what is not a card: a marker, a lane's whole row, the whole grid.
  z.object({ op: z.literal('deleteMarker'), curveId: id, stepId: id, origin }),
  z.object({ op: z.literal('deleteRow'), laneId: id, origin }),
  z.object({ op: z.literal('deleteGrid'), origin }),
  // A card frame that lost its tag (another plugin cleared it, or the frame was rebuilt by hand).
  z.object({ op: z.literal('untagCard'), id, origin }),
  // Cut a card and paste it into a cell: the pasted nodes are copies with new ids, the original is gone.
  z.object({ op: z.literal('cutToCell'), id, laneId: id, stepId: id, index: z.number().int().min(0).optional(), origin }),
]);
export const CanvasEditsSchema = z.array(CanvasEditSchema);
export type CanvasEdit = z.input<typeof CanvasEditSchema>;

const DEFAULT_FIELD: Record<string, string> = { card: 'text', journey: 'title', lane: 'label', link: 'label' };

function taggedNodes(map: FrameNode): SceneNode[] {
  return [map, ...findTagged(map)];
}

/** The node an edit addresses: the original if there is one; in a copied map (no originals yet), the first copy. */
function find(map: FrameNode, match: (t: NonNullable<ReturnType<typeof readTag>>, node: SceneNode) => boolean): SceneNode {
  let copy: SceneNode | undefined;
  for (const node of taggedNodes(map)) {
    const tag = readTag(node);
    if (!tag || !match(tag, node)) continue;
    if (tag.n === node.id) return node;
    copy ??= node;
  }
  if (copy) return copy;
  throw new Error('no node on the canvas matches the edit');
}

type UserOptions = { origin: 'LOCAL' | 'REMOTE' };

/**
 * Drops a node into a cell at `index`, its position among the cell's other cards (a person can
 * only drop at a position that exists: clamped to the cell's length). insertChild(i) places a
 * node before the child now at i, so a card moving down within its own cell goes one further.
 */
function dropIntoCell(emu: Emulator, target: FrameNode, node: SceneNode, wanted: number | undefined, opts: UserOptions): void {
  const others = target.children.filter((c) => c !== node).length;
  let index = wanted === undefined ? undefined : Math.min(wanted, others);
  const current = target.children.indexOf(node);
  if (index !== undefined && current >= 0 && index >= current) index = Math.min(index + 1, target.children.length);
  emu.user.appendChild(target, node, index, opts);
}

export function applyCanvasEdit(emu: Emulator, map: FrameNode, journey: Journey, style: StyleOptions, raw: CanvasEdit): SceneNode | void {
  const edit = CanvasEditSchema.parse(raw);
  const opts = { origin: edit.origin ?? 'LOCAL' } as const;
  const cardFrame = (cardId: string) => find(map, (t, n) => n.type === 'FRAME' && t.t?.[0] === 'card' && t.t[1] === cardId && t.t.length === 2);
  const cell = (laneId: string, stepId: string) => find(map, (t) => t.t?.[0] === 'cell' && t.t[1] === cellKey(laneId, stepId)) as FrameNode;
  const marker = (curveId: string, stepId: string) => find(map, (t) => t.t?.[0] === 'point' && t.t[1] === curveId && t.t[2] === stepId);
  switch (edit.op) {
    case 'setText': {
      const field = edit.field ?? DEFAULT_FIELD[edit.kind] ?? 'name';
      const node = find(map, (t, n) => n.type === 'TEXT' && t.t?.[0] === edit.kind && t.t[1] === edit.id && t.t[2] === field);
      emu.user.setText(node, edit.text, opts);
      return node;
    }
    case 'delete':
      return emu.user.remove(cardFrame(edit.id), opts);
    case 'duplicate':
      return emu.user.duplicate(cardFrame(edit.id), opts) as SceneNode;
    case 'moveToCell':
      return dropIntoCell(emu, cell(edit.laneId, edit.stepId), cardFrame(edit.id), edit.index, opts);
    case 'cutToCell': {
      // Pasting gives every node a new id and keeps its plugin data: a copy whose original is gone.
      const original = cardFrame(edit.id);
      const pasted = emu.user.duplicate(original, opts) as SceneNode;
      emu.user.remove(original, opts);
      dropIntoCell(emu, cell(edit.laneId, edit.stepId), pasted, edit.index, opts);
      return pasted;
    }
    case 'moveEmotion': {
      const node = marker(edit.curveId, edit.stepId) as SceneNode & LayoutMixin;
      const g = emotionGeometry(journey, METRICS[style.density].emotionHeight);
      emu.user.move(node, node.x, valueToY(g, edit.value) - node.height / 2, opts);
      return node;
    }
    case 'deleteMarker':
      return emu.user.remove(marker(edit.curveId, edit.stepId), opts);
    case 'deleteRow':
      return emu.user.remove(find(map, (t, n) => n.type === 'FRAME' && t.t?.[0] === 'lane' && t.t[1] === edit.laneId && t.t.length === 2), opts);
    case 'deleteGrid':
      return emu.user.remove(find(map, (t) => t.k === 'grid'), opts);
    case 'untagCard':
      return emu.user.setSharedPluginData(cardFrame(edit.id), NAMESPACE, TAG_KEY, '', opts);
    case 'addText':
      return emu.user.createText(cell(edit.laneId, edit.stepId), edit.text, opts) as SceneNode;
    case 'duplicateMap': {
      const copy = emu.user.duplicate(map, opts) as FrameNode;
      emu.user.move(copy, map.x + map.width + 200, map.y, opts);
      return copy;
    }
  }
}
