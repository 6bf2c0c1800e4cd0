// The draft's evidence health (shared/review/health.ts) as "go to" links, with the age after which
// evidence counts as old chosen here, and the review state of the journey and of each stage in
// words, each with "Mark reviewed" (the plugin stamps what the map holds).
import { useMemo, useState } from 'preact/hooks';
import { loadJourney, type Journey } from '../../shared/model';
import type { MapSummary } from '../../shared/messages';
import type { Problem } from '../../shared/result';
import { DEFAULT_EVIDENCE_AGE_DAYS, journeyHealth } from '../../shared/review/health';
import { reviewWords } from '../../shared/review/stamps';
import type { Bridge } from '../bridge';
import { todayIso } from '../data/dates';
import { messageOf } from '../data/errors';

const AGE_LIMITS = { min: 0, max: 3650 } as const;

/** The days typed, or undefined while the field holds something that is not a whole number in range. */
export function readAgeDays(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= AGE_LIMITS.min && n <= AGE_LIMITS.max ? n : undefined;
}

export function HealthSection({ bridge, map, draft, dirty, onGoTo, onReviewed }: { bridge: Bridge; map: MapSummary | null; draft: Journey; dirty: boolean; onGoTo(p: Problem): void; onReviewed(journey: Journey, text: string): void }) {
  const [ageText, setAgeText] = useState(String(DEFAULT_EVIDENCE_AGE_DAYS));
  const age = readAgeDays(ageText);
  // The last valid age stays in use while the field is being retyped.
  const [lastAge, setLastAge] = useState(DEFAULT_EVIDENCE_AGE_DAYS);
  const findings = useMemo(() => journeyHealth(draft, { today: todayIso(), maxEvidenceAgeDays: lastAge }), [draft, lastAge]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // A review records what the map holds: with changes in the draft not on the map yet, it waits.
  const why = !map || map.journey === null ? 'Select the map to mark it reviewed' : dirty ? 'Update the map first: a review records what the map holds' : undefined;
  async function mark(stageId: string | undefined, what: string) {
    if (!map) return;
    setBusy(true);
    try {
      const r = await bridge.request('markReviewed', { nodeId: map.nodeId, ...(stageId === undefined ? {} : { stageId }) });
      const loaded = loadJourney(r.journey);
      const text = `Marked ${what ? `${what} ` : ''}reviewed${r.review.by ? ` by ${r.review.by}` : ''} on ${r.review.at}.`;
      if (loaded.ok) onReviewed(loaded.value.journey, text);
      setStatus(text);
    } catch (e) {
      setStatus(messageOf(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="stack">
      <div class="field">
        <label class="field-label" for="jm-evidence-age">
          Evidence counts as old after (days)
        </label>
        <input
          id="jm-evidence-age"
          class="days"
          type="number"
          inputMode="numeric"
          min={AGE_LIMITS.min}
          max={AGE_LIMITS.max}
          value={ageText}
          aria-invalid={age === undefined}
          aria-describedby={age === undefined ? 'jm-evidence-age-error' : undefined}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setAgeText(text);
            const days = readAgeDays(text);
            if (days !== undefined) setLastAge(days);
          }}
        />
        {age === undefined && (
          <p class="field-error" id="jm-evidence-age-error">
            Evidence counts as old after: use a whole number of days from {AGE_LIMITS.min} to {AGE_LIMITS.max}; the list uses {lastAge} until then.
          </p>
        )}
      </div>
      <p class="muted">
        {findings.length ? `${findings.length} finding${findings.length === 1 ? '' : 's'} in the draft.` : 'Every claim has evidence, every pain point and idea an owner, every stage a metric.'}
      </p>
      {findings.length > 0 && (
        <ul class="problem-list">
          {findings.map((f, i) => (
            <li key={i}>
              <button type="button" class="problem" onClick={() => onGoTo({ path: f.path, message: f.text })}>
                {f.text}
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset class="stack">
        <legend class="field-label">Reviews</legend>
        <ul class="version-list">
          <li class="version">
            <span>
              <strong>The journey</strong> <span class="muted">{reviewWords(draft)}</span>
            </span>
            <button type="button" class="small secondary" disabled={busy || !!why} title={why} onClick={() => mark(undefined, '')}>
              Mark the map reviewed
            </button>
          </li>
          {draft.stages.map((s) => (
            <li key={s.id} class="version">
              <span>
                <strong>Stage “{s.name}”</strong> <span class="muted">{reviewWords(draft, s.id)}</span>
              </span>
              {/* The visible words start the name (WCAG 2.5.3); the stage makes it unique. */}
              <button type="button" class="small secondary" aria-label={`Mark reviewed: stage “${s.name}”`} disabled={busy || !!why || !map?.journey} title={why} onClick={() => mark(s.id, `stage “${s.name}”`)}>
                Mark reviewed
              </button>
            </li>
          ))}
        </ul>
        {why && map && <p class="muted">{why}.</p>}
      </fieldset>
      {status && (
        <p class="status-line" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
