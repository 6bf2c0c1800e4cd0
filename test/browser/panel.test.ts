// The panel as a designer uses it, in Chromium on the playground at Figma's 520 × 720, in light
// and dark (issue items 1–9). After every action: the document does not overflow (no second
// scrollbar, nothing sideways, the footer in full). After every action that shows new UI (a tab,
// a section, a dialog, a banner, a review, a list): also axe-core with no serious or critical
// violation, every pointer target at least 24 × 24 px and no two controls with the same name.
// axe takes 2–3 s a run on 2 cores, so it runs on each new state rather than on each keystroke;
// that keeps this file under about 4 minutes. Screenshots of the start screen, the grid, the side
// sheet, the emotion editor, an error next to its field, the sync review and the "Load its
// journey?" offer go to test/playground/screenshots/ (JM_UPDATE_SCREENSHOTS=1) or out/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, HAVE_CHROMIUM, SCREENSHOTS, startPlayground, type Playground } from './harness';
import { PANEL_SIZE } from '../../ui/constants';
import { duplicateNames, layoutOf, panelFrame, seriousViolations, smallTargets } from './panel-checks';

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

// Light and dark run side by side (each on its own page, its steps in order): the waits for the
// emulator and for toasts overlap, and the file stays under about 4 minutes on 2 cores.
describe.skipIf(!can).concurrent.each(['light', 'dark'] as const)('the panel at 520 × 720, %s', { timeout: 150_000 }, (theme) => {
  let page: Page;
  let panel: FrameLocator;
  let context: BrowserContext;
  let cdp: CDPSession;
  let errors: string[];
  const axeLog: string[] = [];

  /** After every action: the document does not overflow, sideways or down, and the footer is in full. */
  async function step(state: string) {
    const l = await layoutOf(page);
    expect(l.scrollWidth, `${state}: scrollWidth`).toBeLessThanOrEqual(l.clientWidth);
    expect(l.scrollHeight, `${state}: scrollHeight`).toBeLessThanOrEqual(l.clientHeight);
    expect([l.scrollTop, l.scrollLeft], `${state}: document scrolled`).toEqual([0, 0]);
    expect(l.footerBottom, `${state}: footer cut off`).toBeLessThanOrEqual(l.innerHeight);
    expect(l.footerRight, `${state}: footer cut off`).toBeLessThanOrEqual(l.innerWidth);
  }
  /**
   * After an action that shows new UI: no overflow, nothing serious for axe, no pointer target
   * under 24 × 24 px, no two controls with one name; optionally a screenshot.
   */
  async function check(state: string, shot?: string, show?: string) {
    // For the picture: the part the step is about at the top of the panel's scroll.
    if (show) await panel.locator(show).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await step(state);
    expect(await smallTargets(page), `${state}: targets under 24 × 24 px`).toEqual([]);
    expect(await duplicateNames(page), `${state}: controls with the same name`).toEqual([]);
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

  /** Presses a grip, moves in steps as a person would, and lets go over the target once it shows as the place the item goes. */
  const drag = async (grip: Locator, target: Locator) => {
    await target.scrollIntoViewIfNeeded();
    await grip.scrollIntoViewIfNeeded();
    const a = (await grip.boundingBox())!;
    const b = (await target.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + 12, { steps: 8 });
    await expect.poll(() => target.evaluate((el) => el.classList.contains('drop-target') || !!el.closest('.drop-target')), { timeout: 5_000 }).toBe(true);
    await page.mouse.up();
  };

  /**
   * Clicks `button` and types `text` as a fast typist does: every key event is queued right
   * behind the click, with no wait for the focus to move first. A space that reached the button
   * would press it again.
   */
  const clickThenType = async (button: Locator, text: string) => {
    await button.scrollIntoViewIfNeeded();
    const b = (await button.boundingBox())!;
    const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
    const mouse = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased') => cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: type === 'mousePressed' ? 1 : 0, clickCount: 1 });
    if (!/^[a-z ]+$/i.test(text)) throw new Error(`clickThenType types letters and spaces, not “${text}”`);
    // Sent in this order without waiting for any answer: the browser queues them as they come.
    const sent = [mouse('mouseMoved'), mouse('mousePressed'), mouse('mouseReleased')];
    for (const ch of text) {
      const [code, vk] = ch === ' ' ? ['Space', 32] : [`Key${ch.toUpperCase()}`, ch.toUpperCase().charCodeAt(0)];
      sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, code, text: ch, unmodifiedText: ch, windowsVirtualKeyCode: vk }));
      sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, code, windowsVirtualKeyCode: vk }));
    }
    await Promise.all(sent);
  };

  beforeAll(async () => {
    ({ page, panel, context, errors } = await pg.open(`?theme=${theme}`));
    await page.setViewportSize({ width: 1440, height: 900 });
    cdp = await context.newCDPSession(page);
  });
  afterAll(async () => {
    console.log(`[axe ${theme}] serious or critical violations per state: ${axeLog.join(', ')}`);
    await context?.close();
  });

  it.sequential('1. an empty draft opens on the start card: blank, templates with thumbnails, import a file', async () => {
    expect(await page.evaluate(() => [window.playground!.iframe.style.width, window.playground!.iframe.style.height])).toEqual([`${PANEL_SIZE.width}px`, `${PANEL_SIZE.height}px`]);
    await panel.getByRole('heading', { name: 'Start a journey map' }).waitFor();
    for (const name of ['Start blank', `Use template ${RETAIL}`, `Use template ${SAAS}`, 'Import a file']) expect(await panel.getByRole('button', { name }).count(), name).toBe(1);
    expect(await panel.locator('.start-option svg.thumb').count()).toBeGreaterThanOrEqual(4);
    await check('start card', 'start');
    await panel.getByRole('button', { name: 'Start blank' }).click();
    await expect.poll(activeId).toBe('jm-meta-journey-title');
    await check('blank journey form');
  });

  it.sequential('2. "Add stage", "Add step", "Add lane" and "+ Card" move focus into the new item: typing right after the click writes there and never presses the button again; an empty card is a problem', async () => {
    type Named = { name: string };
    const j0 = (await draft()).journey;
    await openSection('Stages and steps');
    await step('stages opened');
    // Typed at once after each click, with no wait for the focus: the spaces would press the
    // button again if the focus were still on it.
    await clickThenType(panel.getByRole('button', { name: 'Add stage' }), 'Compare sofas');
    await step('stage added');
    await clickThenType(panel.getByRole('button', { name: '+ Add step to Compare sofas' }), 'Orders swatches');
    await step('step added');
    await openSection('Lanes');
    await step('lanes opened');
    await clickThenType(panel.getByRole('button', { name: 'Add lane' }), 'Delivery notes');
    await step('lane added');
    const j1 = (await draft()).journey;
    expect(j1.stages.map((s: Named) => s.name)).toEqual([...j0.stages.map((s: Named) => s.name), 'Compare sofas']);
    expect(j1.stages.at(-1).steps.map((s: Named) => s.name)).toEqual(['Step 1', 'Orders swatches']);
    expect(j1.lanes.map((l: { label: string }) => l.label)).toEqual([...j0.lanes.map((l: { label: string }) => l.label), 'Delivery notes']);
    await check('stages and lanes added');

    await panel.locator('#jm-stage-picker').selectOption({ label: '2. Compare sofas (2 steps)' });
    await step('stage picked');
    await clickThenType(panel.getByRole('button', { name: 'Add card to Actions at Compare sofas › Orders swatches' }), 'Pays by card at the till');
    await step('card added');
    expect(await activeId()).toMatch(/^jm-card-.*-text$/);
    const cards = (await draft()).journey.cards;
    expect(cards.map((c: { text: string }) => c.text)).toEqual(['Pays by card at the till']);

    // An empty card: listed as a problem, never drawn.
    await panel.getByRole('button', { name: 'Add card to Actions at Compare sofas › Step 1' }).click();
    await step('empty card added');
    await panel.getByRole('button', { name: /^(Generate|Update) map$/ }).click();
    await panel.getByRole('alert').filter({ hasText: /The journey has 1 problem/ }).waitFor();
    expect(await panel.locator('.problem-summary').textContent()).toContain('Empty card in Actions at Compare sofas › Step 1: write its text or remove the card');
    expect(await page.evaluate(() => window.playground!.figma.currentPage.children.length)).toBe(0);
    await check('empty card listed');
    await panel.getByRole('button', { name: /^Remove empty card, Actions at Compare sofas › Step 1/ }).click();
    // Focus is never lost: it lands on the cell's "+ Card".
    await expect.poll(async () => (await panelFrame(page)).evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Add card to Actions at Compare sofas › Step 1');
    await step('empty card removed');
  });

  it.sequential('3. the grid works at 520 px: one stage at a time or lane by lane, an opaque lane column, details in a side sheet per lane type', async () => {
    await panel.getByRole('button', { name: 'New journey…' }).click();
    await check('start card again');
    await panel.getByRole('button', { name: `Use template ${RETAIL}` }).click();
    await step('template used');
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
    await step('next stage');
    expect(await picker.inputValue()).toBe((await draft()).journey.stages[1].id);

    // Details: the fields that mean something for the lane's type.
    const j = await draft();
    const laneType = (c: { laneId: string }) => j.journey.lanes.find((l: { id: string }) => l.id === c.laneId).type;
    const sheetFor = async (type: string) => {
      const card = j.journey.cards.find((c: { laneId: string; channel?: string; effort?: number }) => laneType(c) === type && (type !== 'actions' && type !== 'thoughts' || (c.channel === undefined && c.effort === undefined)));
      expect(card, `a ${type} card`).toBeDefined();
      await picker.selectOption(j.journey.stages.find((s: { steps: { id: string }[] }) => s.steps.some((st) => st.id === card.stepId)).id);
      await step(`stage of a ${type} card`);
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
    await step('side sheet closed');
    const touch = await sheetFor('touchpoints');
    expect(await touch.sheet.getByLabel('Channel').count()).toBe(1);
    await check('side sheet of a touchpoint');
    await touch.sheet.getByRole('button', { name: 'Close' }).click();
    await step('side sheet closed');
    const thought = await sheetFor('thoughts');
    expect(await thought.sheet.getByLabel('Effort (1–5)').count()).toBe(0);
    await step('side sheet of a thought');
    await page.keyboard.press('Escape');
    await step('side sheet closed');
    const pain = await sheetFor('painPoints');
    const statuses = await pain.sheet.getByLabel('Status').locator('option').allTextContents();
    expect(statuses).toContain("Won't do");
    await check('side sheet of a pain point');
    await page.keyboard.press('Escape');
    await step('side sheet closed');

    await panel.getByRole('button', { name: 'By lane', exact: true }).click();
    expect(await panel.locator('.lane-block').count()).toBe(j.journey.lanes.filter((l: { type: string }) => l.type !== 'emotion').length);
    await check('cards lane by lane');
    await panel.getByRole('button', { name: 'By stage', exact: true }).click();
    await step('cards by stage');
  });

  it.sequential('4. one scroll container: scrolling controls into view never moves the document', async () => {
    const last = panel.locator('.add-card').last();
    await last.focus();
    await last.scrollIntoViewIfNeeded();
    await step('control scrolled into view');
    for (const tab of ['Data', 'Style', 'Journey']) {
      await panel.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await check(`${tab} tab`, tab === 'Style' ? 'style' : undefined);
    }
  });

  it.sequential('5. emotions: every persona on one chart with step names and scale labels; unset is hollow; new curves are named after their persona', async () => {
    await openSection('Emotions');
    await step('emotions opened');
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
    await step('to-be curve added');
    const unset = panel.locator('.slider-row.unset').first();
    expect(await unset.locator('output').textContent()).toBe('not set');
    expect(await unset.locator('input').getAttribute('aria-valuetext')).toBe('not set');
    await unset.locator('input').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await draft()).journey.curves.at(-1).points.length).toBe(1);
    await check('emotion editor', 'emotions', 'details.section:has(svg.emotion-chart) > summary');
  });

  it.sequential('6. no needless questions; "Draw as new map" when the draft is another journey', async () => {
    await panel.getByRole('button', { name: 'Generate map' }).click();
    await panel.getByText(/^Map drawn: 6 stages, 11 steps, 40 cards\./).waitFor();
    expect(await activeTag()).not.toBe('BODY');
    await check('map drawn');
    await page.locator('svg.page [data-jm-kind="map"]').first().waitFor();
    await page.locator('svg.page [data-jm-kind="card"]:not([data-jm-field])').first().click();
    await panel.getByText(/^Selected:/).waitFor();
    expect(await panel.getByText(/Load its journey\?/).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Update map' }).count()).toBe(1);
    await check('map selected, same journey');
    await panel.getByRole('tab', { name: 'Journey' }).click();
    await step('Journey tab');
    await panel.getByRole('button', { name: 'New journey…' }).click();
    await step('start card');
    await panel.getByRole('button', { name: `Use template ${SAAS}` }).click();
    await panel.getByRole('button', { name: 'Draw as new map' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Update map' }).count()).toBe(0);
    await check('map selected, another journey');
  });

  it.sequential('7. words a designer uses: labels and names, one message per problem, next to the field (the emotion sliders too); toasts fade, errors stay, imports undo', async () => {
    // Undo from the toast brings the retail draft back.
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await draft()).journey.title).toMatch(/sofa/);
    await step('undone');
    // A bad date typed in the JSON: one message, named by the field's label, under the field.
    await panel.getByRole('tab', { name: /^Data/ }).click();
    await step('Data tab');
    const json = panel.getByRole('textbox', { name: 'Journey JSON' });
    const good = await json.inputValue();
    const bad = JSON.parse(good);
    bad.journey.reviewBy = '05/11/2026';
    const steps = bad.journey.stages.flatMap((s: { steps: { id: string; name: string }[] }) => s.steps);
    const curve = bad.journey.curves[0];
    curve.points[0].value = 5;
    await json.fill(JSON.stringify(bad, null, 2));
    await check('JSON with problems');
    await panel.getByRole('tab', { name: 'Journey' }).click();
    await step('Journey tab');
    const summary = panel.locator('.problem-summary');
    if ((await summary.getAttribute('open')) === null) await summary.locator('summary').click();
    await step('problem list opened');
    const list = await panel.locator('.problem-summary .problem').allTextContents();
    expect(list.filter((t) => t.startsWith('Review by'))).toEqual(['Review by: use a date like 2026-03-31 reviewBy']);
    const persona = bad.journey.personas.find((p: { id: string }) => p.id === curve.personaId).name;
    const step0 = steps.find((s: { id: string }) => s.id === curve.points[0].stepId).name;
    expect(list.some((t) => t.startsWith(`${persona} – ${step0}: 5 is outside the scale -2 to 2`)), list.join('\n')).toBe(true);
    const field = panel.locator('#jm-meta-journey-reviewBy');
    expect(await field.getAttribute('aria-describedby')).toContain('jm-meta-journey-reviewBy-error');
    expect(await panel.locator('#jm-meta-journey-reviewBy-error').textContent()).toBe('Use a date like 2026-03-31');
    await panel.getByRole('button', { name: /^Review by: use a date/ }).click();
    await expect.poll(activeId).toBe('jm-meta-journey-reviewBy');
    await check('error next to its field', 'error');
    // The emotion slider with the value off the scale: the message is under it too, tied to it.
    await openSection('Emotions');
    await step('emotions opened');
    await panel.locator('.curve-choice').filter({ hasText: curve.name }).first().click();
    const slider = panel.locator(`input[type="range"][id$="-point-${curve.points[0].stepId}"]`);
    const note = (await slider.getAttribute('aria-describedby')) ?? '';
    expect(note).toMatch(/-error$/);
    expect(await slider.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.locator(`[id="${note}"]`).textContent()).toMatch(/outside the scale -2 to 2/);
    await check('error under its emotion slider', undefined, '.curve-picker');
    await panel.getByRole('button', { name: /^(Generate|Update) map$|^Draw as new map$/ }).click();
    const alert = panel.getByRole('alert').filter({ hasText: /problem/ });
    await alert.waitFor();
    await step('problems alert');
    await page.waitForTimeout(6_500);
    expect(await alert.count(), 'errors stay').toBe(1);
    // Fix both: the error goes; the date is picked with the date picker.
    await field.fill('2026-03-31');
    await step('date fixed');
    expect(await field.getAttribute('type')).toBe('date');
    await panel.getByRole('tab', { name: /^Data/ }).click();
    await step('Data tab');
    const fixed = JSON.parse(await json.inputValue());
    fixed.journey.curves[0].points[0].value = 1;
    await json.fill(JSON.stringify(fixed, null, 2));
    await expect.poll(() => alert.count()).toBe(0);
    await step('emotion fixed');
    // Success toasts fade.
    await panel.getByRole('tab', { name: 'Journey' }).click();
    await step('Journey tab');
    await panel.getByRole('button', { name: /map$/ }).last().click();
    const toast = panel.locator('.banner.toast');
    await toast.waitFor();
    await step('success toast');
    await expect.poll(() => toast.count(), { timeout: 15_000 }).toBe(0);
    await step('toast faded');
  });

  it.sequential('8. less clicking: drag to reorder lanes, stages and steps (buttons kept, and they work from the keyboard), date pickers', async () => {
    await openSection('Lanes');
    await step('lanes opened');
    const labels = () => panel.locator('.lane-item input[id$="-label"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const before = await labels();
    await drag(panel.locator('.lane-item .drag-handle').nth(2), panel.locator('.lane-item').nth(0));
    await expect.poll(labels).toEqual([before[2], before[0], before[1], ...before.slice(3)]);
    await step('lane dragged');
    const down = panel.getByRole('button', { name: `Move lane ${before[2]} down` });
    expect(await down.count()).toBe(1);
    await down.focus();
    await page.keyboard.press('Enter');
    await expect.poll(labels).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
    await step('lane moved with the keyboard');

    await openSection('Stages and steps');
    await step('stages opened');
    const stages = panel.locator('.drag-list[aria-label="Stages, in order"] > li');
    const stageNames = () => panel.locator('.drag-list[aria-label="Stages, in order"] > li input[id$="-name"][id^="jm-stage-"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const s0 = await stageNames();
    await drag(stages.nth(1).locator('> .item-head .drag-handle'), stages.nth(0));
    await expect.poll(stageNames).toEqual([s0[1], s0[0], ...s0.slice(2)]);
    await step('stage dragged');
    expect(await panel.locator('#jm-meta-journey-updated').getAttribute('type')).toBe('date');

    // A step dragged by its grip: within its stage, then into another stage.
    const stepNames = (k: number) => stages.nth(k).locator('.step-row input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const first = await stepNames(0);
    const second = await stepNames(1);
    expect(first.length, 'a stage with two steps to swap').toBeGreaterThanOrEqual(2);
    await drag(stages.nth(0).locator('.step-row').nth(1).locator('.drag-handle'), stages.nth(0).locator('.step-row').nth(0));
    await expect.poll(() => stepNames(0)).toEqual([first[1], first[0], ...first.slice(2)]);
    await step('step dragged within its stage');
    // Into the previous stage: its steps lie further up than the panel is tall (the stage's metrics
    // lie between), so a drag held at the panel's top edge scrolls it there (ui/components/reorder.ts).
    const within = [first[1], first[0], ...first.slice(2)];
    const scroller = panel.locator('.tab-panel');
    const view = (await scroller.boundingBox())!;
    const grip = stages.nth(1).locator('.step-row').nth(0).locator('.drag-handle');
    await grip.scrollIntoViewIfNeeded();
    const g = (await grip.boundingBox())!;
    const top = await scroller.evaluate((el) => el.scrollTop);
    await page.mouse.move(g.x + g.width / 2, g.y + g.height / 2);
    await page.mouse.down();
    await page.mouse.move(g.x + g.width / 2, view.y + 6, { steps: 4 });
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop), { timeout: 10_000 }).toBeLessThan(top - 100);
    // Escape cancels the drag: nothing moves. (Sent in the panel's document, where a designer's
    // key goes once they work in the panel; a pointer press on a grip does not move the focus.)
    await (await panelFrame(page)).evaluate(() => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await page.mouse.up();
    expect(await stepNames(0)).toEqual(within);
    await step('a drag scrolled the panel and was cancelled');
    // The keyboard way across stages: "Move step … earlier" from a stage's first step ends the previous stage.
    const earlier = panel.getByRole('button', { name: `Move step ${second[0]} of ${s0[0]} earlier` });
    await earlier.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stepNames(0)).toEqual([...within, second[0]]);
    expect(await stepNames(1)).toEqual(second.slice(1));
    await step('step moved into the previous stage with the keyboard');


    // A card dragged by its grip into another lane's cell of the grid.
    await openSection('Cards');
    await step('cards opened');
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

  it.sequential('the states that show other UI: sync review, "Load its journey?", import, export, versions and evidence health', async () => {
    await panel.getByRole('button', { name: /^(Generate|Update) map$|^Draw as new map$/ }).click();
    await panel.getByText(/^Map (drawn|updated): /).waitFor();
    await step('map updated');
    // A text edited on the canvas, then "Sync from canvas": the review of the changes.
    const map = page.locator('svg.page [data-jm-kind="map"]').first();
    await map.locator('[data-jm-kind="card"][data-jm-field="text"]').first().dblclick();
    const editor = page.getByRole('textbox', { name: 'Edit text on the canvas' });
    await editor.fill('Measures the living room first');
    await editor.press('Enter');
    await map.locator('[data-jm-kind="card"]:not([data-jm-field])').first().click();
    await panel.getByText(/^Selected:/).waitFor();
    await step('map selected after a canvas edit');
    await panel.getByRole('button', { name: 'Sync from canvas', exact: true }).click();
    const review = panel.getByRole('region', { name: 'Review changes from the canvas' });
    await review.waitFor();
    expect((await review.locator('.change-list li').allTextContents()).join('\n')).toContain('Measures the living room first');
    await check('sync review', 'sync-review');
    await review.getByRole('button', { name: 'Cancel' }).click();
    await step('sync cancelled');

    // The draft edited, then the map selected again: "Load its journey?".
    await panel.locator('#jm-meta-journey-title').fill('Buying a sofa, edited in the panel');
    await step('title edited');
    await page.evaluate(() => window.playground!.canvas.select([]));
    await expect.poll(() => panel.getByText(/^Selected:/).count()).toBe(0);
    await step('map deselected');
    await map.locator('[data-jm-kind="card"]:not([data-jm-field])').first().click();
    await panel.getByText(/Load its journey\?/).waitFor();
    await check('load offer', 'offer');
    await panel.getByRole('button', { name: 'Keep my draft' }).click();
    await step('draft kept');

    // The Data tab: an import that fails, the export options of a spreadsheet, the templates.
    await panel.getByRole('tab', { name: /^Data/ }).click();
    await step('Data tab');
    await panel.getByLabel('Paste JSON, CSV or Mermaid journey text').fill('{"title": 3}');
    await step('import text pasted');
    await panel.getByRole('button', { name: 'Import pasted text' }).click();
    await panel.getByText(/^Could not import the pasted text/).waitFor();
    await check('import problems', undefined, '#jm-import-text');
    await panel.getByRole('radio', { name: 'CSV' }).check();
    await panel.getByRole('group', { name: 'Layout' }).waitFor();
    await check('export as CSV');
    await openSection('Start from a template');
    await check('templates');

    // The living map: versions (saved, compared) and evidence health.
    await openSection('Versions');
    await panel.getByText(/^\d+ versions?, /).waitFor();
    await check('versions');
    await panel.getByLabel('Version name').fill('Before the workshop');
    await step('version named');
    await panel.getByRole('button', { name: 'Save version' }).click();
    await panel.getByText(/^Saved “Before the workshop”/).waitFor();
    await check('version saved');
    await panel.getByRole('button', { name: 'Compare', exact: true }).click();
    await panel.getByRole('button', { name: 'Export changelog (Markdown)' }).waitFor();
    await check('versions compared');
    await openSection('Evidence health');
    const age = panel.getByLabel('Evidence counts as old after (days)');
    await age.waitFor();
    await step('evidence health');
    await age.fill('5000');
    await panel.locator('#jm-evidence-age-error').waitFor();
    await check('evidence health, an age out of range', undefined, '#jm-health > summary');
  });

  it.sequential('9. controls have unique names on every tab with every section open; the plugin made no errors', async () => {
    for (const tab of ['Journey', 'Data', 'Style']) {
      await panel.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      const summaries = panel.locator('details.section:not([open]) > summary');
      for (let n = await summaries.count(); n > 0; n = await summaries.count()) await summaries.first().click();
      await step(`${tab} tab, every section open`);
      expect(await duplicateNames(page), `${tab} tab: controls with the same name`).toEqual([]);
      expect(await smallTargets(page), `${tab} tab: targets under 24 × 24 px`).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
});
