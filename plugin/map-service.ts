// What the handlers need from the map layer: draw, restyle, sync and read the selected map.
// Implemented in plugin/map/ on top of the renderer and the read-back.
import type { RequestContext } from './bus';
import type { MapSummary, ParsedRequestPayload, ResponsePayload } from '../shared/messages';
import type { StyleOptions } from '../shared/style/options';
import type { VersionService } from './map/versions';
import type { ChangesService } from './map/changes';

export interface MapService {
  renderAsync(journey: unknown, style: StyleOptions, targetNodeId: string | undefined, ctx: RequestContext, autoVersion?: 'import'): Promise<ResponsePayload<'render'>>;
  restyleAsync(nodeId: string, style: StyleOptions, ctx: RequestContext): Promise<ResponsePayload<'restyle'>>;
  syncAsync(request: ParsedRequestPayload<'sync'>): Promise<ResponsePayload<'sync'>>;
  readSelectionAsync(): Promise<MapSummary | null>;
  markReviewedAsync(nodeId: string, stageId: string | undefined, ctx: RequestContext): Promise<ResponsePayload<'markReviewed'>>;
  /** Saved versions of a map and comparisons (plugin/map/versions.ts). */
  versions: VersionService;
  /** The Changes view beside a map (plugin/map/changes.ts). */
  changes: ChangesService;
}
