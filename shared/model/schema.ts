// The journey model, schema version 2 (version 1 plus views), as zod schemas. TypeScript types are inferred from them
// (shared/model/types.ts). Objects are "loose": fields this version does not know are kept, so a
// file written by a newer tool or hand-annotated by a researcher survives a round trip.
//
// Structural rules live here; rules that span entities (references, scale, unique ids) live in
// validate.ts so that every problem can be reported at once with a plain-language message.
import * as z from 'zod/mini';
import { LIMITS } from './limits';

// Figma's sandbox may forbid `new Function`; jitless skips zod's eval probe (`jitless` in https://github.com/colinhacks/zod/blob/main/packages/zod/src/v4/core/core.ts; the sandbox: https://developers.figma.com/docs/plugins/how-plugins-run).
z.config({ jitless: true });

const id = z.string().check(
  z.minLength(1, 'is empty; every item needs an id'),
  z.maxLength(LIMITS.idLength, `is longer than ${LIMITS.idLength} characters`),
  z.regex(/^[A-Za-z0-9_.:-]+$/, 'may only use letters, digits and _ . : -'),
);

const shortText = (max: number = LIMITS.nameLength) => z.string().check(z.maxLength(max, `is longer than ${max} characters`));
const longText = shortText(LIMITS.textLength);
const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'is not a date like 2026-03-31'),
  z.refine((s) => {
    const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'is not a real calendar date'),
);
const list = <T extends z.ZodMiniType>(item: T, max: number) =>
  z._default(z.array(item).check(z.maxLength(max, `has more than ${max} items`)), () => []);
const url = z.string().check(z.maxLength(LIMITS.urlLength, `is longer than ${LIMITS.urlLength} characters`), z.regex(/^(https?:\/\/|mailto:)\S+$/, 'is not a web link (https://…)'));
const opt = z.optional;
/** A whole number from 1 to 5 (effort, value). */
const oneToFive = () => z.number().check(z.int('must be a whole number from 1 to 5'), z.gte(1, 'must be 1 to 5'), z.lte(5, 'must be 1 to 5'));

export const JOURNEY_STATUSES = ['draft', 'in-research', 'validated', 'live', 'archived'] as const;
export const FUNNEL_PHASES = ['awareness', 'consideration', 'purchase', 'retention', 'advocacy', 'custom'] as const;
export const LANE_TYPES = [
  'actions',
  'thoughts',
  'touchpoints',
  'painPoints',
  'opportunities',
  'backstage',
  'metrics',
  'text',
  'emotion',
] as const;
export const CHANNELS = ['web', 'mobile-app', 'email', 'store', 'phone', 'chat', 'social', 'other'] as const;
export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const WORK_STATUSES = ['open', 'planned', 'in-progress', 'done', 'wont-do'] as const;
export const LINK_KINDS = ['flow', 'branch', 'loop'] as const;
export const EVIDENCE_KINDS = ['quote', 'interview', 'survey', 'analytics', 'ticket', 'link'] as const;
export const CONFIDENCE_LEVELS = ['observed', 'reported', 'inferred', 'assumed'] as const;
export const CURVE_KINDS = ['as-is', 'to-be', 'other'] as const;
/** What a view draws; each kind has its own pure layout in shared/layout/views/. */
export const VIEW_KINDS = ['executive-summary', 'persona', 'blueprint', 'stage-slides', 'action-plan', 'text'] as const;

export const ScaleLabelSchema = z.looseObject({ value: z.number(), label: shortText(60) });

/** The scale a journey gets when it names none: −2…+2, as Smaply uses (journey-domain.md §2). */
export const DEFAULT_EMOTION_SCALE = {
  min: -2,
  max: 2,
  labels: [
    { value: -2, label: 'Very negative' },
    { value: -1, label: 'Negative' },
    { value: 0, label: 'Neutral' },
    { value: 1, label: 'Positive' },
    { value: 2, label: 'Very positive' },
  ],
};

export const EmotionScaleSchema = z._default(
  z.looseObject({
    min: z.number().check(z.int('must be a whole number')),
    max: z.number().check(z.int('must be a whole number')),
    labels: list(ScaleLabelSchema, 21),
  }),
  () => copyOfDefaultScale(),
);

function copyOfDefaultScale() {
  return { ...DEFAULT_EMOTION_SCALE, labels: DEFAULT_EMOTION_SCALE.labels.map((l) => ({ ...l })) };
}

export const METRIC_DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const;

/** Where a measured value came from and when: kept when metrics are imported from an analytics export. */
const measured = {
  /** Whether a higher or a lower value is the better one. */
  direction: opt(z.enum(METRIC_DIRECTIONS)),
  /** The day the value was measured. */
  date: opt(isoDate),
  /** The tool or report the value comes from. */
  source: opt(shortText()),
};

export const MetricSchema = z.looseObject({
  id: opt(id),
  name: shortText(),
  value: opt(z.number()),
  target: opt(z.number()),
  unit: opt(shortText(20)),
  ...measured,
});

export const PersonaSchema = z.looseObject({
  id,
  name: shortText(),
  segment: opt(shortText()),
  summary: opt(longText),
  goals: list(shortText(LIMITS.textLength), LIMITS.listItems),
  frustrations: list(shortText(LIMITS.textLength), LIMITS.listItems),
  quote: opt(longText),
  evidence: list(id, LIMITS.evidencePerItem),
});

/**
 * "Mark reviewed" on the journey or a stage: who reviewed it, on which day, and the hash of the
 * content reviewed (shared/review/stamps.ts). A stamp whose content changed since no longer counts.
 */
export const ReviewStampSchema = z.looseObject({
  /** The reviewer: the Figma user's name when the plugin could read it. */
  by: opt(shortText()),
  /** The day of the review. */
  at: isoDate,
  /** contentHash of what was reviewed, when it was reviewed. */
  hash: z.string().check(z.minLength(1, 'is empty'), z.maxLength(64, 'is longer than 64 characters')),
});

export const StepSchema = z.looseObject({
  id,
  name: shortText(),
  description: opt(longText),
});

export const StageSchema = z.looseObject({
  id,
  name: shortText(),
  phase: opt(z.enum(FUNNEL_PHASES)),
  customPhase: opt(shortText(60)),
  description: opt(longText),
  owner: opt(shortText()),
  metrics: list(MetricSchema, LIMITS.metricsPerStage),
  /** The last "Mark reviewed" of this stage. */
  review: opt(ReviewStampSchema),
  /** A stamp cleared because the stage changed after it: what the health list names ("changed since reviewed"). */
  lastReview: opt(ReviewStampSchema),
  steps: z.array(StepSchema).check(z.minLength(1, 'has no steps; a stage needs at least one step'), z.maxLength(LIMITS.steps, `has more than ${LIMITS.steps} items`)),
});

export const LaneSchema = z.looseObject({
  id,
  type: z.enum(LANE_TYPES),
  label: shortText(),
  /** Persona this lane belongs to; absent means the lane is about all personas. */
  personaId: opt(id),
  hidden: opt(z.boolean()),
});

export const CardMetricSchema = z.looseObject({
  value: z.number(),
  target: opt(z.number()),
  unit: opt(shortText(20)),
  ...measured,
});

export const CardSchema = z.looseObject({
  id,
  laneId: id,
  stepId: id,
  text: longText,
  /** Touchpoint channel. */
  channel: opt(z.enum(CHANNELS)),
  owner: opt(shortText()),
  priority: opt(z.enum(PRIORITIES)),
  status: opt(z.enum(WORK_STATUSES)),
  /** Effort to address, 1 (trivial) to 5 (large). */
  effort: opt(oneToFive()),
  /** Value to the customer or business, 1 (low) to 5 (high). */
  value: opt(oneToFive()),
  metric: opt(CardMetricSchema),
  evidence: list(id, LIMITS.evidencePerItem),
  note: opt(longText),
});

export const CurvePointSchema = z.looseObject({
  stepId: id,
  value: z.number(),
  note: opt(longText),
});

export const CurveSchema = z.looseObject({
  id,
  personaId: id,
  name: z._default(shortText(60), 'As-is'),
  kind: z._default(z.enum(CURVE_KINDS), 'as-is'),
  points: list(CurvePointSchema, LIMITS.steps),
});

export const LinkSchema = z.looseObject({
  id,
  /** Id of a step or a card. */
  from: id,
  /** Id of a step or a card. */
  to: id,
  kind: z._default(z.enum(LINK_KINDS), 'flow'),
  label: opt(shortText(60)),
});

export const EvidenceSchema = z.looseObject({
  id,
  kind: z.enum(EVIDENCE_KINDS),
  source: shortText(),
  url: opt(url),
  confidence: z.enum(CONFIDENCE_LEVELS),
  quote: opt(longText),
  date: opt(isoDate),
});

/** Sides of a stage slide, in px: from a phone screen to 8K. */
export const SLIDE_BOUNDS = { min: 320, max: 7680 } as const;
const slideSide = () =>
  z.number().check(z.int('must be a whole number'), z.gte(SLIDE_BOUNDS.min, `must be ${SLIDE_BOUNDS.min} or more`), z.lte(SLIDE_BOUNDS.max, `must be ${SLIDE_BOUNDS.max} or less`));

/** A view's choices; every list empty means "all" (or the kind's own default, e.g. the blueprint's lanes). */
export const ViewOptionsSchema = z.looseObject({
  /** Persona ids the view shows (a persona view: the persona whose lanes and curves it draws). */
  personas: list(id, LIMITS.personas),
  /** Lane ids the view shows, in this order. */
  lanes: list(id, LIMITS.lanes),
  /** Stage ids the view shows, in the journey's order. */
  stages: list(id, LIMITS.stages),
  /** How many pain points and opportunities an executive summary lists (default 5). */
  top: opt(z.number().check(z.int('must be a whole number'), z.gte(1, 'must be 1 or more'), z.lte(LIMITS.viewTop, `must be ${LIMITS.viewTop} or less`))),
  /** Size of a stage slide in px (default 1920 × 1080). */
  slide: opt(
    z.looseObject({ width: slideSide(), height: slideSide() }),
  ),
});

/** A view for stakeholders, drawn from the journey as its own frame beside the map (schema version 2). */
export const ViewSchema = z.looseObject({
  id,
  kind: z.enum(VIEW_KINDS),
  name: shortText().check(z.minLength(1, 'is empty; give the view a name')),
  options: z._default(ViewOptionsSchema, () => ({ personas: [], lanes: [], stages: [] })),
});

export const JourneySchema = z.looseObject({
  id,
  title: shortText().check(z.minLength(1, 'is empty; give the journey a title')),
  description: opt(longText),
  objective: opt(longText),
  owner: opt(shortText()),
  status: z._default(z.enum(JOURNEY_STATUSES), 'draft'),
  updated: opt(isoDate),
  reviewBy: opt(isoDate),
  /** The last "Mark reviewed" of the whole journey. */
  review: opt(ReviewStampSchema),
  /** A stamp cleared because the journey changed after it: what the health list names ("changed since reviewed"). */
  lastReview: opt(ReviewStampSchema),
  tags: list(shortText(60), LIMITS.tags),
  emotionScale: EmotionScaleSchema,
  personas: list(PersonaSchema, LIMITS.personas),
  stages: z.array(StageSchema).check(z.minLength(1, 'is empty; a journey needs at least one stage'), z.maxLength(LIMITS.stages, `has more than ${LIMITS.stages} items`)),
  lanes: list(LaneSchema, LIMITS.lanes),
  cards: list(CardSchema, LIMITS.cards),
  curves: list(CurveSchema, LIMITS.curves),
  links: list(LinkSchema, LIMITS.links),
  evidence: list(EvidenceSchema, LIMITS.evidence),
  views: list(ViewSchema, LIMITS.views),
});
