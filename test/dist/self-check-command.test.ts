// The "Check Figma compatibility" command (manifest menu 'check'), run as Figma would: the BUILT
// bundle in QuickJS on the emulator, started with figma.command 'check', driven through the same
// messages as the panel. `npm test` builds first.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, startPlugin, type PluginHost } from '../harness/plugin-host';
import { createFigma, emulatorOf } from '../figma/index';
import { COST_OPS, EMULATOR_DEFAULTS, PROBED_GLOBALS, SelfCheckReportSchema, checkStatus, type SelfCheckReport } from '../../shared/selfcheck/report';
import { PROBE_NETWORK, classifyVectorFit } from '../../shared/selfcheck/vector-fit';

const built = existsSync(join(DIST, 'code.js'));
if (!built) console.warn('[selfcheck] SKIPPED: dist/code.js does not exist. Run `npm run build` first.');

const ROOT_NAME = 'Journey Mapper compatibility check (temporary)';

async function runCheck(editorType: 'figma' | 'figjam'): Promise<{ host: PluginHost; report: SelfCheckReport; progress: number[] }> {
  const host = startPlugin({ command: 'check', editorType });
  const { command } = await host.request('launch', {});
  expect(command).toBe('check');
  const { report } = await host.request('selfCheck', {}, 240_000);
  await host.emu.flush();
  const progress = host.pushes.flatMap((p) => (p.type === 'progress' ? [p.payload.done] : []));
  return { host, report, progress };
}

/** What the emulator itself does with the probe network, measured directly (not through the plugin). */
async function emulatorVectorFit() {
  const figma = createFigma({ editorType: 'figma' });
  const v = figma.createVector();
  await v.setVectorNetworkAsync(PROBE_NETWORK as unknown as VectorNetwork);
  return classifyVectorFit(v);
}

describe.skipIf(!built)('Check Figma compatibility, on the emulator', () => {
  it('in Figma Design: a valid report, every check run, nothing left behind, positive costs', async () => {
    const { host, report, progress } = await runCheck('figma');
    // The report is the schema's (the plugin parsed it too; the UI bridge parses it again).
    expect(SelfCheckReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(report).toMatchObject({ format: 'journey-mapper-figma-check', version: 1, editorType: 'figma', apiVersion: '1.0.0' });
    expect(Date.parse(report.ranAt)).toBeGreaterThan(Date.now() - 600_000);
    expect(progress.length).toBeGreaterThanOrEqual(report.checks.length);

    const ids = report.checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'fillInHugRow', 'pluginDataOnClone', 'sharedPluginDataOnClone', 'pluginDataOnUserDuplicate', 'vectorNetworkFit',
      'vectorPathsFit', 'connectorNestedEndpoints', 'sandboxGlobals', 'modernSyntax', 'nodeChangeDelay', 'propertyChangesMerge',
      'variableModes', 'insertChildSameParent', 'textResize', 'layoutModeSizing', 'apiCosts', 'cleanUp',
    ]);
    for (const c of report.checks) expect(c.observed, c.id).not.toMatch(/^error:/);

    // The temporary frame and everything in it is gone, and nothing else is on the page.
    const page = host.emu.inspect(host.figma.currentPage);
    expect(JSON.stringify(page)).not.toContain(ROOT_NAME);
    expect(page.children).toEqual([]);
    expect(host.emu.errors).toEqual([]);

    for (const op of COST_OPS) {
      expect(report.costsMicros[op], op).toBeTypeOf('number');
      // The first font load is one call timed with Date.now (1 ms steps, the sandbox has no
      // performance.now): it may round to 0. Every batched cost repeats until it is measurable.
      if (op === 'loadFontAsync.first') expect(report.costsMicros[op], op).toBeGreaterThanOrEqual(0);
      else expect(report.costsMicros[op], op).toBeGreaterThan(0);
    }

    // Design has no connectors and the emulator no variables: reported, not failed.
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(checkStatus(byId.connectorNestedEndpoints!)).toBe('not checked');
    expect(byId.variableModes!.observed).toMatch(/^not available in this editor: not supported by the emulator: figma\.variables/);
    expect(checkStatus(byId.pluginDataOnUserDuplicate!)).toBe('not checked');
    expect(byId.pluginDataOnUserDuplicate!.observed).toMatch(/^not checkable by a plugin/);

    // The emulator reads back as its own defaults, with the globals QuickJS lacks and next-macrotask events.
    const vectorFit = await emulatorVectorFit();
    expect(report.assumptions).toEqual({
      ...EMULATOR_DEFAULTS,
      vectorFit,
      connectorNestedEndpoints: null,
      nodeChangeDelayMs: report.assumptions.nodeChangeDelayMs,
    });
    expect(report.assumptions.nodeChangeDelayMs).toBeGreaterThanOrEqual(0);
    expect(report.assumptions.nodeChangeDelayMs).toBeLessThan(1000);
    expect(report.assumptions.globals.filter((g) => !PROBED_GLOBALS.includes(g as never))).toEqual([]);

    // On the default emulator every check passes: it behaves as its own defaults say (one fitting
    // rule for vector paths and networks, test/figma/nodes/shapes.ts fitBounds).
    expect(vectorFit).toBe(EMULATOR_DEFAULTS.vectorFit);
    expect(report.checks.filter((c) => !c.pass).map((c) => c.id)).toEqual([]);
  }, 300_000);

  it('in FigJam: nested connector endpoints are checked, and the connector is removed too', async () => {
    const { host, report } = await runCheck('figjam');
    expect(report.editorType).toBe('figjam');
    const connector = report.checks.find((c) => c.id === 'connectorNestedEndpoints')!;
    expect(checkStatus(connector)).toBe('pass');
    expect(report.assumptions.connectorNestedEndpoints).toBe(true);
    expect(host.emu.inspect(host.figma.currentPage).children).toEqual([]);
    expect(report.checks.find((c) => c.id === 'cleanUp')!.pass).toBe(true);
  }, 300_000);

  it('the normal launch answers launch with its command, and the panel opens as before', async () => {
    const host = startPlugin({ command: 'open' });
    expect(await host.request('launch', {})).toEqual({ command: 'open' });
    expect(host.emu.ui.options?.title).toBe('Journey Mapper');
  });

  it('the check command refuses map requests (no map service runs)', async () => {
    const host = startPlugin({ command: 'check' });
    await expect(host.request('readSelection', {})).rejects.toThrow(/Not available while the compatibility check runs/);
  });
});

describe('figma.command in the emulator', () => {
  it('is the command option, read-only, and empty by default', () => {
    expect(createFigma().command).toBe('');
    const figma = createFigma({ command: 'check' });
    expect(figma.command).toBe('check');
    expect(() => ((figma as { command: string }).command = 'x')).toThrow(/no setter/);
    expect(emulatorOf(figma).ui.open).toBe(false);
  });

  it('the manifest has both menu commands and keeps the relaunch button', () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../manifest.json'), 'utf8')) as { menu: unknown; relaunchButtons: unknown };
    expect(manifest.menu).toEqual([
      { name: 'Open Journey Mapper', command: 'open' },
      { name: 'Check Figma compatibility', command: 'check' },
    ]);
    expect(manifest.relaunchButtons).toEqual([{ command: 'open', name: 'Edit journey map' }]);
  });
});

describe('a self-check report tunes the emulator', () => {
  // What a report from real Figma might say where it differs from the emulator's defaults.
  const observedInFigma = { fillInHugRowGrows: false, pluginDataOnClone: 'dropped' as const, vectorFit: 'tight' as const, nodeChangeDelayMs: 120 };

  it.skipIf(!built)('an emulator set from a report behaves as the report says, so the command on it reports the same again', async () => {
    const { assumptionsFromReport } = await import('../figma/assumptions');
    const host = startPlugin({ command: 'check', assumptions: observedInFigma });
    const { report } = await host.request('selfCheck', {}, 240_000);
    const tuned = assumptionsFromReport(JSON.parse(JSON.stringify(report)));
    expect(tuned).toMatchObject({ fillInHugRowGrows: false, pluginDataOnClone: 'dropped', vectorFit: 'tight' });
    expect(tuned.nodeChangeDelayMs).toBeGreaterThanOrEqual(100);
    // The checks that compare with the defaults now fail, and say what they saw.
    const failing = report.checks.filter((c) => !c.pass).map((c) => c.id);
    expect(failing).toEqual(expect.arrayContaining(['fillInHugRow', 'pluginDataOnClone', 'vectorNetworkFit']));
  }, 300_000);
});
