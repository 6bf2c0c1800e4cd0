// Time to first render of the built panel (dist/ui.html) in Chromium. A stub `parent` answers the
// panel's `launch` (command 'open': the editor, not the compatibility check) and `hello` requests on the wire format of ui/bridge.ts, as the sandbox would (an empty
// file: no selection, no saved draft). Measured in the page, from navigation start to
//   firstPaint / firstContentfulPaint  Chromium's paint timings
//   readyMs                            the first <button> in the DOM (the panel has rendered)
//   helloAnsweredMs                    the panel asked hello and got its reply
//   generateButtonMs                   the "Generate map" button exists (the panel is usable)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DIST } from '../harness/plugin-host';

export interface UiTiming {
  firstPaintMs: number;
  firstContentfulPaintMs: number;
  readyMs: number;
  helloAnsweredMs: number;
  generateButtonMs: number;
  /** Runs measured; the figures are medians. */
  runs: number;
}

/** Runs in the page before the panel's script. Plain JS: tsx's helpers do not exist there. */
const STUB = `
(() => {
  const marks = (window.__bench = { hello: null, button: null, generate: null });
  const reply = (requestId, payload, type) => setTimeout(() => {
    if (marks.hello === null && type === 'hello') marks.hello = performance.now();
    window.dispatchEvent(new MessageEvent('message', { data: { pluginMessage: { v: 1, type: 'reply', requestId, ok: true, payload } } }));
  }, 0);
  const answers = { launch: { command: 'open' }, hello: { editorType: 'figma', fonts: ['Inter'], preferences: {}, selection: null } };
  Object.defineProperty(window, 'parent', {
    configurable: true,
    value: { postMessage(message) { const m = message && message.pluginMessage; if (m && m.requestId) reply(m.requestId, answers[m.type] || {}, m.type); } },
  });
  const check = () => {
    if (marks.button === null && document.querySelector('button')) marks.button = performance.now();
    if (marks.generate === null && [...document.querySelectorAll('button')].some((b) => /Generate map/.test(b.textContent || ''))) marks.generate = performance.now();
    return marks.button !== null && marks.generate !== null;
  };
  new MutationObserver((_, mo) => { if (check()) mo.disconnect(); }).observe(document, { childList: true, subtree: true, characterData: true });
})();
`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : NaN;
};

export async function measureUi(runs = 5): Promise<UiTiming> {
  const html = readFileSync(join(DIST, 'ui.html'), 'utf8');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows: Omit<UiTiming, 'runs'>[] = [];
  try {
    // One warm-up load (browser process start, disk cache), then the measured runs, each in a fresh page.
    for (let i = 0; i < runs + 1; i++) {
      const page = await browser.newPage({ viewport: { width: 440, height: 680 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript({ content: STUB });
      // Served from a route so the file is read once, not on every run.
      await page.route('http://bench.local/ui.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
      await page.goto('http://bench.local/ui.html');
      await page.getByRole('button', { name: 'Generate map' }).waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => performance.getEntriesByType('paint').length >= 2, null, { timeout: 10_000 }).catch(() => {});
      const t = await page.evaluate(() => {
        const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
        const b = (window as unknown as { __bench: { hello: number | null; button: number | null; generate: number | null } }).__bench;
        return { fp: paint['first-paint'] ?? NaN, fcp: paint['first-contentful-paint'] ?? NaN, hello: b.hello ?? NaN, button: b.button ?? NaN, generate: b.generate ?? NaN };
      });
      await page.close();
      if (errors.length) throw new Error(`the panel threw while loading: ${errors[0]}`);
      if (i === 0) continue;
      rows.push({ firstPaintMs: t.fp, firstContentfulPaintMs: t.fcp, readyMs: t.button, helloAnsweredMs: t.hello, generateButtonMs: t.generate });
    }
  } finally {
    await browser.close();
  }
  const pick = (k: keyof Omit<UiTiming, 'runs'>) => Math.round(median(rows.map((r) => r[k])) * 10) / 10;
  return {
    firstPaintMs: pick('firstPaintMs'),
    firstContentfulPaintMs: pick('firstContentfulPaintMs'),
    readyMs: pick('readyMs'),
    helloAnsweredMs: pick('helloAnsweredMs'),
    generateButtonMs: pick('generateButtonMs'),
    runs,
  };
}
