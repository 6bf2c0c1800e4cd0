// Builds the two Figma bundles:
//   plugin/main.ts -> dist/code.js  (IIFE, ES2017, no DOM: Figma's sandbox)
//   ui/main.tsx    -> dist/ui.html  (one self-contained file: JS and CSS inlined, no external src/href)
// Flags: --watch rebuilds on change (unminified, inline source maps); --dev builds once unminified.
import * as esbuild from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');

const common = {
  bundle: true,
  minify: !dev,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  legalComments: 'none',
};

// The sandbox reads 'fflate' through plugin/lazy-fflate.ts, which loads it on first use (start-up).
const lazyFflate = {
  name: 'lazy-fflate',
  setup(build) {
    const parts = join(root, 'plugin/fflate-parts.ts');
    build.onResolve({ filter: /^fflate$/ }, (args) => (args.importer === parts ? undefined : { path: join(root, 'plugin/lazy-fflate.ts') }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const sandbox = {
  ...common,
  entryPoints: [join(root, 'plugin/main.ts')],
  outfile: join(dist, 'code.js'),
  format: 'iife',
  target: 'es2017',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  sourcemap: dev ? 'inline' : false,
  metafile: true,
  plugins: [lazyFflate],
};

/** @type {import('esbuild').BuildOptions} */
const ui = {
  ...common,
  entryPoints: [join(root, 'ui/main.tsx')],
  outdir: join(dist, '.ui'),
  write: false,
  format: 'iife',
  target: 'chrome100',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.svg': 'dataurl', '.png': 'dataurl' },
  sourcemap: dev ? 'inline' : false,
  metafile: true,
};

/** What each bundle is made of (bytes of output per input file), for test/bench/bundle.ts. */
async function writeMeta(name, result) {
  await mkdir(join(dist, '.meta'), { recursive: true });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  const inputs = Object.fromEntries(Object.entries(output?.inputs ?? {}).map(([file, i]) => [file, i.bytesInOutput]));
  await writeFile(join(dist, '.meta', `${name}.json`), `${JSON.stringify(inputs, null, 1)}\n`);
}

/** Escapes text so it can sit inside an inline <script> or <style> without closing it early. */
function escapeInline(code, tag) {
  return code.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);
}

async function writeUiHtml(result) {
  const template = await readFile(join(root, 'ui/index.html'), 'utf8');
  const js = result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n');
  const css = result.outputFiles.filter((f) => f.path.endsWith('.css')).map((f) => f.text).join('\n');
  if (!template.includes('<!-- STYLE -->') || !template.includes('<!-- SCRIPT -->')) {
    throw new Error('ui/index.html must contain <!-- STYLE --> and <!-- SCRIPT --> markers');
  }
  const html = template
    .replace('<!-- STYLE -->', () => `<style>${escapeInline(css, 'style')}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${escapeInline(js, 'script')}</script>`);
  await writeFile(join(dist, 'ui.html'), html);
}

// papaparse has a Node-only streaming branch that requires 'stream'; browsers never reach it.
const emptyNodeBuiltins = {
  name: 'empty-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^stream$/ }, () => ({ path: 'stream', namespace: 'empty' }));
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

const inlineUiPlugin = {
  name: 'inline-ui-html',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length === 0) await writeUiHtml(result);
    });
  },
};

await mkdir(dist, { recursive: true });
if (watch) {
  const contexts = [await esbuild.context(sandbox), await esbuild.context({ ...ui, plugins: [emptyNodeBuiltins, inlineUiPlugin] })];
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching plugin/, ui/ and shared/ -> dist/code.js, dist/ui.html');
} else {
  const [code, panel] = await Promise.all([esbuild.build(sandbox), esbuild.build({ ...ui, plugins: [emptyNodeBuiltins, inlineUiPlugin] })]);
  await Promise.all([writeMeta('code', code), writeMeta('ui', panel)]);
  // stderr, so `npm run bench -- --json` prints only JSON on stdout.
  console.error(`built dist/code.js and dist/ui.html (${dev ? 'development' : 'minified'})`);
}
