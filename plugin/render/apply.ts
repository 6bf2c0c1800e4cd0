// The only place that sets node properties. A spec's properties are split into groups; each
// group's value is hashed, and the renderer applies a group only when its hash differs from the
// one stored on the node. Groups are applied in an order Figma accepts: auto layout before size,
// resize() before the sizing modes it resets, the font before the characters.
import type { FontSet, FrameSpec, NodeSpec, PaintSpec, ShapeSpec, StrokeSpec, TextSpec, VectorSpec } from '../../shared/layout/spec';
import { fontFor } from './fonts';
import { pathToNetwork } from './vector-network';

export interface ApplyContext {
  fonts: FontSet;
  /** Layout of the parent the node sits in ('PAGE' for the map frame itself). */
  parentLayout: 'NONE' | 'HORIZONTAL' | 'VERTICAL' | 'PAGE';
}

export interface Group {
  name: string;
  value: unknown;
  apply(node: SceneNode): void | Promise<void>;
  /** True when the node already shows this group's value, so the write can be skipped. */
  current?(node: SceneNode): boolean;
}

const solid = (p: PaintSpec | undefined): SolidPaint[] =>
  p ? [{ type: 'SOLID', color: { r: p.color.r, g: p.color.g, b: p.color.b }, opacity: p.opacity ?? 1 }] : [];

function applyStroke(node: MinimalStrokesMixin, s: StrokeSpec | undefined) {
  node.strokes = solid(s?.paint);
  if (!s) return;
  node.strokeWeight = s.weight;
  node.strokeAlign = s.align ?? 'INSIDE';
  node.dashPattern = s.dash ?? [];
}

const autoLayoutParent = (ctx: ApplyContext) => ctx.parentLayout === 'HORIZONTAL' || ctx.parentLayout === 'VERTICAL';

function positionGroup(spec: NodeSpec, ctx: ApplyContext, after: unknown): Group | null {
  if (ctx.parentLayout !== 'NONE') return null;
  return {
    name: 'pos',
    value: [spec.x ?? 0, spec.y ?? 0, after],
    apply(node) {
      node.x = spec.x ?? 0;
      node.y = spec.y ?? 0;
    },
  };
}

function frameGroups(spec: FrameSpec, ctx: ApplyContext): Group[] {
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
    { name: 'name', value: spec.name, apply: (node) => void (node.name = spec.name) },
    {
      name: 'layout',
      value: layout,
      apply(n) {
        const node = n as FrameNode;
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
      apply(n) {
        const node = n as FrameNode;
        node.resizeWithoutConstraints(Math.max(0.01, spec.width), Math.max(0.01, spec.height));
        // resize() leaves both axes FIXED; set hug and fill afterwards
        // (https://developers.figma.com/docs/plugins/api/properties/nodes-resize/).
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
      apply(n) {
        const node = n as FrameNode;
        node.fills = solid(spec.fill);
        applyStroke(node, spec.stroke);
        node.cornerRadius = spec.radius ?? 0;
        node.opacity = spec.opacity ?? 1;
      },
    },
  ];
  const pos = positionGroup(spec, ctx, size);
  if (pos) groups.push(pos);
  return groups;
}

/** Groups whose writes need every font the text node uses loaded (characters, auto-resize). */
export const FONT_BOUND_GROUPS = new Set(['text', 'size']);

function textGroups(spec: TextSpec, ctx: ApplyContext): Group[] {
  const font = fontFor(ctx.fonts, spec.weight, spec.italic);
  const fontValue = { font, size: spec.size, lh: spec.lineHeight, ls: spec.letterSpacing ?? 0, upper: spec.upper ?? false, align: spec.align ?? 'LEFT' };
  const size = { sh: spec.sizingH, w: spec.width ?? 0, parent: ctx.parentLayout, lh: spec.lineHeight };
  const groups: Group[] = [
    {
      name: 'font',
      value: fontValue,
      apply(n) {
        const node = n as TextNode;
        // Setting fontName needs only the new font loaded, and makes it the node's only font.
        node.fontName = font;
        node.fontSize = spec.size;
        node.lineHeight = { unit: 'PIXELS', value: spec.lineHeight };
        node.letterSpacing = { unit: 'PIXELS', value: spec.letterSpacing ?? 0 };
        node.textCase = spec.upper ? 'UPPER' : 'ORIGINAL';
        node.textAlignHorizontal = spec.align ?? 'LEFT';
      },
    },
    {
      name: 'text',
      value: spec.text,
      apply: (n) => void ((n as TextNode).characters = spec.text),
      // A text a designer restyled (ranges in other fonts) but did not retype is left alone.
      current: (n) => (n as TextNode).characters === spec.text,
    },
    {
      name: 'size',
      value: size,
      apply(n) {
        const node = n as TextNode;
        if (spec.sizingH === 'HUG') {
          node.textAutoResize = 'WIDTH_AND_HEIGHT';
          return;
        }
        node.resize(Math.max(1, spec.width ?? 100), spec.lineHeight);
        node.textAutoResize = 'HEIGHT';
        if (spec.sizingH === 'FILL' && autoLayoutParent(ctx)) node.layoutSizingHorizontal = 'FILL';
      },
    },
    {
      name: 'paint',
      value: [spec.color, spec.opacity ?? 1],
      apply(n) {
        const node = n as TextNode;
        node.fills = solid(spec.color);
        node.opacity = spec.opacity ?? 1;
      },
    },
  ];
  const pos = positionGroup(spec, ctx, [size, spec.text, fontValue]);
  if (pos) groups.push(pos);
  return groups;
}

function shapeGroups(spec: ShapeSpec, ctx: ApplyContext): Group[] {
  const groups: Group[] = [
    { name: 'name', value: spec.name, apply: (node) => void (node.name = spec.name) },
    { name: 'size', value: [spec.width, spec.height], apply: (node) => (node as RectangleNode).resizeWithoutConstraints(Math.max(0.01, spec.width), Math.max(0.01, spec.height)) },
    {
      name: 'paint',
      value: [spec.fill, spec.stroke, spec.radius ?? 0, spec.opacity ?? 1],
      apply(n) {
        const node = n as RectangleNode | EllipseNode;
        node.fills = solid(spec.fill);
        applyStroke(node, spec.stroke);
        if (node.type === 'RECTANGLE') node.cornerRadius = spec.radius ?? 0;
        node.opacity = spec.opacity ?? 1;
      },
    },
  ];
  const pos = positionGroup(spec, ctx, [spec.width, spec.height]);
  if (pos) groups.push(pos);
  return groups;
}

/** True when the vector has an arrowhead or another cap on one end only. */
const hasEndCaps = (spec: VectorSpec) => (spec.startCap && spec.startCap !== 'NONE') || (spec.endCap && spec.endCap !== 'NONE');

function vectorGroups(spec: VectorSpec, ctx: ApplyContext): Group[] {
  const closed = /Z\s*$/.test(spec.path);
  const capped = hasEndCaps(spec);
  const placed = ctx.parentLayout === 'NONE';
  // Position and path are one group: Figma re-fits a vector's box to its geometry when the path is
  // set, keeping the drawing where it is ("position and size are automatically adjusted to fit its
  // vertices", https://developers.figma.com/docs/plugins/api/VectorNode/). So the node is moved to
  // the layout's origin first and the path set after; writing x/y after the path would shift the
  // re-fitted drawing by the fit offset. `caps: 'vertex'` marks paths drawn with per-vertex caps,
  // so maps drawn before that (whose arrowheads a node-level cap erased) are redrawn once.
  const geometry = { d: spec.path, start: spec.startCap ?? 'NONE', end: spec.endCap ?? 'NONE', caps: capped ? 'vertex' : 'node', x: placed ? spec.x ?? 0 : null, y: placed ? spec.y ?? 0 : null };
  return [
    { name: 'name', value: spec.name, apply: (node) => void (node.name = spec.name) },
    {
      name: 'path',
      value: geometry,
      async apply(n) {
        const node = n as VectorNode;
        if (placed) {
          node.x = spec.x ?? 0;
          node.y = spec.y ?? 0;
        }
        if (capped) {
          // A cap on one end only lives on the vertices of a vector network; with dynamic-page the
          // network is set through the async setter (typings: setVectorNetworkAsync).
          await node.setVectorNetworkAsync(pathToNetwork(spec.path, geometry.start, geometry.end));
        } else {
          node.vectorPaths = [{ windingRule: closed ? 'NONZERO' : 'NONE', data: spec.path }];
        }
      },
    },
    {
      name: 'paint',
      value: [spec.fill, spec.stroke, spec.opacity ?? 1, capped ? 'vertex' : 'node'],
      apply(n) {
        const node = n as VectorNode;
        node.fills = solid(spec.fill);
        applyStroke(node, spec.stroke);
        // A node-level cap or join is set on the whole vector network and would erase the
        // arrowhead on its end vertex ("On a vector network, the value is set on the whole vector
        // network", https://developers.figma.com/docs/plugins/api/properties/nodes-strokecap/).
        // Capped vectors carry their caps and joins on their vertices instead (vector-network.ts).
        if (!capped) {
          node.strokeCap = 'ROUND';
          node.strokeJoin = 'ROUND';
        }
        node.opacity = spec.opacity ?? 1;
      },
    },
  ];
}

export function groupsFor(spec: NodeSpec, ctx: ApplyContext): Group[] {
  switch (spec.type) {
    case 'FRAME':
      return frameGroups(spec, ctx);
    case 'TEXT':
      return textGroups(spec, ctx);
    case 'RECTANGLE':
    case 'ELLIPSE':
      return shapeGroups(spec, ctx);
    case 'VECTOR':
      return vectorGroups(spec, ctx);
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
