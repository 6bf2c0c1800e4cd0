// Id helpers for the draft. Ids are stable: renaming or moving an item never changes its id.
// New items get the first free "<prefix>-<n>", checked against every id in the journey (ids are
// unique across the whole journey; shared/model/ids.ts is the one list of them).
import type { Journey } from '../../shared/model';
import { allIds, IdAllocator } from '../../shared/model/ids';

export const collectIds = (j: Journey): Set<string> => allIds(j);

/** The first `<prefix>-<n>` not in `taken`; adds it to `taken` so repeated calls stay unique. */
export function uniqueId(taken: Set<string>, prefix: string): string {
  return new IdAllocator(taken).numbered(prefix);
}
