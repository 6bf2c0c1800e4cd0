// Recorders. Sources: typings commitUndo (L273-L294), notify capped at 100 (L229), setRelaunchData 1000 chars (L6444), viewport;
// typings figma.notify (L225-271), ClientStorageAPI, ViewportAPI; https://developers.figma.com/docs/plugins/api/figma-clientStorage.
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from './index';

describe('recorders', () => {
  it('commitUndo is counted', () => {
    const figma = createFigma();
    figma.commitUndo();
    figma.commitUndo();
    expect(emulatorOf(figma).recorders.undoCommits).toBe(2);
  });

  it('notify: message capped at 100 chars, options recorded, returns {cancel}', () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const h = figma.notify('x'.repeat(150), { error: true, timeout: 5000 });
    expect(emu.recorders.notifications[0]!.message).toHaveLength(100);
    expect(emu.recorders.notifications[0]!.options).toEqual({ error: true, timeout: 5000 });
    h.cancel();
    expect(emu.recorders.notifications[0]!.cancelled).toBe(true);
  });

  it('viewport: scrollAndZoomIntoView recorded and centres; center/zoom settable', () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const f = figma.createFrame();
    f.x = 100;
    f.resize(200, 100);
    figma.viewport.scrollAndZoomIntoView([f]);
    expect(emu.recorders.scrollAndZoomIntoView).toEqual([[f.id]]);
    expect(figma.viewport.center).toEqual({ x: 200, y: 50 });
    figma.viewport.zoom = 0.5;
    expect(figma.viewport.zoom).toBe(0.5);
  });

  it('setRelaunchData: description over 1000 chars throws; data recorded and replaced', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    f.setRelaunchData({ open: 'Edit journey map' });
    expect(f.getRelaunchData()).toEqual({ open: 'Edit journey map' });
    f.setRelaunchData({ edit: '' });
    expect(f.getRelaunchData()).toEqual({ edit: '' });
    expect(() => f.setRelaunchData({ open: 'x'.repeat(1001) })).toThrow(/too long/);
  });

  it('clientStorage: structured-cloned values, keys, delete, 5 MB quota', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const v = { a: [1, 2], bytes: new Uint8Array([1, 2, 3]) };
    await figma.clientStorage.setAsync('prefs', v);
    v.a.push(3);
    expect(await figma.clientStorage.getAsync('prefs')).toEqual({ a: [1, 2], bytes: new Uint8Array([1, 2, 3]) });
    expect(await figma.clientStorage.getAsync('missing')).toBeUndefined();
    expect(await figma.clientStorage.keysAsync()).toEqual(['prefs']);
    await expect(figma.clientStorage.setAsync('fn', () => 1)).rejects.toThrow(/could not be cloned/);
    await expect(figma.clientStorage.setAsync('big', 'x'.repeat(5 * 1024 * 1024))).rejects.toThrow(/quota/);
    await figma.clientStorage.setAsync('ok', 'x'.repeat(4 * 1024 * 1024));
    await figma.clientStorage.deleteAsync('prefs');
    expect([...emu.clientStorage.keys()]).toEqual(['ok']);
  });

  it('figma basics: editorType, apiVersion, mixed, base64, skipInvisibleInstanceChildren', () => {
    const figma = createFigma({ editorType: 'figjam' });
    expect(figma.editorType).toBe('figjam');
    expect(figma.apiVersion).toBe('1.0.0');
    expect(typeof figma.mixed).toBe('symbol');
    expect(figma.base64Encode(new Uint8Array([104, 105]))).toBe('aGk=');
    expect([...figma.base64Decode('aGk=')]).toEqual([104, 105]);
    figma.skipInvisibleInstanceChildren = true;
    expect(figma.skipInvisibleInstanceChildren).toBe(true);
    expect(() => {
      (figma as { apiVersion: string }).apiVersion = '2';
    }).toThrow(TypeError);
  });
});
