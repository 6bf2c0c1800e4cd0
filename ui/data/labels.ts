// Options for the panel's select fields, built from the schema's enum lists and the label maps
// the canvas uses (shared/model/labels.ts), so the panel and the map say the same words.
import {
  CHANNEL_LABELS,
  CONFIDENCE_LABELS,
  CURVE_KIND_LABELS,
  EVIDENCE_KIND_LABELS,
  FUNNEL_PHASE_LABELS,
  JOURNEY_STATUS_LABELS,
  LANE_TYPE_LABELS,
  PRIORITY_LABELS,
  STATUS_LABELS,
} from '../../shared/model/labels';
import { CHANNELS, CONFIDENCE_LEVELS, CURVE_KINDS, EVIDENCE_KINDS, FUNNEL_PHASES, JOURNEY_STATUSES, LANE_TYPES, METRIC_DIRECTIONS, PRIORITIES, WORK_STATUSES } from '../../shared/model';

export interface Option<T extends string> {
  value: T;
  label: string;
}

export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>): Option<T>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const OPTIONS = {
  channel: optionsOf(CHANNELS, CHANNEL_LABELS),
  confidence: optionsOf(CONFIDENCE_LEVELS, CONFIDENCE_LABELS),
  curveKind: optionsOf(CURVE_KINDS, CURVE_KIND_LABELS),
  evidenceKind: optionsOf(EVIDENCE_KINDS, EVIDENCE_KIND_LABELS),
  phase: optionsOf(FUNNEL_PHASES, FUNNEL_PHASE_LABELS),
  journeyStatus: optionsOf(JOURNEY_STATUSES, JOURNEY_STATUS_LABELS),
  laneType: optionsOf(LANE_TYPES, LANE_TYPE_LABELS),
  priority: optionsOf(PRIORITIES, PRIORITY_LABELS),
  workStatus: optionsOf(WORK_STATUSES, STATUS_LABELS),
  /** A metric's "Better when": higher or lower values are the better ones. */
  direction: optionsOf<(typeof METRIC_DIRECTIONS)[number]>(METRIC_DIRECTIONS, { 'higher-is-better': 'Higher', 'lower-is-better': 'Lower' }),
  score: [1, 2, 3, 4, 5].map((n): Option<string> => ({ value: String(n), label: String(n) })),
};

export { CHANNEL_LABELS, CONFIDENCE_LABELS, CURVE_KIND_LABELS, EVIDENCE_KIND_LABELS, LANE_TYPE_LABELS, PRIORITY_LABELS, STATUS_LABELS };
