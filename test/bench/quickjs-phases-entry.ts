// Entry bundled for QuickJS by quickjs-phases.ts: times the plugin's pure steps on one journey,
// without the membrane, so each number is the interpreter's time for that step alone.
import { layoutContext, layoutJourneySteps } from '../../shared/layout/layout';
import { loadJourney, serializeJourney } from '../../shared/model/envelope';
import { decodeModel, encodeModelSteps } from '../../shared/storage/model-codec';
import { StyleOptionsSchema } from '../../shared/style/options';

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
  const loaded = timed('loadJourney (validate)', () => loadJourney(raw));
  if (!loaded.ok) throw new Error('invalid journey');
  const journey = loaded.value.journey;
  const style = StyleOptionsSchema.parse({});
  timed('layoutContext', () => layoutContext(journey, style));
  longestStep('layout (longest step)', layoutJourneySteps(journey, style, { editor: 'figma' }));
  const json = timed('serializeJourney', () => serializeJourney(journey));
  const encoded = longestStep('encodeModel (longest step)', encodeModelSteps(json));
  if (!encoded.ok) throw new Error('not encoded');
  const entries = new Map(encoded.value.entries);
  timed('decodeModel', () => decodeModel((k) => entries.get(k) ?? ''));
  timed('JSON.parse(stored)', () => JSON.parse(json) as unknown);
}
