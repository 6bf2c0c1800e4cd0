// Evidence health: a pure lint over a journey, for the panel's list (with "go to" paths) and for
// `npm run cli -- health` in CI. Each rule names what it found in plain words; none judges by
// colour. Rules:
//   noEvidence       a card in a lane of claims (doing, thinking, touchpoints, pain points) cites no evidence
//   weakEvidence     a card's evidence is at best "inferred" or "assumed"
//   oldEvidence      evidence dated more than `maxEvidenceAgeDays` before `today`
//   noOwner          a pain point or an opportunity has no owner
//   noMetrics        a stage has no metrics
//   reviewOverdue    the journey's review-by date has passed
//   staleReview      the content changed after its last review: a stamp not cleared yet, or one
//                    cleared when the change was stored and kept as `lastReview` (./stamps.ts)
import { LANE_TYPE_LABELS } from '../model/labels';
import type { Journey, LaneType } from '../model/types';
import { reviewOf } from './stamps';

export const HEALTH_RULES = ['noEvidence', 'weakEvidence', 'oldEvidence', 'noOwner', 'noMetrics', 'reviewOverdue', 'staleReview'] as const;
export type HealthRule = (typeof HEALTH_RULES)[number];

export interface HealthFinding {
  rule: HealthRule;
  /** What it is about: 'journey', 'stage', 'card' or 'evidence', and its id. */
  kind: 'journey' | 'stage' | 'card' | 'evidence';
  id: string;
  /** JSON path in the journey, for "go to". */
  path: string;
  text: string;
  /** Two or three words for a badge on the map ("No evidence", "Assumed only"). */
  label: string;
}

export interface HealthOptions {
  /** Today, YYYY-MM-DD (passed in: the lint is pure). */
  today: string;
  /** Evidence older than this many days is old. Default 365. */
  maxEvidenceAgeDays?: number;
  /** Rules to run; default all. */
  rules?: readonly HealthRule[];
}

/** Lanes whose cards are claims about customers, which evidence should back. */
export const CLAIM_LANES: readonly LaneType[] = ['actions', 'thoughts', 'touchpoints', 'painPoints'];
const OWNED_LANES: readonly LaneType[] = ['painPoints', 'opportunities'];
const STRENGTH = { observed: 0, reported: 1, inferred: 2, assumed: 3 } as const;

const short = (s: string, n = 48) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
const q = (s: string) => `“${short(s)}”`;
const SINGULAR: Partial<Record<LaneType, string>> = { actions: 'Action', thoughts: 'Thought', touchpoints: 'Touchpoint', painPoints: 'Pain point', opportunities: 'Opportunity' };

/** Whole days from a to b (YYYY-MM-DD, or a longer ISO date whose first 10 characters are one). */
export function daysBetween(a: string, b: string): number {
  const day = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((day(b) - day(a)) / 86_400_000);
}

/** Evidence older than this many days counts as old unless a team chooses another age. */
export const DEFAULT_EVIDENCE_AGE_DAYS = 365;

export function journeyHealth(j: Journey, options: HealthOptions): HealthFinding[] {
  const on = new Set(options.rules ?? HEALTH_RULES);
  const maxAge = options.maxEvidenceAgeDays ?? DEFAULT_EVIDENCE_AGE_DAYS;
  const out: HealthFinding[] = [];
  const laneType = new Map(j.lanes.map((l) => [l.id, l.type]));
  const evidence = new Map(j.evidence.map((e) => [e.id, e]));
  const stepName = new Map(j.stages.flatMap((s) => s.steps.map((st) => [st.id, st.name] as const)));
  const cardWord = (type: LaneType | undefined) => (type && SINGULAR[type]) ?? (type ? LANE_TYPE_LABELS[type] : 'Card');

  j.cards.forEach((card, i) => {
    const type = laneType.get(card.laneId);
    const what = `${cardWord(type)} ${q(card.text)} at ${q(stepName.get(card.stepId) ?? card.stepId)}`;
    const path = `cards[${i}]`;
    const cited = card.evidence.map((id) => evidence.get(id)).filter((e) => e !== undefined);
    if (type && CLAIM_LANES.includes(type)) {
      if (!cited.length && on.has('noEvidence')) out.push({ rule: 'noEvidence', kind: 'card', id: card.id, path, text: `${what} cites no evidence.`, label: 'No evidence' });
      else if (cited.length && on.has('weakEvidence')) {
        const best = cited.reduce((m, e) => Math.min(m, STRENGTH[e.confidence]), 3);
        if (best >= STRENGTH.inferred) out.push({ rule: 'weakEvidence', kind: 'card', id: card.id, path, text: `${what} rests on ${best === STRENGTH.assumed ? 'assumptions' : 'inference'} only (no observed or reported evidence).`, label: best === STRENGTH.assumed ? 'Assumed only' : 'Inferred only' });
      }
    }
    if (type && OWNED_LANES.includes(type) && !card.owner?.trim() && on.has('noOwner')) out.push({ rule: 'noOwner', kind: 'card', id: card.id, path, text: `${what} has no owner.`, label: 'No owner' });
  });

  if (on.has('oldEvidence'))
    j.evidence.forEach((e, i) => {
      if (!e.date) return;
      const age = daysBetween(e.date, options.today);
      if (age > maxAge) out.push({ rule: 'oldEvidence', kind: 'evidence', id: e.id, path: `evidence[${i}]`, text: `Evidence ${q(e.source)} is ${age} days old (from ${e.date.slice(0, 10)}; older than ${maxAge} days).`, label: 'Old evidence' });
    });

  j.stages.forEach((s, i) => {
    if (!s.metrics.length && on.has('noMetrics')) out.push({ rule: 'noMetrics', kind: 'stage', id: s.id, path: `stages[${i}]`, text: `Stage ${q(s.name)} has no metrics.`, label: 'No metrics' });
    const r = on.has('staleReview') ? reviewOf(j, s.id) : undefined;
    if (r?.state === 'stale' && r.stamp)
      out.push({ rule: 'staleReview', kind: 'stage', id: s.id, path: `stages[${i}].${s.review ? 'review' : 'lastReview'}`, text: `Stage ${q(s.name)} changed since ${r.stamp.by ? `${r.stamp.by} reviewed it` : 'it was reviewed'} on ${r.stamp.at.slice(0, 10)}.`, label: 'Changed since review' });
  });

  if (j.reviewBy && on.has('reviewOverdue')) {
    const late = daysBetween(j.reviewBy, options.today);
    if (late > 0) out.push({ rule: 'reviewOverdue', kind: 'journey', id: j.id, path: 'reviewBy', text: `The review-by date ${j.reviewBy.slice(0, 10)} passed ${late} day${late === 1 ? '' : 's'} ago.`, label: 'Review overdue' });
  }
  const r = on.has('staleReview') ? reviewOf(j) : undefined;
  if (r?.state === 'stale' && r.stamp)
    out.push({ rule: 'staleReview', kind: 'journey', id: j.id, path: j.review ? 'review' : 'lastReview', text: `The journey changed since ${r.stamp.by ? `${r.stamp.by} reviewed it` : 'it was reviewed'} on ${r.stamp.at.slice(0, 10)}.`, label: 'Changed since review' });
  return out;
}

/** Findings per rule, every rule listed (0 when none). */
export function countByRule(findings: readonly HealthFinding[]): Record<HealthRule, number> {
  const c = Object.fromEntries(HEALTH_RULES.map((r) => [r, 0])) as Record<HealthRule, number>;
  for (const f of findings) c[f.rule]++;
  return c;
}
