// The report of the "Check Figma compatibility" command (plugin/selfcheck): what a real Figma
// editor did where no source settles what the emulator (test/figma) assumes, and what its API
// calls cost. One schema for the plugin that builds it, the panel that shows it and the emulator
// that reads its `assumptions` back (test/figma/reports/). Pure: no figma, no DOM.
import * as z from 'zod/mini';

export const REPORT_FORMAT = 'journey-mapper-figma-check';
export const REPORT_VERSION = 1;

export const CheckResultSchema = z.object({
  id: z.string().check(z.minLength(1)),
  label: z.string(),
  /** True when Figma behaves as the emulator assumes by default (EMULATOR_DEFAULTS). */
  pass: z.boolean(),
  /** What was seen, in words and numbers; the error text when the check itself failed. */
  observed: z.string(),
});
export type CheckResult = z.output<typeof CheckResultSchema>;

const copiedOrDropped = z.nullable(z.enum(['copied', 'dropped']));

/** What the emulator can be set to. null: not measured here (another editor, or the check failed). */
export const AssumptionsSchema = z.object({
  /** A HUG row whose cells are FILL height grows to the tallest cell's content. */
  fillInHugRowGrows: z.nullable(z.boolean()),
  pluginDataOnClone: copiedOrDropped,
  sharedPluginDataOnClone: copiedOrDropped,
  /**
   * The box a vector network is fitted to: the vertices and their Bézier control points
   * ('control-points'), the curve itself ('tight'), or the vertices only ('vertices').
   */
  vectorFit: z.nullable(z.enum(['control-points', 'tight', 'vertices'])),
  /** FigJam connectors accept frames nested several levels deep as endpoints. */
  connectorNestedEndpoints: z.nullable(z.boolean()),
  /** The probed non-ECMAScript globals (PROBED_GLOBALS) that exist in the sandbox. */
  globals: z.array(z.string()),
  /** Milliseconds from a write to the page's nodechange batch that reports it. */
  nodeChangeDelayMs: z.nullable(z.number().check(z.gte(0))),
  /** Modes one variable collection could have on this file's plan (addMode until refused). */
  variableModesAllowed: z.nullable(z.number().check(z.int(), z.gte(0))),
});
export type Assumptions = z.output<typeof AssumptionsSchema>;

export const SelfCheckReportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(REPORT_VERSION),
  editorType: z.enum(['figma', 'figjam']),
  apiVersion: z.string(),
  ranAt: z.iso.datetime(),
  checks: z.array(CheckResultSchema),
  /** Microseconds per operation; names in COST_OPS. */
  costsMicros: z.record(z.string(), z.number().check(z.gte(0))),
  assumptions: AssumptionsSchema,
});
export type SelfCheckReport = z.output<typeof SelfCheckReportSchema>;

/** What the emulator assumes when no report tunes it; a check passes when Figma agrees. */
export const EMULATOR_DEFAULTS: Assumptions = Object.freeze({
  fillInHugRowGrows: true,
  pluginDataOnClone: 'copied',
  sharedPluginDataOnClone: 'copied',
  vectorFit: 'control-points',
  connectorNestedEndpoints: true,
  globals: [],
  nodeChangeDelayMs: null,
  variableModesAllowed: null,
}) as Assumptions;

/** Globals beyond ECMAScript that plugin code might reach for; the report lists those present. */
export const PROBED_GLOBALS = [
  'TextEncoder', 'TextDecoder', 'structuredClone', 'atob', 'btoa', 'Intl', 'URL', 'URLSearchParams', 'crypto',
  'performance', 'queueMicrotask', 'fetch', 'WebAssembly', 'setImmediate', 'requestAnimationFrame', 'Blob',
  'window', 'document', 'self', 'process', 'require', 'Buffer',
] as const;

/**
 * The cost names, stable so the bench can multiply its own call counts by them. API operations
 * are named as the emulator's `writesByProperty` counts them (the property or method name).
 * Units: microseconds per call; `js.*` per run of the fixed workload in shared/selfcheck/workload.ts,
 * which the bench runs in Node too, to estimate the interpreter factor.
 */
export const COST_OPS = [
  'createFrame', 'createText', 'appendChild', 'x', 'name', 'fills', 'characters', 'setPluginData',
  'setSharedPluginData', 'loadFontAsync', 'loadFontAsync.first', 'setTimeout0', 'js.jsonRoundTrip', 'js.hashLoop',
] as const;
export type CostOp = (typeof COST_OPS)[number];

/**
 * How many of each operation one round of the timed batch makes. Writes, plugin data, characters
 * and the JS workload repeat in rounds until 10 ms were timed (plugin/selfcheck/costs.ts); the
 * costs are per call either way.
 */
export const COST_BATCH = Object.freeze({
  frames: 200,
  texts: 200,
  /** x, name and fills on the 200 frames: 2,000 writes in all. */
  writes: { x: 800, name: 600, fills: 600 },
  pluginData: 200,
  fontLoads: 20,
  timeouts: 50,
  jsRuns: 5,
});

/** Observed text of a check a plugin cannot run at all (a user's duplicate, cut and paste). */
export const NOT_CHECKABLE = 'not checkable by a plugin';
/** Observed text of a check whose API this editor does not have (connectors in Design, say). */
export const NOT_AVAILABLE = 'not available in this editor';

export type CheckStatus = 'pass' | 'fail' | 'not checked';

/** pass/fail, or 'not checked' for a check that could not run here (it passes: nothing contradicts the emulator). */
export function checkStatus(c: CheckResult): CheckStatus {
  if (c.observed.startsWith(NOT_CHECKABLE) || c.observed.startsWith(NOT_AVAILABLE)) return 'not checked';
  return c.pass ? 'pass' : 'fail';
}

/** Reads a pasted report (JSON text or a parsed value); throws with the first problem. */
export function parseReport(input: string | unknown): SelfCheckReport {
  const value: unknown = typeof input === 'string' ? JSON.parse(input) : input;
  const parsed = SelfCheckReportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Not a Journey Mapper compatibility report: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
}

/** The report as the Copy button copies it and a file in test/figma/reports/ holds it. */
export function formatReport(report: SelfCheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
