// What a render must never do to a designer's work, and what it must do instead: maps it cannot
// read are not written, copies are not doubled, hand-added layers survive removals, a map deleted
// or a render stopped part-way leaves nothing half-done behind unnoticed, new maps find free space.
import { describe, expect, it } from 'vitest';
import { PluginError } from '../../plugin/errors';
import { readTag } from '../../plugin/render/tags';
import { wasInterrupted } from '../../plugin/map/marker';
import { MODEL_KEY, NAMESPACE, VIEW_KEY } from '../../shared/storage/keys';
import { createMapService } from '../../plugin/map/service';
import type { Bus } from '../../plugin/bus';
import { ctx, draw, example, stage, style, taggedEntities, type Stage } from '../support/map-fixture';

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as PluginError);

/** A `figma` whose n-th call of `method` first runs `action` (a designer acting mid-render). */
function interrupting(figma: PluginAPI, method: keyof PluginAPI, n: number, action: () => void): PluginAPI {
  let calls = 0;
  return new Proxy(figma, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (prop !== method || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (++calls === n) action();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** A second map service on the same canvas, with its own pushes (the stage's service keeps its own). */
function serviceOn(s: Stage, figma: PluginAPI, pushes: unknown[] = []) {
  const service = createMapService(figma);
  const bus: Bus = { push: (m) => void pushes.push({ ...m, v: 1 }), enqueue: async (job) => job(), idle: async () => {} };
  service.attach(bus);
  return service;
}

describe('a map the plugin cannot read is never written', () => {
  it('Generate with nothing selected draws a new map beside a damaged one and leaves the damaged one as it is', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    const damaged = map.getSharedPluginData(NAMESPACE, MODEL_KEY).replace('"hash":"', '"hash":"x');
    map.setSharedPluginData(NAMESPACE, MODEL_KEY, damaged);
    const nodes = map.findAll().length;
    const reply = await s.service.renderAsync(j, style(), undefined, ctx);
    expect(reply.nodeId).not.toBe(map.id);
    expect(reply.notices.join(' ')).toMatch(/can't be read, so it was left as it is/);
    expect(map.getSharedPluginData(NAMESPACE, MODEL_KEY)).toBe(damaged);
    expect(map.findAll().length).toBe(nodes);
  });

  it('Update map with the damaged map selected is refused, and the selection says why', async () => {
    const s = stage();
    const j = example('saas-onboarding');
    const { map } = await draw(s, j);
    map.setSharedPluginData(NAMESPACE, MODEL_KEY, map.getSharedPluginData(NAMESPACE, MODEL_KEY).replace('"chunks":1', '"chunks":2'));
    s.emu.resetStats();
    const error = await errorOf(s.service.renderAsync(j, style(), map.id, ctx));
    expect(error?.message).toMatch(/^This map can't be read: .*left as it is/);
    expect(s.emu.stats().writes).toBe(0);
    s.emu.user.select([map]);
    const selected = await s.service.readSelectionAsync();
    expect(selected?.unreadable).toMatch(/missing/);
    expect(selected?.journey).toBeNull();
  });
});

describe('a duplicated map is its own journey before any sync', () => {
  it('updating a copy that was never synced is refused instead of drawing a second set of nodes into it', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    const copy = s.emu.user.duplicate(map) as FrameNode;
    const nodes = copy.findAll().length;
    const edited = structuredClone(j);
    edited.cards[0]!.text = 'edited in panel';
    const error = await errorOf(s.service.renderAsync(edited, style(), copy.id, ctx));
    expect(error?.message).toMatch(/copy of .* never synced/);
    expect(copy.findAll().length).toBe(nodes);
  });
});

describe('content a designer added by hand is kept', () => {
  it('a shape dropped into a card survives the card leaving the journey, beside the map', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    const removed = j.cards[0]!;
    const card = map.findOne((n) => readTag(n)?.t?.[0] === 'card' && readTag(n)?.t?.[1] === removed.id && n.type === 'FRAME') as FrameNode;
    const photo = s.figma.createRectangle();
    photo.name = 'Photo from the diary study';
    s.emu.user.appendChild(card, photo);
    const reply = await draw(s, { ...j, cards: j.cards.slice(1) }, style(), map.id);
    expect(taggedEntities(map)).not.toContain(`card|${removed.id}@FRAME`);
    expect(photo.removed).toBe(false);
    expect(photo.parent?.name).toBe('Kept from removed items');
    expect(photo.parent?.parent).toBe(map.parent);
    expect(reply.reply.notices.join(' ')).toMatch(/1 layer you added by hand .* kept in the frame "Kept from removed items"/);
  });
});

describe('renders are all-or-nothing as far as the designer can tell', () => {
  it('a map deleted mid-render stops the render with a clear message and leaves no stray node', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    const edited = structuredClone(j);
    for (const c of edited.cards) c.text = `${c.text} (revised)`;
    edited.cards.push({ ...structuredClone(edited.cards[0]!), id: 'c-new-one', text: 'A new card' });
    const figma = interrupting(s.figma, 'createText', 1, () => s.emu.user.remove(map));
    const service = serviceOn(s, figma);
    const before = new Set(s.figma.currentPage.children.map((n) => n.id));
    const error = await errorOf(service.renderAsync(edited, style(), map.id, ctx));
    expect(error?.message).toMatch(/deleted while Journey Mapper was drawing it/);
    expect(s.figma.currentPage.children.filter((n) => !before.has(n.id))).toEqual([]);
  });

  it('a render stopped part-way leaves the map marked unfinished: never offered as edits, and finished by the next update', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    const edited = structuredClone(j);
    for (const c of edited.cards) c.text = `${c.text} (revised)`;
    edited.cards.push({ ...structuredClone(edited.cards[0]!), id: 'c-extra', text: 'needs a new frame' });
    // Figma stops answering once the plugin is closed: the first new frame fails, half-way through.
    const failing = interrupting(s.figma, 'createFrame', 1, () => {
      throw new Error('in createFrame: The plugin has been closed. Figma APIs are disabled.');
    });
    await errorOf(serviceOn(s, failing).renderAsync(edited, style(), map.id, ctx));
    expect(wasInterrupted(map)).toBe(true);
    s.emu.user.select([map]);
    const summary = await s.service.readSelectionAsync();
    expect(summary?.interrupted).toBe(true);
    expect(summary?.canvasEdited).toBe(false);
    const sync = await errorOf(s.service.syncAsync({ nodeId: map.id, apply: false }));
    expect(sync?.message).toMatch(/did not finish/);
    await s.service.renderAsync(edited, style(), map.id, ctx);
    expect(wasInterrupted(map)).toBe(false);
    const after = await s.service.readSelectionAsync();
    expect(after?.interrupted).toBe(false);
    expect(after?.canvasEdited).toBe(false);
  });

  it('a new map interrupted before its last node is recognised and finished by the next Generate', async () => {
    const s = stage();
    const j = example('saas-onboarding');
    const failing = interrupting(s.figma, 'createEllipse', 1, () => {
      throw new Error('in createEllipse: The plugin has been closed. Figma APIs are disabled.');
    });
    await errorOf(serviceOn(s, failing).renderAsync(j, style(), undefined, ctx));
    const partial = s.figma.currentPage.children.find((n) => n.type === 'FRAME') as FrameNode;
    expect(partial.getSharedPluginData(NAMESPACE, MODEL_KEY)).not.toBe('');
    expect(wasInterrupted(partial)).toBe(true);
    const reply = await s.service.renderAsync(j, style(), undefined, ctx);
    expect(reply.nodeId).toBe(partial.id);
    expect(wasInterrupted(partial)).toBe(false);
    // One map; the other frames are its views.
    expect(s.figma.currentPage.children.filter((n) => n.type === 'FRAME' && !n.getSharedPluginData(NAMESPACE, VIEW_KEY))).toHaveLength(1);
  });
});

describe('maps live where the designer put them', () => {
  it('a map moved into a frame is found and updated there, keeping its place in that frame', async () => {
    const s = stage();
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    const board = s.figma.createFrame();
    board.name = 'Research board';
    s.emu.user.appendChild(board, map);
    s.emu.user.move(map, 40, 60);
    const edited = structuredClone(j);
    edited.title = 'Retail purchase, revised';
    const reply = await s.service.renderAsync(edited, style(), undefined, ctx);
    expect(reply.nodeId).toBe(map.id);
    expect(map.parent).toBe(board);
    expect([map.x, map.y]).toEqual([40, 60]);
    expect(s.figma.currentPage.findAll((n) => readTag(n)?.k === 'map')).toHaveLength(1);
  });

  it('new maps never land on top of other maps or other content', async () => {
    const s = stage();
    const sticky = s.figma.createFrame();
    sticky.resizeWithoutConstraints(800, 600);
    sticky.x = -400;
    sticky.y = -300;
    const a = await draw(s, example('retail-purchase'));
    const b = await draw(s, example('saas-onboarding'));
    const c = await draw(s, example('public-service-blueprint'));
    const boxes = [sticky, a.map, b.map, c.map].map((n) => ({ x: n.x, y: n.y, w: n.width, h: n.height }));
    for (let i = 0; i < boxes.length; i++)
      for (let k = i + 1; k < boxes.length; k++) {
        const p = boxes[i]!;
        const q = boxes[k]!;
        const apart = p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
        expect(apart, `boxes ${i} and ${k} overlap`).toBe(true);
      }
  });
});

// Whenever Figma delivers the change events (in the next task, or much later), the outcome is the same.
describe.each([0, 16, 250])('live sync never loses a collaborator\'s edit made while the plugin writes (events after %i ms)', (nodeChangeDelayMs) => {
  it('a REMOTE edit to a card while a render runs is reported once the render is done', async () => {
    const s = stage('figma', undefined, { nodeChangeDelayMs });
    const j = example('retail-purchase');
    const { map } = await draw(s, j);
    const target = j.cards[2]!;
    const text = map.findOne((n) => n.type === 'TEXT' && readTag(n)?.k === `card:${target.id}/text`) as TextNode;
    const edited = structuredClone(j);
    edited.title = 'A new title from the panel';
    edited.cards.push({ ...structuredClone(edited.cards[0]!), id: 'c-added-in-panel', text: 'Added in the panel' });
    // The collaborator types while the plugin is writing (when it creates the new card's frame).
    const figma = interrupting(s.figma, 'createFrame', 1, () => s.emu.user.setText(text, 'Typed by a collaborator during the render', { origin: 'REMOTE' }));
    const pushes: { type: string; payload?: { changes: { summary: string }[] } }[] = [];
    await serviceOn(s, figma, pushes).renderAsync(edited, style(), map.id, ctx);
    await new Promise((r) => setTimeout(r, 400 + nodeChangeDelayMs));
    await s.emu.flush();
    const pushed = pushes.filter((p) => p.type === 'canvasChanged');
    expect(pushed.length).toBeGreaterThan(0);
    const last = pushed.at(-1)!;
    expect(last.payload!.changes.map((c) => c.summary).join(' ')).toMatch(/Typed by a collaborator/);
  });
});
