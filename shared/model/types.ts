// TypeScript types of the journey model, inferred from the zod schemas so the two cannot drift.
import type * as z from 'zod/mini';
import type {
  CardSchema,
  CurvePointSchema,
  CurveSchema,
  EmotionScaleSchema,
  EvidenceSchema,
  JourneySchema,
  LaneSchema,
  LinkSchema,
  MetricSchema,
  PersonaSchema,
  ReviewStampSchema,
  StageSchema,
  StepSchema,
  ViewSchema,
  ViewOptionsSchema,
  LANE_TYPES,
  CHANNELS,
  CONFIDENCE_LEVELS,
  CURVE_KINDS,
  EVIDENCE_KINDS,
  FUNNEL_PHASES,
  JOURNEY_STATUSES,
  LINK_KINDS,
  PRIORITIES,
  WORK_STATUSES,
  VIEW_KINDS,
} from './schema';

/** A journey as stored and drawn: defaults filled in. */
export type Journey = z.output<typeof JourneySchema>;
/** A journey as a person may write it: fields with defaults may be left out. */
export type JourneyInput = z.input<typeof JourneySchema>;
export type Persona = z.output<typeof PersonaSchema>;
export type Stage = z.output<typeof StageSchema>;
export type Step = z.output<typeof StepSchema>;
export type Lane = z.output<typeof LaneSchema>;
export type Card = z.output<typeof CardSchema>;
export type Curve = z.output<typeof CurveSchema>;
export type CurvePoint = z.output<typeof CurvePointSchema>;
export type Link = z.output<typeof LinkSchema>;
export type Evidence = z.output<typeof EvidenceSchema>;
export type ReviewStamp = z.output<typeof ReviewStampSchema>;
export type Metric = z.output<typeof MetricSchema>;
export type EmotionScale = z.output<typeof EmotionScaleSchema>;
export type View = z.output<typeof ViewSchema>;
export type ViewOptions = z.output<typeof ViewOptionsSchema>;
export type ViewKind = (typeof VIEW_KINDS)[number];
export type LaneType = (typeof LANE_TYPES)[number];
export type Channel = (typeof CHANNELS)[number];
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];
export type Priority = (typeof PRIORITIES)[number];
export type WorkStatus = (typeof WORK_STATUSES)[number];
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];
export type FunnelPhase = (typeof FUNNEL_PHASES)[number];
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type CurveKind = (typeof CURVE_KINDS)[number];
export type LinkKind = (typeof LINK_KINDS)[number];
