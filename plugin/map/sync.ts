// Canvas -> JSON sync. (Being built: issue 5.)
import type { Journey } from '../../shared/model/types';
import type { ParsedRequestPayload, ResponsePayload } from '../../shared/messages';
import type { Bus } from '../bus';
import { PluginError } from '../errors';
import type { StoredMap } from '../store/model-store';

export interface SyncService {
  whileWritingAsync<T>(fn: () => Promise<T>): Promise<T>;
  remember(map: FrameNode, journey: Journey): void;
  watch(map: FrameNode): void;
  startLive(): void;
  hasCanvasEditsAsync(map: FrameNode, stored: StoredMap): Promise<boolean>;
  syncAsync(request: ParsedRequestPayload<'sync'>): Promise<ResponsePayload<'sync'>>;
}

export function createSync(_figma: PluginAPI, _bus: () => Bus | null): SyncService {
  return {
    whileWritingAsync: (fn) => fn(),
    remember() {},
    watch() {},
    startLive() {},
    hasCanvasEditsAsync: async () => false,
    syncAsync: async () => {
      throw new PluginError('INTERNAL', 'Sync is not available in this build yet.');
    },
  };
}
