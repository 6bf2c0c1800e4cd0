// Any unicode text, astral planes included, survives the BUILT plugin running in QuickJS (Figma's
// kind of engine, without TextEncoder): drawn, drawn again with no writes, and read back exactly by
// a reader that has not seen it yet (a copy of the map, which the plugin must decode from storage).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadJourney } from '../../shared/model/envelope';
import type { Journey } from '../../shared/model/types';
import { EXAMPLES } from '../../shared/examples';
import { DEFAULT_STYLE } from '../../shared/style/options';
import { DIST, startPlugin } from '../harness/plugin-host';
import { arbitraryJourney } from '../support/arbitrary-journey';

const built = existsSync(join(DIST, 'code.js'));

/** Emoji (with ZWJ and a flag), CJK Extension B and mathematical letters: all outside the BMP. */
const ASTRAL = '😀𠀀👩‍👩‍👧🇯🇵𝔘';
/** Every free-text field of the model; ids, references, enums, dates and URLs are left alone. */
const TEXT_FIELDS = new Set(['title', 'description', 'objective', 'owner', 'name', 'segment', 'summary', 'goals', 'frustrations', 'quote', 'label', 'text', 'note', 'source', 'customPhase', 'unit', 'tags']);
const SHORT_FIELDS = new Set(['unit', 'tags', 'customPhase']);

/** Adds astral text to every free-text field, and to an unknown field (kept, never drawn). */
function withAstralText(value: unknown, key = ''): unknown {
  const add = (s: string) => (SHORT_FIELDS.has(key) ? `${s.slice(0, 8)}😀` : `${s}${ASTRAL}`);
  if (typeof value === 'string') return TEXT_FIELDS.has(key) ? add(value) : value;
  if (Array.isArray(value)) return value.map((v) => withAstralText(v, TEXT_FIELDS.has(key) ? key : ''));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withAstralText(v, k);
    return out;
  }
  return value;
}

function astralJourney(base: Journey): Journey {
  const decorated = { ...(withAstralText(base) as Journey), xAstral: `𠀀 kept ${ASTRAL}` };
  const loaded = loadJourney(decorated);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error.slice(0, 3)));
  return loaded.value.journey;
}

const retail = (() => {
  const loaded = loadJourney(EXAMPLES.find((e) => e.id === 'retail-purchase')?.envelope);
  if (!loaded.ok) throw new Error('bad example');
  return loaded.value.journey;
})();

async function drawAndReadBack(journey: Journey) {
  const host = startPlugin();
  const hello = await host.request('hello', {});
  expect(hello.selection).toBeNull();
  const first = await host.request('render', { journey, style: DEFAULT_STYLE });
  await host.emu.flush();
  const again = await host.request('render', { journey, style: DEFAULT_STYLE, targetNodeId: first.nodeId });
  expect(again.nodeId).toBe(first.nodeId);
  expect(again.writes).toBe(0);
  // A copy of the map has never been read by this plugin: selecting it decodes the stored journey.
  const map = (await host.figma.getNodeByIdAsync(first.nodeId)) as FrameNode;
  const copy = map.clone();
  host.figma.currentPage.selection = [copy];
  await host.emu.flush();
  const { selection } = await host.request('readSelection', {});
  expect(selection?.journey).toEqual(journey);
  const hello2 = await host.request('hello', {});
  expect(hello2.selection?.journey).toEqual(journey);
  expect(host.emu.errors).toEqual([]);
}

describe.skipIf(!built)('any unicode text through the built plugin (QuickJS)', () => {
  it('a journey with emoji and CJK Extension B in every text field draws, redraws with 0 writes and reads back identical', async () => {
    const journey = astralJourney(retail);
    expect(JSON.stringify(journey)).toContain('𠀀');
    expect(journey.stages[0]!.name.endsWith(ASTRAL)).toBe(true);
    await drawAndReadBack(journey);
  }, 120_000);

  it('generated journeys with astral text read back identical', async () => {
    const samples = fc.sample(arbitraryJourney({ maxCards: 8, maxEvidence: 3 }), { numRuns: 3, seed: 20261014 });
    for (const j of samples) await drawAndReadBack(astralJourney(j));
  }, 180_000);
});
