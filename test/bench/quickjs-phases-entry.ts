// Entry bundled for QuickJS by quickjs-phases.ts: times the plugin's pure steps on one journey,
// without the membrane, so each number is the interpreter's time for that step alone.
import { layoutContext, layoutJourneySteps } from '../../shared/layout/layout';
import { loadJourneySteps, serializeJourney } from '../../shared/model/envelope';
import { decodeModelSteps, encodeModelSteps } from '../../shared/storage/model-codec';
import { StyleOptionsSchema } from '../../shared/style/options';
import { layoutViewsSteps } from '../../shared/layout/views/index';

declare const report: (name: string, ms: number) => void;

function timed<T>(name: string, fn: () => T): T {
  const t0 = Date.now();
  const v = fn();
  report(name, Date.now() - t0);
  return v;
}

/** Runs a generator, reporting the longest stretch between two of its pauses. */
function longestStep<T>(name: string, steps: Generator<void, T>): T {
  let longest = 0;
  for (;;) {
    const t0 = Date.now();
    const next = steps.next();
    longest = Math.max(longest, Date.now() - t0);
    if (next.done) {
      report(name, longest);
      return next.value;
    }
  }
}

export function runPhases(envelopeJson: string): void {
  const raw = timed('JSON.parse(request)', () => JSON.parse(envelopeJson) as unknown);
  const loaded = longestStep('loadJourney (longest step)', loadJourneySteps(raw));
  if (!loaded.ok) throw new Error('invalid journey');
  const journey = loaded.value.journey;
  const style = StyleOptionsSchema.parse({});
  timed('layoutContext', () => layoutContext(journey, style));
  longestStep('layout (longest step)', layoutJourneySteps(journey, style, { editor: 'figma' }));
  const json = timed('serializeJourney', () => serializeJourney(journey));
  const encoded = longestStep('encodeModel (longest step)', encodeModelSteps(json));
  if (!encoded.ok) throw new Error('not encoded');
  const entries = new Map(encoded.value.entries);
  longestStep('decodeModel (longest step)', decodeModelSteps((k) => entries.get(k) ?? ''));
  timed('JSON.parse(stored)', () => JSON.parse(json) as unknown);
  // Views beside a large map: each is laid out in steps like the map (the plugin yields between them).
  const persona = journey.personas[0];
  const withViews = {
    ...journey,
    views: [
      { id: 'v-exec', kind: 'executive-summary' as const, name: 'Executive summary', options: { top: 5, stages: [], personas: [], lanes: [] } },
      ...(persona ? [{ id: 'v-persona', kind: 'persona' as const, name: 'Persona', options: { personas: [persona.id], stages: [], lanes: [] } }] : []),
      { id: 'v-blueprint', kind: 'blueprint' as const, name: 'Blueprint', options: { stages: [], personas: [], lanes: [] } },
      { id: 'v-text', kind: 'text' as const, name: 'Text alternative', options: { stages: [], personas: [], lanes: [] } },
    ],
  } as typeof journey;
  longestStep('layoutViews (longest step)', layoutViewsSteps(withViews, style));
}

import { emotionPlotSpec } from '../../shared/layout/emotion';
import { headerSpec, personasSpec } from '../../shared/layout/header';
import { legendSpec } from '../../shared/layout/legend';
import { flowBandSpec } from '../../shared/layout/flow';
import { walk } from '../../shared/layout/spec';

/** The layout's single pieces, timed one by one, to find a step the generator does not split. */
export function runLayoutPieces(envelopeJson: string): void {
  const loaded = longestStep('load', loadJourneySteps(JSON.parse(envelopeJson) as unknown));
  if (!loaded.ok) throw new Error('invalid journey');
  const journey = loaded.value.journey;
  const style = StyleOptionsSchema.parse({});
  const ctx = layoutContext(journey, style);
  timed('header', () => headerSpec(ctx, 1000));
  timed('personas', () => personasSpec(ctx, 1000));
  timed('flow band', () => flowBandSpec(ctx));
  for (const lane of ctx.visibleLanes.filter((l) => l.type === 'emotion').slice(0, 1)) timed('emotion lane', () => emotionPlotSpec(ctx, lane));
  timed('legend', () => legendSpec(ctx, 1000));
  const layout = longestStep('layout', layoutJourneySteps(journey, style, { editor: 'figma' }));
  timed('walk', () => {
    let n = 0;
    walk(layout.root, () => n++);
    return n;
  });
}

import { checkReferencesSteps, checkSize } from '../../shared/model/validate';

/** Validation's pieces that run between two pauses, timed one by one. */
export function runValidatePieces(envelopeJson: string): void {
  const loaded = longestStep('load', loadJourneySteps(JSON.parse(envelopeJson) as unknown));
  if (!loaded.ok) throw new Error('invalid journey');
  const journey = loaded.value.journey;
  longestStep('checkReferences (longest step)', checkReferencesSteps(journey));
  timed('checkSize', () => checkSize(journey));
  timed('JSON.stringify (compact)', () => JSON.stringify(journey));
}

/** Loading a journey, step by step: its longest step names a walk that pauses too rarely. */
export function runLoadSteps(envelopeJson: string): void {
  const raw = JSON.parse(envelopeJson) as unknown;
  longestStep('loadJourney (longest step)', loadJourneySteps(raw));
  const t0 = Date.now();
  let steps = 0;
  for (const it = loadJourneySteps(raw); !it.next().done; ) steps++;
  report('loadJourney (whole)', Date.now() - t0);
  report('loadJourney (steps)', steps);
}

import { layoutViewSteps } from '../../shared/layout/views/index';

/** Each kind of view beside a large map, its longest step. */
export function runViewPieces(envelopeJson: string): void {
  const loaded = longestStep('load', loadJourneySteps(JSON.parse(envelopeJson) as unknown));
  if (!loaded.ok) throw new Error('invalid journey');
  const journey = loaded.value.journey;
  const style = StyleOptionsSchema.parse({});
  const persona = journey.personas[0];
  const views = [
    { id: 'v-exec', kind: 'executive-summary' as const, name: 'Executive summary', options: { top: 5, stages: [], personas: [], lanes: [] } },
    ...(persona ? [{ id: 'v-persona', kind: 'persona' as const, name: 'Persona', options: { personas: [persona.id], stages: [], lanes: [] } }] : []),
    { id: 'v-blueprint', kind: 'blueprint' as const, name: 'Blueprint', options: { stages: [], personas: [], lanes: [] } },
    { id: 'v-text', kind: 'text' as const, name: 'Text alternative', options: { stages: [], personas: [], lanes: [] } },
    { id: 'v-slides', kind: 'stage-slides' as const, name: 'Slides', options: { stages: [], personas: [], lanes: [] } },
    { id: 'v-plan', kind: 'action-plan' as const, name: 'Plan', options: { stages: [], personas: [], lanes: [] } },
  ];
  for (const view of views) longestStep(view.kind, layoutViewSteps(journey, view as never, style));
}
