// Sheets as people keep them: without an id column, with dates as spreadsheets write them, with
// scores on any scale, as the wide grid, as .xlsx (formulas never run, formula-like text escaped),
// and metrics from an analytics export joined into a journey and updated by a newer file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse/papaparse.min.js';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportWideCsv, importCsv } from '../../shared/interop/csv';
import { importJourney } from '../../shared/interop/import';
import { ReportNotes } from '../../shared/interop/report';
import { detectDelimiter, writeCsv } from '../../shared/interop/sheet/csv-text';
import { WIDE_TEMPLATE } from '../../shared/interop/sheet/wide-template';
import { exportXlsx, importXlsx, readXlsx } from '../../shared/interop/xlsx';
import '../../shared/interop/xlsx/inflate-fflate';
import { loadJourneyText } from '../../shared/model';
import type { Journey } from '../../shared/model';
import { arbitraryJourney } from '../support/arbitrary-journey';

const root = join(import.meta.dirname, '../..');
const example = (name: string): Journey => {
  const r = loadJourneyText(readFileSync(join(root, 'shared/examples', name), 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.value.journey;
};
const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error, null, 1));
  return r.value;
};
const problems = (r: { ok: boolean; error?: unknown }) => {
  if (r.ok) throw new Error('expected problems');
  return r.error as Array<{ path: string; message: string; column?: string | number }>;
};
const withoutIdColumn = (csv: string): string => {
  const rows = Papa.parse(csv.replace(/^\ufeff/, '')).data.filter((r) => r.length > 1);
  const k = rows[0]!.indexOf('id');
  return Papa.unparse(rows.map((r) => r.filter((_, i) => i !== k)));
};

describe('a sheet whose id column was deleted', () => {
  for (const f of ['retail-purchase.json', 'saas-onboarding.json', 'public-service-blueprint.json'])
    it(`${f}: imports with ids derived from names and every reference resolved by name`, () => {
      const j = example(f);
      const notes = new ReportNotes();
      const back = must(importCsv(withoutIdColumn(exportCsv(j)), { notes }));
      expect(back.cards.map((c) => c.text)).toEqual(j.cards.map((c) => c.text));
      expect(back.cards.map((c) => c.evidence.length)).toEqual(j.cards.map((c) => c.evidence.length));
      expect(back.links.length).toBe(j.links.length);
      expect(back.curves.map((c) => c.points.length)).toEqual(j.curves.map((c) => c.points.length));
      expect(notes.changed.map((n) => n.message).join('\n')).toMatch(/ids were derived from names/);
    });

  it('a real ambiguity gets one clear message: two evidence rows with the same source cited by that source', () => {
    const p = problems(importCsv('record,stage,step,lane,text,kind,source,confidence,evidence\nevidence,,,,,interview,Calls,observed,\nevidence,,,,,interview,Calls,observed,\ncard,A,a,Pains,x,,,,Calls\n'));
    expect(p).toEqual([expect.objectContaining({ path: 'row 4, column "evidence"', message: '2 evidence rows have the source "Calls"; give them ids and cite the id' })]);
  });
});

describe('dates as spreadsheets write them', () => {
  const sheet = (...dates: string[]) => ['record,kind,source,confidence,date,stage,step,lane,text', ...dates.map((d) => `evidence,survey,S ${d},observed,${d},,,,`), 'card,,,,,A,a,Pains,x'].join('\n');
  it('reads ISO, MM/DD/YYYY, DD.MM.YYYY, two-digit years and serial numbers', () => {
    const j = must(importCsv(sheet('2026-10-14', '10/14/2026', '14.10.2026', '10/14/26', '46309')));
    expect(j.evidence.map((e) => e.date)).toEqual(['2026-10-14', '2026-10-14', '2026-10-14', '2026-10-14', '2026-10-14']);
  });
  it('reads an ambiguous slash date the way the sheet’s other slash dates show', () => {
    expect(must(importCsv(sheet('03/04/2026', '03/14/2026'))).evidence[0]!.date).toBe('2026-03-04');
    expect(must(importCsv(sheet('03/04/2026', '14/03/2026'))).evidence[0]!.date).toBe('2026-04-03');
  });
  it('gives one message with row and column for an ambiguous or bad date', () => {
    expect(problems(importCsv(sheet('03/04/2026')))).toEqual([
      { path: 'row 2, column "date"', column: 'date', line: 2, message: '"03/04/2026" could be 2026-03-04 or 2026-04-03; write it like 2026-03-04' },
    ]);
    expect(problems(importCsv(sheet('31.02.2026')))).toEqual([{ path: 'row 2, column "date"', column: 'date', line: 2, message: '"31.02.2026" is not a real calendar date' }]);
  });
});

describe('emotion scores on any scale', () => {
  const lane = (label: string, ...values: number[]) => ['stage,step,lane,text', ...values.map((v, i) => `A,s${i},${label},${v}`)].join('\n');
  const values = (j: Journey) => j.curves[0]!.points.map((p) => p.value);
  for (const [name, vs, expected, scale] of [
    ['1–5', [1, 3, 5], [-2, 0, 2], '1–5'],
    ['1–7', [1, 4, 7], [-2, 0, 2], '1–7'],
    ['1–10', [1, 10, 7], [-2, 2, 0.67], '1–10'],
    ['0–100', [0, 50, 100], [-2, 0, 2], '0–100'],
  ] as const)
    it(`${name} is mapped onto −2…+2 and the report says how`, () => {
      const notes = new ReportNotes();
      expect(values(must(importCsv(lane('Emotion', ...vs), { notes })))).toEqual(expected);
      expect(notes.changed.find((n) => /mapped linearly/.test(n.message))!.message).toContain(`on a ${scale} scale`);
    });
  it('−2…+2 is kept as it is, without a note', () => {
    const notes = new ReportNotes();
    expect(values(must(importCsv(lane('Emotion', -2, 0, 2), { notes })))).toEqual([-2, 0, 2]);
    expect(notes.changed.some((n) => /mapped/.test(n.message))).toBe(false);
  });
  it('a scale named in the label becomes the journey’s scale, so the numbers stay as written', () => {
    const j = must(importCsv(lane('Emotion (1–10)', 1, 7, 10)));
    expect(j.emotionScale).toMatchObject({ min: 1, max: 10 });
    expect(values(j)).toEqual([1, 7, 10]);
  });
});

describe('the wide grid', () => {
  it('keeps an emotion row on a scale wholly below zero (found by the property below: "−2…+-1" was read as a lane of cards)', () => {
    const j: Journey = JSON.parse(readFileSync(join(root, 'test/fixtures/journeys/negative-scale.json'), 'utf8')) as Journey;
    const out = exportWideCsv(j);
    expect(out.data).toContain('(−2…−1)');
    const back = must(importCsv(out.data));
    expect(back.cards.map((c) => c.text)).toEqual([]);
    expect(back.curves.flatMap((c) => c.points.map((p) => p.value))).toEqual([-2]);
  });

  it('keeps an emotion row whose curve name holds a line separator (U+2028; found by the property below in CI, seed 2134264092)', () => {
    const j = example('retail-purchase.json');
    const curve = { ...j.curves[0]!, name: 'Mia\u2028to-be', kind: 'to-be' as const };
    const out = exportWideCsv({ ...j, curves: [curve] });
    expect(out.data).not.toMatch(/[\u2028\u2029\u0085]/);
    const back = must(importCsv(out.data));
    expect(back.curves.map((c) => c.points.length)).toEqual([curve.points.length]);
    expect(back.cards).toHaveLength(j.cards.filter((c) => c.text.trim()).length);
    // A spreadsheet made by hand may hold the separator in the label itself: still an emotion row.
    const byHand = must(importCsv('Map,Browse\r\nSteps,Look\r\nEmotion · Mia\u2028Lee,2\r\n'));
    expect(back.curves).toHaveLength(1);
    expect(byHand.cards).toEqual([]);
    expect(byHand.curves.flatMap((c) => c.points.map((p) => p.value))).toEqual([2]);
  });

  it('reads a wide grid whose first row, read whole, looks like a column name (CI\'s property: "T\u0307,{,,o\u0300" is not the column "to")', () => {
    const text = '\ufeffT\u0307,{,,o\u0300,,\r\nSteps,A,B,C,D,E\r\nDoing,x,,,,\r\n';
    expect(detectDelimiter(text)).toBe(',');
    const back = must(importCsv(text));
    expect(back.stages.map((s) => s.name)).toEqual(['{', 'o\u0300']);
    expect(back.cards.map((c) => c.text)).toEqual(['x']);
  });

  it('the template in shared/examples is the one the panel offers, and imports', () => {
    const text = readFileSync(join(root, 'shared/examples/journey-wide-template.csv'), 'utf8');
    expect(text).toBe(writeCsv(WIDE_TEMPLATE));
    const notes = new ReportNotes();
    const j = must(importCsv(text, { notes }));
    expect(notes.layout).toBe('wide');
    expect(j.stages.map((s) => s.steps.map((st) => st.name))).toEqual([['Step 1', 'Step 2'], ['Step 3', 'Step 4']]);
    expect(j.cards.filter((c) => c.text.startsWith('One card') || c.text.startsWith('A blank line'))).toHaveLength(2);
    expect(j.personas.map((p) => p.name)).toEqual(['Persona A', 'Persona B']);
    expect(j.emotionScale).toMatchObject({ min: 1, max: 5 });
  });

  it('export then import keeps stages, steps, lanes, card texts and emotion values (property, full unicode)', () => {
    fc.assert(
      // Personas with the same name cannot be told apart in the grid (the export says so), so names are made distinct.
      fc.property(arbitraryJourney({ maxCards: 8 }).map((j) => ({ ...j, personas: j.personas.map((p, k) => ({ ...p, name: `${p.name} ${k}` })) })), (j) => {
        const out = exportWideCsv(j);
        const back = must(importCsv(out.data));
        const oneLine = (s: string) => s.trim();
        expect(back.stages.map((s) => s.steps.length)).toEqual(j.stages.map((s) => s.steps.length));
        const texts = (x: Journey) => x.cards.map((c) => c.text.trim().replace(/\n[ \t]*(\r?\n[ \t]*)+/g, '\n')).filter(Boolean).sort();
        const cardLanes = new Set(j.lanes.filter((l) => l.type !== 'emotion').map((l) => l.id));
        expect(texts(back)).toEqual(texts({ ...j, cards: j.cards.filter((c) => cardLanes.has(c.laneId) && oneLine(c.text)) }));
      }),
      { numRuns: Number(process.env.JM_PROPERTY_RUNS ?? 200) },
    );
  }, 60_000);
});

describe('.xlsx', () => {
  it('export then import gives back the same journey (property, 100 cases, full unicode)', () => {
    fc.assert(
      fc.property(arbitraryJourney(), (j) => {
        expect(must(importXlsx(exportXlsx(j).data, new ReportNotes()))).toEqual(j);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('escapes text that would run as a formula, and never writes a formula', () => {
    const j = { ...example('retail-purchase.json') };
    j.cards = [{ ...j.cards[0]!, text: '=HYPERLINK("http://x","click")' }, ...j.cards.slice(1)];
    const data = exportXlsx(j).data;
    const sheet = new TextDecoder().decode(data);
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toContain(`'=HYPERLINK("http://x","click")`);
    expect(must(importXlsx(data, new ReportNotes())).cards[0]!.text).toBe('=HYPERLINK("http://x","click")');
  });

  it('reads a formula cell’s saved result without running it, and says so; refuses .xls and damaged zips', () => {
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>stage</t></is></c><c r="B1" t="inlineStr"><is><t>lane</t></is></c><c r="C1" t="inlineStr"><is><t>text</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="inlineStr"><is><t>Pains</t></is></c><c r="C2" t="str"><f>CONCAT("a","b")</f><v>ab</v></c></row></sheetData></worksheet>';
    const zip = zipSync({
      'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="Map" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    });
    const r = importJourney(zip, { fileName: 'f.xlsx' });
    expect(must(r).cards[0]!.text).toBe('ab');
    expect(r.report.changed[0]!.message).toMatch(/1 cells hold formulas: their saved results were read \(formulas are never run\)/);
    expect(problems(importJourney(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), { fileName: 'old.xls' }))[0]!.message).toMatch(/old-style Excel file/);
    expect(problems(importJourney(Uint8Array.from([0x50, 0x4b, 3, 4, 9, 9]), { fileName: 'x.xlsx' }))[0]!.message).toMatch(/zip inside is damaged/);
    expect(readXlsx(zip, [])?.sheetName).toBe('Map');
  });
});

describe('metrics from an analytics export', () => {
  const base = () => must(importCsv('stage,step,lane,text\nNotice,Letter,Doing,Opens it\nCompare,Call,Doing,Calls\n', { fallbackTitle: 'Renewal' }));
  const metrics = (date: string, value: number) => `Stage,Step,Metric,Value,Target,Unit,Direction,Date,Source\nCompare,,Calls per 1000,${value},30,calls,lower,${date},Report\nNotice,Letter,Open rate,${value},80,%,higher,${date},Mail\nQuote,,Quotes,5,,,,${date},Web\n`;

  it('joins stage and step metrics, lists the unknown stage, and a newer file updates values and dates', () => {
    const first = importJourney(metrics('2026-10-14', 43), { fileName: 'm.csv', into: base() });
    const j1 = must(first);
    expect(first.report.format).toBe('metrics');
    expect(j1.stages[1]!.metrics).toEqual([{ name: 'Calls per 1000', value: 43, target: 30, unit: 'calls', direction: 'lower-is-better', date: '2026-10-14', source: 'Report' }]);
    const card = j1.cards.find((c) => c.text === 'Open rate')!;
    expect(card.metric).toEqual({ value: 43, target: 80, unit: '%', direction: 'higher-is-better', date: '2026-10-14', source: 'Mail' });
    expect(j1.lanes.find((l) => l.id === card.laneId)!.type).toBe('metrics');
    expect(first.report.notImported).toEqual([expect.objectContaining({ path: 'row 4, column "stage"', message: 'stage "Quote" is not in the journey, so this row was not imported' })]);
    const j2 = must(importJourney(metrics('2026-11-14', 39), { fileName: 'm.csv', into: j1 }));
    expect(j2.stages[1]!.metrics[0]).toMatchObject({ value: 39, date: '2026-11-14' });
    expect(j2.cards.filter((c) => c.text === 'Open rate')).toHaveLength(1);
    const older = importJourney(metrics('2026-09-01', 99), { fileName: 'm.csv', into: j2 });
    expect(must(older).stages[1]!.metrics[0]).toMatchObject({ value: 39, date: '2026-11-14' });
    expect(older.report.changed.map((c) => c.message).join('\n')).toMatch(/kept the value of "Calls per 1000" dated 2026-11-14/);
  });

  it('a metrics sheet without a journey to join into is refused with a clear message', () => {
    expect(problems(importJourney(metrics('2026-10-14', 1), { fileName: 'm.csv' }))[0]!.message).toMatch(/is a metrics sheet: import it into an open journey/);
  });
});
