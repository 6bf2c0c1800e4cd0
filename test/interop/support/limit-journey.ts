// A journey at the model's size limit: every count at its limit, names as long as allowed in a
// three-byte script, and cards of quote marks and line breaks filling the rest of LIMITS.journeyBytes.
import { LIMITS, serializeJourney } from '../../../shared/model';
import type { Journey } from '../../../shared/model';
import { utf8Length } from '../../../shared/storage/utf8';

/** A name of `n` three-byte characters, distinct by its number. */
const cjk = (k: number, n: number) => `${k}${'購'.repeat(n - String(k).length)}`;

export function atTheLimit(): Journey {
  const personas = Array.from({ length: LIMITS.personas }, (_, i) => ({ id: `p${i}`, name: cjk(i, LIMITS.nameLength), goals: [], frustrations: [], evidence: [] }));
  const perStage = Math.floor(LIMITS.steps / LIMITS.stages);
  const stages = Array.from({ length: LIMITS.stages }, (_, i) => ({
    id: `st${i}`,
    name: cjk(i, LIMITS.nameLength),
    metrics: [],
    steps: Array.from({ length: i < LIMITS.steps - perStage * LIMITS.stages ? perStage + 1 : perStage }, (_, k) => ({ id: `s${i}-${k}`, name: cjk(i * 100 + k, LIMITS.nameLength) })),
  }));
  const steps = stages.flatMap((s) => s.steps);
  const lanes = Array.from({ length: LIMITS.lanes }, (_, i) => ({ id: `l${i}`, type: i === 0 ? 'emotion' : 'painPoints', label: cjk(i, LIMITS.nameLength) }));
  const curves = personas.flatMap((p, i) =>
    Array.from({ length: LIMITS.curvesPerPersona }, (_, k) => ({ id: `c${i}-${k}`, personaId: p.id, name: cjk(k, 60), kind: 'other', points: steps.map((s) => ({ stepId: s.id, value: 1 })) })),
  );
  const links = Array.from({ length: LIMITS.links }, (_, i) => ({ id: `ln${i}`, from: steps[i % steps.length]!.id, to: steps[(i + 1) % steps.length]!.id, kind: 'flow' }));
  // Views at their limit, each kind in turn, with every option set (a persona view names its persona).
  const kinds = ['executive-summary', 'persona', 'blueprint', 'stage-slides', 'action-plan', 'text'] as const;
  const views = Array.from({ length: LIMITS.views }, (_, i) => ({
    id: `v${i}`,
    kind: kinds[i % kinds.length],
    name: cjk(i, LIMITS.nameLength),
    options: { personas: [personas[i % personas.length]!.id], lanes: lanes.slice(0, 5).map((l) => l.id), stages: [stages[i % stages.length]!.id], top: LIMITS.viewTop, slide: { width: 1920, height: 1080 } },
  }));
  const j = { id: 'j', title: cjk(0, LIMITS.nameLength), status: 'draft', tags: [], emotionScale: { min: -2, max: 2, labels: [] }, personas, stages, lanes, cards: [] as unknown[], curves, links, evidence: [], views } as unknown as Journey;
  // Fill the rest with cards whose text is quote marks, line breaks and CJK (the costliest in CSV).
  const text = `"購\n`.repeat(Math.floor(LIMITS.textLength / 3));
  const base = utf8Length(serializeJourney(j));
  const one = utf8Length(JSON.stringify({ id: 'c-0000', laneId: 'l1', stepId: 's0-0', text, evidence: [] }, null, 2)) + 40;
  const count = Math.min(LIMITS.cards, Math.floor((LIMITS.journeyBytes - base) / one));
  j.cards = Array.from({ length: count }, (_, i) => ({ id: `c-${i}`, laneId: `l${1 + (i % 29)}`, stepId: steps[i % steps.length]!.id, text, evidence: [] }));
  const over = utf8Length(serializeJourney(j)) - LIMITS.journeyBytes;
  if (over > 0) j.cards.length -= Math.ceil(over / (one - 40)) + 1;
  return j;
}

