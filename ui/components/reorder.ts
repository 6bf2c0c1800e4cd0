// Drag to reorder (lanes, stages, steps, cards) with the browser's drag and drop. A grip starts
// the drag; the item under the pointer takes the dragged one's place. The ↑ ↓ buttons stay as the
// keyboard way to do the same.

let dragging: { kind: string; id: string } | null = null;

type Drag = DragEvent & { currentTarget: HTMLElement };

/** Props for the grip that drags item `id` of `kind`. */
export function dragHandle(kind: string, id: string) {
  return {
    draggable: true,
    onDragStart(e: Drag) {
      dragging = { kind, id };
      e.dataTransfer?.setData('text/plain', id);
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      e.currentTarget.closest('.drag-item')?.classList.add('dragging');
    },
    onDragEnd(e: Drag) {
      dragging = null;
      e.currentTarget.closest('.drag-item')?.classList.remove('dragging');
    },
  };
}

/** Props for an element that takes a dragged item of `kind`; `onDrop` gets the dragged id. */
export function dropTarget(kind: string, onDrop: (draggedId: string) => void) {
  const accepts = () => dragging?.kind === kind;
  return {
    onDragOver(e: Drag) {
      if (!accepts()) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
      e.currentTarget.classList.add('drop-target');
    },
    onDragLeave(e: Drag) {
      e.currentTarget.classList.remove('drop-target');
    },
    onDrop(e: Drag) {
      e.currentTarget.classList.remove('drop-target');
      if (!accepts() || !dragging) return;
      e.preventDefault();
      e.stopPropagation();
      const id = dragging.id;
      dragging = null;
      onDrop(id);
    },
  };
}

/** How far an item moves to take the place of `targetId` in `list`. */
export function offsetTo(list: readonly { id: string }[], draggedId: string, targetId: string): number {
  return list.findIndex((x) => x.id === targetId) - list.findIndex((x) => x.id === draggedId);
}
