// The "Check Figma compatibility" command's work: runs every check on a temporary frame, times the
// cost batch, removes everything it created (even when a check fails) and returns the report
// (shared/selfcheck/report.ts). Runs in any editor the manifest allows, on the current page.
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  SelfCheckReportSchema,
  type Assumptions,
  type CheckResult,
  type CostOp,
  type SelfCheckReport,
} from '../../shared/selfcheck/report';
import { yieldToFigma } from '../yield';
import type { Check, CheckEnv, CheckOutcome } from './check';
import { costCheck } from './costs';
import { Scratch } from './scratch';
import { connectorNestedEndpoints } from './checks/connectors';
import { fillInHugRow } from './checks/fill-in-hug';
import { modernSyntax, sandboxGlobals } from './checks/globals';
import { nodeChangeDelay, propertyChangesMerge } from './checks/node-change';
import { pluginDataOnClone, pluginDataOnUserDuplicate, sharedPluginDataOnClone } from './checks/plugin-data';
import { insertChildSameParent, layoutModeSizing, textResize } from './checks/tree-and-text';
import { variableModes } from './checks/variables';
import { vectorNetworkFit, vectorPathsFit } from './checks/vector-fit';

export const ROOT_NAME = 'Journey Mapper compatibility check (temporary)';

export const CHECKS: readonly Check[] = [
  fillInHugRow,
  pluginDataOnClone,
  sharedPluginDataOnClone,
  pluginDataOnUserDuplicate,
  vectorNetworkFit,
  vectorPathsFit,
  connectorNestedEndpoints,
  sandboxGlobals,
  modernSyntax,
  nodeChangeDelay,
  propertyChangesMerge,
  variableModes,
  insertChildSameParent,
  textResize,
  layoutModeSizing,
];

/** Checks plus the cost batch plus the clean-up check. */
export const STEP_COUNT = CHECKS.length + 2;

const NOTHING_FOUND: Assumptions = {
  fillInHugRowGrows: null,
  pluginDataOnClone: null,
  sharedPluginDataOnClone: null,
  vectorFit: null,
  connectorNestedEndpoints: null,
  globals: [],
  nodeChangeDelayMs: null,
  variableModesAllowed: null,
};

export type Progress = (phase: string, done: number, total: number) => void;

export async function runSelfCheck(figma: PluginAPI, progress: Progress = () => {}): Promise<SelfCheckReport> {
  const scratch = new Scratch();
  const outcomes: CheckOutcome[] = [];
  let costs: Partial<Record<CostOp, number>> = {};
  let root: FrameNode | null = null;
  try {
    root = scratch.track(figma.createFrame());
    root.name = ROOT_NAME;
    root.fills = [];
    root.clipsContent = false;
    // Out of the way of the user's work: far above and left of the page's origin.
    root.x = -100_000;
    root.y = -100_000;
    root.resize(1000, 1000);
    const env: CheckEnv = { figma, scratch, root };
    const steps = [...CHECKS, costCheck((c) => (costs = c))];
    for (const [i, check] of steps.entries()) {
      progress('Checking', i, STEP_COUNT);
      outcomes.push(await check(env));
      await yieldToFigma();
    }
  } finally {
    scratch.dispose();
  }
  progress('Checking', STEP_COUNT - 1, STEP_COUNT);
  const left = scratch.leftovers();
  outcomes.push({
    id: 'cleanUp',
    label: 'Everything the check created was removed',
    pass: left.length === 0 && scratch.problems.length === 0 && (root?.removed ?? false),
    observed: left.length || scratch.problems.length ? `left behind: ${left.map((n) => n.name).join(', ') || 'none'}; problems: ${scratch.problems.join('; ') || 'none'}` : 'temporary frame and every node and variable collection removed',
  });
  progress('Checking', STEP_COUNT, STEP_COUNT);

  const assumptions: Assumptions = { ...NOTHING_FOUND };
  for (const o of outcomes) Object.assign(assumptions, o.found ?? {});
  const checks: CheckResult[] = outcomes.map(({ id, label, pass, observed }) => ({ id, label, pass, observed }));
  return SelfCheckReportSchema.parse({
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    // The manifest lists only these two editors.
    editorType: figma.editorType === 'figjam' ? 'figjam' : 'figma',
    apiVersion: String(figma.apiVersion),
    ranAt: new Date().toISOString(),
    checks,
    costsMicros: costs,
    assumptions,
  } satisfies SelfCheckReport);
}
