// The bar at the bottom: what is selected, progress, and the three canvas actions.
import type { MapSummary } from '../../shared/messages';
import { mapName } from '../data/map-name';
import type { MainAction } from '../hooks/panel-actions';
import type { Busy } from '../state/panel-state';

export const MAIN_ACTION_LABELS: Record<MainAction, string> = { generate: 'Generate map', update: 'Update map', drawNew: 'Draw as new map' };


export function ActionBar({ selection, mainAction, busy, dirty, problems, onGenerate, onSync, onRestyle }: {
  selection: MapSummary | null;
  mainAction: MainAction;
  busy: Busy | null;
  dirty: boolean;
  problems: number;
  onGenerate(): void;
  onSync(): void;
  onRestyle(): void;
}) {
  const pct = busy?.total ? Math.round(((busy.done ?? 0) / busy.total) * 100) : undefined;
  const noMap = 'Select a map on the canvas first';
  const name = selection ? mapName(selection.name) : '';
  // A map the plugin cannot read is named with why; it can be neither synced nor restyled.
  const unreadable = selection?.unreadable ? " · can't be read" : '';
  const usable = !!selection && !unreadable;
  const edits = mainAction === 'drawNew' ? ' · the draft is another journey' : selection && dirty ? ' · draft has edits' : '';
  const toFix = problems > 0 ? ` · ${problems} to fix` : '';
  // The label wraps to two lines at most and ends in "…"; the tooltip has all of it.
  const full = `${selection ? `Selected: ${name}${unreadable}` : 'No map selected — Generate draws a new one'}${edits}${toFix}${selection?.unreadable ? `\n${selection.unreadable}` : ''}`;
  return (
    <footer class="action-bar" aria-busy={busy ? true : undefined}>
      <div class="action-status">
        {busy ? (
          <div class="progress" role="status">
            <span>
              {busy.label}
              {busy.phase ? ` · ${busy.phase}` : ''}
              {busy.total ? ` · ${busy.done ?? 0}/${busy.total}` : '…'}
            </span>
            <progress max={100} value={pct} aria-label={busy.label} />
          </div>
        ) : (
          <span class="muted selection-label" title={full}>
            {selection ? (
              <>
                Selected: <strong>{name}</strong>
                {unreadable && <span class="bad-text">{unreadable}</span>}
                {edits}
              </>
            ) : (
              'No map selected — Generate draws a new one'
            )}
            {toFix && <span class="bad-text">{toFix}</span>}
          </span>
        )}
      </div>
      <div class="action-buttons">
        <button type="button" class="secondary" disabled={!usable || !!busy} title={selection ? undefined : noMap} onClick={onRestyle}>
          Restyle
        </button>
        <button type="button" class="secondary" disabled={!usable || !!busy} title={selection ? undefined : noMap} onClick={onSync}>
          Sync from canvas
        </button>
        <button type="button" class="primary" disabled={!!busy} onClick={onGenerate}>
          {MAIN_ACTION_LABELS[mainAction]}
        </button>
      </div>
    </footer>
  );
}
