// Labelled form controls. Every control has a visible label (or an aria-label when the context
// labels it, e.g. a card's text in a grid cell) and an id from state/paths.ts fieldId(), so a
// problem's path can focus it.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface Common {
  id: string;
  label: string;
  /** Keep the label for screen readers only. */
  hideLabel?: boolean;
  hint?: string;
  invalid?: boolean;
}

function Label({ id, label, hideLabel }: Common) {
  return (
    <label for={id} class={hideLabel ? 'visually-hidden' : 'field-label'}>
      {label}
    </label>
  );
}

export function TextField(
  props: Common & { value: string; onChange(value: string): void; multiline?: boolean; rows?: number; placeholder?: string },
) {
  const { id, value, onChange, multiline, rows, placeholder, hint, invalid } = props;
  const describedBy = hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <Label {...props} />
      {multiline ? (
        <textarea
          id={id}
          rows={rows ?? 2}
          value={value}
          placeholder={placeholder}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={value}
          placeholder={placeholder}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      )}
      {hint && (
        <span id={describedBy} class="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: Common & { value: string; options: readonly Option[]; onChange(value: string): void; emptyLabel?: string }) {
  const { id, value, options, onChange, emptyLabel, invalid } = props;
  const known = value === '' || options.some((o) => o.value === value);
  return (
    <div class="field">
      <Label {...props} />
      <select id={id} value={value} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.currentTarget.value)}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {!known && <option value={value}>{`${value} (missing)`}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckField({ id, label, checked, onChange, disabled }: { id: string; label: string; checked: boolean; onChange(v: boolean): void; disabled?: boolean }) {
  return (
    <div class="field field-check">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}

/**
 * Text that stands for structured data (a list one item per line, tags separated by commas).
 * While focused it shows exactly what was typed, so an empty line or a trailing comma does not
 * jump away; every keystroke still commits the parsed value.
 */
export function ParsedField<T>(
  props: Common & { value: T; format(v: T): string; parse(text: string): T; onChange(v: T): void; multiline?: boolean; placeholder?: string },
) {
  const [typing, setTyping] = useState<string | null>(null);
  const { id, value, format, parse, onChange, multiline, placeholder, hint } = props;
  const shown = typing ?? format(value);
  const onInput = (text: string) => {
    setTyping(text);
    onChange(parse(text));
  };
  const describedBy = hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <Label {...props} />
      {multiline ? (
        <textarea id={id} rows={3} value={shown} placeholder={placeholder} aria-describedby={describedBy} onInput={(e) => onInput(e.currentTarget.value)} onBlur={() => setTyping(null)} />
      ) : (
        <input id={id} value={shown} placeholder={placeholder} aria-describedby={describedBy} onInput={(e) => onInput(e.currentTarget.value)} onBlur={() => setTyping(null)} />
      )}
      {hint && (
        <span id={describedBy} class="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}

export const lines = {
  format: (v: string[]) => v.join('\n'),
  parse: (t: string) => t.split('\n').map((s) => s.trim()).filter(Boolean),
};

export const commas = {
  format: (v: string[]) => v.join(', '),
  parse: (t: string) => t.split(',').map((s) => s.trim()).filter(Boolean),
};

/** A collapsible editor section; <details> keeps its content in the DOM so problems can focus it. */
export function Section({ title, count, open, children, id }: { title: string; count?: number; open?: boolean; children: ComponentChildren; id?: string }) {
  return (
    <details class="section" open={open} id={id}>
      <summary>
        <span class="section-title">{title}</span>
        {count !== undefined && <span class="badge">{count}</span>}
      </summary>
      <div class="section-body">{children}</div>
    </details>
  );
}

/** A small square button with an icon glyph and an accessible name. */
export function IconButton({ label, icon, onClick, disabled, danger }: { label: string; icon: string; onClick(): void; disabled?: boolean; danger?: boolean }) {
  return (
    <button type="button" class={`icon-button${danger ? ' danger' : ''}`} aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
