/** BaseNode behaviour: identity, tree, plugin data, removal. Document and Page nodes. */
import type { Ctx } from '../context';
import {
  checkNamespace, checkString, cycleError, pluginDataTooLarge, PLUGIN_DATA_LIMIT_BYTES, rootOnlyPagesError,
  pageNotInSceneError, utf8Length, checkRelaunchData, unsupported, sectionParentError,
} from '../constraints';

const SKIP_CLONE = new Set(['id', 'ctx', 'proxy', 'parentImpl', 'kids', 'kidsCache', 'removed', 'layoutDirty', 'formerParent']);

export abstract class BaseImpl {
  static MEMBERS: readonly string[] = [];
  readonly ctx: Ctx;
  id: string;
  abstract readonly type: NodeType;
  _name = '';
  removed = false;
  parentImpl: BaseImpl | null = null;
  formerParent: BaseImpl | null = null;
  kids: BaseImpl[] = [];
  kidsCache: readonly unknown[] | null = null;
  layoutDirty = false;
  pluginData = new Map<string, string>();
  sharedData = new Map<string, Map<string, string>>();
  relaunch: Record<string, string> = {};
  proxy: any;

  constructor(ctx: Ctx, pageLike = false) {
    this.ctx = ctx;
    this.id = ctx.newId(pageLike);
    ctx.nodes.set(this.id, this);
  }

  /** Must be called by subclasses' factory after construction. */
  init(): this {
    this.proxy = this.ctx.wrap(this);
    if (this.ctx.actor === 'plugin') this.ctx.stats.current.nodesCreated++;
    return this;
  }

  members(): Set<string> {
    const ctor = this.constructor as unknown as { MEMBERS: readonly string[]; _set?: Set<string> };
    if (!Object.prototype.hasOwnProperty.call(ctor, '_set')) ctor._set = new Set(ctor.MEMBERS);
    return ctor._set!;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `<${this.type} ${this.id}${this.removed ? ' removed' : ''} "${this.name}">`;
  }
  toString(): string {
    return `[object ${this.type}Node ${this.id}]`;
  }

  // ---- layout hooks (overridden) ----
  /** Parent's geometry depends on children (auto layout, group). */
  dependsOnChildren(): boolean {
    return false;
  }
  /** Node computes its own size (text, auto-layout frame). */
  selfLayouts(): boolean {
    return false;
  }
  /** x/y/width/height of this node can change through layout. */
  layoutDependent(): boolean {
    return false;
  }

  get name(): string {
    return this._name;
  }
  set name(v: string) {
    if (typeof v !== 'string') throw new Error('in set_name: Expected "name" to be a string');
    this._name = v;
    this.touch('name');
  }

  touch(prop: string, layout = false): void {
    this.ctx.events.record('PROPERTY_CHANGE', this, prop);
    if (layout) this.ctx.markLayout(this);
  }

  // ---- tree ----
  get parent(): any {
    return this.parentImpl ? this.parentImpl.proxy : null;
  }
  get children(): any {
    if (!this.kidsCache) this.kidsCache = Object.freeze(this.kids.map((k) => k.proxy));
    return this.kidsCache;
  }
  pageOf(): PageImpl | null {
    let n: BaseImpl | null = this;
    while (n && n.type !== 'PAGE') n = n.parentImpl;
    return n as PageImpl | null;
  }

  appendChild(child: any): void {
    this.insertAt(this.kids.length, child, 'appendChild');
  }
  insertChild(index: number, child: any): void {
    if (typeof index !== 'number' || index < 0 || index > this.kids.length || !Number.isInteger(index)) {
      throw new Error(`in insertChild: Expected "index" to be an integer between 0 and ${this.kids.length}`);
    }
    this.insertAt(index, child, 'insertChild');
  }
  protected insertAt(index: number, childArg: unknown, method: string): void {
    this.ctx.countWrite(method);
    const child = this.ctx.raw(childArg, method);
    if (child.removed) throw new Error(`in ${method}: The node with id "${child.id}" does not exist`);
    if (this.type === 'DOCUMENT' && child.type !== 'PAGE') throw rootOnlyPagesError(method);
    if (child.type === 'PAGE' && this.type !== 'DOCUMENT') throw pageNotInSceneError(method);
    if (child.type === 'DOCUMENT') throw cycleError(method);
    if (child.type === 'SECTION' && this.type !== 'PAGE' && this.type !== 'SECTION') throw sectionParentError(method);
    for (let a: BaseImpl | null = this; a; a = a.parentImpl) if (a === child) throw cycleError(method);
    this.acceptChild(child, method);
    const old = child.parentImpl;
    if (old) {
      const i = old.kids.indexOf(child);
      old.kids.splice(i, 1);
      old.kidsCache = null;
      if (old === this && i < index) index--;
      old.childrenChanged();
    }
    index = Math.min(index, this.kids.length);
    this.kids.splice(index, 0, child);
    this.kidsCache = null;
    child.parentImpl = this;
    child.reparented(old);
    this.childrenChanged();
    if (old && old !== this) child.touch('parent');
    else if (old === this) this.touch('children');
  }
  /** Hook for subclasses that restrict children. */
  protected acceptChild(_child: BaseImpl, _method: string): void {}
  /** Called after the child list changed. */
  childrenChanged(): void {
    this.ctx.markLayout(this);
  }
  reparented(_old: BaseImpl | null): void {
    this.ctx.markLayout(this);
  }

  remove(): void {
    this.ctx.countWrite('remove');
    if (this.type === 'DOCUMENT') throw new Error('in remove: Cannot remove the document');
    if (this.type === 'PAGE' && this.ctx.root.kids.length <= 1) throw new Error('in remove: Cannot remove the last page of a document');
    if (this.type === 'PAGE' && (this as BaseImpl) === this.ctx.currentPage) throw new Error('in remove: Cannot remove the current page');
    this.ctx.events.record('DELETE', this);
    if (this.ctx.actor === 'plugin') this.ctx.stats.current.removals++;
    const p = this.parentImpl;
    if (p) {
      p.kids.splice(p.kids.indexOf(this), 1);
      p.kidsCache = null;
      p.childrenChanged();
    }
    this.formerParent = p;
    this.parentImpl = null;
    this.markRemoved();
  }
  private markRemoved(): void {
    this.removed = true;
    this.ctx.nodes.delete(this.id);
    this.ctx.dirtyRoots.delete(this);
    for (const [pid, sel] of this.ctx.selection) {
      if (sel.includes(this)) {
        this.ctx.selection.set(pid, sel.filter((n) => n !== this));
        this.ctx.events.selectionChanged();
      }
    }
    for (const k of this.kids) {
      k.formerParent = this;
      k.markRemoved();
    }
  }

  // ---- search ----
  protected walk(fn: (n: BaseImpl) => boolean | void): void {
    const stack = [...this.kids].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (fn(n) === true) return;
      for (let i = n.kids.length - 1; i >= 0; i--) stack.push(n.kids[i]!);
    }
  }
  findAll(cb?: (node: any) => boolean): any[] {
    const out: any[] = [];
    this.walk((n) => {
      if (!cb || cb(n.proxy)) out.push(n.proxy);
    });
    return out;
  }
  findOne(cb: (node: any) => boolean): any {
    let found: any = null;
    this.walk((n) => {
      if (cb(n.proxy)) {
        found = n.proxy;
        return true;
      }
    });
    return found;
  }
  findChildren(cb?: (node: any) => boolean): any[] {
    return this.kids.filter((k) => !cb || cb(k.proxy)).map((k) => k.proxy);
  }
  findChild(cb: (node: any) => boolean): any {
    return this.kids.find((k) => cb(k.proxy))?.proxy ?? null;
  }
  findAllWithCriteria(criteria: FindAllCriteria<NodeType[]>): any[] {
    const types = criteria.types ? new Set<string>(criteria.types) : null;
    const pd = criteria.pluginData;
    const spd = criteria.sharedPluginData;
    const out: any[] = [];
    this.walk((n) => {
      if (types && !types.has(n.type)) return;
      if (pd) {
        if (pd.keys ? !pd.keys.some((k) => n.pluginData.has(k)) : n.pluginData.size === 0) return;
      }
      if (spd) {
        const m = n.sharedData.get(spd.namespace);
        if (!m || (spd.keys ? !spd.keys.some((k) => m.has(k)) : m.size === 0)) return;
      }
      out.push(n.proxy);
    });
    return out;
  }
  findWidgetNodesByWidgetId(): never {
    throw unsupported('findWidgetNodesByWidgetId');
  }

  // ---- plugin data (typings L6528-L6575; https://developers.figma.com/docs/plugins/api/properties/nodes-setplugindata) ----
  getPluginData(key: string): string {
    checkString('getPluginData', 'key', key);
    return this.pluginData.get(key) ?? '';
  }
  setPluginData(key: string, value: string): void {
    this.ctx.countWrite('setPluginData');
    checkString('setPluginData', 'key', key);
    checkString('setPluginData', 'value', value);
    // Measure: UTF-8 bytes of key + value (the plugin id is unknown to us, see README).
    if (utf8Length(key) + utf8Length(value) > PLUGIN_DATA_LIMIT_BYTES) throw pluginDataTooLarge('setPluginData');
    if (value === '') this.pluginData.delete(key);
    else this.pluginData.set(key, value);
    this.touch('pluginData');
  }
  getPluginDataKeys(): string[] {
    return [...this.pluginData.keys()];
  }
  getSharedPluginData(namespace: string, key: string): string {
    checkNamespace('getSharedPluginData', namespace);
    checkString('getSharedPluginData', 'key', key);
    return this.sharedData.get(namespace)?.get(key) ?? '';
  }
  setSharedPluginData(namespace: string, key: string, value: string): void {
    this.ctx.countWrite('setSharedPluginData');
    checkNamespace('setSharedPluginData', namespace);
    checkString('setSharedPluginData', 'key', key);
    checkString('setSharedPluginData', 'value', value);
    if (utf8Length(namespace) + utf8Length(key) + utf8Length(value) > PLUGIN_DATA_LIMIT_BYTES) throw pluginDataTooLarge('setSharedPluginData');
    let m = this.sharedData.get(namespace);
    if (!m) this.sharedData.set(namespace, (m = new Map()));
    if (value === '') m.delete(key);
    else m.set(key, value);
    if (m.size === 0) this.sharedData.delete(namespace);
    this.touch('pluginData');
  }
  getSharedPluginDataKeys(namespace: string): string[] {
    checkNamespace('getSharedPluginDataKeys', namespace);
    return [...(this.sharedData.get(namespace)?.keys() ?? [])];
  }
  setRelaunchData(data: { [command: string]: string }): void {
    this.ctx.countWrite('setRelaunchData');
    checkRelaunchData(data);
    this.relaunch = { ...data };
    this.touch('relaunchData');
  }
  getRelaunchData(): { [command: string]: string } {
    return { ...this.relaunch };
  }

  // ---- clone ----
  /**
   * A copy of this subtree with new ids everywhere, not yet parented. `pluginData`: whether private and shared
   * plugin data travel with it (assumptions.pluginDataOnClone / pluginDataOnPaste).
   */
  cloneRaw(pluginData: 'copied' | 'dropped' = 'copied'): BaseImpl {
    const Ctor = this.constructor as new (ctx: Ctx) => BaseImpl;
    const copy = new Ctor(this.ctx);
    // init() first: it sets per-type defaults (a frame's white fill, a sticky's colour) that the
    // original's values must then overwrite, not the other way round.
    copy.init();
    for (const key of Object.keys(this) as Array<keyof this>) {
      if (SKIP_CLONE.has(key as string)) continue;
      if (key === '_text' || key === '_textProxy') continue;
      const v = this[key];
      if (v instanceof Map) {
        const m = new Map();
        for (const [k, val] of v) m.set(k, val instanceof Map ? new Map(val) : val);
        (copy as any)[key] = m;
      } else if (Array.isArray(v) && !Object.isFrozen(v)) (copy as any)[key] = [...v];
      else if (v && typeof v === 'object' && !Object.isFrozen(v)) (copy as any)[key] = structuredClone(v);
      else (copy as any)[key] = v;
    }
    const text = (this as any)._text as { _chars: string; _fontName: FontName; _fontSize: number } | undefined;
    const copyText = (copy as any)._text as typeof text;
    if (text && copyText) Object.assign(copyText, { _chars: text._chars, _fontName: text._fontName, _fontSize: text._fontSize });
    if (pluginData === 'dropped') {
      copy.pluginData = new Map();
      copy.sharedData = new Map();
    }
    for (const k of this.kids) {
      const kc = k.cloneRaw(pluginData);
      kc.parentImpl = copy;
      copy.kids.push(kc);
    }
    return copy;
  }
}

export class DocumentImpl extends BaseImpl {
  static override MEMBERS = [
    'id', 'type', 'name', 'parent', 'children', 'removed', 'appendChild', 'insertChild', 'findChildren', 'findChild', 'findAll', 'findOne',
    'findAllWithCriteria', 'getPluginData', 'setPluginData', 'getPluginDataKeys', 'getSharedPluginData', 'setSharedPluginData',
    'getSharedPluginDataKeys', 'setRelaunchData', 'getRelaunchData', 'toString',
  ] as const;
  readonly type = 'DOCUMENT' as const;
  constructor(ctx: Ctx) {
    super(ctx, true);
    ctx.nodes.delete(this.id);
    this.id = '0:0';
    ctx.nodes.set('0:0', this);
    this._name = 'Document';
  }
  private needAllPages(method: string): void {
    if (this.ctx.dynamicPage && !this.ctx.allPagesLoaded) {
      throw new Error(`in ${method}: Cannot call ${method} on the document with documentAccess: dynamic-page without first calling figma.loadAllPagesAsync()`);
    }
  }
  override findAll(cb?: (node: any) => boolean): any[] {
    this.needAllPages('findAll');
    return super.findAll(cb);
  }
  override findOne(cb: (node: any) => boolean): any {
    this.needAllPages('findOne');
    return super.findOne(cb);
  }
  override findAllWithCriteria(c: FindAllCriteria<NodeType[]>): any[] {
    this.needAllPages('findAllWithCriteria');
    return super.findAllWithCriteria(c);
  }
  override childrenChanged(): void {}
}
// Shape check: the members the emulator implements match the official DocumentNode interface.
type _DocCheck = Pick<DocumentNode, 'id' | 'type' | 'name' | 'removed' | 'getPluginData' | 'setPluginData' | 'getPluginDataKeys' | 'getSharedPluginData' | 'setSharedPluginData' | 'getSharedPluginDataKeys' | 'setRelaunchData' | 'getRelaunchData' | 'appendChild' | 'insertChild'>;
export const _docShape = (d: DocumentImpl): _DocCheck => d as unknown as _DocCheck satisfies _DocCheck;

export class PageImpl extends BaseImpl {
  static override MEMBERS = [
    ...DocumentImpl.MEMBERS, 'remove', 'selection', 'on', 'once', 'off', 'loadAsync', 'clone', 'backgrounds', 'isPageDivider',
  ] as const;
  readonly type = 'PAGE' as const;
  isPageDivider = false;
  private _bg: readonly Paint[] = Object.freeze([Object.freeze({ type: 'SOLID', color: Object.freeze({ r: 0.96, g: 0.96, b: 0.96 }), opacity: 1, visible: true, blendMode: 'NORMAL' })]) as readonly Paint[];
  constructor(ctx: Ctx) {
    super(ctx, true);
  }
  get backgrounds(): readonly Paint[] {
    return this._bg;
  }
  set backgrounds(v: readonly Paint[]) {
    this._bg = Object.freeze(v.map((p) => Object.freeze({ ...p }))) as readonly Paint[];
  }
  get selection(): any {
    return Object.freeze((this.ctx.selection.get(this.id) ?? []).map((n) => n.proxy));
  }
  set selection(nodes: readonly any[]) {
    if (!Array.isArray(nodes)) throw new Error('in set_selection: Expected an array of nodes');
    const raw = nodes.map((n) => this.ctx.raw(n, 'set_selection'));
    for (const r of raw) if (r.pageOf() !== this) throw new Error('in set_selection: Node must be on this page');
    this.ctx.selection.set(this.id, [...new Set(raw)]);
    this.ctx.events.selectionChanged();
  }
  async loadAsync(): Promise<void> {}
  on(type: 'nodechange', cb: (e: NodeChangeEvent) => void): void {
    if (type !== 'nodechange') throw unsupported(`PageNode.on('${String(type)}')`);
    this.ctx.events.on(this.ctx.events.pageMap(this.id), type, cb, false);
  }
  once(type: 'nodechange', cb: (e: NodeChangeEvent) => void): void {
    if (type !== 'nodechange') throw unsupported(`PageNode.once('${String(type)}')`);
    this.ctx.events.on(this.ctx.events.pageMap(this.id), type, cb, true);
  }
  off(type: 'nodechange', cb: (e: NodeChangeEvent) => void): void {
    this.ctx.events.off(this.ctx.events.pageMap(this.id), type, cb);
  }
  clone(): any {
    throw unsupported('PageNode.clone');
  }
  protected override acceptChild(): void {}
  override childrenChanged(): void {}
}
type _PageCheck = Pick<PageNode, 'type' | 'selection' | 'on' | 'once' | 'off' | 'loadAsync' | 'getPluginData' | 'setPluginData' | 'backgrounds' | 'isPageDivider'>;
export const _pageShape = (p: PageImpl): _PageCheck => p satisfies _PageCheck;
