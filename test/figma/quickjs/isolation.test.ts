// The QuickJS sandbox gives a plugin what Figma's does and nothing else. Sources: the globals a
// plugin has (typings index.d.ts declares figma, __html__, __uiFiles__, console, the timer
// functions and fetch); the built-ins ("modern JavaScript (ES2020 and beyond)… Standard built-ins:
// Array, Object, Map, Set, WeakMap, WeakSet, WeakRef, FinalizationRegistry, Proxy, Reflect, Symbol…
// BigInt, ArrayBuffer, typed arrays", https://developers.figma.com/docs/plugins/how-plugins-run);
// the manifest's "networkAccess": {"allowedDomains": ["none"]} means no fetch for this plugin.
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from '../index';
import './index';

/** Runs `body` (which must call report(value)) in a fresh QuickJS plugin and returns the value. */
async function probe(body: string): Promise<unknown> {
  const figma = createFigma({ editorType: 'figma', documentAccess: 'dynamic-page' });
  const emu = emulatorOf(figma);
  const seen: unknown[] = [];
  emu.ui.onMessage((m) => seen.push(m));
  emu.loadBundle(`figma.showUI(__html__); function report(v) { figma.ui.postMessage(v); }\n${body}`);
  await emu.flush();
  expect(emu.errors).toEqual([]);
  return seen[0];
}

const ECMASCRIPT = [
  'AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array', 'BigUint64Array', 'Boolean', 'DataView', 'Date',
  'Error', 'EvalError', 'Float16Array', 'Float32Array', 'Float64Array', 'Function', 'Infinity', 'Int16Array', 'Int32Array',
  'Int8Array', 'InternalError', 'Iterator', 'JSON', 'Map', 'Math', 'NaN', 'Number', 'Object', 'Promise', 'Proxy',
  'RangeError', 'ReferenceError', 'Reflect', 'RegExp', 'Set', 'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError',
  'TypeError', 'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakSet',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'eval', 'globalThis', 'isFinite',
  'isNaN', 'parseFloat', 'parseInt', 'undefined', 'unescape',
];
const FIGMA = ['figma', '__html__', '__uiFiles__', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'];

describe('QuickJS sandbox isolation', () => {
  it('has exactly the ECMAScript built-ins and the globals Figma documents', async () => {
    const names = (await probe('report(Object.getOwnPropertyNames(globalThis).sort())')) as string[];
    const extra = names.filter((n) => !ECMASCRIPT.includes(n) && !FIGMA.includes(n) && n !== 'report');
    expect(extra).toEqual([]);
    for (const n of FIGMA) expect(names).toContain(n);
  });

  it('cannot reach Node, the network or browser APIs', async () => {
    const kinds = await probe(`report([typeof process, typeof require, typeof module, typeof fetch, typeof XMLHttpRequest,
      typeof window, typeof document, typeof TextEncoder, typeof structuredClone, typeof atob, typeof Intl, typeof WebAssembly])`);
    expect(kinds).toEqual(Array(12).fill('undefined'));
  });

  it('code generated with eval or Function runs in the same sandbox, not in the host', async () => {
    const kinds = await probe(`report([eval('typeof process'), Function('return typeof require')(), (function(){}).constructor('return typeof globalThis.process')()])`);
    expect(kinds).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it("host objects arrive as proxies with the guest's own prototypes; data arrives as copies", async () => {
    const r = (await probe(`var f = figma.createFrame();
      report({
        figmaProto: Object.getPrototypeOf(figma) === Object.prototype,
        nodeProto: Object.getPrototypeOf(f) === Object.prototype,
        fillsArray: Array.isArray(f.fills) && Object.getPrototypeOf(f.fills) === Array.prototype,
        identity: figma.currentPage.children[0] === f,
        hostFunction: typeof f.appendChild === 'function' && Object.getPrototypeOf(f.appendChild) === Function.prototype,
        escape: (function () { try { return f.appendChild.constructor('return typeof process')(); } catch (e) { return 'threw'; } })(),
      });`)) as Record<string, unknown>;
    expect(r).toMatchObject({ figmaProto: true, nodeProto: true, fillsArray: true, identity: true, hostFunction: true, escape: 'undefined' });
  });

  it('changing a copy of node data does not change the node', async () => {
    const r = await probe(`var f = figma.createFrame(); var fills = f.fills; fills[0].color.r = 0.5; report(f.fills[0].color.r);`);
    expect(r).toBe(1);
  });

  it('errors thrown by the emulator reach the plugin as errors of the same kind and message', async () => {
    const r = await probe(`var out = [];
      try { figma.createConnector(); } catch (e) { out.push(e instanceof TypeError, e.message); }
      try { figma.getNodeById('1:1'); } catch (e) { out.push(e instanceof Error, e.message); }
      report(out);`);
    expect(r).toEqual([true, expect.stringContaining('createConnector'), true, expect.stringContaining('dynamic-page')]);
  });

  it('figma.mixed is one symbol in the plugin, and promises of async APIs resolve in the plugin', async () => {
    const r = await probe(`var t = figma.createText();
      Promise.all([figma.loadFontAsync({ family: 'Inter', style: 'Regular' }), figma.getNodeByIdAsync(t.id)]).then(function (v) {
        report([typeof figma.mixed, figma.mixed === figma.mixed, v[1] === t]);
      });`);
    expect(r).toEqual(['symbol', true, true]);
  });

  it('unbounded recursion is an error the plugin can catch (QuickJS says InternalError: stack overflow), not a crash of the VM', async () => {
    const r = await probe(`function down(n) { return down(n + 1) + 1; }
      try { down(0); report('returned'); } catch (e) { report(e instanceof Error ? e.name + ': ' + e.message : String(e)); }`);
    expect(r).toMatch(/^(InternalError|RangeError): .*stack/i);
  });
});

describe('slice estimates', () => {
  it('count every call the plugin makes by kind, and estimate the slice with Figma\'s cost per call instead of the emulator\'s', async () => {
    const figma = createFigma({ editorType: 'figma', documentAccess: 'dynamic-page' });
    const emu = emulatorOf(figma);
    emu.resetStats();
    emu.loadBundle(`for (var i = 0; i < 50; i++) { var f = figma.createFrame(); f.name = 'n' + i; f.x = i; var n = f.name; }`);
    await emu.flush();
    const s = emu.stats();
    expect(s.callsByKind).toMatchObject({ create: 50, write: 100 });
    expect(s.callsByKind.read).toBeGreaterThanOrEqual(50);
    // 50 creations at 60 µs and 100 writes at 12 µs: at least 4.2 ms of Figma's time.
    expect(s.longestSliceMsEstimated).toBeGreaterThan(4.2);
  });
});
