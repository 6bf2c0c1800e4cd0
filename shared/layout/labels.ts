// Display words for enum values, shared by the canvas, the preview and read-back (which maps
// an edited chip back to its value).
import type { Channel, Confidence, LaneType, Priority, WorkStatus } from '../model/types';

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Web',
  'mobile-app': 'Mobile app',
  email: 'Email',
  store: 'Store',
  phone: 'Phone',
  chat: 'Chat',
  social: 'Social',
  other: 'Other',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const STATUS_LABELS: Record<WorkStatus, string> = {
  open: 'Open',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  'wont-do': "Won't do",
};

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  observed: 'Observed',
  reported: 'Reported',
  inferred: 'Inferred',
  assumed: 'Assumed',
};

export const LANE_TYPE_LABELS: Record<LaneType, string> = {
  actions: 'Actions',
  thoughts: 'Thoughts',
  touchpoints: 'Touchpoints',
  painPoints: 'Pain points',
  opportunities: 'Opportunities',
  backstage: 'Backstage',
  metrics: 'Metrics',
  text: 'Notes',
  emotion: 'Emotion',
};

export const JOURNEY_STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  'in-research': 'In research',
  validated: 'Validated',
  live: 'Live',
  archived: 'Archived',
};

/** Finds the enum value whose label (or value) matches edited text, ignoring case and spacing. */
export function valueForLabel<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const wanted = norm(text);
  for (const [value, label] of Object.entries(labels) as [T, string][]) {
    if (norm(label) === wanted || norm(value) === wanted) return value;
  }
  return undefined;
}

/** Signed value as shown on the canvas: +2, 0, −1 (with a real minus sign). */
export function signed(value: number): string {
  const v = Math.round(value * 100) / 100;
  if (v > 0) return `+${v}`;
  if (v < 0) return `\u2212${Math.abs(v)}`;
  return '0';
}
