// Starts the playground (built into a temporary folder, served on a free 127.0.0.1 port) and a
// headless Debian Chromium driven by playwright-core. Used by the browser tests.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { buildPlayground, repoRoot } from '../playground/build.mjs';
import { startServer } from '../playground/server.mjs';

export const ROOT: string = repoRoot;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Test runs write screenshots to out/; JM_UPDATE_SCREENSHOTS=1 refreshes the committed ones.
export const SCREENSHOTS = process.env.JM_UPDATE_SCREENSHOTS ? join(ROOT, 'test', 'playground', 'screenshots') : join(ROOT, 'out', 'screenshots');
export const BUILT = existsSync(join(ROOT, 'dist', 'code.js')) && existsSync(join(ROOT, 'dist', 'ui.html'));
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Playground {
  url: string;
  browser: Browser;
  /** A fresh page (own context) on the playground, once the plugin panel has said hello. */
  open(query?: string, viewport?: { width: number; height: number }): Promise<{ page: Page; panel: FrameLocator; context: BrowserContext; errors: string[] }>;
  close(): Promise<void>;
}

export async function startPlayground(): Promise<Playground> {
  const outDir = mkdtempSync(join(tmpdir(), 'jm-playground-'));
  await buildPlayground({ outDir });
  const server = await startServer({ port: 0, outDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
  return {
    url: server.url,
    browser,
    async open(query = '', viewport = { width: 1440, height: 900 }) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      await page.goto(server.url + query);
      await page.waitForFunction(() => document.body.dataset.ready === 'true' || !!window.playgroundError, undefined, { timeout: 20_000 });
      const fatal = await page.evaluate(() => window.playgroundError);
      if (fatal) throw new Error(fatal);
      const panel = page.frameLocator('#plugin-frame');
      // hello answered: the action bar shows the selection line instead of a spinner.
      await panel.getByRole('button', { name: /^(Generate|Update) map$/ }).waitFor({ timeout: 20_000 });
      return { page, panel, context, errors };
    },
    async close() {
      await browser.close().catch(() => {});
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

declare global {
  interface Window {
    playgroundError?: string;
  }
}
