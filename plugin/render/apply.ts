// The only place that sets node properties. A spec's properties are split into small groups, in
// an order Figma accepts (auto layout before size, resize() before the sizing modes it resets, the
// font before the characters). The renderer writes a group only when its value differs from what
// the previous layout gave the same node (plan.ts), and on a new node only what differs from the
// value Figma gives a new node (defaults.ts): an unchanged journey writes nothing, and a restyle
// writes only the paints that change.
import { effectiveSizing, type FontSet, type FrameSpec, type NodeSpec, type PaintSpec, type ShapeSpec, type StrokeSpec, type TextSpec, type VectorSpec } from '../../shared/layout/spec';
import { CREATED_BY_TYPE, CREATED_FRAME, CREATED_TEXT, sameColours, type CreatedNode } from './defaults';
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
  /** `created`: the node is new, so properties it already has by default are not written. */
  apply(node: SceneNode, created: boolean): void | Promise<void>;
  /** True when the node already shows this group's value, so the write can be skipped. */
  current?(node: SceneNode): boolean;
  /** True when a new node already has this value (nothing to write on creation). */
  createdWith?: boolean;
}

const solid = (p: PaintSpec | undefined): SolidPaint[] =>
  p ? [{ type: 'SOLID', color: { r: p.color.r, g: p.color.g, b: p.color.b }, opacity: p.opacity ?? 1 }] : [];

const autoLayoutParent = (ctx: ApplyContext) => ctx.parentLayout === 'HORIZONTAL' || ctx.parentLayout === 'VERTICAL';

function positionGroup(spec: NodeSpec, ctx: ApplyContext): Group | null {
  // An absolute child of an auto-layout frame is placed like a child of a frame without layout
  // (https://developers.figma.com/docs/plugins/api/properties/nodes-layoutpositioning/).
  const absolute = spec.absolute === true && autoLayoutParent(ctx);
  if (ctx.parentLayout !== 'NONE' && !absolute) return null;
  const x = spec.x ?? 0;
  const y = spec.y ?? 0;
  return {
    name: 'pos',
    value: [x, y, absolute],
    createdWith: !absolute && x === 0 && y === 0,
    apply(node) {
      if (absolute) (node as SceneNode & AutoLayoutChildrenMixin).layoutPositioning = 'ABSOLUTE';
      node.x = x;
      node.y = y;
    },
  };
}

/** Fill, stroke, corner and opacity: separate groups, so a restyle writes only what changes. */
function paintGroups(fill: PaintSpec | undefined, stroke: StrokeSpec | undefined, radius: number | undefined, opacity: number | undefined, created: CreatedNode): Group[] {
  const fills = solid(fill);
  const strokeColours = stroke ? [stroke.paint.color] : [];
  const strokeAlign = stroke?.align ?? 'INSIDE';
  const groups: Group[] = [
    {
      name: 'fill',
      value: fill ?? null,
      createdWith: sameColours(fill ? [fill.color] : [], created.fills) && (fill?.opacity ?? 1) === 1,
      apply: (n) => void ((n as GeometryMixin).fills = fills),
    },
    {
      // The paint alone: a restyle changes colours, rarely weights, so they are separate groups.
      name: 'stroke',
      value: stroke ? stroke.paint : null,
      createdWith: sameColours(strokeColours, created.strokes) && (stroke?.paint.opacity ?? 1) === 1,
      apply: (n) => void ((n as MinimalStrokesMixin).strokes = solid(stroke?.paint)),
    },
    {
      name: 'strokeStyle',
      // Without a stroke, weight, alignment and dashes show nothing: whatever the node has is kept.
      value: stroke ? [stroke.weight, strokeAlign, stroke.dash ?? []] : null,
      createdWith: !stroke || (stroke.weight === created.strokeWeight && strokeAlign === created.strokeAlign && !stroke.dash?.length),
      apply(n, isNew) {
        if (!stroke) return;
        const node = n as MinimalStrokesMixin;
        if (!isNew || stroke.weight !== created.strokeWeight) node.strokeWeight = stroke.weight;
        if (!isNew || strokeAlign !== created.strokeAlign) node.strokeAlign = strokeAlign;
        if (!isNew || stroke.dash?.length) node.dashPattern = stroke.dash ?? [];
      },
    },
    { name: 'opacity', value: opacity ?? 1, createdWith: (opacity ?? 1) === 1, apply: (n) => void ((n as BlendMixin).opacity = opacity ?? 1) },
  ];
  if (radius !== undefined) groups.push({ name: 'corner', value: radius, createdWith: radius === 0, apply: (n) => void ((n as CornerMixin).cornerRadius = radius) });
  return groups;
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
  const canHug = spec.layout !== 'NONE';
  const canFill = autoLayoutParent(ctx);
  const h = effectiveSizing(spec.sizingH, canHug, canFill);
  const v = effectiveSizing(spec.sizingV, canHug, canFill);
  const size = { w: spec.width, h: spec.height, sh: h, sv: v };
  const groups: Group[] = [
    { name: 'name', value: spec.name, apply: (node) => void (node.name = spec.name) },
    {
      name: 'layout',
      value: layout,
      apply(n, isNew) {
        const node = n as FrameNode;
        // On a new frame, write only what differs from a new frame's defaults (defaults.ts).
        const set = <K extends keyof FrameNode>(key: K, value: FrameNode[K], initial: unknown) => {
          if (!isNew || value !== initial) node[key] = value;
        };
        set('layoutMode', spec.layout, CREATED_FRAME.layoutMode);
        set('clipsContent', layout.clip, CREATED_FRAME.clipsContent);
        if (spec.layout === 'NONE') return;
        const [t, r, b, l] = layout.padding;
        set('paddingTop', t, CREATED_FRAME.padding);
        set('paddingRight', r, CREATED_FRAME.padding);
        set('paddingBottom', b, CREATED_FRAME.padding);
        set('paddingLeft', l, CREATED_FRAME.padding);
        set('itemSpacing', layout.gap, CREATED_FRAME.itemSpacing);
        set('primaryAxisAlignItems', layout.alignPrimary, CREATED_FRAME.align);
        set('counterAxisAlignItems', layout.alignCounter, CREATED_FRAME.align);
        if (spec.layout === 'HORIZONTAL') {
          set('layoutWrap', layout.wrap ? 'WRAP' : 'NO_WRAP', CREATED_FRAME.layoutWrap);
          if (layout.wrap) node.counterAxisSpacing = layout.counterGap;
        }
      },
    },
    {
      name: 'size',
      value: size,
      apply(n, isNew) {
        const node = n as FrameNode;
        // Auto layout sizes a new frame that hugs or fills on both axes: no resize to write.
        if (!isNew || h === 'FIXED' || v === 'FIXED') {
          node.resizeWithoutConstraints(Math.max(0.01, spec.width), Math.max(0.01, spec.height));
        }
        // resize() leaves both axes FIXED; set hug and fill afterwards
        // (https://developers.figma.com/docs/plugins/api/properties/nodes-resize/).
        if (h !== 'FIXED') node.layoutSizingHorizontal = h;
        if (v !== 'FIXED') node.layoutSizingVertical = v;
      },
    },
    ...paintGroups(spec.fill, spec.stroke, spec.radius ?? 0, spec.opacity, CREATED_BY_TYPE.FRAME),
  ];
  const pos = positionGroup(spec, ctx);
  if (pos) groups.push(pos);
  return groups;
}

/** Groups whose writes need every font the text node uses loaded (characters, auto-resize). */
export const FONT_BOUND_GROUPS = new Set(['text', 'size']);

function textGroups(spec: TextSpec, ctx: ApplyContext): Group[] {
  const font = fontFor(ctx.fonts, spec.weight, spec.italic);
  const letterSpacing = spec.letterSpacing ?? 0;
  const fontValue = { font, size: spec.size, lh: spec.lineHeight, ls: letterSpacing, upper: spec.upper ?? false, align: spec.align ?? 'LEFT' };
  const size = { sh: spec.sizingH, w: spec.width ?? 0, fill: spec.sizingH === 'FILL' && autoLayoutParent(ctx), lh: spec.lineHeight };
  const groups: Group[] = [
    {
      name: 'font',
      value: fontValue,
      apply(n, isNew) {
        const node = n as TextNode;
        // Setting fontName needs only the new font loaded, and makes it the node's only font.
        node.fontName = font;
        node.fontSize = spec.size;
        node.lineHeight = { unit: 'PIXELS', value: spec.lineHeight };
        if (!isNew || letterSpacing !== CREATED_TEXT.letterSpacing) node.letterSpacing = { unit: 'PIXELS', value: letterSpacing };
        const textCase = spec.upper ? 'UPPER' : 'ORIGINAL';
        if (!isNew || textCase !== CREATED_TEXT.textCase) node.textCase = textCase;
        if (!isNew || (spec.align ?? 'LEFT') !== CREATED_TEXT.textAlignHorizontal) node.textAlignHorizontal = spec.align ?? 'LEFT';
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
      // A new text already auto-sizes its width and height.
      createdWith: spec.sizingH === 'HUG' && CREATED_TEXT.textAutoResize === 'WIDTH_AND_HEIGHT',
      apply(n, isNew) {
        const node = n as TextNode;
        if (spec.sizingH === 'HUG') {
          node.textAutoResize = 'WIDTH_AND_HEIGHT';
          return;
        }
        // A new text that fills its auto-layout parent takes its width from the parent.
        if (!isNew || !size.fill) node.resize(Math.max(1, spec.width ?? 100), spec.lineHeight);
        node.textAutoResize = 'HEIGHT';
        if (size.fill) node.layoutSizingHorizontal = 'FILL';
      },
    },
    { name: 'fill', value: spec.color, createdWith: sameColours([spec.color.color], CREATED_BY_TYPE.TEXT.fills) && (spec.color.opacity ?? 1) === 1, apply: (n) => void ((n as TextNode).fills = solid(spec.color)) },
    { name: 'opacity', value: spec.opacity ?? 1, createdWith: (spec.opacity ?? 1) === 1, apply: (n) => void ((n as TextNode).opacity = spec.opacity ?? 1) },
  ];
  const pos = positionGroup(spec, ctx);
  if (pos) groups.push(pos);
  return groups;
}

function shapeGroups(spec: ShapeSpec, ctx: ApplyContext): Group[] {
  const groups: Group[] = [
    { name: 'name', value: spec.name, apply: (node) => void (node.name = spec.name) },
    { name: 'size', value: [spec.width, spec.height], apply: (node) => (node as RectangleNode).resizeWithoutConstraints(Math.max(0.01, spec.width), Math.max(0.01, spec.height)) },
    ...paintGroups(spec.fill, spec.stroke, spec.type === 'RECTANGLE' ? spec.radius ?? 0 : undefined, spec.opacity, CREATED_BY_TYPE[spec.type]),
  ];
  const pos = positionGroup(spec, ctx);
  if (pos) groups.push(pos);
  return groups;
}

/** True when the vector has an arrowhead or another cap on one end only. */
const hasEndCaps = (spec: Pick<VectorSpec, 'startCap' | 'endCap'>) => (spec.startCap && spec.startCap !== 'NONE') || (spec.endCap && spec.endCap !== 'NONE');

/**
 * Sets a vector's path, moving it to the spec's x/y first when `placed` (its parent has no auto
 * layout): Figma re-fits the box to the geometry when the path is set (see vectorGroups). Also used
 * by the live redraw of an emotion curve (plugin/map/live-curves.ts).
 */
export async function writeVectorPath(node: VectorNode, spec: Pick<VectorSpec, 'path' | 'x' | 'y' | 'startCap' | 'endCap'>, placed: boolean): Promise<void> {
  if (placed) {
    node.x = spec.x ?? 0;
    node.y = spec.y ?? 0;
  }
  if (hasEndCaps(spec)) {
    // A cap on one end only lives on the vertices of a vector network; with dynamic-page the
    // network is set through the async setter (typings: setVectorNetworkAsync).
    await node.setVectorNetworkAsync(pathToNetwork(spec.path, spec.startCap ?? 'NONE', spec.endCap ?? 'NONE'));
  } else {
    node.vectorPaths = [{ windingRule: /Z\s*$/.test(spec.path) ? 'NONZERO' : 'NONE', data: spec.path }];
  }
}

function vectorGroups(spec: VectorSpec, ctx: ApplyContext): Group[] {
  const capped = hasEndCaps(spec);
  const placed = ctx.parentLayout === 'NONE';
  // Position and path are one group: Figma re-fits a vector's box to its geometry when the path is
  // set, keeping the drawing where it is ("position and size are automatically adjusted to fit its
  // vertices", https://developers.figma.com/docs/plugins/api/VectorNode/). So the node is moved to
  // the layout's origin first and the path set after; writing x/y after the path would shift the
  // re-fitted drawing by the fit offset.
  const geometry = { d: spec.path, start: spec.startCap ?? 'NONE', end: spec.endCap ?? 'NONE', x: placed ? spec.x ?? 0 : null, y: placed ? spec.y ?? 0 : null };
  return [
    { name: 'name', value: spec.name, apply: (node) => void (node.name = spec.name) },
    {
      name: 'path',
      value: geometry,
      apply: (n) => writeVectorPath(n as VectorNode, spec, placed),
    },
    ...paintGroups(spec.fill, spec.stroke, undefined, spec.opacity, CREATED_BY_TYPE.VECTOR),
    {
      // A node-level cap or join is set on the whole vector network and would erase the arrowhead
      // on its end vertex ("On a vector network, the value is set on the whole vector network",
      // https://developers.figma.com/docs/plugins/api/properties/nodes-strokecap/). Capped vectors
      // carry their caps and joins on their vertices instead (vector-network.ts).
      name: 'caps',
      value: capped ? 'vertex' : 'round',
      createdWith: !!capped,
      apply(n) {
        if (capped) return;
        const node = n as VectorNode;
        node.strokeCap = 'ROUND';
        node.strokeJoin = 'ROUND';
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
