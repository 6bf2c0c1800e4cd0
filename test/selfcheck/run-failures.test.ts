// runSelfCheck (plugin/selfcheck/run.ts) straight on the emulator, in Node, where things go wrong:
// a check that throws is reported with its error and does not stop the others, and everything the
// check created is removed all the same.
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from '../figma/index';
import { CHECKS, runSelfCheck, STEP_COUNT } from '../../plugin/selfcheck/run';
import { defineCheck } from '../../plugin/selfcheck/check';
import { SelfCheckReportSchema } from '../../shared/selfcheck/report';

describe('runSelfCheck when checks fail', () => {
  it('reports an error per failing check, runs the rest, and removes everything', async () => {
    // No fonts: every font load throws (text resize, the cost batch).
    const figma = createFigma({ editorType: 'figma', documentAccess: 'dynamic-page', fonts: [] });
    const emu = emulatorOf(figma);
    const steps: number[] = [];
    const report = await runSelfCheck(figma, (_phase, done, total) => {
      expect(total).toBe(STEP_COUNT);
      steps.push(done);
    });
    expect(SelfCheckReportSchema.parse(report)).toEqual(report);
    expect(report.checks).toHaveLength(STEP_COUNT);
    expect(steps.at(-1)).toBe(STEP_COUNT);
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    for (const id of ['textResize', 'apiCosts']) {
      expect(byId[id]!.pass, id).toBe(false);
      expect(byId[id]!.observed, id).toMatch(/^error: .*Inter/);
    }
    expect(byId.fillInHugRow!.pass).toBe(true);
    expect(byId.cleanUp).toMatchObject({ pass: true });
    expect(emu.inspect(figma.currentPage).children).toEqual([]);
    expect(report.costsMicros).toEqual({});
  });

  it('defineCheck turns a throw into a failed result with the error text', async () => {
    const figma = createFigma();
    const broken = defineCheck('broken', 'Throws', async () => {
      throw new Error('in set_x: boom');
    });
    const root = figma.createFrame();
    const { Scratch } = await import('../../plugin/selfcheck/scratch');
    expect(await broken({ figma, scratch: new Scratch(), root })).toEqual({ id: 'broken', label: 'Throws', pass: false, observed: 'error: in set_x: boom' });
  });

  it('has one function per check, each with its own id', () => {
    expect(CHECKS.length).toBe(STEP_COUNT - 2);
  });
});
