// The diff in plain words and as a Markdown changelog, on the retail example with a scripted set
// of edits; and the diff knows every kind of entity the model has (forEachId).
import { describe, expect, it } from 'vitest';
import { quoteChanged } from '../../shared/diff/words';
import { diffJourneys, describeDiff, emotionDeltas, ENTITY_KINDS, toChangelogJson, toChangelogMarkdown, type EntityKind } from '../../shared/diff';
import { entityLists } from '../../shared/diff/entities';
import { forEachId } from '../../shared/model/ids';
import { loadJourney, type Journey } from '../../shared/model';
import { exampleJourney } from '../shared/journey-helpers';
import fc from 'fast-check';
import { arbitraryJourney } from '../support/arbitrary-journey';

function retail(): Journey {
  const r = loadJourney(exampleJourney('retail-purchase'));
  if (!r.ok) throw new Error('retail example invalid');
  return r.value.journey;
}

/** The scripted edits the Changes view and the docs use too. */
function edited(): Journey {
  const b = structuredClone(retail());
  b.stages[2]!.name = 'Purchase';
  b.stages[1]!.steps[0]!.name = 'Browse the catalogue';
  const card = b.cards.find((c) => c.id === 'c-act-trigger')!;
  card.text = 'Measures the room twice';
  card.owner = 'Ana';
  const moved = b.cards.find((c) => c.id === 'c-act-inspire')!;
  moved.laneId = 'l-pain';
  b.cards = b.cards.filter((c) => c.id !== 'c-act-wait');
  b.links = b.links.filter((l) => l.from !== 'c-act-wait' && l.to !== 'c-act-wait');
  b.cards.push({ id: 'c-new', laneId: 'l-opps', stepId: 's-checkout', text: 'Show delivery dates before payment', evidence: [] });
  const maya = b.curves.find((c) => c.id === 'cv-maya-as-is')!;
  maya.points.find((p) => p.stepId === 's-browse')!.value = -2;
  maya.points.find((p) => p.stepId === 's-inspire')!.value = 2;
  const stages = b.stages;
  [stages[3], stages[4]] = [stages[4]!, stages[3]!];
  return b;
}

describe('describeDiff', () => {
  const a = retail();
  const b = edited();
  const lines = describeDiff(diffJourneys(a, b), a, b);
  const texts = lines.map((l) => l.text);

  it('tells each change in plain words', () => {
    expect(texts).toContain('Stage “Buy” renamed to “Purchase”.');
    expect(texts).toContain('Step “Browses and filters the range online” renamed to “Browse the catalogue”.');
    expect(texts).toContain('Action “Measures the living room and notices the old so…” now reads “Measures the room twice”.');
    expect(texts).toContain('Action “Measures the living room and notices the old so…”: owner set to “Ana”.');
    // Named as it is now (a pain point), from and to its cells by lane and step.
    expect(texts).toContain('Pain point “Saves sofas from Instagram and Pinterest; asks …” moved from Doing › Collects inspiration to Pain points › Collects inspiration.');
    expect(texts).toContain('Action “Checks the order page and email for a productio…” removed from Doing › Waits while the sofa is made.');
    expect(texts).toContain('Opportunity “Show delivery dates before payment” added in Opportunities › Pays and picks a delivery week.');
    expect(texts).toContain('Stages reordered: “Settle in” (now 4th of 6) moved.');
    expect(texts).toContain('Maya, first-home researcher – Maya today at “Browse the catalogue”: 0 → −2 (−2).');
    expect(texts).toContain('Maya, first-home researcher – Maya today at “Collects inspiration”: +1 → +2 (+1).');
    expect(texts).toContain('Maya, first-home researcher – Maya today: 1 step better, 1 worse (net −1).');
  });

  it('groups lines in a fixed order and points at where the change is in the newer journey', () => {
    const groups = lines.map((l) => l.group);
    expect(groups).toEqual([...groups].sort((x, y) => ['added', 'removed', 'changed', 'moved', 'reordered', 'emotions'].indexOf(x) - ['added', 'removed', 'changed', 'moved', 'reordered', 'emotions'].indexOf(y)));
    const rename = lines.find((l) => l.text.startsWith('Stage “Buy” renamed'));
    expect(rename?.path).toBe('stages[2].name');
    const removed = lines.find((l) => l.group === 'removed');
    expect(removed?.path).toBeUndefined();
  });

  it('gives emotion deltas per step and curve', () => {
    const deltas = emotionDeltas(diffJourneys(a, b));
    expect(deltas).toContainEqual({ curveId: 'cv-maya-as-is', stepId: 's-browse', before: 0, after: -2 });
    expect(deltas).toContainEqual({ curveId: 'cv-maya-as-is', stepId: 's-inspire', before: 1, after: 2 });
  });

  it('writes a Markdown changelog with a summary and a section per group, and a JSON one', () => {
    const md = toChangelogMarkdown(diffJourneys(a, b), a, b, { from: 'version “Before workshop”', to: 'the map' });
    expect(md.startsWith('# Changes to Buying a sofa online and in the showroom\n')).toBe(true);
    expect(md).toContain('From version “Before workshop” to the map.');
    expect(md).toContain('**1 added, 1 removed, 4 changed, 1 moved, 1 reordered, 3 emotion changes.**');
    for (const h of ['## Added', '## Removed', '## Changed', '## Moved', '## Reordered', '## Emotions']) expect(md).toContain(h);
    const json = toChangelogJson(diffJourneys(a, b), a, b, { from: 'A', to: 'B' });
    expect(json.counts.added).toBe(1);
    expect(json.entries.length).toBeGreaterThan(8);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('escapes Markdown in names, so a card cannot inject headings or links', () => {
    const c = structuredClone(a);
    c.cards[0]!.text = '# [click](https://evil) *bold*\nnext';
    const md = toChangelogMarkdown(diffJourneys(a, c), a, c, { from: 'a', to: 'b' });
    expect(md).toContain('\\# \\[click\\](https://evil) \\*bold\\* next');
  });
});

describe('a changed text quoted so the change shows', () => {
  const long = 'Measures the living room and notices the old sofa sagging, mentions it to her partner';

  it('a long card text edited near its end is quoted from shortly before the first difference', () => {
    const b = structuredClone(retail());
    const card = b.cards.find((c) => c.id === 'c-act-trigger')!;
    const a = structuredClone(b);
    a.cards.find((c) => c.id === 'c-act-trigger')!.text = long;
    card.text = `${long} — now with a measuring guide ✓`;
    const line = describeDiff(diffJourneys(a, b), a, b).find((l) => l.id === 'c-act-trigger')!;
    expect(line.text).toMatch(/now reads “…[^”]*now with a measuring guide ✓”\.$/);
  });

  it('a shortened text shows its new end; a short or early change is quoted from the start', () => {
    expect(quoteChanged(`${long} and more`, long)).toBe(`“…${Array.from(long).slice(-47).join('')}”`);
    expect(quoteChanged('Old', 'New words')).toBe('“New words”');
    expect(quoteChanged(`X${long}`, `Y${long}`)).toBe(`“Y${long.slice(0, 46)}…”`);
  });

  it('never cuts a code point in half and always shows the first changed character (full unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.nat(120), (base, insert, at) => {
        const chars = Array.from(base);
        const cut = Math.min(at, chars.length);
        const before = base;
        const after = `${chars.slice(0, cut).join('')}${insert}${chars.slice(cut).join('')}`;
        const quoted = quoteChanged(before, after);
        // In a `u` regex, a surrogate range matches only a lone surrogate: half a code point.
        expect(/[\uD800-\uDFFF]/u.test(quoted)).toBe(false);
        expect(Array.from(quoted).length).toBeLessThanOrEqual(50);
        const a = Array.from(after.replace(/\s+/g, ' ').trim());
        const b = Array.from(before.replace(/\s+/g, ' ').trim());
        let same = 0;
        while (same < a.length && same < b.length && a[same] === b[same]) same++;
        if (same < a.length) expect(quoted).toContain(a[same]!);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the entities the diff compares', () => {
  const KIND_OF_PATH: [RegExp, EntityKind][] = [
    [/^\(journey\)$/, 'journey'],
    [/^personas\[\d+\]$/, 'persona'],
    [/^stages\[\d+\]$/, 'stage'],
    [/^stages\[\d+\]\.steps\[\d+\]$/, 'step'],
    [/^lanes\[\d+\]$/, 'lane'],
    [/^cards\[\d+\]$/, 'card'],
    [/^curves\[\d+\]$/, 'curve'],
    [/^links\[\d+\]$/, 'link'],
    [/^evidence\[\d+\]$/, 'evidence'],
  ];

  it('cover every id forEachId visits (stage metrics are compared as their stage’s field)', () => {
    fc.assert(
      fc.property(arbitraryJourney(), (j) => {
        const listed = new Set<string>([j.id]);
        for (const list of entityLists(j)) for (const item of list.items) if (list.kind !== 'point') listed.add(String(item.id));
        forEachId(j, (id, path) => {
          const p = path();
          if (/^stages\[\d+\]\.metrics\[\d+\]$/.test(p)) return;
          const kind = KIND_OF_PATH.find(([re]) => re.test(p))?.[1];
          expect(kind, `forEachId visits ${p}, a kind the diff does not know`).toBeDefined();
          expect(ENTITY_KINDS).toContain(kind);
          expect(listed.has(id), `${p} (${id}) is not in the diff's entity lists`).toBe(true);
        });
      }),
      { numRuns: 50 },
    );
  });
});
