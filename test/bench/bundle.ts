// Sizes of the two built files, raw and gzipped (node:zlib, default level, as a CDN or the
// Figma plugin upload would compress them).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../harness/plugin-host';

export interface BundleSizes {
  codeJsBytes: number;
  codeJsGzipBytes: number;
  uiHtmlBytes: number;
  uiHtmlGzipBytes: number;
}

export function bundleSizes(dist = DIST): BundleSizes {
  const code = readFileSync(join(dist, 'code.js'));
  const ui = readFileSync(join(dist, 'ui.html'));
  return {
    codeJsBytes: code.length,
    codeJsGzipBytes: gzipSync(code).length,
    uiHtmlBytes: ui.length,
    uiHtmlGzipBytes: gzipSync(ui).length,
  };
}

/**
 * What a bundle is made of, by part: bytes of minified output per package or source folder, from
 * the metafile build.mjs writes (dist/.meta/code.json, ui.json). Largest first.
 */
export function bundleContents(name: 'code' | 'ui', dist = DIST): { part: string; bytes: number }[] {
  const file = join(dist, '.meta', `${name}.json`);
  if (!existsSync(file)) return [];
  const inputs = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  const parts = new Map<string, number>();
  for (const [input, bytes] of Object.entries(inputs)) {
    const part = partOf(input);
    parts.set(part, (parts.get(part) ?? 0) + bytes);
  }
  return [...parts].map(([part, bytes]) => ({ part, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** node_modules/zod/v4/mini/… -> "zod"; shared/layout/cards.ts -> "shared/layout"; plugin/main.ts -> "plugin". */
export function partOf(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1] as string;
  const parts = input.replace(/^\.\//, '').split('/');
  return parts.length > 2 && (parts[0] === 'shared' || parts[0] === 'ui' || parts[0] === 'plugin') ? `${parts[0]}/${parts[1]}` : (parts[0] as string);
}
