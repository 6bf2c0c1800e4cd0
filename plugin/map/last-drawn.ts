// The layout of the map this plugin drew last, kept until the next draw so that updating the same
// map again (a panel edit, a restyle, a sync apply) does not decode, validate and lay out its
// stored journey a second time to learn what is on the canvas (render/plan.ts writes only what
// differs from it). One layout at most: during an update the previous and the new layout are
// alive together anyway, so keeping the previous one between operations adds no peak memory.
//
// It is used only while the map still carries the drawn-stamp (map/marker.ts) it had when this
// plugin finished drawing it: any other render, an interrupted one, a sync from another session or
// an undo changes what is stored, hence the stamp, and the layout is laid out again from the store.
import type { JourneyLayout } from '../../shared/layout/layout';
import type { Journey } from '../../shared/model/types';
import type { ViewFrame } from '../../shared/layout/views/index';
import type { StyleOptions } from '../../shared/style/options';
import type { PreparedModel } from '../store/model-store';

export interface DrawnLayout {
  layout: JourneyLayout;
  journey: Journey;
  style: StyleOptions;
  /** The view frames drawn beside the map, when they were drawn in full. */
  views?: ViewFrame[];
  /** The journey as stored on the map (JSON and compressed entries), so an unchanged journey is not compressed again. */
  model?: PreparedModel;
}

interface Entry extends DrawnLayout {
  mapId: string;
  /** The map's drawn-stamp and layout version once drawn. */
  stamp: string;
  layoutVersion: number;
  editor: string;
}

export interface LastDrawn {
  remember(mapId: string, stamp: string, layoutVersion: number, editor: string, drawn: DrawnLayout): void;
  /** The layout kept for this map, when its stamp, layout version and editor are the ones it was drawn with. */
  recall(mapId: string, stamp: string | undefined, layoutVersion: number | undefined, editor: string): DrawnLayout | undefined;
  forget(): void;
}

export function createLastDrawn(): LastDrawn {
  let entry: Entry | null = null;
  return {
    remember(mapId, stamp, layoutVersion, editor, drawn) {
      entry = { ...drawn, mapId, stamp, layoutVersion, editor };
    },
    recall(mapId, stamp, layoutVersion, editor) {
      const e = entry;
      if (!e || e.mapId !== mapId || e.stamp !== stamp || e.layoutVersion !== layoutVersion || e.editor !== editor) return undefined;
      return { layout: e.layout, journey: e.journey, style: e.style, ...(e.views ? { views: e.views } : {}), ...(e.model ? { model: e.model } : {}) };
    },
    forget() {
      entry = null;
    },
  };
}
