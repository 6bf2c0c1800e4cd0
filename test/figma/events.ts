/**
 * nodechange / selectionchange / documentchange delivery.
 * Changes are collected into a batch that is delivered `assumptions.nodeChangeDelayMs` (default 16 ms) after
 * its first change, on a host timer: "Figma will not call the 'documentchange' callback synchronously and
 * will instead batch the updates and send them to the callback periodically" (@figma/plugin-typings
 * plugin-api.d.ts L576). The delay spans several macrotasks, so plugin logic cannot count on a single tick.
 * Changes made by plugin code while a listener callback runs are not reported: "We currently never notify a
 * 'documentchange' listener … if the change was caused directly by your plugin in a documentchange callback"
 * (typings L592-L593; https://developers.figma.com/docs/plugins/api/properties/figma-on). CREATE/DELETE only for
 * the highest-level node (typings L582-L583).
 */
import type { Ctx } from './context';
import type { BaseImpl } from './nodes/base';

type Origin = 'LOCAL' | 'REMOTE';
interface Pending {
  kind: 'CREATE' | 'DELETE' | 'PROPERTY_CHANGE';
  node: BaseImpl;
  origin: Origin;
  pageId: string | null;
  properties: Set<string>;
  removedType?: string;
}

type Listener = { cb: (...a: any[]) => void; once: boolean };

export class EventHub {
  private pending: Pending[] = [];
  private byKey = new Map<string, Pending>();
  private createdThisBatch = new Set<BaseImpl>();
  private scheduled = false;
  private selectionPending = false;
  private currentPagePending = false;
  /** true while a listener callback runs synchronously: writes are not reported. */
  inCallback = false;
  readonly figmaListeners = new Map<string, Listener[]>();
  readonly pageListeners = new Map<string, Map<string, Listener[]>>(); // pageId -> event -> listeners
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waiters: Array<() => void> = [];

  constructor(private readonly ctx: Ctx) {}

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.timer = setTimeout(() => this.deliver(), this.ctx.assumptions.nodeChangeDelayMs);
  }

  hasPending(): boolean {
    return this.scheduled;
  }

  record(kind: Pending['kind'], node: BaseImpl, prop?: string): void {
    if (this.inCallback || this.ctx.closed) return;
    const origin = this.ctx.origin;
    if (kind === 'PROPERTY_CHANGE' && this.createdThisBatch.has(node)) return; // folded into CREATE
    const pageId = node.pageOf()?.id ?? null;
    if (kind === 'CREATE') this.createdThisBatch.add(node);
    const key = `${kind}|${node.id}|${origin}`;
    let p = this.byKey.get(key);
    if (!p) {
      p = { kind, node, origin, pageId, properties: new Set() };
      if (kind === 'DELETE') p.removedType = node.type;
      this.byKey.set(key, p);
      this.pending.push(p);
    }
    if (prop) p.properties.add(prop);
    this.schedule();
  }

  selectionChanged(): void {
    if (this.inCallback || this.ctx.closed) return;
    this.selectionPending = true;
    this.schedule();
  }
  currentPageChanged(): void {
    this.currentPagePending = true;
    this.schedule();
  }

  /** Deliver now (used by emu.flush()). */
  async flush(): Promise<void> {
    if (!this.scheduled) return;
    await new Promise<void>((r) => this.waiters.push(r));
  }

  private deliver(): void {
    this.scheduled = false;
    this.timer = null;
    const batch = this.pending;
    const created = this.createdThisBatch;
    this.pending = [];
    this.byKey = new Map();
    this.createdThisBatch = new Set();
    const sel = this.selectionPending;
    const cp = this.currentPagePending;
    this.selectionPending = false;
    this.currentPagePending = false;

    // CREATE only for the top-most created node; DELETE only for the top-most removed one.
    const deletedIds = new Set(batch.filter((p) => p.kind === 'DELETE').map((p) => p.node));
    const changes = batch.filter((p) => {
      if (p.kind === 'CREATE') {
        if (p.node.removed) return false;
        for (let a = p.node.parentImpl; a; a = a.parentImpl) if (created.has(a)) return false;
      }
      if (p.kind === 'DELETE') {
        if (created.has(p.node)) return false;
        const formerParent = p.node.formerParent;
        if (formerParent && deletedIds.has(formerParent)) return false;
      }
      if (p.kind === 'PROPERTY_CHANGE' && p.node.removed) return false;
      return true;
    });
    const toChange = (p: Pending): NodeChange => {
      const node = p.node.removed ? { removed: true as const, type: (p.removedType ?? p.node.type) as NodeType, id: p.node.id } : (p.node.proxy as SceneNode);
      const base = { id: p.node.id, origin: p.origin, node };
      if (p.kind === 'PROPERTY_CHANGE') return { ...base, type: 'PROPERTY_CHANGE', properties: [...p.properties] as NodeChangeProperty[] };
      return { ...base, type: p.kind } as NodeChange;
    };
    const run = (l: Listener, arg?: unknown) => {
      this.inCallback = true;
      try {
        this.ctx.slices.run(() => (arg === undefined ? l.cb() : l.cb(arg)));
      } catch (e) {
        this.ctx.reportError(e);
      } finally {
        this.inCallback = false;
      }
    };
    const fire = (list: Listener[] | undefined, arg?: unknown, remove?: (l: Listener) => void) => {
      for (const l of [...(list ?? [])]) {
        if (l.once) remove?.(l);
        run(l, arg);
      }
    };
    if (changes.length) {
      const byPage = new Map<string, Pending[]>();
      for (const p of changes) {
        const pid = p.pageId ?? p.node.pageOf()?.id;
        if (!pid) continue;
        const arr = byPage.get(pid) ?? [];
        arr.push(p);
        byPage.set(pid, arr);
      }
      for (const [pid, arr] of byPage) {
        const m = this.pageListeners.get(pid);
        const list = m?.get('nodechange');
        if (list?.length) fire(list, { nodeChanges: arr.map(toChange) }, (l) => list.splice(list.indexOf(l), 1));
      }
      const dl = this.figmaListeners.get('documentchange');
      if (dl?.length) fire(dl, { documentChanges: changes.map(toChange) }, (l) => dl.splice(dl.indexOf(l), 1));
    }
    if (sel) {
      const sl = this.figmaListeners.get('selectionchange');
      fire(sl, undefined, (l) => sl!.splice(sl!.indexOf(l), 1));
    }
    if (cp) {
      const cl = this.figmaListeners.get('currentpagechange');
      fire(cl, undefined, (l) => cl!.splice(cl!.indexOf(l), 1));
    }
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.scheduled = false;
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }

  on(map: Map<string, Listener[]>, type: string, cb: (...a: any[]) => void, once: boolean): void {
    if (typeof cb !== 'function') throw new Error(`in on: Expected "callback" to be a function`);
    const list = map.get(type) ?? [];
    list.push({ cb, once });
    map.set(type, list);
  }
  off(map: Map<string, Listener[]>, type: string, cb: (...a: any[]) => void): void {
    const list = map.get(type);
    if (!list) return;
    const i = list.findIndex((l) => l.cb === cb);
    if (i >= 0) list.splice(i, 1);
  }
  pageMap(pageId: string): Map<string, Listener[]> {
    let m = this.pageListeners.get(pageId);
    if (!m) this.pageListeners.set(pageId, (m = new Map()));
    return m;
  }
}
