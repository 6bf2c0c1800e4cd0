// The report format (shared/selfcheck/report.ts) and the vector-fit classifier.
import { describe, expect, it } from 'vitest';
import { checkStatus, EMULATOR_DEFAULTS, formatReport, parseReport, SelfCheckReportSchema, type SelfCheckReport } from '../../shared/selfcheck/report';
import { candidateBoxes, classifyVectorFit } from '../../shared/selfcheck/vector-fit';
import { hashLoop, jsonRoundTrip } from '../../shared/selfcheck/workload';

const sample: SelfCheckReport = {
  format: 'journey-mapper-figma-check',
  version: 1,
  editorType: 'figma',
  apiVersion: '1.0.0',
  ranAt: '2026-11-29T10:00:00.000Z',
  checks: [{ id: 'a', label: 'A', pass: true, observed: 'ok' }],
  costsMicros: { createFrame: 12.5 },
  assumptions: { ...EMULATOR_DEFAULTS },
};

describe('report format', () => {
  it('round-trips through formatReport and parseReport', () => {
    expect(parseReport(formatReport(sample))).toEqual(sample);
  });

  it('refuses what is not a report, naming the first problem', () => {
    expect(() => parseReport({ ...sample, format: 'other' })).toThrow(/format/);
    expect(() => parseReport({ ...sample, assumptions: { ...sample.assumptions, vectorFit: 'bounds' } })).toThrow(/assumptions\.vectorFit/);
    expect(() => parseReport({ ...sample, costsMicros: { x: -1 } })).toThrow(/costsMicros\.x/);
    expect(() => parseReport({ ...sample, ranAt: 'yesterday' })).toThrow(/ranAt/);
    const { assumptions: _dropped, ...noAssumptions } = sample;
    expect(SelfCheckReportSchema.safeParse(noAssumptions).success).toBe(false);
  });

  it('tells pass, fail and not checked apart', () => {
    expect(checkStatus({ id: 'x', label: '', pass: true, observed: '3 ms' })).toBe('pass');
    expect(checkStatus({ id: 'x', label: '', pass: false, observed: 'error: boom' })).toBe('fail');
    expect(checkStatus({ id: 'x', label: '', pass: true, observed: 'not checkable by a plugin: user action' })).toBe('not checked');
    expect(checkStatus({ id: 'x', label: '', pass: true, observed: 'not available in this editor: FigJam only' })).toBe('not checked');
  });
});

describe('vector fit', () => {
  it('has three distinct candidate boxes for the probe', () => {
    const b = candidateBoxes();
    expect(b.vertices).toEqual({ x: 0, y: 0, width: 100, height: 0 });
    expect(b['control-points']).toEqual({ x: -30, y: -60, width: 160, height: 60 });
    expect(b.tight.height).toBeCloseTo(45, 5);
    expect(b.tight.width).toBeCloseTo(107.53, 1);
  });

  it('classifies observed sizes within half a pixel, or not at all', () => {
    expect(classifyVectorFit({ width: 160, height: 60 })).toBe('control-points');
    expect(classifyVectorFit({ width: 107.6, height: 45.2 })).toBe('tight');
    expect(classifyVectorFit({ width: 100, height: 0.01 })).toBe('vertices');
    expect(classifyVectorFit({ width: 130, height: 60 })).toBeNull();
  });
});

describe('pure-JS workload', () => {
  it('is deterministic', () => {
    expect(jsonRoundTrip()).toBe(jsonRoundTrip());
    expect(hashLoop()).toBe(hashLoop());
  });
});
