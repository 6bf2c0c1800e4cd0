// Labelled form controls. Every control has a visible label (or an aria-label when the context
// labels it, e.g. a card's text in a grid cell) and an id from state/paths.ts fieldId(), so a
// problem's path can focus it. A control with a problem shows it under itself, in words, tied
// to it by aria-describedby; the messages come from FieldErrors (ids → message).
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { UnfinishedInputsContext } from '../state/unfinished-inputs';
import type { Option } from '../data/labels';

export type { Option } from '../data/labels';

/** The problem message of each control that has one, by control id. */
export const FieldErrors = createContext<ReadonlyMap<string, string>>(new Map());

interface Common {
  id: string;
  label: string;
  /** Keep the label for screen readers only. */
  hideLabel?: boolean;
  /**
   * Completes the name for screen readers where the short visible label repeats in every item of
   * a list ("Type" → "Type of lane Pain points"): every control has a name of its own.
   */
  more?: string;
  hint?: string;
}

function Label({ id, label, hideLabel, more }: Common) {
  return (
    <label for={id} class={hideLabel ? 'visually-hidden' : 'field-label'}>
      {label}
      {more && <span class="visually-hidden"> {more}</span>}
    </label>
  );
}

export const errorId = (id: string) => `${id}-error`;

/**
 * aria attributes and the messages under a control: its hint and its problem, if any (`own`: one
 * the control found itself). Exported for controls that are not one of the fields below (the
 * emotion sliders).
 */
export function useFieldNotes(id: string, hint?: string, own?: string) {
  const fromProblems = useContext(FieldErrors).get(id);
  const error = own ?? fromProblems;
  const ids = [hint ? `${id}-hint` : '', error ? errorId(id) : ''].filter(Boolean).join(' ');
  const aria = { 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': ids || undefined };
  const notes = (
    <>
      {hint && (
        <span id={`${id}-hint`} class="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId(id)} class="field-error">
          {error}
        </span>
      )}
    </>
  );
  return { aria, notes };
}

type TextProps = Common & { value: string; onChange(value: string): void; multiline?: boolean; rows?: number; placeholder?: string; type?: 'text' | 'date' | 'url' };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date with the browser's date picker; a value the picker cannot show (a typo, a time) stays editable as text. */
export function DateField(props: Omit<TextProps, 'type' | 'multiline'>) {
  return <TextField {...props} type={props.value === '' || ISO_DAY.test(props.value) ? 'date' : 'text'} />;
}

export function TextField(props: TextProps) {
  const { id, value, onChange, multiline, rows, placeholder, hint, type = 'text' } = props;
  const { aria, notes } = useFieldNotes(id, hint);
  const onInput = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => onChange(e.currentTarget.value);
  return (
    <div class="field">
      <Label {...props} />
      {multiline ? (
        <textarea id={id} rows={rows ?? 2} value={value} placeholder={placeholder} {...aria} onInput={onInput} />
      ) : type === 'date' ? (
        <input id={id} type="date" value={value} {...aria} onInput={onInput} />
      ) : type === 'url' ? (
        <input id={id} type="url" value={value} placeholder={placeholder} {...aria} onInput={onInput} />
      ) : (
        <input id={id} type="text" value={value} placeholder={placeholder} {...aria} onInput={onInput} />
      )}
      {notes}
    </div>
  );
}

/** The number in a field's text: undefined when empty, null when it is not a number ("4,2", "40%"). */
export function readNumber(text: string): number | undefined | null {
  const t = text.trim().replace(/^\u2212/, '-');
  if (t === '') return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * A number typed as text. Each number typed is committed at once; text that is not a number stays
 * in the field (also after leaving it) with `badText`'s message under it, and nothing is committed
 * until it is fixed. `required`: an empty field is bad text too.
 */
export function NumberField(props: Common & { value: number | undefined; onChange(value: number | undefined): void; badText(text: string): string; required?: boolean; placeholder?: string }) {
  const { id, value, onChange, badText, required, placeholder, hint } = props;
  // What was typed, and the value it stands for; it is shown while the value is still that one.
  const [typed, setTyped] = useState<{ text: string; at: number | undefined; bad: boolean } | null>(null);
  const current = typed && Object.is(typed.at, value) ? typed : null;
  const message = current?.bad ? badText(current.text) : undefined;
  const { aria, notes } = useFieldNotes(id, hint, message);
  // While the field holds text the draft does not, the main action waits for it (unfinished-inputs.ts).
  const unfinished = useContext(UnfinishedInputsContext);
  useEffect(() => {
    unfinished?.set(id, message ?? null);
    return () => unfinished?.set(id, null);
  }, [unfinished, id, message]);
  const onInput = (e: { currentTarget: HTMLInputElement }) => {
    const text = e.currentTarget.value;
    const n = readNumber(text);
    const bad = n === null || (n === undefined && !!required);
    setTyped({ text, at: bad ? value : n ?? undefined, bad });
    if (!bad && n !== value) onChange(n ?? undefined);
  };
  return (
    <div class="field">
      <Label {...props} />
      <input id={id} type="text" inputMode="decimal" value={current?.text ?? (value === undefined ? '' : String(value))} placeholder={placeholder} {...aria} onInput={onInput} onBlur={() => current && !current.bad && setTyped(null)} />
      {notes}
    </div>
  );
}

/** A select over a fixed list of values: it takes and gives the value's own type. */
export function SelectField<T extends string>(props: Common & { value: T; options: readonly Option<T>[]; onChange(value: T): void }) {
  const { id, value, options, onChange, hint } = props;
  const { aria, notes } = useFieldNotes(id, hint);
  const known = options.some((o) => o.value === value);
  return (
    <div class="field">
      <Label {...props} />
      <select id={id} value={value} {...aria} onChange={(e) => {
        const picked = options.find((o) => o.value === e.currentTarget.value);
        if (picked) onChange(picked.value);
      }}>
        {!known && <option value={value}>{`${value} (missing)`}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {notes}
    </div>
  );
}

/** A select whose first choice is "none" (`undefined`), for optional fields. */
export function OptionalSelectField<T extends string>(props: Common & { value: T | undefined; options: readonly Option<T>[]; onChange(value: T | undefined): void; emptyLabel?: string }) {
  const { id, value, options, onChange, hint, emptyLabel = 'None' } = props;
  const { aria, notes } = useFieldNotes(id, hint);
  const known = value === undefined || options.some((o) => o.value === value);
  return (
    <div class="field">
      <Label {...props} />
      <select id={id} value={value ?? ''} {...aria} onChange={(e) => onChange(options.find((o) => o.value === e.currentTarget.value)?.value)}>
        <option value="">{emptyLabel}</option>
        {!known && <option value={value}>{`${value} (missing)`}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {notes}
    </div>
  );
}

/**
 * A checkbox inside its label, so the whole row (at least 28 px tall) takes the click; `more`
 * completes its name for screen readers where the short visible label is not unique.
 */
export function CheckField({ id, label, more, checked, onChange, disabled }: { id: string; label: string; more?: string; checked: boolean; onChange(v: boolean): void; disabled?: boolean }) {
  return (
    <label class="field field-check" title={more ? `${label} ${more}` : undefined}>
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>
        {label}
        {more && <span class="visually-hidden"> {more}</span>}
      </span>
    </label>
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
  const { aria, notes } = useFieldNotes(id, hint);
  const shown = typing ?? format(value);
  const onInput = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
    setTyping(e.currentTarget.value);
    onChange(parse(e.currentTarget.value));
  };
  return (
    <div class="field">
      <Label {...props} />
      {multiline ? (
        <textarea id={id} rows={3} value={shown} placeholder={placeholder} {...aria} onInput={onInput} onBlur={() => setTyping(null)} />
      ) : (
        <input id={id} value={shown} placeholder={placeholder} {...aria} onInput={onInput} onBlur={() => setTyping(null)} />
      )}
      {notes}
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

/** Sections the designer opened or closed, kept while the panel is open (across tab switches). */
const sectionsOpen = new Map<string, boolean>();

/** Opens a section the next time it is drawn (a section on a tab not shown yet). */
export function openSectionWhenShown(id: string) {
  sectionsOpen.set(id, true);
  const d = typeof document === 'undefined' ? null : document.getElementById(id);
  if (d instanceof HTMLDetailsElement && !d.open) d.open = true;
}

/**
 * A collapsible editor section; <details> keeps its content in the DOM so problems can focus it.
 * `lazy`: the content is built only while the section is open (for content that no problem points
 * into and that costs something to build, such as the versions and health lists).
 */
export function Section({ title, count, open, children, id, lazy }: { title: string; count?: string | number; open?: boolean; children: ComponentChildren; id?: string; lazy?: boolean }) {
  const key = id ?? title;
  const [isOpen, setOpen] = useState(sectionsOpen.get(key) ?? open ?? false);
  return (
    <details
      class="section"
      open={sectionsOpen.get(key) ?? open}
      id={id}
      onToggle={(e) => {
        sectionsOpen.set(key, e.currentTarget.open);
        if (lazy) setOpen(e.currentTarget.open);
      }}
    >
      <summary>
        <span class="section-title">{title}</span>
        {count !== undefined && <span class="badge">{count}</span>}
      </summary>
      <div class="section-body">{!lazy || isOpen ? children : null}</div>
    </details>
  );
}

/** A small square button with an icon glyph and an accessible name. */
export function IconButton({ label, icon, onClick, disabled, danger, id }: { label: string; icon: string; onClick(): void; disabled?: boolean; danger?: boolean; id?: string }) {
  return (
    <button type="button" id={id} class={`icon-button${danger ? ' danger' : ''}`} aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
