// The columns of the Journey Mapper CSV format, how headers are recognised, and how enum cells
// written by people ("In progress", "Pain points") are read. See CSV-FORMAT.md.
import { LANE_TYPE_TABLE } from '../model/lane-types';
import {
  CHANNELS,
  CONFIDENCE_LEVELS,
  CURVE_KINDS,
  EVIDENCE_KINDS,
  FUNNEL_PHASES,
  JOURNEY_STATUSES,
  LANE_TYPES,
  LINK_KINDS,
  METRIC_DIRECTIONS,
  PRIORITIES,
  VIEW_KINDS,
  WORK_STATUSES,
} from '../model/schema';
import type { LaneType } from '../model/types';
import { looseKey } from './ids';

/** Every column, in the order an export writes them. */
export const CSV_COLUMNS = [
  'record',
  'id',
  'stage',
  'phase',
  'step',
  'lane',
  'lane_type',
  'persona',
  'curve',
  'kind',
  'field',
  'text',
  'value',
  'target',
  'unit',
  'direction',
  'owner',
  'priority',
  'status',
  'channel',
  'effort',
  'impact',
  'evidence',
  'evidence_url',
  'source',
  'confidence',
  'date',
  'from',
  'to',
  'note',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Other header spellings people use for a column (compared letters-and-digits only, any case). */
const ALIASES: Record<string, CsvColumn> = {
  type: 'lane_type',
  lanetype: 'lane_type',
  url: 'evidence_url',
  link: 'evidence_url',
  evidenceurl: 'evidence_url',
  evidenceid: 'evidence',
  evidenceids: 'evidence',
  score: 'value',
  emotion: 'value',
  description: 'text',
  card: 'text',
  name: 'text',
  notes: 'note',
  comment: 'note',
  stagephase: 'phase',
  curvekind: 'kind',
  fieldname: 'field',
};

const BY_KEY = new Map<string, CsvColumn>();
for (const c of CSV_COLUMNS) BY_KEY.set(looseKey(c), c);
for (const [k, c] of Object.entries(ALIASES)) if (!BY_KEY.has(k)) BY_KEY.set(k, c);

/** "Lane Type", "lane-type", " LANE_TYPE " → "lane_type"; unknown headers → undefined. */
export function columnForHeader(header: string): CsvColumn | undefined {
  return BY_KEY.get(looseKey(header));
}

export const RECORD_KINDS = [
  'journey',
  'scale',
  'persona',
  'stage',
  'metric',
  'step',
  'lane',
  'evidence',
  'card',
  'curve',
  'emotion',
  'link',
  'view',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const RECORD_ALIASES: Record<string, RecordKind> = {
  meta: 'journey',
  metadata: 'journey',
  journeys: 'journey',
  emotionscale: 'scale',
  personas: 'persona',
  stages: 'stage',
  phase: 'stage',
  metrics: 'metric',
  kpi: 'metric',
  steps: 'step',
  lanes: 'lane',
  row: 'lane',
  cards: 'card',
  item: 'card',
  curves: 'curve',
  emotions: 'emotion',
  point: 'emotion',
  links: 'link',
};

/** The record kind named in a `record` cell, or undefined. Blank means "card". */
export function recordKind(cell: string): RecordKind | undefined {
  const k = looseKey(cell);
  if (k === '') return 'card';
  if ((RECORD_KINDS as readonly string[]).includes(k)) return k as RecordKind;
  // An own-property lookup: "constructor" or "__proto__" must not find Object's members.
  return Object.prototype.hasOwnProperty.call(RECORD_ALIASES, k) ? RECORD_ALIASES[k] : undefined;
}

/** Rows whose `record` starts with "#" are comments (the template uses them for instructions). */
export function isCommentRecord(cell: string): boolean {
  return cell.trim().startsWith('#');
}

function enumReader<T extends string>(values: readonly T[], synonyms: Record<string, T> = {}) {
  const map = new Map<string, T>();
  for (const v of values) map.set(looseKey(v), v);
  for (const [k, v] of Object.entries(synonyms)) map.set(looseKey(k), v);
  return (cell: string): T | undefined => map.get(looseKey(cell));
}

export const readPriority = enumReader(PRIORITIES, { med: 'medium', urgent: 'critical', blocker: 'critical' });
export const readWorkStatus = enumReader(WORK_STATUSES, {
  todo: 'open',
  new: 'open',
  doing: 'in-progress',
  wip: 'in-progress',
  started: 'in-progress',
  closed: 'done',
  resolved: 'done',
  "won't do": 'wont-do',
  rejected: 'wont-do',
});
export const readChannel = enumReader(CHANNELS, {
  website: 'web',
  online: 'web',
  app: 'mobile-app',
  mobile: 'mobile-app',
  'e-mail': 'email',
  mail: 'email',
  shop: 'store',
  showroom: 'store',
  'in store': 'store',
  call: 'phone',
  telephone: 'phone',
  'live chat': 'chat',
  'social media': 'social',
});
export const readConfidence = enumReader(CONFIDENCE_LEVELS);
export const readDirection = enumReader(METRIC_DIRECTIONS, { higher: 'higher-is-better', up: 'higher-is-better', lower: 'lower-is-better', down: 'lower-is-better' });
export const readEvidenceKind = enumReader(EVIDENCE_KINDS);
export const readLinkKind = enumReader(LINK_KINDS);
export const readViewKind = enumReader(VIEW_KINDS, { summary: 'executive-summary', executive: 'executive-summary', serviceblueprint: 'blueprint', slides: 'stage-slides', actions: 'action-plan', actionplan: 'action-plan', textalternative: 'text' });
export const readCurveKind = enumReader(CURVE_KINDS, { asis: 'as-is', current: 'as-is', tobe: 'to-be', future: 'to-be' });
export const readPhase = enumReader(FUNNEL_PHASES);
export const readJourneyStatus = enumReader(JOURNEY_STATUSES, { research: 'in-research', inresearch: 'in-research' });

/** Other words for each lane type, from the lane-type table. */
const LANE_SYNONYMS: Record<string, LaneType> = Object.fromEntries(LANE_TYPES.flatMap((t) => LANE_TYPE_TABLE[t].synonyms.map((word) => [word, t])));

/** Lane type from a `lane_type` cell ("Pain points", "pain_points", "painPoints" all work). */
export const readLaneType = enumReader(LANE_TYPES, LANE_SYNONYMS);

/**
 * Lane type guessed from a lane's name when no `lane_type` is given: "Pain points" → painPoints,
 * "Customer actions" → actions (the last word that names a type wins), anything else → text.
 * Never "emotion": emotion comes from emotion rows, so a card lane called "Feelings" is thoughts.
 */
export function inferLaneType(name: string): LaneType {
  const whole = readLaneType(name);
  if (whole && whole !== 'emotion') return whole;
  const words = name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  // Try two-word then one-word phrases from the end: "Customer pain points" → "pain points".
  for (let i = words.length - 1; i >= 0; i--) {
    const two = i > 0 ? readLaneType(`${words[i - 1]}${words[i]}`) : undefined;
    if (two && two !== 'emotion') return two;
    const one = readLaneType(words[i] ?? '');
    if (one && one !== 'emotion') return one;
  }
  return 'text';
}
