// Which globals beyond ECMAScript the sandbox has (https://developers.figma.com/docs/plugins/how-plugins-run suggests `console.log(this)` to list them). The emulator
// gives only figma, __html__, __uiFiles__, console and the timers (test/figma/sandbox-globals.ts).
import { defineCheck } from '../check';
import { PROBED_GLOBALS } from '../../../shared/selfcheck/report';

/** ECMAScript's own globals (to ES2025) and the sandbox's documented ones: not reported as extras. */
const KNOWN = new Set([
  'globalThis', 'Infinity', 'NaN', 'undefined', 'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'decodeURI',
  'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'AggregateError', 'Array', 'ArrayBuffer',
  'BigInt', 'BigInt64Array', 'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry',
  'Float32Array', 'Float64Array', 'Function', 'Int8Array', 'Int16Array', 'Int32Array', 'Map', 'Number', 'Object', 'Promise',
  'Proxy', 'RangeError', 'ReferenceError', 'RegExp', 'Set', 'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError',
  'TypeError', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'URIError', 'WeakMap', 'WeakRef', 'WeakSet',
  'Atomics', 'JSON', 'Math', 'Reflect', 'InternalError', 'Iterator', 'Float16Array',
  // Set by the bundle itself (zod's registry).
  '__zod_globalConfig', '__zod_globalRegistry',
  'figma', '__html__', '__uiFiles__', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
]);

export const sandboxGlobals = defineCheck('sandboxGlobals', 'The sandbox has no globals beyond figma, __html__, __uiFiles__, console and timers', async () => {
  const g = globalThis as unknown as Record<string, unknown>;
  const present = PROBED_GLOBALS.filter((name) => typeof g[name] !== 'undefined');
  const probed = new Set<string>(PROBED_GLOBALS);
  const others = Object.getOwnPropertyNames(globalThis).filter((n) => !KNOWN.has(n) && !probed.has(n)).sort();
  return {
    pass: present.length === 0,
    observed: `present: ${present.join(', ') || 'none'}; absent: ${PROBED_GLOBALS.filter((n) => !present.includes(n)).join(', ') || 'none'}; other globals: ${others.join(', ') || 'none'}`,
    found: { globals: [...present] },
  };
});

/** ES2020 syntax compiled at run time (the build targets ES2017 until this is known). */
export const modernSyntax = defineCheck('modernSyntax', 'ES2020 syntax (?. and ??) runs, compiled by new Function', async () => {
  const probe = new Function('o', 'return (o?.missing?.deeper ?? 41) + 1') as (o: object) => number;
  const got = probe({});
  return { pass: got === 42, observed: `new Function with ?. and ?? returned ${String(got)}` };
});
