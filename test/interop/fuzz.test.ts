// Fuzzing the importers: random text and mutated valid inputs must give a Result (journey or
// problems), never an exception, within a time bound; huge inputs are refused before parsing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv, importCsv } from '../../shared/interop/csv';
import { importJourney, importJourneyText } from '../../shared/interop/import';
import { exportXlsx } from '../../shared/interop/xlsx';
import '../../shared/interop/xlsx/inflate-fflate';
import { exportMermaid, importMermaid } from '../../shared/interop/mermaid';
import { MAX_INPUT_BYTES, checkInputSize, utf8Length } from '../../shared/interop/size';
import { validateJourney } from '../../shared/model';
import type { Journey } from '../../shared/model';
import type { Problem, Result } from '../../shared/result';
import { arbitraryJourney } from '../support/arbitrary-journey';

const fixtures = join(import.meta.dirname, '../fixtures/interop');
const seeds = {
  csv: ['google-sheets.csv', 'excel-eu-semicolon.csv', 'libreoffice.csv'].map((f) => readFileSync(join(fixtures, f), 'utf8')),
  mermaid: ['mermaid-docs-working-day.mmd', 'mermaid-frontmatter-directive.mmd', 'mermaid-spec-tasks.mmd'].map((f) => readFileSync(join(fixtures, f), 'utf8')),
};

/** Per input, in ms. Generous for loaded CI machines; typical inputs take well under 5 ms. */
const TIME_BOUND = 1000;

type Importer = (text: string) => Result<Journey, Problem[]>;

function wellBehaved(importer: Importer, text: string): void {
  const start = performance.now();
  let r: Result<Journey, Problem[]>;
  try {
    r = importer(text);
  } catch (e) {
    throw new Error(`threw on ${JSON.stringify(text.slice(0, 300))}: ${String(e)}`);
  }
  const ms = performance.now() - start;
  expect(ms).toBeLessThan(TIME_BOUND);
  if (r.ok) {
    // A journey is only ever returned complete and valid.
    expect(validateJourney(r.value).ok).toBe(true);
  } else {
    expect(r.error.length).toBeGreaterThan(0);
    for (const p of r.error) {
      expect(typeof p.message).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
      expect(typeof p.path).toBe('string');
      // The importers catch unexpected exceptions as a last resort; fuzzing must never reach it.
      expect(p.message, `internal error on ${JSON.stringify(text.slice(0, 300))}`).not.toMatch(/^could not be read/);
    }
  }
}

/** Deletes, duplicates and inserts characters and whole lines. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('del-char' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('dup-char' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('ins-char' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('"', ',', ';', '\n', '\r', ':', '#', '%%', '}', '{', '\ufeff', '\t', '#35;', '<br>')) }),
  fc.record({ op: fc.constant('del-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dup-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('ins-line' as const), at: fc.nat(), text: fc.string({ maxLength: 30 }) }),
  fc.record({ op: fc.constant('swap-lines' as const), at: fc.nat(), to: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    const lines = t.split('\n');
    const li = m.at % lines.length;
    switch (m.op) {
      case 'del-char':
        t = t.slice(0, at) + t.slice(at + m.len);
        break;
      case 'dup-char':
        t = t.slice(0, at + m.len) + t.slice(at, at + m.len) + t.slice(at + m.len);
        break;
      case 'ins-char':
        t = t.slice(0, at) + m.text + t.slice(at);
        break;
      case 'del-line':
        lines.splice(li, 1);
        t = lines.join('\n');
        break;
      case 'dup-line':
        lines.splice(li, 0, lines[li] ?? '');
        t = lines.join('\n');
        break;
      case 'ins-line':
        lines.splice(li, 0, m.text);
        t = lines.join('\n');
        break;
      case 'swap-lines': {
        const lj = m.to % lines.length;
        [lines[li], lines[lj]] = [lines[lj] ?? '', lines[li] ?? ''];
        t = lines.join('\n');
        break;
      }
    }
  }
  return t;
}

const importers: Record<string, Importer> = {
  csv: (t) => importCsv(t),
  mermaid: (t) => importMermaid(t),
  'importJourneyText (no name)': (t) => importJourneyText(t),
  'importJourneyText (.json)': (t) => importJourneyText(t, 'x.json'),
};

describe('fuzz: random input', () => {
  for (const [name, importer] of Object.entries(importers)) {
    it(`${name}: random strings never throw (300 cases)`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 400 }), fc.array(fc.constantFrom('journey', 'section', 'title', ':', ',', ';', '"', '\n', '\r\n', 'record', 'stage', 'card', '5', '-', '%%', '{', '}', ' '), { maxLength: 60 }).map((a) => a.join(''))), (t) =>
          wellBehaved(importer, t),
        ),
        { numRuns: 300 },
      );
    }, 60_000);
  }
});

describe('fuzz: mutated valid input', () => {
  it('CSV: mutated sheets (fixtures and exports of random journeys) never throw (400 cases)', () => {
    const source = fc.oneof(fc.constantFrom(...seeds.csv), arbitraryJourney({ maxCards: 6 }).map((j) => exportCsv(j)));
    fc.assert(
      fc.property(source, fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, ms) => {
        wellBehaved(importers.csv!, mutate(text, ms));
        wellBehaved(importers['importJourneyText (no name)']!, mutate(text, ms));
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('Mermaid: mutated diagrams (fixtures and exports of random journeys) never throw (400 cases)', () => {
    const source = fc.oneof(fc.constantFrom(...seeds.mermaid), arbitraryJourney().map((j) => exportMermaid(j).text));
    fc.assert(
      fc.property(source, fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, ms) => {
        wellBehaved(importers.mermaid!, mutate(text, ms));
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('a mutation that only touches a comment or blank line keeps Mermaid importing', () => {
    const text = `${seeds.mermaid[0]}\n%% a comment\n\n`;
    const r = importMermaid(text);
    expect(r.ok).toBe(true);
  });
});

describe('huge inputs are refused before parsing', () => {
  const big = 'a'.repeat(MAX_INPUT_BYTES + 1);
  for (const [name, importer] of Object.entries(importers)) {
    it(`${name}: over 16 MiB is refused at once with a clear message`, () => {
      const start = performance.now();
      const r = importer(big);
      expect(performance.now() - start).toBeLessThan(50);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error[0]!.message).toMatch(/too large to import .* the limit is 16\.0 MB/);
    });
  }

  it('counts UTF-8 bytes, not UTF-16 units: 6 MiB of "€" (3 bytes each) is 18 MiB', () => {
    const euros = '€'.repeat(6 * 1024 * 1024);
    expect(utf8Length(euros)).toBe(Buffer.byteLength(euros, 'utf8'));
    expect(checkInputSize(euros)?.message).toMatch(/18\.0 MB/);
    expect(checkInputSize('€'.repeat(5 * 1024 * 1024))).toBeUndefined();
  });

  it('utf8Length matches Node for any string, surrogate pairs and lone surrogates included (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }), (a, b) => {
        const s = a + b + a;
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
    );
  }, 60_000);

  it('a 9 MiB sheet under the limit is parsed, then stopped by the row limit with a clear message', () => {
    const row = 'A,a,L,some card text here\n';
    const text = `stage,step,lane,text\n${row.repeat(Math.floor((9 * 1024 * 1024) / row.length))}`;
    const start = performance.now();
    const r = importCsv(text);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toMatch(/more than 50000 rows/);
  }, 60_000);
});

describe('importers never return a partly imported journey', () => {
  it('a journey from any importer validates (property over exports of random journeys)', () => {
    fc.assert(
      fc.property(arbitraryJourney(), (j) => {
        for (const r of [importCsv(exportCsv(j)), importMermaid(exportMermaid(j).text)]) {
          expect(r.ok).toBe(true);
          if (r.ok) expect(validateJourney(r.value)).toEqual({ ok: true, value: r.value });
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('fuzz: bytes in', () => {
  const byteImporter = (bytes: Uint8Array, fileName?: string) => {
    const r = importJourney(bytes, fileName ? { fileName } : {});
    expect(r.report).toBeDefined();
    if (r.ok) expect(validateJourney(r.value).ok).toBe(true);
    else for (const p of r.error) expect(p.message, 'internal error').not.toMatch(/^could not be read/);
  };

  it('random bytes (any encoding, BOMs, zip and .xls signatures) never throw (300 cases)', () => {
    const prefix = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x50, 0x4b, 3, 4], [0xd0, 0xcf, 0x11, 0xe0]);
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 600 }), fc.constantFrom(undefined, 'x.csv', 'x.xlsx', 'x.mmd', 'x.json'), (head, body, name) => {
        byteImporter(Uint8Array.from([...head, ...body]), name);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('mutated workbooks (exports of random journeys with bytes changed or cut) never throw (150 cases)', () => {
    fc.assert(
      fc.property(arbitraryJourney({ maxCards: 4 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(), (j, changes, cut) => {
        const bytes = exportXlsx(j).data.slice();
        for (const [at, b] of changes) bytes[at % bytes.length] = b;
        byteImporter(cut % 3 === 0 ? bytes.subarray(0, cut % bytes.length) : bytes, 'x.xlsx');
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('text in any encoding reads back the same (property, full unicode): UTF-8 with and without BOM, UTF-16 LE and BE', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (word) => {
        const text = `stage,lane,text\nA,Pains,"${word.replace(/"/g, '""').replace(/^[=+\-@\t\r]/, "'$&")}x"\n`;
        const utf8 = Buffer.from(text, 'utf8');
        const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        const be = Buffer.from(le.subarray(2)).swap16();
        const forms = [utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), le, Buffer.concat([Buffer.from([0xfe, 0xff]), be])];
        const texts = forms.map((b) => {
          const r = importJourney(new Uint8Array(b), { fileName: 'x.csv' });
          return r.ok ? r.value.cards[0]?.text : r.error[0]!.message;
        });
        expect(new Set(texts).size).toBe(1);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

