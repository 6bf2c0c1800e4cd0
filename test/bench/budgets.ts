// Reads test/bench/budgets.json and checks measured figures against it. Used by the bench (all
// sizes) and by the CI test test/dist/budgets.test.ts (small and medium sizes only).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { BundleSizes } from './bundle';
import type { SizeResult } from './measure';
import type { UiTiming } from './ui-timing';

const Budget = z.object({
  max: z.number(),
  why: z.string().min(20),
  /** Wall-clock figure: machines differ, so CI multiplies `max` by ci.sliceFactor. */
  wallClock: z.boolean().default(false),
  /** The figure misses its target today; says which code path is responsible. Checked, reported, not failed. */
  knownMiss: z.string().optional(),
  /** false: checked by `npm run bench` only, not by the CI test. */
  ci: z.boolean().default(true),
});
export type Budget = z.output<typeof Budget>;

export const BudgetsSchema = z.object({
  ci: z.object({ sizes: z.array(z.string()).min(1), sliceFactor: z.number().min(1), why: z.string() }),
  perSize: z.record(z.string(), Budget),
  /** Figures over the whole run (need several sizes; bench only). */
  run: z.record(z.string(), Budget),
  bundle: z.record(z.string(), Budget),
  ui: z.record(z.string(), Budget),
});
export type Budgets = z.output<typeof BudgetsSchema>;

export const BUDGETS_FILE = join(import.meta.dirname, 'budgets.json');

export function loadBudgets(file = BUDGETS_FILE): Budgets {
  return BudgetsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface BudgetFailure {
  figure: string;
  size?: string;
  value: number;
  budget: number;
  message: string;
  knownMiss?: string;
}

export interface CheckOptions {
  /** Sizes to check (default: all measured). */
  sizes?: string[];
  /** Multiplier for wall-clock budgets (CI machines vary). */
  sliceFactor?: number;
  /** Checking from CI: skip budgets marked ci:false. */
  ci?: boolean;
}

/** A derived figure: restyle writes as a share of a naive full redraw's writes. */
export function derived(r: SizeResult): Record<string, number> {
  return { restyleShareOfNaive: Math.round((r.restyleWrites / r.naiveRedrawWrites) * 1000) / 1000 };
}

/** How far a value is over its limit, in the figure's units and in per cent. */
export function overBy(value: number, limit: number): string {
  const diff = Math.round((value - limit) * 100) / 100;
  return limit > 0 ? `${diff} (${Math.round(((value - limit) / limit) * 100)}%)` : String(diff);
}

export function checkBudgets(budgets: Budgets, results: SizeResult[], bundle: BundleSizes | null, ui: UiTiming | null, options: CheckOptions = {}, run: Record<string, number | null> = {}): BudgetFailure[] {
  const failures: BudgetFailure[] = [];
  const factor = options.sliceFactor ?? 1;
  const check = (figure: string, value: number | undefined | null, b: Budget, size?: string) => {
    if (options.ci && !b.ci) return;
    if (value === undefined || value === null || Number.isNaN(value)) return;
    const limit = b.wallClock ? b.max * factor : b.max;
    if (value <= limit) return;
    const where = size ? ` (size ${size})` : '';
    const relaxed = b.wallClock && factor !== 1 ? ` (${b.max} × CI factor ${factor})` : '';
    failures.push({
      figure,
      ...(size ? { size } : {}),
      value,
      budget: limit,
      message: `${figure} is ${value}; budget ${limit}${relaxed}, over by ${overBy(value, limit)}${where}${b.knownMiss ? ` [known miss: ${b.knownMiss}]` : ''}`,
      ...(b.knownMiss ? { knownMiss: b.knownMiss } : {}),
    });
  };
  for (const r of results) {
    if (options.sizes && !options.sizes.includes(r.size)) continue;
    const values: Record<string, number> = { ...(r as unknown as Record<string, number>), ...derived(r) };
    for (const [figure, b] of Object.entries(budgets.perSize)) check(figure, values[figure], b, r.size);
  }
  for (const [figure, b] of Object.entries(budgets.run)) check(figure, run[figure], b);
  if (bundle) for (const [figure, b] of Object.entries(budgets.bundle)) check(figure, (bundle as unknown as Record<string, number>)[figure], b);
  if (ui) for (const [figure, b] of Object.entries(budgets.ui)) check(figure, (ui as unknown as Record<string, number>)[figure], b);
  return failures;
}
