// Builds the playground page: host.ts (the emulator + canvas + bridge, for the browser) and the
// static files, into test/playground/out/. dist/code.js and dist/ui.html are served as they are
// (run `node build.mjs` at the repo root first).
//   node test/playground/build.mjs          build once
//   import { buildPlayground } from './build.mjs'
import * as esbuild from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..');
export const defaultOutDir = join(here, 'out');

const stub = (name) => join(here, 'stubs', `${name}.ts`);
const STUBS = { vm: stub('node-vm'), timers: stub('node-timers'), v8: stub('node-v8') };

/** The Figma emulator is written for Node; in the browser its node: imports resolve to small stubs. */
const nodeStubs = {
  name: 'node-stubs',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(vm|timers|v8|fs|fs\/promises|path|url|util|os|crypto|stream)$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      return { path: STUBS[name] ?? stub('node-other') };
    });
  },
};

export async function buildPlayground({ outDir = defaultOutDir, minify = false } = {}) {
  await mkdir(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: [join(here, 'host.ts')],
    outfile: join(outDir, 'host.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome110',
    minify,
    sourcemap: 'inline',
    logLevel: 'warning',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"development"' },
    plugins: [nodeStubs],
  });
  await copyFile(join(here, 'index.html'), join(outDir, 'index.html'));
  await copyFile(join(here, 'styles.css'), join(outDir, 'styles.css'));
  return outDir;
}

const invoked = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invoked) {
  const out = await buildPlayground();
  console.log(`built the playground into ${out}`);
}
