// UI bridge. Sources: typings UIAPI (postMessage: "same as the browser's postMessage", structured clone), ShowUIOptions;
// https://developers.figma.com/docs/plugins/creating-ui (parent.postMessage({ pluginMessage }, '*')).
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from './index';

describe('ui-bridge', () => {
  it('showUI records options (themeColors, size, visible)', () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    figma.showUI('<p>hi</p>', { width: 400, height: 600, themeColors: true, visible: false });
    expect(emu.ui.html).toBe('<p>hi</p>');
    expect(emu.ui.options).toEqual({ width: 400, height: 600, themeColors: true, visible: false });
    expect(emu.ui.visible).toBe(false);
    figma.ui.show();
    expect(emu.ui.visible).toBe(true);
    figma.ui.resize(10, 300);
    expect(emu.ui.size).toEqual({ width: 70, height: 300 }); // "The minimum size is 70x0"
  });

  it('figma.ui.postMessage structured-clones and delivers asynchronously to the UI', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    figma.showUI('');
    const got: unknown[] = [];
    emu.ui.onMessage((m) => got.push(m));
    const payload = { type: 'init', map: { steps: [1, 2] }, when: new Date(0) };
    figma.ui.postMessage(payload);
    payload.map.steps.push(3); // later mutation must not leak
    expect(got).toHaveLength(0);
    await emu.flush();
    expect(got).toEqual([{ type: 'init', map: { steps: [1, 2] }, when: new Date(0) }]);
    expect(emu.ui.messages).toEqual([{ direction: 'toUI', message: { type: 'init', map: { steps: [1, 2] }, when: new Date(0) } }]);
  });

  it('sending a node or a function throws DataCloneError like Figma', () => {
    const figma = createFigma();
    figma.showUI('');
    const node = figma.createFrame();
    expect(() => figma.ui.postMessage({ node })).toThrow(/could not be cloned/);
    expect(() => figma.ui.postMessage({ fn: () => 1 })).toThrow(/could not be cloned/);
    try {
      figma.ui.postMessage(node);
    } catch (e) {
      expect((e as Error).name).toBe('DataCloneError');
    }
  });

  it('emu.ui.post reaches figma.ui.onmessage and on("message") listeners; off removes', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    figma.showUI('');
    const a: unknown[] = [];
    const b: unknown[] = [];
    figma.ui.onmessage = (m) => a.push(m);
    const cb = (m: unknown) => b.push(m);
    figma.ui.on('message', cb);
    emu.ui.post({ type: 'ready' });
    expect(a).toHaveLength(0);
    await emu.flush();
    expect(a).toEqual([{ type: 'ready' }]);
    expect(b).toEqual([{ type: 'ready' }]);
    figma.ui.off('message', cb);
    emu.ui.post({ type: 'again' });
    await emu.flush();
    expect(b).toHaveLength(1);
    expect(a).toHaveLength(2);
  });

  it('ui.close and figma.closePlugin stop delivery; closePlugin disables creators', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    figma.showUI('');
    const got: unknown[] = [];
    figma.ui.onmessage = (m) => got.push(m);
    figma.ui.close();
    emu.ui.post({ x: 1 });
    await emu.flush();
    expect(got).toHaveLength(0);
    figma.closePlugin('bye');
    expect(emu.recorders.closed).toEqual({ message: 'bye' });
    expect(() => figma.createFrame()).toThrow(/closed/);
  });
});
