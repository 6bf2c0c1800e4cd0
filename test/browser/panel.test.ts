// The panel as a designer uses it, in Chromium on the playground at Figma's 520 × 720, in light
// and dark (issue items 1–9). After every step: the document does not overflow (no second
// scrollbar, nothing sideways, the footer in full) and axe-core finds no serious or critical
// violation. Screenshots of the start screen, the grid, the side sheet, the emotion editor and
// an error next to its field go to test/playground/screenshots/ (JM_UPDATE_SCREENSHOTS=1) or out/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, HAVE_CHROMIUM, SCREENSHOTS, startPlayground, type Playground } from './harness';
import { PANEL_SIZE } from '../../ui/constants';
import { layoutOf, panelFrame, seriousViolations } from './panel-checks';

const can = BUILT && HAVE_CHROMIUM;
if (process.env.CI && !can) throw new Error('browser tests need dist/ (npm run build) and Chromium at /usr/bin/chromium');
const RETAIL = 'Retail: buying a sofa online and in store';
const SAAS = 'B2B SaaS: trial to renewal';

let pg: Playground;
beforeAll(async () => {
  if (!can) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  pg = await startPlayground();
});
afterAll(async () => {
  await pg?.close();
});

describe.skipIf(!can).each(['light', 'dark'] as const)('the panel at 520 × 720, %s', (theme) => {
  let page: Page;
  let panel: FrameLocator;
  let context: BrowserContext;
  let errors: string[];
  const axeLog: string[] = [];

  /** After every step: no overflow, the footer in full, nothing serious for axe; optionally a screenshot. */
  async function check(state: string, shot?: string, show?: string) {
    // For the picture: the part the step is about at the top of the panel's scroll.
    if (show) await panel.locator(show).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const l = await layoutOf(page);
    expect(l.scrollWidth, `${state}: scrollWidth`).toBeLessThanOrEqual(l.clientWidth);
    expect(l.scrollHeight, `${state}: scrollHeight`).toBeLessThanOrEqual(l.clientHeight);
    expect([l.scrollTop, l.scrollLeft], `${state}: document scrolled`).toEqual([0, 0]);
    expect(l.footerBottom, `${state}: footer cut off`).toBeLessThanOrEqual(l.innerHeight);
    expect(l.footerRight, `${state}: footer cut off`).toBeLessThanOrEqual(l.innerWidth);
    const violations = await seriousViolations(page);
    axeLog.push(`${state}: ${violations.length}`);
    expect(violations, `${state}: axe`).toEqual([]);
    if (shot) await page.locator('#plugin-window').screenshot({ path: join(SCREENSHOTS, `panel-${theme}-${shot}.png`) });
  }
  const activeId = async () => (await panelFrame(page)).evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? '');
  const activeTag = async () => (await panelFrame(page)).evaluate(() => document.activeElement?.tagName ?? '');
  /** The draft, read from the Data tab's JSON (then back to the tab that was open). */
  const draft = async () => {
    const tab = await panel.locator('[role="tab"][aria-selected="true"]').getAttribute('id');
    await panel.locator('#jm-tab-data').click();
    const text = await panel.getByRole('textbox', { name: 'Journey JSON' }).inputValue();
    if (tab !== 'jm-tab-data') await panel.locator(`#${tab}`).click();
    return JSON.parse(text);
  };
  const openSection = async (title: string) => {
    const summary = panel.locator('details.section > summary', { hasText: title }).first();
    if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
  };

  /** Presses a grip, moves in steps as a person would, and lets go over the target. */
  const drag = async (grip: ReturnType<FrameLocator['locator']>, target: ReturnType<FrameLocator['locator']>) => {
    await target.scrollIntoViewIfNeeded();
    await grip.scrollIntoViewIfNeeded();
    const a = (await grip.boundingBox())!;
    const b = (await target.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + 12, { steps: 8 });
    await page.waitForTimeout(50);
    await page.mouse.up();
  };

  beforeAll(async () => {
    ({ page, panel, context, errors } = await pg.open(`?theme=${theme}`));
    await page.setViewportSize({ width: 1440, height: 900 });
  });
  afterAll(async () => {
    console.log(`[axe ${theme}] serious or critical violations per state: ${axeLog.join(', ')}`);
    await context?.close();
  });

  it('1. an empty draft opens on the start card: blank, templates with thumbnails, import a file', async () => {
    expect(await page.evaluate(() => [window.playground!.iframe.style.width, window.playground!.iframe.style.height])).toEqual([`${PANEL_SIZE.width}px`, `${PANEL_SIZE.height}px`]);
    await panel.getByRole('heading', { name: 'Start a journey map' }).waitFor();
    for (const name of ['Start blank', `Use template ${RETAIL}`, `Use template ${SAAS}`, 'Import a file']) expect(await panel.getByRole('button', { name }).count(), name).toBe(1);
    expect(await panel.locator('.start-option svg.thumb').count()).toBeGreaterThanOrEqual(4);
    await check('start card', 'start');
    await panel.getByRole('button', { name: 'Start blank' }).click();
    await expect.poll(activeId).toBe('jm-meta-journey-title');
    await check('blank journey form');
  });

  it('2. adding moves focus into the new item; typing right after "+ Card" writes the card; an empty card is a problem', async () => {
    await openSection('Stages and steps');
    await panel.getByRole('button', { name: 'Add stage' }).click();
    await expect.poll(activeId).toMatch(/^jm-stage-.*-name$/);
    await page.keyboard.type('Compare');
    await panel.getByRole('button', { name: '+ Add step to Compare' }).click();
    await expect.poll(activeId).toMatch(/^jm-step-.*-name$/);
    await page.keyboard.type('Orders swatches');
    await openSection('Lanes');
    await panel.getByRole('button', { name: 'Add lane' }).click();
    await expect.poll(activeId).toMatch(/^jm-lane-.*-label$/);
    await check('stages and lanes added');

    await panel.locator('#jm-stage-picker').selectOption({ label: '2. Compare (2 steps)' });
    await panel.getByRole('button', { name: 'Add card to Actions at Compare › Orders swatches' }).click();
    await expect.poll(activeId).toMatch(/^jm-card-.*-text$/);
    await page.keyboard.type('Pays by card at the till');
    const cards = (await draft()).journey.cards;
    expect(cards.map((c: { text: string }) => c.text)).toEqual(['Pays by card at the till']);

    // An empty card: listed as a problem, never drawn.
    await panel.getByRole('button', { name: 'Add card to Actions at Compare › Step 1' }).click();
    await panel.getByRole('button', { name: /^(Generate|Update) map$/ }).click();
    await panel.getByRole('alert').filter({ hasText: /The journey has 1 problem/ }).waitFor();
    expect(await panel.locator('.problem-summary').textContent()).toContain('Empty card in Actions at Compare › Step 1: write its text or remove the card');
    expect(await page.evaluate(() => window.playground!.figma.currentPage.children.length)).toBe(0);
    await check('empty card listed');
    await panel.getByRole('button', { name: /^Remove empty card, Actions at Compare › Step 1/ }).click();
    // Focus is never lost: it lands on the cell's "+ Card".
    await expect.poll(async () => (await panelFrame(page)).evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Add card to Actions at Compare › Step 1');
  });

  it('3. the grid works at 520 px: one stage at a time or lane by lane, an opaque lane column, details in a side sheet per lane type', async () => {
    await panel.getByRole('button', { name: 'New journey…' }).click();
    await panel.getByRole('button', { name: `Use template ${RETAIL}` }).click();
    await openSection('Cards');
    const picker = panel.locator('#jm-stage-picker');
    await picker.scrollIntoViewIfNeeded();
    // One stage's steps at a time.
    const stage1 = (await draft()).journey.stages[0];
    expect(await panel.locator('.card-grid .step-head').count()).toBe(stage1.steps.length);
    const laneBg = await panel.locator('.card-grid .lane-head').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(laneBg).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    await check('grid by stage', 'grid', '.grid-toolbar');
    await panel.getByRole('button', { name: 'Next stage' }).click();
    expect(await picker.inputValue()).toBe((await draft()).journey.stages[1].id);

    // Details: the fields that mean something for the lane's type.
    const j = await draft();
    const laneType = (c: { laneId: string }) => j.journey.lanes.find((l: { id: string }) => l.id === c.laneId).type;
    const sheetFor = async (type: string) => {
      const card = j.journey.cards.find((c: { laneId: string; channel?: string; effort?: number }) => laneType(c) === type && (type !== 'actions' && type !== 'thoughts' || (c.channel === undefined && c.effort === undefined)));
      expect(card, `a ${type} card`).toBeDefined();
      await picker.selectOption(j.journey.stages.find((s: { steps: { id: string }[] }) => s.steps.some((st) => st.id === card.stepId)).id);
      await panel.locator(`#jm-card-${card.id}-details`).click();
      const sheet = panel.getByRole('dialog');
      await sheet.waitFor();
      return { card, sheet };
    };
    const actions = await sheetFor('actions');
    expect(await actions.sheet.getByLabel('Channel').count()).toBe(0);
    expect(await actions.sheet.getByLabel('Effort (1–5)').count()).toBe(0);
    await check('side sheet', 'sheet');
    await page.keyboard.press('Escape');
    await expect.poll(activeId).toBe(`jm-card-${actions.card.id}-details`);
    const touch = await sheetFor('touchpoints');
    expect(await touch.sheet.getByLabel('Channel').count()).toBe(1);
    await touch.sheet.getByRole('button', { name: 'Close' }).click();
    const thought = await sheetFor('thoughts');
    expect(await thought.sheet.getByLabel('Effort (1–5)').count()).toBe(0);
    await page.keyboard.press('Escape');
    const pain = await sheetFor('painPoints');
    const statuses = await pain.sheet.getByLabel('Status').locator('option').allTextContents();
    expect(statuses).toContain("Won't do");
    await page.keyboard.press('Escape');

    await panel.getByRole('button', { name: 'By lane', exact: true }).click();
    expect(await panel.locator('.lane-block').count()).toBe(j.journey.lanes.filter((l: { type: string }) => l.type !== 'emotion').length);
    await check('cards lane by lane');
    await panel.getByRole('button', { name: 'By stage', exact: true }).click();
  });

  it('4. one scroll container: scrolling controls into view never moves the document', async () => {
    const last = panel.locator('.add-card').last();
    await last.focus();
    await last.scrollIntoViewIfNeeded();
    await check('control scrolled into view');
    for (const tab of ['Data', 'Style', 'Journey']) {
      await panel.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await check(`${tab} tab`, tab === 'Style' ? 'style' : undefined);
    }
  });

  it('5. emotions: every persona on one chart with step names and scale labels; unset is hollow; new curves are named after their persona', async () => {
    await openSection('Emotions');
    const j = await draft();
    const chart = panel.locator('svg.emotion-chart');
    await chart.scrollIntoViewIfNeeded();
    expect(await chart.locator('g.curve').count()).toBe(j.journey.curves.length);
    expect(new Set(j.journey.curves.map((c: { personaId: string }) => c.personaId)).size).toBe(j.journey.personas.length);
    expect(await chart.locator('.step-label').count()).toBe(j.journey.stages.reduce((n: number, s: { steps: unknown[] }) => n + s.steps.length, 0));
    expect(await chart.locator('.scale-label').allTextContents()).toEqual(['Very positive +2', 'Positive +1', 'Neutral 0', 'Negative −1', 'Very negative −2']);
    await panel.getByRole('button', { name: 'Add to-be curve' }).click();
    const persona = j.journey.personas[0].name;
    await expect.poll(async () => (await draft()).journey.curves.at(-1).name).toBe(`${persona} – to-be`);
    const unset = panel.locator('.slider-row.unset').first();
    expect(await unset.locator('output').textContent()).toBe('not set');
    expect(await unset.locator('input').getAttribute('aria-valuetext')).toBe('not set');
    await unset.locator('input').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await draft()).journey.curves.at(-1).points.length).toBe(1);
    await check('emotion editor', 'emotions', 'details.section:has(svg.emotion-chart) > summary');
  });

  it('6. no needless questions; "Draw as new map" when the draft is another journey', async () => {
    await panel.getByRole('button', { name: 'Generate map' }).click();
    await panel.getByText(/^Map drawn: 6 stages, 11 steps, 40 cards\./).waitFor();
    expect(await activeTag()).not.toBe('BODY');
    await page.locator('svg.page [data-jm-kind="map"]').first().waitFor();
    await page.locator('svg.page [data-jm-kind="card"]:not([data-jm-field])').first().click();
    await panel.getByText(/^Selected:/).waitFor();
    expect(await panel.getByText(/Load its journey\?/).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Update map' }).count()).toBe(1);
    await check('map selected, same journey');
    await panel.getByRole('tab', { name: 'Journey' }).click();
    await panel.getByRole('button', { name: 'New journey…' }).click();
    await panel.getByRole('button', { name: `Use template ${SAAS}` }).click();
    await panel.getByRole('button', { name: 'Draw as new map' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Update map' }).count()).toBe(0);
    await check('map selected, another journey');
  });

  it('7. words a designer uses: labels and names, one message per problem, next to the field; toasts fade, errors stay, imports undo', async () => {
    // Undo from the toast brings the retail draft back.
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await draft()).journey.title).toMatch(/sofa/);
    // A bad date typed in the JSON: one message, named by the field's label, under the field.
    await panel.getByRole('tab', { name: /^Data/ }).click();
    const json = panel.getByRole('textbox', { name: 'Journey JSON' });
    const good = await json.inputValue();
    const bad = JSON.parse(good);
    bad.journey.reviewBy = '05/11/2026';
    const steps = bad.journey.stages.flatMap((s: { steps: { id: string; name: string }[] }) => s.steps);
    const curve = bad.journey.curves[0];
    curve.points[0].value = 5;
    await json.fill(JSON.stringify(bad, null, 2));
    await panel.getByRole('tab', { name: 'Journey' }).click();
    const summary = panel.locator('.problem-summary');
    if ((await summary.getAttribute('open')) === null) await summary.locator('summary').click();
    const list = await panel.locator('.problem-summary .problem').allTextContents();
    expect(list.filter((t) => t.startsWith('Review by'))).toEqual(['Review by: use a date like 2026-03-31 reviewBy']);
    const persona = bad.journey.personas.find((p: { id: string }) => p.id === curve.personaId).name;
    const step = steps.find((s: { id: string }) => s.id === curve.points[0].stepId).name;
    expect(list.some((t) => t.startsWith(`${persona} – ${step}: 5 is outside the scale -2 to 2`)), list.join('\n')).toBe(true);
    const field = panel.locator('#jm-meta-journey-reviewBy');
    expect(await field.getAttribute('aria-describedby')).toContain('jm-meta-journey-reviewBy-error');
    expect(await panel.locator('#jm-meta-journey-reviewBy-error').textContent()).toBe('Use a date like 2026-03-31');
    await panel.getByRole('button', { name: /^Review by: use a date/ }).click();
    await expect.poll(activeId).toBe('jm-meta-journey-reviewBy');
    await check('error next to its field', 'error');
    await panel.getByRole('button', { name: /^(Generate|Update) map$|^Draw as new map$/ }).click();
    const alert = panel.getByRole('alert').filter({ hasText: /problem/ });
    await alert.waitFor();
    await page.waitForTimeout(6_500);
    expect(await alert.count(), 'errors stay').toBe(1);
    // Fix both: the error goes; the date is picked with the date picker.
    await field.fill('2026-03-31');
    expect(await field.getAttribute('type')).toBe('date');
    await panel.getByRole('tab', { name: /^Data/ }).click();
    const fixed = JSON.parse(await json.inputValue());
    fixed.journey.curves[0].points[0].value = 1;
    await json.fill(JSON.stringify(fixed, null, 2));
    await expect.poll(() => alert.count()).toBe(0);
    // Success toasts fade.
    await panel.getByRole('tab', { name: 'Journey' }).click();
    await panel.getByRole('button', { name: /map$/ }).last().click();
    const toast = panel.locator('.banner.toast');
    await toast.waitFor();
    await expect.poll(() => toast.count(), { timeout: 15_000 }).toBe(0);
  });

  it('8. less clicking: drag to reorder lanes, stages and steps (buttons kept), date pickers', async () => {
    await openSection('Lanes');
    const labels = () => panel.locator('.lane-item input[id$="-label"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const before = await labels();
    await drag(panel.locator('.lane-item .drag-handle').nth(2), panel.locator('.lane-item').nth(0));
    await expect.poll(labels).toEqual([before[2], before[0], before[1], ...before.slice(3)]);
    expect(await panel.getByRole('button', { name: `Move lane ${before[2]} down` }).count()).toBe(1);
    await openSection('Stages and steps');
    const stageNames = () => panel.locator('.drag-list[aria-label="Stages, in order"] > li input[id$="-name"][id^="jm-stage-"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const s0 = await stageNames();
    await drag(panel.locator('.drag-list[aria-label="Stages, in order"] > li > .item-head .drag-handle').nth(1), panel.locator('.drag-list[aria-label="Stages, in order"] > li').nth(0));
    await expect.poll(stageNames).toEqual([s0[1], s0[0], ...s0.slice(2)]);
    expect(await panel.locator('#jm-meta-journey-updated').getAttribute('type')).toBe('date');

    // A card dragged by its grip into another lane's cell of the grid.
    await openSection('Cards');
    const j = await draft();
    const lanes = j.journey.lanes.filter((l: { type: string }) => l.type !== 'emotion');
    const rows = panel.locator('.card-grid tbody tr');
    const at = await rows.evaluateAll((trs) => trs.findIndex((tr) => tr.querySelector('.card')));
    const card = rows.nth(at).locator('.card').first();
    const cardId = (await card.locator('textarea').getAttribute('id'))!.replace(/^jm-card-/, '').replace(/-text$/, '');
    const to = (at + 1) % lanes.length;
    await drag(card.locator('.drag-handle'), rows.nth(to).locator('.cell-body').first());
    await expect.poll(async () => (await draft()).journey.cards.find((c: { id: string }) => c.id === cardId).laneId).toBe(lanes[to].id);
    await check('after drags');
  });

  it('9. controls have unique names; the plugin made no errors', async () => {
    await openSection('Cards');
    const frame = await panelFrame(page);
    const dupes = await frame.evaluate(() => {
      const names = [...document.querySelectorAll('button, input, select, textarea')].filter((el) => !(el as HTMLElement).closest('[hidden]')).map((el) => el.getAttribute('aria-label') ?? (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) ?? el.textContent ?? '');
      const seen = new Map<string, number>();
      for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
      return [...seen].filter(([n, c]) => c > 1 && /^(Add card|Card text|Details of|Remove|Move)/.test(n)).map(([n]) => n);
    });
    expect(dupes).toEqual([]);
    expect(errors).toEqual([]);
  });
});
