// The selection summary of a map whose store cannot be read: named, with the reason, and no
// journey, so the panel can say why instead of showing nothing.
import type { MapSummary } from '../../shared/messages';
import { DEFAULT_STYLE } from '../../shared/style/options';
import { describeStoreRead, mapOf, readStore } from './model-store';

/**
 * For a selected node inside a map that holds a store this version cannot read (damaged or from a
 * newer Journey Mapper), the summary that says so; null when there is no map or it reads fine and
 * no `failure` is given.
 */
export function unreadableSummaryOf(selected: BaseNode | null, failure?: string): MapSummary | null {
  const map = mapOf(selected);
  if (!map) return null;
  const read = readStore(map);
  const reason = read.status === 'newer' || read.status === 'unreadable' ? describeStoreRead(read) : failure && `This map can't be read: ${failure}`;
  if (!reason) return null;
  return { nodeId: map.id, name: map.name, journey: null, style: DEFAULT_STYLE, canvasEdited: false, interrupted: false, unreadable: reason };
}
