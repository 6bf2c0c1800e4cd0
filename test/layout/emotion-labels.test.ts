// Issue 15, item 10: the emotion lane's value labels never collide. Over generated journeys, in
// both densities: no two value labels overlap, no label sits on a marker other than its own or on
// a curve of another persona, labels stay in the plot, and markers of different curves never cover
// each other (coincident values are nudged apart). Curves are read from the drawn path data, not
// from the placement code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutJourney } from '../../shared/layout/layout';
import { walk, type FrameSpec, type NodeSpec } from '../../shared/layout/spec';
import { StyleOptionsSchema } from '../../shared/style/options';
import type { Journey } from '../../shared/model/types';
import { arbitraryJourney } from '../support/arbitrary-journey';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
type Pt = [number, number];

const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;
const inBox = ([x, y]: Pt, b: Box) => x > b.x && x < b.x + b.w && y > b.y && y < b.y + b.h;

/** Points along a path of M, L and C commands, 40 per Bézier, offset by the vector's position. */
function samplePath(path: string, dx: number, dy: number): Pt[] {
  const tokens = path.split(' ');
  const out: Pt[] = [];
  let cur: Pt = [0, 0];
  for (let i = 0; i < tokens.length; ) {
    const cmd = tokens[i++];
    const num = () => Number(tokens[i++]);
    if (cmd === 'M' || cmd === 'L') {
      cur = [num() + dx, num() + dy];
      out.push(cur);
    } else if (cmd === 'C') {
      const c1: Pt = [num() + dx, num() + dy];
      const c2: Pt = [num() + dx, num() + dy];
      const end: Pt = [num() + dx, num() + dy];
      for (let k = 1; k <= 40; k++) {
        const t = k / 40;
        const u = 1 - t;
        const at = (j: 0 | 1) => u * u * u * cur[j] + 3 * u * u * t * c1[j] + 3 * u * t * t * c2[j] + t * t * t * end[j];
        out.push([at(0), at(1)]);
      }
      cur = end;
    } else throw new Error(`unexpected path command ${cmd}`);
  }
  return out;
}

interface Problem {
  what: string;
  a: string;
  b: string;
}

/** Every collision in one emotion frame. */
function collisions(plot: FrameSpec, personaOfCurve: Map<string, string>): Problem[] {
  const labels: { key: string; curve: string; point: string; box: Box }[] = [];
  const markers: { key: string; curve: string; box: Box }[] = [];
  const curves: { curve: string; line: Pt[] }[] = [];
  for (const c of plot.children) {
    if (c.type === 'VECTOR' && c.tag?.kind === 'curve') curves.push({ curve: c.tag.id, line: samplePath(c.path, c.x ?? 0, c.y ?? 0) });
    else if (c.tag?.kind === 'point' && c.type !== 'CONNECTOR' && c.type !== 'TEXT' && c.type !== 'FRAME')
      markers.push({ key: c.key, curve: c.tag.id, box: { x: c.x ?? 0, y: c.y ?? 0, w: c.width, h: c.height } });
  }
  for (const c of plot.children) {
    if (c.type !== 'TEXT' || !c.key.endsWith('/value')) continue;
    const owner = markers.find((mk) => c.key === `${mk.key}/value`);
    if (!owner) throw new Error(`label ${c.key} has no marker`);
    labels.push({ key: c.key, curve: owner.curve, point: owner.key, box: { x: c.x ?? 0, y: c.y ?? 0, w: c.width ?? 0, h: c.lineHeight } });
  }
  const problems: Problem[] = [];
  labels.forEach((l, i) => {
    if (l.box.y < 0 || l.box.y + l.box.h > plot.height || l.box.w <= 0) problems.push({ what: 'label out of the plot', a: l.key, b: '' });
    for (const o of labels.slice(i + 1)) if (overlap(l.box, o.box)) problems.push({ what: 'labels overlap', a: l.key, b: o.key });
    for (const mk of markers) if (mk.key !== l.point && overlap(l.box, mk.box)) problems.push({ what: 'label on a marker', a: l.key, b: mk.key });
    for (const cv of curves) {
      if (personaOfCurve.get(cv.curve) === personaOfCurve.get(l.curve)) continue;
      if (cv.line.some((p) => inBox(p, l.box))) problems.push({ what: 'label on another persona’s curve', a: l.key, b: cv.curve });
    }
  });
  markers.forEach((a, i) => {
    for (const b of markers.slice(i + 1)) if (a.curve !== b.curve && overlap(a.box, b.box)) problems.push({ what: 'markers cover each other', a: a.key, b: b.key });
  });
  return problems;
}

function allCollisions(j: Journey, density: 'compact' | 'comfortable'): Problem[] {
  const personaOfCurve = new Map(j.curves.map((c) => [c.id, c.personaId]));
  const problems: Problem[] = [];
  walk(layoutJourney(j, StyleOptionsSchema.parse({ density })).root, (s: NodeSpec) => {
    if (s.type === 'FRAME' && s.key.startsWith('emotion:')) problems.push(...collisions(s, personaOfCurve));
  });
  return problems;
}

/** Journeys with an emotion lane, several personas and curves, values often shared. */
const withEmotion = arbitraryJourney({ maxPersonas: 3, maxCurvesPerPersona: 3, maxLanes: 3, maxStages: 3, maxCards: 2, maxLinks: 0 }).map((j) => ({
  ...j,
  lanes: [{ id: '__emotion', type: 'emotion' as const, label: 'Emotion', hidden: false }, ...j.lanes],
}));

describe('emotion value labels', () => {
  it('never collide, in both densities (200 generated journeys)', () => {
    fc.assert(
      fc.property(withEmotion, (j) => {
        for (const density of ['compact', 'comfortable'] as const) expect(allCollisions(j, density), density).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('nudges coincident markers apart: two personas with the same values', () => {
    const j = fc.sample(withEmotion.filter((x) => x.personas.length >= 2 && x.stages.some((s) => s.steps.length >= 2)), { numRuns: 1, seed: 7 })[0] as Journey;
    const steps = j.stages.flatMap((s) => s.steps);
    const points = steps.map((s) => ({ stepId: s.id, value: j.emotionScale.min }));
    const [p1, p2] = j.personas;
    const same: Journey = {
      ...j,
      curves: [
        { id: 'c1', personaId: p1!.id, name: 'As-is', kind: 'as-is', points },
        { id: 'c2', personaId: p2!.id, name: 'As-is', kind: 'as-is', points },
      ],
    };
    expect(allCollisions(same, 'compact')).toEqual([]);
    expect(allCollisions(same, 'comfortable')).toEqual([]);
  });
});
