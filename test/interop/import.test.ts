import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, importJourneyText } from '../../shared/interop/import';
import * as interop from '../../shared/interop';

const root = join(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

describe('importJourneyText', () => {
  it('detects the format by extension, then by content', () => {
    expect(detectFormat('whatever', 'map.JSON')).toBe('json');
    expect(detectFormat('a,b', 'map.csv')).toBe('csv');
    expect(detectFormat('a\tb', 'map.tsv')).toBe('csv');
    expect(detectFormat('journey', 'map.mmd')).toBe('mermaid');
    expect(detectFormat('# Notes\n```mermaid\njourney\n```', 'notes.md')).toBe('mermaid');
    expect(detectFormat('\ufeff  {"journey": {}}')).toBe('json');
    expect(detectFormat('%% comment\n\njourney\n  title x')).toBe('mermaid');
    expect(detectFormat('---\ntitle: x\n---\njourney\n')).toBe('mermaid');
    expect(detectFormat('stage,step,lane,text\n')).toBe('csv');
    expect(detectFormat('{"a":1}', 'export.txt')).toBe('json');
    expect(detectFormat('stage,step\n', 'export.txt')).toBe('csv');
  });

  it('reads the JSON examples through loadJourneyText (envelope, migrations, validation)', () => {
    for (const f of ['retail-purchase.json', 'saas-onboarding.json']) {
      const r = importJourneyText(read(`shared/examples/${f}`), f);
      expect(r.ok).toBe(true);
    }
  });

  it('reports JSON syntax errors with a line and column', () => {
    const r = importJourneyText('{\n  "title": "x",\n  oops\n}', 'broken.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.line).toBe(3);
  });

  it('reads CSV and Mermaid, taking the file name as a title when the input has none', () => {
    const csv = importJourneyText('stage,step,lane,text\nA,a,Pains,x\n', 'uploads/Checkout review.csv');
    expect(csv.ok && csv.value.title).toBe('Checkout review');
    const mmd = importJourneyText('journey\nsection S\n  t: 3: Me\n', 'C:\\maps\\Onboarding.mmd');
    expect(mmd.ok && mmd.value.title).toBe('Onboarding');
    const fixture = importJourneyText(read('test/fixtures/interop/excel-eu-semicolon.csv'), 'excel-eu-semicolon.csv');
    expect(fixture.ok && fixture.value.title).toBe('Weekly grocery order');
  });

  it('exports its API from shared/interop/index.ts', () => {
    for (const name of ['importJourneyText', 'importCsv', 'exportCsv', 'importMermaid', 'exportMermaid', 'toMarkdownSummary', 'describeCurve', 'checkInputSize'])
      expect(typeof (interop as Record<string, unknown>)[name]).toBe('function');
  });
});
