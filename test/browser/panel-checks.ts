// Checks the panel tests run: the document never overflows (no second scrollbar, nothing
// sideways, the footer in full), axe-core finds nothing serious or critical in the plugin
// iframe's document, every pointer target is at least 24 × 24 px and no two controls share a name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT } from './harness';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const frames = new WeakMap<Page, Frame>();

/** The plugin iframe's frame (looked up once per page, the checks run often). */
async function pluginFrame(page: Page): Promise<Frame> {
  const known = frames.get(page);
  if (known && !known.isDetached()) return known;
  const frame = await (await page.$('#plugin-frame'))!.contentFrame();
  if (!frame) throw new Error('no plugin frame');
  frames.set(page, frame);
  return frame;
}

/** The plugin iframe's frame, with axe-core injected once. */
export async function panelFrame(page: Page): Promise<Frame> {
  const frame = await pluginFrame(page);
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.addScriptTag({ content: AXE });
  return frame;
}

export interface Layout {
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  scrollTop: number;
  scrollLeft: number;
  footerBottom: number;
  footerRight: number;
  innerHeight: number;
  innerWidth: number;
}

/** The document's own size and scroll, and where the action bar ends. */
export async function layoutOf(page: Page): Promise<Layout> {
  const frame = await pluginFrame(page);
  return frame.evaluate(() => {
    const d = document.scrollingElement ?? document.documentElement;
    const footer = document.querySelector('.action-bar')!.getBoundingClientRect();
    return {
      scrollWidth: Math.max(d.scrollWidth, document.body.scrollWidth),
      clientWidth: d.clientWidth,
      scrollHeight: Math.max(d.scrollHeight, document.body.scrollHeight),
      clientHeight: d.clientHeight,
      scrollTop: d.scrollTop + document.body.scrollTop,
      scrollLeft: d.scrollLeft + document.body.scrollLeft,
      footerBottom: footer.bottom,
      footerRight: footer.right,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
    };
  });
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core on the panel's document; only serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const frame = await panelFrame(page);
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/** What every check below looks at: the controls a designer can reach with the pointer or the keyboard. */
const CONTROLS = 'button, input:not([type="hidden"]), select, textarea, a[href], summary, [role="button"], [role="tab"], [role="checkbox"], [role="radio"], [role="slider"], [tabindex="0"]';

/**
 * Pointer targets smaller than 24 × 24 px (WCAG 2.5.8), measured with getBoundingClientRect:
 * every visible control and drag grip. A control inside its label counts as the label (the
 * label takes the click: a checkbox's row, a segmented button). Inline targets in a line of
 * text are exempt, as WCAG allows.
 */
export async function smallTargets(page: Page): Promise<string[]> {
  const frame = await pluginFrame(page);
  return frame.evaluate((controls) => {
    const out = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>(`${controls}, .drag-handle`)) {
      if (!el.checkVisibility() || el.closest('details:not([open]) > :not(summary)')) continue;
      const target = (el.matches('input, select, textarea') && el.closest('label')) || el;
      if (getComputedStyle(target).display === 'inline') continue;
      const b = target.getBoundingClientRect();
      if (b.width >= 24 && b.height >= 24) continue;
      const name = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.id ?? '';
      out.add(`${target.tagName.toLowerCase()}.${[...target.classList].join('.')} “${name || (target.textContent ?? '').trim().slice(0, 40)}” ${b.width.toFixed(0)}×${b.height.toFixed(0)}`);
    }
    return [...out];
  }, CONTROLS);
}

/**
 * Accessible names (axe-core's computation) that more than one visible control has. With a modal
 * dialog open, only the dialog counts (the rest is out of reach). The one exception: a radio
 * button is named together with its group ("Format: JSON"), because that is how it is announced
 * and chosen: "JSON, radio button, 1 of 5, Format". The same word can be a choice in one group
 * and a control elsewhere (the Export format "JSON" and the Data tab's "JSON" section).
 */
export async function duplicateNames(page: Page): Promise<string[]> {
  const frame = await panelFrame(page);
  return frame.evaluate((controls) => {
    const axe = (window as unknown as { axe: { setup(d: Document): void; teardown(): void; commons: { text: { accessibleText(el: Element): string } } } }).axe;
    axe.setup(document);
    try {
      const name = (el: Element) => axe.commons.text.accessibleText(el).replace(/\s+/g, ' ').trim();
      const modal = [...document.querySelectorAll('[aria-modal="true"]')].find((el) => el.checkVisibility());
      const seen = new Map<string, number>();
      for (const el of (modal ?? document).querySelectorAll<HTMLElement>(controls)) {
        if (!el.checkVisibility() || el.closest('details:not([open]) > :not(summary), [aria-hidden="true"], [inert]')) continue;
        let n = name(el);
        if (el.matches('input[type="radio"], [role="radio"]')) {
          const group = el.closest('fieldset, [role="radiogroup"]');
          const groupName = !group ? '' : group.matches('fieldset') ? (group.querySelector(':scope > legend')?.textContent ?? '').replace(/\s+/g, ' ').trim() : name(group);
          n = `${groupName}: ${n}`;
        }
        seen.set(n, (seen.get(n) ?? 0) + 1);
      }
      return [...seen].filter(([, c]) => c > 1).map(([n, c]) => `“${n}” ×${c}`);
    } finally {
      axe.teardown();
    }
  }, CONTROLS);
}
