// Draw, restyle, sync and find journey maps. Every operation validates first and touches the
// canvas only once everything that can fail before drawing (journey, fonts, size) has passed.
import { layoutJourneySteps } from '../../shared/layout/layout';
import { loadJourney } from '../../shared/model/envelope';
import type { Journey } from '../../shared/model/types';
import type { MapSummary, ResponsePayload } from '../../shared/messages';
import type { StyleOptions } from '../../shared/style/options';
import type { Bus, RequestContext } from '../bus';
import { PluginError } from '../errors';
import type { MapService } from '../map-service';
import { chooseFonts, loadFontsAsync } from '../render/fonts';
import { renderLayoutAsync } from '../render/render';
import { readTag } from '../render/tags';
import { hasModel, mapOf, prepareModelSteps, readModel, writeModel, type StoredMap } from '../store/model-store';
import { createSync, type SyncService } from './sync';
import { runSteps, Slicer, yieldToFigma } from '../yield';

export const RELAUNCH = { open: 'Edit this journey map with Journey Mapper' };

/** Maps on the current page that draw this journey and are originals, not copies. */
function findMapsOf(page: PageNode, journeyId: string): FrameNode[] {
  return page.children.filter((n): n is FrameNode => {
    if (n.type !== 'FRAME' || !hasModel(n)) return false;
    const tag = readTag(n);
    return !!tag && tag.n === n.id && tag.t?.[1] === journeyId;
  });
}

export function createMapService(figma: PluginAPI): MapService & { attach(bus: Bus): void; sync: SyncService } {
  let bus: Bus | null = null;
  const quiet: RequestContext = { requestId: 'sync', progress: () => {} };
  const sync = createSync(figma, () => bus, () => (map, journey, style) => drawAsync(journey, style, map, quiet));

  async function drawAsync(journey: Journey, style: StyleOptions, target: FrameNode | undefined, ctx: RequestContext) {
    const slicer = new Slicer();
    const { fonts, notices } = chooseFonts(await figma.listAvailableFontsAsync(), style.fontFamily);
    const layout = await runSteps(layoutJourneySteps(journey, style, { editor: figma.editorType === 'figjam' ? 'figjam' : 'figma' }), slicer);
    await slicer.yield();
    const encoded = await runSteps(prepareModelSteps(journey), slicer);
    if (!encoded.ok) throw new PluginError('TOO_LARGE', encoded.error[0]?.message ?? 'The journey is too large to store.', encoded.error);
    await slicer.yield();
    await loadFontsAsync(figma, fonts);
    // Nothing on the canvas has been touched up to here.
    const page = figma.currentPage;
    const center = figma.viewport.center;
    const width = layout.root.width;
    const { map, stats, dataWrites } = await sync.whileWritingAsync(async () => {
      const drawn = await renderLayoutAsync(figma, layout, {
        fonts,
        page,
        ...(target ? { map: target } : {}),
        position: { x: center.x - width / 2, y: center.y - 300 },
        onProgress: (done, total) => ctx.progress('Drawing the map', done, total),
      });
      const written = writeModel(drawn.map, encoded.value, style, journey);
      sync.remember(drawn.map, journey);
      if (!target) drawn.map.setRelaunchData(RELAUNCH);
      // Select the map so the panel offers "Update map" next; an unchanged selection is not rewritten.
      const selection = figma.currentPage.selection;
      if (selection.length !== 1 || selection[0] !== drawn.map) figma.currentPage.selection = [drawn.map];
      return { ...drawn, dataWrites: written };
    });
    figma.commitUndo();
    figma.viewport.scrollAndZoomIntoView([map]);
    const verb = target ? 'Updated' : 'Drew';
    figma.notify(`${verb} "${journey.title.slice(0, 60)}"`);
    return {
      nodeId: map.id,
      created: stats.created,
      updated: stats.updated,
      removed: stats.removed,
      writes: stats.writes + dataWrites,
      notices,
    };
  }

  /**
   * The map to update: the selected one if it holds this journey, else this journey's map on the
   * page. A selected map of another journey is never overwritten: a new map is drawn beside it.
   */
  async function resolveTarget(journey: Journey, targetNodeId: string | undefined): Promise<{ map?: FrameNode; notice?: string }> {
    if (targetNodeId) {
      const node = await figma.getNodeByIdAsync(targetNodeId);
      const map = mapOf(node);
      if (!map) throw new PluginError('NOT_A_MAP', 'The selected layer is not part of a journey map. Select a map, or deselect to draw a new one.');
      const stored = readModel(map);
      if (stored.ok && stored.value.journey.id === journey.id) return { map };
      const other = stored.ok ? `"${stored.value.journey.title.slice(0, 40)}"` : 'another journey';
      const existing = findMapsOf(figma.currentPage, journey.id)[0];
      return { ...(existing ? { map: existing } : {}), notice: `The selected map holds ${other}, so it was left as it is; ${existing ? 'this journey\'s own map was updated' : 'a new map was drawn'}.` };
    }
    const existing = findMapsOf(figma.currentPage, journey.id)[0];
    return existing ? { map: existing } : {};
  }

  async function summaryOf(map: FrameNode): Promise<MapSummary | null> {
    const stored = readModel(map);
    if (!stored.ok) return null;
    const edited = await sync.hasCanvasEditsAsync(map, stored.value);
    return { nodeId: map.id, name: map.name, journey: JSON.parse(JSON.stringify(stored.value.journey)) as unknown, style: stored.value.style, canvasEdited: edited };
  }

  return {
    sync,
    attach(b) {
      bus = b;
      figma.on('selectionchange', () => {
        void (async () => {
          const map = mapOf(figma.currentPage.selection[0] ?? null);
          b.push({ type: 'selection', payload: { selection: map ? await summaryOf(map) : null } });
          if (map) sync.watch(map);
        })();
      });
      sync.startLive();
    },

    async renderAsync(raw, style, targetNodeId, ctx): Promise<ResponsePayload<'render'>> {
      const loaded = loadJourney(raw);
      if (!loaded.ok) throw new PluginError('INVALID_JOURNEY', `The journey has ${loaded.error.length} problem${loaded.error.length === 1 ? '' : 's'}; nothing was drawn.`, loaded.error);
      await yieldToFigma();
      const target = await resolveTarget(loaded.value.journey, targetNodeId);
      const reply = await drawAsync(loaded.value.journey, style, target.map, ctx);
      return target.notice ? { ...reply, notices: [target.notice, ...reply.notices] } : reply;
    },

    async restyleAsync(nodeId, style, ctx) {
      const map = mapOf(await figma.getNodeByIdAsync(nodeId));
      if (!map) throw new PluginError('NOT_A_MAP', 'That layer is not a journey map.');
      const stored: StoredMap = unwrap(readModel(map));
      return drawAsync(stored.journey, style, map, ctx);
    },

    syncAsync: (request) => sync.syncAsync(request),

    async readSelectionAsync() {
      const map = mapOf(figma.currentPage.selection[0] ?? null);
      return map ? summaryOf(map) : null;
    },
  };
}

function unwrap(result: ReturnType<typeof readModel>): StoredMap {
  if (!result.ok) throw new PluginError('NOT_A_MAP', `The journey stored on this map cannot be read: ${result.error[0]?.message ?? 'unknown problem'}`, result.error);
  return result.value;
}
