// documentAccess: dynamic-page. Sources: https://developers.figma.com/docs/plugins/api/api-errors/ (error templates); Version 1 Update 87;
// https://developers.figma.com/docs/plugins/migrating-to-dynamic-loading; figma/mcp-server-guide gotchas.md (currentPage setter).
import { describe, expect, it } from 'vitest';
import { createFigma } from './index';

describe('dynamic-page', () => {
  it('figma.getNodeById throws; getNodeByIdAsync works', async () => {
    const figma = createFigma({ documentAccess: 'dynamic-page' });
    const f = figma.createFrame();
    expect(() => figma.getNodeById(f.id)).toThrow('in getNodeById: Cannot call with documentAccess: dynamic-page. Use figma.getNodeByIdAsync instead.');
    expect(await figma.getNodeByIdAsync(f.id)).toBe(f);
    expect(await figma.getNodeByIdAsync('99:99')).toBeNull();
    f.remove();
    expect(await figma.getNodeByIdAsync(f.id)).toBeNull();
  });

  it('without dynamic-page the sync lookup works', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    expect(figma.getNodeById(f.id)).toBe(f);
  });

  it('figma.currentPage = p throws; setCurrentPageAsync works', async () => {
    const figma = createFigma({ documentAccess: 'dynamic-page' });
    const p2 = figma.createPage();
    expect(() => {
      figma.currentPage = p2;
    }).toThrow('Setting figma.currentPage is not supported');
    await figma.setCurrentPageAsync(p2);
    expect(figma.currentPage).toBe(p2);
    expect(figma.createFrame().parent).toBe(p2);
  });

  it('documentchange needs loadAllPagesAsync first; nodechange does not (typings figma.on)', async () => {
    const figma = createFigma({ documentAccess: 'dynamic-page' });
    const cb = () => {};
    expect(() => figma.on('documentchange', cb)).toThrow(/loadAllPagesAsync/);
    figma.currentPage.on('nodechange', cb);
    await figma.loadAllPagesAsync();
    figma.on('documentchange', cb);
  });

  it('document-wide findAll needs loadAllPagesAsync', async () => {
    const figma = createFigma({ documentAccess: 'dynamic-page' });
    expect(() => figma.root.findAll()).toThrow(/loadAllPagesAsync/);
    await figma.loadAllPagesAsync();
    expect(figma.root.findAll().map((n) => n.type)).toEqual(['PAGE']); // pages are included (typings DocumentNode.findAll)
  });
});
