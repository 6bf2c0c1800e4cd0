// Journeys derived from a journey for a view: the same model, cut down to what the view shows, so
// the map's own layout (shared/layout/layout.ts) draws it. Pure: the journey passed in is not changed.
import type { Journey, Lane, LaneType, Stage } from '../../model/types';

/** The journey with only these lanes (in this order), their cards, and links whose ends are kept. */
export function withLanes(j: Journey, lanes: readonly Lane[]): Journey {
  const laneIds = new Set(lanes.map((l) => l.id));
  const cards = j.cards.filter((c) => laneIds.has(c.laneId));
  return withCards({ ...j, lanes: [...lanes] }, cards);
}

function withCards(j: Journey, cards: Journey['cards']): Journey {
  const ends = new Set<string>([...j.stages.flatMap((s) => s.steps.map((st) => st.id)), ...cards.map((c) => c.id)]);
  return { ...j, cards, links: j.links.filter((l) => ends.has(l.from) && ends.has(l.to)), views: [] };
}

/** The journey cut to one persona: lanes for all personas or for this one, this persona's curves. */
export function forPersona(j: Journey, personaId: string, laneIds: readonly string[]): Journey {
  const lanes = pickLanes(j, laneIds).filter((l) => l.personaId === undefined || l.personaId === personaId);
  const persona = j.personas.filter((p) => p.id === personaId);
  return { ...withLanes(j, lanes), personas: persona, curves: j.curves.filter((c) => c.personaId === personaId) };
}

/** The journey cut to some stages (in the journey's order): their steps' cards, curve points and links. */
export function forStages(j: Journey, stages: readonly Stage[]): Journey {
  const steps = new Set(stages.flatMap((s) => s.steps.map((st) => st.id)));
  const cut = { ...j, stages: [...stages], curves: j.curves.map((c) => ({ ...c, points: c.points.filter((p) => steps.has(p.stepId)) })) };
  return withCards(cut, j.cards.filter((c) => steps.has(c.stepId)));
}

/** The lanes a view names, in its order; all the journey's lanes when it names none. Hidden lanes stay hidden. */
export function pickLanes(j: Journey, laneIds: readonly string[], types?: readonly LaneType[]): Lane[] {
  const byId = new Map(j.lanes.map((l) => [l.id, l]));
  const named = laneIds.flatMap((id) => byId.get(id) ?? []);
  const lanes = named.length ? named : j.lanes.filter((l) => !types || types.includes(l.type));
  return lanes.filter((l) => !l.hidden);
}

/** The stages a view names, in the journey's order; all of them when it names none. */
export function pickStages(j: Journey, stageIds: readonly string[]): Stage[] {
  const wanted = new Set(stageIds);
  return stageIds.length ? j.stages.filter((s) => wanted.has(s.id)) : j.stages;
}
