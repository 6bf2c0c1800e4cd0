// A copied map (duplicated, or pasted from another file): every node in it carries the original's
// ids. It becomes a journey of its own, never a twin that overwrites the original.
import type { CanvasSnapshot } from '../snapshot';
import { quote } from '../words';
import type { Index, Outcome } from './outcome';

export function reconcileFork(ix: Index, snap: CanvasSnapshot): Partial<Outcome> {
  if (!snap.isCopy) return {};
  const stored = ix.model.journey;
  const id = ix.ids.claim(`${stored.id}-copy-${snap.mapNodeId.replace(/[^0-9]+/g, '-')}`);
  return {
    fork: { op: 'fork', id, originalTitle: stored.title },
    changes: [{ kind: 'fork', id, summary: `This map is a copy of ${quote(stored.title)}, so it becomes a separate journey (${id}) and never overwrites the original.` }],
  };
}
