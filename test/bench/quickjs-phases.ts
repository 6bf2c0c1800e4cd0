// `npx tsx test/bench/quickjs-phases.ts [S,M,L,XL]`: how long each of the plugin's pure steps takes
// in QuickJS (the engine the bench and Figma use), one journey per size. A step over 50 ms is a
// slice the editor would freeze for, unless the plugin yields inside it.
import * as esbuild from 'esbuild';
import { newQuickJSWASMModule, DefaultIntrinsics } from 'quickjs-emscripten';
import { wrap } from '../../shared/model/envelope';
import { generateJourney, SIZES } from './generate';

export async function quickjsPhases(sizes: string[], entry = 'runPhases'): Promise<Record<string, Record<string, number>>> {
  const built = await esbuild.build({
    entryPoints: [new URL('./quickjs-phases-entry.ts', import.meta.url).pathname],
    bundle: true, write: false, format: 'iife', globalName: 'phases', target: 'es2017', platform: 'neutral', mainFields: ['module', 'main'], minify: true, logLevel: 'silent',
  });
  const code = built.outputFiles[0]!.text;
  const qjs = await newQuickJSWASMModule();
  const out: Record<string, Record<string, number>> = {};
  for (const size of SIZES.filter((s) => sizes.includes(s.name))) {
    const vm = qjs.newContext({ intrinsics: { ...DefaultIntrinsics, BigInt: true } });
    const results: Record<string, number> = {};
    const report = vm.newFunction('report', (name, ms) => void (results[vm.getString(name)] = vm.getNumber(ms)));
    vm.setProp(vm.global, 'report', report);
    report.dispose();
    vm.unwrapResult(vm.evalCode(code)).dispose();
    const json = vm.newString(JSON.stringify(wrap(generateJourney(size.options))));
    const fn = vm.unwrapResult(vm.evalCode(`phases.${entry}`));
    vm.unwrapResult(vm.callFunction(fn, vm.undefined, json)).dispose();
    fn.dispose();
    json.dispose();
    vm.dispose();
    out[size.name] = results;
  }
  return out;
}

const invoked = process.argv[1] && new URL(import.meta.url).pathname === process.argv[1];
if (invoked) {
  const sizes = (process.argv[2] ?? 'S,M,L,XL').split(',');
  console.table(await quickjsPhases(sizes, process.argv[3] ?? 'runPhases'));
}
