// Views through the BUILT plugin in QuickJS (issue 17): rendering a journey draws each of its views
// as a frame beside the map, in Figma Design and FigJam; drawing it again writes nothing; a journey
// without views draws none.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples';
import { layoutViews } from '../../shared/layout/views/index';
import { loadJourney } from '../../shared/model/envelope';
import { NAMESPACE, VIEW_KEY } from '../../shared/storage/keys';
import { DEFAULT_STYLE } from '../../shared/style/options';
import { DIST, startPlugin } from '../harness/plugin-host';

const built = existsSync(join(DIST, 'code.js'));

describe.skipIf(!built)('views through the built plugin (QuickJS)', () => {
  for (const editorType of ['figma', 'figjam'] as const)
    it(`public-service blueprint in ${editorType}: every view frame drawn beside the map, then 0 writes`, async () => {
      const envelope = EXAMPLES.find((e) => e.id === 'public-service-blueprint')!.envelope;
      const loaded = loadJourney(envelope);
      if (!loaded.ok) throw new Error('bad example');
      const host = startPlugin({ editorType });
      await host.request('hello', {});
      const first = await host.request('render', { journey: envelope, style: DEFAULT_STYLE });
      await host.emu.flush();
      const page = host.figma.currentPage;
      // In FigJam each view's frames sit in a Section of their own.
      const viewFrames = () => page.findAll((n) => n.type === 'FRAME' && n.getSharedPluginData(NAMESPACE, VIEW_KEY) !== '');
      const views = viewFrames();
      if (editorType === 'figjam') expect(new Set(views.map((n) => n.parent?.type))).toEqual(new Set(['SECTION']));
      expect(views.map((n) => n.name)).toEqual(layoutViews(loaded.value.journey, DEFAULT_STYLE).map((f) => f.root.name));
      expect(views.map((n) => n.name)).toContain('Service blueprint');
      const blueprint = views.find((n) => n.name === 'Service blueprint') as FrameNode;
      expect(blueprint.findAll((n) => n.type === 'TEXT' && n.characters === 'Line of visibility')).toHaveLength(1);
      const again = await host.request('render', { journey: envelope, style: DEFAULT_STYLE, targetNodeId: first.nodeId });
      expect(again.writes).toBe(0);
      // Without views: the frames go.
      await host.request('render', { journey: { ...loaded.value.journey, views: [] }, style: DEFAULT_STYLE, targetNodeId: first.nodeId });
      expect(viewFrames()).toHaveLength(0);
      expect(page.children.filter((n) => n.type === 'SECTION')).toHaveLength(0);
      expect(host.emu.errors).toEqual([]);
    }, 120_000);
});
