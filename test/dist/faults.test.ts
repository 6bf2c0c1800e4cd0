// Faults injected into a real session: the BUILT bundle in QuickJS on the emulator, driven through
// its own protocol. The plugin closed mid-render, the map deleted mid-render, a font the designer
// used that the file lacks, clientStorage failing: each leaves the designer's work intact and
// says what happened.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples';
import { loadJourney } from '../../shared/model';
import { wrap } from '../../shared/model/envelope';
import { DEFAULT_STYLE } from '../../shared/style/options';
import { generateJourney } from '../bench/generate';
import { DIST, PluginReplyError, startPlugin, type PluginHost } from '../harness/plugin-host';

const built = existsSync(join(DIST, 'code.js'));
const retail = () => {
  const loaded = loadJourney(EXAMPLES.find((e) => e.id === 'retail-purchase')?.envelope);
  if (!loaded.ok) throw new Error('bad example');
  return loaded.value.journey;
};
/** A journey large enough that drawing it takes many slices. */
const big = () => generateJourney({ stages: 3, stepsPerStage: 4, lanes: 8, personas: 2, curvesPerPersona: 1, cards: 120 });

/** Runs `action` once the render has reported progress (it is part-way), then waits for the reply. */
async function midRender(host: PluginHost, journey: unknown, action: () => void, targetNodeId?: string) {
  const before = host.pushes.length;
  const reply = host.request('render', { journey, style: DEFAULT_STYLE, ...(targetNodeId ? { targetNodeId } : {}) }).then(
    (r) => ({ ok: true as const, r }),
    (e: unknown) => ({ ok: false as const, e }),
  );
  for (let i = 0; i < 2000 && !host.pushes.slice(before).some((p) => p.type === 'progress'); i++) await new Promise((r) => setTimeout(r, 2));
  action();
  return Promise.race([reply, new Promise<{ ok: null }>((r) => setTimeout(() => r({ ok: null }), 5000))]);
}

describe.skipIf(!built)('faults during a session (bundle in QuickJS)', () => {
  it('the plugin closed mid-render: reopened, the map says its update did not finish, and finishing it leaves no edits', async () => {
    const host = startPlugin();
    await host.request('hello', {});
    const first = await host.request('render', { journey: wrap(big()), style: DEFAULT_STYLE });
    const edited = big();
    for (const c of edited.cards) c.text = `${c.text} (second round)`;
    await midRender(host, wrap(edited), () => host.figma.closePlugin(), first.nodeId);
    host.reopen();
    await host.request('hello', {});
    const map = (await host.figma.getNodeByIdAsync(first.nodeId)) as FrameNode;
    host.emu.user.select([map]);
    await host.emu.flush();
    const summary = (await host.request('readSelection', {})).selection;
    expect(summary?.interrupted).toBe(true);
    expect(summary?.canvasEdited).toBe(false);
    await expect(host.request('sync', { nodeId: map.id, apply: false })).rejects.toThrow(/did not finish/);
    await host.request('restyle', { nodeId: map.id, style: DEFAULT_STYLE });
    const after = (await host.request('readSelection', {})).selection;
    expect(after?.interrupted).toBe(false);
    expect((await host.request('sync', { nodeId: map.id, apply: false })).changes).toEqual([]);
  }, 240_000);

  it('the map deleted mid-render: the render stops saying so, and leaves no stray layer', async () => {
    const host = startPlugin();
    await host.request('hello', {});
    const first = await host.request('render', { journey: wrap(big()), style: DEFAULT_STYLE });
    const map = (await host.figma.getNodeByIdAsync(first.nodeId)) as FrameNode;
    const edited = big();
    for (const c of edited.cards) c.text = `${c.text} (revised)`;
    edited.cards.push({ ...structuredClone(edited.cards[0]!), id: 'c-late', text: 'added late' });
    const result = await midRender(host, wrap(edited), () => host.emu.user.remove(map), first.nodeId);
    expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(false);
    expect(String((result as { e: unknown }).e).slice(0, 400)).toMatch(/deleted while Journey Mapper was drawing it/);
    expect(host.figma.currentPage.children).toEqual([]);
  }, 240_000);

  it('a font the designer used that the file lacks: refused with the card and the font named, nothing written', async () => {
    const brand = { family: 'Brand Sans', style: 'Bold' };
    const host = startPlugin({ assumptions: { missingFonts: [brand] } });
    await host.request('hello', {});
    const j = retail();
    const first = await host.request('render', { journey: wrap(j), style: DEFAULT_STYLE });
    const map = (await host.figma.getNodeByIdAsync(first.nodeId)) as FrameNode;
    const text = map.findOne((n) => n.type === 'TEXT' && n.characters === j.cards[0]!.text) as TextNode;
    host.emu.user.setRangeFontName(text, 0, 4, brand);
    const edited = structuredClone(j);
    edited.cards[0]!.text = 'Changed in the panel';
    host.emu.resetStats();
    const error = await host.request('render', { journey: wrap(edited), style: DEFAULT_STYLE, targetNodeId: map.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginReplyError);
    expect((error as PluginReplyError).payload.code).toBe('FONT_MISSING');
    expect((error as PluginReplyError).payload.message).toMatch(/card ".*" uses the font "Brand Sans Bold".*Nothing was changed/);
    expect(host.emu.stats().writes).toBe(0);
  }, 120_000);

  it('clientStorage failing: hello still answers, drawing works, and the failure is reported when saving', async () => {
    const host = startPlugin();
    host.emu.failClientStorage('clientStorage unavailable');
    const hello = await host.request('hello', {});
    expect(hello.preferences).toEqual({});
    const drawn = await host.request('render', { journey: wrap(retail()), style: DEFAULT_STYLE });
    expect(drawn.nodeId).toBeTruthy();
    await expect(host.request('savePreferences', { liveSync: true })).rejects.toThrow(/clientStorage unavailable|could not be saved/);
    host.emu.failClientStorage(null);
    await host.request('savePreferences', { liveSync: true });
    host.reopen();
    expect((await host.request('hello', {})).preferences.liveSync).toBe(true);
  }, 120_000);
});
