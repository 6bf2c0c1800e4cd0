// Checks the panel tests run after every step: the document never overflows (no second
// scrollbar, nothing sideways, the footer in full) and axe-core finds nothing serious or
// critical in the plugin iframe's document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT } from './harness';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The plugin iframe's frame, with axe-core injected once. */
export async function panelFrame(page: Page): Promise<Frame> {
  const frame = await (await page.$('#plugin-frame'))!.contentFrame();
  if (!frame) throw new Error('no plugin frame');
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
  const frame = await panelFrame(page);
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
