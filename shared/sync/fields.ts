// How each model field is shown as text on the canvas, and how edited text is read back. Must
// agree with shared/layout (a test renders every example and reads it back unchanged).
import { CHANNEL_LABELS, JOURNEY_STATUS_LABELS, ownerFromLine, ownerLine, PRIORITY_LABELS, STATUS_LABELS, valueForLabel } from '../layout/labels';
import type { FieldKind } from './ops';

type Codec = {
  show(value: unknown): string;
  /** Value from edited text; `{error}` when the text cannot be understood. */
  parse(text: string): { value: unknown } | { error: string };
  /** The model requires a value: an emptied text is refused. */
  required?: boolean;
};

const plain: Codec = { show: (v) => (typeof v === 'string' ? v : ''), parse: (t) => ({ value: t.trim() === '' ? undefined : t }) };
const requiredText: Codec = { ...plain, required: true, parse: (t) => (t.trim() === '' ? { error: 'cannot be empty' } : { value: t }) };
const bullets: Codec = {
  show: (v) => (Array.isArray(v) ? v.map((g) => `• ${String(g)}`).join('\n') : ''),
  parse: (t) => ({
    value: t
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*[•\-*]\s?/, '').trim())
      .filter(Boolean),
  }),
};
/** A card's owner, shown after "Owner: " on its own line. */
const ownerText: Codec = {
  show: (v) => (typeof v === 'string' ? ownerLine(v) : ''),
  parse: (t) => ({ value: ownerFromLine(t) }),
};
const list: Codec = {
  show: (v) => (Array.isArray(v) ? v.join(', ') : ''),
  parse: (t) => ({ value: t.split(',').map((s) => s.trim()).filter(Boolean) }),
};
const date: Codec = {
  show: plain.show,
  parse: (t) => {
    const s = t.trim();
    if (s === '') return { value: undefined };
    return /^\d{4}-\d{2}-\d{2}$/.test(s) ? { value: s } : { error: `"${s}" is not a date like 2026-03-31` };
  },
};
function enumCodec<T extends string>(labels: Record<T, string>, what: string, optional = true): Codec {
  return {
    show: (v) => (typeof v === 'string' ? (labels[v as T] ?? v) : ''),
    parse: (t) => {
      if (t.trim() === '' && optional) return { value: undefined };
      const value = valueForLabel(labels, t);
      return value ? { value } : { error: `"${t.trim()}" is not a ${what}; use one of ${Object.values<string>(labels).join(', ')}` };
    },
  };
}

const CODECS: Record<FieldKind, Record<string, Codec>> = {
  journey: {
    title: requiredText,
    description: plain,
    objective: plain,
    owner: plain,
    status: enumCodec(JOURNEY_STATUS_LABELS as Record<string, string>, 'journey status', false),
    updated: date,
    reviewBy: date,
    tags: list,
  },
  persona: { name: requiredText, segment: plain, summary: plain, quote: plain, goals: bullets, frustrations: bullets },
  stage: { name: requiredText, customPhase: plain },
  step: { name: requiredText, description: plain },
  lane: { label: requiredText },
  card: {
    text: requiredText,
    owner: ownerText,
    priority: enumCodec(PRIORITY_LABELS, 'priority'),
    status: enumCodec(STATUS_LABELS, 'status'),
    channel: enumCodec(CHANNEL_LABELS, 'channel'),
  },
  link: { label: plain },
};

export function codecFor(kind: string, field: string): Codec | undefined {
  return (CODECS as Record<string, Record<string, Codec>>)[kind]?.[field];
}

export const isFieldKind = (kind: string): kind is FieldKind => kind in CODECS;
