// loadBundle: a bundle runs with only the sandbox globals (typings index.d.ts: figma, __html__,
// __uiFiles__, console, timers; https://developers.figma.com/docs/plugins/how-plugins-run), in both
// engines: QuickJS (Figma's kind of VM, the default) and V8 (fast, for the emulator's own tests).
import { describe, expect, it } from 'vitest';
import type { EngineName } from './engines';
import { createFigma, emulatorOf } from './index';
import './quickjs/index';

const BUNDLE = `(() => {
  "use strict";
  var seen = {
    process: typeof process, require: typeof require, window: typeof window, document: typeof document,
    TextEncoder: typeof TextEncoder, setTimeout: typeof setTimeout, html: __html__,
  };
  figma.showUI(__html__, { width: 320, height: 480, themeColors: true });
  figma.ui.onmessage = function (msg) {
    if (msg.type === 'ping') {
      var f = figma.createFrame();
      f.name = 'from bundle';
      setTimeout(function () { figma.ui.postMessage({ type: 'pong', id: f.id, seen: seen }); }, 0);
    }
  };
})();`;

describe.each(['quickjs', 'v8'] as EngineName[])('sandbox (loadBundle, %s)', (engine) => {
  it('runs an IIFE bundle, talks to the UI, and cannot see process/require/window/TextEncoder', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    emu.loadBundle(BUNDLE, { html: '<div id="app"></div>', engine });
    expect(emu.ui.options).toEqual({ width: 320, height: 480, themeColors: true });
    const got: Array<{ type: string; id: string; seen: Record<string, string> }> = [];
    emu.ui.onMessage((m) => got.push(m as (typeof got)[number]));
    emu.ui.post({ type: 'ping' });
    await emu.flush();
    expect(got).toHaveLength(1);
    expect(got[0]!.type).toBe('pong');
    expect(figma.currentPage.children.map((c) => c.name)).toEqual(['from bundle']);
    expect(got[0]!.seen).toEqual({
      process: 'undefined', require: 'undefined', window: 'undefined', document: 'undefined',
      TextEncoder: 'undefined', setTimeout: 'function', html: '<div id="app"></div>',
    });
  });

  it('errors thrown at the top level of the bundle surface to the test', () => {
    const emu = emulatorOf(createFigma());
    expect(() => emu.loadBundle('figma.createFrame(); figma.nope();', { engine })).toThrow('not supported by the emulator: figma.nope');
  });

  it('closePlugin cancels the bundle\'s timers', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    emu.loadBundle('setTimeout(function(){ figma.createFrame(); }, 0); figma.closePlugin();', { engine });
    await emu.flush();
    expect(emu.nodeCount()).toBe(2); // document + page only
  });

  it('waits for a handler that awaits several emulator async APIs and zero-delay timers', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    emu.loadBundle(`figma.showUI(__html__);
      figma.ui.onmessage = async function () {
        await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
        await figma.loadFontAsync({ family: 'Inter', style: 'Bold' });
        await figma.clientStorage.setAsync('k', 1);
        await new Promise(function (r) { setTimeout(r, 0); });
        var t = figma.createText(); t.characters = 'done';
        figma.ui.postMessage({ type: 'done', id: t.id });
      };`, { engine });
    const got: unknown[] = [];
    emu.ui.onMessage((m) => got.push(m));
    emu.ui.post({ type: 'go' });
    await emu.flush();
    expect(got).toHaveLength(1);
    expect(emu.errors).toEqual([]);
  });
});

describe('node identity in deep equality', () => {
  it('toEqual compares nodes by id, never by shape', () => {
    const figma = createFigma();
    const a = figma.createFrame();
    const b = figma.createFrame();
    expect([a]).toEqual([a]);
    expect([a]).not.toEqual([b]);
  });
});
