// Events. Sources: @figma/plugin-typings plugin-api.d.ts (1.142.0): figma.on('documentchange') L562-L600 (batched "periodically",
// L576; never reported when caused inside a documentchange callback, L592-L593), PageNode.on('nodechange'),
// NodeChange shapes (CreateChange/DeleteChange/PropertyChange), selectionchange (L548-L560);
// https://developers.figma.com/docs/plugins/api/DocumentChange ; https://developers.figma.com/docs/plugins/api/properties/figma-on.
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from './index';

function collect(figma: PluginAPI) {
  const batches: NodeChange[][] = [];
  figma.currentPage.on('nodechange', (e) => batches.push(e.nodeChanges));
  return batches;
}

describe('events: nodechange', () => {
  it('is batched and delivered asynchronously', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const f = figma.createFrame();
    await emu.flush(); // deliver the CREATE first
    const batches = collect(figma);
    f.name = 'A';
    f.x = 10;
    f.x = 20;
    expect(batches).toHaveLength(0); // not synchronous
    await Promise.resolve();
    expect(batches).toHaveLength(0); // not a microtask either
    await emu.flush();
    expect(batches).toHaveLength(1);
    const change = batches[0]![0]!;
    expect(change.type).toBe('PROPERTY_CHANGE');
    expect(change.origin).toBe('LOCAL');
    expect(change.id).toBe(f.id);
    expect(change.node).toBe(f);
    expect((change as PropertyChange).properties).toEqual(['name', 'x']);
  });

  it('plugin writes outside the callback ARE reported (LOCAL); writes inside it are not', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const f = figma.createFrame();
    await emu.flush();
    const seen: string[] = [];
    figma.currentPage.on('nodechange', (e) => {
      for (const c of e.nodeChanges) seen.push(`${c.type}:${c.id}:${c.origin}`);
      f.name = 'written inside the callback';
      figma.createRectangle();
    });
    f.setPluginData('k', 'v');
    await emu.flush();
    await emu.flush();
    expect(seen).toEqual([`PROPERTY_CHANGE:${f.id}:LOCAL`]);
  });

  it('CREATE only for the top-most created node; DELETE as RemovedNode', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const batches = collect(figma);
    const f = figma.createFrame();
    const r = figma.createRectangle();
    f.appendChild(r);
    r.name = 'inner';
    await emu.flush();
    expect(batches[0]!.map((c) => `${c.type}:${c.id}`)).toEqual([`CREATE:${f.id}`]);
    f.remove();
    await emu.flush();
    const del = batches[1]!;
    expect(del).toHaveLength(1);
    expect(del[0]!.type).toBe('DELETE');
    expect(del[0]!.node).toEqual({ removed: true, type: 'FRAME', id: f.id });
  });

  it('user edits produce events with origin LOCAL or REMOTE; once/off work', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const frame = figma.createFrame();
    frame.layoutMode = 'VERTICAL';
    const t = figma.createText();
    frame.appendChild(t);
    await emu.flush();
    const batches = collect(figma);
    let onceCalls = 0;
    figma.currentPage.once('nodechange', () => onceCalls++);
    emu.user.setText(t, 'hello');
    emu.user.move(frame, 40, 50, { origin: 'REMOTE' });
    await emu.flush();
    const flat = batches.flat().map((c) => `${c.type}:${c.id}:${c.origin}:${'properties' in c ? c.properties.join(',') : ''}`);
    expect(flat).toContain(`PROPERTY_CHANGE:${t.id}:LOCAL:characters`);
    expect(flat).toContain(`PROPERTY_CHANGE:${frame.id}:REMOTE:x,y`);
    emu.user.setText(t, 'again');
    await emu.flush();
    expect(onceCalls).toBe(1);
    const cb = () => {
      throw new Error('should be off');
    };
    figma.currentPage.on('nodechange', cb);
    figma.currentPage.off('nodechange', cb);
    emu.user.setText(t, 'third');
    await emu.flush();
    expect(emu.errors).toHaveLength(0);
  });

  it('user.duplicate clones (plugin data included) and inserts after the original, reported as CREATE', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const col = figma.createFrame();
    col.layoutMode = 'VERTICAL';
    const a = figma.createRectangle();
    const b = figma.createRectangle();
    col.appendChild(a);
    col.appendChild(b);
    a.setPluginData('jm_ref', '{"id":"s1"}');
    await emu.flush();
    const batches = collect(figma);
    const copy = emu.user.duplicate(a) as RectangleNode;
    expect(col.children.map((c) => c.id)).toEqual([a.id, copy.id, b.id]);
    expect(copy.getPluginData('jm_ref')).toBe('{"id":"s1"}');
    await emu.flush();
    expect(batches.flat().some((c) => c.type === 'CREATE' && c.id === copy.id)).toBe(true);
  });

  it('user.appendChild (drag into auto layout), user.remove, user.createText', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const col = figma.createFrame();
    col.layoutMode = 'VERTICAL';
    const r = figma.createRectangle();
    await emu.flush();
    const batches = collect(figma);
    emu.user.appendChild(col, r, 0);
    const t = emu.user.createText(col, 'new note') as TextNode;
    expect(t.characters).toBe('new note');
    expect(col.children.map((c) => c.id)).toEqual([r.id, t.id]);
    emu.user.remove(r);
    await emu.flush();
    const flat = batches.flat();
    expect(flat.find((c) => c.type === 'CREATE' && c.id === t.id)).toBeTruthy();
    expect(flat.find((c) => c.type === 'DELETE' && c.id === r.id)).toBeTruthy();
  });

  it('selectionchange: fires asynchronously for user and plugin selection changes', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const a = figma.createRectangle();
    let calls = 0;
    figma.on('selectionchange', () => calls++);
    emu.user.select([a]);
    expect(calls).toBe(0);
    await emu.flush();
    expect(calls).toBe(1);
    expect(figma.currentPage.selection).toEqual([a]);
    figma.currentPage.selection = [];
    await emu.flush();
    expect(calls).toBe(2);
    emu.user.select([a]);
    a.remove(); // deleting a selected node changes the selection
    await emu.flush();
    expect(figma.currentPage.selection).toEqual([]);
  });

  it('documentchange receives changes of every page', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const got: DocumentChange[] = [];
    figma.on('documentchange', (e) => got.push(...e.documentChanges));
    figma.createFrame();
    await emu.flush();
    expect(got.map((c) => c.type)).toEqual(['CREATE']);
  });
});

describe('events: delivery delay (assumptions.nodeChangeDelayMs)', () => {
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('a batch arrives after the configured delay, not after one or two macrotasks; emu.flush waits for it', async () => {
    // typings L576: Figma "will not call the 'documentchange' callback synchronously and will instead batch the updates
    // and send them to the callback periodically". No delay is documented, so the default (16 ms) spans many
    // macrotasks: a plugin that ignores its own writes for "two setTimeout(0) ticks" is caught. Before: one tick.
    const figma = createFigma();
    const emu = emulatorOf(figma);
    expect(emu.assumptions.nodeChangeDelayMs).toBe(16);
    const f = figma.createFrame();
    await emu.flush();
    const batches = collect(figma);
    const t0 = performance.now();
    f.name = 'A';
    await tick();
    await tick();
    await tick();
    expect(batches).toHaveLength(0);
    await emu.flush();
    expect(batches).toHaveLength(1);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(15);
  });

  it('writes spread over several macrotasks within the delay land in one batch', async () => {
    const figma = createFigma({ assumptions: { nodeChangeDelayMs: 30 } });
    const emu = emulatorOf(figma);
    const f = figma.createFrame();
    await emu.flush();
    const batches = collect(figma);
    f.name = 'A';
    await tick();
    f.x = 5;
    await tick();
    f.y = 6;
    await emu.flush();
    expect(batches).toHaveLength(1);
    expect((batches[0]![0] as PropertyChange).properties).toEqual(['name', 'x', 'y']);
  });

  it('nodeChangeDelayMs: 0 delivers on the next timer (the emulator\'s old behaviour, for fast tests)', async () => {
    const figma = createFigma({ assumptions: { nodeChangeDelayMs: 0 } });
    const emu = emulatorOf(figma);
    const f = figma.createFrame();
    await emu.flush();
    const batches = collect(figma);
    f.name = 'B';
    await tick();
    await tick();
    expect(batches).toHaveLength(1);
  });
});

describe('events: plugin data and inspect', () => {
  it('another client\'s plugin-data write arrives as PROPERTY_CHANGE ["pluginData"] with origin REMOTE (typings NodeChangeProperty; forum 42242)', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const f = figma.createFrame();
    await emu.flush();
    const batches = collect(figma);
    emu.user.setPluginData(f, 'jm_model', '{"rev":2}', { origin: 'REMOTE' });
    await emu.flush();
    expect(batches.flat()).toEqual([{ type: 'PROPERTY_CHANGE', id: f.id, origin: 'REMOTE', node: f, properties: ['pluginData'] }]);
    expect(f.getPluginData('jm_model')).toBe('{"rev":2}');
  });

  it('emu.inspect returns a plain JSON tree with computed layout', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const f = figma.createFrame();
    f.layoutMode = 'VERTICAL';
    f.setPluginData('k', 'v');
    const r = figma.createRectangle();
    f.appendChild(r);
    r.resize(10, 20);
    const tree = emu.inspect(f);
    expect(JSON.parse(JSON.stringify(tree))).toEqual({
      id: f.id, type: 'FRAME', name: 'Frame', x: 0, y: 0, width: 100, height: 20, visible: true, layoutMode: 'VERTICAL', pluginData: { k: 'v' },
      children: [{ id: r.id, type: 'RECTANGLE', name: 'Rectangle', x: 0, y: 0, width: 10, height: 20, visible: true }],
    });
  });
});
