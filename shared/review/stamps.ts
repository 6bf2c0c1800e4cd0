// Review stamps: "Mark reviewed" on the journey or a stage records who, on which day, and a hash of
// the content reviewed (ReviewStampSchema in shared/model/schema.ts). A stamp counts while that
// content is unchanged; any later change, from the canvas, the panel or an import, makes it stale
// (reviewState), and the health list names it (./health.ts). Where the changed journey is stored
// on a map (a panel edit drawn, a sync from the canvas applied, an import drawn over the map),
// settleReviews clears the stale stamp and keeps it as `lastReview`, so the health list still says
// "changed since <who> reviewed it on <day>" until someone marks it reviewed again. The hash is
// over canonical JSON (keys sorted), so the order of keys in a file does not matter, and leaves
// every review stamp out, so marking a stage reviewed does not make the journey's stamp stale.
import { hashText } from '../layout/hash';
import type { Journey, ReviewStamp, Stage } from '../model/types';

/** JSON with object keys sorted and the `review` and `lastReview` fields left out. */
function canonical(v: unknown): string {
  if (v === undefined) return 'null';
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => k !== 'review' && k !== 'lastReview' && o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

/** What a stage's review covers: the stage with its steps and metrics, the cards in its steps, the emotion points at its steps. */
export function stageContent(j: Journey, stage: Stage): unknown {
  const steps = new Set(stage.steps.map((s) => s.id));
  return {
    stage,
    cards: j.cards.filter((c) => steps.has(c.stepId)),
    points: j.curves.map((c) => ({ curve: c.id, points: c.points.filter((p) => steps.has(p.stepId)) })),
  };
}

/** The hash a stamp records: of the whole journey, or of one stage's content. */
export function contentHash(j: Journey, stageId?: string): string {
  if (stageId === undefined) return hashText(canonical(j));
  const stage = j.stages.find((s) => s.id === stageId);
  return hashText(canonical(stage ? stageContent(j, stage) : null));
}

/**
 * 'current': a stamp whose content is unchanged; 'stale': the content changed after the last
 * review (a stamp not cleared yet, or one cleared and kept as `lastReview`); 'none': never reviewed.
 */
export type ReviewState = 'none' | 'current' | 'stale';

const holderOf = (j: Journey, stageId?: string): { review?: ReviewStamp | undefined; lastReview?: ReviewStamp | undefined } | undefined =>
  stageId === undefined ? j : j.stages.find((s) => s.id === stageId);

export function reviewState(j: Journey, stageId?: string): ReviewState {
  return reviewOf(j, stageId).state;
}

/** The state and the stamp it is about: the stamp itself, or the cleared one the content changed after. */
export function reviewOf(j: Journey, stageId?: string): { state: ReviewState; stamp?: ReviewStamp } {
  const holder = holderOf(j, stageId);
  if (holder?.review) return { state: holder.review.hash === contentHash(j, stageId) ? 'current' : 'stale', stamp: holder.review };
  if (holder?.lastReview) return { state: 'stale', stamp: holder.lastReview };
  return { state: 'none' };
}

/** The review state in words: "Reviewed by Mia on 2026-11-01.", "Changed since reviewed on 2026-11-01 by Mia.", "Not reviewed yet." */
export function reviewWords(j: Journey, stageId?: string): string {
  const { state, stamp } = reviewOf(j, stageId);
  if (state === 'none' || !stamp) return 'Not reviewed yet.';
  const day = stamp.at.slice(0, 10);
  return state === 'current' ? `Reviewed ${stamp.by ? `by ${stamp.by} ` : ''}on ${day}.` : `Changed since reviewed on ${day}${stamp.by ? ` by ${stamp.by}` : ''}.`;
}

/**
 * The journey with a fresh stamp on it (stageId undefined) or on one stage: by `by` (when known),
 * on `day` (YYYY-MM-DD). A copy; the input is not changed. Unknown stage ids change nothing.
 */
export function markReviewed(j: Journey, target: { stageId?: string }, by: string | undefined, day: string): Journey {
  const next = structuredCloneJson(j);
  const stamp = (hash: string): ReviewStamp => ({ ...(by ? { by } : {}), at: day, hash });
  if (target.stageId === undefined) {
    next.review = stamp(contentHash(next));
    delete next.lastReview;
    return next;
  }
  const stage = next.stages.find((s) => s.id === target.stageId);
  if (stage) {
    stage.review = stamp(contentHash(next, stage.id));
    delete stage.lastReview;
  }
  return next;
}

/**
 * The journey without stamps whose content changed since (what "clears the stamp" leaves): each
 * such stamp moves to `lastReview`, so the health list still names who reviewed what and when.
 * Returns the input itself when no stamp is stale.
 */
export function clearStaleStamps(j: Journey): Journey {
  const staleJourney = !!j.review && reviewState(j) === 'stale';
  const staleStages = new Set(j.stages.filter((s) => s.review && reviewState(j, s.id) === 'stale').map((s) => s.id));
  if (!staleJourney && !staleStages.size) return j;
  const next = structuredCloneJson(j);
  const clear = (holder: { review?: ReviewStamp | undefined; lastReview?: ReviewStamp | undefined }) => {
    if (holder.review) holder.lastReview = holder.review;
    delete holder.review;
  };
  if (staleJourney) clear(next);
  for (const s of next.stages) if (staleStages.has(s.id)) clear(s);
  return next;
}

/**
 * The journey to store over a map that holds `stored`: stale stamps cleared (clearStaleStamps),
 * and, for the same journey, the map's stamps kept where `next` has none at all (an import from a
 * CSV or Mermaid file, which hold no stamps, replaces the content, not the record of its review):
 * carried over, then cleared if the content changed. Returns `next` itself when nothing changes.
 */
export function settleReviews(stored: Journey | undefined, next: Journey): Journey {
  let out = next;
  if (stored && stored.id === next.id) {
    const stages = new Map(stored.stages.map((s) => [s.id, s]));
    const carryJourney = !next.review && !next.lastReview && (stored.review || stored.lastReview);
    const carryStages = next.stages.filter((s) => !s.review && !s.lastReview && (stages.get(s.id)?.review || stages.get(s.id)?.lastReview)).map((s) => s.id);
    if (carryJourney || carryStages.length) {
      out = structuredCloneJson(next);
      const copy = (from: { review?: ReviewStamp | undefined; lastReview?: ReviewStamp | undefined }, to: { review?: ReviewStamp | undefined; lastReview?: ReviewStamp | undefined }) => {
        if (from.review) to.review = { ...from.review };
        if (from.lastReview) to.lastReview = { ...from.lastReview };
      };
      if (carryJourney) copy(stored, out);
      for (const s of out.stages) {
        const old = stages.get(s.id);
        if (old && carryStages.includes(s.id)) copy(old, s);
      }
    }
  }
  return clearStaleStamps(out);
}

const structuredCloneJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
