// Sizes of the two built files, raw and gzipped (node:zlib, default level, as a CDN or the
// Figma plugin upload would compress them).
import { readFileSync } from 'node:fs';
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
