// The first half of a render: decide, without writing anything, which node each spec becomes and
// which property groups must be written; and collect what must hold before the first write (the
// fonts a designer put into texts that will be rewritten). Planning reads the canvas only.
//
// What to write is decided against the PREVIOUS layout of the same map (the layout of the journey
// and style it was last fully drawn from): a group is written when its value in the new layout
// differs from its value in the previous one. Without a previous layout (a new map, a map drawn
// by another layout version, a render that did not finish) every group of an existing node is
// written. Nodes carry no record of what was written, so their tags stay small and a restyle never
// rewrites them.
import type { FontSet, NodeSpec } from '../../shared/layout/spec';
import { FONT_BOUND_GROUPS, groupsFor, type ApplyContext } from './apply';
import { encodeTag, isCurrentTag, type NodeTag } from './tags';
import type { Slicer } from '../yield';

export interface Indexed {
  node: SceneNode;
  /** node.id, read once: every read is a call across the plugin sandbox's boundary. */
  id: string;
  tag: NodeTag;
  /** The tag as stored, to tell whether it must be rewritten. */
  raw: string;
}

/** A spec of the previous layout and the layout of its parent (which decides some groups). */
export interface PreviousSpec {
  spec: NodeSpec;
  parentLayout: ApplyContext['parentLayout'];
}

export interface PlannedNode {
  spec: NodeSpec;
  /** The node this spec updates; null when it must be created. */
  found: SceneNode | null;
  /** Its id (read once while indexing the map). */
  foundId: string | null;
  /** A node under the same key but of another type: removed and replaced. */
  replaced: SceneNode | null;
  /** Layout of the parent, for building the node's groups again when they are written. */
  parentLayout: ApplyContext['parentLayout'];
  /** Groups to write on the found node (a created node gets every group it does not have already). */
  write: ReadonlySet<string>;
  /** The tag to write; null when the node's tag is already this. */
  tag: string | null;
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
  /** True when anything at all will be written: created, rewritten or retagged. */
  writes: boolean;
}

const fontKey = (f: FontName) => `${f.family}\u0000${f.style}`;

/** The write set of a node with nothing to write, shared (most nodes of an update). */
const NOTHING: ReadonlySet<string> = new Set();

/** Nodes a walk below visits between two chances to yield (a map has ~9 per card). */
const NODES_PER_STEP = 400;

/** Every spec of a layout by key, with its parent's layout; pauses as the map grows (10k specs). */
export async function indexSpecsAsync(root: NodeSpec, slicer: Slicer): Promise<Map<string, PreviousSpec>> {
  const out = new Map<string, PreviousSpec>();
  const stack: PreviousSpec[] = [{ spec: root, parentLayout: 'PAGE' }];
  for (let n = 1; stack.length; n++) {
    const at = stack.pop()!;
    out.set(at.spec.key, at);
    const spec = at.spec;
    if (spec.type === 'FRAME') for (const child of spec.children) stack.push({ spec: child, parentLayout: spec.layout });
    if (n % NODES_PER_STEP === 0) await slicer.maybeYield();
  }
  return out;
}

/**
 * Structural equality of group values (plain data: numbers, strings, arrays, objects); a field
 * holding undefined counts as absent. Loops rather than Object.keys/filter/every: it runs for every
 * node of every update, and in an interpreter each temporary array and closure is paid for.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  return sameFields(a as Record<string, unknown>, b as Record<string, unknown>, null);
}

/** The objects' fields other than `skip` are equal. */
function sameFields(a: Record<string, unknown>, b: Record<string, unknown>, skip: string | null): boolean {
  let count = 0;
  for (const k in a) {
    const value = a[k];
    if (k === skip || value === undefined) continue;
    count++;
    if (!sameValue(value, b[k])) return false;
  }
  for (const k in b) if (k !== skip && b[k] !== undefined) count--;
  return count === 0;
}

/** A spec's fields other than its children are equal (children are compared node by node). */
export function sameOwnFields(a: NodeSpec, b: NodeSpec): boolean {
  return a.type === b.type && sameFields(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, 'children');
}

export interface PlanInput {
  root: NodeSpec;
  existing: Map<string, Indexed>;
  /** The layout the map was last fully drawn from; null when unknown. */
  previous: Map<string, PreviousSpec> | null;
  fonts: FontSet;
  /** Extra tag fields of the map frame (its drawn-stamp and layout version), kept as they are. */
  mapTag: (tag: NodeTag | undefined) => Pick<NodeTag, 'd' | 'lv'>;
}

export async function planRenderAsync(input: PlanInput, slicer: Slicer): Promise<RenderPlan> {
  const { existing, previous, fonts } = input;
  const ours = new Set(Object.values(fonts).map(fontKey));
  const designerFonts = new Map<string, DesignerFont>();
  let count = 0;
  let writes = false;

  /** Groups whose value differs from the previous layout's (all of them when it is unknown). */
  function changedGroups(spec: NodeSpec, parentLayout: ApplyContext['parentLayout'], node: SceneNode): ReadonlySet<string> {
    const before = previous?.get(spec.key);
    // Groups are a function of the spec's own fields and its parent's layout: when neither changed,
    // no group did, and neither set of groups needs building (most nodes of an update).
    if (before && before.parentLayout === parentLayout && sameOwnFields(before.spec, spec)) return NOTHING;
    const groups = groupsFor(spec, { fonts, parentLayout });
    const old = before && before.spec.type === spec.type ? groupsFor(before.spec, { fonts, parentLayout: before.parentLayout }) : null;
    let write: Set<string> | null = null;
    for (const g of groups) {
      const o = old?.find((x) => x.name === g.name);
      if (o && sameValue(o.value, g.value)) continue;
      if (!g.current?.(node)) (write ??= new Set()).add(g.name);
    }
    return write ?? NOTHING;
  }

  async function plan(spec: NodeSpec, parentLayout: ApplyContext['parentLayout'], where: () => string): Promise<PlannedNode> {
    count++;
    const hit = existing.get(spec.key);
    // Whether the node is still there is checked again when it is placed, not here.
    const usable = hit && hit.node.type === spec.type ? hit : null;
    const replaced = hit && !usable && !hit.node.removed ? hit.node : null;
    const write = usable ? changedGroups(spec, parentLayout, usable.node) : NOTHING;
    if (usable && write.size && spec.type === 'TEXT' && !write.has('font') && [...write].some((g) => FONT_BOUND_GROUPS.has(g))) noteFonts(usable.node as TextNode, where());
    const tag = usable ? tagToWrite(usable, spec, parentLayout) : '';
    if (!usable || write.size || tag !== null || replaced) writes = true;
    // Cards are named as the designer sees them on the canvas now, not as the new journey has them.
    // Read only when a font must be named: reading every card's name is a call into Figma per card.
    const label = spec.tag?.kind === 'card' && spec.tag.field === undefined ? () => `card "${(usable?.node.name ?? spec.name).replace(/^Card: /, '')}"` : where;
    const children: PlannedNode[] = [];
    if (spec.type === 'FRAME') for (const child of spec.children) children.push(await plan(child, spec.layout, label));
    await slicer.maybeYield();
    // The groups themselves are not kept: they are built again for the nodes that are written, so
    // the plan of a large map holds no closures (fewer live objects for QuickJS's collector).
    return { spec, found: usable?.node ?? null, foundId: usable?.id ?? null, replaced, parentLayout, write, tag, children };
  }

  /** The node's new tag, or null when the stored one is already it. */
  function tagToWrite(hit: Indexed, spec: NodeSpec, parentLayout: ApplyContext['parentLayout']): string | null {
    if (parentLayout !== 'PAGE' && isCurrentTag(hit.raw, hit.tag, spec.key, hit.id, spec.tag)) return null;
    const text = encodeTag(spec.key, hit.id, spec.tag, parentLayout === 'PAGE' ? input.mapTag(hit.tag) : {});
    return text === hit.raw ? null : text;
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

  const rootPlan = await plan(input.root, 'PAGE', () => 'the map');
  return { root: rootPlan, designerFonts: [...designerFonts.values()], count, writes };
}

/** Every spec key of a plan, for telling which existing nodes are no longer wanted. */
export async function plannedKeysAsync(root: PlannedNode, slicer: Slicer): Promise<Set<string>> {
  const out = new Set<string>();
  const stack: PlannedNode[] = [root];
  for (let n = 1; stack.length; n++) {
    const p = stack.pop()!;
    out.add(p.spec.key);
    for (const c of p.children) stack.push(c);
    if (n % NODES_PER_STEP === 0) await slicer.maybeYield();
  }
  return out;
}
