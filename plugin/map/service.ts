// TEMPORARY during the foundation commit: the renderer lands in plugin/render (issue 4).
import type { Bus } from '../bus';
import { PluginError } from '../errors';
import type { MapService } from '../map-service';

export function createMapService(_figma: PluginAPI): MapService & { attach(bus: Bus): void } {
  const notYet = () => Promise.reject(new PluginError('INTERNAL', 'Drawing maps is not available in this build yet.'));
  return {
    attach() {},
    renderAsync: notYet,
    restyleAsync: notYet,
    syncAsync: notYet,
    readSelectionAsync: () => Promise.resolve(null),
  };
}
