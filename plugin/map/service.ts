// Draw, restyle, sync and find journey maps. Every operation validates first and touches the
// canvas only once everything that can fail before drawing (journey, target, fonts, size) has passed.
import { estimateHeight } from '../../shared/layout/estimate';
import { layoutJourneySteps } from '../../shared/layout/layout';
import { LAYOUT_VERSION } from '../../shared/layout/version';
import { loadJourneySteps, serializeJourney } from '../../shared/model/envelope';
import type { Journey } from '../../shared/model/types';
import type { MapSummary, ResponsePayload } from '../../shared/messages';
import type { StyleOptions } from '../../shared/style/options';
import type { Bus, RequestContext } from '../bus';
import { PluginError } from '../errors';
import type { MapService } from '../map-service';
import { chooseFonts, loadFontsAsync } from '../render/fonts';
import { renderLayoutAsync } from '../render/render';
import { readTag } from '../render/tags';
import { LEGACY_MODEL_KEY, MODEL_KEY, NAMESPACE } from '../../shared/storage/keys';
import { StyleOptionsSchema } from '../../shared/style/options';
import { describeStoreRead, mapOf, prepareModelReusingSteps, readStoreAsync, writeModel, type StoredMap } from '../store/model-store';
import { createLastDrawn, type DrawnLayout } from './last-drawn';
import { mergeWrites } from './own-writes';
import { stampDrawn, wasInterrupted } from './marker';
import { freeSpot, topLevelBoxes } from './placement';
import { createSync, type SyncService } from './sync';
import { drawViewsAsync, orphanViewsAsync, type ViewsDrawn } from './views';
import { runSteps, Slicer, yieldToFigma } from '../yield';
import { autoSaveAsync, createVersionService } from './versions';
import { createChangesService } from './changes';
import { markReviewed, settleReviews } from '../../shared/review/stamps';
import { authorName } from '../store/version-store';

export const RELAUNCH = { open: 'Edit this journey map with Journey Mapper' };

/** A map frame whose own tag names another node id: a copy (duplicated, or pasted) never synced. */
const isCopiedMap = (map: FrameNode) => {
  const tag = readTag(map);
  return !!tag && tag.n !== map.id;
};

/** Maps of this journey anywhere on the page (top level, in sections, in frames) that are originals. */
function findMapsOf(page: PageNode, journeyId: string): FrameNode[] {
  const stored = [
    ...page.findAllWithCriteria({ types: ['FRAME'], sharedPluginData: { namespace: NAMESPACE, keys: [MODEL_KEY] } }),
    ...page.findAllWithCriteria({ types: ['FRAME'], pluginData: { keys: [LEGACY_MODEL_KEY] } }),
  ];
  return stored.filter((n): n is FrameNode => {
    const tag = readTag(n);
    return !!tag && tag.n === n.id && tag.t?.[1] === journeyId;
  });
}

const copyNotSynced = (title: string) =>
  new PluginError('NOT_A_MAP', `This map is a copy of "${title.slice(0, 60)}" that was never synced. Sync it first ("Sync from canvas") so it becomes a journey of its own; then update it. Nothing was changed.`);

export function createMapService(figma: PluginAPI): MapService & { attach(bus: Bus): void; sync: SyncService } {
  const quiet: RequestContext = { requestId: 'sync', progress: () => {} };
  const lastDrawn = createLastDrawn();
  const editor = () => (figma.editorType === 'figjam' ? 'figjam' : 'figma');

  /**
   * The layout a map was last fully drawn from, so the render writes only what changed: the one
   * this plugin kept when it drew the map last (last-drawn.ts), else laid out again from the
   * journey and style stored on the map. None for a map whose last render did not finish or that
   * another layout version drew.
   */
  async function previousLayoutAsync(map: FrameNode, slicer: Slicer): Promise<DrawnLayout | undefined> {
    const tag = readTag(map);
    if (tag?.lv !== LAYOUT_VERSION || wasInterrupted(map)) return undefined;
    const kept = lastDrawn.recall(map.id, tag.d, tag.lv, editor());
    if (kept) return kept;
    const read = await readStoreAsync(map, slicer);
    if (read.status !== 'ok') return undefined;
    const layout = await runSteps(layoutJourneySteps(read.value.journey, read.value.style, { editor: editor() }), slicer);
    return { layout, journey: read.value.journey, style: read.value.style };
  }
  const sync = createSync(figma, (map, journey, style) => drawAsync(journey, style, map, quiet), (map, replaced) => autoSaveAsync(figma, map, replaced, 'sync'));

  /** Where a new map goes: near the viewport's centre, in free space beside what is on the page. */
  function newMapPosition(page: PageNode, size: { width: number; height: number }) {
    const center = figma.viewport.center;
    return freeSpot({ x: center.x - size.width / 2, y: center.y - 300 }, size, topLevelBoxes(page));
  }

  /**
   * Draws `journey`. `beforeWrite` runs once everything that can fail before drawing has passed
   * and before the first write to the canvas (saving a version of what is replaced); if it throws,
   * nothing was drawn.
   */
  async function drawAsync(journey: Journey, style: StyleOptions, target: FrameNode | undefined, ctx: RequestContext, beforeWrite?: (slicer: Slicer) => Promise<void>) {
    const slicer = new Slicer();
    const { fonts, notices } = chooseFonts(await figma.listAvailableFontsAsync(), style.fontFamily);
    const layout = await runSteps(layoutJourneySteps(journey, style, { editor: editor() }), slicer);
    const previous = target ? await previousLayoutAsync(target, slicer) : undefined;
    await slicer.yield();
    const prepared = await runSteps(prepareModelReusingSteps(journey, previous?.model), slicer);
    const encoded = prepared.ok ? { ok: true as const, value: prepared.value.encoded } : prepared;
    if (!encoded.ok) throw new PluginError('TOO_LARGE', encoded.error[0]?.message ?? 'The journey is too large to store.', encoded.error);
    await slicer.yield();
    await loadFontsAsync(figma, fonts);
    const page = figma.currentPage;
    const position = target ? undefined : newMapPosition(page, { width: layout.root.width, height: estimateHeight(layout.root) });
    // Read before drawing: after it, the map's position would wait for Figma to lay the map out.
    const mapAt = target ? { x: target.x, y: target.y } : { x: Math.round(position?.x ?? 0), y: Math.round(position?.y ?? 0) };
    sync.beginWrites();
    let drawn;
    let viewsDrawn: ViewsDrawn | undefined;
    try {
      if (beforeWrite) await beforeWrite(slicer);
      drawn = await renderLayoutAsync(figma, layout, {
        fonts,
        page,
        ...(target ? { map: target } : {}),
        ...(previous ? { previous: previous.layout } : {}),
        ...(position ? { position } : {}),
        onProgress: (done, total) => ctx.progress('Drawing the map', done, total),
        // The journey being drawn is stored first; the map is stamped as drawn from it last
        // (map/marker.ts): an interrupted render is finished from it, never read as canvas edits.
        onMapReady: (map) => void writeModel(map, encoded.value, style, journey),
      });
      drawn.stats.writes += stampDrawn(drawn.map);
      // The views of the journey, beside the map, drawn from the same journey and style.
      const views = await drawViewsAsync(figma, { map: drawn.map, mapBox: { ...mapAt, width: layout.root.width }, journey, style, fonts, page, ...(previous ? { previous } : {}) });
      drawn.stats.writes += views.writes;
      mergeWrites(drawn.writes, views.own);
      const stamp = readTag(drawn.map)?.d;
      if (stamp !== undefined && prepared.ok) lastDrawn.remember(drawn.map.id, stamp, LAYOUT_VERSION, editor(), { layout, journey, style, views: views.layouts, model: prepared.value });
      viewsDrawn = views;
    } finally {
      sync.endWrites();
    }
    const { map, stats } = drawn;
    sync.remember(map, drawn.writes);
    if (!target) map.setRelaunchData(RELAUNCH);
    // Select the map so the panel offers "Update map" next; an unchanged selection is not rewritten.
    const selection = figma.currentPage.selection;
    if (selection.length !== 1 || selection[0] !== map) figma.currentPage.selection = [map];
    figma.commitUndo();
    figma.viewport.scrollAndZoomIntoView([map]);
    const viewCount = viewsDrawn?.frames ?? 0;
    figma.notify(`${target ? 'Updated' : 'Drew'} "${journey.title.slice(0, 60)}"${viewCount ? ` and ${viewCount} view frame${viewCount === 1 ? '' : 's'} beside it` : ''}`);
    const orphans = await orphanViewsAsync(figma, page);
    const stale = orphans.length
      ? [`${orphans.length} view frame${orphans.length === 1 ? '' : 's'} on this page belong${orphans.length === 1 ? 's' : ''} to a map that was deleted, so ${orphans.length === 1 ? 'it is' : 'they are'} no longer updated: ${orphans.slice(0, 5).map((n) => `"${n.slice(0, 40)}"`).join(', ')}${orphans.length > 5 ? ' …' : ''}. Delete ${orphans.length === 1 ? 'it' : 'them'}, or undo the map's deletion.`]
      : [];
    const kept = stats.kept ? [`${stats.kept} layer${stats.kept === 1 ? '' : 's'} you added by hand to parts of the map that were removed ${stats.kept === 1 ? 'was' : 'were'} kept in the frame "Kept from removed items" beside the map.`] : [];
    return { nodeId: map.id, created: stats.created, updated: stats.updated, removed: stats.removed, writes: stats.writes, notices: [...notices, ...kept, ...stale] };
  }

  /** Reads a map's journey, refusing maps that cannot be read or are unsynced copies. */
  async function readTargetAsync(map: FrameNode): Promise<StoredMap> {
    const read = await readStoreAsync(map, new Slicer());
    if (read.status === 'newer') throw new PluginError('NEWER_VERSION', describeStoreRead(read));
    if (read.status !== 'ok') throw new PluginError('UNREADABLE_MAP', describeStoreRead(read));
    if (isCopiedMap(map)) throw copyNotSynced(read.value.journey.title);
    return read.value;
  }

  /** The first readable original map of this journey on the page, and a notice about unreadable ones. */
  async function ownMapOfAsync(journeyId: string): Promise<{ map?: FrameNode; stored?: Journey; notice?: string }> {
    let skipped = 0;
    for (const map of findMapsOf(figma.currentPage, journeyId)) {
      const read = await readStoreAsync(map, new Slicer());
      if (read.status === 'ok') return { map, stored: read.value.journey };
      skipped++;
    }
    return skipped ? { notice: `A map of this journey on this page can't be read, so it was left as it is and a new map was drawn beside it.` } : {};
  }

  /**
   * The map to update: the selected one if it holds this journey, else this journey's map on the
   * page. A selected map of another journey is never overwritten: a new map is drawn beside it.
   * A map that cannot be read is never written. `stored`: the journey the map to update holds.
   */
  async function resolveTarget(journey: Journey, targetNodeId: string | undefined): Promise<{ map?: FrameNode; stored?: Journey; notice?: string }> {
    if (!targetNodeId) return ownMapOfAsync(journey.id);
    const map = mapOf(await figma.getNodeByIdAsync(targetNodeId));
    if (!map) throw new PluginError('NOT_A_MAP', 'The selected layer is not part of a journey map. Select a map, or deselect to draw a new one.');
    const stored = await readTargetAsync(map);
    if (stored.journey.id === journey.id) return { map, stored: stored.journey };
    const own = await ownMapOfAsync(journey.id);
    const other = `"${stored.journey.title.slice(0, 40)}"`;
    return { ...(own.map ? { map: own.map, ...(own.stored ? { stored: own.stored } : {}) } : {}), notice: `The selected map holds ${other}, so it was left as it is; ${own.map ? "this journey's own map was updated" : 'a new map was drawn'}.` };
  }

  async function summaryOf(map: FrameNode): Promise<MapSummary> {
    const read = await readStoreAsync(map, new Slicer());
    if (read.status !== 'ok') return { nodeId: map.id, name: map.name, journey: null, style: StyleOptionsSchema.parse({}), canvasEdited: false, interrupted: false, unreadable: describeStoreRead(read) };
    const stored = { value: read.value };
    const interrupted = wasInterrupted(map);
    // A half-drawn map differs from its journey by the plugin's own unfinished writes, not by edits.
    const edited = interrupted ? false : await sync.hasCanvasEditsAsync(map, stored.value);
    return { nodeId: map.id, name: map.name, journey: JSON.parse(JSON.stringify(stored.value.journey)) as unknown, style: stored.value.style, canvasEdited: edited, interrupted };
  }

  return {
    sync,
    attach(bus) {
      sync.attach(bus);
      figma.on('selectionchange', () => {
        // Queued with the requests, so a render never removes nodes under this read.
        void bus.enqueue(async () => {
          const map = mapOf(figma.currentPage.selection[0] ?? null);
          bus.push({ type: 'selection', payload: { selection: map ? await summaryOf(map) : null } });
          if (map) sync.watch(map);
        });
      });
      sync.startLive();
    },

    async renderAsync(raw, style, targetNodeId, ctx, autoVersion): Promise<ResponsePayload<'render'>> {
      const loaded = await runSteps(loadJourneySteps(raw), new Slicer());
      if (!loaded.ok) throw new PluginError('INVALID_JOURNEY', `The journey has ${loaded.error.length} problem${loaded.error.length === 1 ? '' : 's'}; nothing was drawn.`, loaded.error);
      await yieldToFigma();
      const target = await resolveTarget(loaded.value.journey, targetNodeId);
      const notices: string[] = [];
      const map = target.map;
      // A review stamp whose content changed is cleared (kept as lastReview for the health list);
      // a journey without stamps drawn over its own map keeps the map's (shared/review/stamps.ts).
      const journey = settleReviews(target.stored, loaded.value.journey);
      // An import replaces the journey: the map's journey is kept as a version first.
      const saveReplaced =
        map && autoVersion
          ? async (slicer: Slicer) => {
              const read = await readStoreAsync(map, slicer);
              // Nothing is replaced when the map holds this journey already (a restored version drawn again).
              if (read.status !== 'ok' || serializeJourney(read.value.journey) === serializeJourney(journey)) return;
              const notice = await autoSaveAsync(figma, map, read.value.journey, autoVersion, slicer);
              if (notice) notices.push(notice);
            }
          : undefined;
      const reply = await drawAsync(journey, style, target.map, ctx, saveReplaced);
      const settled = journey === loaded.value.journey ? {} : { journey: JSON.parse(JSON.stringify(journey)) as unknown };
      return { ...reply, ...settled, notices: [...(target.notice ? [target.notice] : []), ...notices, ...reply.notices] };
    },

    async markReviewedAsync(nodeId, stageId, ctx) {
      const map = mapOf(await figma.getNodeByIdAsync(nodeId));
      if (!map) throw new PluginError('NOT_A_MAP', 'That layer is not a journey map, or it was deleted.');
      const stored = await readTargetAsync(map);
      if (stageId !== undefined && !stored.journey.stages.some((s) => s.id === stageId)) throw new PluginError('NOT_FOUND', 'That stage is no longer in the journey.');
      const journey = markReviewed(stored.journey, stageId === undefined ? {} : { stageId }, authorName(figma), new Date().toISOString().slice(0, 10));
      // The stamp changes no drawing: the redraw writes the stored journey and the map's stamp only.
      await drawAsync(journey, stored.style, map, ctx);
      const review = stageId === undefined ? journey.review : journey.stages.find((s) => s.id === stageId)?.review;
      if (!review) throw new PluginError('INTERNAL', 'The review stamp was not recorded.');
      return { journey: JSON.parse(JSON.stringify(journey)) as unknown, review: { ...(review.by ? { by: review.by } : {}), at: review.at, hash: review.hash } };
    },

    versions: createVersionService(figma, {
      readTargetAsync,
      drawAsync: (journey, style, map, ctx, beforeWrite) => drawAsync(journey, style, map, ctx, beforeWrite),
    }),

    changes: createChangesService(figma, { readTargetAsync }),

    async restyleAsync(nodeId, style, ctx) {
      const map = mapOf(await figma.getNodeByIdAsync(nodeId));
      if (!map) throw new PluginError('NOT_A_MAP', 'That layer is not a journey map.');
      return drawAsync((await readTargetAsync(map)).journey, style, map, ctx);
    },

    syncAsync: (request) => sync.syncAsync(request),

    async readSelectionAsync() {
      const map = mapOf(figma.currentPage.selection[0] ?? null);
      return map ? summaryOf(map) : null;
    },
  };
}
