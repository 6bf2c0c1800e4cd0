/** The `figma` global: creators, lookups, fonts, events, recorders. Unsupported members throw via Proxy. */
import type { Ctx } from './context';
import { BaseImpl, PageImpl } from './nodes/base';
import { SceneImpl, MIXED } from './nodes/scene';
import { FrameImpl } from './nodes/frame';
import { TextImpl } from './nodes/text';
import { RectangleImpl, EllipseImpl, LineImpl, VectorImpl } from './nodes/shapes';
import { ConnectorImpl, StickyImpl, ShapeWithTextImpl } from './nodes/figjam';
import { SectionImpl } from './nodes/section';
import { groupNodes, ungroupNode } from './tree-ops';
import { UiBridge } from './ui-bridge';
import { ClientStorage } from './storage';
import {
  closedError, CURRENT_PAGE_SETTER_ERROR, dynamicPageError, figjamOnly, fontNotAvailableError, NOTIFY_MAX, unsupported,
} from './constraints';

export interface Recorders {
  undoCommits: number;
  notifications: Array<{ message: string; options?: NotificationOptions; cancelled: boolean }>;
  scrollAndZoomIntoView: Array<string[]>;
  viewport: { center: Vector; zoom: number };
  closed: { message?: string } | null;
  pluginListeners: Map<string, Array<(...a: any[]) => void>>;
}

const PROBES = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', '_isMockFunction', 'constructor']);

export function buildApi(ctx: Ctx, ui: UiBridge, storage: ClientStorage, rec: Recorders): PluginAPI {
  const later = <T>(fn: () => T): Promise<T> => ctx.later(fn);

  const guard = (name: string) => {
    if (ctx.closed) throw new Error(`in ${name}: The plugin has been closed. Figma APIs are disabled.`);
  };

  const add = <T extends SceneImpl>(node: T): any => {
    const page = ctx.currentPage;
    node.parentImpl = page;
    page.kids.push(node);
    page.kidsCache = null;
    ctx.events.record('CREATE', node);
    ctx.markLayout(node);
    return node.proxy;
  };
  const create = <T extends SceneImpl>(name: string, make: () => T): any => {
    guard(name);
    ctx.countWrite(name);
    return add(make().init());
  };
  const figjam = (name: string) => {
    if (ctx.options.editorType !== 'figjam') throw figjamOnly(name);
  };
  const available = (f: FontName) => ctx.options.fonts.some((a) => a.family === f.family && a.style === f.style);

  const api: Record<string, unknown> = {
    get apiVersion() {
      return '1.0.0' as const;
    },
    get editorType() {
      return ctx.options.editorType;
    },
    mode: 'default',
    get command() {
      return ctx.options.command ?? '';
    },
    get currentUser() {
      const u = ctx.options.currentUser;
      return u ? { id: u.id, name: u.name, photoUrl: null, color: '#18a0fb', sessionId: 1 } : null;
    },
    get pluginId() {
      return 'emulator';
    },
    get mixed() {
      return MIXED;
    },
    skipInvisibleInstanceChildren: false,
    get root() {
      return ctx.root.proxy;
    },
    get currentPage() {
      return ctx.currentPage.proxy;
    },
    set currentPage(p: unknown) {
      if (ctx.dynamicPage) throw new Error(CURRENT_PAGE_SETTER_ERROR);
      ctx.countWrite('currentPage');
      const page = ctx.raw<PageImpl>(p, 'set_currentPage');
      if (page.type !== 'PAGE') throw new Error('in set_currentPage: Expected a PageNode');
      ctx.currentPage = page;
      ctx.events.currentPageChanged();
    },
    setCurrentPageAsync(p: unknown) {
      const page = ctx.raw<PageImpl>(p, 'setCurrentPageAsync');
      return later(() => {
        ctx.currentPage = page;
        ctx.events.currentPageChanged();
      });
    },
    loadAllPagesAsync() {
      return later(() => {
        ctx.allPagesLoaded = true;
      });
    },
    getNodeById(id: string) {
      if (ctx.dynamicPage) throw dynamicPageError('getNodeById', 'figma.getNodeByIdAsync');
      return ctx.nodes.get(id)?.proxy ?? null;
    },
    getNodeByIdAsync(id: string) {
      return later(() => ctx.nodes.get(id)?.proxy ?? null);
    },
    createPage() {
      guard('createPage');
      ctx.countWrite('createPage');
      const p = new PageImpl(ctx).init();
      p._name = `Page ${ctx.root.kids.length + 1}`;
      p.parentImpl = ctx.root;
      ctx.root.kids.push(p);
      ctx.root.kidsCache = null;
      return p.proxy;
    },
    createFrame: () => create('createFrame', () => Object.assign(new FrameImpl(ctx), { _name: 'Frame' })),
    createRectangle: () => create('createRectangle', () => Object.assign(new RectangleImpl(ctx), { _name: 'Rectangle' })),
    createEllipse: () => create('createEllipse', () => Object.assign(new EllipseImpl(ctx), { _name: 'Ellipse' })),
    createLine: () => create('createLine', () => Object.assign(new LineImpl(ctx), { _name: 'Line' })),
    createVector: () => create('createVector', () => Object.assign(new VectorImpl(ctx), { _name: 'Vector' })),
    createText: () => create('createText', () => Object.assign(new TextImpl(ctx), { _name: 'Text' })),
    createConnector() {
      figjam('createConnector');
      return create('createConnector', () => Object.assign(new ConnectorImpl(ctx), { _name: 'Connector' }));
    },
    createSticky() {
      figjam('createSticky');
      return create('createSticky', () => Object.assign(new StickyImpl(ctx), { _name: 'Sticky' }));
    },
    createShapeWithText() {
      figjam('createShapeWithText');
      return create('createShapeWithText', () => Object.assign(new ShapeWithTextImpl(ctx), { _name: 'Shape' }));
    },
    group(nodes: readonly unknown[], parent: unknown, index?: number) {
      guard('group');
      ctx.countWrite('group');
      if (!Array.isArray(nodes) || nodes.length === 0) throw new Error('in group: First argument must be an array of at least one node');
      const raws = nodes.map((n) => ctx.raw<SceneImpl>(n, 'group'));
      const par = ctx.raw<BaseImpl>(parent, 'group');
      return groupNodes(ctx, 'group', raws, par, index).proxy;
    },
    ungroup(node: unknown) {
      guard('ungroup');
      ctx.countWrite('ungroup');
      const n = ctx.raw<SceneImpl>(node, 'ungroup');
      return ungroupNode(ctx, 'ungroup', n).map((k) => k.proxy);
    },
    createSection: () => create('createSection', () => Object.assign(new SectionImpl(ctx), { _name: 'Section' })),
    loadFontAsync(font: FontName) {
      const f = { family: font?.family, style: font?.style } as FontName;
      return later(() => {
        // A font the document uses but the editor lacks (assumptions.missingFonts) cannot be loaded either:
        // loadFontAsync "only works to load fonts already accessible in the Figma editor" (typings L1663-L1698).
        if (!available(f) || ctx.isMissingFont(f)) throw fontNotAvailableError(f);
        ctx.loadedFonts.add(ctx.fontKey(f));
      });
    },
    listAvailableFontsAsync() {
      return later(() => ctx.options.fonts.map((f) => ({ fontName: { ...f } })));
    },
    /** True when any text node of the document uses a font the editor lacks (typings L1730; working-with-text "Missing fonts"). */
    get hasMissingFont() {
      const stack: BaseImpl[] = [ctx.root];
      while (stack.length) {
        const n = stack.pop()!;
        if (n instanceof TextImpl && n.hasMissingFont) return true;
        stack.push(...n.kids);
      }
      return false;
    },
    on(type: string, cb: (...a: any[]) => void) {
      if (type === 'documentchange' && ctx.dynamicPage && !ctx.allPagesLoaded) {
        // typings L564: with dynamic-page "you must first call loadAllPagesAsync to access this event". APPROX message.
        throw new Error('in on: Cannot register documentchange handler in incremental mode without calling figma.loadAllPagesAsync first');
      }
      if (['selectionchange', 'currentpagechange', 'documentchange'].includes(type)) ctx.events.on(ctx.events.figmaListeners, type, cb, false);
      else if (['close', 'run', 'drop', 'timerstart', 'timerstop'].includes(type)) rec.pluginListeners.set(type, [...(rec.pluginListeners.get(type) ?? []), cb]);
      else throw unsupported(`figma.on('${type}')`);
    },
    once(type: string, cb: (...a: any[]) => void) {
      if (type === 'documentchange' && ctx.dynamicPage && !ctx.allPagesLoaded) throw new Error('in once: Cannot register documentchange handler in incremental mode without calling figma.loadAllPagesAsync first');
      if (['selectionchange', 'currentpagechange', 'documentchange'].includes(type)) ctx.events.on(ctx.events.figmaListeners, type, cb, true);
      else throw unsupported(`figma.once('${type}')`);
    },
    off(type: string, cb: (...a: any[]) => void) {
      ctx.events.off(ctx.events.figmaListeners, type, cb);
      const l = rec.pluginListeners.get(type);
      if (l) rec.pluginListeners.set(type, l.filter((x) => x !== cb));
    },
    showUI(html: string, opts?: ShowUIOptions) {
      guard('showUI');
      ui.showUI(html, opts);
    },
    ui: ui.api(),
    clientStorage: storage.api(),
    commitUndo() {
      rec.undoCommits++;
    },
    notify(message: string, options?: NotificationOptions) {
      if (typeof message !== 'string') throw new Error('in notify: Expected "message" to be a string');
      // "It is limited to 100 characters. Longer messages will be truncated" (typings L229).
      const entry = { message: message.slice(0, NOTIFY_MAX), options, cancelled: false };
      rec.notifications.push(entry);
      return {
        cancel: () => {
          entry.cancelled = true;
        },
      };
    },
    viewport: {
      get center() {
        return { ...rec.viewport.center };
      },
      set center(c: Vector) {
        rec.viewport.center = { x: c.x, y: c.y };
      },
      get zoom() {
        return rec.viewport.zoom;
      },
      set zoom(z: number) {
        if (typeof z !== 'number' || !(z > 0)) throw new Error('in set_zoom: Expected a positive number');
        rec.viewport.zoom = z;
      },
      get bounds() {
        const w = 1440 / rec.viewport.zoom;
        const h = 900 / rec.viewport.zoom;
        return { x: rec.viewport.center.x - w / 2, y: rec.viewport.center.y - h / 2, width: w, height: h };
      },
      scrollAndZoomIntoView(nodes: readonly unknown[]) {
        const raws = nodes.map((n) => ctx.raw<SceneImpl>(n, 'scrollAndZoomIntoView'));
        rec.scrollAndZoomIntoView.push(raws.map((r) => r.id));
        const boxes = raws.map((r) => ctx.internal(() => r.absoluteBoundingBox)).filter((b): b is Rect => !!b);
        if (boxes.length) {
          const x0 = Math.min(...boxes.map((b) => b.x));
          const y0 = Math.min(...boxes.map((b) => b.y));
          const x1 = Math.max(...boxes.map((b) => b.x + b.width));
          const y1 = Math.max(...boxes.map((b) => b.y + b.height));
          rec.viewport.center = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
          rec.viewport.zoom = Math.min(1440 / Math.max(1, x1 - x0), 900 / Math.max(1, y1 - y0), 2);
        }
      },
    },
    closePlugin(message?: string) {
      rec.closed = message === undefined ? {} : { message };
      ctx.closed = true;
      ui.open = false;
      ui.visible = false;
      for (const cb of rec.pluginListeners.get('close') ?? []) cb();
      for (const cb of ctx.onClose) cb();
      ctx.events.cancel();
    },
    base64Encode(data: Uint8Array) {
      return Buffer.from(data).toString('base64');
    },
    base64Decode(data: string) {
      return new Uint8Array(Buffer.from(data, 'base64'));
    },
  };

  return new Proxy(api, {
    get(target, prop) {
      if (typeof prop === 'symbol') return undefined;
      // Everything but closePlugin itself is disabled once the plugin is closed (typings L173).
      if (ctx.closed && ctx.actor === 'plugin' && prop !== 'closePlugin' && !PROBES.has(prop)) throw closedError(`get_${prop}`);
      if (!(prop in target)) {
        if (PROBES.has(prop)) return undefined;
        throw unsupported(`figma.${prop}`);
      }
      return Reflect.get(target, prop);
    },
    set(target, prop, value) {
      if (typeof prop !== 'string' || !(prop in target)) throw unsupported(`figma.${String(prop)} (set)`);
      const desc = Object.getOwnPropertyDescriptor(target, prop);
      if (desc && !desc.set && !desc.writable) throw new TypeError(`no setter for property: figma.${prop} is read-only`);
      if (prop === 'skipInvisibleInstanceChildren' && typeof value !== 'boolean') throw new Error('in set_skipInvisibleInstanceChildren: Expected boolean');
      return Reflect.set(target, prop, value);
    },
  }) as unknown as PluginAPI;
}
