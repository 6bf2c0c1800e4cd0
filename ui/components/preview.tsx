// Live preview boundary. shared/layout will export a pure layoutJourney(journey, style) that
// returns auto-layout node specs; the lead wires it here. Until then this is a labelled box
// with a summary, so the Style tab's layout is final.
import type { Journey } from '../../shared/model';
import type { StyleOptions } from '../../shared/style/options';

export interface PreviewProps {
  journey: Journey;
  style: StyleOptions;
}

export function Preview({ journey, style }: PreviewProps) {
  const steps = journey.stages.reduce((n, s) => n + s.steps.length, 0);
  const shown = journey.lanes.filter((l) => !l.hidden && !style.hiddenLanes.includes(l.id)).length;
  return (
    <figure class="preview" aria-label="Map preview">
      <div class={`preview-box theme-${style.theme} density-${style.density}`} style={{ '--brand': style.brandColor, fontFamily: `${style.fontFamily}, Inter, system-ui, sans-serif` }}>
        <span class="preview-swatch" aria-hidden="true" />
        <span>Preview appears here</span>
      </div>
      <figcaption class="muted">
        {journey.stages.length} stages · {steps} steps · {shown} of {journey.lanes.length} lanes shown · {style.theme}, {style.density}
      </figcaption>
    </figure>
  );
}
