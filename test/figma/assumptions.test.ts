// Assumptions: the emulator's choices that no source settles, set from a real-Figma self-check report
// ("journey-mapper-figma-check", version 1). See README.md "Assumptions" and test/figma/assumptions.ts.
import { describe, expect, it } from 'vitest';
import { assumptionsFromReport, createFigma, DEFAULT_ASSUMPTIONS, emulatorOf } from './index';

/** A report as the in-Figma self-check writes it: some observations, some nulls, an unknown key. */
const SAMPLE_REPORT = {
  format: 'journey-mapper-figma-check',
  version: 1,
  editorType: 'figjam',
  apiVersion: '1.0.0',
  ranAt: '2026-09-01T10:00:00.000Z',
  checks: [
    { id: 'vector-fit', label: 'A cubic arc is fitted to its curve', pass: true, observed: 'height 22.24 for handles 29.65' },
    { id: 'fill-in-hug', label: 'FILL cells grow a HUG row', pass: false, observed: 'row stayed 100 high' },
  ],
  costsMicros: { createFrame: 41, setCharacters: 120 },
  assumptions: {
    fillInHugRowGrows: false,
    pluginDataOnClone: 'dropped',
    sharedPluginDataOnClone: null,
    vectorFit: 'tight',
    connectorNestedEndpoints: false,
    globals: ['__html__', 'structuredClone'],
    nodeChangeDelayMs: 40,
    variableModesAllowed: null,
    somethingNewer: 'ignored',
  },
};

describe('assumptions', () => {
  it('defaults: today\'s behaviour where a choice had to be made', () => {
    expect(DEFAULT_ASSUMPTIONS).toEqual({
      fillInHugRowGrows: true,
      pluginDataOnClone: 'copied',
      pluginDataOnPaste: 'copied',
      vectorFit: 'control-points',
      connectorNestedEndpoints: true,
      nodeChangeDelayMs: 16,
      globals: [],
      missingFonts: [],
    });
    expect(emulatorOf(createFigma()).assumptions).toEqual(DEFAULT_ASSUMPTIONS);
  });

  it('assumptionsFromReport reads the assumptions member: values kept, nulls and unknown keys ignored', () => {
    expect(assumptionsFromReport(SAMPLE_REPORT)).toEqual({
      fillInHugRowGrows: false,
      pluginDataOnClone: 'dropped',
      vectorFit: 'tight',
      connectorNestedEndpoints: false,
      globals: ['__html__', 'structuredClone'],
      nodeChangeDelayMs: 40,
    });
    const allNull = { ...SAMPLE_REPORT, assumptions: { fillInHugRowGrows: null, pluginDataOnClone: null, sharedPluginDataOnClone: null, vectorFit: null, connectorNestedEndpoints: null, globals: [], nodeChangeDelayMs: null, variableModesAllowed: null } };
    expect(assumptionsFromReport(allNull)).toEqual({ globals: [] });
    // sharedPluginDataOnClone alone sets the (shared) clone rule: the emulator copies private and shared data alike.
    expect(assumptionsFromReport({ ...allNull, assumptions: { ...allNull.assumptions, sharedPluginDataOnClone: 'dropped' } })).toMatchObject({ pluginDataOnClone: 'dropped' });
  });

  it('assumptionsFromReport refuses what it cannot trust', () => {
    expect(() => assumptionsFromReport({ ...SAMPLE_REPORT, format: 'other' })).toThrow(/not a journey-mapper-figma-check v1 report/);
    expect(() => assumptionsFromReport({ ...SAMPLE_REPORT, version: 2 })).toThrow(/v1 report/);
    expect(() => assumptionsFromReport({ ...SAMPLE_REPORT, assumptions: { ...SAMPLE_REPORT.assumptions, vectorFit: 'bbox' } })).toThrow(/vectorFit/);
    expect(() => assumptionsFromReport({ ...SAMPLE_REPORT, assumptions: { ...SAMPLE_REPORT.assumptions, nodeChangeDelayMs: '40' } })).toThrow(/nodeChangeDelayMs/);
    expect(() => assumptionsFromReport({ ...SAMPLE_REPORT, assumptions: { ...SAMPLE_REPORT.assumptions, sharedPluginDataOnClone: 'copied' } })).toThrow(/differ/);
    expect(() => assumptionsFromReport(null)).toThrow();
  });

  it('an emulator created from the report behaves accordingly', async () => {
    const assumptions = assumptionsFromReport(SAMPLE_REPORT);
    const figma = createFigma({ editorType: 'figjam', assumptions });
    const emu = emulatorOf(figma);
    expect(emu.assumptions).toMatchObject({ ...assumptions, pluginDataOnPaste: 'dropped' });

    // vectorFit 'tight': the arc's box is its curve (3/4 of the handle height), not its control polygon.
    const v = figma.createVector();
    v.vectorPaths = [{ windingRule: 'NONE', data: 'M 0 0 C 0 -40 100 -40 100 0' }];
    expect(v.height).toBeCloseTo(30, 6);

    // fillInHugRowGrows false: a hugging row of FILL cells keeps its height.
    const row = figma.createFrame();
    row.layoutMode = 'HORIZONTAL';
    row.layoutSizingVertical = 'HUG';
    const c = figma.createFrame();
    row.appendChild(c);
    c.layoutMode = 'VERTICAL';
    c.layoutSizingVertical = 'FILL';
    const tall = figma.createRectangle();
    c.appendChild(tall);
    tall.resize(10, 500);
    expect(row.height).toBe(100);

    // pluginDataOnClone 'dropped', and paste follows it.
    c.setPluginData('jm', 'x');
    expect(c.clone().getPluginData('jm')).toBe('');
    expect((emu.user.copyAndPaste(c) as FrameNode).getPluginData('jm')).toBe('');

    // connectorNestedEndpoints false.
    const conn = figma.createConnector();
    expect(() => {
      conn.connectorStart = { endpointNodeId: c.id, magnet: 'AUTO' };
    }).toThrow(/connectorNestedEndpoints=false/);

    // nodeChangeDelayMs 40: nothing after 20 ms, the batch by flush.
    await emu.flush();
    const got: NodeChange[] = [];
    figma.currentPage.on('nodechange', (e) => got.push(...e.nodeChanges));
    row.name = 'row';
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toHaveLength(0);
    await emu.flush();
    expect(got).toHaveLength(1);

    // globals are only stored (the sandbox owner wires them in).
    expect(emu.assumptions.globals).toEqual(['__html__', 'structuredClone']);
  });
});
