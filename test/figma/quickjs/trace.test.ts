// The QuickJS slice trace (trace.ts) and its stack sampler (sample-stacks.ts), which `--why` uses to
// name the plugin functions behind a long slice in Figma's kind of engine.
import { describe, expect, it } from 'vitest';
import { newQuickJSWASMModule } from 'quickjs-emscripten';
import { sampleStacks } from './sample-stacks';
import { functionsOnStack, inMembrane } from './trace';

describe('QuickJS stack sampling', () => {
  it('samples the interrupted code\'s stack, so the function doing the work is named most', async () => {
    const runtime = (await newQuickJSWASMModule()).newRuntime();
    const vm = runtime.newContext();
    const samples: string[] = [];
    sampleStacks(runtime, vm, (s) => samples.push(s));
    vm.unwrapResult(
      vm.evalCode('function busy(n){let s=0;for(let i=0;i<n;i++)s+=i%7;return s} function quick(){return 1} function outer(){quick();return busy(3e6)} outer()'),
    ).dispose();
    vm.dispose();
    runtime.dispose();
    expect(samples.length).toBeGreaterThan(10);
    const named = functionsOnStack(samples);
    expect(named.slice(0, 2).map((n) => n.split(' ')[0]).sort()).toEqual(['busy', 'outer']);
    expect(named.some((n) => n.startsWith('quick '))).toBe(false);
  });

  it('counts a function once per sample, so a recursive one never passes 100 %', () => {
    const stack = '    at <eval> (eval.js:1)\n    at walk (x.js:2)\n    at walk (x.js:2)\n    at main (x.js:9)\n';
    expect(functionsOnStack([stack, '    at main (x.js:9)\n'])).toEqual(['main 100%', 'walk 50%']);
  });
});

describe('membrane samples', () => {
  it('a sample belongs to the membrane when its innermost frame of script is in prelude.js, native frames skipped', () => {
    expect(inMembrane('    at <eval> (eval.js:1)\n    at parse (native)\n    at decode (prelude.js:52)\n    at indexMapAsync (code.js:9)\n')).toBe(true);
    expect(inMembrane('    at <eval> (eval.js:1)\n    at readTag (code.js:7)\n    at invoke (prelude.js:200)\n')).toBe(false);
  });
});
