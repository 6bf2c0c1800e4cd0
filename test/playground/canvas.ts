// The emulated canvas: a picture of the current page (emu.toSVG), panned and zoomed, with the
// edits a person makes on the Figma canvas, done through emu.user so the plugin sees them as user
// edits (nodechange with origin LOCAL, selectionchange):
//   click              select a card, or the map it belongs to (emu.user.select); Esc or a click on
//                      the background clears the selection
//   double-click text  edit it inline (emu.user.setText); Enter keeps, Shift+Enter is a new line,
//                      Esc cancels
//   drag a card        drop it into a cell (emu.user.appendChild(cell, card, index))
//   drag an emotion    move it up or down (emu.user.move)
//   wheel              zoom around the pointer; Shift+wheel or drag the background to pan
//
// Every SVG element drawn for a node carries data-node-id (the emulator node id) and, when the node
// has the plugin's `jm` tag, data-jm-kind / data-jm-id / data-jm-field.
import type { Emulator } from '../figma/index';
import { parseTag } from '../../plugin/render/tags';

interface View {
  x: number;
  y: number;
  scale: number;
}
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
type Drag =
  | { kind: 'pan'; startX: number; startY: number; view: View; moved: boolean; target: Element | null }
  | { kind: 'card'; startX: number; startY: number; el: SVGGElement; transform: string; moved: boolean; cell: Element | null }
  | { kind: 'point'; startX: number; startY: number; el: SVGGElement; transform: string; moved: boolean };

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
const DRAG_THRESHOLD = 3;

interface JmTag {
  n?: string;
  t?: string[];
}

export interface CanvasOptions {
  /** Called after every user edit made on the canvas (for logs and tests). */
  onEdit?(what: string): void;
}

export class CanvasView {
  readonly el: HTMLElement;
  private readonly world: HTMLElement;
  private readonly overlay: HTMLElement;
  private readonly zoomLabel: HTMLElement;
  private readonly status: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly toasts: HTMLElement;
  private svg: SVGSVGElement | null = null;
  private content: Rect | null = null;
  private view: View = { x: 40, y: 40, scale: 1 };
  private drag: Drag | null = null;
  private editor: HTMLTextAreaElement | null = null;
  private renderPending = false;
  private frame = 0;
  private fitted = false;
  private seen = { writes: -1, nodes: -1, notes: 0, zooms: 0, errors: 0 };
  private spaceDown = false;
  /** How many times the picture was redrawn (tests wait on it). */
  renders = 0;

  constructor(
    parent: HTMLElement,
    private readonly emu: Emulator,
    private readonly options: CanvasOptions = {},
  ) {
    this.el = h('div', 'canvas');
    this.el.tabIndex = 0;
    this.el.setAttribute('role', 'application');
    this.el.setAttribute('aria-label', 'Emulated Figma canvas');
    this.world = h('div', 'world');
    this.overlay = h('div', 'overlay');
    this.empty = h('p', 'canvas-empty');
    this.empty.textContent = 'Nothing on the canvas yet. Generate a map from the panel.';
    const toolbar = h('div', 'canvas-toolbar');
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Canvas view');
    this.zoomLabel = h('span', 'zoom-label');
    toolbar.append(
      button('−', 'Zoom out', () => this.zoomBy(1 / 1.25)),
      this.zoomLabel,
      button('+', 'Zoom in', () => this.zoomBy(1.25)),
      button('1:1', 'Zoom to 100%', () => this.zoomTo(1)),
      button('Fit', 'Zoom to fit', () => this.fit()),
    );
    this.status = h('div', 'canvas-status');
    this.status.setAttribute('role', 'status');
    this.toasts = h('div', 'toasts');
    this.toasts.setAttribute('aria-live', 'polite');
    this.el.append(this.world, this.overlay, this.empty, toolbar, this.status, this.toasts);
    parent.append(this.el);
    this.bind();
    this.applyView();
    // The plugin also changes the canvas on its own (debounced work, chunked renders): notice
    // writes and new nodes, notifications and viewport calls.
    window.setInterval(() => this.poll(), 250);
  }

  // ---------------------------------------------------------------- drawing

  /** Redraw soon (once per frame; after the current drag or text edit). */
  scheduleRender(): void {
    this.renderPending = true;
    if (this.frame || this.drag || this.editor) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.renderPending && !this.drag && !this.editor) this.render();
    });
  }

  render(): void {
    this.renderPending = false;
    const text = this.emu.toSVG(undefined, { background: false, margin: 0 });
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    const svg = document.importNode(parsed, true) as unknown as SVGSVGElement;
    const box = (svg.getAttribute('viewBox') ?? '0 0 0 0').split(/\s+/).map(Number);
    const [vx = 0, vy = 0, vw = 0, vh = 0] = box;
    svg.classList.add('page');
    svg.style.left = `${vx}px`;
    svg.style.top = `${vy}px`;
    let nodes = 0;
    for (const el of svg.querySelectorAll('[data-id]')) {
      const id = el.getAttribute('data-id') ?? '';
      el.setAttribute('data-node-id', id);
      nodes++;
      const tag = this.tagOf(id);
      if (tag?.t) {
        el.setAttribute('data-jm-kind', tag.t[0] ?? '');
        el.setAttribute('data-jm-id', tag.t[1] ?? '');
        if (tag.t[2] !== undefined) el.setAttribute('data-jm-field', tag.t[2]);
        if (tag.n !== id) el.setAttribute('data-jm-copy', '');
      }
    }
    this.content = nodes ? { x: vx, y: vy, width: vw, height: vh } : null;
    if (this.svg) this.svg.replaceWith(svg);
    else this.world.append(svg);
    this.svg = svg;
    this.empty.hidden = nodes > 0;
    this.el.classList.toggle('has-content', nodes > 0);
    if (nodes && !this.fitted) {
      this.fitted = true;
      this.fit();
    }
    this.renders++;
    this.el.dataset.renders = String(this.renders);
    this.updateOverlay();
  }

  private tagOf(id: string): JmTag | null {
    const node = this.emu.ctx.nodes.get(id);
    // Shared plugin data (namespace journeymapper, key tag); maps drawn by 0.1 keep it private under jm.
    const raw = node?.sharedData.get('journeymapper')?.get('tag') ?? node?.pluginData.get('jm');
    return raw ? (parseTag(raw) as JmTag | null) : null;
  }

  private poll(): void {
    const writes = this.emu.ctx.stats.current.writes;
    const nodes = this.emu.nodeCount();
    if (writes !== this.seen.writes || nodes !== this.seen.nodes) {
      this.seen.writes = writes;
      this.seen.nodes = nodes;
      this.scheduleRender();
    }
    const notes = this.emu.recorders.notifications;
    for (; this.seen.notes < notes.length; this.seen.notes++) {
      const n = notes[this.seen.notes];
      if (n && !n.cancelled) this.toast(n.message, n.options?.error ? 'error' : 'info', n.options?.timeout);
    }
    const errors = this.emu.errors;
    for (; this.seen.errors < errors.length; this.seen.errors++) {
      const e = errors[this.seen.errors];
      this.toast(`Plugin error: ${e instanceof Error ? e.message : String(e)}`, 'error', 8000);
    }
    const zooms = this.emu.recorders.scrollAndZoomIntoView;
    if (zooms.length > this.seen.zooms) {
      const ids = zooms[zooms.length - 1] ?? [];
      this.seen.zooms = zooms.length;
      if (this.renderPending || this.frame) this.render();
      this.fitTo(ids);
    }
  }

  toast(message: string, kind: 'info' | 'error' = 'info', timeout = 3000): void {
    const t = h('div', `toast ${kind}`);
    t.textContent = message;
    this.toasts.append(t);
    window.setTimeout(() => t.remove(), Math.min(Math.max(timeout, 1500), 10_000));
  }

  // ---------------------------------------------------------------- view

  private applyView(): void {
    const { x, y, scale } = this.view;
    this.world.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    const grid = 16 * scale;
    const major = grid * 8;
    this.el.style.backgroundSize = `${major}px ${major}px, ${major}px ${major}px, ${grid}px ${grid}px, ${grid}px ${grid}px`;
    this.el.style.backgroundPosition = `${x}px ${y}px`;
    this.el.classList.toggle('fine-grid', grid >= 6);
    this.zoomLabel.textContent = `${Math.round(scale * 100)}%`;
    this.el.dataset.scale = scale.toFixed(4);
    this.updateOverlay();
  }

  private zoomAt(factor: number, sx: number, sy: number): void {
    const scale = clamp(this.view.scale * factor, MIN_SCALE, MAX_SCALE);
    const k = scale / this.view.scale;
    this.view = { scale, x: sx - (sx - this.view.x) * k, y: sy - (sy - this.view.y) * k };
    this.applyView();
  }
  zoomBy(factor: number): void {
    this.zoomAt(factor, this.el.clientWidth / 2, this.el.clientHeight / 2);
  }
  zoomTo(scale: number): void {
    this.zoomBy(scale / this.view.scale);
  }

  /** Zoom to fit the whole page, or `rect` (world coordinates). */
  fit(rect: Rect | null = this.content): void {
    const w = this.el.clientWidth;
    const hgt = this.el.clientHeight;
    if (!rect || !w || !hgt) {
      this.view = { x: 40, y: 40, scale: 1 };
      this.applyView();
      return;
    }
    const pad = 48;
    const scale = clamp(Math.min((w - 2 * pad) / Math.max(rect.width, 1), (hgt - 2 * pad) / Math.max(rect.height, 1), 2), MIN_SCALE, MAX_SCALE);
    this.view = { scale, x: (w - rect.width * scale) / 2 - rect.x * scale, y: (hgt - rect.height * scale) / 2 - rect.y * scale };
    this.applyView();
  }

  /** figma.viewport.scrollAndZoomIntoView: fit the given nodes. */
  fitTo(ids: readonly string[]): void {
    const rects = ids.map((id) => this.elementFor(id)).filter((e): e is SVGGElement => !!e).map((e) => this.worldRect(e));
    if (rects.length) this.fit(union(rects));
  }

  private toWorld(clientX: number, clientY: number): { x: number; y: number } {
    const r = this.el.getBoundingClientRect();
    return { x: (clientX - r.left - this.view.x) / this.view.scale, y: (clientY - r.top - this.view.y) / this.view.scale };
  }
  private worldRect(el: Element): Rect {
    const b = el.getBoundingClientRect();
    const a = this.toWorld(b.left, b.top);
    return { x: a.x, y: a.y, width: b.width / this.view.scale, height: b.height / this.view.scale };
  }
  private screenRect(el: Element): Rect {
    const b = el.getBoundingClientRect();
    const r = this.el.getBoundingClientRect();
    return { x: b.left - r.left, y: b.top - r.top, width: b.width, height: b.height };
  }

  // ---------------------------------------------------------------- selection and overlay

  private elementFor(id: string): SVGGElement | null {
    return (this.svg?.querySelector(`[data-node-id="${CSS.escape(id)}"]`) as SVGGElement | null) ?? null;
  }

  selectedIds(): string[] {
    return this.emu.ctx.internal(() => this.emu.figma.currentPage.selection.map((n) => n.id));
  }

  select(ids: string[]): void {
    const nodes = ids.map((id) => this.emu.ctx.nodes.get(id)?.proxy).filter(Boolean);
    this.emu.user.select(nodes);
    this.options.onEdit?.(`select ${ids.join(',') || '(none)'}`);
    this.updateOverlay();
  }

  private updateOverlay(dropTarget: Element | null = null): void {
    this.overlay.replaceChildren();
    const names: string[] = [];
    for (const id of this.selectedIds()) {
      const el = this.elementFor(id);
      if (!el) continue;
      names.push(this.describe(el));
      this.overlay.append(box(this.screenRect(el), 'selection-box'));
    }
    if (dropTarget) this.overlay.append(box(this.screenRect(dropTarget), 'drop-box'));
    this.status.textContent = names.length ? `Selected: ${names.join(', ')}` : this.content ? 'Click a card or a map to select it · double-click a text to edit it' : '';
  }

  private describe(el: Element): string {
    const kind = el.getAttribute('data-jm-kind');
    const name = el.getAttribute('data-name') ?? '';
    const label = kind === 'card' ? `card “${truncate(this.textOf(el), 40)}”` : kind === 'map' ? `map “${truncate(name, 40)}”` : `${(el.getAttribute('data-type') ?? '').toLowerCase()} “${truncate(name, 40)}”`;
    return `${label} (${el.getAttribute('data-node-id')})`;
  }

  private textOf(el: Element): string {
    return [...el.querySelectorAll('tspan')].map((t) => t.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
  }

  // ---------------------------------------------------------------- input

  private bind(): void {
    const el = this.el;
    el.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      if (e.shiftKey && !e.ctrlKey && !e.metaKey) {
        this.view = { ...this.view, x: this.view.x - (e.deltaX || e.deltaY), y: this.view.y };
        this.applyView();
        return;
      }
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      this.zoomAt(Math.exp((-e.deltaY * unit) / 400), e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });

    el.addEventListener('pointerdown', (e) => {
      if (this.editor && e.target === this.editor) return;
      if (e.button !== 0 && e.button !== 1) return;
      if ((e.target as Element).closest('.canvas-toolbar')) return;
      el.focus({ preventScroll: true });
      const target = e.target as Element;
      const base = { startX: e.clientX, startY: e.clientY, moved: false };
      const card = e.button === 0 && !this.spaceDown ? this.cardFrameOf(target) : null;
      const point = e.button === 0 && !this.spaceDown ? (target.closest('[data-jm-kind="point"]') as SVGGElement | null) : null;
      if (point) this.drag = { kind: 'point', ...base, el: point, transform: point.getAttribute('transform') ?? '' };
      else if (card) this.drag = { kind: 'card', ...base, el: card, transform: card.getAttribute('transform') ?? '', cell: null };
      else this.drag = { kind: 'pan', ...base, view: { ...this.view }, target: e.button === 0 && !this.spaceDown ? target : null };
      el.setPointerCapture(e.pointerId);
      e.preventDefault();
    });

    el.addEventListener('pointermove', (e) => {
      const d = this.drag;
      if (!d) return;
      const dx = e.clientX - d.startX;
      const dy = e.clientY - d.startY;
      if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!d.moved) {
        d.moved = true;
        el.classList.add(d.kind === 'pan' ? 'panning' : 'dragging');
        if (d.kind !== 'pan') d.el.classList.add('dragged');
      }
      const s = this.view.scale;
      if (d.kind === 'pan') {
        this.view = { ...d.view, x: d.view.x + dx, y: d.view.y + dy };
        this.applyView();
      } else if (d.kind === 'card') {
        d.el.setAttribute('transform', `translate(${dx / s} ${dy / s}) ${d.transform}`);
        d.cell = this.cellAt(e.clientX, e.clientY, d.el);
        this.updateOverlay(d.cell);
      } else {
        d.el.setAttribute('transform', `translate(0 ${dy / s}) ${d.transform}`);
      }
    });

    const end = (e: PointerEvent, cancelled: boolean) => {
      const d = this.drag;
      if (!d) return;
      this.drag = null;
      el.classList.remove('panning', 'dragging');
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
      if (d.kind !== 'pan') {
        d.el.classList.remove('dragged');
        d.el.setAttribute('transform', d.transform);
      }
      if (!cancelled) {
        if (!d.moved) {
          if (d.kind !== 'pan' || d.target) this.clickSelect(d.kind === 'pan' ? d.target : d.el);
        } else if (d.kind === 'card') this.dropCard(d.el, d.cell, e.clientX, e.clientY);
        else if (d.kind === 'point') this.movePoint(d.el, (e.clientY - d.startY) / this.view.scale);
      }
      this.updateOverlay();
      // Edits made during the drag redraw now; a picture that changed meanwhile too.
      if (this.renderPending) this.scheduleRender();
    };
    el.addEventListener('pointerup', (e) => end(e, false));
    el.addEventListener('pointercancel', (e) => end(e, true));

    el.addEventListener('dblclick', (e) => {
      // The canvas captures the pointer, so the event targets the canvas: look at what is under it.
      // (The picture may also have been redrawn between the two clicks.)
      const under = document.elementFromPoint(e.clientX, e.clientY);
      const text = under?.closest('[data-type="TEXT"]') as SVGGElement | null;
      if (text) this.editText(text);
    });

    el.addEventListener('keydown', (e) => {
      if (e.target === this.editor) return;
      if (e.key === ' ') {
        this.spaceDown = true;
        el.classList.add('hand');
        e.preventDefault();
      } else if (e.key === 'Escape') this.select([]);
      else if ((e.key === '+' || e.key === '=') && !e.metaKey) this.zoomBy(1.25);
      else if (e.key === '-' && !e.metaKey) this.zoomBy(1 / 1.25);
      else if (e.key === '1' && e.shiftKey) this.fit();
      else if (e.key === 'Enter') {
        // Enter on a selected text edits it, as in Figma.
        const id = this.selectedIds()[0];
        const sel = id ? this.elementFor(id) : null;
        const text = sel?.getAttribute('data-type') === 'TEXT' ? sel : (sel?.querySelector('[data-type="TEXT"]') as SVGGElement | null);
        if (text) {
          e.preventDefault();
          this.editText(text);
        }
      }
    });
    el.addEventListener('keyup', (e) => {
      if (e.key === ' ') {
        this.spaceDown = false;
        el.classList.remove('hand');
      }
    });
    new ResizeObserver(() => this.updateOverlay()).observe(el);
  }

  /** The card frame (not its text) an element belongs to. */
  private cardFrameOf(target: Element): SVGGElement | null {
    for (let e: Element | null = target; e && e !== this.svg; e = e.parentElement) {
      if (e.getAttribute('data-jm-kind') === 'card' && !e.hasAttribute('data-jm-field')) return e as SVGGElement;
    }
    return null;
  }

  /** Top-level node (a child of the page) an element belongs to. */
  private topLevelOf(target: Element): SVGGElement | null {
    let top: Element | null = null;
    for (let e: Element | null = target; e && e !== this.svg; e = e.parentElement) if (e.hasAttribute('data-node-id')) top = e;
    return top as SVGGElement | null;
  }

  private clickSelect(target: Element | null): void {
    if (!target || !this.svg?.contains(target)) {
      this.select([]);
      return;
    }
    const pick = this.cardFrameOf(target) ?? (target.closest('[data-jm-kind="point"]') as Element | null) ?? this.topLevelOf(target);
    const id = pick?.getAttribute('data-node-id');
    this.select(id ? [id] : []);
  }

  private cellAt(clientX: number, clientY: number, dragged: Element): Element | null {
    for (const e of document.elementsFromPoint(clientX, clientY)) {
      if (dragged.contains(e)) continue;
      const cell = e.closest('[data-jm-kind="cell"]');
      if (cell && this.svg?.contains(cell)) return cell;
    }
    return null;
  }

  private dropCard(cardEl: Element, cellEl: Element | null, clientX: number, clientY: number): void {
    if (!cellEl) {
      this.toast('Drop a card inside a cell of the map.');
      return;
    }
    const cardId = cardEl.getAttribute('data-node-id') ?? '';
    const cellId = cellEl.getAttribute('data-node-id') ?? '';
    const cell = this.emu.ctx.nodes.get(cellId);
    const card = this.emu.ctx.nodes.get(cardId);
    if (!cell || !card) return;
    // Index among the cell's children (in their current order, the dragged card included where it
    // is now): how many start before the pointer along the cell's layout direction.
    const horizontal = this.emu.inspect(cell.proxy).layoutMode === 'HORIZONTAL';
    let index = 0;
    for (const kid of cell.kids) {
      const kidEl = this.elementFor(kid.id);
      if (!kidEl) continue;
      const b = kidEl.getBoundingClientRect();
      const mid = horizontal ? b.left + b.width / 2 : b.top + b.height / 2;
      if ((horizontal ? clientX : clientY) > mid) index++;
    }
    this.emu.user.appendChild(cell.proxy, card.proxy, index);
    this.options.onEdit?.(`move card ${cardId} into ${cellId} at ${index}`);
    this.scheduleRender();
  }

  private movePoint(pointEl: Element, dy: number): void {
    const id = pointEl.getAttribute('data-node-id') ?? '';
    const node = this.emu.ctx.nodes.get(id);
    if (!node || Math.abs(dy) < 0.5) return;
    const at = this.emu.inspect(node.proxy);
    this.emu.user.move(node.proxy, at.x ?? 0, Math.round(((at.y ?? 0) + dy) * 100) / 100);
    this.options.onEdit?.(`move point ${id} by ${dy.toFixed(1)}`);
    this.scheduleRender();
  }

  /** Inline text editing over a text node. */
  editText(textEl: SVGGElement): void {
    const id = textEl.getAttribute('data-node-id') ?? '';
    const node = this.emu.ctx.nodes.get(id);
    if (!node) return;
    this.closeEditor(false);
    const before = this.emu.inspect(node.proxy).characters ?? '';
    const r = this.screenRect(textEl);
    // Readable while editing, whatever the zoom: at least 12 px, at most 32 px.
    const size = clamp(Number(textEl.querySelector('text')?.getAttribute('font-size') ?? 12) * this.view.scale, 12, 32);
    const ta = document.createElement('textarea');
    ta.className = 'text-editor';
    ta.value = before;
    ta.setAttribute('aria-label', 'Edit text on the canvas');
    ta.spellcheck = false;
    Object.assign(ta.style, {
      left: `${r.x - 4}px`,
      top: `${r.y - 4}px`,
      width: `${clamp(r.width + 8, 220, Math.max(220, this.el.clientWidth - r.x - 8))}px`,
      fontSize: `${size}px`,
    });
    const grow = () => {
      ta.style.height = 'auto';
      ta.style.height = `${Math.max(r.height + 8, ta.scrollHeight + 4)}px`;
    };
    ta.addEventListener('input', grow);
    ta.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') this.closeEditor(false);
      else if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        this.closeEditor(true);
      }
    });
    ta.addEventListener('blur', () => this.closeEditor(true));
    ta.dataset.nodeId = id;
    this.editor = ta;
    this.el.append(ta);
    grow();
    textEl.classList.add('editing');
    ta.focus();
    ta.select();
  }

  private closeEditor(commit: boolean): void {
    const ta = this.editor;
    if (!ta) return;
    this.editor = null;
    const id = ta.dataset.nodeId ?? '';
    const node = this.emu.ctx.nodes.get(id);
    ta.remove();
    this.svg?.querySelector('.editing')?.classList.remove('editing');
    if (commit && node && !node.removed) {
      const before = this.emu.inspect(node.proxy).characters ?? '';
      if (ta.value !== before) {
        this.emu.user.setText(node.proxy, ta.value);
        this.options.onEdit?.(`set text ${id}`);
      }
    }
    this.el.focus({ preventScroll: true });
    this.scheduleRender();
  }
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  return e;
}
function button(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', 'tool');
  b.type = 'button';
  b.textContent = text;
  b.title = label;
  b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}
function box(r: Rect, cls: string): HTMLElement {
  const e = h('div', cls);
  Object.assign(e.style, { left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` });
  return e;
}
function union(rs: Rect[]): Rect {
  const x0 = Math.min(...rs.map((r) => r.x));
  const y0 = Math.min(...rs.map((r) => r.y));
  const x1 = Math.max(...rs.map((r) => r.x + r.width));
  const y1 = Math.max(...rs.map((r) => r.y + r.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
