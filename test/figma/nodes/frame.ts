/** FrameNode (with auto layout) and GroupNode. */
import { SceneImpl, SCENE_MEMBERS, RESIZE_MEMBERS, GEOMETRY_MEMBERS, CORNER_MEMBERS, CHILDREN_MEMBERS, WHITE } from './scene';
import type { BaseImpl } from './base';
import { checkEnum, checkNumber, wrapNeedsAutoLayout, unsupported } from '../constraints';

export const AUTO_LAYOUT_MEMBERS = [
  'layoutMode', 'paddingLeft', 'paddingRight', 'paddingTop', 'paddingBottom', 'horizontalPadding', 'verticalPadding', 'itemSpacing',
  'counterAxisSpacing', 'layoutWrap', 'primaryAxisAlignItems', 'counterAxisAlignItems', 'counterAxisAlignContent', 'primaryAxisSizingMode',
  'counterAxisSizingMode', 'itemReverseZIndex', 'strokesIncludedInLayout',
] as const;
export const FRAME_MEMBERS = [...SCENE_MEMBERS, ...RESIZE_MEMBERS, ...GEOMETRY_MEMBERS, ...CORNER_MEMBERS, ...CHILDREN_MEMBERS, ...AUTO_LAYOUT_MEMBERS, 'clipsContent'] as const;

type PadKey = 'paddingLeft' | 'paddingRight' | 'paddingTop' | 'paddingBottom';

export class FrameImpl extends SceneImpl implements Pick<FrameNode, Exclude<(typeof FRAME_MEMBERS)[number], 'parent' | 'children' | 'clone' | 'findAll' | 'findOne' | 'findChildren' | 'findChild' | 'findAllWithCriteria' | 'cornerRadius' | 'type' | 'setRelaunchData' | 'horizontalPadding' | 'verticalPadding' | 'toString'>> {
  static override MEMBERS = FRAME_MEMBERS;
  readonly type: 'FRAME' = 'FRAME';
  _layoutMode: 'NONE' | 'HORIZONTAL' | 'VERTICAL' = 'NONE';
  _pad = { paddingLeft: 0, paddingRight: 0, paddingTop: 0, paddingBottom: 0 };
  _itemSpacing = 0;
  /** null = "sync with itemSpacing" (typings L8118). [unverified] A new frame's own value: 0 here. */
  _counterAxisSpacing: number | null = 0;
  _layoutWrap: 'NO_WRAP' | 'WRAP' = 'NO_WRAP';
  _primaryAlign: 'MIN' | 'MAX' | 'CENTER' | 'SPACE_BETWEEN' = 'MIN';
  _counterAlign: 'MIN' | 'MAX' | 'CENTER' | 'BASELINE' = 'MIN';
  _counterAlignContent: 'AUTO' | 'SPACE_BETWEEN' = 'AUTO';
  _primarySizing: 'FIXED' | 'AUTO' = 'AUTO';
  _counterSizing: 'FIXED' | 'AUTO' = 'FIXED';
  _itemReverseZIndex = false;
  _strokesIncluded = false;
  _clips = true;

  override init(): this {
    this._fills = Object.freeze([WHITE]);
    return super.init();
  }
  override isAutoLayout(): boolean {
    return this._layoutMode !== 'NONE';
  }
  override dependsOnChildren(): boolean {
    return this.isAutoLayout();
  }
  override selfLayouts(): boolean {
    return this.isAutoLayout();
  }
  override layoutDependent(): boolean {
    return this.inFlow() || (this.isAutoLayout() && (this.hugsAxis('H') || this.hugsAxis('V')));
  }
  override hugsAxis(axis: 'H' | 'V'): boolean {
    if (!this.isAutoLayout()) return false;
    const primary = (this._layoutMode === 'HORIZONTAL') === (axis === 'H');
    return (primary ? this._primarySizing : this._counterSizing) === 'AUTO';
  }
  override canHug(): boolean {
    return this.isAutoLayout();
  }
  protected override setHug(axis: 'H' | 'V', on: boolean): void {
    if (!this.isAutoLayout()) return;
    const primary = (this._layoutMode === 'HORIZONTAL') === (axis === 'H');
    if (primary) this._primarySizing = on ? 'AUTO' : 'FIXED';
    else this._counterSizing = on ? 'AUTO' : 'FIXED';
  }
  protected override resetSizingOnResize(): void {
    super.resetSizingOnResize();
    if (this.isAutoLayout()) {
      this._primarySizing = 'FIXED';
      this._counterSizing = 'FIXED';
    }
  }

  get clipsContent(): boolean {
    return this._clips;
  }
  set clipsContent(v: boolean) {
    if (typeof v !== 'boolean') throw new Error('in set_clipsContent: Expected boolean');
    this._clips = v;
    this.touch('clipsContent');
  }

  get layoutMode(): 'NONE' | 'HORIZONTAL' | 'VERTICAL' {
    return this._layoutMode;
  }
  set layoutMode(v: 'NONE' | 'HORIZONTAL' | 'VERTICAL') {
    if ((v as string) === 'GRID') throw unsupported("layoutMode = 'GRID'");
    checkEnum('layoutMode', v, ['NONE', 'HORIZONTAL', 'VERTICAL'] as const);
    const was = this._layoutMode;
    this._layoutMode = v;
    // [unverified] Wrap is kept across HORIZONTAL <-> VERTICAL (both allow it, typings L7875) and cleared with NONE.
    if (v === 'NONE') this._layoutWrap = 'NO_WRAP';
    if (was === 'NONE' && v !== 'NONE') {
      // Figma: a new auto-layout frame hugs on the primary axis, keeps its counter size.
      this._primarySizing = 'AUTO';
      this._counterSizing = 'FIXED';
    }
    if (was !== v && was !== 'NONE' && v !== 'NONE') {
      // Switching direction: FILL children swap their grow/align semantics.
      for (const k of this.kids) {
        if (k instanceof SceneImpl) {
          const grow = k._layoutGrow;
          const stretch = k._layoutAlign === 'STRETCH';
          k._layoutGrow = stretch ? 1 : 0;
          k._layoutAlign = grow > 0 ? 'STRETCH' : k._layoutAlign === 'STRETCH' ? 'INHERIT' : k._layoutAlign;
        }
      }
    }
    if (v === 'NONE') {
      for (const k of this.kids) if (k instanceof SceneImpl) k.reparented(this);
    }
    this.touch('layoutMode', true);
    for (const k of this.kids) this.ctx.markLayout(k);
  }
  private pad(k: PadKey, v: number): void {
    checkNumber(k, v);
    this._pad[k] = v;
    this.touch(k, true);
  }
  get paddingLeft(): number {
    return this._pad.paddingLeft;
  }
  set paddingLeft(v: number) {
    this.pad('paddingLeft', v);
  }
  get paddingRight(): number {
    return this._pad.paddingRight;
  }
  set paddingRight(v: number) {
    this.pad('paddingRight', v);
  }
  get paddingTop(): number {
    return this._pad.paddingTop;
  }
  set paddingTop(v: number) {
    this.pad('paddingTop', v);
  }
  get paddingBottom(): number {
    return this._pad.paddingBottom;
  }
  set paddingBottom(v: number) {
    this.pad('paddingBottom', v);
  }
  get horizontalPadding(): number {
    return this._pad.paddingLeft;
  }
  set horizontalPadding(v: number) {
    this.pad('paddingLeft', v);
    this.pad('paddingRight', v);
  }
  get verticalPadding(): number {
    return this._pad.paddingTop;
  }
  set verticalPadding(v: number) {
    this.pad('paddingTop', v);
    this.pad('paddingBottom', v);
  }
  get itemSpacing(): number {
    return this._itemSpacing;
  }
  set itemSpacing(v: number) {
    checkNumber('itemSpacing', v);
    this._itemSpacing = v;
    this.touch('itemSpacing', true);
  }
  /**
   * "Set this propety to null to have it sync with itemSpacing. This will never return null. Once set to null, it will
   * start returning the value of itemSpacing" (typings L8118; https://developers.figma.com/docs/plugins/api/properties/nodes-counteraxisspacing).
   * "The value must be positive" (typings L8114): negative values are refused (APPROX message).
   */
  get counterAxisSpacing(): number | null {
    return this._counterAxisSpacing ?? this._itemSpacing;
  }
  set counterAxisSpacing(v: number | null) {
    if (v !== null) checkNumber('counterAxisSpacing', v, 0);
    this._counterAxisSpacing = v;
    this.touch('counterAxisSpacing', true);
  }
  get layoutWrap(): 'NO_WRAP' | 'WRAP' {
    return this._layoutWrap;
  }
  /**
   * "This property can only be set on layers with layoutMode === "HORIZONTAL" or layoutMode === "VERTICAL". Setting it on
   * layers with a different layoutMode will throw an Error" (typings L7875).
   */
  set layoutWrap(v: 'NO_WRAP' | 'WRAP') {
    checkEnum('layoutWrap', v, ['NO_WRAP', 'WRAP'] as const);
    if (this._layoutMode === 'NONE') throw wrapNeedsAutoLayout();
    this._layoutWrap = v;
    this.touch('layoutWrap', true);
  }
  get primaryAxisAlignItems(): 'MIN' | 'MAX' | 'CENTER' | 'SPACE_BETWEEN' {
    return this._primaryAlign;
  }
  set primaryAxisAlignItems(v: 'MIN' | 'MAX' | 'CENTER' | 'SPACE_BETWEEN') {
    checkEnum('primaryAxisAlignItems', v, ['MIN', 'MAX', 'CENTER', 'SPACE_BETWEEN'] as const);
    this._primaryAlign = v;
    this.touch('primaryAxisAlignItems', true);
  }
  get counterAxisAlignItems(): 'MIN' | 'MAX' | 'CENTER' | 'BASELINE' {
    return this._counterAlign;
  }
  set counterAxisAlignItems(v: 'MIN' | 'MAX' | 'CENTER' | 'BASELINE') {
    checkEnum('counterAxisAlignItems', v, ['MIN', 'MAX', 'CENTER', 'BASELINE'] as const);
    this._counterAlign = v;
    this.touch('counterAxisAlignItems', true);
  }
  get counterAxisAlignContent(): 'AUTO' | 'SPACE_BETWEEN' {
    return this._counterAlignContent;
  }
  set counterAxisAlignContent(v: 'AUTO' | 'SPACE_BETWEEN') {
    checkEnum('counterAxisAlignContent', v, ['AUTO', 'SPACE_BETWEEN'] as const);
    this._counterAlignContent = v;
    this.touch('counterAxisAlignContent', true);
  }
  get primaryAxisSizingMode(): 'FIXED' | 'AUTO' {
    return this._primarySizing;
  }
  set primaryAxisSizingMode(v: 'FIXED' | 'AUTO') {
    checkEnum('primaryAxisSizingMode', v, ['FIXED', 'AUTO'] as const);
    this._primarySizing = v;
    this.touch('primaryAxisSizingMode', true);
  }
  get counterAxisSizingMode(): 'FIXED' | 'AUTO' {
    return this._counterSizing;
  }
  set counterAxisSizingMode(v: 'FIXED' | 'AUTO') {
    checkEnum('counterAxisSizingMode', v, ['FIXED', 'AUTO'] as const);
    this._counterSizing = v;
    this.touch('counterAxisSizingMode', true);
  }
  get itemReverseZIndex(): boolean {
    return this._itemReverseZIndex;
  }
  set itemReverseZIndex(v: boolean) {
    if (typeof v !== 'boolean') throw new Error('in set_itemReverseZIndex: Expected boolean');
    this._itemReverseZIndex = v;
    this.touch('itemReverseZIndex');
  }
  get strokesIncludedInLayout(): boolean {
    return this._strokesIncluded;
  }
  set strokesIncludedInLayout(v: boolean) {
    if (typeof v !== 'boolean') throw new Error('in set_strokesIncludedInLayout: Expected boolean');
    this._strokesIncluded = v;
    this.touch('strokesIncludedInLayout', true);
  }
}

export const GROUP_MEMBERS = [...SCENE_MEMBERS, ...CHILDREN_MEMBERS] as const;

/** GroupNode: its bounds are the union of its children; children keep coordinates of the group's containing parent. */
export class GroupImpl extends SceneImpl implements Pick<GroupNode, 'name' | 'visible' | 'locked' | 'opacity' | 'x' | 'y' | 'width' | 'height' | 'rotation' | 'removed' | 'getPluginData' | 'setPluginData' | 'appendChild' | 'insertChild' | 'blendMode'> {
  static override MEMBERS = GROUP_MEMBERS.filter((m) => m !== 'minWidth' && m !== 'maxWidth' && m !== 'minHeight' && m !== 'maxHeight');
  readonly type: 'GROUP' = 'GROUP';
  override dependsOnChildren(): boolean {
    return true;
  }
  override selfLayouts(): boolean {
    return true;
  }
  override layoutDependent(): boolean {
    return true;
  }
  /** Recompute bounds from children (called by the layout engine). */
  updateBounds(): void {
    const kids = this.kids.filter((k): k is SceneImpl => k instanceof SceneImpl);
    if (kids.length === 0) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const k of kids) {
      const b = k instanceof GroupImpl ? (k.updateBounds(), k) : k;
      x0 = Math.min(x0, b._x);
      y0 = Math.min(y0, b._y);
      x1 = Math.max(x1, b._x + b._w);
      y1 = Math.max(y1, b._y + b._h);
    }
    this._x = x0;
    this._y = y0;
    this._w = x1 - x0;
    this._h = y1 - y0;
  }
  override get x(): number {
    this.geom();
    return this._x;
  }
  override set x(v: number) {
    checkNumber('x', v);
    this.geom();
    this.shift(v - this._x, 0);
    this.touch('x', true);
  }
  override get y(): number {
    this.geom();
    return this._y;
  }
  override set y(v: number) {
    checkNumber('y', v);
    this.geom();
    this.shift(0, v - this._y);
    this.touch('y', true);
  }
  override moveBy(dx: number, dy: number): void {
    this.shift(dx, dy);
  }
  shift(dx: number, dy: number): void {
    for (const k of this.kids) if (k instanceof SceneImpl) {
      if (k instanceof GroupImpl) k.shift(dx, dy);
      else {
        k._x += dx;
        k._y += dy;
      }
    }
    this._x += dx;
    this._y += dy;
  }
  override childrenChanged(): void {
    super.childrenChanged();
    // "Groups are automatically removed when their last child is removed" (Figma behaviour).
    if (this.kids.length === 0 && !this.removed && this.parentImpl) this.ctx.internal(() => this.remove());
  }
  override get relativeTransform(): Transform {
    this.geom();
    return [
      [1, 0, this._x],
      [0, 1, this._y],
    ];
  }
  override set relativeTransform(_m: Transform) {
    throw unsupported('GroupNode.relativeTransform (set)');
  }
  override resize(): void {
    throw unsupported('GroupNode.resize');
  }
  override resizeWithoutConstraints(): void {
    throw unsupported('GroupNode.resizeWithoutConstraints');
  }
}

export function isFrame(n: BaseImpl): n is FrameImpl {
  return n instanceof FrameImpl;
}
