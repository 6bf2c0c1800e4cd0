// One function per request type. Handlers receive validated payloads (plugin/bus.ts) and throw
// PluginError for expected failures; the bus turns every outcome into exactly one reply. hello
// always answers: storage errors, an unreadable selected map or a font list that fails only cost
// what they concern.
import type { MapSummary } from '../shared/messages';
import type { Handlers } from './bus';
import { messageOf, PluginError } from './errors';
import type { MapService } from './map-service';
import { runSelfCheck } from './selfcheck/run';
import { createPreferenceStore } from './preferences';
import { unreadableSummaryOf } from './store/summary';
import { truncate } from './truncate';

/** Figma shows about this many characters in a toast. */
const TOAST_LENGTH = 100;

export function createHandlers(figma: PluginAPI, maps: MapService): Handlers {
  const preferences = createPreferenceStore(figma.clientStorage);

  /** The selected map's summary; a map that cannot be read is named with the reason, never an error. */
  async function selectionAsync(): Promise<MapSummary | null> {
    const selected = figma.currentPage.selection[0] ?? null;
    try {
      return (await maps.readSelectionAsync()) ?? unreadableSummaryOf(selected);
    } catch (e) {
      console.error('Journey Mapper: could not read the selected map:', e);
      return unreadableSummaryOf(selected, messageOf(e));
    }
  }

  async function fontFamiliesAsync(): Promise<string[]> {
    try {
      const fonts = await figma.listAvailableFontsAsync();
      return [...new Set(fonts.map((f) => f.fontName.family))].sort();
    } catch (e) {
      console.warn(`Journey Mapper: could not list fonts: ${messageOf(e)}`);
      return [];
    }
  }

  function restoreWindowSize({ width, height }: { width: number; height: number }) {
    try {
      figma.ui.resize(width, height);
    } catch (e) {
      console.warn(`Journey Mapper: could not restore the window size: ${messageOf(e)}`);
    }
  }

  return {
    async hello() {
      const [prefs, selection, fonts] = await Promise.all([preferences.loadAsync(), selectionAsync(), fontFamiliesAsync()]);
      if (prefs.windowSize) restoreWindowSize(prefs.windowSize);
      return { editorType: figma.editorType, fonts, preferences: prefs, selection };
    },
    render: (p, ctx) => maps.renderAsync(p.journey, p.style, p.targetNodeId, ctx, p.autoVersion),
    restyle: (p, ctx) => maps.restyleAsync(p.nodeId, p.style, ctx),
    sync: (p) => maps.syncAsync(p),
    markReviewed: (p, ctx) => maps.markReviewedAsync(p.nodeId, p.stageId, ctx),
    versions: (p) => maps.versions.listAsync(p.nodeId),
    saveVersion: (p) => maps.versions.saveAsync(p.nodeId, p.name),
    renameVersion: (p) => maps.versions.renameAsync(p.nodeId, p.versionId, p.name),
    deleteVersion: (p) => maps.versions.deleteAsync(p.nodeId, p.versionId),
    restoreVersion: (p, ctx) => maps.versions.restoreAsync(p.nodeId, p.versionId, p.style, ctx),
    readVersion: (p) => maps.versions.readAsync(p.nodeId, p.versionId),
    showChanges: (p, ctx) => maps.changes.showAsync(p, ctx),
    removeChanges: (p) => maps.changes.removeAsync(p.nodeId),
    async readSelection() {
      return { selection: await selectionAsync() };
    },
    async savePreferences(prefs) {
      await preferences.saveAsync(prefs);
      return {};
    },
    async notify({ message, error }) {
      if (!message.trim()) throw new PluginError('BAD_MESSAGE', 'Nothing to show: the message is empty.');
      figma.notify(truncate(message, TOAST_LENGTH), { error: error ?? false });
      return {};
    },
    async launch() {
      return { command: figma.command ?? '' };
    },
    // Also answered outside the check command (the playground runs it this way).
    selfCheck: async (_p, ctx) => ({ report: await runSelfCheck(figma, ctx.progress) }),
    async resizeWindow({ width, height }) {
      const size = { width: Math.round(width), height: Math.round(height) };
      figma.ui.resize(size.width, size.height);
      // The window has its new size either way; failing to remember it is not worth an error.
      await preferences.saveAsync({ windowSize: size }).catch((e: unknown) => console.warn(`Journey Mapper: ${messageOf(e)}`));
      return {};
    },
  };
}
