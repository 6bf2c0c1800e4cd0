// WAI-ARIA tabs: arrow keys move between tabs, Home/End jump, the panel is labelled by its tab.
import type { ComponentChildren } from 'preact';

export interface TabDef<T extends string> {
  id: T;
  label: string;
  badge?: number | undefined;
}

export function Tabs<T extends string>({ tabs, current, onChange, children }: { tabs: readonly TabDef<T>[]; current: T; onChange(id: T): void; children: ComponentChildren }) {
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
      <div class="tab-panel" role="tabpanel" id={`jm-panel-${current}`} aria-labelledby={`jm-tab-${current}`}>
        {children}
      </div>
    </>
  );
}
