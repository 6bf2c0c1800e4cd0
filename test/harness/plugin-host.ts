// Runs the BUILT plugin (dist/code.js) in the Figma emulator and talks to it through its own
// message protocol, as the UI iframe does. Used by the headless preview, the benchmark and the
// end-to-end tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFigma, emulatorOf, type Emulator } from '../figma/index';
import type { EngineName, LoadedBundle } from '../figma/engines';
import type { EmulatorAssumptions } from '../figma/assumptions';
import '../figma/quickjs/index';
import { PROTOCOL_VERSION, PluginToUiSchema, type Push, type RequestPayload, type RequestType, type ResponsePayload, type ErrorPayload } from '../../shared/messages';

export const DIST = join(import.meta.dirname, '../../dist');

export class PluginReplyError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(`${payload.code}: ${payload.message}${payload.problems?.length ? `\n${payload.problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}` : ''}`);
  }
}

export interface PluginHost {
  figma: PluginAPI;
  emu: Emulator;
  /** The engine the bundle runs in, and its crossing counter. */
  bundle: LoadedBundle;
  pushes: Push[];
  /** The designer closes the plugin and runs it again on the same document (a fresh sandbox). */
  reopen(): void;
  request<T extends RequestType>(type: T, payload: RequestPayload<T>, timeoutMs?: number): Promise<ResponsePayload<T>>;
}

export interface HostOptions {
  editorType?: 'figma' | 'figjam';
  /** Emulator choices no source settles (test/figma/assumptions.ts), e.g. from a self-check report. */
  assumptions?: Partial<EmulatorAssumptions>;
  fonts?: FontName[];
  bundle?: string;
  /** Default 'quickjs', the kind of engine Figma runs plugins in; 'v8' for comparisons. */
  engine?: EngineName;
  /** figma.command: 'check' runs the compatibility check; default '' (the panel). */
  command?: string;
  currentUser?: { id: string; name: string } | null;
}

let counter = 0;

export function startPlugin(options: HostOptions = {}): PluginHost {
  const figma = createFigma({ editorType: options.editorType ?? 'figma', documentAccess: 'dynamic-page', ...(options.fonts ? { fonts: options.fonts } : {}), ...(options.command !== undefined ? { command: options.command } : {}), ...(options.currentUser !== undefined ? { currentUser: options.currentUser } : {}), ...(options.assumptions ? { assumptions: options.assumptions } : {}) });
  const emu = emulatorOf(figma);
  // JM_CODE_JS: another build of the plugin (the bench's `--why` profiles one with readable names).
  const code = options.bundle ?? readFileSync(process.env.JM_CODE_JS ?? join(DIST, 'code.js'), 'utf8');
  const html = (() => {
    try {
      return readFileSync(join(DIST, 'ui.html'), 'utf8');
    } catch {
      return '<html></html>';
    }
  })();
  const waiting = new Map<string, { resolve(v: unknown): void; reject(e: Error): void }>();
  const pushes: Push[] = [];
  emu.ui.onMessage((raw) => {
    const parsed = PluginToUiSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`the plugin sent an invalid message: ${JSON.stringify(raw).slice(0, 200)}`);
    const msg = parsed.data;
    if (msg.type === 'reply') {
      const w = waiting.get(msg.requestId);
      if (!w) return;
      waiting.delete(msg.requestId);
      if (msg.ok) w.resolve(msg.payload);
      else w.reject(new PluginReplyError(msg.error));
    } else pushes.push(msg);
  });
  const engine = options.engine ?? 'quickjs';
  const bundle = emu.loadBundle(code, { html, engine });
  return {
    figma,
    emu,
    bundle,
    pushes,
    reopen() {
      if (!emu.ctx.closed) figma.closePlugin();
      emu.reopen();
      emu.loadBundle(code, { html, engine });
    },
    request(type, payload, timeoutMs = 120_000) {
      const requestId = `h${++counter}`;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(requestId);
          reject(new Error(`no reply to ${type} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(requestId, {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v as never);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        emu.ui.post({ v: PROTOCOL_VERSION, type, requestId, payload });
      });
    },
  };
}
