// The iframe end of the message protocol (shared/messages.ts). request() sends a typed request
// and resolves with the validated reply payload or rejects with a BridgeError; pushes from the
// sandbox go to subscribers. Nothing from the sandbox is trusted before it is validated.
import {
  PROTOCOL_VERSION,
  PluginToUiSchema,
  REQUESTS,
  type ErrorPayload,
  type Push,
  type RequestPayload,
  type RequestType,
  type ResponsePayload,
} from '../shared/messages';

export class BridgeError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
    this.name = 'BridgeError';
  }
}

export interface BridgeWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

interface Pending {
  type: RequestType;
  resolve(value: unknown): void;
  reject(error: BridgeError): void;
  onProgress?: ((p: { phase: string; done: number; total: number }) => void) | undefined;
  timer: ReturnType<typeof setTimeout>;
}

export interface RequestOptions {
  timeoutMs?: number;
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
}

export interface Bridge {
  request<T extends RequestType>(type: T, payload: RequestPayload<T>, options?: RequestOptions): Promise<ResponsePayload<T>>;
  onPush(listener: (push: Push) => void): () => void;
  dispose(): void;
}

let counter = 0;

export function createBridge(win: BridgeWindow, defaultTimeoutMs = 120_000): Bridge {
  const pending = new Map<string, Pending>();
  const listeners = new Set<(push: Push) => void>();

  const onMessage = (event: MessageEvent) => {
    const data = (event.data as { pluginMessage?: unknown } | null)?.pluginMessage;
    if (data === undefined) return;
    const parsed = PluginToUiSchema.safeParse(data);
    if (!parsed.success) {
      console.warn('Journey Mapper: ignored an invalid message from the plugin', parsed.error.issues[0]);
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'reply') {
      const waiting = pending.get(msg.requestId);
      if (!waiting) return;
      pending.delete(msg.requestId);
      clearTimeout(waiting.timer);
      if (!msg.ok) return waiting.reject(new BridgeError(msg.error));
      const payload = REQUESTS[waiting.type].response.safeParse(msg.payload);
      if (payload.success) waiting.resolve(payload.data);
      else waiting.reject(new BridgeError({ code: 'BAD_MESSAGE', message: `The plugin sent an unexpected "${waiting.type}" reply.` }));
      return;
    }
    if (msg.type === 'progress') pending.get(msg.payload.requestId)?.onProgress?.(msg.payload);
    for (const l of listeners) l(msg);
  };
  win.addEventListener('message', onMessage);

  return {
    request(type, payload, options = {}) {
      const requestId = `r${Date.now().toString(36)}-${++counter}`;
      return new Promise((resolve, reject) => {
        const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
        const timer = setTimeout(() => {
          pending.delete(requestId);
          reject(new BridgeError({ code: 'INTERNAL', message: `The plugin did not answer "${type}" within ${Math.round(timeoutMs / 1000)} s.` }));
        }, timeoutMs);
        pending.set(requestId, { type, resolve: resolve as (v: unknown) => void, reject, onProgress: options.onProgress, timer });
        win.parent.postMessage({ pluginMessage: { v: PROTOCOL_VERSION, type, requestId, payload } }, '*');
      });
    },
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      win.removeEventListener('message', onMessage);
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
    },
  };
}
