// Display words for the schema's enum values, one typed Record per enum, shared by the canvas, the
// panel, the exports and read-back (which maps an edited chip back to its value).
import { LANE_TYPE_TABLE } from './lane-types';
import { LANE_TYPES } from './schema';
import type { Channel, Confidence, CurveKind, EvidenceKind, FunnelPhase, JourneyStatus, LaneType, Priority, ViewKind, WorkStatus } from './types';

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

/** From the lane-type table (lane-types.ts), like every other fact about a lane type. */
export const LANE_TYPE_LABELS = Object.fromEntries(LANE_TYPES.map((t) => [t, LANE_TYPE_TABLE[t].label])) as Record<LaneType, string>;

export const JOURNEY_STATUS_LABELS: Record<JourneyStatus, string> = {
  draft: 'Draft',
  'in-research': 'In research',
  validated: 'Validated',
  live: 'Live',
  archived: 'Archived',
};

export const FUNNEL_PHASE_LABELS: Record<FunnelPhase, string> = {
  awareness: 'Awareness',
  consideration: 'Consideration',
  purchase: 'Purchase',
  retention: 'Retention',
  advocacy: 'Advocacy',
  custom: 'Custom',
};

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  quote: 'Quote',
  interview: 'Interview',
  survey: 'Survey',
  analytics: 'Analytics',
  ticket: 'Ticket',
  link: 'Link',
};

export const CURVE_KIND_LABELS: Record<CurveKind, string> = { 'as-is': 'As-is', 'to-be': 'To-be', other: 'Other' };

/** Finds the enum value whose label (or value) matches edited text, ignoring case and spacing. */
export function valueForLabel<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const wanted = norm(text);
  for (const [value, label] of Object.entries(labels) as [T, string][]) {
    if (norm(label) === wanted || norm(value) === wanted) return value;
  }
  return undefined;
}

/** A card's owner as its one line on the canvas, like a stage's ("Owner: Brand marketing"). */
export const OWNER_PREFIX = 'Owner: ';
export const ownerLine = (owner: string): string => `${OWNER_PREFIX}${owner}`;

/** The owner from an edited owner line; the prefix is optional (a designer may delete it). */
export function ownerFromLine(line: string): string | undefined {
  const owner = line.replace(/^\s*owner\s*:\s*/i, '').trim();
  return owner === '' ? undefined : owner;
}

export const VIEW_KIND_LABELS: Record<ViewKind, string> = {
  'executive-summary': 'Executive summary',
  persona: 'Persona view',
  blueprint: 'Service blueprint',
  'stage-slides': 'Stage slides',
  'action-plan': 'Action plan',
  text: 'Text alternative',
};
