// One function per request type. Handlers receive validated payloads (plugin/bus.ts) and throw
// PluginError for expected failures; the bus turns every outcome into exactly one reply.
import type { Handlers } from './bus';
import { PluginError } from './errors';
import { loadPreferencesAsync, savePreferencesAsync } from './preferences';
import type { MapService } from './map-service';
import { runSelfCheck } from './selfcheck/run';

export function createHandlers(figma: PluginAPI, maps: MapService): Handlers {
  return {
    async hello() {
      const [preferences, selection, fonts] = await Promise.all([
        loadPreferencesAsync(figma.clientStorage),
        maps.readSelectionAsync(),
        figma.listAvailableFontsAsync(),
      ]);
      const families = [...new Set(fonts.map((f) => f.fontName.family))].sort();
      if (preferences.windowSize) figma.ui.resize(preferences.windowSize.width, preferences.windowSize.height);
      return { editorType: figma.editorType, fonts: families, preferences, selection };
    },
    render: (p, ctx) => maps.renderAsync(p.journey, p.style, p.targetNodeId, ctx),
    restyle: (p, ctx) => maps.restyleAsync(p.nodeId, p.style, ctx),
    sync: (p) => maps.syncAsync(p),
    async readSelection() {
      return { selection: await maps.readSelectionAsync() };
    },
    async savePreferences(prefs) {
      await savePreferencesAsync(figma.clientStorage, prefs);
      return {};
    },
    async notify({ message, error }) {
      if (!message.trim()) throw new PluginError('BAD_MESSAGE', 'Nothing to show: the message is empty.');
      figma.notify(message.length > 100 ? `${message.slice(0, 99)}…` : message, { error: error ?? false });
      return {};
    },
    async launch() {
      return { command: figma.command ?? '' };
    },
    // Also answered outside the check command (the playground runs it this way).
    selfCheck: async (_p, ctx) => ({ report: await runSelfCheck(figma, ctx.progress) }),
    async resizeWindow({ width, height }) {
      figma.ui.resize(Math.round(width), Math.round(height));
      await savePreferencesAsync(figma.clientStorage, { windowSize: { width, height } });
      return {};
    },
  };
}
