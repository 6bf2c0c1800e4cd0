// The review-overdue notice (ui/state/overdue.ts) for the selected map: shown once per map in this
// session, hidden when dismissed, when another map is selected or when its review-by date moves on.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MapSummary } from '../../shared/messages';
import { overdueNoticeOf, type OverdueNotice } from '../state/overdue';
import { todayIso } from '../data/dates';


export function useOverdueNotice(selection: MapSummary | null, today: () => string = todayIso): { notice: OverdueNotice | null; dismiss(): void } {
  const told = useRef(new Set<string>());
  const [notice, setNotice] = useState<OverdueNotice | null>(null);
  const reviewBy = (selection?.journey as { reviewBy?: unknown } | null | undefined)?.reviewBy;
  useEffect(() => {
    const due = overdueNoticeOf(selection, today(), new Set());
    if (due && !told.current.has(due.nodeId)) {
      told.current.add(due.nodeId);
      setNotice(due);
    } else if (selection && (selection.nodeId !== notice?.nodeId || !due)) setNotice(null); // another map, or a new review-by date
  }, [selection?.nodeId, reviewBy]);
  return { notice, dismiss: () => setNotice(null) };
}
