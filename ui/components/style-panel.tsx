// How the map is drawn: a live preview on top, then theme, brand colour, font, density, which
// lanes are shown and whether evidence-health badges are drawn.
import { useState } from 'preact/hooks';
import type { Journey } from '../../shared/model';
import { DENSITIES, isLaneShown, THEME_NAMES, type StyleOptions } from '../../shared/style/options';
import { CheckField, SelectField } from './fields';
import { Preview } from './preview';

const THEME_LABELS: Record<StyleOptions['theme'], string> = { light: 'Light', dark: 'Dark', 'high-contrast': 'High contrast' };
const DENSITY_LABELS: Record<StyleOptions['density'], string> = { compact: 'Compact', comfortable: 'Comfortable' };
const HEX = /^#[0-9a-fA-F]{6}$/;

export function StylePanel({ style, fonts, journey, onChange, liveSync, onLiveSync }: {
  style: StyleOptions;
  fonts: readonly string[];
  journey: Journey;
  onChange(patch: Partial<StyleOptions>): void;
  liveSync: boolean;
  onLiveSync(v: boolean): void;
}) {
  const [hex, setHex] = useState<string | null>(null);
  const fontList = fonts.includes(style.fontFamily) ? fonts : [style.fontFamily, ...fonts];
  const toggleLane = (id: string, shown: boolean) =>
    onChange({ hiddenLanes: shown ? style.hiddenLanes.filter((l) => l !== id) : [...style.hiddenLanes, id] });
  return (
    <div class="stack style-panel">
      {/* First, so the effect of every option below is in view without scrolling. */}
      <Preview journey={journey} style={style} idPrefix="jm-style-preview" />
      <div class="form-grid">
        <fieldset class="segmented span-2">
          <legend class="field-label">Theme</legend>
          {THEME_NAMES.map((t) => (
            <label key={t} class={style.theme === t ? 'seg selected' : 'seg'}>
              <input type="radio" name="jm-theme" value={t} checked={style.theme === t} onChange={() => onChange({ theme: t })} />
              {THEME_LABELS[t]}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label class="field-label" for="jm-brand-hex">
            Brand colour
          </label>
          <div class="color-row">
            <input type="color" aria-label="Pick brand colour" value={style.brandColor} onInput={(e) => onChange({ brandColor: e.currentTarget.value.toUpperCase() })} />
            <input
              id="jm-brand-hex"
              value={hex ?? style.brandColor}
              aria-invalid={hex !== null && !HEX.test(hex) ? true : undefined}
              aria-describedby="jm-brand-hint"
              onInput={(e) => {
                const v = e.currentTarget.value.trim();
                setHex(v);
                if (HEX.test(v)) onChange({ brandColor: v.toUpperCase() });
              }}
              onBlur={() => setHex(null)}
            />
          </div>
          <span id="jm-brand-hint" class="field-hint">
            Like #4F46E5
          </span>
        </div>
        <SelectField id="jm-font" label="Font" value={style.fontFamily} options={fontList.map((f) => ({ value: f, label: f }))} onChange={(fontFamily) => onChange({ fontFamily })} />
        <fieldset class="segmented span-2">
          <legend class="field-label">Density</legend>
          {DENSITIES.map((d) => (
            <label key={d} class={style.density === d ? 'seg selected' : 'seg'}>
              <input type="radio" name="jm-density" value={d} checked={style.density === d} onChange={() => onChange({ density: d })} />
              {DENSITY_LABELS[d]}
            </label>
          ))}
        </fieldset>
      </div>
      <fieldset class="lane-toggles">
        <legend class="field-label">Lanes shown</legend>
        {journey.lanes.length === 0 && <p class="muted">This journey has no lanes.</p>}
        {journey.lanes.map((l) => (
          <CheckField
            key={l.id}
            id={`jm-show-lane-${l.id}`}
            label={l.hidden ? `${l.label} (hidden in the journey’s lane settings)` : l.label}
            checked={isLaneShown(l, style)}
            disabled={l.hidden === true}
            onChange={(shown) => toggleLane(l.id, shown)}
          />
        ))}
      </fieldset>
      <fieldset class="lane-toggles">
        <legend class="field-label">Evidence health</legend>
        <CheckField
          id="jm-health-badges"
          label="Show health badges on the map: claims without evidence or on assumptions only, pain points and ideas without owner, stages without metrics, parts changed since their review"
          checked={style.healthBadges}
          onChange={(healthBadges) => onChange({ healthBadges })}
        />
      </fieldset>
      <fieldset class="lane-toggles">
        <legend class="field-label">Canvas</legend>
        <CheckField id="jm-live-sync" label="Sync canvas edits automatically when the draft has no edits of its own" checked={liveSync} onChange={onLiveSync} />
      </fieldset>
    </div>
  );
}
