/**
 * FigJam-only nodes: connectors, stickies, shapes with text. Sources: @figma/plugin-typings plugin-api.d.ts ConnectorNode,
 * StickyNode, ShapeWithTextNode ("only available in FigJam", createConnector L1240-L1271);
 * https://developers.figma.com/docs/plugins/api/ConnectorNode ; Figma's FigJam guide, figma/mcp-server-guide
 * figma-power/steering/figma-use-figjam/references/create-connector.md.
 */
import { SceneImpl, BASE_MEMBERS, BLACK } from './scene';
import { checkEnum, checkNumber, validatePaints, deepFreeze } from '../constraints';
import type { Ctx } from '../context';
import { unsupported } from '../constraints';

const SUBLAYER_MEMBERS = new Set(['characters', 'fontName', 'fontSize', 'fills']);
const SUBLAYER_PROBES = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'constructor']);
/** Strict public face of a text sublayer: unknown members throw instead of reading undefined. */
export function sublayerProxy(t: TextSublayer): TextSublayer {
  return new Proxy(t, {
    get(target, prop) {
      if (typeof prop === 'symbol') return undefined;
      if (SUBLAYER_MEMBERS.has(prop)) return Reflect.get(target, prop, target);
      if (SUBLAYER_PROBES.has(prop)) return undefined;
      throw unsupported(`TextSublayer.${prop}`);
    },
    set(target, prop, value) {
      if (typeof prop !== 'string' || !SUBLAYER_MEMBERS.has(prop)) throw unsupported(`TextSublayer.${String(prop)} (set)`);
      return Reflect.set(target, prop, value, target);
    },
  });
}

/**
 * What a new connector's `text.fontName` reads before a font is set. Figma: "A newly created connector's text.fontName
 * is invalid by default — calling figma.loadFontAsync(connector.text.fontName) will fail. You must explicitly set
 * connector.text.fontName to a known font (after loading it), then set connector.text.characters" (figma/mcp-server-guide,
 * figma-power/steering/figma-use-figjam/references/create-connector.md). APPROX: the invalid value itself is not
 * documented; the emulator returns an empty family and style, which loadFontAsync rejects and no write accepts.
 */
export const INVALID_FONT: FontName = Object.freeze({ family: '', style: '' });
/** Default font of a sticky's or shape's text, and of a connector label typed by a person. */
const FIGJAM_TEXT_FONT: FontName = Object.freeze({ family: 'Inter', style: 'Medium' });

/** The `text` sublayer of stickies, shapes and connectors: characters need the font loaded. */
export class TextSublayer {
  _chars = '';
  _fontName: FontName;
  _fontSize = 16;
  /** TextSublayerNode's MinimalFillsMixin (typings: `interface TextSublayerNode extends NonResizableTextMixin, MinimalFillsMixin`); empty until set: the SVG then draws the editor's default dark text. */
  _fills: readonly Paint[] = Object.freeze([]);
  get fills(): readonly Paint[] {
    return this._fills;
  }
  set fills(v: readonly Paint[]) {
    this.ctx.countWrite('text.fills');
    this._fills = Object.freeze(validatePaints('fills', v).map((p) => deepFreeze(p)));
    this.owner.touch('text');
  }
  constructor(private readonly ctx: Ctx, private readonly owner: SceneImpl, fontInvalidUntilSet = false) {
    this._fontName = fontInvalidUntilSet ? INVALID_FONT : FIGJAM_TEXT_FONT;
  }
  /** A person typing a label gets the editor's default font (they never see the invalid one). */
  private userFont(): void {
    if (this.ctx.actor !== 'plugin' && this._fontName === INVALID_FONT) this._fontName = FIGJAM_TEXT_FONT;
  }
  get characters(): string {
    return this._chars;
  }
  /** Before text.fontName is set on a new connector, this fails like any write with an unloaded font (APPROX, see INVALID_FONT). */
  set characters(v: string) {
    this.ctx.countWrite('text.characters');
    this.userFont();
    this.ctx.requireFont('characters', this._fontName);
    this._chars = String(v);
    this.owner.touch('text');
  }
  get fontName(): FontName {
    return this._fontName;
  }
  set fontName(v: FontName) {
    this.ctx.countWrite('text.fontName');
    if (!v || typeof v.family !== 'string' || typeof v.style !== 'string') throw new Error('in set_fontName: Expected a FontName {family, style}');
    this.ctx.requireFont('fontName', v);
    this._fontName = Object.freeze({ family: v.family, style: v.style });
    this.owner.touch('text');
  }
  get fontSize(): number {
    return this._fontSize;
  }
  set fontSize(v: number) {
    this.ctx.countWrite('text.fontSize');
    this.userFont();
    this.ctx.requireFont('fontSize', this._fontName);
    checkNumber('fontSize', v, 1);
    this._fontSize = v;
    this.owner.touch('text');
  }
}

const FIGJAM_BASE = [...BASE_MEMBERS, 'x', 'y', 'width', 'height', 'visible', 'locked', 'opacity', 'clone', 'text', 'absoluteBoundingBox', 'relativeTransform', 'absoluteTransform', 'rotation'] as const;

const CONNECTOR_CAPS = ['NONE', 'ARROW_EQUILATERAL', 'ARROW_LINES', 'TRIANGLE_FILLED', 'DIAMOND_FILLED', 'CIRCLE_FILLED', 'ERD_ONE', 'ERD_MANY', 'ERD_ONLY_ONE', 'ERD_ZERO_OR_ONE', 'ERD_ONE_OR_MANY', 'ERD_ZERO_OR_MANY'] as const;
export const CONNECTOR_MEMBERS = [...FIGJAM_BASE, 'textBackground', 'connectorStart', 'connectorEnd', 'connectorLineType', 'connectorStartStrokeCap', 'connectorEndStrokeCap', 'strokes', 'strokeWeight', 'dashPattern', 'cornerRadius'] as const;

export class ConnectorImpl extends SceneImpl implements Pick<ConnectorNode, 'connectorStart' | 'connectorEnd' | 'connectorLineType' | 'connectorStartStrokeCap' | 'connectorEndStrokeCap' | 'strokes' | 'strokeWeight' | 'name'> {
  static override MEMBERS = CONNECTOR_MEMBERS;
  readonly type: 'CONNECTOR' = 'CONNECTOR';
  _start: ConnectorEndpoint = deepFreeze({ position: { x: 0, y: 0 } });
  _end: ConnectorEndpoint = deepFreeze({ position: { x: 100, y: 0 } });
  _lineType: 'ELBOWED' | 'STRAIGHT' | 'CURVED' = 'ELBOWED';
  _startCap: ConnectorStrokeCap = 'NONE';
  _endCap: ConnectorStrokeCap = 'ARROW_LINES';
  _text!: TextSublayer;
  _textProxy!: TextSublayer;
  override init(): this {
    this._strokes = Object.freeze([deepFreeze({ type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL', color: { r: 0.7, g: 0.7, b: 0.7 } }) as Paint]);
    this._strokeWeight = 4;
    this._text = new TextSublayer(this.ctx, this, true);
    this._textProxy = sublayerProxy(this._text);
    return super.init();
  }
  get text(): TextSublayer {
    return this._textProxy;
  }
  /** The label's background (typings: `readonly textBackground: LabelSublayerNode`, `interface LabelSublayerNode { fills }`); empty until set. */
  readonly _textBackground: { fills: readonly Paint[] } = (() => {
    let fills: readonly Paint[] = Object.freeze([]);
    const owner = this;
    return {
      get fills() {
        return fills;
      },
      set fills(v: readonly Paint[]) {
        owner.ctx.countWrite('textBackground.fills');
        fills = Object.freeze(validatePaints('fills', v).map((p) => deepFreeze(p)));
        owner.touch('text');
      },
    };
  })();
  get textBackground(): { fills: readonly Paint[] } {
    return this._textBackground;
  }
  private endpoint(prop: string, v: ConnectorEndpoint): ConnectorEndpoint {
    if (!v || typeof v !== 'object') throw new Error(`in set_${prop}: Expected a ConnectorEndpoint`);
    if ('endpointNodeId' in v) {
      const n = this.ctx.nodes.get(v.endpointNodeId);
      if (!n) throw new Error(`in set_${prop}: Node with id "${v.endpointNodeId}" not found`);
      // [unverified] Which nodes accept a connector: assumptions.connectorNestedEndpoints (default: any node).
      const p = n.parentImpl;
      if (!this.ctx.assumptions.connectorNestedEndpoints && (!p || (p.type !== 'PAGE' && p.type !== 'SECTION'))) {
        throw new Error(`in set_${prop}: Cannot attach a connector to node "${n.id}" (${n.type} inside a ${p?.type ?? 'nothing'}): only nodes directly on a page or in a section accept connectors [emulator assumption connectorNestedEndpoints=false]`);
      }
      if ('magnet' in v) checkEnum(prop, v.magnet, ['NONE', 'AUTO', 'TOP', 'LEFT', 'BOTTOM', 'RIGHT', 'CENTER'] as const);
    }
    return deepFreeze(structuredClone(v));
  }
  get connectorStart(): ConnectorEndpoint {
    return this._start;
  }
  set connectorStart(v: ConnectorEndpoint) {
    this._start = this.endpoint('connectorStart', v);
    this.touch('connectorStart');
  }
  get connectorEnd(): ConnectorEndpoint {
    return this._end;
  }
  set connectorEnd(v: ConnectorEndpoint) {
    this._end = this.endpoint('connectorEnd', v);
    this.touch('connectorEnd');
  }
  get connectorLineType(): 'ELBOWED' | 'STRAIGHT' | 'CURVED' {
    return this._lineType;
  }
  set connectorLineType(v: 'ELBOWED' | 'STRAIGHT' | 'CURVED') {
    checkEnum('connectorLineType', v, ['ELBOWED', 'STRAIGHT', 'CURVED'] as const);
    this._lineType = v;
    this.touch('connectorLineType');
  }
  get connectorStartStrokeCap(): ConnectorStrokeCap {
    return this._startCap;
  }
  set connectorStartStrokeCap(v: ConnectorStrokeCap) {
    checkEnum('connectorStartStrokeCap', v, CONNECTOR_CAPS);
    this._startCap = v;
    this.touch('connectorStartStrokeCap');
  }
  get connectorEndStrokeCap(): ConnectorStrokeCap {
    return this._endCap;
  }
  set connectorEndStrokeCap(v: ConnectorStrokeCap) {
    checkEnum('connectorEndStrokeCap', v, CONNECTOR_CAPS);
    this._endCap = v;
    this.touch('connectorEndStrokeCap');
  }
  override get cornerRadius(): number {
    return 0;
  }
  override set cornerRadius(_v: number) {
    throw new TypeError('no setter for property: cornerRadius is read-only on connectors');
  }
}

export const STICKY_MEMBERS = [...FIGJAM_BASE, 'fills', 'authorVisible', 'isWideWidth'] as const;
export class StickyImpl extends SceneImpl implements Pick<StickyNode, 'authorVisible' | 'isWideWidth' | 'name'> {
  static override MEMBERS = STICKY_MEMBERS;
  readonly type: 'STICKY' = 'STICKY';
  authorVisible = true;
  _wide = false;
  _text!: TextSublayer;
  _textProxy!: TextSublayer;
  override init(): this {
    this._w = 240;
    this._h = 240;
    this._fills = Object.freeze([deepFreeze({ type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL', color: { r: 1, g: 0.85, b: 0.4 } }) as Paint]);
    this._text = new TextSublayer(this.ctx, this);
    this._textProxy = sublayerProxy(this._text);
    return super.init();
  }
  get text(): TextSublayer {
    return this._textProxy;
  }
  get isWideWidth(): boolean {
    return this._wide;
  }
  set isWideWidth(v: boolean) {
    this._wide = !!v;
    this._w = v ? 416 : 240;
    this.touch('isWideWidth', true);
  }
}

export const SHAPE_WITH_TEXT_MEMBERS = [...FIGJAM_BASE, 'fills', 'strokes', 'strokeWeight', 'shapeType', 'resize', 'cornerRadius'] as const;
export class ShapeWithTextImpl extends SceneImpl implements Pick<ShapeWithTextNode, 'shapeType' | 'name' | 'resize'> {
  static override MEMBERS = SHAPE_WITH_TEXT_MEMBERS;
  readonly type: 'SHAPE_WITH_TEXT' = 'SHAPE_WITH_TEXT';
  _shapeType: ShapeWithTextNode['shapeType'] = 'ROUNDED_RECTANGLE';
  _text!: TextSublayer;
  _textProxy!: TextSublayer;
  override init(): this {
    this._w = 208;
    this._h = 208;
    this._fills = Object.freeze([deepFreeze({ type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL', color: { r: 0.9, g: 0.9, b: 1 } }) as Paint]);
    this._strokes = Object.freeze([BLACK]);
    this._text = new TextSublayer(this.ctx, this);
    this._textProxy = sublayerProxy(this._text);
    return super.init();
  }
  get text(): TextSublayer {
    return this._textProxy;
  }
  get shapeType(): ShapeWithTextNode['shapeType'] {
    return this._shapeType;
  }
  set shapeType(v: ShapeWithTextNode['shapeType']) {
    checkEnum('shapeType', v, ['SQUARE', 'ELLIPSE', 'ROUNDED_RECTANGLE', 'DIAMOND', 'TRIANGLE_UP', 'TRIANGLE_DOWN', 'PARALLELOGRAM_RIGHT', 'PARALLELOGRAM_LEFT', 'ENG_DATABASE', 'ENG_QUEUE', 'ENG_FILE', 'ENG_FOLDER'] as const);
    this._shapeType = v;
    this.touch('shapeType');
  }
}
export { validatePaints };
