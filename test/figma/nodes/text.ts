/** TextNode: font rule, auto-resize, measured size (figma-platform.md §3). */
import { SceneImpl, SCENE_MEMBERS, RESIZE_MEMBERS, GEOMETRY_MEMBERS, BLACK } from './scene';
import { checkEnum, checkNumber, unsupported } from '../constraints';
import { measureText, type TextMetrics } from '../text-metrics';

export const TEXT_MEMBERS = [
  ...SCENE_MEMBERS, ...RESIZE_MEMBERS, ...GEOMETRY_MEMBERS, 'characters', 'fontSize', 'fontName', 'lineHeight', 'letterSpacing', 'textCase',
  'textDecoration', 'textAutoResize', 'textAlignHorizontal', 'textAlignVertical', 'paragraphSpacing', 'paragraphIndent', 'textTruncation',
  'maxLines', 'hasMissingFont', 'insertCharacters', 'deleteCharacters', 'getRangeAllFontNames', 'getRangeFontName', 'getRangeFontSize',
  'autoRename', 'textStyleId',
] as const;

export class TextImpl extends SceneImpl implements Pick<TextNode, 'characters' | 'fontSize' | 'fontName' | 'lineHeight' | 'letterSpacing' | 'textCase' | 'textDecoration' | 'textAutoResize' | 'textAlignHorizontal' | 'textAlignVertical' | 'paragraphSpacing' | 'paragraphIndent' | 'textTruncation' | 'maxLines' | 'hasMissingFont' | 'name' | 'x' | 'y' | 'width' | 'height' | 'visible' | 'opacity' | 'fills' | 'strokes' | 'resize' | 'getPluginData' | 'setPluginData' | 'autoRename' | 'layoutSizingHorizontal' | 'layoutSizingVertical' | 'insertCharacters' | 'deleteCharacters'> {
  static override MEMBERS = TEXT_MEMBERS;
  readonly type: 'TEXT' = 'TEXT';
  _chars = '';
  _fontSize = 12;
  _fontName: FontName = Object.freeze({ family: 'Inter', style: 'Regular' });
  _lineHeight: LineHeight = Object.freeze({ unit: 'AUTO' });
  _letterSpacing: LetterSpacing = Object.freeze({ unit: 'PERCENT', value: 0 });
  _textCase: TextCase = 'ORIGINAL';
  _textDecoration: TextDecoration = 'NONE';
  _autoResize: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE' = 'WIDTH_AND_HEIGHT';
  _alignH: 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFIED' = 'LEFT';
  _alignV: 'TOP' | 'CENTER' | 'BOTTOM' = 'TOP';
  _paragraphSpacing = 0;
  _paragraphIndent = 0;
  _truncation: 'DISABLED' | 'ENDING' = 'DISABLED';
  _maxLines: number | null = null;
  _autoRename = true;
  _metrics: TextMetrics | null = null;

  override init(): this {
    this._fills = Object.freeze([BLACK]);
    this._w = 0;
    this._h = 15;
    super.init();
    this.ctx.markLayout(this);
    return this;
  }
  override selfLayouts(): boolean {
    return true;
  }
  override layoutDependent(): boolean {
    return true;
  }
  override hugsAxis(axis: 'H' | 'V'): boolean {
    if (axis === 'H') return this._autoResize === 'WIDTH_AND_HEIGHT';
    return this._autoResize === 'WIDTH_AND_HEIGHT' || this._autoResize === 'HEIGHT';
  }
  override canHug(): boolean {
    return true;
  }
  protected override setHug(axis: 'H' | 'V', on: boolean): void {
    if (axis === 'H') {
      if (on) this._autoResize = 'WIDTH_AND_HEIGHT';
      else if (this._autoResize === 'WIDTH_AND_HEIGHT') this._autoResize = 'HEIGHT';
    } else {
      if (on && this._autoResize !== 'WIDTH_AND_HEIGHT') this._autoResize = 'HEIGHT';
      if (!on && (this._autoResize === 'HEIGHT' || this._autoResize === 'WIDTH_AND_HEIGHT')) this._autoResize = 'NONE';
    }
  }
  protected override setSizing(prop: string, axis: 'H' | 'V', v: 'FIXED' | 'HUG' | 'FILL'): void {
    this.ctx.requireFont(prop, this._fontName);
    super.setSizing(prop, axis, v);
  }
  protected override resetSizingOnResize(): void {
    super.resetSizingOnResize();
    // [unverified] resize() on WIDTH_AND_HEIGHT text fixes the size (NONE); HEIGHT keeps wrapping at the new width.
    if (this._autoResize === 'WIDTH_AND_HEIGHT') this._autoResize = 'NONE';
  }

  /** Every layout-affecting write needs the node's current font loaded in this instance. */
  private write(prop: string, font: FontName = this._fontName): void {
    this.ctx.requireFont(prop, font);
  }
  private changed(prop: string): void {
    this._metrics = null;
    this.touch(prop, true);
  }

  /** Laid-out text: lines for rendering (SVG) and size (layout). */
  metrics(): TextMetrics {
    if (this._metrics) return this._metrics;
    const wrapWidth = this._autoResize === 'WIDTH_AND_HEIGHT' ? undefined : this._w;
    const m = measureText(this.displayText(), {
      fontName: this._fontName,
      fontSize: this._fontSize,
      lineHeight: this._lineHeight,
      letterSpacing: this._letterSpacing,
      width: wrapWidth,
      maxLines: this._truncation === 'ENDING' ? (this._maxLines ?? (this._autoResize === 'NONE' || this._autoResize === 'TRUNCATE' ? Math.max(1, Math.floor(this._h / (this._fontSize * 1.21))) : null)) : this._autoResize === 'TRUNCATE' ? Math.max(1, Math.floor(this._h / (this._fontSize * 1.21))) : null,
    });
    const paras = this._chars.split('\n').length;
    if (this._paragraphSpacing && paras > 1) m.height += this._paragraphSpacing * (paras - 1);
    this._metrics = m;
    return m;
  }
  displayText(): string {
    switch (this._textCase) {
      case 'UPPER': return this._chars.toUpperCase();
      case 'LOWER': return this._chars.toLowerCase();
      case 'TITLE': return this._chars.replace(/\b\w/g, (c) => c.toUpperCase());
      default: return this._chars;
    }
  }
  /** Called by the layout engine: apply auto-resize at the current width. */
  autoSize(): void {
    this._metrics = null;
    const m = this.metrics();
    if (this._autoResize === 'WIDTH_AND_HEIGHT') {
      this._w = Math.max(m.width, 0);
      this._h = m.height;
    } else if (this._autoResize === 'HEIGHT') {
      this._h = m.height;
    }
  }
  override setSize(w: number, h: number): void {
    if (w !== this._w) this._metrics = null;
    super.setSize(w, h);
  }

  get characters(): string {
    return this._chars;
  }
  set characters(v: string) {
    this.write('characters');
    if (typeof v !== 'string') throw new Error('in set_characters: Expected "characters" to be a string');
    this._chars = v;
    if (this._autoRename) this._name = v.slice(0, 100);
    this.changed('characters');
  }
  insertCharacters(start: number, chars: string): void {
    this.ctx.countWrite('insertCharacters');
    this.write('insertCharacters');
    this._chars = this._chars.slice(0, start) + chars + this._chars.slice(start);
    this.changed('characters');
  }
  deleteCharacters(start: number, end: number): void {
    this.ctx.countWrite('deleteCharacters');
    this.write('deleteCharacters');
    this._chars = this._chars.slice(0, start) + this._chars.slice(end);
    this.changed('characters');
  }
  get fontSize(): number {
    return this._fontSize;
  }
  set fontSize(v: number) {
    this.write('fontSize');
    checkNumber('fontSize', v, 1);
    this._fontSize = v;
    this.changed('fontSize');
  }
  get fontName(): FontName {
    return this._fontName;
  }
  set fontName(v: FontName) {
    if (!v || typeof v.family !== 'string' || typeof v.style !== 'string') throw new Error('in set_fontName: Expected a FontName {family, style}');
    this.write('fontName', v); // only the new font needs loading (figma-platform.md §3)
    this._fontName = Object.freeze({ family: v.family, style: v.style });
    this.changed('fontName');
  }
  get lineHeight(): LineHeight {
    return this._lineHeight;
  }
  set lineHeight(v: LineHeight) {
    this.write('lineHeight');
    checkEnum('lineHeight', v?.unit, ['AUTO', 'PIXELS', 'PERCENT'] as const);
    if (v.unit !== 'AUTO') checkNumber('lineHeight', (v as { value: number }).value, 0);
    this._lineHeight = Object.freeze(v.unit === 'AUTO' ? { unit: 'AUTO' } : { unit: v.unit, value: v.value }) as LineHeight;
    this.changed('lineHeight');
  }
  get letterSpacing(): LetterSpacing {
    return this._letterSpacing;
  }
  set letterSpacing(v: LetterSpacing) {
    this.write('letterSpacing');
    checkEnum('letterSpacing', v?.unit, ['PIXELS', 'PERCENT'] as const);
    checkNumber('letterSpacing', v.value);
    this._letterSpacing = Object.freeze({ unit: v.unit, value: v.value });
    this.changed('letterSpacing');
  }
  get textCase(): TextCase {
    return this._textCase;
  }
  set textCase(v: TextCase) {
    this.write('textCase');
    checkEnum('textCase', v, ['ORIGINAL', 'UPPER', 'LOWER', 'TITLE', 'SMALL_CAPS', 'SMALL_CAPS_FORCED'] as const);
    this._textCase = v;
    this.changed('textCase');
  }
  get textDecoration(): TextDecoration {
    return this._textDecoration;
  }
  set textDecoration(v: TextDecoration) {
    this.write('textDecoration');
    checkEnum('textDecoration', v, ['NONE', 'UNDERLINE', 'STRIKETHROUGH'] as const);
    this._textDecoration = v;
    this.changed('textDecoration');
  }
  get textAutoResize(): 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE' {
    return this._autoResize;
  }
  set textAutoResize(v: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE') {
    this.write('textAutoResize');
    checkEnum('textAutoResize', v, ['NONE', 'WIDTH_AND_HEIGHT', 'HEIGHT', 'TRUNCATE'] as const);
    this._autoResize = v;
    if (v === 'WIDTH_AND_HEIGHT' && this.fillsAxis('H')) {
      // WIDTH_AND_HEIGHT and FILL do not mix: the text hugs (figma-platform.md §3, mcp-server-guide rule 12c).
      const pa = this.parentAxis();
      if (pa === 'HORIZONTAL') this._layoutGrow = 0;
      else this._layoutAlign = 'INHERIT';
    }
    this.changed('textAutoResize');
  }
  get textAlignHorizontal(): 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFIED' {
    return this._alignH;
  }
  set textAlignHorizontal(v: 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFIED') {
    this.write('textAlignHorizontal');
    checkEnum('textAlignHorizontal', v, ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFIED'] as const);
    this._alignH = v;
    this.changed('textAlignHorizontal');
  }
  get textAlignVertical(): 'TOP' | 'CENTER' | 'BOTTOM' {
    return this._alignV;
  }
  set textAlignVertical(v: 'TOP' | 'CENTER' | 'BOTTOM') {
    this.write('textAlignVertical');
    checkEnum('textAlignVertical', v, ['TOP', 'CENTER', 'BOTTOM'] as const);
    this._alignV = v;
    this.changed('textAlignVertical');
  }
  get paragraphSpacing(): number {
    return this._paragraphSpacing;
  }
  set paragraphSpacing(v: number) {
    this.write('paragraphSpacing');
    checkNumber('paragraphSpacing', v, 0);
    this._paragraphSpacing = v;
    this.changed('paragraphSpacing');
  }
  get paragraphIndent(): number {
    return this._paragraphIndent;
  }
  set paragraphIndent(v: number) {
    this.write('paragraphIndent');
    checkNumber('paragraphIndent', v, 0);
    this._paragraphIndent = v;
    this.changed('paragraphIndent');
  }
  get textTruncation(): 'DISABLED' | 'ENDING' {
    return this._truncation;
  }
  set textTruncation(v: 'DISABLED' | 'ENDING') {
    this.write('textTruncation');
    checkEnum('textTruncation', v, ['DISABLED', 'ENDING'] as const);
    this._truncation = v;
    this.changed('textTruncation');
  }
  get maxLines(): number | null {
    return this._maxLines;
  }
  set maxLines(v: number | null) {
    this.write('maxLines');
    if (v !== null) checkNumber('maxLines', v, 1);
    this._maxLines = v;
    this.changed('maxLines');
  }
  get hasMissingFont(): boolean {
    return false;
  }
  get autoRename(): boolean {
    return this._autoRename;
  }
  set autoRename(v: boolean) {
    this._autoRename = !!v;
  }
  get textStyleId(): string {
    return '';
  }
  set textStyleId(_v: string) {
    throw unsupported('TextNode.textStyleId (set)');
  }
  getRangeAllFontNames(_s: number, _e: number): FontName[] {
    return [this._fontName];
  }
  getRangeFontName(_s: number, _e: number): FontName {
    return this._fontName;
  }
  getRangeFontSize(_s: number, _e: number): number {
    return this._fontSize;
  }
}
