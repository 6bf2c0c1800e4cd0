import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeCell, exportCsv, importCsv, parseNumberCell, unescapeCell } from '../../shared/interop/csv';
import { columnForHeader, inferLaneType } from '../../shared/interop/csv-columns';
import { loadJourneyText } from '../../shared/model';
import type { Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';

const root = join(import.meta.dirname, '../..');
const fixture = (name: string) => readFileSync(join(root, 'test/fixtures/interop', name), 'utf8');
const must = (r: ReturnType<typeof importCsv>): Journey => {
  if (!r.ok) throw new Error(JSON.stringify(r.error, null, 1));
  return r.value;
};
const problems = (r: ReturnType<typeof importCsv>): Problem[] => {
  if (r.ok) throw new Error('expected problems, got a journey');
  return r.error;
};
const example = (name: string): Journey => {
  const r = loadJourneyText(readFileSync(join(root, 'shared/examples', name), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.value.journey;
};
const allSteps = (j: Journey) => j.stages.flatMap((s) => s.steps);

describe('CSV dialects written by spreadsheet programs', () => {
  const files = ['excel-comma-bom-crlf.csv', 'excel-eu-semicolon.csv', 'google-sheets.csv', 'numbers.csv', 'libreoffice.csv'];
  const reference = must(importCsv(fixture('google-sheets.csv')));

  for (const f of files)
    it(`${f} imports to the same journey`, () => {
      expect(must(importCsv(fixture(f)))).toEqual(reference);
    });

  it('reads everything in the sheet', () => {
    const j = reference;
    expect(j.title).toBe('Weekly grocery order');
    expect(j.owner).toBe('Priya Raman, CX Research');
    expect(j.status).toBe('in-research');
    expect(j.personas.map((p) => [p.id, p.name])).toEqual([
      ['p-anna', 'Anna'],
      ['p-ben', 'Ben'],
    ]);
    expect(j.personas[1]!.summary).toBe('Orders for one; "just get it done".');
    expect(j.personas[0]!.goals).toEqual(['Get the weekly shop done in 10 minutes']);
    expect(j.stages.map((s) => [s.id, s.phase])).toEqual([
      ['stage-plan', 'consideration'],
      ['stage-order', 'purchase'],
      ['stage-receive', 'retention'],
    ]);
    expect(allSteps(j).map((s) => s.id)).toEqual(['step-plan.write-list', 'step-order.find-products', 'step-order.pay', 'step-receive.delivery']);
    expect(j.lanes.map((l) => l.type)).toEqual(['actions', 'painPoints', 'opportunities', 'metrics', 'emotion']);
    const byText = (t: string) => j.cards.find((c) => c.text.startsWith(t))!;
    expect(byText('Copies').text).toBe("Copies last week's list\n(edits it on the bus)");
    expect(byText('Copies').id).toBe('c-list');
    expect(byText('Search for').text).toBe('Search for "oat milk" shows 40 results, none in stock');
    expect(byText('Search for').evidence).toEqual(['ev-int-03']);
    expect(byText('- Retry').text).toBe('- Retry with the saved card'); // the leading quote was an escape
    expect(byText('Failed').metric).toEqual({ value: 1.5, target: 1, unit: '%' });
    expect(byText('Card declined')).toMatchObject({ effort: 3, value: 5, priority: 'critical', status: 'in-progress' });
    expect(j.curves.map((c) => [c.id, c.kind, c.points.length])).toEqual([
      ['curve-anna-as-is', 'as-is', 4],
      ['curve-ben-as-is', 'as-is', 2],
      ['curve-anna-to-be', 'to-be', 1],
    ]);
    expect(j.curves[0]!.points[2]).toEqual({ stepId: 'step-order.pay', value: -2, note: 'Card declined twice' });
    expect(j.links).toEqual([
      { id: expect.stringMatching(/^link-/), from: 'step-order.pay', to: 'step-order.find-products', kind: 'loop', label: 'Retry after a failed payment' },
    ]);
  });

  it('reads the shipped template', () => {
    const j = must(importCsv(readFileSync(join(root, 'shared/examples/journey-template.csv'), 'utf8')));
    expect(j.title).toBe('Online grocery order');
    expect(j.cards.length).toBeGreaterThan(3);
    expect(j.curves[0]!.points.length).toBe(4);
  });
});

describe('simple sheets (card rows only)', () => {
  const simple = [
    'Stage;Step;Lane;Text',
    'Browse;Search;Customer actions;Types "sofa"',
    'Browse;Search;Pain points;"Too many results; no filters"',
    'Browse;Compare;Ideas;Side-by-side view',
    'Buy;Pay;Pain points;Card declined',
    'Browse;Search;KPIs;Conversion 2,5 %',
    ';;;',
    '',
  ].join('\r\n');

  it('creates stages, steps and lanes in order of first appearance, with lane types from lane names', () => {
    const j = must(importCsv(simple, { fallbackTitle: 'Sofa' }));
    expect(j.title).toBe('Sofa');
    expect(j.stages.map((s) => s.name)).toEqual(['Browse', 'Buy']);
    expect(j.stages[0]!.steps.map((s) => s.name)).toEqual(['Search', 'Compare']);
    expect(j.lanes.map((l) => [l.label, l.type])).toEqual([
      ['Customer actions', 'actions'],
      ['Pain points', 'painPoints'],
      ['Ideas', 'opportunities'],
      ['KPIs', 'metrics'],
    ]);
    expect(j.cards.map((c) => c.text)).toContain('Too many results; no filters');
  });

  it('without a step column, makes one step per stage named like the stage', () => {
    const j = must(importCsv('stage,lane,text\nAware,Thinking,Sees an ad\nBuy,Doing,Pays\n'));
    expect(j.stages.map((s) => s.steps.map((st) => st.name))).toEqual([['Aware'], ['Buy']]);
    expect(j.lanes.map((l) => l.type)).toEqual(['thoughts', 'actions']);
  });

  it('reads numbers in an emotion lane as the persona’s as-is curve', () => {
    const j = must(importCsv('stage,step,lane,text\nA,a,Emotion,-1\nA,b,Emotion,2\nA,a,Actions,Does\n'));
    expect(j.personas.map((p) => p.name)).toEqual(['Customer']);
    expect(j.curves[0]!.points.map((p) => p.value)).toEqual([-1, 2]);
    expect(j.lanes.map((l) => l.type)).toEqual(['emotion', 'actions']);
  });

  it('accepts headers in any case, order and spacing', () => {
    for (const h of ['Lane Type', 'lane_type', 'LANE-TYPE', ' laneType ', 'type']) expect(columnForHeader(h)).toBe('lane_type');
    const j = must(importCsv('TEXT , Lane Type ,LANE,  Stage\nHello,opportunities,Next,S1\n'));
    expect(j.lanes[0]).toMatchObject({ label: 'Next', type: 'opportunities' });
  });

  it('guesses lane types from names', () => {
    expect(inferLaneType('Pain points')).toBe('painPoints');
    expect(inferLaneType('Customer pain points')).toBe('painPoints');
    expect(inferLaneType('Behind the scenes')).toBe('backstage');
    expect(inferLaneType('Feelings')).toBe('thoughts');
    expect(inferLaneType('Emotions')).toBe('text');
    expect(inferLaneType('Random notes here')).toBe('text');
  });
});

describe('stable ids on re-import', () => {
  const sheet = (cardText: string, withIds: boolean) =>
    [
      `${withIds ? 'id,' : ''}stage,step,lane,text`,
      `${withIds ? 'c1,' : ''}Browse,Search,Pain points,${cardText}`,
      `${withIds ? 'c2,' : ''}Buy,Pay,Actions,Pays by card`,
    ].join('\n');

  it('keeps stage, step and lane ids when a card’s text is edited', () => {
    const a = must(importCsv(sheet('Slow search', false)));
    const b = must(importCsv(sheet('Search is slow and shows no stock', false)));
    expect(b.stages).toEqual(a.stages);
    expect(b.lanes).toEqual(a.lanes);
    // Without an id column a card's id hashes step + lane + text: the edited card gets a new id,
    // the untouched one keeps its id.
    expect(b.cards[0]!.id).not.toBe(a.cards[0]!.id);
    expect(b.cards[1]!.id).toBe(a.cards[1]!.id);
  });

  it('keeps card ids when the sheet has an id column', () => {
    const a = must(importCsv(sheet('Slow search', true)));
    const b = must(importCsv(sheet('Search is slow', true)));
    expect(b.cards.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(a.cards.map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('disambiguates clashing slugs in order of appearance', () => {
    const j = must(importCsv('stage,step,lane,text\nÜber uns,A,X,1\nuber-uns,A,X,2\nÜber uns,A,X,1\n'));
    expect(j.stages.map((s) => s.id)).toEqual(['stage-uber-uns', 'stage-uber-uns-2']);
    expect(j.cards[0]!.id).not.toBe(j.cards[2]!.id);
    expect(j.cards[2]!.id).toBe(`${j.cards[0]!.id}-2`);
  });

  it('gives names without ASCII letters a hashed, stable slug', () => {
    const a = must(importCsv('stage,step,lane,text\n購入,支払い,😀,x\n'));
    const b = must(importCsv('stage,step,lane,text\n購入,支払い,😀,y\n'));
    expect(a.stages[0]!.id).toMatch(/^stage-x[0-9a-z]{8}$/);
    expect(b.stages[0]!.id).toBe(a.stages[0]!.id);
    expect(b.lanes[0]!.id).toBe(a.lanes[0]!.id);
  });

  it('export then import keeps every id', () => {
    const j = example('saas-onboarding.json');
    expect(must(importCsv(exportCsv(j)))).toEqual(j);
  });
});

describe('cell escaping (CSV injection)', () => {
  it('prefixes cells starting with = + - @ tab CR with a quote, and removes exactly one on import', () => {
    for (const t of ['=SUM(A1)', '+1', '-x', '@me', '\tx', '\rx', "'=x", "''-y"]) {
      expect(escapeCell(t)).toBe(`'${t}`);
      expect(unescapeCell(escapeCell(t))).toBe(t);
    }
    for (const t of ['plain', "'quoted", 'a=b', '']) {
      expect(escapeCell(t)).toBe(t);
      expect(unescapeCell(t)).toBe(t);
    }
  });

  it('escapes text cells in exports but writes negative numbers as numbers', () => {
    const j = must(importCsv('stage,step,lane,text\nS,T,L,=HYPERLINK("http://evil")\n'));
    const csv = exportCsv(j);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toMatch(/\nscale,(,)*min,,-2,/);
    expect(must(importCsv(csv)).cards[0]!.text).toBe('=HYPERLINK("http://evil")');
  });
});

describe('numbers', () => {
  it('reads decimal commas only when the delimiter is ";" (or tab)', () => {
    expect(parseNumberCell('1,5', true)).toBe(1.5);
    expect(parseNumberCell('1,5', false)).toBeUndefined();
    expect(parseNumberCell(' −2 ', false)).toBe(-2);
    expect(parseNumberCell('+1', false)).toBe(1);
    expect(parseNumberCell('1e3', false)).toBe(1000);
    expect(parseNumberCell('high', false)).toBeUndefined();
  });

  it('exports with ";" and decimal commas, and reads that back', () => {
    const j = example('retail-purchase.json');
    const csv = exportCsv(j, { delimiter: ';' });
    expect(csv.split('\r\n')[0]).toContain('record;id;stage');
    expect(csv).toContain(';0,9;');
    expect(must(importCsv(csv))).toEqual(j);
    expect(must(importCsv(exportCsv(j, { delimiter: '\t', bom: false })))).toEqual(j);
  });
});

describe('bad input: problems with row, column and plain words', () => {
  const header = 'record,stage,step,lane,persona,curve,text,value';
  const rows = (...r: string[]) => [header, ...r].join('\n');

  it('says which row and column hold a value that is not a number', () => {
    const p = problems(
      importCsv(
        rows(
          'stage,Browse,,,,,,',
          'step,Browse,Search,,,,,',
          'persona,,,,Anna,,,',
          'emotion,Browse,Search,,Anna,As-is,,1',
          'card,Browse,Search,Pains,,,Slow,',
          'emotion,Browse,Search,,Anna,As-is,,high',
        ),
      ),
    );
    expect(p).toEqual([{ path: 'row 7, column "value"', message: '"high" is not a number', line: 7, column: 'value' }]);
  });

  it('reports every problem at once, never a partial journey', () => {
    const p = problems(importCsv(rows('banana,Browse,,,,,,', 'card,,,Pains,,,x,', 'card,A,a,,,,x,', 'card,A,a,L,,,x,', 'card,A,b,L,,,y,')));
    expect(p.map((x) => x.path)).toEqual(['row 2, column "record"', 'row 3, column "step"', 'row 4, column "lane"']);
    expect(p[0]!.message).toMatch(/"banana" is not a record type; use one of/);
  });

  it('names unknown enum values and lists the allowed ones', () => {
    const p = problems(importCsv('stage,step,lane,text,priority,lane_type\nA,a,L,x,urgentish,\nA,a,M,y,,sideways\n'));
    expect(p[0]).toMatchObject({ path: 'row 2, column "priority"', message: '"urgentish" is not one of "low", "medium", "high", "critical"' });
    expect(p[1]).toMatchObject({ path: 'row 3, column "lane_type"' });
  });

  it('maps model problems (off-scale values, unknown evidence, duplicate ids) back to rows', () => {
    const off = problems(importCsv(rows('emotion,A,a,,Anna,As-is,,700')));
    expect(off[0]).toMatchObject({ path: 'row 2, column "value"', line: 2 });
    expect(off[0]!.message).toMatch(/^700 is outside the emotion scale −2…\+2, and no common scale/);
    expect(off[0]!.message).not.toMatch(/step-|curves\[/);
    const ev = problems(importCsv('stage,step,lane,text,evidence\nA,a,L,x,ev-9\n'));
    expect(ev[0]).toMatchObject({ path: 'row 2, column "evidence"' });
    expect(ev[0]!.message).toMatch(/evidence "ev-9" is not in the sheet/);
    const dup = problems(importCsv('id,stage,step,lane,text\nc1,A,a,L,x\nc1,A,a,L,y\n'));
    expect(dup[0]).toMatchObject({ path: 'row 3, column "id"' });
  });

  it('reports an unclosed quote instead of swallowing the rest of the file', () => {
    const p = problems(importCsv('stage,step,lane,text\nA,a,L,"unclosed\nB,b,L,x\n'));
    expect(p[0]!.message).toMatch(/quote mark/);
    expect(p[0]!.path).toMatch(/^row 2/);
  });

  it('explains empty files and files without a header', () => {
    expect(problems(importCsv(''))[0]!.message).toMatch(/is empty/);
    expect(problems(importCsv('\ufeff\r\n\r\n'))[0]!.message).toMatch(/is empty/);
    expect(problems(importCsv('\n'.repeat(10 * 1024 * 1024 - 1)))[0]!.message).toMatch(/is empty/);
    expect(problems(importCsv('foo,bar\n1,2\n'))[0]!.message).toMatch(/column names/);
    expect(problems(importCsv('record,text\n'))[0]!.message).toMatch(/no stages/);
  });

  it('refuses a card in an emotion lane whose text is not a number', () => {
    const p = problems(importCsv('stage,step,lane,lane_type,text\nA,a,Mood,emotion,happy\n'));
    expect(p[0]!.message).toMatch(/emotion lane/);
  });
});

describe('CSV-FORMAT.md', () => {
  it('its example imports', () => {
    const doc = readFileSync(join(root, 'shared/interop/CSV-FORMAT.md'), 'utf8');
    const example = /```csv\n([\s\S]*?)```/.exec(doc)![1]!;
    const j = must(importCsv(example));
    expect(j.title).toBe('Online grocery order');
    expect(j.cards.map((c) => c.id)).toContain('c-7');
    expect(j.links[0]).toMatchObject({ from: 'step-checkout.pay', to: 'step-browse.search', kind: 'loop' });
  });
});
