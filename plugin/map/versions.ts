// Saved versions of a map (the format and rules: shared/versions/store.ts; where they live:
// plugin/store/version-store.ts): list, save, rename, delete, restore, and read one back for the
// panel to compare (the diff runs in the panel, shared/diff/compare.ts: the iframe's engine is far
// faster than the sandbox's, and the sandbox bundle stays small).
//
// Restore checks everything first (the map and the version readable, the version a valid journey,
// fonts, size), then saves the journey it replaces as a version ("Before restore"), then redraws:
// if saving that version is refused (no room), nothing is changed. Figma's undo takes the map back
// too (one operation is one undo step).
import { loadJourneySteps, serializeJourney } from '../../shared/model/envelope';
import type { Journey } from '../../shared/model/types';
import type { ResponsePayload } from '../../shared/messages';
import type { StyleOptions } from '../../shared/style/options';
import { AUTO_NAMES, deleteVersion, readIndex, readVersionSteps, renameVersion, saveVersionSteps, usedBytes, VERSIONS_BUDGET, type VersionFailure, type VersionIndex, type VersionMeta, type VersionReason } from '../../shared/versions/store';
import type { RequestContext } from '../bus';
import { PluginError } from '../errors';
import { mapOf, type StoredMap } from '../store/model-store';
import { authorName, versionsOf } from '../store/version-store';
import { runSteps, Slicer } from '../yield';

type RenderReply = ResponsePayload<'render'>;
type Draw = (journey: Journey, style: StyleOptions, map: FrameNode, ctx: RequestContext, beforeWrite: (slicer: Slicer) => Promise<void>) => Promise<RenderReply>;

export interface VersionService {
  listAsync(nodeId: string): Promise<ResponsePayload<'versions'>>;
  saveAsync(nodeId: string, name: string): Promise<ResponsePayload<'saveVersion'>>;
  renameAsync(nodeId: string, versionId: string, name: string): Promise<ResponsePayload<'renameVersion'>>;
  deleteAsync(nodeId: string, versionId: string): Promise<ResponsePayload<'deleteVersion'>>;
  restoreAsync(nodeId: string, versionId: string, style: StyleOptions | undefined, ctx: RequestContext): Promise<ResponsePayload<'restoreVersion'>>;
  readAsync(nodeId: string, versionId: string): Promise<ResponsePayload<'readVersion'>>;
}

const CODE_OF: Record<VersionFailure['kind'], PluginError['code']> = {
  newer: 'NEWER_VERSION',
  unreadable: 'UNREADABLE_MAP',
  full: 'TOO_LARGE',
  tooLarge: 'TOO_LARGE',
  notFound: 'NOT_FOUND',
  invalid: 'BAD_MESSAGE',
};
const failed = (f: VersionFailure, after = '') => new PluginError(CODE_OF[f.kind], `${f.message}${after}`);

const listOf = (index: VersionIndex) => ({ versions: index.versions, used: usedBytes(index), budget: VERSIONS_BUDGET });

/**
 * Saves `replaced` as an automatic version of `map` before something replaces it. Returns a
 * warning for the panel when it could not (versions full of named ones, unreadable); the caller
 * decides whether to go on.
 */
export async function autoSaveAsync(figma: PluginAPI, map: FrameNode, replaced: Journey, reason: Exclude<VersionReason, 'manual'>, slicer = new Slicer()): Promise<string | undefined> {
  const author = authorName(figma);
  const saved = await runSteps(
    saveVersionSteps(versionsOf(map), { json: serializeJourney(replaced), title: replaced.title, reason, at: new Date().toISOString(), ...(author ? { author } : {}) }),
    slicer,
  );
  return saved.ok ? undefined : `No version “${AUTO_NAMES[reason]}” was saved: ${saved.error.message}`;
}

export function createVersionService(figma: PluginAPI, deps: { readTargetAsync(map: FrameNode): Promise<StoredMap>; drawAsync: Draw }): VersionService {
  async function mapAsync(nodeId: string): Promise<FrameNode> {
    const map = mapOf(await figma.getNodeByIdAsync(nodeId));
    if (!map) throw new PluginError('NOT_A_MAP', 'That layer is not a journey map, or it was deleted.');
    return map;
  }

  function indexOf(map: FrameNode): VersionIndex {
    const index = readIndex(versionsOf(map));
    if (!index.ok) throw failed(index.error);
    return index.value;
  }

  async function versionJourneyAsync(map: FrameNode, versionId: string, slicer: Slicer): Promise<{ journey: Journey; meta: VersionMeta }> {
    const read = await runSteps(readVersionSteps(versionsOf(map), versionId), slicer);
    if (!read.ok) throw failed(read.error, ' Nothing was changed.');
    let raw: unknown;
    try {
      raw = JSON.parse(read.value.json);
    } catch {
      throw new PluginError('UNREADABLE_MAP', `The version “${read.value.meta.name}” can't be read (not JSON). Nothing was changed.`);
    }
    const loaded = await runSteps(loadJourneySteps(raw), slicer);
    if (!loaded.ok) throw new PluginError('INVALID_JOURNEY', `The version “${read.value.meta.name}” is not a journey this Journey Mapper can draw. Nothing was changed.`, loaded.error);
    return { journey: loaded.value.journey, meta: read.value.meta };
  }

  return {
    async listAsync(nodeId) {
      const map = await mapAsync(nodeId);
      const index = readIndex(versionsOf(map));
      return index.ok ? listOf(index.value) : { versions: [], used: 0, budget: VERSIONS_BUDGET, unreadable: index.error.message };
    },

    async saveAsync(nodeId, name) {
      const map = await mapAsync(nodeId);
      const { journey } = await deps.readTargetAsync(map);
      const author = authorName(figma);
      const saved = await runSteps(saveVersionSteps(versionsOf(map), { json: serializeJourney(journey), title: journey.title, reason: 'manual', name, at: new Date().toISOString(), ...(author ? { author } : {}) }), new Slicer());
      if (!saved.ok) throw failed(saved.error);
      if (!saved.value.saved) throw new PluginError('INTERNAL', 'The version was not saved.');
      figma.commitUndo();
      return { ...listOf(saved.value.index), saved: saved.value.saved, pruned: saved.value.pruned };
    },

    async renameAsync(nodeId, versionId, name) {
      const r = renameVersion(versionsOf(await mapAsync(nodeId)), versionId, name);
      if (!r.ok) throw failed(r.error);
      return listOf(r.value);
    },

    async deleteAsync(nodeId, versionId) {
      const r = deleteVersion(versionsOf(await mapAsync(nodeId)), versionId);
      if (!r.ok) throw failed(r.error);
      return listOf(r.value);
    },

    async restoreAsync(nodeId, versionId, style, ctx) {
      const map = await mapAsync(nodeId);
      const current = await deps.readTargetAsync(map);
      indexOf(map);
      const slicer = new Slicer();
      const { journey } = await versionJourneyAsync(map, versionId, slicer);
      // The map keeps its own journey id: a version saved before the map became a copy of its own
      // (a forked duplicate) must not give it the original's id back.
      const restored: Journey = { ...journey, id: current.journey.id };
      let saved: ResponsePayload<'restoreVersion'>['saved'];
      const reply = await deps.drawAsync(restored, style ?? current.style, map, ctx, async (s) => {
        const author = authorName(figma);
        const r = await runSteps(
          saveVersionSteps(versionsOf(map), { json: serializeJourney(current.journey), title: current.journey.title, reason: 'restore', at: new Date().toISOString(), ...(author ? { author } : {}) }),
          s,
        );
        if (!r.ok) throw failed(r.error, ' Nothing was restored.');
        saved = r.value.saved;
      });
      return { ...reply, journey: JSON.parse(JSON.stringify(restored)) as unknown, ...(saved ? { saved } : {}), ...listOf(indexOf(map)) };
    },

    async readAsync(nodeId, versionId) {
      const { journey, meta } = await versionJourneyAsync(await mapAsync(nodeId), versionId, new Slicer());
      return { version: meta, journey: JSON.parse(JSON.stringify(journey)) as unknown };
    },
  };
}
