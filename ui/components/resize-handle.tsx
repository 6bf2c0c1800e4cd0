// Bottom-right corner grip: drag with a pointer, or focus it and use the arrow keys, to resize
// the plugin window (resizeWindow request; the sandbox remembers the size).
import { useRef } from 'preact/hooks';
import { RESIZE_LIMITS } from '../constants';

const clamp = (v: number) => Math.round(Math.max(RESIZE_LIMITS.min, Math.min(RESIZE_LIMITS.max, v)));

export function ResizeHandle({ onResize }: { onResize(width: number, height: number): void }) {
  const start = useRef<{ x: number; y: number; w: number; h: number } | null>(null);
  const frame = useRef(0);
  const next = useRef<{ w: number; h: number } | null>(null);

  const flush = () => {
    frame.current = 0;
    if (next.current) onResize(next.current.w, next.current.h);
    next.current = null;
  };
  const schedule = (w: number, h: number) => {
    next.current = { w: clamp(w), h: clamp(h) };
    if (!frame.current) frame.current = requestAnimationFrame(flush);
  };

  return (
    <div
      class="resize-handle"
      role="button"
      tabIndex={0}
      aria-label="Resize panel (arrow keys)"
      title="Drag to resize"
      onPointerDown={(e) => {
        start.current = { x: e.clientX, y: e.clientY, w: window.innerWidth, h: window.innerHeight };
        e.currentTarget.setPointerCapture?.(e.pointerId);
        e.preventDefault();
      }}
      onPointerMove={(e) => {
        const s = start.current;
        if (s) schedule(s.w + e.clientX - s.x, s.h + e.clientY - s.y);
      }}
      onPointerUp={(e) => {
        start.current = null;
        e.currentTarget.releasePointerCapture?.(e.pointerId);
      }}
      onPointerCancel={() => {
        start.current = null;
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 64 : 16;
        const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
        if (!d) return;
        e.preventDefault();
        onResize(clamp(window.innerWidth + d[0]!), clamp(window.innerHeight + d[1]!));
      }}
    >
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        <path d="M11 5 5 11M11 8 8 11M11 2 2 11" />
      </svg>
    </div>
  );
}
