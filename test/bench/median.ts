// Folds several runs of the same size into one result: every number becomes the median of its runs
// (nested records key by key), everything else is taken from the first run. Counts (nodes, writes)
// are the same in every run, so their median is that count; times vary with the machine's load.
import type { SizeResult } from './measure';

export function median(values: number[]): number {
  if (!values.length) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function medianOf(values: unknown[]): unknown {
  const first = values[0];
  if (typeof first === 'number') return median(values.filter((v): v is number => typeof v === 'number'));
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    const keys = new Set(values.flatMap((v) => Object.keys(v as object)));
    return Object.fromEntries([...keys].map((k) => [k, medianOf(values.map((v) => (v as Record<string, unknown>)[k]).filter((x) => x !== undefined))]));
  }
  return first;
}

export function medianResult(runs: SizeResult[]): SizeResult {
  if (!runs.length) throw new Error('no runs to fold');
  return medianOf(runs) as SizeResult;
}

/** Count figures that differ between runs: they should not, and the bench says so when they do. */
export function unstableCounts(runs: SizeResult[], keys: (keyof SizeResult)[] = ['nodes', 'writes', 'rerenderWrites', 'oneCardEditWrites', 'restyleWrites', 'syncApplyWrites']): string[] {
  return keys.filter((k) => new Set(runs.map((r) => r[k])).size > 1).map((k) => `${String(k)}: ${runs.map((r) => r[k]).join(' / ')}`);
}
