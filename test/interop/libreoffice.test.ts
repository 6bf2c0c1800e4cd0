// Files saved by a real spreadsheet program: LibreOffice Calc opened each UTF-8 source sheet and
// saved it in every CSV dialect, in Windows-1252, Mac OS Roman and UTF-16 ("Unicode Text"), and as
// .xlsx (test/fixtures/interop/libreoffice/make-fixtures.sh made them). Each must import to the
// same journey as its source, and the import report must say how the bytes were read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJourney } from '../../shared/interop/import';
import '../../shared/interop/xlsx/inflate-fflate'; // .xlsx files saved by spreadsheet programs are deflated
import type { Journey } from '../../shared/model';

const dir = join(import.meta.dirname, '../fixtures/interop/libreoffice');
const bytes = (f: string) => new Uint8Array(readFileSync(join(dir, f)));
const journeyOf = (f: string, fileName = f): { journey: Journey; report: ReturnType<typeof importJourney>['report'] } => {
  const r = importJourney(bytes(f), { fileName });
  if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.error, null, 1)}`);
  return { journey: r.value, report: r.report };
};
/** The source's name stands in for the fixture's, so titles taken from file names agree. */
const sourceOf = (f: string) => `source-${f.replace(/^(western|world|researcher-wide|researcher-long|metrics).*$/, '$1')}.csv`;

const ENCODING: Array<[RegExp, string]> = [
  [/windows-1252/, 'Windows-1252'],
  [/macroman/, 'Mac OS Roman'],
  [/unicode-text|utf16/, 'UTF-16 LE (byte order mark)'],
  [/./, 'UTF-8'],
];

describe('files LibreOffice wrote import to the same journey as their source', () => {
  const files = readdirSync(dir).filter((f) => !f.startsWith('source-') && !f.endsWith('.sh') && !f.startsWith('metrics'));
  it('has every dialect, encoding and .xlsx', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
    for (const kind of ['semicolon', 'tab', 'quote-all', 'windows-1252', 'macroman', 'unicode-text', '.xlsx']) expect(files.some((f) => f.includes(kind)), kind).toBe(true);
  });

  for (const f of files) {
    it(f, () => {
      const source = journeyOf(sourceOf(f)).journey;
      const { journey, report } = journeyOf(f, sourceOf(f));
      expect(journey).toEqual(source);
      if (f.endsWith('.xlsx')) expect(report.format).toBe('xlsx');
      else expect(report.encoding).toBe(ENCODING.find(([re]) => re.test(f))![1]);
      if (/windows-1252|macroman/.test(f)) expect(report.changed[0]!.message).toMatch(/is not UTF-8, so it was read as/);
    });
  }

  it('keeps £, €, “quotes”, accents, Arabic, Hebrew, CJK and emoji', () => {
    const w = journeyOf('western-windows-1252.csv').journey;
    expect(w.title).toBe('Café order – Zürich & Málaga');
    expect(w.evidence[0]!.quote).toBe('Prices in £ and € confuse me – “which one?”');
    expect(journeyOf('western-macroman.csv').journey.title).toBe('Café order – Zürich & Málaga');
    const world = journeyOf('world-unicode-text.txt').journey;
    expect(world.personas.map((p) => p.name)).toEqual(['Mariam مريم', 'Noa נועה']);
    expect(world.cards[0]!.text).toBe('検索で「オーツミルク」を探す\nبحث عن الحليب 🥛');
    expect(world.cards[1]!.note).toBe('Zero-width joiner: 👩‍💻, combining: é');
  });

  it('reads the researcher’s wide grid with 1–10 scores, and the long sheet with US dates and 1–5 scores', () => {
    const wide = journeyOf('researcher-wide.xlsx');
    expect(wide.report.layout).toBe('wide');
    expect(wide.journey.stages.map((s) => s.name)).toEqual(['Notice', 'Compare', 'Decide']);
    expect(wide.journey.emotionScale).toMatchObject({ min: 1, max: 10 });
    expect(wide.journey.cards.filter((c) => c.stepId === wide.journey.stages[0]!.steps[1]!.id).map((c) => c.text)).toEqual([
      "Checks last year's price",
      'Finds the old policy PDF',
      'Email',
      'Price up 38% with no reason',
      'Explain the price change',
    ]);
    const long = journeyOf('researcher-long.xlsx');
    expect(long.journey.cards.find((c) => c.text.startsWith('Price up'))).toMatchObject({ owner: 'Pricing team', priority: 'high' });
    expect(long.report.changed.map((c) => c.message).join('\n')).toMatch(/on a 1–5 scale, mapped linearly/);
  });

  it('joins the metrics LibreOffice saved into the journey, and lists the unknown stage', () => {
    const base = journeyOf('source-researcher-long.csv').journey;
    for (const f of ['metrics.xlsx', 'metrics-unicode-text.txt', 'source-metrics.csv']) {
      const r = importJourney(bytes(f), { fileName: f, into: base });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.report.format).toBe('metrics');
      expect(r.value.stages.find((s) => s.name === 'Compare')!.metrics).toEqual([
        { name: 'Calls per 1000 customers', value: 43, target: 30, unit: 'calls', direction: 'lower-is-better', date: '2026-10-14', source: 'Contact centre report' },
      ]);
      expect(r.report.notImported).toEqual([expect.objectContaining({ path: 'row 6, column "stage"', message: expect.stringMatching(/stage "Quote" is not in the journey/) })]);
    }
  });
});
