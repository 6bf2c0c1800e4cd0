// What a node created by the plugin already has, so a render writes only what differs. The typings
// say only that new shapes have "a default fill" and new lines "a black stroke, with weight 1"
// (@figma/plugin-typings plugin-api.d.ts L915, L937); the values below are the editor's defaults as
// designers see them. The compatibility command checks each of them in the real editor
// (plugin/selfcheck/checks/creation-defaults.ts), so a difference shows up there, not on a map.
type Rgb = { r: number; g: number; b: number };

export interface CreatedNode {
  fills: Rgb[];
  strokes: Rgb[];
  strokeWeight: number;
  strokeAlign: 'INSIDE' | 'CENTER' | 'OUTSIDE';
}

const WHITE = { r: 1, g: 1, b: 1 };
const BLACK = { r: 0, g: 0, b: 0 };
const SHAPE_GRAY = { r: 0.851, g: 0.851, b: 0.851 };

export const CREATED_BY_TYPE = {
  FRAME: { fills: [WHITE], strokes: [], strokeWeight: 1, strokeAlign: 'INSIDE' },
  TEXT: { fills: [BLACK], strokes: [], strokeWeight: 1, strokeAlign: 'OUTSIDE' },
  RECTANGLE: { fills: [SHAPE_GRAY], strokes: [], strokeWeight: 1, strokeAlign: 'INSIDE' },
  ELLIPSE: { fills: [SHAPE_GRAY], strokes: [], strokeWeight: 1, strokeAlign: 'INSIDE' },
  VECTOR: { fills: [], strokes: [BLACK], strokeWeight: 1, strokeAlign: 'CENTER' },
} as const satisfies Record<string, CreatedNode>;

/** Frame properties a new frame has (auto layout off, content clipped, no padding or gap, MIN alignment). */
export const CREATED_FRAME = {
  layoutMode: 'NONE',
  clipsContent: true,
  padding: 0,
  itemSpacing: 0,
  align: 'MIN',
  layoutWrap: 'NO_WRAP',
} as const;

/** Text properties a new text has (besides its font, which the render always sets). */
export const CREATED_TEXT = { textAlignHorizontal: 'LEFT', textCase: 'ORIGINAL', letterSpacing: 0, textAutoResize: 'WIDTH_AND_HEIGHT' } as const;

export const sameColours = (a: readonly Rgb[], b: readonly Rgb[]) =>
  a.length === b.length && a.every((c, i) => {
    const d = b[i];
    return !!d && Math.abs(c.r - d.r) < 1e-3 && Math.abs(c.g - d.g) < 1e-3 && Math.abs(c.b - d.b) < 1e-3;
  });
