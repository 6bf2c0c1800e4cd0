// "Review overdue" on opening a map: when the selected map's journey has a review-by date that has
// passed, the panel says so once per map per session (a banner the user can dismiss; selecting
// the map again, or another map and back, does not bring it back). The date and the set of maps
// already told about are passed in, so this stays a pure function.
import type { MapSummary } from '../../shared/messages';
import { daysBetween } from '../../shared/review/health';
import { mapName } from '../data/map-name';

export interface OverdueNotice {
  nodeId: string;
  text: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** The notice for `selection`, or null: none due, unreadable, or told about already (`told` holds node ids). */
export function overdueNoticeOf(selection: MapSummary | null, today: string, told: ReadonlySet<string>): OverdueNotice | null {
  if (!selection || selection.unreadable || told.has(selection.nodeId)) return null;
  const journey = selection.journey as { reviewBy?: unknown } | null;
  const reviewBy = typeof journey?.reviewBy === 'string' && DATE.test(journey.reviewBy) ? journey.reviewBy.slice(0, 10) : undefined;
  if (!reviewBy) return null;
  const late = daysBetween(reviewBy, today);
  if (late <= 0) return null;
  return {
    nodeId: selection.nodeId,
    text: `“${mapName(selection.name)}” was due for review on ${reviewBy} (${late} day${late === 1 ? '' : 's'} ago). Check its evidence health, mark it reviewed, and set the next review-by date.`,
  };
}
