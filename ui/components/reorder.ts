// Drag to reorder (lanes, stages, steps, cards) with the pointer: press a grip, move, release
// over another item of the same kind and the dragged one takes its place. Pointer events (not
// the browser's drag and drop) so it works the same with a mouse, a pen or a finger, and in
// Figma's iframe. The ↑ ↓ buttons stay as the keyboard way to do the same.

type OnDrop = (draggedId: string) => void;
const targets = new WeakMap<Element, { kind: string; onDrop: OnDrop }>();

function targetAt(kind: string, x: number, y: number): Element | null {
  for (let el = document.elementFromPoint(x, y); el; el = el.parentElement) {
    if (targets.get(el)?.kind === kind) return el;
  }
  return null;
}

/** Props for an element that takes a dragged item of `kind`; `onDrop` gets the dragged id. */
export function dropTarget(kind: string, onDrop: OnDrop) {
  return {
    'data-drop': kind,
    ref: (el: Element | null) => {
      if (el) targets.set(el, { kind, onDrop });
    },
  };
}

/** Within this many px of the scrolling panel's top or bottom edge, a drag scrolls it. */
const EDGE = 48;
const MAX_STEP = 18;

function scrollerOf(el: Element): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY;
    if ((y === 'auto' || y === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

/**
 * Scrolls the panel while a drag holds the pointer near its top or bottom edge (faster nearer the
 * edge), so an item can be dragged to a place out of view: a step to a stage far above.
 */
function edgeScroller(onScrolled: () => void) {
  let frame = 0;
  let scroller: HTMLElement | null = null;
  let y = 0;
  const tick = () => {
    frame = 0;
    if (!scroller) return;
    const box = scroller.getBoundingClientRect();
    const step = y < box.top + EDGE ? -Math.ceil(((box.top + EDGE - y) / EDGE) * MAX_STEP) : y > box.bottom - EDGE ? Math.ceil(((y - (box.bottom - EDGE)) / EDGE) * MAX_STEP) : 0;
    if (!step) return;
    const before = scroller.scrollTop;
    scroller.scrollTop = before + step;
    if (scroller.scrollTop === before) return;
    onScrolled();
    frame = requestAnimationFrame(tick);
  };
  return {
    follow(from: Element, pointerY: number) {
      scroller ??= scrollerOf(from);
      y = pointerY;
      if (!frame) frame = requestAnimationFrame(tick);
    },
    stop() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      scroller = null;
    },
  };
}

/**
 * The drag in progress. It lives here and listens on the window, not on the grip: the panel may
 * re-render during a drag (the grip can be a new element by then), and the drag must carry on.
 */
let active: { kind: string; id: string; grip: HTMLElement; over: Element | null; x: number; y: number } | null = null;

function mark(el: Element | null) {
  if (!active) return;
  active.over?.classList.remove('drop-target');
  active.over = el;
  el?.classList.add('drop-target');
}

/** What lies under the pointer: the target it would drop on, if any. */
function aim() {
  if (!active) return;
  const t = targetAt(active.kind, active.x, active.y);
  mark(t && !t.contains(active.grip) ? t : null);
}

// One edge scroller for the one drag; what lies under the pointer changes as the panel scrolls.
const edge = edgeScroller(aim);

function onMove(e: PointerEvent) {
  if (!active) return;
  active.x = e.clientX;
  active.y = e.clientY;
  aim();
  edge.follow(active.grip, e.clientY);
}

function onUp(e: PointerEvent) {
  if (!active) return;
  // Released over a target: that one; over a gap between items: the last one marked.
  const at = targetAt(active.kind, e.clientX, e.clientY);
  if (at && !at.contains(active.grip)) mark(at);
  const { id, over } = active;
  endDrag();
  if (over) targets.get(over)?.onDrop(id);
}

function onKey(e: KeyboardEvent) {
  if (e.key === 'Escape') endDrag();
}

function endDrag() {
  edge.stop();
  window.removeEventListener('pointermove', onMove);
  window.removeEventListener('pointerup', onUp);
  window.removeEventListener('pointercancel', endDrag);
  window.removeEventListener('keydown', onKey, true);
  if (!active) return;
  active.grip.closest('.dragging')?.classList.remove('dragging');
  mark(null);
  active = null;
}

/** Props for the grip that drags item `id` of `kind` (Escape cancels a drag). */
export function dragHandle(kind: string, id: string) {
  return {
    onPointerDown(e: PointerEvent) {
      if (e.button !== 0) return;
      endDrag();
      const grip = e.currentTarget as HTMLElement;
      grip.setPointerCapture?.(e.pointerId);
      grip.closest('[data-drop]')?.classList.add('dragging');
      active = { kind, id, grip, over: null, x: e.clientX, y: e.clientY };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
      window.addEventListener('pointercancel', endDrag);
      window.addEventListener('keydown', onKey, true);
      e.preventDefault();
    },
  };
}

/** How far an item moves to take the place of `targetId` in `list`. */
export function offsetTo(list: readonly { id: string }[], draggedId: string, targetId: string): number {
  return list.findIndex((x) => x.id === targetId) - list.findIndex((x) => x.id === draggedId);
}
