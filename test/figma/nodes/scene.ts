/** SceneNode behaviour shared by every canvas node: geometry, paints, strokes, effects, auto-layout child props. */
import { BaseImpl } from './base';
import {
  checkEnum, checkNumber, checkResize, fillOnlyInAutoLayout, hugOnlyOnAutoLayout, lineHeightMustBeZero, minMaxOnlyAutoLayout,
  validateEffects, validatePaints, deepFreeze, unsupported,
} from '../constraints';

export const BASE_MEMBERS = [
  'id', 'type', 'name', 'parent', 'removed', 'remove', 'toString', 'getPluginData', 'setPluginData', 'getPluginDataKeys',
  'getSharedPluginData', 'setSharedPluginData', 'getSharedPluginDataKeys', 'setRelaunchData', 'getRelaunchData',
] as const;
export const SCENE_MEMBERS = [
  ...BASE_MEMBERS, 'visible', 'locked', 'opacity', 'blendMode', 'x', 'y', 'width', 'height', 'rotation', 'relativeTransform',
  'absoluteTransform', 'absoluteBoundingBox', 'clone', 'effects', 'layoutAlign', 'layoutGrow', 'layoutPositioning',
  'layoutSizingHorizontal', 'layoutSizingVertical', 'minWidth', 'maxWidth', 'minHeight', 'maxHeight', 'constraints', 'isMask',
] as const;
export const RESIZE_MEMBERS = ['resize', 'resizeWithoutConstraints'] as const;
export const GEOMETRY_MEMBERS = ['fills', 'strokes', 'strokeWeight', 'strokeAlign', 'dashPattern', 'strokeCap', 'strokeJoin'] as const;
export const CORNER_MEMBERS = ['cornerRadius', 'topLeftRadius', 'topRightRadius', 'bottomLeftRadius', 'bottomRightRadius'] as const;
export const CHILDREN_MEMBERS = ['children', 'appendChild', 'insertChild', 'findAll', 'findOne', 'findChildren', 'findChild', 'findAllWithCriteria'] as const;

export const BLACK: Paint = deepFreeze({ type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL', color: { r: 0, g: 0, b: 0 } }) as Paint;
export const WHITE: Paint = deepFreeze({ type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL', color: { r: 1, g: 1, b: 1 } }) as Paint;
export const SHAPE_GRAY: Paint = deepFreeze({ type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL', color: { r: 0.851, g: 0.851, b: 0.851 } }) as Paint;

const BLEND_MODES = ['PASS_THROUGH', 'NORMAL', 'DARKEN', 'MULTIPLY', 'LINEAR_BURN', 'COLOR_BURN', 'LIGHTEN', 'SCREEN', 'LINEAR_DODGE', 'COLOR_DODGE', 'OVERLAY', 'SOFT_LIGHT', 'HARD_LIGHT', 'DIFFERENCE', 'EXCLUSION', 'HUE', 'SATURATION', 'COLOR', 'LUMINOSITY'] as const;
const STROKE_CAPS = ['NONE', 'ROUND', 'SQUARE', 'ARROW_LINES', 'ARROW_EQUILATERAL', 'DIAMOND_FILLED', 'TRIANGLE_FILLED', 'CIRCLE_FILLED'] as const;

export abstract class SceneImpl extends BaseImpl {
  _x = 0;
  _y = 0;
  _w = 100;
  _h = 100;
  _rotation = 0;
  _visible = true;
  _locked = false;
  _opacity = 1;
  _blendMode: BlendMode = 'PASS_THROUGH';
  _fills: readonly Paint[] = Object.freeze([]);
  _strokes: readonly Paint[] = Object.freeze([]);
  _strokeWeight = 1;
  _strokeAlign: 'CENTER' | 'INSIDE' | 'OUTSIDE' = 'INSIDE';
  _dashPattern: readonly number[] = Object.freeze([]);
  _strokeCap: StrokeCap = 'NONE';
  _strokeJoin: StrokeJoin = 'MITER';
  _effects: readonly Effect[] = Object.freeze([]);
  _radii: [number, number, number, number] = [0, 0, 0, 0];
  _layoutAlign: 'MIN' | 'CENTER' | 'MAX' | 'STRETCH' | 'INHERIT' = 'INHERIT';
  _layoutGrow = 0;
  _layoutPositioning: 'AUTO' | 'ABSOLUTE' = 'AUTO';
  _min: { minWidth: number | null; maxWidth: number | null; minHeight: number | null; maxHeight: number | null } = { minWidth: null, maxWidth: null, minHeight: null, maxHeight: null };
  _constraints: Constraints = Object.freeze({ horizontal: 'MIN', vertical: 'MIN' }) as Constraints;
  isMask = false;

  // ---- layout hooks ----
  /** Parent is an auto-layout frame that positions this node. */
  inFlow(): boolean {
    const p = this.parentImpl as any;
    return !!p && typeof p.isAutoLayout === 'function' && p.isAutoLayout() && this._layoutPositioning === 'AUTO';
  }
  isAutoLayout(): boolean {
    return false;
  }
  override layoutDependent(): boolean {
    return this.inFlow() || this.selfLayouts();
  }
  /** The containing parent for coordinates: groups are skipped (typings relativeTransform). */
  containingParent(): SceneImpl | null {
    let p = this.parentImpl;
    while (p && p.type === 'GROUP') p = p.parentImpl;
    return p instanceof SceneImpl ? p : null;
  }

  // ---- visibility ----
  get visible(): boolean {
    return this._visible;
  }
  set visible(v: boolean) {
    if (typeof v !== 'boolean') throw new Error('in set_visible: Expected boolean');
    this._visible = v;
    this.touch('visible', true);
  }
  get locked(): boolean {
    return this._locked;
  }
  set locked(v: boolean) {
    if (typeof v !== 'boolean') throw new Error('in set_locked: Expected boolean');
    this._locked = v;
    this.touch('locked');
  }
  get opacity(): number {
    return this._opacity;
  }
  set opacity(v: number) {
    checkNumber('opacity', v, 0, 1);
    this._opacity = v;
    this.touch('opacity');
  }
  get blendMode(): BlendMode {
    return this._blendMode;
  }
  set blendMode(v: BlendMode) {
    checkEnum('blendMode', v, BLEND_MODES);
    this._blendMode = v;
    this.touch('blendMode');
  }

  // ---- geometry ----
  geom(): void {
    if (this.ctx.needsLayout(this)) this.ctx.ensureLayout();
  }
  get x(): number {
    this.geom();
    return this._x;
  }
  set x(v: number) {
    checkNumber('x', v);
    this._x = v;
    this.touch('x', this.inFlow() || !!this.parentImpl?.dependsOnChildren()); // a group's bounds follow its children
  }
  get y(): number {
    this.geom();
    return this._y;
  }
  set y(v: number) {
    checkNumber('y', v);
    this._y = v;
    this.touch('y', this.inFlow() || !!this.parentImpl?.dependsOnChildren()); // a group's bounds follow its children
  }
  get width(): number {
    this.geom();
    return this._w;
  }
  get height(): number {
    this.geom();
    return this._h;
  }
  get rotation(): number {
    return this._rotation;
  }
  set rotation(v: number) {
    checkNumber('rotation', v);
    let r = ((v % 360) + 360) % 360;
    if (r > 180) r -= 360;
    this._rotation = r;
    this.touch('rotation', true);
  }
  get relativeTransform(): Transform {
    this.geom();
    const t = (this._rotation * Math.PI) / 180;
    const c = clean(Math.cos(t));
    const s = clean(Math.sin(t));
    return [
      [c, s, this._x],
      [0 - s + 0, c, this._y],
    ];
  }
  set relativeTransform(m: Transform) {
    if (!Array.isArray(m) || m.length !== 2) throw new Error('in set_relativeTransform: Expected a 2x3 matrix');
    const [[a, b, tx], [c, d, ty]] = m;
    if (Math.abs(a * a + c * c - 1) > 1e-6 || Math.abs(b * b + d * d - 1) > 1e-6 || Math.abs(a * d - b * c - 1) > 1e-6) {
      throw unsupported('relativeTransform with scale, skew or flip');
    }
    this._x = tx;
    this._y = ty;
    this._rotation = clean((Math.atan2(b, a) * 180) / Math.PI);
    this.touch('relativeTransform', true);
  }
  get absoluteTransform(): Transform {
    this.geom();
    const own = this.relativeTransform;
    const p = this.containingParent();
    if (!p) return own;
    const pm = p.absoluteTransform;
    return mul(pm, own);
  }
  get absoluteBoundingBox(): Rect | null {
    this.geom();
    const m = this.absoluteTransform;
    const pts = [
      [0, 0],
      [this._w, 0],
      [0, this._h],
      [this._w, this._h],
    ].map(([x, y]) => [m[0][0] * x! + m[0][1] * y! + m[0][2], m[1][0] * x! + m[1][1] * y! + m[1][2]] as const);
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  }
  /** The node's origin in page coordinates. */
  absOrigin(): Vector {
    const m = this.absoluteTransform;
    return { x: m[0][2], y: m[1][2] };
  }
  /** Move the node so its origin lands on `abs` (page coordinates) in its current parent; rotation is kept. */
  placeAbs(abs: Vector): void {
    const p = this.containingParent();
    let x = abs.x;
    let y = abs.y;
    if (p) {
      const m = p.absoluteTransform;
      const dx = abs.x - m[0][2];
      const dy = abs.y - m[1][2];
      // Parent transforms are rotations (no scale/skew, see relativeTransform): the inverse is the transpose.
      x = m[0][0] * dx + m[1][0] * dy;
      y = m[0][1] * dx + m[1][1] * dy;
    }
    this.geom();
    this.moveBy(x - this._x, y - this._y);
    this.touch('x');
    this.touch('y', true);
  }
  /** Shift by (dx, dy) in parent coordinates (groups move their children). */
  moveBy(dx: number, dy: number): void {
    this._x += dx;
    this._y += dy;
  }
  resize(w: number, h: number): void {
    this.ctx.countWrite('resize');
    this.doResize('resize', w, h);
  }
  resizeWithoutConstraints(w: number, h: number): void {
    this.ctx.countWrite('resizeWithoutConstraints');
    this.doResize('resizeWithoutConstraints', w, h);
  }
  protected doResize(method: string, w: number, h: number): void {
    if (this.type === 'LINE') {
      checkResize(method, w, h, true);
      if (h !== 0) throw lineHeightMustBeZero(method);
    } else checkResize(method, w, h);
    this._w = w;
    this._h = h;
    this.resetSizingOnResize();
    this.touch('width');
    this.touch('height', true);
  }
  /** resize() resets the sizing to FIXED on both axes (figma/mcp-server-guide skills/figma-use/references/gotchas.md). */
  protected resetSizingOnResize(): void {
    if (this.inFlow()) {
      this._layoutGrow = 0;
      if (this._layoutAlign === 'STRETCH') this._layoutAlign = 'INHERIT';
    }
  }
  /** Internal: set size without any side effect (layout engine). */
  setSize(w: number, h: number): void {
    this._w = w;
    this._h = h;
  }

  // ---- paints ----
  get fills(): readonly Paint[] | PluginAPI['mixed'] {
    return this._fills;
  }
  set fills(v: readonly Paint[] | PluginAPI['mixed']) {
    this._fills = Object.freeze(validatePaints('fills', v));
    this.touch('fills');
  }
  get strokes(): readonly Paint[] {
    return this._strokes;
  }
  set strokes(v: readonly Paint[]) {
    this._strokes = Object.freeze(validatePaints('strokes', v));
    this.touch('strokes');
  }
  get strokeWeight(): number {
    return this._strokeWeight;
  }
  set strokeWeight(v: number) {
    checkNumber('strokeWeight', v, 0);
    this._strokeWeight = v;
    this.touch('strokeWeight', true);
  }
  get strokeAlign(): 'CENTER' | 'INSIDE' | 'OUTSIDE' {
    return this._strokeAlign;
  }
  set strokeAlign(v: 'CENTER' | 'INSIDE' | 'OUTSIDE') {
    checkEnum('strokeAlign', v, ['CENTER', 'INSIDE', 'OUTSIDE'] as const);
    this._strokeAlign = v;
    this.touch('strokeAlign');
  }
  get dashPattern(): readonly number[] {
    return this._dashPattern;
  }
  set dashPattern(v: readonly number[]) {
    if (!Array.isArray(v) || v.some((n) => typeof n !== 'number' || !(n >= 0))) throw new Error('in set_dashPattern: Expected an array of non-negative numbers');
    this._dashPattern = Object.freeze([...v]);
    this.touch('dashPattern');
  }
  get strokeCap(): StrokeCap | PluginAPI['mixed'] {
    return this._strokeCap;
  }
  set strokeCap(v: StrokeCap | PluginAPI['mixed']) {
    checkEnum('strokeCap', v, STROKE_CAPS);
    this._strokeCap = v;
    this.touch('strokeCap');
  }
  get strokeJoin(): StrokeJoin | PluginAPI['mixed'] {
    return this._strokeJoin;
  }
  set strokeJoin(v: StrokeJoin | PluginAPI['mixed']) {
    checkEnum('strokeJoin', v, ['MITER', 'BEVEL', 'ROUND'] as const);
    this._strokeJoin = v;
    this.touch('strokeJoin');
  }
  get effects(): readonly Effect[] {
    return this._effects;
  }
  set effects(v: readonly Effect[]) {
    this._effects = Object.freeze(validateEffects(v));
    this.touch('effects');
  }

  // ---- corners ----
  get cornerRadius(): number | symbol {
    const [a, b, c, d] = this._radii;
    return a === b && b === c && c === d ? a : MIXED;
  }
  set cornerRadius(v: number | symbol) {
    checkNumber('cornerRadius', v, 0);
    this._radii = [v, v, v, v];
    this.touch('cornerRadius');
  }
  get topLeftRadius(): number {
    return this._radii[0];
  }
  set topLeftRadius(v: number) {
    checkNumber('topLeftRadius', v, 0);
    this._radii[0] = v;
    this.touch('topLeftRadius');
  }
  get topRightRadius(): number {
    return this._radii[1];
  }
  set topRightRadius(v: number) {
    checkNumber('topRightRadius', v, 0);
    this._radii[1] = v;
    this.touch('topRightRadius');
  }
  get bottomRightRadius(): number {
    return this._radii[2];
  }
  set bottomRightRadius(v: number) {
    checkNumber('bottomRightRadius', v, 0);
    this._radii[2] = v;
    this.touch('bottomRightRadius');
  }
  get bottomLeftRadius(): number {
    return this._radii[3];
  }
  set bottomLeftRadius(v: number) {
    checkNumber('bottomLeftRadius', v, 0);
    this._radii[3] = v;
    this.touch('bottomLeftRadius');
  }

  get constraints(): Constraints {
    return this._constraints;
  }
  set constraints(v: Constraints) {
    const ok = ['MIN', 'CENTER', 'MAX', 'STRETCH', 'SCALE'] as const;
    checkEnum('constraints', v?.horizontal, ok);
    checkEnum('constraints', v?.vertical, ok);
    this._constraints = Object.freeze({ horizontal: v.horizontal, vertical: v.vertical });
    this.touch('constraints');
  }

  // ---- auto-layout child (typings AutoLayoutChildrenMixin; layoutSizing* L7492-L7500) ----
  parentAxis(): 'HORIZONTAL' | 'VERTICAL' | null {
    const p = this.parentImpl as any;
    if (!p || typeof p.isAutoLayout !== 'function' || !p.isAutoLayout()) return null;
    return p._layoutMode;
  }
  get layoutAlign(): 'MIN' | 'CENTER' | 'MAX' | 'STRETCH' | 'INHERIT' {
    return this._layoutAlign;
  }
  set layoutAlign(v: 'MIN' | 'CENTER' | 'MAX' | 'STRETCH' | 'INHERIT') {
    checkEnum('layoutAlign', v, ['MIN', 'CENTER', 'MAX', 'STRETCH', 'INHERIT'] as const);
    this._layoutAlign = v;
    this.touch('layoutAlign', true);
  }
  get layoutGrow(): number {
    return this._layoutGrow;
  }
  set layoutGrow(v: number) {
    checkNumber('layoutGrow', v, 0, 1);
    this._layoutGrow = v;
    this.touch('layoutGrow', true);
  }
  get layoutPositioning(): 'AUTO' | 'ABSOLUTE' {
    return this._layoutPositioning;
  }
  set layoutPositioning(v: 'AUTO' | 'ABSOLUTE') {
    checkEnum('layoutPositioning', v, ['AUTO', 'ABSOLUTE'] as const);
    if (v === 'ABSOLUTE' && !this.parentAxis()) throw new Error('in set_layoutPositioning: Can only set layoutPositioning = ABSOLUTE on auto layout children');
    this._layoutPositioning = v;
    this.touch('layoutPositioning', true);
    if (this.parentImpl) this.ctx.markLayout(this.parentImpl);
  }
  /** Is this node FILL on the given axis? */
  fillsAxis(axis: 'H' | 'V'): boolean {
    const pa = this.parentAxis();
    if (!pa || this._layoutPositioning === 'ABSOLUTE') return false;
    const primary = (pa === 'HORIZONTAL') === (axis === 'H');
    return primary ? this._layoutGrow > 0 : this._layoutAlign === 'STRETCH';
  }
  /** Does this node hug on the axis (own sizing)? Overridden by frames and text. */
  hugsAxis(_axis: 'H' | 'V'): boolean {
    return false;
  }
  canHug(): boolean {
    return false;
  }
  protected setHug(_axis: 'H' | 'V', _on: boolean): void {}
  sizing(axis: 'H' | 'V'): 'FIXED' | 'HUG' | 'FILL' {
    if (this.fillsAxis(axis)) return 'FILL';
    if (this.hugsAxis(axis)) return 'HUG';
    return 'FIXED';
  }
  get layoutSizingHorizontal(): 'FIXED' | 'HUG' | 'FILL' {
    return this.sizing('H');
  }
  set layoutSizingHorizontal(v: 'FIXED' | 'HUG' | 'FILL') {
    this.setSizing('layoutSizingHorizontal', 'H', v);
  }
  get layoutSizingVertical(): 'FIXED' | 'HUG' | 'FILL' {
    return this.sizing('V');
  }
  set layoutSizingVertical(v: 'FIXED' | 'HUG' | 'FILL') {
    this.setSizing('layoutSizingVertical', 'V', v);
  }
  protected setSizing(prop: string, axis: 'H' | 'V', v: 'FIXED' | 'HUG' | 'FILL'): void {
    checkEnum(prop, v, ['FIXED', 'HUG', 'FILL'] as const);
    const pa = this.parentAxis();
    if (v === 'FILL' && (!pa || this._layoutPositioning === 'ABSOLUTE')) throw fillOnlyInAutoLayout(prop);
    if (v === 'HUG' && !this.canHug()) throw hugOnlyOnAutoLayout(prop);
    const primary = pa ? (pa === 'HORIZONTAL') === (axis === 'H') : false;
    if (v === 'FILL') {
      if (primary) this._layoutGrow = 1;
      else this._layoutAlign = 'STRETCH';
      this.setHug(axis, false);
    } else {
      if (pa) {
        if (primary) this._layoutGrow = 0;
        else if (this._layoutAlign === 'STRETCH') this._layoutAlign = 'INHERIT';
      }
      this.setHug(axis, v === 'HUG');
    }
    this.touch(prop, true);
  }
  protected minMax(prop: 'minWidth' | 'maxWidth' | 'minHeight' | 'maxHeight', v: number | null): void {
    if (!this.isAutoLayout() && !this.parentAxis()) throw minMaxOnlyAutoLayout(prop);
    if (v !== null) checkNumber(prop, v, 0);
    this._min[prop] = v;
    this.touch(prop, true);
  }
  get minWidth(): number | null {
    return this._min.minWidth;
  }
  set minWidth(v: number | null) {
    this.minMax('minWidth', v);
  }
  get maxWidth(): number | null {
    return this._min.maxWidth;
  }
  set maxWidth(v: number | null) {
    this.minMax('maxWidth', v);
  }
  get minHeight(): number | null {
    return this._min.minHeight;
  }
  set minHeight(v: number | null) {
    this.minMax('minHeight', v);
  }
  get maxHeight(): number | null {
    return this._min.maxHeight;
  }
  set maxHeight(v: number | null) {
    this.minMax('maxHeight', v);
  }

  override reparented(old: BaseImpl | null): void {
    // Leaving auto layout drops FILL / ABSOLUTE (Figma resets these child-only properties).
    if (!this.parentAxis()) {
      this._layoutGrow = 0;
      if (this._layoutAlign === 'STRETCH') this._layoutAlign = 'INHERIT';
      this._layoutPositioning = 'AUTO';
    }
    super.reparented(old);
  }

  clone(): any {
    this.ctx.countWrite('clone');
    // [unverified] whether plugin data travels: assumptions.pluginDataOnClone (default 'copied').
    const c = this.cloneRaw(this.ctx.assumptions.pluginDataOnClone);
    // Typings: "By default, the duplicate will be parented under figma.currentPage".
    const page = this.ctx.currentPage;
    c.parentImpl = page;
    page.kids.push(c);
    page.kidsCache = null;
    const markCreated = (n: BaseImpl) => {
      if (this.ctx.actor === 'plugin') this.ctx.stats.current.nodesCreated += 0; // counted in init()
      n.kids.forEach(markCreated);
    };
    markCreated(c);
    this.ctx.events.record('CREATE', c);
    this.ctx.markLayout(c);
    return c.proxy;
  }
}

/** `figma.mixed`: "a unique, constant value" of type symbol (typings L891-L907). */
export const MIXED: PluginAPI['mixed'] = Symbol('figma.mixed') as unknown as PluginAPI['mixed'];

function clean(n: number): number {
  return Math.abs(n) < 1e-12 ? 0 : Math.round(n * 1e12) / 1e12;
}
function mul(a: Transform, b: Transform): Transform {
  return [
    [a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1], a[0][0] * b[0][2] + a[0][1] * b[1][2] + a[0][2]],
    [a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1], a[1][0] * b[0][2] + a[1][1] * b[1][2] + a[1][2]],
  ];
}
