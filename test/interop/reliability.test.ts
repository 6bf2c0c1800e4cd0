// The interop rows of the reliability review (shared/docs/reviews/reliability.md, rows 17, 18,
// 22–28), each as a test that failed before its fix. Timings are measured by
// test/bench/interop-bench.ts, not here; these tests count work or check behaviour instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { exportCsv, importCsv } from '../../shared/interop/csv';
import { IdAllocator } from '../../shared/interop/ids';
import { importJourney } from '../../shared/interop/import';
import { toMarkdownSummary } from '../../shared/interop/markdown';
import { decodeEntity, exportMermaid, importMermaid } from '../../shared/interop/mermaid';
import { ReportNotes } from '../../shared/interop/report';
import { loadJourneyText, validateJourney } from '../../shared/model';
import type { Journey } from '../../shared/model';

const fixtures = join(import.meta.dirname, '../fixtures/interop');
const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error, null, 1));
  return r.value;
};

describe('importers are linear (rows 17 and 18)', () => {
  const realHas = Set.prototype.has;
  afterEach(() => {
    Set.prototype.has = realHas;
  });
  const countHas = (run: () => void): number => {
    let n = 0;
    Set.prototype.has = function (this: Set<unknown>, v: unknown) {
      n++;
      return realHas.call(this, v);
    };
    try {
      run();
    } finally {
      Set.prototype.has = realHas;
    }
    return n;
  };

  it('IdAllocator.derive probes each clash once: 5,000 same names cost under 3 lookups each (was n²/2)', () => {
    const ids = new IdAllocator();
    const n = countHas(() => {
      for (let i = 0; i < 5000; i++) ids.derive('card-x');
    });
    expect(n).toBeLessThan(3 * 5000);
    expect(ids.derive('card-x')).toBe('card-x-5001');
  });

  it('a valid sheet of 6,000 cards that all say "x" imports, with distinct ids', () => {
    const rows = Array.from({ length: 6000 }, () => 'A,a,Pains,x');
    const j = must(importCsv(`stage,step,lane,text\n${rows.join('\n')}\n`));
    expect(new Set(j.cards.map((c) => c.id)).size).toBe(6000);
  });

  it('the review’s unclosed accDescr { is read as Mermaid reads it (the rest is the description), with a note', () => {
    const text = readFileSync(join(fixtures, 'reliability/unclosed-accdescr.mmd'), 'utf8');
    const notes = new ReportNotes();
    const r = importMermaid(`${text}`, { notes });
    expect(r.ok).toBe(false); // no section follows: Mermaid draws nothing either
    if (!r.ok) expect(r.error[0]!.message).toMatch(/has no sections or tasks/);
    expect(notes.changed[0]).toMatchObject({ line: 2, message: expect.stringMatching(/never closed/) });
  });

  it('the review’s 4,000 same-name sections stop at section 41 with its line', () => {
    const r = importMermaid(readFileSync(join(fixtures, 'reliability/many-sections.mmd'), 'utf8'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual([{ path: 'line 42', line: 42, column: 1, message: 'is section 41; a journey has at most 40 stages' }]);
  });

  it('fuzz: unclosed accDescr, same-name sections and same-text cards of any size give a result (200 cases)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('accdescr', 'sections', 'tasks', 'cards'), (n, word, kind) => {
        const name = word.replace(/[\r\n:#;,%]/g, '') || 'x';
        const text =
          kind === 'accdescr'
            ? `journey\naccDescr {\n${`${name}\n`.repeat(n)}`
            : kind === 'sections'
              ? `journey\n${`section ${name}\n`.repeat(n)}`
              : kind === 'tasks'
                ? `journey\nsection S\n${`  ${name}: 3: Me\n`.repeat(n)}`
                : `stage,step,lane,text\n${`A,a,Pains,"${name.replace(/"/g, '""')}"\n`.repeat(n)}`;
        const r = importJourney(text, { fileName: kind === 'cards' ? 'x.csv' : 'x.mmd' });
        if (r.ok) expect(validateJourney(r.value).ok).toBe(true);
        else expect(r.error[0]!.message).not.toMatch(/could not be read/);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

describe('exports cannot inject (rows 22–25)', () => {
  const review = must(loadJourneyText(readFileSync(join(fixtures, 'reliability/markdown-comment.json'), 'utf8'))).journey;

  it('the Markdown summary escapes raw HTML: <!--, <script>, <img onerror>', () => {
    const md = toMarkdownSummary(review);
    expect(md).not.toMatch(/<!--|<script|<img/);
    expect(md).toContain('&lt;!-- TODO: confirm with legal');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('x &lt;img src=x onerror=alert(document.domain)&gt;');
  });

  it('Markdown never holds a raw tag, whatever the text (property, full unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom('<!--', '<script>', '<img onerror=x>', '</table>', '<b>'), (text, tag) => {
        const j: Journey = { ...review, title: `${text}${tag}`, description: `${tag}${text}` };
        expect(toMarkdownSummary(j)).not.toMatch(/<(!--|script|img|\/table|b>)/);
      }),
    );
  });

  it('Mermaid export encodes # ; %% in accDescr, so "#1;" and "%%" come back as written', () => {
    const j: Journey = { ...review, description: 'Top issue #1; see %% notes' };
    const out = exportMermaid(j).text;
    expect(out).toContain('accDescr: Top issue #35;1#59; see #37;#37; notes');
    expect(must(importMermaid(out)).description).toBe('Top issue #1; see %% notes');
  });

  it('entity codes are looked up as own names only, and control characters stay as written', () => {
    expect(decodeEntity('constructor')).toBeUndefined();
    expect(decodeEntity('__proto__')).toBeUndefined();
    expect(decodeEntity('1')).toBeUndefined();
    expect(decodeEntity('35')).toBe('#');
    const j = must(importMermaid('journey\nsection a #constructor; b #__proto__; c #1; d\n  t: 3: Me\n'));
    expect(j.stages[0]!.name).toBe('a #constructor; b #__proto__; c #1; d');
  });

  it('a CSV record kind "constructor" is a problem, not a skipped row', () => {
    const r = importCsv('record,stage,step,lane,text\nconstructor,A,a,L,x\ncard,A,a,L,y\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatchObject({ path: 'row 2, column "record"', message: expect.stringMatching(/"constructor" is not a record type/) });
  });

  it('an extra field named __proto__ is kept like any other (journey and card), without polluting prototypes', () => {
    const text = JSON.stringify({ ...review, ['__proto__']: { team: 'x' } }).replace('"cards":[{', '"cards":[{"__proto__":{"polluted":true},');
    const j = must(loadJourneyText(text)).journey as Journey & Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(j, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(j)).__proto__).toEqual({ team: 'x' });
    expect(JSON.stringify(j.cards[0])).toContain('"__proto__":{"polluted":true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(j)).toBe(Object.prototype);
  });
});

describe('clear messages (rows 26–28)', () => {
  it('a CSV of only newlines "is empty"', () => {
    const r = importCsv('\n'.repeat(5_000_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toBe('is empty: it has no rows');
  });

  it('1e400 is "too large", in JSON and in CSV', () => {
    const r = loadJourneyText('{"id":"j","title":"T","stages":[{"id":"s","name":"S","steps":[{"id":"a","name":"A"}],"metrics":[{"name":"m","value":1e400}]}]}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual([{ path: 'stages[0].metrics[0].value', message: 'is a number too large to hold (more than 1.8e308)' }]);
    const c = importCsv('stage,step,lane,text,value\nA,a,KPIs,x,1e400\n');
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error[0]).toMatchObject({ path: 'row 2, column "value"', message: '"1e400" is too large to be a number' });
  });

  it('JSON nested thousands deep is refused with a message, not a stack overflow', () => {
    let deep = '1';
    for (let i = 0; i < 5000; i++) deep = `{"a":${deep}}`;
    const r = loadJourneyText(`{"id":"j","title":"T","extra":${deep},"stages":[{"id":"s","name":"S","steps":[{"id":"a","name":"A"}]}]}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toBe('is nested more than 100 levels deep; Journey Mapper reads at most 100');
  });

  it('CSV export of a journey with the review’s HTML still round-trips', () => {
    expect(must(importCsv(exportCsv(review())))).toEqual(review());
    function review(): Journey {
      return must(loadJourneyText(readFileSync(join(fixtures, 'reliability/markdown-comment.json'), 'utf8'))).journey;
    }
  });
});
