/**
 * Strict in-memory emulator of the Figma Plugin API. See README.md.
 *   const figma = createFigma({ editorType: 'figma' });
 *   const emu = emulatorOf(figma);
 */
import { Ctx } from './context';
import { DocumentImpl, PageImpl, type BaseImpl } from './nodes/base';
import { SceneImpl } from './nodes/scene';
import { TextImpl } from './nodes/text';
import { FrameImpl, GroupImpl } from './nodes/frame';
import { VectorImpl } from './nodes/shapes';
import { ConnectorImpl } from './nodes/figjam';
import { layoutNode } from './layout';
import { buildApi, type Recorders } from './api';
import { UiBridge, type UiLogEntry } from './ui-bridge';
import { ClientStorage } from './storage';
import { UserApi } from './user';
import './sandbox';
import type { BundleOptions } from './sandbox';
import { engineRunner, type LoadedBundle } from './engines';
import { emptyStats, type EmulatorStats } from './instrument';
import { toSVG as renderSvg, type SvgOptions } from './svg';
import { resolveAssumptions, type EmulatorAssumptions } from './assumptions';

export { measureText, type MeasureOptions, type TextMetrics } from './text-metrics';
export type { EmulatorStats } from './instrument';
export type { UserApi, UserOptions } from './user';
export type { SvgOptions } from './svg';
export { DEFAULT_ASSUMPTIONS, assumptionsFromReport, type EmulatorAssumptions } from './assumptions';

export interface CreateFigmaOptions {
  editorType?: 'figma' | 'figjam';
  /** Fonts the editor can load. Default: Inter Regular/Medium/Semi Bold/Bold/Italic, Roboto Regular/Bold. */
  fonts?: FontName[];
  /** 'dynamic-page' as in manifest.json documentAccess. */
  documentAccess?: 'dynamic-page';
  /** figma.command, as a manifest `menu` item or relaunch button starts the plugin. Default ''. */
  command?: string;
  /** figma.currentUser (needs the manifest's `currentuser` permission in Figma). Default null. */
  currentUser?: { id: string; name: string } | null;
  /** Choices no source settles (assumptions.ts); missing fields take DEFAULT_ASSUMPTIONS. */
  assumptions?: Partial<EmulatorAssumptions>;
}

export const DEFAULT_FONTS: readonly FontName[] = Object.freeze([
  { family: 'Inter', style: 'Regular' },
  { family: 'Inter', style: 'Medium' },
  { family: 'Inter', style: 'Semi Bold' },
  { family: 'Inter', style: 'Bold' },
  { family: 'Inter', style: 'Italic' },
  { family: 'Roboto', style: 'Regular' },
  { family: 'Roboto', style: 'Bold' },
]);

export interface InspectedNode {
  id: string;
  type: string;
  name: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  visible?: boolean;
  characters?: string;
  layoutMode?: string;
  pluginData?: Record<string, string>;
  children?: InspectedNode[];
}

export interface Emulator {
  readonly figma: PluginAPI;
  readonly user: UserApi;
  readonly ui: {
    post(msg: unknown): void;
    onMessage(cb: (msg: unknown) => void): () => void;
    readonly messages: readonly UiLogEntry[];
    readonly html: string | null;
    readonly options: ShowUIOptions | null;
    readonly visible: boolean;
    readonly open: boolean;
    readonly size: { width: number; height: number };
  };
  readonly recorders: Readonly<Recorders>;
  readonly clientStorage: ReadonlyMap<string, unknown>;
  /** Errors thrown by plugin callbacks (listeners, message handlers, timers). */
  readonly errors: readonly unknown[];
  readonly loadedFonts: () => FontName[];
  /** The assumptions this instance runs with (defaults filled in). */
  readonly assumptions: Readonly<EmulatorAssumptions>;
  stats(): EmulatorStats;
  resetStats(): void;
  /**
   * The designer runs the plugin again on the same document after it closed: Figma APIs work again,
   * and nothing of the closed session (its listeners, its UI handlers) is left. Load the bundle next.
   */
  reopen(): void;
  /** Fault injection: every clientStorage call rejects with `message` (null: works again). */
  failClientStorage(message: string | null): void;
  /** Runs a built bundle as the plugin: in QuickJS unless `engine: 'v8'` is asked for. */
  loadBundle(code: string, opts?: BundleOptions): LoadedBundle;
  toSVG(node?: unknown, opts?: SvgOptions): string;
  /** Deliver pending events, UI messages and zero-delay timers. */
  flush(): Promise<void>;
  nodeCount(): number;
  inspect(node?: unknown): InspectedNode;
  /** Raw access for tooling (svg, benchmarks). Not for plugin code. */
  readonly ctx: Ctx;
}

const handles = new WeakMap<object, Emulator>();

export function createFigma(options: CreateFigmaOptions = {}): PluginAPI {
  const ctx = new Ctx({
    editorType: options.editorType ?? 'figma',
    fonts: (options.fonts ?? DEFAULT_FONTS).map((f) => ({ ...f })),
    documentAccess: options.documentAccess,
    command: options.command,
    currentUser: options.currentUser ?? null,
    assumptions: resolveAssumptions(options.assumptions),
  });
  ctx.layoutFn = layoutNode;
  ctx.internal(() => {
    ctx.root = new DocumentImpl(ctx).init();
    const page = new PageImpl(ctx).init();
    page._name = 'Page 1';
    page.parentImpl = ctx.root;
    ctx.root.kids.push(page);
    ctx.currentPage = page;
  });
  const ui = new UiBridge(ctx);
  const later = <T>(fn: () => T): Promise<T> => ctx.later(fn);
  const storage = new ClientStorage(later);
  const rec: Recorders = { undoCommits: 0, notifications: [], scrollAndZoomIntoView: [], viewport: { center: { x: 0, y: 0 }, zoom: 1 }, closed: null, pluginListeners: new Map() };
  const figma = buildApi(ctx, ui, storage, rec);
  const user = new UserApi(ctx, () => {
    const t = new TextImpl(ctx).init();
    t._name = 'Text';
    return t;
  });

  const emu: Emulator = {
    figma,
    user,
    ctx,
    ui: {
      post: (m) => ui.post(m),
      onMessage: (cb) => ui.onMessage(cb),
      get messages() {
        return ui.log;
      },
      get html() {
        return ui.html;
      },
      get options() {
        return ui.options;
      },
      get visible() {
        return ui.visible;
      },
      get open() {
        return ui.open;
      },
      get size() {
        return ui.size;
      },
    },
    recorders: rec,
    clientStorage: storage.data,
    errors: ctx.errors,
    assumptions: ctx.assumptions,
    loadedFonts: () => [...ctx.loadedFonts].map((k) => {
      const [family, style] = k.split('\u0000') as [string, string];
      return { family, style };
    }),
    stats: () => {
      ctx.slices.settle();
      return structuredClone(ctx.stats.current);
    },
    resetStats: () => {
      ctx.slices.settle();
      ctx.slices.reset();
      ctx.stats.current = emptyStats();
    },
    failClientStorage: (message) => {
      storage.failing = message;
    },
    reopen: () => {
      if (!ctx.closed) throw new Error('emu.reopen: the plugin is still running; call figma.closePlugin() first');
      ctx.closed = false;
      ctx.events.figmaListeners.clear();
      ctx.events.pageListeners.clear();
      rec.pluginListeners.clear();
      ctx.onClose.length = 0;
      ui.resetForNewSession();
    },
    loadBundle: (code, opts = {}) => {
      const { engine = 'quickjs', ...rest } = opts;
      const loaded = engineRunner(engine)(ctx, figma, code, rest);
      // Freed after the plugin closes, once the call that closed it has returned.
      ctx.onClose.push(() => void setTimeout(() => loaded.dispose(), 0));
      return loaded;
    },
    toSVG: (node, opts) => ctx.internal(() => {
      ctx.ensureLayout();
      return renderSvg(node === undefined ? ctx.currentPage : ctx.raw(node, 'toSVG'), opts);
    }),
    flush: async () => {
      const busy = () => ctx.events.hasPending() || ui.hasPending() || ctx.pendingAsync > 0;
      for (let i = 0; i < 10_000; i++) {
        // Event batches wait nodeChangeDelayMs; wait for the delivery itself rather than spinning.
        if (ctx.events.hasPending()) await ctx.events.flush();
        await new Promise((r) => setTimeout(r, 0));
        if (!busy()) {
          await new Promise((r) => setTimeout(r, 0));
          if (!busy()) return;
        }
      }
      throw new Error('emu.flush: still busy after 10000 macrotasks (a plugin loop that never settles?)');
    },
    nodeCount: () => ctx.nodes.size,
    inspect: (node) => ctx.internal(() => {
      ctx.ensureLayout();
      return inspect(node === undefined ? ctx.root : ctx.raw(node, 'inspect'));
    }),
  };
  handles.set(figma as object, emu);
  return figma;
}

export function emulatorOf(figma: PluginAPI): Emulator {
  const e = handles.get(figma as object);
  if (!e) throw new Error('emulatorOf: not an emulated figma object (use createFigma())');
  return e;
}

function inspect(n: BaseImpl): InspectedNode {
  const out: InspectedNode = { id: n.id, type: n.type, name: n.name };
  if (n instanceof SceneImpl) {
    Object.assign(out, { x: n._x, y: n._y, width: n._w, height: n._h, visible: n._visible });
  }
  if (n instanceof TextImpl) out.characters = n._chars;
  if (n instanceof FrameImpl) out.layoutMode = n._layoutMode;
  if (n.pluginData.size) out.pluginData = Object.fromEntries(n.pluginData);
  if (n.kids.length || n instanceof FrameImpl || n instanceof GroupImpl || n.type === 'PAGE' || n.type === 'DOCUMENT' || n.type === 'SECTION') out.children = n.kids.map(inspect);
  void VectorImpl;
  void ConnectorImpl;
  return out;
}
