// Evidence health (shared/review/health.ts), one test per rule, and review stamps
// (shared/review/stamps.ts): a stamp counts until the content it covers changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareJourneys } from '../../shared/diff';
import { loadJourney, type Journey } from '../../shared/model';
import { countByRule, daysBetween, HEALTH_RULES, journeyHealth, type HealthRule } from '../../shared/review/health';
import { clearStaleStamps, contentHash, markReviewed, reviewOf, reviewState, reviewWords, settleReviews } from '../../shared/review/stamps';
import { exampleJourney } from '../shared/journey-helpers';
import { arbitraryJourney } from '../support/arbitrary-journey';

/** A journey every rule passes on: two stages with metrics, every claim card backed by observed evidence, owners set. */
function healthy(): Journey {
  const r = loadJourney({
    format: 'journey-mapper',
    schemaVersion: 1,
    journey: {
      id: 'j',
      title: 'Ordering coffee ahead',
      reviewBy: '2026-12-31',
      personas: [{ id: 'p', name: 'Sam' }],
      stages: [
        { id: 'st-a', name: 'Order', metrics: [{ name: 'Orders', value: 840 }], steps: [{ id: 's-open', name: 'Opens the app' }] },
        { id: 'st-b', name: 'Collect', metrics: [{ name: 'Wait', value: 4 }], steps: [{ id: 's-pick', name: 'Picks up' }] },
      ],
      lanes: [
        { id: 'l-do', type: 'actions', label: 'Doing' },
        { id: 'l-pain', type: 'painPoints', label: 'Pain points' },
        { id: 'l-opp', type: 'opportunities', label: 'Ideas' },
        { id: 'l-note', type: 'text', label: 'Notes' },
      ],
      cards: [
        { id: 'c-do', laneId: 'l-do', stepId: 's-open', text: 'Picks the usual order', evidence: ['ev-obs'] },
        { id: 'c-pain', laneId: 'l-pain', stepId: 's-pick', text: 'Order not ready', owner: 'Store ops', evidence: ['ev-obs', 'ev-guess'] },
        { id: 'c-opp', laneId: 'l-opp', stepId: 's-pick', text: 'Ready light', owner: 'App team' },
        { id: 'c-note', laneId: 'l-note', stepId: 's-open', text: 'A note needs no evidence' },
      ],
      evidence: [
        { id: 'ev-obs', kind: 'interview', source: 'Shadowing, 12 customers', confidence: 'observed', date: '2026-10-01' },
        { id: 'ev-guess', kind: 'link', source: 'Team hunch', confidence: 'assumed' },
      ],
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.journey;
}
const TODAY = '2026-11-30';
const rulesOf = (j: Journey) => journeyHealth(j, { today: TODAY }).map((f) => `${f.rule}:${f.id}`);

describe('evidence health', () => {
  it('finds nothing on a healthy journey', () => {
    expect(journeyHealth(healthy(), { today: TODAY })).toEqual([]);
  });

  it('noEvidence: a claim card without evidence (a note, an opportunity need none)', () => {
    const j = healthy();
    j.cards[0]!.evidence = [];
    j.cards[2]!.evidence = [];
    const f = journeyHealth(j, { today: TODAY });
    expect(f.map((x) => `${x.rule}:${x.id}`)).toEqual(['noEvidence:c-do']);
    expect(f[0]).toMatchObject({ path: 'cards[0]', text: 'Action “Picks the usual order” at “Opens the app” cites no evidence.' });
  });

  it('weakEvidence: evidence at best inferred or assumed', () => {
    const j = healthy();
    j.cards[0]!.evidence = ['ev-guess'];
    j.evidence.push({ id: 'ev-inf', kind: 'analytics', source: 'Funnel guess', confidence: 'inferred' });
    j.cards[1]!.evidence = ['ev-inf', 'ev-guess'];
    const f = journeyHealth(j, { today: TODAY });
    expect(f.map((x) => x.text)).toEqual([
      'Action “Picks the usual order” at “Opens the app” rests on assumptions only (no observed or reported evidence).',
      'Pain point “Order not ready” at “Picks up” rests on inference only (no observed or reported evidence).',
    ]);
  });

  it('oldEvidence: dated more than the chosen age before today', () => {
    const j = healthy();
    expect(rulesOf(j)).toEqual([]);
    expect(journeyHealth(j, { today: TODAY, maxEvidenceAgeDays: 30 }).map((x) => x.text)).toEqual(['Evidence “Shadowing, 12 customers” is 60 days old (from 2026-10-01; older than 30 days).']);
  });

  it('noOwner: pain points and opportunities without an owner (blank counts as none)', () => {
    const j = healthy();
    delete j.cards[1]!.owner;
    j.cards[2]!.owner = '  ';
    expect(rulesOf(j)).toEqual(['noOwner:c-pain', 'noOwner:c-opp']);
  });

  it('noMetrics: a stage without metrics', () => {
    const j = healthy();
    j.stages[1]!.metrics = [];
    expect(journeyHealth(j, { today: TODAY })).toEqual([{ rule: 'noMetrics', kind: 'stage', id: 'st-b', path: 'stages[1]', text: 'Stage “Collect” has no metrics.', label: 'No metrics' }]);
  });

  it('reviewOverdue: the review-by date has passed (not on the day itself)', () => {
    const j = healthy();
    j.reviewBy = TODAY;
    expect(rulesOf(j)).toEqual([]);
    j.reviewBy = '2026-11-01';
    expect(journeyHealth(j, { today: TODAY }).map((x) => x.text)).toEqual(['The review-by date 2026-11-01 passed 29 days ago.']);
  });

  it('staleReview: a stamp whose content changed since', () => {
    let j = markReviewed(markReviewed(healthy(), {}, 'Mia', '2026-11-01'), { stageId: 'st-b' }, undefined, '2026-11-02');
    expect(rulesOf(j)).toEqual([]);
    j.cards[1]!.text = 'Order not ready, again';
    expect(journeyHealth(j, { today: TODAY }).map((x) => x.text)).toEqual(['Stage “Collect” changed since it was reviewed on 2026-11-02.', 'The journey changed since Mia reviewed it on 2026-11-01.']);
    const texts = journeyHealth(j, { today: TODAY }).map((x) => x.text);
    // Cleared where the change is stored: the stamps no longer count, and the finding stays.
    j = clearStaleStamps(j);
    expect(j.review).toBeUndefined();
    expect(j.stages[1]!.review).toBeUndefined();
    expect(j.lastReview).toMatchObject({ by: 'Mia', at: '2026-11-01' });
    expect(j.stages[1]!.lastReview).toMatchObject({ at: '2026-11-02' });
    expect(journeyHealth(j, { today: TODAY }).map((x) => x.text)).toEqual(texts);
    expect(journeyHealth(j, { today: TODAY }).map((x) => x.path)).toEqual(['stages[1].lastReview', 'lastReview']);
  });

  it('runs only the rules asked for, and counts per rule', () => {
    const j = healthy();
    j.cards[0]!.evidence = [];
    j.stages[0]!.metrics = [];
    const only = journeyHealth(j, { today: TODAY, rules: ['noMetrics'] });
    expect(only.map((f) => f.rule)).toEqual(['noMetrics']);
    const counts = countByRule(journeyHealth(j, { today: TODAY }));
    expect(Object.keys(counts)).toEqual([...HEALTH_RULES]);
    expect(counts).toMatchObject({ noEvidence: 1, noMetrics: 1, weakEvidence: 0 } satisfies Partial<Record<HealthRule, number>>);
  });

  it('never throws and names every finding in words, on any generated journey', () => {
    fc.assert(
      fc.property(arbitraryJourney(), fc.integer({ min: 0, max: 4000 }), (j, age) => {
        for (const f of journeyHealth(j, { today: TODAY, maxEvidenceAgeDays: age })) {
          expect(f.text.trim()).not.toBe('');
          expect(HEALTH_RULES).toContain(f.rule);
        }
      }),
      { numRuns: 100 },
    );
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });
});

describe('review stamps', () => {
  it('a stamp is current until its content changes; a stage stamp covers its steps, cards and points only', () => {
    const j = markReviewed(healthy(), { stageId: 'st-a' }, 'Mia', '2026-11-01');
    expect(j.stages[0]!.review).toEqual({ by: 'Mia', at: '2026-11-01', hash: contentHash(j, 'st-a') });
    expect(reviewState(j, 'st-a')).toBe('current');
    expect(reviewState(j, 'st-b')).toBe('none');
    // A change in another stage leaves it current; a card in one of its steps makes it stale.
    const other = structuredClone(j);
    other.cards[1]!.text = 'elsewhere';
    expect(reviewState(other, 'st-a')).toBe('current');
    const mine = structuredClone(j);
    mine.cards[0]!.text = 'changed here';
    expect(reviewState(mine, 'st-a')).toBe('stale');
  });

  it('marking a stage reviewed does not make the journey stamp stale; key order does not matter', () => {
    const j = markReviewed(healthy(), {}, 'Mia', '2026-11-01');
    const both = markReviewed(j, { stageId: 'st-b' }, 'Ana', '2026-11-02');
    expect(reviewState(both)).toBe('current');
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(both) as Journey;
    expect(Object.keys(reordered)[0]).toBe(Object.keys(both).at(-1));
    expect(contentHash(reordered)).toBe(contentHash(both));
  });

  it('the stamp notices any edit of the journey (generated, full unicode)', () => {
    fc.assert(
      fc.property(arbitraryJourney(), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), (j0, text) => {
        const j = markReviewed(j0, {}, undefined, '2026-11-01');
        expect(reviewState(j)).toBe('current');
        const edited = structuredClone(j);
        edited.title = edited.title === text ? `${text}!` : text;
        expect(reviewState(edited)).toBe('stale');
      }),
      { numRuns: 100 },
    );
  });

  it('a cleared stamp is kept as lastReview: still stale, in words, until marked reviewed again', () => {
    const j = markReviewed(healthy(), { stageId: 'st-a' }, 'Mia', '2026-11-01');
    expect(clearStaleStamps(j)).toBe(j); // nothing stale: the same journey
    expect(reviewWords(j, 'st-a')).toBe('Reviewed by Mia on 2026-11-01.');
    expect(reviewWords(j, 'st-b')).toBe('Not reviewed yet.');
    j.cards[0]!.text = 'changed here';
    expect(reviewWords(j, 'st-a')).toBe('Changed since reviewed on 2026-11-01 by Mia.');
    const cleared = clearStaleStamps(j);
    expect(cleared.stages[0]).toMatchObject({ lastReview: { by: 'Mia', at: '2026-11-01' } });
    expect(cleared.stages[0]!.review).toBeUndefined();
    expect(reviewOf(cleared, 'st-a')).toEqual({ state: 'stale', stamp: j.stages[0]!.review });
    expect(reviewWords(cleared, 'st-a')).toBe('Changed since reviewed on 2026-11-01 by Mia.');
    // lastReview is no content: it changes no hash; marking reviewed again removes it.
    expect(contentHash(cleared)).toBe(contentHash(j));
    const again = markReviewed(cleared, { stageId: 'st-a' }, 'Ana', '2026-11-30');
    expect(again.stages[0]!.lastReview).toBeUndefined();
    expect(reviewWords(again, 'st-a')).toBe('Reviewed by Ana on 2026-11-30.');
    expect(journeyHealth(again, { today: TODAY }).filter((f) => f.rule === 'staleReview')).toEqual([]);
  });

  it('settleReviews: an import without stamps keeps the map’s, cleared where its content changed; another journey keeps none', () => {
    const stored = markReviewed(markReviewed(healthy(), {}, 'Mia', '2026-11-01'), { stageId: 'st-b' }, 'Ana', '2026-11-02');
    const imported = healthy(); // as from a CSV: the same content, no stamps
    const same = settleReviews(stored, imported);
    expect(same.review).toEqual(stored.review);
    expect(reviewState(same, 'st-b')).toBe('current');
    imported.cards[0]!.text = 'Edited in the spreadsheet'; // a card in st-a: the journey stamp goes stale, st-b's holds
    const changed = settleReviews(stored, imported);
    expect(changed.review).toBeUndefined();
    expect(changed.lastReview).toEqual(stored.review);
    expect(changed.stages[1]!.review).toEqual(stored.stages[1]!.review);
    expect(journeyHealth(changed, { today: TODAY }).map((f) => f.text)).toEqual(['The journey changed since Mia reviewed it on 2026-11-01.']);
    // A draft that carries its own stamps (the panel's, from the map) is settled alone.
    const edited = structuredClone(stored);
    edited.stages[1]!.name = 'Pick up';
    expect(settleReviews(stored, edited).stages[1]).toMatchObject({ lastReview: stored.stages[1]!.review });
    // Nothing to do: the very same object back.
    expect(settleReviews(stored, stored)).toBe(stored);
    const other = { ...healthy(), id: 'another' };
    expect(settleReviews(stored, other).review).toBeUndefined();
  });

  it('any edit of a reviewed journey, settled, leaves a lastReview the health list names (generated, full unicode)', () => {
    fc.assert(
      fc.property(arbitraryJourney(), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), (j0, text) => {
        const stored = markReviewed(j0, {}, text, '2026-11-01');
        const edited = structuredClone(stored);
        edited.title = edited.title === text ? `${text}!` : text;
        const settled = settleReviews(stored, edited);
        expect(settled.review).toBeUndefined();
        expect(settled.lastReview).toEqual(stored.review);
        const loaded = loadJourney({ format: 'journey-mapper', schemaVersion: 2, journey: settled });
        expect(loaded.ok && loaded.value.journey.lastReview).toEqual(stored.review);
        expect(journeyHealth(settled, { today: TODAY, rules: ['staleReview'] }).map((f) => f.path)).toEqual(['lastReview']);
      }),
      { numRuns: 60 },
    );
  });

  it('a comparison tells stamps in words: marked reviewed, cleared, changed since', () => {
    const a = healthy();
    const reviewed = markReviewed(markReviewed(a, {}, 'Mia', '2026-11-01'), { stageId: 'st-b' }, undefined, '2026-11-02');
    expect(compareJourneys(a, reviewed, { from: 'a', to: 'b' }).lines.map((l) => l.text)).toEqual(['Journey: marked reviewed by Mia on 2026-11-01.', 'Stage “Collect”: marked reviewed on 2026-11-02.']);
    const edited = structuredClone(reviewed);
    edited.objective = 'Faster pick-up';
    expect(compareJourneys(reviewed, clearStaleStamps(edited), { from: 'a', to: 'b' }).lines.map((l) => l.text)).toEqual([
      'Journey: review by Mia on 2026-11-01 cleared.',
      'Journey: objective set to “Faster pick-up”.',
      'Journey: changed since the review by Mia on 2026-11-01.',
    ]);
  });
});
