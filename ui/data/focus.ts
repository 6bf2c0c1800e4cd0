// Taking the user to a place: a form control (opening the <details> around it first) or a
// range of the JSON textarea.
import type { Span } from './json-locate';

/** Focuses the first control in `ids` that exists; returns false when none does. */
export function focusControl(ids: readonly string[], doc: Document = document, { select = false } = {}): boolean {
  for (const id of ids) {
    const el = doc.getElementById(id);
    if (!(el instanceof HTMLElement)) continue;
    for (let d = el.parentElement?.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
    el.focus({ preventScroll: true });
    el.scrollIntoView?.({ block: 'nearest' });
    if (select && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) el.select();
    return doc.activeElement === el;
  }
  return false;
}

/** Selects `span` in the textarea and scrolls it into view. */
export function selectInTextarea(el: HTMLTextAreaElement, span: Span): void {
  el.focus();
  el.setSelectionRange(span.start, span.end);
  const line = el.value.slice(0, span.start).split('\n').length - 1;
  const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 16;
  el.scrollTop = Math.max(0, line * lineHeight - el.clientHeight / 3);
}
