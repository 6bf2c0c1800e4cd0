// The only place that sets node properties. A spec's properties are split into groups; each
// group's value is hashed, and the renderer applies a group only when its hash differs from the
// one stored on the node. Groups are applied in an order Figma accepts: auto layout before size,
// resize() before the sizing modes it resets, the font before the characters.
import type { FontSet, FrameSpec, NodeSpec, Paint, ShapeSpec, Stroke, TextSpec, VectorSpec } from '../../shared/layout/spec';
import { fontFor } from './fonts';
import { pathToNetwork } from './vector-network';

export interface ApplyContext {
  fonts: FontSet;
  /** Layout of the parent the node sits in ('PAGE' for the map frame itself). */
  parentLayout: 'NONE' | 'HORIZONTAL' | 'VERTICAL' | 'PAGE';
  /** True when the node was just created (position groups are written only then for the map). */
  created: boolean;
}

export interface Group {
  name: string;
  value: unknown;
  apply(): void | Promise<void>;
}

const solid = (p: Paint | undefined): Paint[] | SolidPaint[] =>
  p ? [{ type: 'SOLID', color: { r: p.color.r, g: p.color.g, b: p.color.b }, opacity: p.opacity ?? 1 }] : [];

function applyStroke(node: MinimalStrokesMixin, s: Stroke | undefined) {
  node.strokes = solid(s?.paint) as SolidPaint[];
  if (!s) return;
  node.strokeWeight = s.weight;
  node.strokeAlign = s.align ?? 'INSIDE';
  node.dashPattern = s.dash ?? [];
}

const autoLayoutParent = (ctx: ApplyContext) => ctx.parentLayout === 'HORIZONTAL' || ctx.parentLayout === 'VERTICAL';

function positionGroup(spec: NodeSpec, node: SceneNode & LayoutMixin, ctx: ApplyContext, after: unknown): Group | null {
  if (ctx.parentLayout !== 'NONE') return null;
  return {
    name: 'pos',
    value: [spec.x ?? 0, spec.y ?? 0, after],
    apply() {
      node.x = spec.x ?? 0;
      node.y = spec.y ?? 0;
    },
  };
}

function frameGroups(spec: FrameSpec, node: FrameNode, ctx: ApplyContext): Group[] {
  const layout = {
    layout: spec.layout,
    padding: spec.padding ?? [0, 0, 0, 0],
    gap: spec.gap ?? 0,
    wrap: spec.wrap ?? false,
    counterGap: spec.counterGap ?? 0,
    alignPrimary: spec.alignPrimary ?? 'MIN',
    alignCounter: spec.alignCounter ?? 'MIN',
    clip: spec.clip ?? false,
  };
  const size = { w: spec.width, h: spec.height, sh: spec.sizingH, sv: spec.sizingV, parent: ctx.parentLayout, layout: spec.layout };
  const groups: Group[] = [
    { name: 'name', value: spec.name, apply: () => void (node.name = spec.name) },
    {
      name: 'layout',
      value: layout,
      apply() {
        node.layoutMode = spec.layout;
        node.clipsContent = layout.clip;
        if (spec.layout === 'NONE') return;
        const [t, r, b, l] = layout.padding;
        node.paddingTop = t;
        node.paddingRight = r;
        node.paddingBottom = b;
        node.paddingLeft = l;
        node.itemSpacing = layout.gap;
        node.primaryAxisAlignItems = layout.alignPrimary;
        node.counterAxisAlignItems = layout.alignCounter;
        if (spec.layout === 'HORIZONTAL') {
          node.layoutWrap = layout.wrap ? 'WRAP' : 'NO_WRAP';
          if (layout.wrap) node.counterAxisSpacing = layout.counterGap;
        }
      },
    },
    {
      name: 'size',
      value: size,
      apply() {
        node.resizeWithoutConstraints(Math.max(0.01, spec.width), Math.max(0.01, spec.height));
        // resize() leaves both axes FIXED; set hug and fill afterwards (figma-platform.md §6).
        const canHug = spec.layout !== 'NONE';
        const canFill = autoLayoutParent(ctx);
        const sizing = (s: FrameSpec['sizingH']) => (s === 'FILL' && !canFill) || (s === 'HUG' && !canHug) ? 'FIXED' : s;
        const h = sizing(spec.sizingH);
        const v = sizing(spec.sizingV);
        if (h !== 'FIXED') node.layoutSizingHorizontal = h;
        if (v !== 'FIXED') node.layoutSizingVertical = v;
      },
    },
    {
      name: 'paint',
      value: [spec.fill, spec.stroke, spec.radius ?? 0, spec.opacity ?? 1],
      apply() {
        node.fills = solid(spec.fill) as SolidPaint[];
        applyStroke(node, spec.stroke);
        node.cornerRadius = spec.radius ?? 0;
        node.opacity = spec.opacity ?? 1;
      },
    },
  ];
  const pos = positionGroup(spec, node, ctx, size);
  if (pos) groups.push(pos);
  return groups;
}

function textGroups(spec: TextSpec, node: TextNode, ctx: ApplyContext): Group[] {
  const font = fontFor(ctx.fonts, spec.weight, spec.italic);
  const fontValue = { font, size: spec.size, lh: spec.lineHeight, ls: spec.letterSpacing ?? 0, upper: spec.upper ?? false, align: spec.align ?? 'LEFT' };
  const size = { sh: spec.sizingH, w: spec.width ?? 0, parent: ctx.parentLayout, lh: spec.lineHeight };
  const groups: Group[] = [
    {
      name: 'font',
      value: fontValue,
      apply() {
        node.fontName = font;
        node.fontSize = spec.size;
        node.lineHeight = { unit: 'PIXELS', value: spec.lineHeight };
        node.letterSpacing = { unit: 'PIXELS', value: spec.letterSpacing ?? 0 };
        node.textCase = spec.upper ? 'UPPER' : 'ORIGINAL';
        node.textAlignHorizontal = spec.align ?? 'LEFT';
      },
    },
    { name: 'text', value: spec.text, apply: () => void (node.characters = spec.text) },
    {
      name: 'size',
      value: size,
      apply() {
        if (spec.sizingH === 'HUG') {
          node.textAutoResize = 'WIDTH_AND_HEIGHT';
          return;
        }
        node.resize(Math.max(1, spec.width ?? 100), spec.lineHeight);
        node.textAutoResize = 'HEIGHT';
        if (spec.sizingH === 'FILL' && autoLayoutParent(ctx)) node.layoutSizingHorizontal = 'FILL';
      },
    },
    { name: 'paint', value: [spec.color, spec.opacity ?? 1], apply: () => void ((node.fills = solid(spec.color) as SolidPaint[]), (node.opacity = spec.opacity ?? 1)) },
  ];
  const pos = positionGroup(spec, node, ctx, [size, spec.text, fontValue]);
  if (pos) groups.push(pos);
  return groups;
}

function shapeGroups(spec: ShapeSpec, node: RectangleNode | EllipseNode, ctx: ApplyContext): Group[] {
  const groups: Group[] = [
    { name: 'name', value: spec.name, apply: () => void (node.name = spec.name) },
    { name: 'size', value: [spec.width, spec.height], apply: () => node.resizeWithoutConstraints(Math.max(0.01, spec.width), Math.max(0.01, spec.height)) },
    {
      name: 'paint',
      value: [spec.fill, spec.stroke, spec.radius ?? 0, spec.opacity ?? 1],
      apply() {
        node.fills = solid(spec.fill) as SolidPaint[];
        applyStroke(node, spec.stroke);
        if (node.type === 'RECTANGLE') node.cornerRadius = spec.radius ?? 0;
        node.opacity = spec.opacity ?? 1;
      },
    },
  ];
  const pos = positionGroup(spec, node, ctx, [spec.width, spec.height]);
  if (pos) groups.push(pos);
  return groups;
}

function vectorGroups(spec: VectorSpec, node: VectorNode, ctx: ApplyContext): Group[] {
  const closed = /Z\s*$/.test(spec.path);
  const capped = (spec.startCap && spec.startCap !== 'NONE') || (spec.endCap && spec.endCap !== 'NONE');
  const path = { d: spec.path, start: spec.startCap ?? 'NONE', end: spec.endCap ?? 'NONE' };
  const groups: Group[] = [
    { name: 'name', value: spec.name, apply: () => void (node.name = spec.name) },
    {
      name: 'path',
      value: path,
      async apply() {
        if (capped) {
          // A cap on one end only needs per-vertex caps, which only a vector network carries;
          // with dynamic-page the network is set through the async setter (figma-platform.md §2).
          await node.setVectorNetworkAsync(pathToNetwork(spec.path, path.start, path.end));
        } else {
          node.vectorPaths = [{ windingRule: closed ? 'NONZERO' : 'NONE', data: spec.path }];
        }
      },
    },
    {
      name: 'paint',
      value: [spec.fill, spec.stroke, spec.opacity ?? 1],
      apply() {
        node.fills = solid(spec.fill) as SolidPaint[];
        applyStroke(node, spec.stroke);
        node.strokeCap = 'ROUND';
        node.strokeJoin = 'ROUND';
        node.opacity = spec.opacity ?? 1;
      },
    },
  ];
  const pos = positionGroup(spec, node, ctx, path);
  if (pos) groups.push(pos);
  return groups;
}

export function groupsFor(spec: NodeSpec, node: SceneNode, ctx: ApplyContext): Group[] {
  switch (spec.type) {
    case 'FRAME':
      return frameGroups(spec, node as FrameNode, ctx);
    case 'TEXT':
      return textGroups(spec, node as TextNode, ctx);
    case 'RECTANGLE':
    case 'ELLIPSE':
      return shapeGroups(spec, node as RectangleNode | EllipseNode, ctx);
    case 'VECTOR':
      return vectorGroups(spec, node as VectorNode, ctx);
    case 'CONNECTOR':
      return [];
  }
}

export function createNode(figma: PluginAPI, spec: NodeSpec): SceneNode {
  switch (spec.type) {
    case 'FRAME':
      return figma.createFrame();
    case 'TEXT':
      return figma.createText();
    case 'RECTANGLE':
      return figma.createRectangle();
    case 'ELLIPSE':
      return figma.createEllipse();
    case 'VECTOR':
      return figma.createVector();
    case 'CONNECTOR':
      return figma.createConnector();
  }
}

/** Figma node type a spec becomes; a node of another type under the same key is replaced. */
export const nodeTypeOf = (spec: NodeSpec): NodeType => spec.type;
