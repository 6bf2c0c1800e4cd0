// Limits that agree: a journey at the model's size limit (LIMITS.journeyBytes of JSON, with every
// count at its limit and names as long as allowed, in a three-byte script) exported in every
// format is within the import limit and imports back. A journey over the limit is refused by
// validation with a message, and a file over the import limit before it is parsed.
import { describe, expect, it } from 'vitest';
import { exportCsv, exportWideCsv } from '../../shared/interop/csv';
import { importJourney } from '../../shared/interop/import';
import { exportMermaid } from '../../shared/interop/mermaid';
import { MAX_INPUT_BYTES, checkByteSize } from '../../shared/interop/size';
import { exportXlsx } from '../../shared/interop/xlsx';
import { LIMITS, serializeJourney, validateJourney } from '../../shared/model';
import type { Journey } from '../../shared/model';
import { utf8Length } from '../../shared/storage/utf8';
import { atTheLimit } from './support/limit-journey';

describe('the import limit admits every journey the model admits', () => {
  const j = atTheLimit();
  const size = utf8Length(serializeJourney(j));

  it('builds a valid journey just under LIMITS.journeyBytes', () => {
    expect(validateJourney(j).ok).toBe(true);
    expect(size).toBeLessThanOrEqual(LIMITS.journeyBytes);
    expect(size).toBeGreaterThan(LIMITS.journeyBytes * 0.95);
    expect(MAX_INPUT_BYTES).toBe(2 * LIMITS.journeyBytes);
  });

  const formats: Array<[string, () => Uint8Array | string, string]> = [
    ['JSON', () => serializeJourney(j), 'j.json'],
    ['CSV (long)', () => exportCsv(j), 'j.csv'],
    ['CSV (long, ";")', () => exportCsv(j, { delimiter: ';' }), 'j.csv'],
    ['CSV (wide)', () => exportWideCsv(j).data, 'j.csv'],
    ['.xlsx (long)', () => exportXlsx(j).data, 'j.xlsx'],
    ['Mermaid', () => exportMermaid(j).text, 'j.mmd'],
  ];
  for (const [name, make, fileName] of formats) {
    it(`${name}: within the import limit and imports back`, () => {
      const data = make();
      const bytes = typeof data === 'string' ? utf8Length(data) : data.length;
      expect(bytes).toBeLessThanOrEqual(MAX_INPUT_BYTES);
      const r = importJourney(data, { fileName });
      if (!r.ok) throw new Error(JSON.stringify(r.error.slice(0, 3)));
      if (name === 'JSON' || name.startsWith('CSV (long') || name === '.xlsx (long)') expect(r.value).toEqual(j);
    }, 60_000);
  }

  it('a journey over the limit is refused by validation with its size, and a file over the import limit at once', () => {
    const over = { ...j, cards: [...j.cards, ...j.cards.slice(0, 200).map((c, i) => ({ ...c, id: `extra-${i}` }))] };
    const r = validateJourney(over);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toMatch(/^The journey is 8\.\d MB of JSON; the limit is 8\.0 MB/);
    expect(checkByteSize(MAX_INPUT_BYTES + 1)?.message).toMatch(/the limit is 16\.0 MB/);
  });
});
