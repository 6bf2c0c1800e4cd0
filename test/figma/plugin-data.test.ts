// Plugin data rules. Sources: typings setPluginData/setSharedPluginData (L6528-L6575); https://developers.figma.com/docs/plugins/api/properties/nodes-setplugindata;
// https://developers.figma.com/docs/plugins/api/properties/nodes-setsharedplugindata; Version 1 Update 109 (100 kB per entry).
import { describe, expect, it } from 'vitest';
import { createFigma } from './index';
import { utf8Length } from './constraints';

describe('plugin-data', () => {
  it('missing key reads "" and "" deletes the key (nodes-setplugindata; Update 17)', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    expect(f.getPluginData('nope')).toBe('');
    f.setPluginData('a', '1');
    f.setPluginData('b', '2');
    expect(f.getPluginDataKeys()).toEqual(['a', 'b']);
    f.setPluginData('a', '');
    expect(f.getPluginDataKeys()).toEqual(['b']);
    expect(f.getPluginData('a')).toBe('');
  });

  it('values must be strings', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    expect(() => f.setPluginData('a', 5 as unknown as string)).toThrow(/Expected "value" to be a string/);
    expect(() => f.setPluginData('a', { x: 1 } as unknown as string)).toThrow(/string/);
  });

  it('works on document and page too', () => {
    const figma = createFigma();
    figma.root.setPluginData('k', 'v');
    figma.currentPage.setPluginData('k', 'w');
    expect(figma.root.getPluginData('k')).toBe('v');
    expect(figma.currentPage.getPluginData('k')).toBe('w');
  });

  it('100 kB per entry = 102400 UTF-8 bytes of key + value, with Figma\'s error text (typings L6530; tolgee/figma-plugin#56)', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    const key = 'jm_model';
    f.setPluginData(key, 'x'.repeat(102400 - key.length)); // exactly at the limit: allowed
    expect(f.getPluginData(key).length).toBe(102400 - key.length);
    expect(() => f.setPluginData(key, 'x'.repeat(102400 - key.length + 1))).toThrow('in setPluginData: This pluginData entry exceeds 100 kB per entry limit.');
    // Multi-byte characters count by UTF-8 bytes: "é" is 2 bytes.
    expect(() => f.setPluginData('k', 'é'.repeat(51200))).toThrow(/exceeds 100 kB/);
    expect(utf8Length('é😀a')).toBe(2 + 4 + 1);
    // The failed write left the old value untouched.
    expect(f.getPluginData(key).length).toBe(102400 - key.length);
  });

  it('shared plugin data: namespace needs >= 3 alphanumeric chars; keys listed per namespace (nodes-setsharedplugindata)', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    expect(() => f.setSharedPluginData('ab', 'k', 'v')).toThrow(/at least 3 alphanumeric/);
    expect(() => f.setSharedPluginData('a-b', 'k', 'v')).toThrow(/at least 3 alphanumeric/);
    f.setSharedPluginData('journeymap', 'k', 'v');
    f.setSharedPluginData('journeymap', 'k2', 'v2');
    expect(f.getSharedPluginData('journeymap', 'k')).toBe('v');
    expect(f.getSharedPluginData('other', 'k')).toBe('');
    expect(f.getSharedPluginDataKeys('journeymap')).toEqual(['k', 'k2']);
    f.setSharedPluginData('journeymap', 'k', '');
    expect(f.getSharedPluginDataKeys('journeymap')).toEqual(['k2']);
    expect(() => f.setSharedPluginData('journeymap', 'k', 'x'.repeat(102400))).toThrow('in setSharedPluginData: This pluginData entry exceeds 100 kB per entry limit.');
    // private and shared namespaces are separate
    expect(f.getPluginDataKeys()).toEqual([]);
  });

  it('findAllWithCriteria finds by sharedPluginData namespace and keys', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    const r = figma.createRectangle();
    f.appendChild(r);
    r.setSharedPluginData('journeymap', 'ref', '1');
    expect(f.findAllWithCriteria({ sharedPluginData: { namespace: 'journeymap', keys: ['ref'] } })).toEqual([r]);
    expect(f.findAllWithCriteria({ sharedPluginData: { namespace: 'journeymap', keys: ['nope'] } })).toEqual([]);
  });
});
