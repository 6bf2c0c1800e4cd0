// Screenshots of the built panel (dist/ui.html) in Chromium, light and dark, with a fake Figma
// sandbox answering the bridge. Run: node build.mjs && npx tsx test/ui/screenshot.ts
// Writes test/ui/screenshots/panel-*.png.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'test/ui/screenshots');
const example = readFileSync(join(root, 'shared/examples/retail-purchase.json'), 'utf8');

/** Figma's UI3 theme variables (a subset), as themeColors:true injects them. */
const FIGMA_VARS = {
  light: {
    '--figma-color-bg': '#ffffff',
    '--figma-color-bg-secondary': '#f5f5f5',
    '--figma-color-bg-hover': '#f5f5f5',
    '--figma-color-bg-brand': '#0d99ff',
    '--figma-color-text': '#1e1e1e',
    '--figma-color-text-secondary': '#757575',
    '--figma-color-border': '#e6e6e6',
    '--figma-color-text-onbrand': '#ffffff',
  },
  dark: {
    '--figma-color-bg': '#2c2c2c',
    '--figma-color-bg-secondary': '#383838',
    '--figma-color-bg-hover': '#383838',
    '--figma-color-bg-brand': '#0c8ce9',
    '--figma-color-text': '#ffffff',
    '--figma-color-text-secondary': '#ffffffb2',
    '--figma-color-border': '#444444',
    '--figma-color-text-onbrand': '#ffffff',
  },
} as const;

interface Setup {
  dark: boolean;
  vars: Record<string, string>;
  draft: string;
  selection: boolean;
  /** The selected map's journey (JSON envelope); the draft's by default. */
  map?: string;
}

/** Runs in the page before the panel: a fake `parent` that answers like the sandbox would. */
function installFakeFigma({ dark, vars, draft, selection, map }: Setup) {
  // Init scripts run before <html> exists; theme it as soon as it does, as Figma would.
  const theme = () => {
    const html = document.documentElement;
    if (!html) return false;
    if (dark) html.classList.add('figma-dark');
    for (const [k, v] of Object.entries(vars)) html.style.setProperty(k, v);
    return true;
  };
  if (!theme()) {
    const mo = new MutationObserver(() => theme() && mo.disconnect());
    mo.observe(document, { childList: true });
  }
  const journey = JSON.parse(map ?? draft).journey;
  const send = (pluginMessage: unknown) => setTimeout(() => window.dispatchEvent(new MessageEvent('message', { data: { pluginMessage } })), 5);
  const reply = (requestId: string, payload: unknown) => send({ v: 1, type: 'reply', requestId, ok: true, payload });
  const fail = (requestId: string, error: unknown) => send({ v: 1, type: 'reply', requestId, ok: false, error });
  const answers: Record<string, unknown> = {
    hello: {
      editorType: 'figma',
      fonts: ['Inter', 'Roboto', 'Source Sans 3', 'IBM Plex Sans'],
      preferences: { draft },
      selection: selection
        ? { nodeId: '1:2', name: `Journey map: ${journey.title}`, journey, style: { theme: 'light', brandColor: '#4F46E5', fontFamily: 'Inter', density: 'comfortable', hiddenLanes: [] }, canvasEdited: false }
        : null,
    },
    sync: {
      journey,
      changes: [
        { kind: 'card', id: 'c-1', field: 'text', summary: 'Card “Measures the living room…” text edited on the canvas' },
        { kind: 'step', id: 's-2', field: 'name', summary: 'Step “Collects inspiration” renamed to “Collects ideas”' },
      ],
      conflicts: [{ key: 'stage:st-1:name', id: 'st-1', field: 'name', canvas: 'Discover', draft: 'Explore', summary: 'Stage name changed on the canvas and in the draft' }],
      warnings: [{ message: 'A rectangle without a Journey Mapper tag was ignored.' }],
      applied: false,
    },
  };
  Object.defineProperty(window, 'parent', {
    configurable: true,
    value: {
      postMessage(message: { pluginMessage: { type: string; requestId: string } }) {
        const m = message.pluginMessage;
        if (m.type === 'render')
          fail(m.requestId, { code: 'FONT_MISSING', message: 'Font “Söhne Medium” is not available', problems: [{ path: 'style.fontFamily', message: 'is “Söhne”, which this file cannot load' }] });
        else reply(m.requestId, answers[m.type] ?? {});
      },
    },
  });
}

async function shot(page: Page, name: string) {
  // No hover or focus ring left over from the clicks that got here.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(out, name) });
  console.log(`wrote test/ui/screenshots/${name}`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const url = `file://${join(root, 'dist/ui.html')}`;
  for (const mode of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 440, height: 680 }, deviceScaleFactor: 2 });
    page.on('pageerror', (e) => console.error(`[${mode}] page error:`, e.message));
    const setup: Setup = { dark: mode === 'dark', vars: { ...FIGMA_VARS[mode] }, draft: example, selection: false };
    // tsx compiles with keepNames, which calls a __name helper the page does not have.
    await page.addInitScript({ content: `var __name = (f) => f; (${installFakeFigma.toString()})(${JSON.stringify(setup)});` });
    await page.goto(url);
    await page.getByRole('button', { name: 'Generate map' }).waitFor();
    await shot(page, `panel-${mode}.png`);
    // The card grid and an emotion curve: fold the details, open the emotions.
    await page.locator('summary', { hasText: 'Journey details' }).click();
    await shot(page, `panel-${mode}-cards.png`);
    await page.locator('summary', { hasText: 'Cards' }).click();
    await page.locator('summary', { hasText: 'Emotions' }).click();
    await shot(page, `panel-${mode}-emotions.png`);
    await page.locator('summary', { hasText: 'Journey details' }).click();
    await page.getByRole('tab', { name: 'Data' }).click();
    await shot(page, `panel-${mode}-data.png`);
    await page.getByRole('tab', { name: 'Style' }).click();
    // The live preview on top of the Style tab, laid out by shared/layout and fitted to the panel.
    const preview = page.getByRole('img', { name: /Preview of the map/ });
    await preview.locator('.jm-spec-text').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await shot(page, `panel-${mode}-style.png`);
    // At 50%, scrolled to the first cards.
    await page.getByRole('button', { name: '50%' }).click();
    await preview.evaluate((el) => el.scrollTo({ left: 0, top: el.scrollHeight * 0.3 }));
    await shot(page, `panel-${mode}-preview.png`);
    await page.close();
  }
  // A selected map: the sync review, and an error reply that keeps the draft.
  const page = await browser.newPage({ viewport: { width: 440, height: 680 }, deviceScaleFactor: 2 });
  const setup: Setup = { dark: false, vars: { ...FIGMA_VARS.light }, draft: example, selection: true };
  await page.addInitScript({ content: `var __name = (f) => f; (${installFakeFigma.toString()})(${JSON.stringify(setup)});` });
  await page.goto(url);
  await page.getByRole('button', { name: 'Update map' }).waitFor();
  await page.getByRole('button', { name: 'Sync from canvas' }).click();
  await page.getByRole('heading', { name: 'Review changes from the canvas' }).waitFor();
  await shot(page, 'panel-light-sync.png');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Update map' }).click();
  await page.getByText('Could not update the map.').waitFor();
  await shot(page, 'panel-light-error.png');
  await page.close();
  // 520 px wide, a selected map with a long name, and a draft with problems: the action bar's
  // label, and the one-line error banner under the JSON's own problem list.
  const wide = await browser.newPage({ viewport: { width: 520, height: 680 }, deviceScaleFactor: 2 });
  const broken = JSON.parse(example);
  for (const card of broken.journey.cards.slice(0, 7)) card.laneId = 'missing-lane';
  const setup520: Setup = { dark: false, vars: { ...FIGMA_VARS.light }, draft: JSON.stringify(broken, null, 2), selection: true, map: example };
  await wide.addInitScript({ content: `var __name = (f) => f; (${installFakeFigma.toString()})(${JSON.stringify(setup520)});` });
  await wide.goto(url);
  wide.on('pageerror', (e) => console.error('[520] page error:', e.message));
  await wide.getByRole('button', { name: 'Load map' }).waitFor();
  await wide.getByRole('button', { name: 'Keep my draft' }).click();
  await shot(wide, 'panel-light-520.png');
  await wide.getByRole('tab', { name: /^Data/ }).click();
  await wide.getByRole('button', { name: 'Update map' }).click();
  await wide.getByText(/see the list above/).waitFor();
  await wide.getByRole('list', { name: 'Problems in the JSON' }).evaluate((el) => el.closest('.problems')?.scrollIntoView({ block: 'center' }));
  await shot(wide, 'panel-light-520-problems.png');
  await wide.close();
} finally {
  await browser.close();
}
