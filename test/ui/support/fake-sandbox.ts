// A fake sandbox for UI tests: a BridgeWindow whose parent answers requests through handlers,
// delivering replies and pushes asynchronously as Figma does, and recording what was sent.
import type { ErrorPayload, RequestType } from '../../../shared/messages';
import type { BridgeWindow } from '../../../ui/bridge';

export class ErrorReply extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
  }
}

type Handler = (payload: any, requestId: string) => unknown;

export interface Sent {
  v: number;
  type: RequestType;
  requestId: string;
  payload: any;
}

export function fakeSandbox(handlers: Partial<Record<RequestType, Handler>> = {}) {
  const listeners = new Set<(e: MessageEvent) => void>();
  const sent: Sent[] = [];
  const deliver = (pluginMessage: unknown) => {
    for (const l of [...listeners]) l({ data: { pluginMessage } } as MessageEvent);
  };
  const win: BridgeWindow = {
    parent: {
      postMessage(message: unknown) {
        // Structured clone, as postMessage does: functions or nodes would throw here.
        const m = structuredClone((message as { pluginMessage: Sent }).pluginMessage);
        sent.push(m);
        setTimeout(async () => {
          const handler = handlers[m.type] ?? (() => ({}));
          try {
            const payload = await handler(m.payload, m.requestId);
            if (payload === NO_REPLY) return;
            deliver({ v: 1, type: 'reply', requestId: m.requestId, ok: true, payload });
          } catch (e) {
            const error = e instanceof ErrorReply ? e.payload : { code: 'INTERNAL', message: String(e) };
            deliver({ v: 1, type: 'reply', requestId: m.requestId, ok: false, error });
          }
        }, 0);
      },
    },
    addEventListener: (_t, l) => void listeners.add(l),
    removeEventListener: (_t, l) => void listeners.delete(l),
  };
  return {
    win,
    sent,
    handlers,
    /** Sends anything to the UI, as if from the sandbox. */
    deliver,
    push(type: 'selection' | 'canvasChanged' | 'progress', payload: unknown) {
      deliver({ v: 1, type, payload });
    },
    requests(type: RequestType) {
      return sent.filter((m) => m.type === type);
    },
    listenerCount: () => listeners.size,
  };
}

/** Returned by a handler to never reply (for timeouts). */
export const NO_REPLY = Symbol('no reply');
