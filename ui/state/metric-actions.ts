// A stage's metrics (KPIs): add, change and remove them. A new metric gets an id unique across the
// journey (shared/model/ids.ts); a metric a file brought in without an id (the schema allows it)
// is named by its place in the stage's list instead, and keeps having no id.
import type { Journey, Metric } from '../../shared/model';
import { LIMITS } from '../../shared/model';
import { IdAllocator } from '../../shared/model/ids';
import { patched } from './patch';

/** A stage's metric: its id, or its index in the stage's list for one without an id. */
export type MetricRef = string | number;

type Known = Pick<Metric, 'name' | 'value' | 'target' | 'unit' | 'direction' | 'date' | 'source'>;
/** The fields the panel edits; `undefined` removes an optional one. */
export type MetricPatch = { [P in keyof Known]?: Known[P] | undefined };

export type MetricAction =
  | { type: 'addMetric'; stageId: string; name?: string }
  | { type: 'updateMetric'; stageId: string; metric: MetricRef; patch: MetricPatch }
  | { type: 'removeMetric'; stageId: string; metric: MetricRef };

/** Where a metric is in its stage's list, or -1. */
export function metricIndex(metrics: readonly Metric[], ref: MetricRef): number {
  if (typeof ref === 'number') return ref >= 0 && ref < metrics.length && metrics[ref]!.id === undefined ? ref : -1;
  return metrics.findIndex((m) => m.id === ref);
}

function withMetrics(j: Journey, stageId: string, fn: (metrics: Metric[]) => Metric[] | null): Journey {
  const i = j.stages.findIndex((s) => s.id === stageId);
  const stage = j.stages[i];
  const metrics = stage ? fn([...stage.metrics]) : null;
  if (!stage || !metrics) return j;
  const stages = [...j.stages];
  stages[i] = { ...stage, metrics };
  return { ...j, stages };
}

export function reduceMetric(j: Journey, action: MetricAction): Journey {
  switch (action.type) {
    case 'addMetric':
      return withMetrics(j, action.stageId, (metrics) => {
        if (metrics.length >= LIMITS.metricsPerStage) return null;
        const id = IdAllocator.forJourney(j).numbered('metric');
        return [...metrics, { id, name: action.name ?? `Metric ${metrics.length + 1}` }];
      });
    case 'updateMetric':
      return withMetrics(j, action.stageId, (metrics) => {
        const k = metricIndex(metrics, action.metric);
        if (k < 0) return null;
        metrics[k] = patched(metrics[k]!, action.patch);
        return metrics;
      });
    case 'removeMetric':
      return withMetrics(j, action.stageId, (metrics) => {
        const k = metricIndex(metrics, action.metric);
        return k < 0 ? null : metrics.filter((_, n) => n !== k);
      });
  }
}
