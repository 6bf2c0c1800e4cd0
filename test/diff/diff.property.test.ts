// The diff describes exactly the edits made (no more, no less), and it can be applied and reversed:
// for any journey a and any generated edit sequence, diff(a, apply(a, edits)) holds one entry per
// edit effect, applyDiff(a, diff) gives the edited journey and applyDiff(b, reverseDiff(diff))
// gives a back. Text is full unicode.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDiff, describeDiff, diffJourneys, reverseDiff, type DiffEntry, type JourneyDiff } from '../../shared/diff';
import type { Journey } from '../../shared/model/types';
import { arbitraryJourney } from '../support/arbitrary-journey';
import { applyEdits, canonical, EDIT_OPS, editSeeds, sig, type EditOp } from '../support/journey-edits';

/** Runs in CI: the issue asks for at least 300 generated cases. */
const RUNS = 300;

function signature(e: DiffEntry): string | null {
  switch (e.type) {
    case 'add':
      return sig.add(e.kind, e.id, e.parent);
    case 'remove':
      return sig.remove(e.kind, e.id, e.parent);
    case 'change':
      return sig.change(e.kind, e.id, e.field, e.before, e.after, e.parent);
    case 'moveCard':
      return sig.moveCard(e.id, `${e.from.laneId}/${e.from.stepId}`, `${e.to.laneId}/${e.to.stepId}`);
    case 'moveStep':
      return sig.moveStep(e.id, e.from, e.to);
    case 'reorder':
      return null;
  }
}

const sorted = (xs: string[]) => [...xs].sort();
const same = (x: Journey, y: Journey) => expect(canonical(x)).toBe(canonical(y));

/** The list a reorder entry is about, as journey-edits names it. */
const listName = (e: Extract<DiffEntry, { type: 'reorder' }>) => (e.parent === undefined ? e.kind : `${e.kind}\u0000${e.parent}`);

function idsOfList(j: Journey, e: Extract<DiffEntry, { type: 'reorder' }>): string[] {
  const lists: Record<string, { id: string }[]> = { persona: j.personas, stage: j.stages, lane: j.lanes, card: j.cards, curve: j.curves, link: j.links, evidence: j.evidence };
  if (e.kind === 'step') return j.stages.find((s) => s.id === e.parent)?.steps.map((s) => s.id) ?? [];
  if (e.kind === 'point') return j.curves.find((c) => c.id === e.parent)?.points.map((p) => p.stepId) ?? [];
  return (lists[e.kind] ?? []).map((x) => x.id);
}

describe('diff of a journey and the same journey after generated edits', () => {
  it(`describes exactly the edits, and applies and reverses back (${RUNS} cases)`, () => {
    let edited = 0;
    const seen = new Map<EditOp, number>();
    fc.assert(
      fc.property(arbitraryJourney({ maxCards: 10, maxLinks: 4 }), editSeeds(8), (a, seeds) => {
        const { journey: b, expected, reordered, applied } = applyEdits(a, seeds);
        if (applied.length) edited++;
        for (const op of applied) seen.set(op, (seen.get(op) ?? 0) + 1);
        const diff = diffJourneys(a, b);
        const got = diff.entries.map(signature).filter((s): s is string => s !== null);
        expect(sorted(got)).toEqual(sorted(expected));
        // Reorders: exactly the lists the edits reordered, holding the whole lists before and after.
        const reorders = diff.entries.filter((e): e is Extract<DiffEntry, { type: 'reorder' }> => e.type === 'reorder');
        expect(sorted(reorders.map(listName))).toEqual(sorted([...reordered]));
        for (const r of reorders) {
          expect(r.before).toEqual(idsOfList(a, r));
          expect(r.after).toEqual(idsOfList(b, r));
          expect(r.moved.length).toBeGreaterThan(0);
        }
        // Added entities are where they are in b, with b's values.
        for (const e of diff.entries) if (e.type === 'add' && e.kind === 'card') expect(b.cards[e.index]?.id).toBe(e.id);
        same(applyDiff(a, diff), b);
        same(applyDiff(b, reverseDiff(diff)), a);
        // Every entry is told in words, and none of the words is empty.
        for (const line of describeDiff(diff, a, b)) expect(line.text.trim()).not.toBe('');
      }),
      { numRuns: RUNS },
    );
    // The generator must actually edit: most cases hold at least one applied edit.
    expect(edited).toBeGreaterThan(RUNS * 0.8);
    // …and every kind of edit happens, several times.
    for (const op of EDIT_OPS) expect(seen.get(op) ?? 0, op).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('round-trips between any two journeys, however unrelated', () => {
    fc.assert(
      fc.property(arbitraryJourney({ maxCards: 8 }), arbitraryJourney({ maxCards: 8 }), (a, b) => {
        const diff = diffJourneys(a, b);
        same(applyDiff(a, diff), b);
        same(applyDiff(b, reverseDiff(diff)), a);
        expect(reverseDiff(reverseDiff(diff))).toEqual(diff);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('finds nothing between a journey and its copy', () => {
    fc.assert(
      fc.property(arbitraryJourney(), (a) => {
        const diff: JourneyDiff = diffJourneys(a, structuredClone(a));
        expect(diff.entries).toEqual([]);
        expect(describeDiff(diff, a, a)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
