/**
 * Runs a built plugin bundle inside QuickJS compiled to WebAssembly (quickjs-emscripten), the kind
 * of engine Figma runs plugins in: "a JavaScript VM written in C … compiled to WebAssembly"
 * (https://www.figma.com/blog/how-we-built-the-figma-plugin-system/, editor's note). No JIT, no
 * Node intrinsics: the plugin sees QuickJS's ECMAScript built-ins plus the sandbox globals defined
 * by guest-prelude.ts, and reaches the emulator only through the one host function below.
 *
 * The host half of the membrane: a table of host objects by id (the figma API, console, nodes,
 * figma.ui…), the op dispatcher the guest calls (get, set, has, keys, call, timers), and the
 * encoders for values crossing in either direction (format in guest-prelude.ts).
 */
import { newQuickJSWASMModule, DefaultIntrinsics, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime } from 'quickjs-emscripten';
import { setTimeout as hostSetTimeout, clearTimeout as hostClearTimeout, setInterval as hostSetInterval, clearInterval as hostClearInterval } from 'node:timers';
import type { Ctx } from '../context';
import { sandboxGlobals } from '../sandbox-globals';
import { GUEST_PRELUDE } from './guest-prelude';
import { SliceTrace } from './trace';
import { sampleStacks } from './sample-stacks';
import { DEFAULT_CALL_COSTS_US, kindOf, type CallCosts } from './costs';

/** One QuickJS build for the whole process; each plugin gets its own runtime and context. */
const QUICKJS = await newQuickJSWASMModule();

export interface QuickJsOptions {
  html?: string;
  filename?: string;
  /**
   * QuickJS stack limit in bytes (default 256 kB). Past it QuickJS throws "InternalError: stack
   * overflow", which the plugin can catch; much larger limits let the WebAssembly frames overflow
   * Node's own stack first (measured: 384 kB still safe under vitest, 512 kB not). Figma's limit is
   * not documented.
   */
  maxStackBytes?: number;
  /** Figma's cost per call kind, for the estimated slice length (default: costs.ts). */
  callCosts?: Partial<CallCosts>;
}

export interface QuickJsSandbox {
  readonly engine: 'quickjs';
  /** QuickJS's own account of its heap (objects, bytes), for finding what the plugin keeps alive. */
  memory(): string;
  /** Host calls the plugin made across the membrane (gets, sets, calls, timers). */
  readonly crossings: () => number;
  dispose(): void;
}

const MARK = '\u0001';

/** True for objects copied as data; false for objects with behaviour (handles). */
function isData(v: object): boolean {
  if (Array.isArray(v)) return true;
  if (v instanceof Uint8Array) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const d of Object.values(Object.getOwnPropertyDescriptors(v))) {
    if (d.get || d.set || typeof d.value === 'function') return false;
  }
  return true;
}

export function runBundleQuickJS(ctx: Ctx, figma: PluginAPI, code: string, opts: QuickJsOptions = {}): QuickJsSandbox {
  const runtime: QuickJSRuntime = QUICKJS.newRuntime();
  runtime.setMaxStackSize(opts.maxStackBytes ?? 256 * 1024);
  // ES2020 BigInt is in Figma's sandbox (how-plugins-run); QuickJS adds it only on request.
  const vm: QuickJSContext = runtime.newContext({ intrinsics: { ...DefaultIntrinsics, BigInt: true } });
  let crossings = 0;
  let disposed = false;

  const objects = new Map<number, object>();
  const ids = new Map<object, number>();
  let nextId = 1;
  const handleOf = (o: object): number => {
    let id = ids.get(o);
    if (id === undefined) {
      id = nextId++;
      ids.set(o, id);
      objects.set(id, o);
    }
    return id;
  };
  const dataCache = new WeakMap<object, boolean>();
  const data = (o: object) => {
    let d = dataCache.get(o);
    if (d === undefined) dataCache.set(o, (d = isData(o)));
    return d;
  };

  let entry: QuickJSHandle | null = null;
  const promises = new Map<number, Promise<unknown>>();
  let nextPromise = 1;
  const mixed = (figma as { mixed: symbol }).mixed;

  function encodeError(e: unknown): string {
    const err = e instanceof Error ? e : new Error(String(e));
    return 'e' + JSON.stringify({ name: err.name, message: err.message });
  }

  function encode(v: unknown): string {
    switch (typeof v) {
      case 'number':
        return 'd' + v;
      case 'string':
        return 's' + v;
      case 'boolean':
        return v ? 'T' : 'F';
      case 'undefined':
        return 'u';
      case 'symbol':
        return v === mixed ? 'm' : 'u';
      case 'function':
        return 'f';
      case 'bigint':
        return 'd' + Number(v);
    }
    if (v === null) return 'l';
    const o = v as object;
    if (o instanceof Promise) return 'p' + watch(o);
    if (!data(o)) return 'o' + handleOf(o);
    let marked = false;
    const json = JSON.stringify(o, (_k, x: unknown) => {
      if (typeof x === 'symbol') {
        marked = true;
        return x === mixed ? { [`${MARK}m`]: 1 } : undefined;
      }
      if (x === null || typeof x !== 'object') return x;
      if (x instanceof Uint8Array) {
        marked = true;
        return { [`${MARK}b`]: [...x] };
      }
      if (!data(x)) {
        marked = true;
        return { [`${MARK}o`]: handleOf(x) };
      }
      return x;
    });
    return (marked ? 'J' : 'j') + json;
  }

  const guestFns = new Map<number, (...args: unknown[]) => unknown>();
  function guestFunction(fid: number) {
    let fn = guestFns.get(fid);
    if (!fn) {
      fn = (...args: unknown[]) => invokeGuest(fid, args);
      guestFns.set(fid, fn);
    }
    return fn;
  }

  function reviveMarkers(_k: string, v: unknown): unknown {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const r = v as Record<string, unknown>;
      if (`${MARK}o` in r) return objects.get(r[`${MARK}o`] as number);
      if (`${MARK}m` in r) return mixed;
      if (`${MARK}b` in r) return new Uint8Array(r[`${MARK}b`] as number[]);
    }
    return v;
  }

  function decode(s: string): unknown {
    switch (s[0]) {
      case 'u':
        return undefined;
      case 'l':
        return null;
      case 'T':
        return true;
      case 'F':
        return false;
      case 'd':
        return Number(s.slice(1));
      case 's':
        return s.slice(1);
      case 'm':
        return mixed;
      case 'o':
        return objects.get(Number(s.slice(1)));
      case 'f':
        return guestFunction(Number(s.slice(1)));
      case 'j':
        return JSON.parse(s.slice(1));
      case 'J':
        return JSON.parse(s.slice(1), reviveMarkers);
      case 'e': {
        const e = JSON.parse(s.slice(1)) as { name: string; message: string };
        const err = new Error(e.message);
        err.name = e.name;
        throw err;
      }
    }
    throw new Error(`membrane: bad value from the guest: ${s.slice(0, 40)}`);
  }

  /** Runs QuickJS's job queue (promise reactions) until it is empty: the guest's microtasks. */
  function drainJobs() {
    const t0 = performance.now();
    for (;;) {
      const r = runtime.executePendingJobs();
      if (r.error) {
        const e = vm.dump(r.error) as unknown;
        r.error.dispose();
        ctx.reportError(guestError(e));
        continue;
      }
      if (r.value === 0) break;
    }
    ranGuest(t0);
  }

  function guestError(e: unknown): Error {
    if (e && typeof e === 'object') {
      const o = e as { name?: string; message?: string; stack?: string };
      const err = new Error(o.message ?? String(e));
      err.name = o.name ?? 'Error';
      if (o.stack) err.stack = `${err.name}: ${err.message}\n${o.stack}`;
      return err;
    }
    return new Error(String(e));
  }

  /** The guest ran from `start` until now: plugin time for the slice timer (and the trace, when on). */
  function ranGuest(start: number): void {
    const end = performance.now();
    ctx.slices.guest(end - start);
    trace?.guest(start, end);
  }

  /** Calls an entry point of the guest prelude with string/number arguments, then its microtasks. */
  function callEntry(name: 'invoke' | 'settle' | 'timer', args: (string | number | boolean)[]): string | undefined {
    if (disposed || !entry) return undefined;
    const fn = vm.getProp(entry, name);
    const handles = args.map((a) => (typeof a === 'number' ? vm.newNumber(a) : typeof a === 'boolean' ? (a ? vm.true : vm.false) : vm.newString(a)));
    const t0 = performance.now();
    const result = vm.callFunction(fn, entry, ...handles);
    ranGuest(t0);
    for (const h of handles) if (h !== vm.true && h !== vm.false) h.dispose();
    fn.dispose();
    if (result.error) {
      const e = vm.dump(result.error) as unknown;
      result.error.dispose();
      drainJobs();
      throw guestError(e);
    }
    const out = vm.typeof(result.value) === 'string' ? vm.getString(result.value) : undefined;
    result.value.dispose();
    drainJobs();
    return out;
  }

  function invokeGuest(fid: number, args: unknown[]): unknown {
    const out = callEntry('invoke', [fid, ...args.map(encode)]);
    return out === undefined ? undefined : decode(out);
  }

  function watch(p: Promise<unknown>): number {
    const pid = nextPromise++;
    promises.set(pid, p);
    p.then(
      (v) => {
        promises.delete(pid);
        settle(pid, true, v);
      },
      (e: unknown) => {
        promises.delete(pid);
        settle(pid, false, e);
      },
    );
    return pid;
  }

  function settle(pid: number, ok: boolean, value: unknown) {
    if (disposed || ctx.closed) return;
    let encoded: string;
    try {
      encoded = ok ? encode(value) : encodeError(value);
    } catch (e) {
      encoded = encodeError(e);
      ok = false;
    }
    try {
      callEntry('settle', [pid, ok, encoded]);
    } catch (e) {
      ctx.reportError(e);
    }
  }

  // The sandbox globals on the host side: timers count slices and pending work as before.
  const hostTimers = new Map<number, NodeJS.Timeout>();
  let nextTimer = 1;
  const globals = sandboxGlobals<number>(ctx, figma, opts.html ?? '<html><body></body></html>', {
    setTimeout: (fn, ms) => {
      const id = nextTimer++;
      hostTimers.set(id, hostSetTimeout(() => {
        hostTimers.delete(id);
        fn();
      }, ms));
      return id;
    },
    clearTimeout: (id) => {
      const t = hostTimers.get(id);
      if (t) hostClearTimeout(t);
      hostTimers.delete(id);
    },
    setInterval: (fn, ms) => {
      const id = nextTimer++;
      hostTimers.set(id, hostSetInterval(fn, ms));
      return id;
    },
    clearInterval: (id) => {
      const t = hostTimers.get(id);
      if (t) hostClearInterval(t);
      hostTimers.delete(id);
    },
  }) as {
    figma: PluginAPI;
    console: object;
    __html__: string;
    setTimeout(fn: () => void, ms?: number): number;
    clearTimeout(id: number): void;
    setInterval(fn: () => void, ms?: number): number;
    clearInterval(id: number): void;
  };
  const env = { html: globals.__html__ };
  handleOf(globals.figma);
  handleOf(globals.console);
  handleOf(env);
  /** Guest timer id -> [host timer id, repeating]. */
  const guestTimers = new Map<number, [number, boolean]>();
  let nextGuestTimer = 1;

  function op(kind: string, id: number, key: string, args: string[]): string {
    crossings++;
    const target = objects.get(id) as Record<string, unknown> | undefined;
    switch (kind) {
      case 'g': {
        if (!target) throw new Error(`membrane: unknown host object ${id}`);
        return encode(target[key]);
      }
      case 's': {
        if (!target) throw new Error(`membrane: unknown host object ${id}`);
        target[key] = decode(args[0] ?? 'u');
        return 'u';
      }
      case 'h':
        return target && key in target ? 'T' : 'F';
      case 'k':
        return JSON.stringify(target ? Object.keys(target) : []);
      case 'd':
        if (target) delete target[key];
        return 'u';
      case 'c': {
        if (!target) throw new Error(`membrane: unknown host object ${id}`);
        const fn = target[key];
        if (typeof fn !== 'function') throw new TypeError(`${key} is not a function`);
        return encode((fn as (...a: unknown[]) => unknown).apply(target, args.map(decode)));
      }
      case 't': {
        const repeat = id === 1;
        const ms = Number(decode(args[0] ?? 'd0'));
        const tid = nextGuestTimer++;
        const fire = () => callEntry('timer', [tid]);
        const hostId = repeat ? globals.setInterval(fire, ms) : globals.setTimeout(() => {
          guestTimers.delete(tid);
          fire();
        }, ms);
        guestTimers.set(tid, [hostId, repeat]);
        return 'd' + tid;
      }
      case 'x': {
        const t = guestTimers.get(id);
        guestTimers.delete(id);
        if (t) (t[1] ? globals.clearInterval : globals.clearTimeout)(t[0]);
        return 'u';
      }
    }
    throw new Error(`membrane: unknown op ${kind}`);
  }

  const trace = process.env.JM_SLICE_TRACE ? new SliceTrace(Number(process.env.JM_SLICE_TRACE)) : null;
  if (trace) ctx.slices.observe({ begin: (t) => trace.begin(t), end: (t) => trace.finish(t) });
  if (trace && process.env.JM_SLICE_PROFILE) sampleStacks(runtime, vm, (stack) => trace.sample(stack));
  const costs: CallCosts = { ...DEFAULT_CALL_COSTS_US, ...opts.callCosts };
  const hostFn = vm.newFunction('host', (...handles) => {
    const t0 = performance.now();
    const [kind, id, key, ...rest] = handles.map((h) => (vm.typeof(h) === 'number' ? vm.getNumber(h) : vm.getString(h)));
    try {
      return vm.newString(op(String(kind), Number(id), String(key), rest.map(String)));
    } catch (e) {
      return vm.newString(encodeError(e));
    } finally {
      const t1 = performance.now();
      const callKind = kindOf(String(kind), String(key));
      ctx.slices.host(callKind, t1 - t0, costs[callKind] / 1000);
      if (trace) trace.record(`${kind}:${String(key)}`, t0, t1);
    }
  });

  const prelude = vm.unwrapResult(vm.evalCode(GUEST_PRELUDE, 'prelude.js'));
  const made = vm.callFunction(prelude, vm.undefined, hostFn);
  prelude.dispose();
  hostFn.dispose();
  entry = vm.unwrapResult(made);

  ctx.onClose.push(() => {
    for (const [tid, [hostId, repeat]] of guestTimers) {
      void tid;
      (repeat ? globals.clearInterval : globals.clearTimeout)(hostId);
    }
    guestTimers.clear();
  });

  ctx.slices.reportsGuestTime();
  ctx.slices.run(() => {
    const t0 = performance.now();
    const result = vm.evalCode(code, opts.filename ?? 'code.js');
    ranGuest(t0);
    if (result.error) {
      const e = vm.dump(result.error) as unknown;
      result.error.dispose();
      throw guestError(e);
    }
    result.value.dispose();
    drainJobs();
  });

  return {
    engine: 'quickjs',
    memory: () => runtime.dumpMemoryUsage(),
    crossings: () => crossings,
    dispose() {
      if (disposed) return;
      disposed = true;
      entry?.dispose();
      entry = null;
      try {
        vm.dispose();
        runtime.dispose();
      } catch {
        // A runtime with live objects (pending promises) cannot be freed; the process reclaims it.
      }
    },
  };
}
