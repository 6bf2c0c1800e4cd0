// The sandbox end of the message protocol (shared/messages.ts). Validates every inbound message,
// runs one request at a time (a render must not interleave with a sync), and answers each request
// exactly once: with its handler's result or with an error.
import {
  PROTOCOL_VERSION,
  REQUESTS,
  RequestEnvelopeSchema,
  describeBadMessage,
  MAX_ECHOED_REQUEST_ID,
  type ParsedRequestPayload,
  type PluginToUi,
  type Push,
  type RequestType,
  type ResponsePayload,
} from '../shared/messages';
import { toErrorPayload } from './errors';

export interface RequestContext {
  requestId: string;
  /** Reports progress of a long operation to the UI. */
  progress(phase: string, done: number, total: number): void;
}

export type Handlers = {
  [T in RequestType]: (payload: ParsedRequestPayload<T>, ctx: RequestContext) => Promise<ResponsePayload<T>>;
};

/** The part of figma.ui the bus uses. */
export type UiPort = Pick<UIAPI, 'postMessage' | 'onmessage'>;

export interface Bus {
  push(message: Omit<Push, 'v'>): void;
  /**
   * Runs work of the plugin's own (a selection read, a live sync check) in the same queue as the
   * UI's requests, so it never interleaves with a render. Its errors are logged, not thrown.
   */
  enqueue(job: () => Promise<void>): Promise<void>;
  /** Resolves when every request received so far has been answered. */
  idle(): Promise<void>;
}

/** The request id of a bad message if a reply may carry it (shared/messages.ts MAX_ECHOED_REQUEST_ID). */
function echoableIdOf(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { requestId?: unknown }).requestId : undefined;
  return typeof id === 'string' && id.length >= 1 && id.length <= MAX_ECHOED_REQUEST_ID ? id : null;
}

export function connectBus(ui: UiPort, handlers: Handlers): Bus {
  let queue: Promise<void> = Promise.resolve();
  const send = (m: PluginToUi) => ui.postMessage(m);

  ui.onmessage = (raw: unknown) => {
    const envelope = RequestEnvelopeSchema.safeParse(raw);
    if (!envelope.success) {
      const id = echoableIdOf(raw);
      const message = `Unrecognised message from the UI: ${describeBadMessage(envelope.error)}`;
      if (id) send({ v: PROTOCOL_VERSION, type: 'reply', requestId: id, ok: false, error: { code: 'BAD_MESSAGE', message } });
      else console.warn(message);
      return;
    }
    const { type, requestId } = envelope.data;
    queue = queue.then(() => handle(type, requestId, envelope.data.payload));
  };

  async function handle(type: RequestType, requestId: string, rawPayload: unknown): Promise<void> {
    const payload = REQUESTS[type].request.safeParse(rawPayload);
    if (!payload.success) {
      send({
        v: PROTOCOL_VERSION,
        type: 'reply',
        requestId,
        ok: false,
        error: { code: 'BAD_MESSAGE', message: `Bad "${type}" request: ${describeBadMessage(payload.error)}` },
      });
      return;
    }
    const ctx: RequestContext = {
      requestId,
      progress: (phase, done, total) =>
        send({ v: PROTOCOL_VERSION, type: 'progress', payload: { requestId, phase, done, total } }),
    };
    try {
      const handler = handlers[type] as (p: unknown, c: RequestContext) => Promise<unknown>;
      const result = await handler(payload.data, ctx);
      send({ v: PROTOCOL_VERSION, type: 'reply', requestId, ok: true, payload: result });
    } catch (e) {
      send({ v: PROTOCOL_VERSION, type: 'reply', requestId, ok: false, error: toErrorPayload(e) });
    }
  }

  return {
    push: (message) => send({ ...message, v: PROTOCOL_VERSION } as PluginToUi),
    enqueue(job) {
      queue = queue.then(job).catch((e: unknown) => console.error('Journey Mapper: background work failed', e));
      return queue;
    },
    idle: () => queue,
  };
}
