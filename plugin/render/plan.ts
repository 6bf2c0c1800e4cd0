// The first half of a render: decide, without writing anything, which node each spec becomes and
// which property groups must be written; and collect what must hold before the first write (the
// fonts a designer put into texts that will be rewritten). Planning reads the canvas only.
import { hashOf } from '../../shared/layout/hash';
import type { FontSet, NodeSpec } from '../../shared/layout/spec';
import { FONT_BOUND_GROUPS, groupsFor, type ApplyContext, type Group } from './apply';
import type { NodeTag } from './tags';
import type { Slicer } from '../yield';

export interface Indexed {
  node: SceneNode;
  tag: NodeTag;
}

export interface PlannedNode {
  spec: NodeSpec;
  /** The node this spec updates; null when it must be created. */
  found: SceneNode | null;
  /** A node under the same key but of another type: removed and replaced. */
  replaced: SceneNode | null;
  groups: Group[];
  /** Hash of every group, stored in the node's tag after the write. */
  hashes: Record<string, string>;
  /** Groups to write on the found node (a created node gets every group). */
  write: Set<string>;
  /** The tag must be rewritten (a group's hash changed, or the groups themselves did). */
  retag: boolean;
  children: PlannedNode[];
}

/** A font some text on the map uses that must be loaded before that text is rewritten. */
export interface DesignerFont {
  font: FontName;
  /** Where it is used, in words: the card or layer a designer would recognise. */
  where: string;
  /** The editor reports the font as missing: it cannot be loaded. */
  missing: boolean;
}

export interface RenderPlan {
  root: PlannedNode;
  designerFonts: DesignerFont[];
  /** Specs planned (for progress). */
  count: number;
}

const fontKey = (f: FontName) => `${f.family}\u0000${f.style}`;

export async function planRenderAsync(root: NodeSpec, existing: Map<string, Indexed>, fonts: FontSet, slicer: Slicer): Promise<RenderPlan> {
  const ours = new Set(Object.values(fonts).map(fontKey));
  const designerFonts = new Map<string, DesignerFont>();
  let count = 0;

  async function plan(spec: NodeSpec, parentLayout: ApplyContext['parentLayout'], where: string): Promise<PlannedNode> {
    count++;
    const ctx: ApplyContext = { fonts, parentLayout };
    const groups = groupsFor(spec, ctx);
    const hashes: Record<string, string> = {};
    for (const g of groups) hashes[g.name] = hashOf(g.value);
    const hit = existing.get(spec.key);
    const usable = hit && !hit.node.removed && hit.node.type === spec.type ? hit : null;
    const replaced = hit && !usable && !hit.node.removed ? hit.node : null;
    const write = new Set<string>();
    // A copy standing for its key (cut and pasted: its original is gone) is tagged with its own id.
    let retag = !usable || usable.tag.n !== usable.node.id;
    if (usable) {
      const old = usable.tag.h;
      if (Object.keys(old).length !== groups.length) retag = true;
      for (const g of groups) {
        if (old[g.name] === hashes[g.name]) continue;
        retag = true;
        if (!g.current?.(usable.node)) write.add(g.name);
      }
      if (usable.node.type === 'TEXT' && !write.has('font') && [...write].some((g) => FONT_BOUND_GROUPS.has(g))) {
        noteFonts(usable.node, where);
      }
    }
    // Cards are named as the designer sees them on the canvas now, not as the new journey has them.
    const label = spec.tag?.kind === 'card' && spec.tag.field === undefined ? `card "${(usable?.node.name ?? spec.name).replace(/^Card: /, '')}"` : where;
    const children: PlannedNode[] = [];
    if (spec.type === 'FRAME') for (const child of spec.children) children.push(await plan(child, spec.layout, label));
    await slicer.maybeYield();
    return { spec, found: usable?.node ?? null, replaced, groups, hashes, write, retag, children };
  }

  /** Records every font a text uses (a designer may have restyled a word) that the map does not load itself. */
  function noteFonts(node: TextNode, where: string) {
    const length = node.characters.length;
    const used = length > 0 ? node.getRangeAllFontNames(0, length) : typeof node.fontName === 'symbol' ? [] : [node.fontName];
    const missing = node.hasMissingFont;
    for (const font of used) {
      const key = fontKey(font);
      if (ours.has(key) || designerFonts.has(key)) continue;
      designerFonts.set(key, { font, where: where || `the layer "${node.name}"`, missing });
    }
  }

  const rootPlan = await plan(root, 'PAGE', 'the map');
  return { root: rootPlan, designerFonts: [...designerFonts.values()], count };
}

/** Every spec key of a plan, for telling which existing nodes are no longer wanted. */
export function plannedKeys(p: PlannedNode, out = new Set<string>()): Set<string> {
  out.add(p.spec.key);
  for (const c of p.children) plannedKeys(c, out);
  return out;
}

