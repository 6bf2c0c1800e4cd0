/**
 * Tree operations shared by the plugin API (`figma.group`, `figma.ungroup`) and the user actions (user.ts):
 * group, ungroup, move keeping the absolute position, paste a copy with new ids.
 */
import type { Ctx } from './context';
import type { BaseImpl } from './nodes/base';
import { SceneImpl } from './nodes/scene';
import { GroupImpl } from './nodes/frame';

/**
 * `figma.group(nodes, parent, index?)`: "It allows you to create the new group while keeping all the grouped layers
 * in the same absolute x/y locations" (@figma/plugin-typings plugin-api.d.ts L1875; index defaults to the top, L1863).
 * The group's bounds then follow its children (the layout engine's GroupImpl.updateBounds).
 */
export function groupNodes(ctx: Ctx, method: string, raws: SceneImpl[], parent: BaseImpl, index?: number): GroupImpl {
  if (raws.length === 0) throw new Error(`in ${method}: First argument must be an array of at least one node`);
  const abs = ctx.internal(() => raws.map((r) => r.absOrigin()));
  const g = new GroupImpl(ctx).init();
  g._name = 'Group';
  const idx = Math.min(index ?? parent.kids.length, parent.kids.length);
  g.parentImpl = parent;
  parent.kids.splice(idx, 0, g);
  parent.kidsCache = null;
  ctx.internal(() => {
    raws.forEach((r, i) => {
      g.appendChild(r.proxy);
      r.placeAbs(abs[i]!);
    });
  });
  g.updateBounds();
  ctx.events.record('CREATE', g);
  ctx.markLayout(g);
  return g;
}

/**
 * `figma.ungroup(node)`: "moving all of node's children into node's parent and removing node … If the ungrouped
 * node is part of the current selection, the ungrouped node's children will become part of the selection"
 * (typings L1949-L1959). Children keep their absolute positions.
 */
export function ungroupNode(ctx: Ctx, method: string, node: SceneImpl): SceneImpl[] {
  const parent = node.parentImpl;
  if (!parent) throw new Error(`in ${method}: Cannot ungroup a node without a parent`);
  if (node.kids.length === 0 && node.type !== 'GROUP') throw new Error(`in ${method}: Node has no children to ungroup`);
  const kids = node.kids.filter((k): k is SceneImpl => k instanceof SceneImpl);
  const abs = ctx.internal(() => kids.map((k) => k.absOrigin()));
  const idx = parent.kids.indexOf(node);
  const page = node.pageOf();
  const wasSelected = !!page && (ctx.selection.get(page.id) ?? []).includes(node);
  ctx.internal(() => {
    kids.forEach((k, i) => {
      parent.insertChild(idx + i, k.proxy);
      k.placeAbs(abs[i]!);
    });
    if (!node.removed) node.remove(); // a group removes itself when emptied; a frame is removed here
  });
  if (wasSelected && page) {
    ctx.selection.set(page.id, [...(ctx.selection.get(page.id) ?? []).filter((n) => n !== node), ...kids]);
    ctx.events.selectionChanged();
  }
  return kids;
}

/** Re-parent keeping the node's absolute position (a drag in the editor). In auto layout the layout places it. */
export function moveKeepingPosition(ctx: Ctx, node: SceneImpl, parent: BaseImpl, index?: number): void {
  const abs = ctx.internal(() => node.absOrigin());
  if (index === undefined) parent.appendChild(node.proxy);
  else parent.insertChild(index, node.proxy);
  if (!node.inFlow()) node.placeAbs(abs);
}

export interface PasteTarget {
  parent?: unknown;
  index?: number;
  /** Position in the new parent's coordinates; default: the original's absolute position (paste in place). */
  x?: number;
  y?: number;
}

/**
 * A pasted copy: a new node with a new id for it and every descendant; plugin data per assumptions.pluginDataOnPaste
 * ([unverified]: README "Assumptions"). Placed in `parent` (default: where the original was) at `index` (default: on
 * top), at `x`/`y` or, by default, at the original's absolute position.
 */
export function pasteCopy(ctx: Ctx, original: SceneImpl, abs: { x: number; y: number }, parent: BaseImpl, target: PasteTarget): SceneImpl {
  const copy = original.cloneRaw(ctx.assumptions.pluginDataOnPaste) as SceneImpl;
  const idx = Math.min(target.index ?? parent.kids.length, parent.kids.length);
  if (idx === parent.kids.length) parent.appendChild(copy.proxy);
  else parent.insertChild(idx, copy.proxy);
  ctx.events.record('CREATE', copy); // first, so the placement below folds into it
  if (!copy.inFlow()) {
    if (target.x !== undefined || target.y !== undefined) {
      copy.moveBy((target.x ?? copy._x) - copy._x, (target.y ?? copy._y) - copy._y);
    } else copy.placeAbs(abs);
  }
  ctx.markLayout(copy);
  return copy;
}
