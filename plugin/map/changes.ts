// The Changes view on the canvas (issue 18): one frame beside a map showing what changed between
// two journeys the panel compares (shared/layout/views/changes.ts), drawn by the map's renderer.
// The panel diffs and sends the newer journey with a summary of the changes; the sandbox only
// lays it out (its bundle carries no diff).
// It is a snapshot of one comparison, not kept up to date with the map: drawing it again replaces
// it in place, and "Remove" deletes it. The frame carries shared plugin data `changes` = { map }
// (the map's node id) and no journey, so sync never reads it as a map, and drawing the map's views
// (map/views.ts, which removes view frames no longer listed) never touches it.
import { estimateHeight } from '../../shared/layout/estimate';
import { countNodes, layoutChanges } from '../../shared/layout/views/changes';
import { loadJourneySteps } from '../../shared/model/envelope';
import type { ParsedRequestPayload, ResponsePayload } from '../../shared/messages';
import type { StyleOptions } from '../../shared/style/options';
import { CHANGES_KEY, NAMESPACE } from '../../shared/storage/keys';
import type { RequestContext } from '../bus';
import { PluginError } from '../errors';
import { chooseFonts, loadFontsAsync } from '../render/fonts';
import { renderLayoutAsync } from '../render/render';
import { readTag } from '../render/tags';
import { mapOf, type StoredMap } from '../store/model-store';
import { runSteps, Slicer } from '../yield';
import { freeSpot, topLevelBoxes } from './placement';

/** Space between the map (or what is beside it) and the Changes frame. */
const GAP = 160;

/** The Changes frame of a map on the page (the original, not a copy), if any. */
export function changesFrameOf(page: PageNode, mapId: string): FrameNode | undefined {
  for (const node of page.findAllWithCriteria({ types: ['FRAME'], sharedPluginData: { namespace: NAMESPACE, keys: [CHANGES_KEY] } })) {
    let data: { map?: unknown } | null = null;
    try {
      data = JSON.parse(node.getSharedPluginData(NAMESPACE, CHANGES_KEY)) as { map?: unknown } | null;
    } catch {
      continue;
    }
    if (data?.map === mapId && readTag(node)?.n === node.id) return node;
  }
  return undefined;
}

export interface ChangesDeps {
  readTargetAsync(map: FrameNode): Promise<StoredMap>;
}

async function loadSide(raw: unknown, which: string, slicer: Slicer) {
  const loaded = await runSteps(loadJourneySteps(raw), slicer);
  if (!loaded.ok) throw new PluginError('INVALID_JOURNEY', `The ${which} journey has ${loaded.error.length} problem${loaded.error.length === 1 ? '' : 's'}; nothing was drawn.`, loaded.error);
  return loaded.value.journey;
}

export function createChangesService(figma: PluginAPI, deps: ChangesDeps) {
  async function mapAsync(nodeId: string): Promise<FrameNode> {
    const map = mapOf(await figma.getNodeByIdAsync(nodeId));
    if (!map) throw new PluginError('NOT_A_MAP', 'That layer is not a journey map, or it was deleted.');
    return map;
  }

  return {
    async showAsync(p: ParsedRequestPayload<'showChanges'>, ctx: RequestContext): Promise<ResponsePayload<'showChanges'>> {
      const map = await mapAsync(p.nodeId);
      // The map's own style: the Changes frame reads like the map beside it.
      const stored = await deps.readTargetAsync(map);
      const style: StyleOptions = p.style ?? stored.style;
      const slicer = new Slicer();
      const newer = await loadSide(p.newer, 'newer', slicer);
      await slicer.yield();
      const root = layoutChanges(newer, style, p.summary);
      await slicer.yield();
      const { fonts, notices } = chooseFonts(await figma.listAvailableFontsAsync(), style.fontFamily);
      await loadFontsAsync(figma, fonts);
      const page = figma.currentPage;
      const existing = changesFrameOf(page, map.id);
      // A new frame goes right of the map, past whatever is there (its views), in free space.
      const position = existing
        ? undefined
        : freeSpot({ x: map.x + map.width + GAP, y: map.y }, { width: root.width, height: estimateHeight(root) }, topLevelBoxes(page));
      const drawn = await renderLayoutAsync(figma, { root, connectors: [], count: countNodes(root) }, {
        fonts,
        page,
        ...(existing ? { map: existing } : { position }),
        onProgress: (done, total) => ctx.progress('Drawing the changes', done, total),
      });
      let writes = drawn.stats.writes;
      const home = map.parent && 'appendChild' in map.parent ? map.parent : page;
      if (!existing && drawn.map.parent !== home) {
        home.appendChild(drawn.map);
        writes++;
      }
      const data = JSON.stringify({ map: map.id });
      if (drawn.map.getSharedPluginData(NAMESPACE, CHANGES_KEY) !== data) {
        drawn.map.setSharedPluginData(NAMESPACE, CHANGES_KEY, data);
        writes++;
      }
      figma.commitUndo();
      figma.viewport.scrollAndZoomIntoView([drawn.map]);
      figma.notify(`${existing ? 'Updated' : 'Drew'} the Changes view beside "${stored.journey.title.slice(0, 60)}"`);
      return { nodeId: drawn.map.id, created: !existing, writes, notices };
    },

    async removeAsync(nodeId: string): Promise<ResponsePayload<'removeChanges'>> {
      const map = await mapAsync(nodeId);
      const frame = changesFrameOf(figma.currentPage, map.id);
      if (!frame) return { removed: false };
      frame.remove();
      figma.commitUndo();
      return { removed: true };
    },
  };
}

export type ChangesService = ReturnType<typeof createChangesService>;
