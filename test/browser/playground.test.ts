// The real plugin in a real browser: the playground (test/playground) serves dist/ui.html in an
// iframe and runs dist/code.js against the Figma emulator in the page, wired through Figma's
// postMessage bridge. Chromium (Debian's, via playwright-core) drives it as a designer would:
// the panel by roles and names, the canvas by mouse. Needs `npm run build` first.
//
// Screenshots of the panel (light, dark) and of the whole playground go to
// test/playground/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginToUiSchema, RequestEnvelopeSchema } from '../../shared/messages';
import { BUILT, HAVE_CHROMIUM, ROOT, SCREENSHOTS, startPlayground, type Playground } from './harness';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'interop');
const RETAIL = 'Retail: buying a sofa online and in store';
const can = BUILT && HAVE_CHROMIUM;
// In CI a missing browser or build is a failure, not a skip: .ci/run installs both.
if (process.env.CI && !can) throw new Error('browser tests need dist/ (npm run build) and Chromium at /usr/bin/chromium');
if (!BUILT) console.warn('[browser] SKIPPED: dist/code.js or dist/ui.html is missing. Run `npm run build` first.');
if (!HAVE_CHROMIUM) console.warn('[browser] SKIPPED: no Chromium at /usr/bin/chromium (set CHROMIUM_PATH).');

let pg: Playground;

beforeAll(async () => {
  if (!can) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  pg = await startPlayground();
});
afterAll(async () => {
  await pg?.close();
});

// ------------------------------------------------------------------ helpers

/** What the emulator and the bridge saw, read from the page. */
async function state(page: Page) {
  return page.evaluate(() => {
    const p = window.playground!;
    return {
      errors: p.emu.errors.map((e) => (e instanceof Error ? e.message : String(e))),
      log: p.log,
      topLevel: p.emu.ctx.internal(() => p.figma.currentPage.children.map((n) => ({ id: n.id, type: n.type, name: n.name }))),
      selection: p.canvas.selectedIds(),
      iframe: { width: p.iframe.style.width, height: p.iframe.style.height },
    };
  });
}

/** Every message that crossed the bridge is a valid protocol message, and no plugin callback threw. */
async function expectCleanRun(page: Page, pageErrors: string[]) {
  const s = await state(page);
  expect(s.errors).toEqual([]);
  for (const m of s.log) {
    const schema = m.direction === 'toPlugin' ? RequestEnvelopeSchema : PluginToUiSchema;
    expect(schema.safeParse(m.message).success, JSON.stringify(m.message).slice(0, 200)).toBe(true);
  }
  expect(pageErrors).toEqual([]);
}

async function openDataTab(panel: FrameLocator) {
  await panel.getByRole('tab', { name: /^Data/ }).click();
  return panel.getByRole('textbox', { name: 'Journey JSON' });
}

async function useTemplate(panel: FrameLocator, name: string) {
  await openDataTab(panel);
  const section = panel.locator('details.section', { has: panel.getByText('Start from a template', { exact: true }) });
  if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  await panel.getByRole('button', { name: `Use template ${name}` }).click();
  await expect.poll(() => panel.getByRole('status').filter({ hasText: 'Draft replaced by' }).count()).toBeGreaterThan(0);
}

async function generate(panel: FrameLocator, page: Page) {
  // "Draw as new map" when the selected map holds another journey (the Mermaid import below).
  await panel.getByRole('button', { name: /^(Generate map|Update map|Draw as new map)$/ }).click();
  await panel.getByText(/^Map (drawn|updated): /).waitFor();
  await page.locator('svg.page [data-jm-kind="map"]').first().waitFor();
}

/** The parsed draft JSON from the Data tab. */
async function draftJson(panel: FrameLocator): Promise<any> {
  const text = await (await openDataTab(panel)).inputValue();
  return JSON.parse(text);
}

/** A locator on the canvas: the SVG group drawn for a tagged node. */
/** A node of the map itself: the views drawn beside it (issue 17) show some of the same cards and cells. */
function canvasNode(page: Page, kind: string, id?: string, field?: string): Locator {
  let sel = kind === 'map' ? 'svg.page [data-jm-kind="map"]' : `svg.page [data-jm-kind="map"] [data-jm-kind="${kind}"]`;
  if (id !== undefined) sel += `[data-jm-id="${id}"]`;
  sel += field === undefined ? ':not([data-jm-field])' : `[data-jm-field="${field}"]`;
  return page.locator(sel);
}

/** Drags with the mouse in small steps, as a person would. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 4, from.y + (to.y - from.y) / 4, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

async function center(l: Locator) {
  // The canvas redraws its SVG after changes; the element may be replaced between the wait and
  // the measurement, so try a few times.
  let b: Awaited<ReturnType<Locator['boundingBox']>> = null;
  for (let attempt = 0; attempt < 10 && !b; attempt++) {
    await l.waitFor({ state: 'visible' });
    b = await l.boundingBox();
  }
  if (!b) throw new Error('element is not visible');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Selects the map on the canvas (click on the given element), then runs Sync and applies it. */
async function selectAndSync(page: Page, panel: FrameLocator, clickOn: Locator) {
  await clickOn.click();
  await panel.getByText(/^Selected:/).waitFor();
  await panel.getByRole('button', { name: 'Sync from canvas', exact: true }).click();
  const review = panel.getByRole('region', { name: 'Review changes from the canvas' });
  await review.waitFor();
  const changes = await review.locator('.change-list li').allTextContents();
  await review.getByRole('button', { name: 'Apply changes' }).click();
  await panel.getByText(/^Synced \d+ changes? from the canvas\.$/).waitFor();
  return changes;
}

// ------------------------------------------------------------------ tests

describe.skipIf(!can)('playground in Chromium', () => {
  it('template, panel edit, generate, canvas text edit, sync: the change reaches the JSON', async () => {
    const { page, panel, context, errors } = await pg.open();
    try {
      await useTemplate(panel, RETAIL);
      await panel.getByRole('tab', { name: 'Journey' }).click();
      const firstCard = panel.getByRole('textbox', { name: /^Card text, / }).first();
      await firstCard.fill('Typed in the panel');
      await generate(panel, page);

      // The card is on the canvas, drawn from the emulator by the real bundle.
      const cardText = canvasNode(page, 'card', undefined, 'text').filter({ hasText: 'Typed in the panel' });
      await expect.poll(() => cardText.count()).toBe(1);
      const cardId = await cardText.getAttribute('data-jm-id');
      expect(cardId).toBeTruthy();

      // Double-click the text on the canvas, type, Enter: emu.user.setText.
      await cardText.dblclick();
      const editor = page.getByRole('textbox', { name: 'Edit text on the canvas' });
      await expect.poll(() => editor.inputValue()).toBe('Typed in the panel');
      await editor.fill('Changed on the canvas');
      await editor.press('Enter');
      await expect.poll(() => canvasNode(page, 'card', cardId!, 'text').textContent()).toBe('Changed on the canvas');

      // Select the card on the canvas: the plugin's selectionchange reports the map to the panel.
      const changes = await selectAndSync(page, panel, canvasNode(page, 'card', cardId!));
      expect(changes.join('\n')).toContain('Changed on the canvas');
      const j = await draftJson(panel);
      expect(j.journey.cards.find((c: { id: string }) => c.id === cardId).text).toBe('Changed on the canvas');
      expect((await state(page)).selection).toHaveLength(1);
      await expectCleanRun(page, errors);
    } finally {
      await context.close();
    }
  });

  it('drag a card into another cell and an emotion dot down, then sync both', async () => {
    const { page, panel, context, errors } = await pg.open();
    try {
      await useTemplate(panel, RETAIL);
      await generate(panel, page);
      const before = await draftJson(panel);

      // A card, and a cell of the same lane at another step to drop it into.
      const cells = await page.locator('svg.page [data-jm-kind="map"] [data-jm-kind="cell"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-jm-id') ?? ''));
      const card = before.journey.cards.find((c: { laneId: string; stepId: string }) => cells.some((id) => id.startsWith(`${c.laneId}|`) && id !== `${c.laneId}|${c.stepId}`));
      const target = cells.find((id) => id.startsWith(`${card.laneId}|`) && id !== `${card.laneId}|${card.stepId}`)!;
      const [, targetStep] = target.split('|');

      // Zoom so both are large enough to aim at.
      const sels = { cardSel: `svg.page [data-jm-kind="map"] [data-jm-kind="card"][data-jm-id="${card.id}"]:not([data-jm-field])`, cellSel: `svg.page [data-jm-kind="map"] [data-jm-kind="cell"][data-jm-id="${target}"]` };
      await page.evaluate(({ cardSel, cellSel }) => {
        const ids = [cardSel, cellSel].map((sel) => document.querySelector(sel)!.getAttribute('data-node-id')!);
        window.playground!.canvas.fitTo(ids);
      }, sels);
      const cardEl = canvasNode(page, 'card', card.id);
      const cellEl = page.locator(`svg.page [data-jm-kind="map"] [data-jm-kind="cell"][data-jm-id="${target}"]`);
      const cellBox = (await cellEl.boundingBox())!;
      await drag(page, await center(cardEl), { x: cellBox.x + cellBox.width / 2, y: cellBox.y + cellBox.height - 4 });
      // The card is now a child of the target cell in the emulator.
      await expect
        .poll(() =>
          page.evaluate(({ cardSel, cellSel }) => {
            const cardNode = window.playground!.emu.ctx.nodes.get(document.querySelector(cardSel)!.getAttribute('data-node-id')!)!;
            return cardNode.parentImpl?.id === document.querySelector(cellSel)?.getAttribute('data-node-id');
          }, sels),
        )
        .toBe(true);

      // An emotion dot: drag it down (less happy).
      // Curves can overlap (as-is and to-be): take a dot that is on top where it is drawn.
      const pointNodeId = await page.evaluate(() => {
        const canvas = window.playground!.canvas;
        for (const el of document.querySelectorAll('svg.page [data-jm-kind="map"] [data-jm-kind="point"]')) {
          const id = el.getAttribute('data-node-id')!;
          canvas.fitTo([id]);
          canvas.zoomTo(1);
          const b = document.querySelector(`svg.page [data-jm-kind="map"] [data-node-id="${id}"]`)!.getBoundingClientRect();
          if (document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2)?.closest('[data-jm-kind="point"]')?.getAttribute('data-node-id') === id) return id;
        }
        throw new Error('every emotion dot is covered by another');
      });
      const yBefore = await page.evaluate((id) => window.playground!.emu.inspect(window.playground!.emu.ctx.nodes.get(id)!.proxy).y, pointNodeId);
      const p0 = await center(page.locator(`svg.page [data-jm-kind="map"] [data-node-id="${pointNodeId}"]`));
      await drag(page, p0, { x: p0.x, y: p0.y + 30 });
      await expect.poll(() => page.evaluate((id) => window.playground!.emu.inspect(window.playground!.emu.ctx.nodes.get(id)!.proxy).y, pointNodeId)).toBeCloseTo((yBefore ?? 0) + 30, 0);

      await page.evaluate(() => window.playground!.canvas.fit());
      const changes = await selectAndSync(page, panel, canvasNode(page, 'map').first());
      expect(changes.length).toBeGreaterThanOrEqual(2);
      const after = await draftJson(panel);
      expect(after.journey.cards.find((c: { id: string }) => c.id === card.id).stepId).toBe(targetStep);
      const pointTag = await page.locator(`svg.page [data-jm-kind="map"] [data-node-id="${pointNodeId}"]`).getAttribute('data-jm-id');
      const curveBefore = before.journey.curves.find((c: { id: string }) => c.id === pointTag);
      const curveAfter = after.journey.curves.find((c: { id: string }) => c.id === pointTag);
      expect(curveAfter).toBeDefined();
      expect(JSON.stringify(curveAfter)).not.toBe(JSON.stringify(curveBefore));
      await expectCleanRun(page, errors);
    } finally {
      await context.close();
    }
  });

  it('imports a CSV file and a Mermaid file through the panel, and draws them', async () => {
    const { page, panel, context, errors } = await pg.open();
    try {
      await openDataTab(panel);
      const file = panel.locator('input[type="file"]');
      await file.setInputFiles(join(FIXTURES, 'google-sheets.csv'));
      await panel.getByText('Imported “google-sheets.csv”.').waitFor();
      expect((await draftJson(panel)).journey.title).toBe('Weekly grocery order');
      await generate(panel, page);
      await expect.poll(() => page.locator('svg.page text').filter({ hasText: 'Weekly grocery order' }).count()).toBeGreaterThan(0);

      await openDataTab(panel);
      await file.setInputFiles(join(FIXTURES, 'mermaid-spec-tasks.mmd'));
      await panel.getByText('Imported “mermaid-spec-tasks.mmd”.').waitFor();
      const mermaid = await draftJson(panel);
      expect(mermaid.journey.title).toBe('Adding journey diagram functionality to mermaid');
      expect(mermaid.journey.stages.map((s: { name: string }) => s.name)).toEqual(['Documentation', 'Another section']);
      await generate(panel, page);
      await expect.poll(() => page.locator('svg.page text').filter({ hasText: 'Adding journey diagram' }).count()).toBeGreaterThan(0);
      await expect.poll(async () => (await state(page)).topLevel.length).toBe(2);
      await expectCleanRun(page, errors);
    } finally {
      await context.close();
    }
  });

  it('invalid JSON shows the problem with its place; a bad reference blocks drawing and keeps the draft', async () => {
    const { page, panel, context, errors } = await pg.open();
    try {
      const json = await openDataTab(panel);
      const good = await json.inputValue();

      // Not JSON at all: the status says so and the problem names a line.
      const broken = good.replace(/"title": "[^"]*",/, '"title": "Broken",,');
      await json.fill(broken);
      await panel.getByText('This text cannot be read as a journey yet.').waitFor();
      const problems = panel.locator('.problems', { hasText: 'Problems in the JSON' });
      await expect.poll(() => problems.locator('.problem-path').first().textContent()).toMatch(/line \d+|journey/);
      await panel.getByRole('button', { name: 'Generate map' }).click();
      const alert = panel.getByRole('alert').filter({ hasText: /The journey has \d+ problems?/ });
      await alert.waitFor();
      expect(await json.inputValue()).toBe(broken);

      // Valid JSON, but a card points at a lane that does not exist.
      const j = JSON.parse(good);
      j.journey.cards.push({ id: 'card-x', laneId: 'no-such-lane', stepId: j.journey.stages[0].steps[0].id, text: 'Orphan', evidence: [] });
      const badRef = JSON.stringify(j, null, 2);
      await json.fill(badRef);
      await panel.getByText('Readable, but with problems.').waitFor();
      const paths = await problems.locator('.problem-path').allTextContents();
      expect(paths.some((p) => /cards\[\d+\]\.laneId/.test(p)), paths.join(', ')).toBe(true);
      await panel.getByRole('button', { name: 'Generate map' }).click();
      // The banner says there are problems; the list above it names them (it is not repeated).
      await alert.first().waitFor();
      expect(await problems.locator('.problem-path').allTextContents()).toContainEqual(expect.stringMatching(/cards\[\d+\]\.laneId/));
      // Nothing was drawn and the draft is exactly what was typed.
      expect((await state(page)).topLevel).toEqual([]);
      expect(await json.inputValue()).toBe(badRef);
      await expectCleanRun(page, errors);
    } finally {
      await context.close();
    }
  });

  it('a render failure in the sandbox (no usable font) is explained in plain words and keeps the draft', async () => {
    const { page, panel, context, errors } = await pg.open('?fonts=roboto');
    try {
      await useTemplate(panel, RETAIL);
      const before = await (await openDataTab(panel)).inputValue();
      await panel.getByRole('button', { name: 'Generate map' }).click();
      const alert = panel.getByRole('alert').filter({ hasText: 'Could not generate the map.' });
      await alert.waitFor();
      const words = (await alert.textContent()) ?? '';
      expect(words).toContain('A font the map needs is not available in this file.');
      expect(words).toContain('Your draft is unchanged.');
      expect(words).not.toMatch(/FONT_MISSING|Error:|at \w+ \(/);
      expect((await state(page)).topLevel).toEqual([]);
      expect(await (await openDataTab(panel)).inputValue()).toBe(before);
      await expectCleanRun(page, errors);
    } finally {
      await context.close();
    }
  });

  it('honours figma.ui.resize: the resize grip resizes the iframe through the sandbox', async () => {
    const { page, panel, context, errors } = await pg.open();
    try {
      expect((await state(page)).iframe).toEqual({ width: '520px', height: '720px' });
      await panel.getByRole('button', { name: 'Resize panel (arrow keys)' }).press('ArrowRight');
      await expect.poll(async () => (await state(page)).iframe.width).toBe('536px');
      await panel.getByRole('button', { name: 'Resize panel (arrow keys)' }).press('ArrowUp');
      await expect.poll(async () => (await state(page)).iframe.height).toBe('704px');
      await expectCleanRun(page, errors);
    } finally {
      await context.close();
    }
  });

  it('screenshots: the panel in light and dark, and the whole playground', async () => {
    const { page, panel, context, errors } = await pg.open();
    try {
      const shot = (name: string) => join(SCREENSHOTS, `${name}.png`);
      const win = page.locator('#plugin-window');
      await win.screenshot({ path: shot('panel-light-blank') });
      await useTemplate(panel, RETAIL);
      await panel.getByRole('tab', { name: 'Journey' }).click();
      await generate(panel, page);
      await win.screenshot({ path: shot('panel-light') });
      await page.screenshot({ path: shot('playground') });

      // A canvas edit, the map selected, and the sync review in the panel; the canvas at 100%.
      const text = canvasNode(page, 'card', undefined, 'text').first();
      const cardId = (await text.getAttribute('data-jm-id'))!;
      await text.dblclick();
      const editor = page.getByRole('textbox', { name: 'Edit text on the canvas' });
      await editor.fill('Measures the living room; the old sofa is too big for the new flat.');
      await editor.press('Enter');
      await canvasNode(page, 'card', cardId).click();
      await panel.getByRole('button', { name: 'Sync from canvas', exact: true }).click();
      await panel.getByRole('region', { name: 'Review changes from the canvas' }).waitFor();
      await win.screenshot({ path: shot('panel-light-sync-review') });
      const cardNodeId = (await canvasNode(page, 'card', cardId).getAttribute('data-node-id'))!;
      await page.evaluate((id) => {
        window.playground!.canvas.fitTo([id]);
        window.playground!.canvas.zoomTo(1);
      }, cardNodeId);
      await page.screenshot({ path: shot('playground-100') });
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await page.evaluate(() => window.playground!.canvas.fit());

      await page.getByRole('button', { name: 'Dark' }).click();
      await expect.poll(() => panel.locator('html').getAttribute('class')).toContain('figma-dark');
      await win.screenshot({ path: shot('panel-dark') });
      await page.screenshot({ path: shot('playground-dark-panel') });
      await panel.getByRole('tab', { name: /^Data/ }).click();
      await win.screenshot({ path: shot('panel-dark-data') });
      await panel.getByRole('tab', { name: 'Style' }).click();
      await win.screenshot({ path: shot('panel-dark-style') });

      // An error state, in light.
      await page.getByRole('button', { name: 'Light' }).click();
      const json = await openDataTab(panel);
      await json.fill((await json.inputValue()).replace('"cards": [', '"cards": [{"id": "x"},'));
      await panel.getByRole('button', { name: /^(Generate|Update) map$/ }).click();
      await panel.getByRole('alert').filter({ hasText: /problem/ }).waitFor();
      await win.screenshot({ path: shot('panel-light-error') });

      // The canvas while editing a text.
      await canvasNode(page, 'card', undefined, 'text').first().dblclick();
      await page.getByRole('textbox', { name: 'Edit text on the canvas' }).waitFor();
      await page.screenshot({ path: shot('playground-text-edit') });
      await page.keyboard.press('Escape');
      for (const name of ['panel-light-blank', 'panel-light', 'playground', 'panel-light-sync-review', 'playground-100', 'panel-dark', 'panel-light-error']) {
        expect(readFileSync(shot(name)).subarray(1, 4).toString()).toBe('PNG');
      }
      await expectCleanRun(page, errors);
    } finally {
      await context.close();
    }
  });
});
