// Content a designer added by hand (untagged nodes) inside a part of the map that leaves the
// journey is never deleted with it: it is moved to a "Kept from removed items" frame beside the map
// before the generated node is removed (README "Sync rules": hand-added nodes are kept).
import { readTag } from './tags';

export const KEPT_FRAME_NAME = 'Kept from removed items';

/** Untagged nodes under `node` (not inside another untagged node): what a designer put there. */
export function handAddedUnder(node: SceneNode): SceneNode[] {
  const out: SceneNode[] = [];
  const visit = (n: SceneNode) => {
    if (!('children' in n)) return;
    for (const child of n.children) {
      if (readTag(child)) visit(child);
      else out.push(child);
    }
  };
  visit(node);
  return out;
}

export interface Keeper {
  /** Moves what a designer added under `node` out of it; returns how many nodes were kept. */
  rescue(node: SceneNode): number;
  readonly kept: number;
}

/** Creates the frame beside the map on first use, in the map's own parent (a section, a frame or the page). */
export function createKeeper(figma: PluginAPI, map: () => FrameNode, mapWidth: number): Keeper {
  let frame: FrameNode | null = null;
  let kept = 0;
  const target = () => {
    if (frame && !frame.removed) return frame;
    const m = map();
    const f = figma.createFrame();
    f.name = KEPT_FRAME_NAME;
    f.layoutMode = 'VERTICAL';
    f.itemSpacing = 16;
    f.paddingTop = f.paddingRight = f.paddingBottom = f.paddingLeft = 24;
    f.layoutSizingHorizontal = 'HUG';
    f.layoutSizingVertical = 'HUG';
    const parent = m.parent && 'appendChild' in m.parent ? m.parent : figma.currentPage;
    parent.appendChild(f);
    f.x = m.x + mapWidth + 120;
    f.y = m.y;
    frame = f;
    return f;
  };
  return {
    rescue(node) {
      const found = handAddedUnder(node);
      for (const n of found) target().appendChild(n);
      kept += found.length;
      return found.length;
    },
    get kept() {
      return kept;
    },
  };
}
