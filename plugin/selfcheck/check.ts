// What every compatibility check shares: its result shape, the scratch area it builds in, and a
// wrapper that turns any error into a failed result, so one broken check never stops the others.
import type { Assumptions, CheckResult } from '../../shared/selfcheck/report';
import type { Scratch } from './scratch';

/** A check's result, and what it measured for the emulator's options. */
export interface CheckOutcome extends CheckResult {
  found?: Partial<Assumptions>;
}

export interface CheckEnv {
  figma: PluginAPI;
  scratch: Scratch;
  /** The temporary frame the checks build in; removed with everything else at the end. */
  root: FrameNode;
}

export type Check = (env: CheckEnv) => Promise<CheckOutcome>;

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A check that never throws: an error becomes `pass: false` with the error's text. */
export function defineCheck(id: string, label: string, body: (env: CheckEnv) => Promise<Omit<CheckOutcome, 'id' | 'label'>>): Check {
  return async (env) => {
    try {
      return { id, label, ...(await body(env)) };
    } catch (e) {
      return { id, label, pass: false, observed: `error: ${errorText(e)}` };
    }
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Rounds a measured length for the report (Figma's geometry is float). */
export const r2 = (n: number): number => Math.round(n * 100) / 100;
