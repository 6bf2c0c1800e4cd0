// Bundled into dist/code.js in place of 'fflate' (build.mjs, lazyFflate): fflate builds its Huffman
// tables when its module is evaluated, about 70 ms of start-up in Figma's interpreter (measured in
// QuickJS), though a map is compressed or read only when one is drawn or opened. Required on first
// use instead, which esbuild turns into a module evaluated at that moment
// (https://esbuild.github.io/api/#bundle: require() of an ES module). Tests and the CLI import
// fflate itself; only the sandbox bundle sees this file.
import type * as Fflate from 'fflate';

declare const require: (id: './fflate-parts') => Pick<typeof Fflate, 'Deflate' | 'Inflate'>;

let real: Pick<typeof Fflate, 'Deflate' | 'Inflate'> | undefined;
const fflate = () => (real ??= require('./fflate-parts'));

// `new Deflate(...)` returns the real stream: a constructor that returns an object gives that object.
export const Deflate = function (...args: unknown[]) {
  return new (fflate().Deflate as new (...a: unknown[]) => Fflate.Deflate)(...args);
} as unknown as typeof Fflate.Deflate;

export const Inflate = function (...args: unknown[]) {
  return new (fflate().Inflate as new (...a: unknown[]) => Fflate.Inflate)(...args);
} as unknown as typeof Fflate.Inflate;
