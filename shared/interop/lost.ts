// What an export that holds only part of a journey (Mermaid, the wide grid) leaves out, in plain
// words, for the details both leave out alike.
import type { Journey } from '../model/types';

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Links, evidence, notes on points, journey, stage, step and persona details. */
export function lostDetails(j: Journey, carriesDescription: boolean): string[] {
  const lost: string[] = [];
  const count = <T>(items: T[], has: (t: T) => unknown) => items.filter(has).length;
  if (j.links.length) lost.push(plural(j.links.length, 'link'));
  if (j.evidence.length) lost.push(plural(j.evidence.length, 'evidence item'));
  const notes = j.curves.reduce((n, c) => n + count(c.points, (p) => p.note !== undefined), 0);
  if (notes) lost.push(`${plural(notes, 'note')} on emotion points`);
  const fields: string[] = (['objective', 'owner', 'updated', 'reviewBy'] as const).filter((k) => j[k] !== undefined);
  if (!carriesDescription && j.description !== undefined) fields.unshift('description');
  if (j.status !== 'draft') fields.push('status');
  if (j.tags.length) fields.push('tags');
  if (fields.length) lost.push(`journey ${fields.join(', ')}`);
  const stamps = (j.review || j.lastReview ? 1 : 0) + count(j.stages, (s) => s.review ?? s.lastReview);
  if (stamps) lost.push(plural(stamps, 'review stamp'));
  const stages = count(j.stages, (s) => s.phase !== undefined || s.customPhase !== undefined || s.owner !== undefined || s.description !== undefined || s.metrics.length);
  if (stages) lost.push(`stage phases, owners, descriptions and metrics (${plural(stages, 'stage')})`);
  const steps = j.stages.reduce((n, s) => n + count(s.steps, (st) => st.description !== undefined), 0);
  if (steps) lost.push(plural(steps, 'step description'));
  const personas = count(j.personas, (p) => p.segment || p.summary || p.goals.length || p.frustrations.length || p.quote || p.evidence.length);
  if (personas) lost.push(`persona details of ${plural(personas, 'persona')}`);
  if (j.views.length) lost.push(`${plural(j.views.length, 'view')} (${j.views.map((v) => v.name).join(', ')}): the long CSV and .xlsx layouts and JSON keep views`);
  return lost;
}
