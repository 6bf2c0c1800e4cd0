// Canvas edits made "as a person would" on the emulated canvas, addressed by model id. Used by
// `npm run preview -- --edits FILE` and by the sync tests.
import * as z from 'zod';
import { emotionGeometry, valueToY } from '../../shared/layout/emotion';
import { cellKey } from '../../shared/layout/keys';
import { METRICS } from '../../shared/layout/metrics';
import type { Journey } from '../../shared/model/types';
import type { StyleOptions } from '../../shared/style/options';
import { readTag } from '../../plugin/render/tags';
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
  return [map, ...map.findAllWithCriteria({ pluginData: { keys: ['jm'] } })];
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

export function applyCanvasEdit(emu: Emulator, map: FrameNode, journey: Journey, style: StyleOptions, raw: CanvasEdit): SceneNode | void {
  const edit = CanvasEditSchema.parse(raw);
  const opts = { origin: edit.origin ?? 'LOCAL' } as const;
  const cardFrame = (cardId: string) => find(map, (t, n) => n.type === 'FRAME' && t.t?.[0] === 'card' && t.t[1] === cardId && t.t.length === 2);
  const cell = (laneId: string, stepId: string) => find(map, (t) => t.t?.[0] === 'cell' && t.t[1] === cellKey(laneId, stepId));
  switch (edit.op) {
    case 'setText': {
      const field = edit.field ?? DEFAULT_FIELD[edit.kind] ?? 'name';
      const node = find(map, (t, n) => n.type === 'TEXT' && t.t?.[0] === edit.kind && t.t[1] === edit.id && t.t[2] === field);
      emu.user.setText(node, edit.text, opts);
      return node;
    }
    case 'delete':
      emu.user.remove(cardFrame(edit.id), opts);
      return;
    case 'duplicate':
      return emu.user.duplicate(cardFrame(edit.id), opts) as SceneNode;
    case 'moveToCell': {
      // A person can only drop at a position that exists: clamp to the cell's length.
      const target = cell(edit.laneId, edit.stepId) as FrameNode;
      const node = cardFrame(edit.id);
      // `index` is the position among the cell's other cards. insertChild(i) places a node before
      // the child now at i, so a card moving down within its own cell goes one further.
      const others = target.children.filter((c) => c !== node).length;
      let index = edit.index === undefined ? undefined : Math.min(edit.index, others);
      const current = target.children.indexOf(node);
      if (index !== undefined && current >= 0 && index >= current) index = Math.min(index + 1, target.children.length);
      emu.user.appendChild(target, node, index, opts);
      return;
    }
    case 'moveEmotion': {
      const marker = find(map, (t) => t.t?.[0] === 'point' && t.t[1] === edit.curveId && t.t[2] === edit.stepId);
      const g = emotionGeometry(journey, METRICS[style.density].emotionHeight);
      const y = valueToY(g, edit.value) - (marker as LayoutMixin).height / 2;
      emu.user.move(marker, (marker as LayoutMixin).x, y, opts);
      return marker;
    }
    case 'addText':
      return emu.user.createText(cell(edit.laneId, edit.stepId), edit.text, opts) as SceneNode;
    case 'deleteMarker':
      emu.user.remove(find(map, (t) => t.t?.[0] === 'point' && t.t[1] === edit.curveId && t.t[2] === edit.stepId), opts);
      return;
    case 'deleteRow':
      emu.user.remove(find(map, (t, n) => n.type === 'FRAME' && t.t?.[0] === 'lane' && t.t[1] === edit.laneId && t.t.length === 2), opts);
      return;
    case 'deleteGrid':
      emu.user.remove(find(map, (t) => t.k === 'grid'), opts);
      return;
    case 'untagCard':
      emu.user.setPluginData(cardFrame(edit.id), 'jm', '', opts);
      return;
    case 'cutToCell': {
      // Pasting gives every node a new id and keeps its plugin data: a copy whose original is gone.
      const original = cardFrame(edit.id);
      const pasted = emu.user.duplicate(original, opts) as SceneNode;
      emu.user.remove(original, opts);
      const target = cell(edit.laneId, edit.stepId) as FrameNode;
      emu.user.appendChild(target, pasted, edit.index === undefined ? undefined : Math.min(edit.index, target.children.length), opts);
      return pasted;
    }
    case 'duplicateMap': {
      const copy = emu.user.duplicate(map, opts) as FrameNode;
      emu.user.move(copy, map.x + map.width + 200, map.y, opts);
      return copy;
    }
  }
}
