// Start from a bundled example or a blank journey.
import type { Journey } from '../../shared/model';
import { loadTemplate, TEMPLATES } from '../data/examples';
import { newJourney } from '../state/draft-reducer';

export function Templates({ onUse, onError }: { onUse(journey: Journey, source: string): void; onError(message: string): void }) {
  return (
    <ul class="template-list">
      <li class="template">
        <div>
          <strong>Blank journey</strong>
          <p class="muted">One stage, one step, a persona and three lanes.</p>
        </div>
        <button type="button" class="secondary" onClick={() => onUse(newJourney(), 'a blank journey')}>
          Start blank
        </button>
      </li>
      {TEMPLATES.map((t) => (
        <li key={t.id} class="template">
          <div>
            <strong>{t.name}</strong>
            <p class="muted">{t.description}</p>
          </div>
          <button
            type="button"
            class="secondary"
            aria-label={`Use template ${t.name}`}
            onClick={() => {
              const r = loadTemplate(t.id);
              if (r.ok) onUse(r.value, `the “${t.name}” template`);
              else onError(`The “${t.name}” template could not be loaded: ${r.error[0]?.message ?? 'unknown problem'}`);
            }}
          >
            Use
          </button>
        </li>
      ))}
    </ul>
  );
}
