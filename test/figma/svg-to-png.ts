/**
 * SVG → PNG with playwright-core driving the system Chromium.
 *   npx tsx test/figma/svg-to-png.ts in.svg out.png [--scale 2]
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function svgToPng(svg: string, outPath: string, opts: { scale?: number } = {}): Promise<void> {
  const w = Math.ceil(Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 800));
  const h = Math.ceil(Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 600));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: w, height: h }, deviceScaleFactor: opts.scale ?? 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    await page.locator('svg').first().screenshot({ path: outPath, omitBackground: false });
  } finally {
    await browser.close();
  }
}

const isMain = process.argv[1] && /svg-to-png\.ts$/.test(process.argv[1]);
if (isMain) {
  const [inPath, outPath] = process.argv.slice(2).filter((a) => !a.startsWith('--') && !/^\d+(\.\d+)?$/.test(a));
  const si = process.argv.indexOf('--scale');
  const scale = si > 0 ? Number(process.argv[si + 1]) : 1;
  if (!inPath || !outPath) {
    console.error('usage: npx tsx test/figma/svg-to-png.ts in.svg out.png [--scale 2]');
    process.exit(2);
  }
  svgToPng(readFileSync(inPath, 'utf8'), outPath, { scale }).then(
    () => console.log(`wrote ${outPath}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
