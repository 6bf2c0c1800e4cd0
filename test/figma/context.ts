/** Per-instance state of one emulated Figma. Nothing here is global: every createFigma() gets its own Ctx. */
import { EventHub } from './events';
import { emptyStats, SliceTimer, type EmulatorStats } from './instrument';
import { closedError, removedNodeError, unsupported, readOnlyError, unloadedFontError } from './constraints';
import type { BaseImpl } from './nodes/base';
import type { DocumentImpl, PageImpl } from './nodes/base';
import type { EmulatorAssumptions } from './assumptions';

export type Actor = 'plugin' | 'user' | 'internal';

export interface CtxOptions {
  editorType: 'figma' | 'figjam';
  fonts: FontName[];
  documentAccess?: 'dynamic-page';
  /** figma.command: the manifest menu or relaunch command the plugin was started with. */
  command?: string;
  /** figma.currentUser; null when not given. */
  currentUser?: { id: string; name: string } | null;
  /** Resolved assumptions (assumptions.ts): every field set. */
  assumptions: EmulatorAssumptions;
}

/** Names that tooling (vitest, util.inspect, promises) probes on any object; they read as undefined. */
const PROBES = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', '_isMockFunction', 'nodeName', 'constructor', 'inspect']);
const LAYOUT_READS = new Set(['x', 'y', 'width', 'height']);

export class Ctx {
  readonly stats: { current: EmulatorStats } = { current: emptyStats() };
  readonly slices = new SliceTimer(() => this.stats.current);
  readonly events: EventHub;
  actor: Actor = 'plugin';
  origin: 'LOCAL' | 'REMOTE' = 'LOCAL';
  closed = false;
  allPagesLoaded = false;
  readonly loadedFonts = new Set<string>();
  readonly nodes = new Map<string, BaseImpl>();
  readonly errors: unknown[] = [];
  readonly onClose: Array<() => void> = [];
  private nextId = 1;
  private readonly proxies = new WeakMap<object, BaseImpl>();
  /** Layout roots whose subtree must be recomputed. */
  readonly dirtyRoots = new Set<BaseImpl>();
  root!: DocumentImpl;
  currentPage!: PageImpl;
  selection = new Map<string, BaseImpl[]>(); // pageId -> nodes
  layoutFn: (root: BaseImpl) => void = () => {};
  /** Emulator async calls and zero-delay sandbox timers in flight (emu.flush waits for them). */
  pendingAsync = 0;

  /** Resolve on a later macrotask, as Figma's async APIs do; the continuation starts a new slice. */
  later<T>(fn: () => T): Promise<T> {
    this.pendingAsync++;
    return new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        this.pendingAsync--;
        this.slices.begin();
        try {
          resolve(fn());
        } catch (e) {
          reject(e);
        }
      }, 0),
    );
  }

  constructor(readonly options: CtxOptions) {
    this.events = new EventHub(this);
  }

  get dynamicPage(): boolean {
    return this.options.documentAccess === 'dynamic-page';
  }

  newId(pageLike = false): string {
    // Figma ids look like "0:1" (pages) and "1:23" (scene nodes).
    const n = this.nextId++;
    return pageLike ? `0:${n}` : `${1 + Math.floor(n / 100000)}:${n}`;
  }

  /** Count a write by plugin code. */
  countWrite(name: string): void {
    if (this.actor !== 'plugin') return;
    const s = this.stats.current;
    s.writes++;
    s.writesByProperty[name] = (s.writesByProperty[name] ?? 0) + 1;
  }

  fontKey(f: FontName): string {
    return `${f.family}\u0000${f.style}`;
  }
  requireFont(prop: string, f: FontName, method = false): void {
    if (this.actor !== 'plugin') return; // the user has the font (README)
    if (!this.loadedFonts.has(this.fontKey(f))) throw unloadedFontError(prop, f, method);
  }
  /** Every font in `fonts` must be loaded; the error names the first one that is not (in text order). */
  requireFonts(prop: string, fonts: readonly FontName[], method = false): void {
    for (const f of fonts) this.requireFont(prop, f, method);
  }
  get assumptions(): EmulatorAssumptions {
    return this.options.assumptions;
  }
  /** A font the document uses but this editor cannot load (assumptions.missingFonts). */
  isMissingFont(f: FontName): boolean {
    return this.options.assumptions.missingFonts.some((m) => m.family === f.family && m.style === f.style);
  }

  reportError(e: unknown): void {
    this.errors.push(e);
    // Figma prints uncaught plugin errors to the console; keep them visible in tests.
    console.error('[figma emulator] uncaught error in plugin callback:', e);
  }

  /** Mark `node` as changed for layout. Walks up while the parent's layout depends on the child. */
  markLayout(node: BaseImpl): void {
    const chain: BaseImpl[] = [node];
    let cur: BaseImpl = node;
    for (let p = cur.parentImpl; p && p.dependsOnChildren(); p = p.parentImpl) {
      chain.push(p);
      cur = p;
    }
    const top = chain[chain.length - 1]!;
    if (chain.length === 1 && !node.selfLayouts()) return; // nothing depends on this node's geometry
    for (const n of chain) n.layoutDirty = true;
    this.dirtyRoots.add(top);
  }

  /** True when reading geometry of `node` needs a layout pass first. */
  needsLayout(node: BaseImpl): boolean {
    if (this.dirtyRoots.size === 0) return false;
    for (let n: BaseImpl | null = node; n; n = n.parentImpl) if (n.layoutDirty) return true;
    return false;
  }

  ensureLayout(): void {
    if (this.dirtyRoots.size === 0) return;
    const roots = [...this.dirtyRoots];
    this.dirtyRoots.clear();
    // Only lay out roots that another dirty root's layout reaches: one inside it through auto-layout
    // frames, groups and pages only. Layout stops at a frame without auto layout (its children keep
    // their places), so a hugging text in such a frame is a root of its own even inside another.
    const set = new Set(roots);
    for (const r of roots) {
      let inner = false;
      for (let a = r.parentImpl; a && !inner; a = a.parentImpl) {
        if (set.has(a)) inner = true;
        else if (a.type === 'FRAME' && !(a as unknown as { isAutoLayout(): boolean }).isAutoLayout()) break;
      }
      if (!inner) {
        this.stats.current.layoutPasses++;
        // Figma lays out natively; only the plugin's own JavaScript counts towards its slices.
        this.slices.exclude(() => this.layoutFn(r));
      }
    }
    for (const r of roots) r.layoutDirty = false;
  }

  raw<T extends BaseImpl = BaseImpl>(x: unknown, method = 'call'): T {
    const r = (x && typeof x === 'object' ? this.proxies.get(x) : undefined) ?? (x as T);
    if (!r || typeof r !== 'object' || !('ctx' in (r as object)) || (r as BaseImpl).ctx !== this) {
      throw new Error(`in ${method}: Expected a node of this document`);
    }
    return r as T;
  }
  isProxy(x: unknown): boolean {
    return !!x && typeof x === 'object' && this.proxies.has(x);
  }

  /** Wrap a node implementation in the strict public Proxy. */
  wrap(impl: BaseImpl): any {
    const ctx = this;
    const members = impl.members();
    const bound = new Map<PropertyKey, unknown>();
    const proxy = new Proxy(impl, {
      get(target, prop) {
        if (typeof prop === 'symbol') return Reflect.get(target, prop, target);
        if (ctx.closed && ctx.actor === 'plugin' && !PROBES.has(prop)) throw closedError(`get_${prop}`);
        if (target.removed && prop !== 'removed' && prop !== 'id' && prop !== 'type' && !PROBES.has(prop)) throw removedNodeError('get', prop, target.id);
        if (!members.has(prop)) {
          if (PROBES.has(prop)) return undefined;
          throw unsupported(`${target.type}.${prop}`);
        }
        if (ctx.actor === 'plugin' && LAYOUT_READS.has(prop) && target.layoutDependent() && ctx.needsLayout(target)) {
          ctx.stats.current.forcedLayoutReads++;
        }
        const v = Reflect.get(target, prop, target);
        if (typeof v === 'function') {
          let b = bound.get(prop);
          if (!b) bound.set(prop, (b = (v as Function).bind(target)));
          return b;
        }
        return v;
      },
      set(target, prop, value) {
        if (typeof prop === 'symbol') throw unsupported(String(prop));
        if (ctx.closed && ctx.actor === 'plugin') throw closedError(`set_${prop}`);
        if (target.removed) throw removedNodeError('set', prop, target.id);
        if (!members.has(prop)) throw unsupported(`${target.type}.${prop} (set)`);
        ctx.countWrite(prop);
        if (!Reflect.set(target, prop, value, target)) throw readOnlyError(prop);
        return true;
      },
      has(target, prop) {
        return typeof prop === 'string' ? members.has(prop) : false;
      },
      // Only id and type are own keys, so deep equality (vitest toEqual) compares nodes by identity, never by shape.
      ownKeys() {
        return ['id', 'type'];
      },
      deleteProperty(_t, prop) {
        throw unsupported(`delete ${String(prop)}`);
      },
      defineProperty(_t, prop) {
        throw unsupported(`defineProperty ${String(prop)}`);
      },
    });
    this.proxies.set(proxy, impl);
    return proxy;
  }

  /** Run `fn` as a person (user API): no font checks, not counted, events with `origin`. */
  asUser<T>(origin: 'LOCAL' | 'REMOTE', fn: () => T): T {
    const prevA = this.actor;
    const prevO = this.origin;
    const prevCb = this.events.inCallback;
    this.actor = 'user';
    this.origin = origin;
    this.events.inCallback = false;
    try {
      return fn();
    } finally {
      this.actor = prevA;
      this.origin = prevO;
      this.events.inCallback = prevCb;
    }
  }
  internal<T>(fn: () => T): T {
    const prev = this.actor;
    this.actor = 'internal';
    try {
      return fn();
    } finally {
      this.actor = prev;
    }
  }
}
