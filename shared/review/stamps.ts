// Review stamps: "Mark reviewed" on the journey or a stage records who, on which day, and a hash of
// the content reviewed (ReviewStampSchema in shared/model/schema.ts). A stamp counts while that
// content is unchanged; any later change, from the canvas, the panel or an import, makes it stale
// (reviewState), and the health list names it (./health.ts). The hash is over canonical JSON (keys
// sorted), so the order of keys in a file does not matter, and leaves every review stamp out, so
// marking a stage reviewed does not make the journey's stamp stale.
import { hashText } from '../layout/hash';
import type { Journey, ReviewStamp, Stage } from '../model/types';

/** JSON with object keys sorted and `review` fields left out. */
function canonical(v: unknown): string {
  if (v === undefined) return 'null';
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => k !== 'review' && o[k] !== undefined)
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

export type ReviewState = 'none' | 'current' | 'stale';

export function reviewState(j: Journey, stageId?: string): ReviewState {
  const stamp = stageId === undefined ? j.review : j.stages.find((s) => s.id === stageId)?.review;
  if (!stamp) return 'none';
  return stamp.hash === contentHash(j, stageId) ? 'current' : 'stale';
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
    return next;
  }
  const stage = next.stages.find((s) => s.id === target.stageId);
  if (stage) stage.review = stamp(contentHash(next, stage.id));
  return next;
}

/** The journey without stamps whose content changed since (what "clears the stamp" leaves). */
export function clearStaleStamps(j: Journey): Journey {
  const next = structuredCloneJson(j);
  if (reviewState(j) === 'stale') delete next.review;
  for (const s of next.stages) if (s.review && reviewState(j, s.id) === 'stale') delete s.review;
  return next;
}

const structuredCloneJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
