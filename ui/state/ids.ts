// Id helpers for the draft. Ids are stable: renaming or moving an item never changes its id.
// New items get the first free "<prefix>-<n>", checked against every id in the journey (ids are
// unique across the whole journey, shared/model/validate.ts).
import type { Journey } from '../../shared/model';

export function collectIds(j: Journey): Set<string> {
  const ids = new Set<string>([j.id]);
  for (const p of j.personas) ids.add(p.id);
  for (const s of j.stages) {
    ids.add(s.id);
    for (const st of s.steps) ids.add(st.id);
    for (const m of s.metrics) if (m.id) ids.add(m.id);
  }
  for (const l of j.lanes) ids.add(l.id);
  for (const c of j.cards) ids.add(c.id);
  for (const c of j.curves) ids.add(c.id);
  for (const l of j.links) ids.add(l.id);
  for (const e of j.evidence) ids.add(e.id);
  return ids;
}

/** The first `<prefix>-<n>` not in `taken`; adds it to `taken` so repeated calls stay unique. */
export function uniqueId(taken: Set<string>, prefix: string): string {
  let n = 1;
  while (taken.has(`${prefix}-${n}`)) n++;
  const id = `${prefix}-${n}`;
  taken.add(id);
  return id;
}
