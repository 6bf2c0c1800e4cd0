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

/** Props for the grip that drags item `id` of `kind`. */
export function dragHandle(kind: string, id: string) {
  let over: Element | null = null;
  const mark = (el: Element | null) => {
    over?.classList.remove('drop-target');
    over = el;
    over?.classList.add('drop-target');
  };
  return {
    onPointerDown(e: PointerEvent) {
      if (e.button !== 0) return;
      const grip = e.currentTarget as HTMLElement;
      grip.setPointerCapture?.(e.pointerId);
      grip.closest('[data-drop]')?.classList.add('dragging');
      e.preventDefault();
    },
    onPointerMove(e: PointerEvent) {
      const grip = e.currentTarget as HTMLElement;
      if (!grip.closest('.dragging')) return;
      const t = targetAt(kind, e.clientX, e.clientY);
      mark(t && !t.contains(grip) ? t : null);
    },
    onPointerUp(e: PointerEvent) {
      const grip = e.currentTarget as HTMLElement;
      const source = grip.closest('.dragging');
      if (!source) return;
      source.classList.remove('dragging');
      const at = targetAt(kind, e.clientX, e.clientY);
      const target = at && !at.contains(grip) ? at : over;
      mark(null);
      if (target) targets.get(target)?.onDrop(id);
    },
    onPointerCancel(e: PointerEvent) {
      (e.currentTarget as HTMLElement).closest('.dragging')?.classList.remove('dragging');
      mark(null);
    },
  };
}

/** How far an item moves to take the place of `targetId` in `list`. */
export function offsetTo(list: readonly { id: string }[], draggedId: string, targetId: string): number {
  return list.findIndex((x) => x.id === targetId) - list.findIndex((x) => x.id === draggedId);
}
