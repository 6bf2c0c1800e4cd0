// After figma.closePlugin() every Figma API and every node access throws, though the plugin's code
// keeps running: "Calling figma.closePlugin() disables callbacks and Figma APIs. It does not,
// however, abort the plugin … [the next line] will throw an exception because access to
// figma.currentPage has been disabled" (@figma/plugin-typings plugin-api.d.ts L173-182).
// A designer can then run the plugin again on the same document (emu.reopen).
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from './index';
import './quickjs/index';

describe('a closed plugin', () => {
  it('cannot read or write the document any more, through figma or through a node it kept', () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const frame = figma.createFrame();
    figma.closePlugin();
    expect(() => figma.currentPage).toThrow(/closed/);
    expect(() => frame.name).toThrow(/closed/);
    expect(() => {
      frame.x = 10;
    }).toThrow(/closed/);
    // The test side still sees the document.
    expect(emu.inspect().children?.[0]?.children).toHaveLength(1);
  });

  it('can be opened again on the same document, with none of the closed session left', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    emu.loadBundle(`figma.showUI(__html__);
      figma.on('selectionchange', function () { figma.ui.postMessage('old session saw the selection'); });
      figma.createFrame().name = 'from the first session';
      figma.closePlugin();`);
    emu.reopen();
    const seen: unknown[] = [];
    emu.ui.onMessage((m) => seen.push(m));
    emu.loadBundle(`figma.showUI(__html__);
      figma.on('selectionchange', function () { figma.ui.postMessage(figma.currentPage.children.map(function (n) { return n.name; })); });`);
    emu.user.select([figma.currentPage.children[0]!]);
    await emu.flush();
    expect(seen).toEqual([['from the first session']]);
  });
});
