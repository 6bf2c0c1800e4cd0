// The bench's journey generator: valid, deterministic, and as rich as a real map.
import { describe, expect, it } from 'vitest';
import { LANE_TYPES } from '../../shared/model/schema';
import { validateJourney } from '../../shared/model/validate';
import { generateJourney, SIZES } from './generate';

describe('generateJourney', () => {
  const small = SIZES[0]!.options;

  it('is deterministic', () => {
    expect(JSON.stringify(generateJourney(small))).toBe(JSON.stringify(generateJourney(small)));
    expect(JSON.stringify(generateJourney({ ...small, seed: 2 }))).not.toBe(JSON.stringify(generateJourney(small)));
  });

  it.each(SIZES.map((s) => [s.name, s.options] as const))('makes a valid %s journey of the asked size', (_, options) => {
    const j = generateJourney(options);
    expect(validateJourney(j).ok).toBe(true);
    expect(j.stages).toHaveLength(options.stages);
    expect(j.stages.every((s) => s.steps.length === options.stepsPerStage)).toBe(true);
    expect(j.lanes).toHaveLength(options.lanes);
    expect(j.personas).toHaveLength(options.personas);
    expect(j.curves).toHaveLength(options.personas * options.curvesPerPersona);
    expect(j.cards).toHaveLength(options.cards);
  });

  it('uses every lane type and the fields a real map has', () => {
    const j = generateJourney(SIZES[SIZES.length - 1]!.options);
    expect(new Set(j.lanes.map((l) => l.type))).toEqual(new Set(LANE_TYPES));
    const lane = new Map(j.lanes.map((l) => [l.id, l.type]));
    const pains = j.cards.filter((c) => lane.get(c.laneId) === 'painPoints');
    expect(pains.length).toBeGreaterThan(0);
    expect(pains.every((c) => c.owner && c.priority && c.status)).toBe(true);
    expect(j.cards.some((c) => c.channel)).toBe(true);
    expect(j.cards.some((c) => c.metric?.target !== undefined)).toBe(true);
    expect(j.cards.filter((c) => c.evidence.length).length).toBeGreaterThan(j.cards.length / 5);
    expect(j.links.some((l) => l.kind === 'loop') && j.links.some((l) => l.from.startsWith('c-'))).toBe(true);
    const { min, max } = j.emotionScale;
    const steps = j.stages.reduce((n, s) => n + s.steps.length, 0);
    for (const c of j.curves) {
      expect(c.points).toHaveLength(steps);
      expect(c.points.every((p) => p.value >= min && p.value <= max)).toBe(true);
    }
    const lengths = j.cards.map((c) => c.text.length);
    expect(Math.min(...lengths)).toBeGreaterThan(10);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(200);
  });
});
