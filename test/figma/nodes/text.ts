/**
 * TextNode: font rules, character-range styles, auto-resize, measured size.
 * Sources: https://developers.figma.com/docs/plugins/working-with-text ("Mixed styles", "Loading fonts", "Missing fonts");
 * @figma/plugin-typings plugin-api.d.ts (1.142.0) BaseNonResizableTextMixin L9766-L10175.
 */
import { SceneImpl, SCENE_MEMBERS, RESIZE_MEMBERS, GEOMETRY_MEMBERS, BLACK, MIXED } from './scene';
import { checkEnum, checkNumber, checkTextRange, unsupported, validatePaints } from '../constraints';
import { measureText, type TextMetrics } from '../text-metrics';

/** The styles the emulator keeps per character. Everything else (lineHeight, letterSpacing, textCase, …) is per node. */
export interface CharStyle {
  readonly fontName: FontName;
  readonly fontSize: number;
  readonly fills: readonly Paint[];
}
const fontKey = (f: FontName) => `${f.family}\u0000${f.style}`;
const sameStyle = (a: CharStyle, b: CharStyle) => a === b || (fontKey(a.fontName) === fontKey(b.fontName) && a.fontSize === b.fontSize && a.fills === b.fills);
/** Fields getStyledTextSegments can split on; the per-node ones never split. */
const SEGMENT_FIELDS = new Set(['fontName', 'fontSize', 'fills', 'textCase', 'textDecoration', 'letterSpacing', 'lineHeight']);

export const TEXT_MEMBERS = [
  ...SCENE_MEMBERS, ...RESIZE_MEMBERS, ...GEOMETRY_MEMBERS, 'characters', 'fontSize', 'fontName', 'lineHeight', 'letterSpacing', 'textCase',
  'textDecoration', 'textAutoResize', 'textAlignHorizontal', 'textAlignVertical', 'paragraphSpacing', 'paragraphIndent', 'textTruncation',
  'maxLines', 'hasMissingFont', 'insertCharacters', 'deleteCharacters', 'getRangeAllFontNames', 'getRangeFontName', 'getRangeFontSize',
  'setRangeFontName', 'setRangeFontSize', 'getRangeFills', 'setRangeFills', 'getStyledTextSegments', 'autoRename', 'textStyleId',
] as const;

export class TextImpl extends SceneImpl implements Pick<TextNode, 'characters' | 'fontSize' | 'fontName' | 'getRangeFontName' | 'getRangeAllFontNames' | 'getRangeFontSize' | 'setRangeFontSize' | 'getRangeFills' | 'setRangeFills' | 'lineHeight' | 'letterSpacing' | 'textCase' | 'textDecoration' | 'textAutoResize' | 'textAlignHorizontal' | 'textAlignVertical' | 'paragraphSpacing' | 'paragraphIndent' | 'textTruncation' | 'maxLines' | 'hasMissingFont' | 'name' | 'x' | 'y' | 'width' | 'height' | 'visible' | 'opacity' | 'fills' | 'strokes' | 'resize' | 'getPluginData' | 'setPluginData' | 'autoRename' | 'layoutSizingHorizontal' | 'layoutSizingVertical' | 'insertCharacters' | 'deleteCharacters'> {
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
  /**
   * Per-character styles once a range differs from the rest; null while every character has the node's
   * _fontName/_fontSize/_fills. While set, those node fields hold the first character's style (used to measure and draw).
   */
  _ranges: CharStyle[] | null = null;

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
    this.write(prop);
    super.setSizing(prop, axis, v);
  }
  protected override resetSizingOnResize(): void {
    super.resetSizingOnResize();
    // [unverified] resize() on WIDTH_AND_HEIGHT text fixes the size (NONE); HEIGHT keeps wrapping at the new width.
    if (this._autoResize === 'WIDTH_AND_HEIGHT') this._autoResize = 'NONE';
  }

  /**
   * "When setting any other property that affects text layout, you need to load all the fonts that the text node
   * already use" (https://developers.figma.com/docs/plugins/working-with-text, "Loading fonts"). The error names
   * the first unloaded font in text order. `method` marks API methods (`in insertCharacters:`, not `in set_…:`).
   */
  private write(prop: string, method = false): void {
    this.ctx.requireFonts(prop, this.fontsInNode(), method);
  }
  // ---- character-range styles ----
  private nodeStyle(): CharStyle {
    return { fontName: this._fontName, fontSize: this._fontSize, fills: this._fills };
  }
  styleAt(i: number): CharStyle {
    return this._ranges?.[i] ?? this.nodeStyle();
  }
  /** Every font used in the node, in text order (the node font when it has no characters). */
  fontsInNode(): FontName[] {
    if (!this._ranges) return [this._fontName];
    const seen = new Map<string, FontName>();
    for (const st of this._ranges) if (!seen.has(fontKey(st.fontName))) seen.set(fontKey(st.fontName), st.fontName);
    return [...seen.values()];
  }
  private ensureRanges(): CharStyle[] {
    if (!this._ranges) {
      const st = Object.freeze(this.nodeStyle());
      this._ranges = Array.from({ length: this._chars.length }, () => st);
    }
    return this._ranges;
  }
  /** Collapse to the node fields when every character has the same style; else keep the first character's there. */
  private settleRanges(): void {
    const r = this._ranges;
    if (!r) return;
    if (r.length === 0) {
      this._ranges = null;
      return;
    }
    const first = r[0]!;
    this._fontName = first.fontName;
    this._fontSize = first.fontSize;
    this._fills = first.fills;
    if (r.every((x) => sameStyle(x, first))) this._ranges = null;
  }
  private restyle(start: number, end: number, patch: Partial<CharStyle>): void {
    const r = this.ensureRanges();
    const cache = new Map<CharStyle, CharStyle>();
    for (let i = start; i < end; i++) {
      const old = r[i]!;
      let next = cache.get(old);
      if (!next) cache.set(old, (next = Object.freeze({ ...old, ...patch })));
      r[i] = next;
    }
    this.settleRanges();
  }
  private restyleAll(patch: Partial<CharStyle>): void {
    if (this._ranges) this.restyle(0, this._chars.length, patch);
    else Object.assign(this, { _fontName: patch.fontName ?? this._fontName, _fontSize: patch.fontSize ?? this._fontSize, _fills: patch.fills ?? this._fills });
  }
  /** Distinct values of one style key over [start, end). */
  private distinct<K extends keyof CharStyle>(key: K, start: number, end: number): CharStyle[K][] {
    if (!this._ranges) return [this.nodeStyle()[key]];
    const out: CharStyle[K][] = [];
    const keys = new Set<string>();
    for (let i = start; i < end; i++) {
      const v = this._ranges[i]![key];
      const k = key === 'fontName' ? fontKey(v as FontName) : key === 'fills' ? JSON.stringify(v) : String(v);
      if (!keys.has(k)) {
        keys.add(k);
        out.push(v);
      }
    }
    return out;
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
  /**
   * Needs every font in the node loaded (working-with-text "Loading fonts"). "Setting this property will reset styles
   * applied to character ranges" (typings L9850; https://developers.figma.com/docs/plugins/api/properties/TextNode-characters):
   * [unverified] the emulator resets every character to the style the first character had (observed by plugin
   * authors, e.g. the setcharacters helpers that re-apply the first character's font; no Figma source says which style).
   */
  set characters(v: string) {
    this.write('characters');
    if (typeof v !== 'string') throw new Error('in set_characters: Expected "characters" to be a string');
    const first = this.styleAt(0);
    this._ranges = null;
    this._fontName = first.fontName;
    this._fontSize = first.fontSize;
    this._fills = first.fills;
    this._chars = v;
    if (this._autoRename) this._name = v.slice(0, 100);
    this.changed('characters');
  }
  /**
   * Inserted characters copy the preceding character's style ('BEFORE', default) or the following one's ('AFTER');
   * at a boundary, the closest existing character's (typings L9860-L9866). Needs every font loaded.
   */
  insertCharacters(start: number, chars: string, useStyle: 'BEFORE' | 'AFTER' = 'BEFORE'): void {
    this.ctx.countWrite('insertCharacters');
    this.write('insertCharacters', true);
    const len = this._chars.length;
    if (typeof start !== 'number' || !Number.isInteger(start) || start < 0 || start > len) throw new Error(`in insertCharacters: Expected "start" to be an integer between 0 and ${len}`);
    if (typeof chars !== 'string') throw new Error('in insertCharacters: Expected "characters" to be a string');
    checkEnum('insertCharacters', useStyle, ['BEFORE', 'AFTER'] as const);
    if (this._ranges) {
      const src = len === 0 ? this.nodeStyle() : useStyle === 'BEFORE' ? this._ranges[start > 0 ? start - 1 : 0]! : this._ranges[start < len ? start : len - 1]!;
      this._ranges.splice(start, 0, ...Array.from({ length: chars.length }, () => src));
    }
    this._chars = this._chars.slice(0, start) + chars + this._chars.slice(start);
    this.settleRanges();
    this.changed('characters');
  }
  deleteCharacters(start: number, end: number): void {
    this.ctx.countWrite('deleteCharacters');
    this.write('deleteCharacters', true);
    checkTextRange('deleteCharacters', start, end, this._chars.length);
    if (this._ranges) this._ranges.splice(start, end - start);
    this._chars = this._chars.slice(0, start) + this._chars.slice(end);
    this.settleRanges();
    this.changed('characters');
  }
  get fontSize(): number | PluginAPI['mixed'] {
    if (this.distinct('fontSize', 0, this._chars.length).length > 1) return MIXED;
    return this._fontSize;
  }
  set fontSize(v: number | PluginAPI['mixed']) {
    this.write('fontSize');
    checkNumber('fontSize', v, 1);
    this.restyleAll({ fontSize: v });
    this.changed('fontSize');
  }
  /** figma.mixed "when the text node has more than one font" (typings L9781). */
  get fontName(): FontName | PluginAPI['mixed'] {
    if (this.distinct('fontName', 0, this._chars.length).length > 1) return MIXED;
    return this._fontName;
  }
  /** "When setting the .fontName … you do only need to load the new font" (working-with-text, "Loading fonts"). */
  set fontName(v: FontName | PluginAPI['mixed']) {
    if (!v || typeof v !== 'object' || typeof v.family !== 'string' || typeof v.style !== 'string') throw new Error('in set_fontName: Expected a FontName {family, style}');
    this.ctx.requireFont('fontName', v);
    this.restyleAll({ fontName: Object.freeze({ family: v.family, style: v.style }) });
    this.changed('fontName');
  }
  override get fills(): readonly Paint[] | PluginAPI['mixed'] {
    if (this.distinct('fills', 0, this._chars.length).length > 1) return MIXED;
    return this._fills;
  }
  /** Fills need no font ("You do not need to load a font in order to change … .fills", working-with-text). */
  override set fills(v: readonly Paint[] | PluginAPI['mixed']) {
    this.restyleAll({ fills: Object.freeze(validatePaints('fills', v)) });
    this.touch('fills');
  }

  // ---- ranges (typings L9876-L9990; working-with-text "Mixed styles") ----
  getRangeFontName(start: number, end: number): FontName | PluginAPI['mixed'] {
    checkTextRange('getRangeFontName', start, end, this._chars.length);
    const fonts = this.distinct('fontName', start, end);
    if (fonts.length > 1) return MIXED;
    return fonts[0]!;
  }
  /** "Throws if start === end (an empty range)" (https://developers.figma.com/docs/plugins/api/properties/TextNode-getrangeallfontnames/). */
  getRangeAllFontNames(start: number, end: number): FontName[] {
    checkTextRange('getRangeAllFontNames', start, end, this._chars.length);
    return this.distinct('fontName', start, end).map((f) => ({ ...f }));
  }
  getRangeFontSize(start: number, end: number): number | PluginAPI['mixed'] {
    checkTextRange('getRangeFontSize', start, end, this._chars.length);
    const sizes = this.distinct('fontSize', start, end);
    if (sizes.length > 1) return MIXED;
    return sizes[0]!;
  }
  getRangeFills(start: number, end: number): Paint[] | PluginAPI['mixed'] {
    checkTextRange('getRangeFills', start, end, this._chars.length);
    const fills = this.distinct('fills', start, end);
    if (fills.length > 1) return MIXED;
    return fills[0] as Paint[];
  }
  /**
   * "Requires the new font to be loaded" (typings L9890); it is also in working-with-text's list of calls that need
   * "all the fonts that the text node already use". The emulator asks for both. [unverified] which error comes first.
   */
  setRangeFontName(start: number, end: number, value: FontName): void {
    this.ctx.countWrite('setRangeFontName');
    if (!value || typeof value.family !== 'string' || typeof value.style !== 'string') throw new Error('in setRangeFontName: Expected a FontName {family, style}');
    this.ctx.requireFont('setRangeFontName', value, true);
    this.write('setRangeFontName', true);
    checkTextRange('setRangeFontName', start, end, this._chars.length);
    this.restyle(start, end, { fontName: Object.freeze({ family: value.family, style: value.style }) });
    this.changed('fontName');
  }
  /** "Requires the font to be loaded" (typings L9882): every font in the node (working-with-text). */
  setRangeFontSize(start: number, end: number, value: number): void {
    this.ctx.countWrite('setRangeFontSize');
    this.write('setRangeFontSize', true);
    checkTextRange('setRangeFontSize', start, end, this._chars.length);
    checkNumber('fontSize', value, 1);
    this.restyle(start, end, { fontSize: value });
    this.changed('fontSize');
  }
  /**
   * No font needed: working-with-text lists ".setRangeFills()" among the calls that "only affect colors". The typings
   * (L9958) say "Requires font to be loaded"; [unverified] which one Figma enforces. The emulator follows the guide.
   */
  setRangeFills(start: number, end: number, value: Paint[]): void {
    this.ctx.countWrite('setRangeFills');
    checkTextRange('setRangeFills', start, end, this._chars.length);
    this.restyle(start, end, { fills: Object.freeze(validatePaints('fills', value)) });
    this.touch('fills');
  }
  /** Runs of equal values for `fields` (typings L10040-L10175; working-with-text "Mixed styles"). */
  getStyledTextSegments(fields: readonly string[], start = 0, end = this._chars.length): any[] {
    if (!Array.isArray(fields)) throw new Error('in getStyledTextSegments: Expected "fields" to be an array');
    for (const f of fields) if (!SEGMENT_FIELDS.has(f)) throw unsupported(`TextNode.getStyledTextSegments field '${f}'`);
    if (this._chars.length === 0 && start === 0 && end === 0) return [];
    checkTextRange('getStyledTextSegments', start, end, this._chars.length);
    const valueOf = (i: number, f: string): unknown => {
      const st = this.styleAt(i);
      switch (f) {
        case 'fontName': return { ...st.fontName };
        case 'fontSize': return st.fontSize;
        case 'fills': return st.fills;
        case 'textCase': return this._textCase;
        case 'textDecoration': return this._textDecoration;
        case 'letterSpacing': return this._letterSpacing;
        default: return this._lineHeight;
      }
    };
    const keyAt = (i: number) => fields.map((f) => JSON.stringify(valueOf(i, f))).join('|');
    const out: any[] = [];
    let segStart = start;
    for (let i = start + 1; i <= end; i++) {
      if (i === end || keyAt(i) !== keyAt(segStart)) {
        const seg: Record<string, unknown> = { characters: this._chars.slice(segStart, i), start: segStart, end: i };
        for (const f of fields) seg[f] = valueOf(segStart, f);
        out.push(seg);
        segStart = i;
      }
    }
    return out;
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
      // WIDTH_AND_HEIGHT and FILL do not mix: the text hugs (figma/mcp-server-guide skills/figma-use/SKILL.md rule 12c).
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
  /**
   * "Returns whether the text uses a font currently not available to the document" (typings L9769): any font in the
   * node that the editor cannot load (assumptions.missingFonts).
   */
  get hasMissingFont(): boolean {
    return this.fontsInNode().some((f) => this.ctx.isMissingFont(f));
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
}
