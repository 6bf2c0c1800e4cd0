/**
 * figma.ui and the test-side iframe. Messages are structured-cloned (Node's structuredClone, the same
 * algorithm as the browser's postMessage) and delivered asynchronously (setTimeout 0).
 * Sources: typings UIAPI.postMessage ("These restrictions are the same as the browser's postMessage");
 * https://developers.figma.com/docs/plugins/creating-ui ("parent.postMessage({ pluginMessage: … }, '*')").
 */
import type { Ctx } from './context';

export interface UiLogEntry {
  direction: 'toUI' | 'toPlugin';
  message: unknown;
}
type Handler = (msg: any, props: OnMessageProperties) => void;

export class UiBridge {
  html: string | null = null;
  options: ShowUIOptions | null = null;
  visible = false;
  open = false;
  size: { width: number; height: number } = { width: 300, height: 200 };
  position: { x: number; y: number } | null = null;
  readonly log: UiLogEntry[] = [];
  private onmessageHandler: Handler | undefined;
  private readonly listeners: Array<{ cb: Handler; once: boolean }> = [];
  private readonly uiListeners: Array<(msg: unknown) => void> = [];
  private inFlight = 0;

  constructor(private readonly ctx: Ctx) {}

  hasPending(): boolean {
    return this.inFlight > 0;
  }

  /** A new plugin session: the closed one's handlers and window are gone; the test side's listeners stay. */
  resetForNewSession(): void {
    this.onmessageHandler = undefined;
    this.listeners.length = 0;
    this.html = null;
    this.options = null;
    this.open = false;
    this.visible = false;
  }

  showUI(html: string, opts?: ShowUIOptions): void {
    if (typeof html !== 'string') throw new Error('in showUI: Expected "html" to be a string');
    this.html = html;
    this.options = opts ? { ...opts } : {};
    this.open = true;
    this.visible = opts?.visible ?? true;
    this.size = { width: opts?.width ?? 300, height: opts?.height ?? 200 };
    this.position = opts?.position ? { ...opts.position } : null;
  }

  /** The `figma.ui` object given to plugin code. */
  api(): UIAPI {
    const self = this;
    const ensure = (m: string) => {
      if (!self.open) throw new Error(`in ${m}: No UI is open. Call figma.showUI() first`);
    };
    return {
      show: () => {
        ensure('show');
        self.visible = true;
      },
      hide: () => {
        ensure('hide');
        self.visible = false;
      },
      resize: (width: number, height: number) => {
        ensure('resize');
        if (typeof width !== 'number' || typeof height !== 'number') throw new Error('in resize: Expected numbers');
        // "The minimum size is 70x0" (typings UIAPI.resize).
        self.size = { width: Math.max(70, width), height: Math.max(0, height) };
      },
      reposition: (x: number, y: number) => {
        ensure('reposition');
        self.position = { x, y };
      },
      getPosition: () => {
        ensure('getPosition');
        const p = self.position ?? { x: 0, y: 0 };
        return { windowSpace: p, canvasSpace: p };
      },
      close: () => {
        self.open = false;
        self.visible = false;
      },
      postMessage: (msg: unknown, _opts?: UIPostMessageOptions) => {
        ensure('postMessage');
        const copy = structuredClone(msg); // throws DataCloneError for nodes (Proxy) and functions
        self.inFlight++;
        setTimeout(() => {
          self.inFlight--;
          if (!self.open) return;
          self.log.push({ direction: 'toUI', message: copy });
          for (const l of [...self.uiListeners]) l(structuredClone(copy));
        }, 0);
      },
      get onmessage() {
        return self.onmessageHandler;
      },
      set onmessage(h: Handler | undefined) {
        self.onmessageHandler = h;
      },
      on: (type: 'message', cb: Handler) => {
        if (type !== 'message') throw new Error(`in on: Unknown event "${String(type)}"`);
        self.listeners.push({ cb, once: false });
      },
      once: (type: 'message', cb: Handler) => {
        if (type !== 'message') throw new Error(`in once: Unknown event "${String(type)}"`);
        self.listeners.push({ cb, once: true });
      },
      off: (type: 'message', cb: Handler) => {
        if (type !== 'message') return;
        const i = self.listeners.findIndex((l) => l.cb === cb);
        if (i >= 0) self.listeners.splice(i, 1);
      },
    } as UIAPI;
  }

  /** Test side: the iframe calls parent.postMessage({ pluginMessage: msg }, '*'). */
  post(msg: unknown): void {
    const copy = structuredClone({ pluginMessage: msg }).pluginMessage;
    this.inFlight++;
    setTimeout(() => {
      this.inFlight--;
      if (!this.open || this.ctx.closed) return;
      this.log.push({ direction: 'toPlugin', message: copy });
      const props: OnMessageProperties = { origin: 'null' };
      const run = (cb: Handler) => {
        try {
          this.ctx.slices.run(() => {
            const r = cb(copy, props) as unknown;
            if (r && typeof (r as Promise<unknown>).catch === 'function') (r as Promise<unknown>).catch((e) => this.ctx.reportError(e));
          });
        } catch (e) {
          this.ctx.reportError(e);
        }
      };
      if (this.onmessageHandler) run(this.onmessageHandler);
      for (const l of [...this.listeners]) {
        if (l.once) this.listeners.splice(this.listeners.indexOf(l), 1);
        run(l.cb);
      }
    }, 0);
  }

  onMessage(cb: (msg: unknown) => void): () => void {
    this.uiListeners.push(cb);
    return () => {
      const i = this.uiListeners.indexOf(cb);
      if (i >= 0) this.uiListeners.splice(i, 1);
    };
  }
}
