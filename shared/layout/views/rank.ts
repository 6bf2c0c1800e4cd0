// Which pain points and opportunities a view lists first: by priority (critical first, unset last),
// ties by the strength of their evidence (observed > reported > inferred > assumed > none), then
// by how many sources they cite, then in the map's order (stage, step, lane, card).
import { CONFIDENCE_LEVELS, PRIORITIES } from '../../model/schema';
import type { Card, Confidence, Journey, LaneType } from '../../model/types';
import { strongestConfidence } from '../cards';

export interface RankedCard {
  card: Card;
  laneType: LaneType;
  /** 0 = observed … 3 = assumed, 4 = no evidence. */
  evidenceRank: number;
}

const priorityRank = (c: Card) => (c.priority ? PRIORITIES.length - 1 - PRIORITIES.indexOf(c.priority) : PRIORITIES.length);

/** The cards of lanes of these types, best first (see above). */
export function rankCards(j: Journey, types: readonly LaneType[]): RankedCard[] {
  const laneType = new Map(j.lanes.filter((l) => types.includes(l.type) && !l.hidden).map((l) => [l.id, l.type]));
  const evidence = new Map<string, Confidence>(j.evidence.map((e) => [e.id, e.confidence]));
  const stepOrder = new Map(j.stages.flatMap((s) => s.steps).map((st, i) => [st.id, i]));
  const laneOrder = new Map(j.lanes.map((l, i) => [l.id, i]));
  const ranked = j.cards.flatMap((card, index) => {
    const type = laneType.get(card.laneId);
    if (!type) return [];
    const level = strongestConfidence(card, evidence);
    return [{ card, laneType: type, evidenceRank: level ? CONFIDENCE_LEVELS.indexOf(level) : CONFIDENCE_LEVELS.length, index }];
  });
  ranked.sort(
    (a, b) =>
      priorityRank(a.card) - priorityRank(b.card) ||
      a.evidenceRank - b.evidenceRank ||
      b.card.evidence.length - a.card.evidence.length ||
      (stepOrder.get(a.card.stepId) ?? 0) - (stepOrder.get(b.card.stepId) ?? 0) ||
      (laneOrder.get(a.card.laneId) ?? 0) - (laneOrder.get(b.card.laneId) ?? 0) ||
      a.index - b.index,
  );
  return ranked.map(({ card, laneType: t, evidenceRank }) => ({ card, laneType: t, evidenceRank }));
}

/** Where a card sits, in words: "Compare › Orders swatches". */
/** "Stage › Step" by step id: where each card of a view sits on the map. */
export function placesByStep(j: Journey): Map<string, string> {
  const byStep = new Map<string, string>();
  for (const s of j.stages) for (const st of s.steps) if (!byStep.has(st.id)) byStep.set(st.id, `${s.name} › ${st.name}`);
  return byStep;
}

/** Pain points and opportunities grouped by owner: groups by name, "No owner" last; items ranked. */
export function byOwner(j: Journey): { owner: string | undefined; items: RankedCard[] }[] {
  const groups = new Map<string | undefined, RankedCard[]>();
  for (const item of rankCards(j, ['painPoints', 'opportunities'])) {
    const owner = item.card.owner?.trim() || undefined;
    const list = groups.get(owner);
    if (list) list.push(item);
    else groups.set(owner, [item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b, 'en')))
    .map(([owner, items]) => ({ owner, items }));
}
