import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCurve, tableCell, toMarkdownSummary } from '../../shared/interop/markdown';
import { importCsv } from '../../shared/interop/csv';
import { loadJourneyText } from '../../shared/model';
import type { Journey } from '../../shared/model';
import { arbitraryJourney } from '../support/arbitrary-journey';

const example = (name: string): Journey => {
  const r = loadJourneyText(readFileSync(join(import.meta.dirname, '../../shared/examples', name), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.value.journey;
};
const csv = (text: string): Journey => {
  const r = importCsv(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const anna = csv(
  [
    'record,stage,step,lane,persona,text,value,owner,priority,status',
    'journey,,,,,,,,,',
    'persona,,,,Anna,,,,,',
    'emotion,Browse,Browse,,Anna,,0,,,',
    'emotion,Checkout,Checkout,,Anna,,-1,,,',
    'emotion,Delivery,Delivery,,Anna,,-2,,,',
    'emotion,Review,Review,,Anna,,1,,,',
    'card,Delivery,Delivery,Pain points,,"Late | no ""tracking""\nand no call",,Logistics,high,open',
    'card,Review,Review,Opportunities,,Ask for a review,,,low,',
  ].join('\n'),
);

describe('describeCurve', () => {
  it('reads like the issue’s example', () => {
    expect(describeCurve(anna, anna.curves[0]!)).toBe(
      "Anna's as-is curve starts neutral at Browse (0), drops to its lowest at Delivery (-2, Very negative), and ends positive at Review (+1).",
    );
  });

  it('handles no values, one value, flat curves, highs and low ends', () => {
    const base = anna.curves[0]!;
    const at = (...vals: number[]) => ({ ...base, points: vals.map((value, i) => ({ stepId: base.points[i]!.stepId, value })) });
    expect(describeCurve(anna, at())).toBe("Anna's as-is curve has no values yet.");
    expect(describeCurve(anna, at(2))).toBe("Anna's as-is curve has one value: very positive at Browse (+2).");
    expect(describeCurve(anna, at(1, 1, 1))).toBe("Anna's as-is curve stays positive (+1) from Browse to Delivery.");
    expect(describeCurve(anna, at(0, 2, -1))).toBe(
      "Anna's as-is curve starts neutral at Browse (0), rises to its highest at Checkout (+2, Very positive), and ends negative at Delivery (-1).",
    );
  });
});

describe('toMarkdownSummary', () => {
  it('escapes | and line breaks in table cells', () => {
    expect(tableCell('a | b\nc')).toBe('a \\| b<br>c');
    const md = toMarkdownSummary(anna);
    expect(md).toContain('| Delivery | Delivery | Late \\| no "tracking"<br>and no call | Logistics | high | open |');
    expect(md).toContain('| Review | Review | Ask for a review | – | low | – |');
  });

  it('summarises a rich journey: objective, owner, status, dates, personas, stages, low points, tables, curves', () => {
    const j = example('retail-purchase.json');
    const md = toMarkdownSummary(j);
    expect(md).toMatch(/^# Buying a sofa online and in the showroom\n/);
    expect(md).toContain(`- **Objective:** ${j.objective}`);
    expect(md).toContain(`- **Owner:** ${j.owner}`);
    expect(md).toContain('- **Status:** validated');
    expect(md).toContain('- **Review by:** 2027-01-15');
    for (const p of j.personas) expect(md).toContain(`**${p.name}**`);
    for (const s of j.stages) expect(md).toContain(`### ${s.name}`);
    expect(md).toContain('Emotion low points:');
    expect(md).toContain('## Pain points');
    expect(md).toContain('## Opportunities');
    for (const c of j.curves) expect(md).toContain(describeCurve(j, c));
  });

  it('never breaks a table row, whatever the text (property)', () => {
    fc.assert(
      fc.property(arbitraryJourney(), (j) => {
        const md = toMarkdownSummary(j);
        for (const line of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---')))
          expect(line.replace(/\\\|/g, '').split('|').length).toBe(8);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
