// Where a new map goes: near the middle of the viewport, but never on top of what is already on the
// page. The page's top-level layers are read once (their boxes); the map is moved right, past
// anything it would overlap, until it sits in free space.
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 200;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;

/** The first free spot for `size`, starting at `start` and moving right past the boxes in the way. */
export function freeSpot(start: { x: number; y: number }, size: { width: number; height: number }, taken: readonly Box[]): { x: number; y: number } {
  const spot: Box = { x: Math.round(start.x), y: Math.round(start.y), ...size };
  // Each step moves past one box, so at most taken.length steps are needed.
  for (let i = 0; i <= taken.length; i++) {
    const blocking = taken.filter((b) => overlaps(spot, b));
    if (!blocking.length) return { x: spot.x, y: spot.y };
    spot.x = Math.round(Math.max(...blocking.map((b) => b.x + b.width)) + GAP);
  }
  return { x: spot.x, y: spot.y };
}

/** The boxes of the page's top-level layers (sections, frames, groups and loose shapes). */
export function topLevelBoxes(page: PageNode): Box[] {
  return page.children.filter((n) => 'width' in n).map((n) => ({ x: n.x, y: n.y, width: n.width, height: n.height }));
}
