/**
 * Behaviour the emulator cannot take from a source: each field is a choice a real-Figma self-check can settle.
 *   createFigma({ assumptions: { vectorFit: 'tight' } })
 *   createFigma({ assumptions: assumptionsFromReport(JSON.parse(reportText)) })
 * The self-check report ("journey-mapper-figma-check", version 1) carries an `assumptions` member; a null
 * there means "not observed" and keeps the default. See README.md "Assumptions".
 */
import * as z from 'zod';

export type VectorFit = 'control-points' | 'tight' | 'vertices';
export type PluginDataCopy = 'copied' | 'dropped';

export interface EmulatorAssumptions {
  /**
   * A HUG auto-layout frame whose children FILL its counter axis. true: the frame grows to the largest
   * FILL child's content (the emulator's long-standing behaviour). false: FILL children do not size the
   * frame; it hugs its other children (or keeps its height when every child FILLs) and the FILL children
   * collapse to it. [unverified] No source settles this (README "Assumptions").
   */
  fillInHugRowGrows: boolean;
  /** `node.clone()` and Cmd+D (`emu.user.duplicate`): private and shared plugin data copied or dropped. [unverified] */
  pluginDataOnClone: PluginDataCopy;
  /** Cut/copy and paste (`emu.user.cutAndPaste`, `copyAndPaste`). Default: the same as pluginDataOnClone. [unverified] */
  pluginDataOnPaste: PluginDataCopy;
  /**
   * How a vector's box is fitted to its geometry, for `vectorPaths` and `setVectorNetworkAsync` alike.
   * 'control-points': bounds of every vertex and control point; 'tight': the curves' true bounds;
   * 'vertices': vertices only. [unverified] which one Figma uses.
   */
  vectorFit: VectorFit;
  /** FigJam connector endpoints: true, any node; false, only nodes whose parent is a page or a section. [unverified] */
  connectorNestedEndpoints: boolean;
  /** Delay before a batch of nodechange/documentchange/selectionchange is delivered, in ms. */
  nodeChangeDelayMs: number;
  /** Sandbox globals observed in Figma beyond the documented ones. Stored only; the sandbox owner wires it in. */
  globals: string[];
  /** Fonts the document uses that this editor cannot load: `hasMissingFont` is true and `loadFontAsync` rejects. */
  missingFonts: FontName[];
}

export const DEFAULT_ASSUMPTIONS: Readonly<EmulatorAssumptions> = Object.freeze({
  fillInHugRowGrows: true,
  pluginDataOnClone: 'copied',
  pluginDataOnPaste: 'copied',
  vectorFit: 'control-points',
  connectorNestedEndpoints: true,
  nodeChangeDelayMs: 16,
  globals: Object.freeze([]) as unknown as string[],
  missingFonts: Object.freeze([]) as unknown as FontName[],
});

/** Fill in defaults; pluginDataOnPaste follows pluginDataOnClone unless given. */
export function resolveAssumptions(partial: Partial<EmulatorAssumptions> = {}): EmulatorAssumptions {
  const given = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) as Partial<EmulatorAssumptions>;
  const out: EmulatorAssumptions = {
    ...DEFAULT_ASSUMPTIONS,
    ...given,
    pluginDataOnPaste: given.pluginDataOnPaste ?? given.pluginDataOnClone ?? DEFAULT_ASSUMPTIONS.pluginDataOnPaste,
    globals: [...(given.globals ?? [])],
    missingFonts: (given.missingFonts ?? []).map((f) => ({ family: f.family, style: f.style })),
  };
  if (!Number.isFinite(out.nodeChangeDelayMs) || out.nodeChangeDelayMs < 0) throw new Error('assumptions.nodeChangeDelayMs must be a number >= 0');
  return out;
}

const copyMode = z.enum(['copied', 'dropped']);
/** The `assumptions` member of a self-check report. Every field may be null (not observed) or absent; unknown keys are ignored. */
const ReportAssumptions = z.looseObject({
  fillInHugRowGrows: z.boolean().nullish(),
  pluginDataOnClone: copyMode.nullish(),
  sharedPluginDataOnClone: copyMode.nullish(),
  vectorFit: z.enum(['control-points', 'tight', 'vertices']).nullish(),
  connectorNestedEndpoints: z.boolean().nullish(),
  globals: z.array(z.string()).nullish(),
  nodeChangeDelayMs: z.number().min(0).nullish(),
  variableModesAllowed: z.number().nullish(),
});
const Report = z.looseObject({
  format: z.literal('journey-mapper-figma-check'),
  version: z.literal(1),
  assumptions: ReportAssumptions,
});

/**
 * Reads a self-check report (parsed JSON) into emulator assumptions. Throws if it is not a version-1
 * report or a field has the wrong type; nulls and unknown keys are ignored. `sharedPluginDataOnClone`
 * and `variableModesAllowed` have no emulator counterpart of their own: shared data follows
 * `pluginDataOnClone` (the emulator copies both kinds alike), so a report where the two differ is refused.
 */
export function assumptionsFromReport(json: unknown): Partial<EmulatorAssumptions> {
  const parsed = Report.safeParse(json);
  if (!parsed.success) throw new Error(`assumptionsFromReport: not a journey-mapper-figma-check v1 report: ${z.prettifyError(parsed.error)}`);
  const a = parsed.data.assumptions;
  const out: Partial<EmulatorAssumptions> = {};
  if (a.fillInHugRowGrows != null) out.fillInHugRowGrows = a.fillInHugRowGrows;
  if (a.pluginDataOnClone != null && a.sharedPluginDataOnClone != null && a.pluginDataOnClone !== a.sharedPluginDataOnClone) {
    throw new Error('assumptionsFromReport: pluginDataOnClone and sharedPluginDataOnClone differ; the emulator treats private and shared plugin data alike');
  }
  const clone = a.pluginDataOnClone ?? a.sharedPluginDataOnClone;
  if (clone != null) out.pluginDataOnClone = clone;
  if (a.vectorFit != null) out.vectorFit = a.vectorFit;
  if (a.connectorNestedEndpoints != null) out.connectorNestedEndpoints = a.connectorNestedEndpoints;
  if (a.nodeChangeDelayMs != null) out.nodeChangeDelayMs = a.nodeChangeDelayMs;
  if (a.globals != null) out.globals = [...a.globals];
  return out;
}
