// WAI-ARIA tabs: arrow keys move between tabs, Home/End jump, the panel is labelled by its tab.
// The tabs share one scrolling panel; it goes back to the top whenever what it shows changes
// (another tab, or the sync review over the tab), so a tab never opens half-way down.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface TabDef<T extends string> {
  id: T;
  label: string;
  badge?: number | undefined;
}

export function Tabs<T extends string>({ tabs, current, onChange, view = current, children }: {
  tabs: readonly TabDef<T>[];
  current: T;
  onChange(id: T): void;
  /** What the panel shows; the scroll goes back to the top when it changes. Defaults to the tab. */
  view?: string;
  children: ComponentChildren;
}) {
  const panel = useRef<HTMLDivElement>(null);
  // A layout effect: before paint, and before effects that focus (and so scroll to) a control.
  useLayoutEffect(() => {
    const el = panel.current;
    if (el) {
      el.scrollTop = 0;
      el.scrollLeft = 0;
    }
  }, [view]);
  const go = (i: number) => {
    const t = tabs[(i + tabs.length) % tabs.length];
    if (!t) return;
    onChange(t.id);
    requestAnimationFrame(() => document.getElementById(`jm-tab-${t.id}`)?.focus());
  };
  const at = tabs.findIndex((t) => t.id === current);
  return (
    <>
      <div class="tabs" role="tablist" aria-label="Panel sections">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`jm-tab-${t.id}`}
            aria-selected={t.id === current}
            aria-controls={`jm-panel-${t.id}`}
            tabIndex={t.id === current ? 0 : -1}
            onClick={() => onChange(t.id)}
            onKeyDown={(e) => {
              const move = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
              if (move === undefined) return;
              e.preventDefault();
              go(move);
            }}
          >
            {t.label}
            {t.badge ? (
              <span class="badge bad" aria-label={`${t.badge} problems`}>
                {t.badge}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div ref={panel} class="tab-panel" role="tabpanel" id={`jm-panel-${current}`} aria-labelledby={`jm-tab-${current}`}>
        {children}
      </div>
    </>
  );
}
