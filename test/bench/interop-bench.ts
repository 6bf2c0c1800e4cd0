// Importer timings at the largest inputs they accept (16 MiB, the import limit) and at the repro
// inputs of the reliability review (an unclosed `accDescr {`, thousands of same-name sections, a
// valid 6,000-card sheet where every card says "x"). Every importer must handle each within about
// a second on this machine. Each input is imported twice (the first run includes compiling the
// importer); `--check` exits 1 when the faster run takes longer than `--budget` ms (default 1500).
//   npx tsx test/bench/interop-bench.ts [--check] [--budget 1500]
import { parseArgs } from 'node:util';
import { exportCsv } from '../../shared/interop/csv';
import { importJourney } from '../../shared/interop/import';
import { MAX_INPUT_BYTES } from '../../shared/interop/size';
import { exportXlsx } from '../../shared/interop/xlsx';
import '../../shared/interop/xlsx/inflate-fflate'; // .xlsx files saved by spreadsheet programs are deflated
import { LIMITS } from '../../shared/model/limits';
import type { Journey } from '../../shared/model/types';
import { atTheLimit } from '../interop/support/limit-journey';

const MiB = 1024 * 1024;

/** Repeats `unit` until the text is just under `bytes` (ASCII units). */
const fill = (head: string, unit: string, bytes = MAX_INPUT_BYTES - 1024) => head + unit.repeat(Math.floor((bytes - head.length) / unit.length));

function sixThousandX(): Journey {
  const steps = Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, name: `Step ${i}` }));
  return {
    id: 'j', title: 'Every card says x', status: 'draft', tags: [], emotionScale: { min: -2, max: 2, labels: [] }, personas: [],
    stages: [{ id: 'st', name: 'Stage', metrics: [], steps }],
    lanes: [{ id: 'l', type: 'painPoints', label: 'Pain points' }],
    cards: Array.from({ length: LIMITS.cards }, (_, i) => ({ id: `c${i}`, laneId: 'l', stepId: `s${i % 6}`, text: 'x', evidence: [] })),
    curves: [], links: [], evidence: [],
  } as unknown as Journey;
}

function largestJourney(): Journey {
  // As many 2,000-character cards as fit in the model's 8 MiB journey limit.
  const j = sixThousandX();
  const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(40).slice(0, LIMITS.textLength);
  j.cards = j.cards.slice(0, 3900).map((c) => ({ ...c, text }));
  return j;
}

const cases: Array<[string, () => Uint8Array | string, string?]> = [
  ['Mermaid: 16 MiB unclosed accDescr {', () => fill('journey\naccDescr {\n', 'x\n'), 'x.mmd'],
  ['Mermaid: 16 MiB of same-name sections', () => fill('journey\n', 'section S\n'), 'x.mmd'],
  ['Mermaid: 16 MiB of same-name tasks', () => fill('journey\nsection S\n', '  Make tea: 5: Me\n'), 'x.mmd'],
  ['Mermaid: review repro, 80 kB of same-name sections', () => fill('journey\n', 'section S\n', 80 * 1024), 'x.mmd'],
  ['CSV: 6,000 cards that all say "x"', () => exportCsv(sixThousandX()), 'x.csv'],
  ['CSV: largest valid journey (3,900 cards of 2,000 characters)', () => exportCsv(largestJourney()), 'x.csv'],
  ['CSV: a journey at the 8 MiB limit (every count at its limit, long names)', () => exportCsv(atTheLimit()), 'x.csv'],
  ['.xlsx: a journey at the 8 MiB limit', () => exportXlsx(atTheLimit()).data, 'x.xlsx'],
  ['CSV: 16 MiB of card rows (stopped at 50,000 rows)', () => fill('stage,step,lane,text\n', 'A,a,Pains,some card text here that is long enough\n'), 'x.csv'],
  ['CSV: 16 MiB of newlines', () => '\n'.repeat(MAX_INPUT_BYTES - 1), 'x.csv'],
  ['CSV bytes: 16 MiB Windows-1252', () => Uint8Array.from(Buffer.from(fill('stage,step,lane,text\n', 'A,a,Pains,caf\xe9 \xa34\n'), 'latin1')), 'x.csv'],
  ['JSON: largest valid journey', () => JSON.stringify({ format: 'journey-mapper', schemaVersion: 1, journey: largestJourney() }, null, 2), 'x.json'],
  ['.xlsx: largest valid journey', () => exportXlsx(largestJourney()).data, 'x.xlsx'],
  ['.xlsx: 6,000 cards that all say "x"', () => exportXlsx(sixThousandX()).data, 'x.xlsx'],
];

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, budget: { type: 'string', default: '1500' } } });
const budget = Number(values.budget);
let over = 0;
console.log(`${'input'.padEnd(64)} ${'size'.padStart(9)} ${'1st ms'.padStart(7)} ${'2nd ms'.padStart(7)}  result`);
for (const [name, make, fileName] of cases) {
  const input = make();
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  const times: number[] = [];
  let r: ReturnType<typeof importJourney> | undefined;
  for (let k = 0; k < 2; k++) {
    const t0 = performance.now();
    r = importJourney(input, fileName ? { fileName } : {});
    times.push(performance.now() - t0);
  }
  if (Math.min(...times) > budget) over++;
  const result = r!.ok ? `journey: ${r!.report.imported.slice(0, 4).join(', ')}` : `refused: ${r!.error[0]!.message.slice(0, 60)}`;
  console.log(`${name.padEnd(64)} ${(size / MiB).toFixed(2).padStart(6)} MB ${times.map((t) => t.toFixed(0).padStart(7)).join(' ')}  ${result}`);
}
if (values.check && over) {
  console.error(`${over} importer(s) took longer than ${budget} ms`);
  process.exit(1);
}
