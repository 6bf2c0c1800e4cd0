// Templates for "Start from an example": the bundled examples, loaded through the model so a
// broken example shows its problems instead of breaking the panel.
import { EXAMPLES } from '../../shared/examples';
import { loadJourney, type Journey } from '../../shared/model';
import type { Problem, Result } from '../../shared/result';

export interface Template {
  id: string;
  name: string;
  description: string;
}

export const TEMPLATES: Template[] = EXAMPLES.map(({ id, name, description }) => ({ id, name, description }));

export function loadTemplate(id: string): Result<Journey, Problem[]> {
  const example = EXAMPLES.find((e) => e.id === id);
  if (!example) return { ok: false, error: [{ path: '', message: `there is no example "${id}"` }] };
  const r = loadJourney(example.envelope);
  return r.ok ? { ok: true, value: r.value.journey } : r;
}
