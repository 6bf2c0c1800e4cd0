// The iframe end of the protocol against a fake window pair.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, createBridge } from '../../ui/bridge';
import { ErrorReply, fakeSandbox, NO_REPLY } from './support/fake-sandbox';

const hello = { editorType: 'figma', fonts: ['Inter'], preferences: {}, selection: null };

afterEach(() => vi.useRealTimers());

describe('bridge', () => {
  it('sends versioned requests and resolves each with the reply that carries its requestId', async () => {
    const sb = fakeSandbox({ hello: () => hello, notify: () => ({}) });
    const bridge = createBridge(sb.win);
    const [a, b] = await Promise.all([bridge.request('hello', {}), bridge.request('notify', { message: 'hi' })]);
    expect(a).toEqual(hello);
    expect(b).toEqual({});
    expect(sb.sent.map((m) => [m.v, m.type])).toEqual([[1, 'hello'], [1, 'notify']]);
    expect(new Set(sb.sent.map((m) => m.requestId)).size).toBe(2);
  });

  it('correlates out-of-order replies', async () => {
    const sb = fakeSandbox({ hello: () => NO_REPLY, readSelection: () => NO_REPLY });
    const bridge = createBridge(sb.win);
    const p1 = bridge.request('hello', {});
    const p2 = bridge.request('readSelection', {});
    await vi.waitFor(() => expect(sb.sent).toHaveLength(2));
    sb.deliver({ v: 1, type: 'reply', requestId: sb.sent[1]!.requestId, ok: true, payload: { selection: null } });
    sb.deliver({ v: 1, type: 'reply', requestId: sb.sent[0]!.requestId, ok: true, payload: hello });
    await expect(p2).resolves.toEqual({ selection: null });
    await expect(p1).resolves.toEqual(hello);
  });

  it('rejects with a BridgeError carrying code, message and problems on an error reply', async () => {
    const problems = [{ path: 'cards[0].laneId', message: 'lane "x" does not exist' }];
    const sb = fakeSandbox({ render: () => { throw new ErrorReply({ code: 'INVALID_JOURNEY', message: 'bad journey', problems }); } });
    const bridge = createBridge(sb.win);
    const error = await bridge.request('render', { journey: {}, style: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).payload).toEqual({ code: 'INVALID_JOURNEY', message: 'bad journey', problems });
    expect((error as BridgeError).message).toBe('bad journey');
  });

  it('rejects a reply whose payload does not match the request type', async () => {
    const sb = fakeSandbox({ hello: () => ({ editorType: 1 }) });
    const bridge = createBridge(sb.win);
    await expect(bridge.request('hello', {})).rejects.toMatchObject({ payload: { code: 'BAD_MESSAGE' } });
  });

  it('times out when no reply comes, and ignores a late reply', async () => {
    vi.useFakeTimers();
    const sb = fakeSandbox({ hello: () => NO_REPLY });
    const bridge = createBridge(sb.win);
    const p = bridge.request('hello', {}, { timeoutMs: 1000 });
    const caught = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1001);
    const e = await caught;
    expect(e).toBeInstanceOf(BridgeError);
    expect((e as BridgeError).payload.message).toMatch(/did not answer "hello" within 1 s/);
    // A reply after the timeout is ignored, not thrown.
    sb.deliver({ v: 1, type: 'reply', requestId: sb.sent[0]!.requestId, ok: true, payload: hello });
  });

  it('ignores invalid messages, foreign messages and replies to unknown ids', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sb = fakeSandbox({ hello: () => NO_REPLY });
    const bridge = createBridge(sb.win);
    const pushes: unknown[] = [];
    bridge.onPush((p) => pushes.push(p));
    const p = bridge.request('hello', {});
    await vi.waitFor(() => expect(sb.sent).toHaveLength(1));
    sb.deliver({ v: 2, type: 'reply', requestId: sb.sent[0]!.requestId, ok: true, payload: hello }); // wrong version
    sb.deliver({ type: 'selection' }); // no version, no payload
    sb.deliver('<img src=x onerror=alert(1)>');
    sb.deliver({ v: 1, type: 'reply', requestId: 'someone-else', ok: true, payload: hello });
    expect(pushes).toEqual([]);
    sb.deliver({ v: 1, type: 'reply', requestId: sb.sent[0]!.requestId, ok: true, payload: hello });
    await expect(p).resolves.toEqual(hello);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('passes progress to the request that asked for it and to push listeners', async () => {
    const sb = fakeSandbox({ render: () => NO_REPLY });
    const bridge = createBridge(sb.win);
    const progress: unknown[] = [];
    const pushes: string[] = [];
    bridge.onPush((p) => pushes.push(p.type));
    const p = bridge.request('render', { journey: {}, style: {} }, { onProgress: (x) => progress.push(x) });
    await vi.waitFor(() => expect(sb.sent).toHaveLength(1));
    const requestId = sb.sent[0]!.requestId;
    sb.push('progress', { requestId, phase: 'cards', done: 3, total: 10 });
    sb.push('progress', { requestId: 'other', phase: 'cards', done: 1, total: 2 });
    sb.deliver({ v: 1, type: 'reply', requestId, ok: true, payload: { nodeId: '1:2', created: 1, updated: 0, removed: 0, writes: 1, notices: [] } });
    await p;
    expect(progress).toEqual([{ requestId, phase: 'cards', done: 3, total: 10 }]);
    expect(pushes).toEqual(['progress', 'progress']);
  });

  it('delivers selection and canvasChanged pushes; unsubscribe and dispose stop them', async () => {
    const sb = fakeSandbox();
    const bridge = createBridge(sb.win);
    const seen: string[] = [];
    const off = bridge.onPush((p) => seen.push(p.type));
    sb.push('selection', { selection: null });
    sb.push('canvasChanged', { nodeId: '1:2', changes: [], warnings: [] });
    off();
    sb.push('selection', { selection: null });
    expect(seen).toEqual(['selection', 'canvasChanged']);
    expect(sb.listenerCount()).toBe(1);
    bridge.dispose();
    expect(sb.listenerCount()).toBe(0);
  });
});
