// The journey arbitrary other suites rely on: valid, varied, and honouring its options.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANE_TYPES, validateJourney } from '../../shared/model';
import { arbitraryJourney } from '../support/arbitrary-journey';

describe('arbitraryJourney', { timeout: 60_000 }, () => {
  const sample = fc.sample(arbitraryJourney(), { numRuns: 300, seed: 7 });

  it('generates valid journeys', () => {
    for (const j of sample) expect(validateJourney(j).ok).toBe(true);
  });

  it('covers every lane type, curves, links, evidence, custom scales and tricky text', () => {
    const types = new Set(sample.flatMap((j) => j.lanes.map((l) => l.type)));
    expect([...types].sort()).toEqual([...LANE_TYPES].sort());
    expect(sample.some((j) => j.curves.some((c) => c.points.length > 0))).toBe(true);
    expect(sample.some((j) => j.links.length > 0 && j.evidence.length > 0)).toBe(true);
    expect(sample.some((j) => j.emotionScale.min !== -2 || j.emotionScale.max !== 2)).toBe(true);
    const texts = sample.flatMap((j) => j.cards.map((c) => c.text));
    expect(texts.some((t) => /^[=+\-@]/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('\n'))).toBe(true);
    expect(texts.some((t) => t.includes('"') && t.includes(','))).toBe(true);
    expect(texts.some((t) => /[^\x00-\x7f]/.test(t))).toBe(true);
  });

  it('honours its options', () => {
    for (const j of fc.sample(arbitraryJourney({ minimal: true, text: 'plain', scale: 'default', maxStages: 2, maxLanes: 0 }), 50)) {
      expect(j.stages.length).toBeLessThanOrEqual(2);
      expect(j.lanes).toEqual([]);
      expect(j.cards).toEqual([]);
      expect(j.emotionScale.min).toBe(-2);
      expect(j.description).toBeUndefined();
      expect(j.stages.every((s) => /^[A-Za-z][A-Za-z0-9 ]*$/.test(s.name))).toBe(true);
    }
    for (const j of fc.sample(arbitraryJourney({ fractionalValues: true }), 50))
      for (const c of j.curves) for (const p of c.points) expect(p.value).toBeGreaterThanOrEqual(j.emotionScale.min);
  });
});
