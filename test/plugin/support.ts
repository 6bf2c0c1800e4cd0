// A sandbox for handler and bus tests: the emulator's figma, with clientStorage replaceable (to
// make it fail), the real map service, and the bus connected to a port that records replies.
import { connectBus, type UiPort } from '../../plugin/bus';
import { createHandlers } from '../../plugin/handlers';
import { createMapService } from '../../plugin/map/service';
import { PROTOCOL_VERSION, PluginToUiSchema, type RequestPayload, type RequestType } from '../../shared/messages';
import { createFigma, emulatorOf } from '../figma/index';

export function sandbox(options: { clientStorage?: ClientStorageAPI } = {}) {
  const real = createFigma({ editorType: 'figma', documentAccess: 'dynamic-page' });
  const emu = emulatorOf(real);
  // Only clientStorage differs; everything else is the emulator's own (getters included).
  const figma = options.clientStorage ? (Object.create(real, { clientStorage: { value: options.clientStorage } }) as PluginAPI) : real;
  const sent: unknown[] = [];
  const port: UiPort = { postMessage: (m: unknown) => void sent.push(m), onmessage: undefined };
  real.showUI('<html></html>', { width: 520, height: 720 });
  const maps = createMapService(figma);
  const bus = connectBus(port, createHandlers(figma, maps));
  let n = 0;
  /** Sends a request as the UI does and returns the one reply, checked against the protocol. */
  async function request<T extends RequestType>(type: T, payload: RequestPayload<T>, requestId = `t${++n}`) {
    return raw({ v: PROTOCOL_VERSION, type, requestId, payload });
  }
  async function raw(message: unknown) {
    const before = sent.length;
    (port.onmessage as (m: unknown) => void)(message);
    await bus.idle();
    const replies = sent.slice(before);
    return replies.map((r) => PluginToUiSchema.parse(r));
  }
  return { figma: real, emu, request, raw, sent };
}

/** clientStorage whose every call rejects, as when Figma cannot reach it. */
export const failingStorage: ClientStorageAPI = {
  getAsync: () => Promise.reject(new Error('clientStorage unavailable')),
  setAsync: () => Promise.reject(new Error('clientStorage unavailable')),
  deleteAsync: () => Promise.reject(new Error('clientStorage unavailable')),
  keysAsync: () => Promise.reject(new Error('clientStorage unavailable')),
};
