// Tells a finished render from an interrupted one. A render stores the journey it draws on the map
// BEFORE it writes any node, and stamps the map frame's tag with that stored journey and style
// only once the last node is written. A map whose stamp does not match what is stored was left
// half-drawn (the plugin was closed, or an error stopped it part-way): its canvas is neither the
// old journey nor the new one, so it is never read as designer edits; drawing it again (update,
// restyle) finishes it from the stored journey. One write per render that changes anything.
import { fnv1a } from '../../shared/layout/hash';
import { LAYOUT_VERSION } from '../../shared/layout/version';
import { readTag, serializeTag, writeTag } from '../render/tags';
import { storedHeader } from '../store/model-store';

/** A stamp that is never the hash of a stored journey: the map is being drawn for the first time. */
export const PENDING_STAMP = 'pending';

const storedStamp = (map: BaseNode) => fnv1a(storedHeader(map));

/** Records that the map now shows exactly what is stored on it, drawn with this layout version. Writes only when that changes. */
export function stampDrawn(map: FrameNode): number {
  const tag = readTag(map);
  if (!tag) return 0;
  const d = storedStamp(map);
  if (tag.d === d && tag.lv === LAYOUT_VERSION) return 0;
  writeTag(map, serializeTag({ ...tag, d, lv: LAYOUT_VERSION }));
  return 1;
}

/** True when the last render of this map did not finish. Maps drawn before stamps existed count as finished. */
export function wasInterrupted(map: BaseNode): boolean {
  const tag = readTag(map);
  if (!tag || tag.d === undefined) return false;
  return tag.d === PENDING_STAMP || tag.d !== storedStamp(map);
}
