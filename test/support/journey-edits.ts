// Generated edit sequences for the diff's property tests. An edit is drawn as a seed (an operation
// and a few numbers and a text) and interpreted against the journey as it is at that point, so
// every edit has a real target. Each edit also says which diff entries it must produce, in a
// normalised form (signature), written here from the edit itself and not from the diff.
//
// Edits never interfere: an entity an edit touched is pinned, so no later edit removes it, swaps it
// back or edits the same field again, and what the sequence did is exactly the union of what each
// edit did. Removing a card or a stage also removes what refers to it (links, points, cards), and
// the expected entries say so.
import fc from 'fast-check';
import type { Card, Journey } from '../../shared/model/types';
import { allIds } from '../../shared/model/ids';

export const EDIT_OPS = [
  'cardText',
  'cardOwner',
  'cardNote',
  'renameStage',
  'renameStep',
  'renamePersona',
  'relabelLane',
  'retitle',
  'journeyOwner',
  'linkLabel',
  'evidenceSource',
  'addCard',
  'removeCard',
  'moveCard',
  'swapCards',
  'setPoint',
  'addPoint',
  'removePoint',
  'pointNote',
  'addStage',
  'removeStage',
  'moveStep',
  'swapStages',
  'addLane',
  'removeLane',
  'addEvidence',
  'removeEvidence',
  'addLink',
  'removeLink',
  'addPersona',
] as const;
export type EditOp = (typeof EDIT_OPS)[number];

export interface EditSeed {
  op: EditOp;
  a: number;
  b: number;
  c: number;
  text: string;
}

/** Full unicode text: any code point (astral ones included), not empty. */
const unicodeText = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });

export const editSeeds = (max = 8): fc.Arbitrary<EditSeed[]> =>
  fc.array(fc.record({ op: fc.constantFrom(...EDIT_OPS), a: fc.nat(), b: fc.nat(), c: fc.nat(), text: unicodeText }), { minLength: 1, maxLength: max });

export interface EditOutcome {
  journey: Journey;
  /** The normalised diff entries the edits must produce (see signature in the test). */
  expected: string[];
  /** Lists whose order the edits changed: "card", "stage", "step\u0000<stageId>"… */
  reordered: Set<string>;
  applied: EditOp[];
}

const canonical = (v: unknown): string => {
  if (v === undefined) return 'undefined';
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
    .join(',')}}`;
};
export { canonical };

export const sig = {
  add: (kind: string, id: string, parent?: string) => `add|${kind}|${parent ?? ''}|${id}`,
  remove: (kind: string, id: string, parent?: string) => `remove|${kind}|${parent ?? ''}|${id}`,
  change: (kind: string, id: string, field: string, before: unknown, after: unknown, parent?: string) => `change|${kind}|${parent ?? ''}|${id}|${field}|${canonical(before)}|${canonical(after)}`,
  moveCard: (id: string, from: string, to: string) => `moveCard|${id}|${from}|${to}`,
  moveStep: (id: string, from: string, to: string) => `moveStep|${id}|${from}|${to}`,
};

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
const differ = (old: unknown, text: string) => (old === text ? `${text}x` : text);

export function applyEdits(start: Journey, seeds: readonly EditSeed[]): EditOutcome {
  const j = structuredClone(start);
  const expected: string[] = [];
  const reordered = new Set<string>();
  const applied: EditOp[] = [];
  /** Entities (kind:id) an edit touched: never removed, swapped or edited again. */
  const pinned = new Set<string>();
  const fields = new Set<string>();
  const taken = allIds(j);
  let counter = 0;
  const fresh = (prefix: string) => {
    let id = `${prefix}-${++counter}`;
    while (taken.has(id)) id = `${prefix}-${++counter}`;
    taken.add(id);
    return id;
  };
  const pin = (kind: string, id: string) => pinned.add(`${kind}:${id}`);
  const free = (kind: string, id: string) => !pinned.has(`${kind}:${id}`);
  const steps = () => j.stages.flatMap((s) => s.steps.map((st) => ({ stage: s, step: st })));
  /** Entities the edits added: their add entry holds their final value, so they are not edited again. */
  const added = new Set<string>();
  const pinNew = (kind: string, id: string) => {
    pin(kind, id);
    added.add(`${kind}:${id}`);
  };

  /** Sets a field to a new value; false when the field was edited already. */
  function setField(kind: string, entity: Record<string, unknown>, id: string, field: string, value: unknown, parent?: string): boolean {
    const key = `${kind}:${parent ?? ''}:${id}:${field}`;
    if (fields.has(key) || added.has(`${kind}:${id}`)) return false;
    fields.add(key);
    pin(kind, id);
    const before = entity[field];
    if (value === undefined) delete entity[field];
    else entity[field] = value;
    expected.push(sig.change(kind, id, field, before, value, parent));
    return true;
  }

  /** Removes a card and the links that name it; false when any of them is pinned. */
  function removeCardWithLinks(card: Card): boolean {
    const links = j.links.filter((l) => l.from === card.id || l.to === card.id);
    if (!free('card', card.id) || links.some((l) => !free('link', l.id))) return false;
    j.cards = j.cards.filter((c) => c !== card);
    j.links = j.links.filter((l) => !links.includes(l));
    expected.push(sig.remove('card', card.id), ...links.map((l) => sig.remove('link', l.id)));
    pin('card', card.id);
    return true;
  }

  const ok = (seed: EditSeed): boolean => {
    const { a, b, c, text } = seed;
    switch (seed.op) {
      case 'cardText':
      case 'cardOwner':
      case 'cardNote': {
        const card = pick(j.cards, a);
        if (!card) return false;
        const field = seed.op === 'cardText' ? 'text' : seed.op === 'cardOwner' ? 'owner' : 'note';
        const old = (card as Record<string, unknown>)[field];
        // Optional fields are sometimes cleared.
        const value = field !== 'text' && old !== undefined && b % 3 === 0 ? undefined : differ(old, text);
        return setField('card', card as unknown as Record<string, unknown>, card.id, field, value);
      }
      case 'renameStage': {
        const s = pick(j.stages, a);
        return !!s && setField('stage', s as unknown as Record<string, unknown>, s.id, 'name', differ(s.name, text));
      }
      case 'renameStep': {
        const s = pick(steps(), a);
        return !!s && setField('step', s.step as unknown as Record<string, unknown>, s.step.id, 'name', differ(s.step.name, text));
      }
      case 'renamePersona': {
        const p = pick(j.personas, a);
        return !!p && setField('persona', p as unknown as Record<string, unknown>, p.id, 'name', differ(p.name, text));
      }
      case 'relabelLane': {
        const l = pick(j.lanes, a);
        return !!l && setField('lane', l as unknown as Record<string, unknown>, l.id, 'label', differ(l.label, text));
      }
      case 'retitle':
        return setField('journey', j as unknown as Record<string, unknown>, j.id, 'title', differ(j.title, text));
      case 'journeyOwner':
        return setField('journey', j as unknown as Record<string, unknown>, j.id, 'owner', j.owner !== undefined && b % 2 ? undefined : differ(j.owner, text));
      case 'linkLabel': {
        const l = pick(j.links, a);
        return !!l && setField('link', l as unknown as Record<string, unknown>, l.id, 'label', differ(l.label, text));
      }
      case 'evidenceSource': {
        const e = pick(j.evidence, a);
        return !!e && setField('evidence', e as unknown as Record<string, unknown>, e.id, 'source', differ(e.source, text));
      }
      case 'addCard': {
        const lane = pick(j.lanes, a);
        const s = pick(steps(), b);
        if (!lane || !s) return false;
        const card: Card = { id: fresh('card'), laneId: lane.id, stepId: s.step.id, text, evidence: [] };
        j.cards.splice(c % (j.cards.length + 1), 0, card);
        pinNew('card', card.id);
        pin('lane', lane.id);
        pin('step', s.step.id);
        expected.push(sig.add('card', card.id));
        return true;
      }
      case 'removeCard': {
        const card = pick(j.cards, a);
        return !!card && removeCardWithLinks(card);
      }
      case 'moveCard': {
        const card = pick(j.cards, a);
        const lane = pick(j.lanes, b);
        const s = pick(steps(), c);
        if (!card || !lane || !s || added.has(`card:${card.id}`) || fields.has(`cell:${card.id}`) || (lane.id === card.laneId && s.step.id === card.stepId)) return false;
        fields.add(`cell:${card.id}`);
        expected.push(sig.moveCard(card.id, `${card.laneId}/${card.stepId}`, `${lane.id}/${s.step.id}`));
        card.laneId = lane.id;
        card.stepId = s.step.id;
        pin('card', card.id);
        pin('lane', lane.id);
        pin('step', s.step.id);
        return true;
      }
      case 'swapCards': {
        const i = a % Math.max(1, j.cards.length);
        const k = b % Math.max(1, j.cards.length);
        const x = j.cards[i];
        const y = j.cards[k];
        if (!x || !y || i === k || fields.has(`order:${x.id}`) || fields.has(`order:${y.id}`) || !free('card', x.id) || !free('card', y.id)) return false;
        if (start.cards.every((s) => s.id !== x.id) || start.cards.every((s) => s.id !== y.id)) return false;
        j.cards[i] = y;
        j.cards[k] = x;
        for (const id of [x.id, y.id]) {
          fields.add(`order:${id}`);
          pin('card', id);
        }
        reordered.add('card');
        return true;
      }
      case 'setPoint':
      case 'pointNote':
      case 'removePoint': {
        const curve = pick(j.curves, a);
        const point = curve && pick(curve.points, b);
        if (!curve || !point || !free('point', `${curve.id}/${point.stepId}`) || !free('curve', curve.id)) return false;
        if (seed.op === 'removePoint') {
          curve.points = curve.points.filter((p) => p !== point);
          expected.push(sig.remove('point', point.stepId, curve.id));
          pin('point', `${curve.id}/${point.stepId}`);
          pin('curve', curve.id);
          return true;
        }
        pin('point', `${curve.id}/${point.stepId}`);
        pin('curve', curve.id);
        pin('step', point.stepId);
        if (seed.op === 'pointNote') return setField('point', point as unknown as Record<string, unknown>, point.stepId, 'note', differ(point.note, text), curve.id);
        const { min, max } = j.emotionScale;
        const values = Array.from({ length: max - min + 1 }, (_, n) => min + n).filter((v) => v !== point.value);
        const value = pick(values, c);
        return value !== undefined && setField('point', point as unknown as Record<string, unknown>, point.stepId, 'value', value, curve.id);
      }
      case 'addPoint': {
        const curve = pick(j.curves, a);
        if (!curve || !free('curve', curve.id)) return false;
        const open = steps().filter((s) => !curve.points.some((p) => p.stepId === s.step.id));
        const s = pick(open, b);
        if (!s) return false;
        curve.points.splice(c % (curve.points.length + 1), 0, { stepId: s.step.id, value: j.emotionScale.min });
        pinNew('point', `${curve.id}/${s.step.id}`);
        pin('curve', curve.id);
        pin('step', s.step.id);
        expected.push(sig.add('point', s.step.id, curve.id));
        return true;
      }
      case 'addStage': {
        const id = fresh('stage');
        const stepIds = Array.from({ length: 1 + (b % 2) }, () => fresh('step'));
        j.stages.splice(a % (j.stages.length + 1), 0, { id, name: text, metrics: [], steps: stepIds.map((s) => ({ id: s, name: `${text} ${s}` })) });
        pinNew('stage', id);
        for (const s of stepIds) pinNew('step', s);
        expected.push(sig.add('stage', id), ...stepIds.map((s) => sig.add('step', s, id)));
        return true;
      }
      case 'removeStage': {
        const stage = pick(j.stages, a);
        if (!stage || j.stages.length < 2 || !free('stage', stage.id)) return false;
        const stepIds = new Set(stage.steps.map((s) => s.id));
        const cards = j.cards.filter((x) => stepIds.has(x.stepId));
        const cardIds = new Set(cards.map((x) => x.id));
        const links = j.links.filter((l) => stepIds.has(l.from) || stepIds.has(l.to) || cardIds.has(l.from) || cardIds.has(l.to));
        const points = j.curves.flatMap((cv) => cv.points.filter((p) => stepIds.has(p.stepId)).map((p) => ({ curve: cv, point: p })));
        if ([...stepIds].some((s) => !free('step', s)) || cards.some((x) => !free('card', x.id)) || links.some((l) => !free('link', l.id))) return false;
        if (points.some(({ curve, point }) => !free('curve', curve.id) || !free('point', `${curve.id}/${point.stepId}`))) return false;
        j.stages = j.stages.filter((s) => s !== stage);
        j.cards = j.cards.filter((x) => !cardIds.has(x.id));
        j.links = j.links.filter((l) => !links.includes(l));
        for (const cv of j.curves) cv.points = cv.points.filter((p) => !stepIds.has(p.stepId));
        expected.push(
          sig.remove('stage', stage.id),
          ...[...stepIds].map((s) => sig.remove('step', s, stage.id)),
          ...cards.map((x) => sig.remove('card', x.id)),
          ...links.map((l) => sig.remove('link', l.id)),
          ...points.map(({ curve, point }) => sig.remove('point', point.stepId, curve.id)),
        );
        pin('stage', stage.id);
        for (const s of stepIds) pin('step', s);
        return true;
      }
      case 'moveStep': {
        const from = pick(j.stages, a);
        const to = pick(j.stages, b);
        const step = from && pick(from.steps, c);
        if (!from || !to || !step || from === to || from.steps.length < 2 || !free('step', step.id) || fields.has(`stage-of:${step.id}`)) return false;
        if (!start.stages.some((s) => s.id === from.id) || !start.stages.some((s) => s.id === to.id)) return false;
        if (!start.stages.find((s) => s.id === from.id)?.steps.some((s) => s.id === step.id)) return false;
        from.steps = from.steps.filter((s) => s !== step);
        to.steps.splice((a + c) % (to.steps.length + 1), 0, step);
        fields.add(`stage-of:${step.id}`);
        for (const [k, id] of [['step', step.id], ['stage', from.id], ['stage', to.id]] as const) pin(k, id);
        expected.push(sig.moveStep(step.id, from.id, to.id));
        return true;
      }
      case 'swapStages': {
        const i = a % j.stages.length;
        const k = b % j.stages.length;
        const x = j.stages[i];
        const y = j.stages[k];
        if (!x || !y || i === k || fields.has(`order:${x.id}`) || fields.has(`order:${y.id}`)) return false;
        if (!start.stages.some((s) => s.id === x.id) || !start.stages.some((s) => s.id === y.id)) return false;
        j.stages[i] = y;
        j.stages[k] = x;
        for (const id of [x.id, y.id]) {
          fields.add(`order:${id}`);
          pin('stage', id);
        }
        reordered.add('stage');
        return true;
      }
      case 'addLane': {
        const id = fresh('lane');
        j.lanes.splice(a % (j.lanes.length + 1), 0, { id, type: 'actions', label: text });
        pinNew('lane', id);
        expected.push(sig.add('lane', id));
        return true;
      }
      case 'removeLane': {
        const lane = pick(j.lanes, a);
        if (!lane || !free('lane', lane.id)) return false;
        const cards = j.cards.filter((x) => x.laneId === lane.id);
        const cardIds = new Set(cards.map((x) => x.id));
        const links = j.links.filter((l) => cardIds.has(l.from) || cardIds.has(l.to));
        if (cards.some((x) => !free('card', x.id)) || links.some((l) => !free('link', l.id))) return false;
        j.lanes = j.lanes.filter((l) => l !== lane);
        j.cards = j.cards.filter((x) => !cardIds.has(x.id));
        j.links = j.links.filter((l) => !links.includes(l));
        expected.push(sig.remove('lane', lane.id), ...cards.map((x) => sig.remove('card', x.id)), ...links.map((l) => sig.remove('link', l.id)));
        pin('lane', lane.id);
        return true;
      }
      case 'addEvidence': {
        const id = fresh('ev');
        j.evidence.splice(a % (j.evidence.length + 1), 0, { id, kind: 'interview', source: text, confidence: 'observed' });
        pinNew('evidence', id);
        expected.push(sig.add('evidence', id));
        return true;
      }
      case 'removeEvidence': {
        // Cards and personas that cite it lose the reference: a change of their evidence list each.
        const e = pick(j.evidence, a);
        if (!e || !free('evidence', e.id)) return false;
        const citers = [...j.cards.map((x) => ['card', x] as const), ...j.personas.map((p) => ['persona', p] as const)].filter(([, x]) => x.evidence.includes(e.id));
        if (citers.some(([k, x]) => added.has(`${k}:${x.id}`) || fields.has(`${k}::${x.id}:evidence`))) return false;
        for (const [k, x] of citers) setField(k, x as unknown as Record<string, unknown>, x.id, 'evidence', x.evidence.filter((id) => id !== e.id));
        j.evidence = j.evidence.filter((x) => x !== e);
        pin('evidence', e.id);
        expected.push(sig.remove('evidence', e.id));
        return true;
      }
      case 'addLink': {
        const from = pick(steps(), a);
        const to = pick(steps(), b);
        if (!from || !to) return false;
        const id = fresh('link');
        j.links.splice(c % (j.links.length + 1), 0, { id, from: from.step.id, to: to.step.id, kind: 'flow' });
        pinNew('link', id);
        pin('step', from.step.id);
        pin('step', to.step.id);
        expected.push(sig.add('link', id));
        return true;
      }
      case 'removeLink': {
        const l = pick(j.links, a);
        if (!l || !free('link', l.id)) return false;
        j.links = j.links.filter((x) => x !== l);
        pin('link', l.id);
        expected.push(sig.remove('link', l.id));
        return true;
      }
      case 'addPersona': {
        const id = fresh('persona');
        j.personas.splice(a % (j.personas.length + 1), 0, { id, name: text, goals: [], frustrations: [], evidence: [] });
        pinNew('persona', id);
        expected.push(sig.add('persona', id));
        return true;
      }
    }
  };

  for (const seed of seeds) if (ok(seed)) applied.push(seed.op);
  return { journey: j, expected, reordered, applied };
}
