// The layout tree: what the map looks like, as plain data. shared/layout builds it from a journey
// and a style (pure, deterministic); plugin/render turns it into Figma nodes and the UI preview
// into HTML. Frames use auto layout (Figma's flexbox), so the canvas reflows when a designer
// edits text; only the emotion lane and the flow band place children at fixed x/y.
import type { Rgb } from '../theme/colors';

/** What a node stands for in the model, so canvas edits can be read back. */
export type TagKind =
  | 'map'
  | 'journey'
  | 'persona'
  | 'stage'
  | 'step'
  | 'lane'
  | 'cell'
  | 'card'
  | 'curve'
  | 'point'
  | 'link'
  | 'decor'
  /** The root frame of a view for stakeholders (shared/layout/views): id = the view's id, field = a slide's stage id. */
  | 'view';

export interface Tag {
  kind: TagKind;
  /** Model id (for cells: `laneId|stepId`; for points: the curve id). */
  id: string;
  /** The model field a text node shows (`text`, `name`, `owner`…); for points, the step id. */
  field?: string;
}

export interface PaintSpec {
  color: Rgb;
  opacity?: number;
}

export interface StrokeSpec {
  paint: PaintSpec;
  weight: number;
  dash?: number[];
  align?: 'INSIDE' | 'CENTER' | 'OUTSIDE';
}

export type Sizing = 'FIXED' | 'HUG' | 'FILL';

/**
 * The sizing a node gets where it is drawn: FILL only inside an auto-layout parent, HUG only for an
 * auto-layout frame (or a text); otherwise FIXED, as Figma does. The renderer and the panel's
 * preview both size by this.
 */
export const effectiveSizing = (s: Sizing, canHug: boolean, canFill: boolean): Sizing => ((s === 'FILL' && !canFill) || (s === 'HUG' && !canHug) ? 'FIXED' : s);
export type FontWeight = 'regular' | 'medium' | 'semibold' | 'bold';

interface SpecBase {
  /** Unique within the map and stable across renders: how a node is found again. */
  key: string;
  /** Layer name in Figma. */
  name: string;
  tag?: Tag;
  opacity?: number;
  /** Position, for children of frames without auto layout, and for absolute children. */
  x?: number;
  y?: number;
  /** Out of its auto-layout parent's flow, at x / y (Figma's layoutPositioning 'ABSOLUTE'). */
  absolute?: boolean;
}

export interface FrameSpec extends SpecBase {
  type: 'FRAME';
  layout: 'NONE' | 'HORIZONTAL' | 'VERTICAL';
  /** top, right, bottom, left */
  padding?: [number, number, number, number];
  gap?: number;
  wrap?: boolean;
  counterGap?: number;
  alignPrimary?: 'MIN' | 'CENTER' | 'MAX' | 'SPACE_BETWEEN';
  alignCounter?: 'MIN' | 'CENTER' | 'MAX';
  sizingH: Sizing;
  sizingV: Sizing;
  /** Size on FIXED axes; also the starting size of the node. */
  width: number;
  height: number;
  fill?: PaintSpec;
  stroke?: StrokeSpec;
  radius?: number;
  clip?: boolean;
  shadow?: boolean;
  children: NodeSpec[];
}

export interface TextSpec extends SpecBase {
  type: 'TEXT';
  text: string;
  weight: FontWeight;
  italic?: boolean;
  size: number;
  /** Line height in pixels. */
  lineHeight: number;
  color: PaintSpec;
  align?: 'LEFT' | 'CENTER' | 'RIGHT';
  upper?: boolean;
  letterSpacing?: number;
  sizingH: Sizing;
  /** Width when sizingH is FIXED, and the wrapping width to start from when FILL. */
  width?: number;
}

export interface ShapeSpec extends SpecBase {
  type: 'RECTANGLE' | 'ELLIPSE';
  width: number;
  height: number;
  fill?: PaintSpec;
  stroke?: StrokeSpec;
  radius?: number;
  rotation?: number;
}

export type Cap = 'NONE' | 'ROUND' | 'ARROW_LINES' | 'ARROW_EQUILATERAL' | 'TRIANGLE_FILLED' | 'CIRCLE_FILLED';

export interface VectorSpec extends SpecBase {
  type: 'VECTOR';
  /** SVG-subset path in Figma's form (absolute M/L/C/Z, single spaces), local to x/y. */
  path: string;
  width: number;
  height: number;
  stroke: StrokeSpec;
  fill?: PaintSpec;
  /** Caps for the path's first and last vertex (drawn with a vector network). */
  startCap?: Cap;
  endCap?: Cap;
}

/** A FigJam connector, attached to two other nodes of the map by key. */
export interface ConnectorSpec extends SpecBase {
  type: 'CONNECTOR';
  fromKey: string;
  toKey: string;
  /** The side of each end the connector attaches to (Figma's ConnectorEndpoint magnet); AUTO when not given. */
  fromMagnet?: 'AUTO' | 'TOP' | 'BOTTOM' | 'LEFT' | 'RIGHT';
  toMagnet?: 'AUTO' | 'TOP' | 'BOTTOM' | 'LEFT' | 'RIGHT';
  label?: string;
  /** The label's text colour and the plate behind it, so it reads over lines and cards in every theme. */
  labelPaint?: PaintSpec;
  labelBackground?: PaintSpec;
  stroke: StrokeSpec;
  lineType: 'ELBOWED' | 'STRAIGHT' | 'CURVED';
}

export type NodeSpec = FrameSpec | TextSpec | ShapeSpec | VectorSpec | ConnectorSpec;

/** Fonts the layout needs, by weight. Resolved by the plugin against the fonts Figma has. */
export type FontSet = Record<FontWeight | 'italic', { family: string; style: string }>;


export function walk(spec: NodeSpec, visit: (s: NodeSpec, parent: FrameSpec | null) => void, parent: FrameSpec | null = null): void {
  visit(spec, parent);
  if (spec.type === 'FRAME') for (const child of spec.children) walk(child, visit, spec);
}
