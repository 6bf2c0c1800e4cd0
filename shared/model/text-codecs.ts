// How a field's value is written as text on the canvas, and how edited text is read back: one
// codec per kind of field. The shape table (entities.ts) names the codec of every field the canvas
// shows; shared/layout writes with codec.show and shared/sync reads with codec.parse, so the two
// cannot drift (a test renders every example and reads it back unchanged).
import { CHANNEL_LABELS, JOURNEY_STATUS_LABELS, ownerFromLine, ownerLine, PRIORITY_LABELS, STATUS_LABELS, valueForLabel } from './labels';

export interface Codec {
  show(value: unknown): string;
  /** Value from edited text; `{error}` when the text cannot be understood. */
  parse(text: string): { value: unknown } | { error: string };
  /** The model requires a value: an emptied text is refused. */
  required?: boolean;
}

/** Optional text: an emptied text removes the field. */
export const plainText: Codec = { show: (v) => (typeof v === 'string' ? v : ''), parse: (t) => ({ value: t.trim() === '' ? undefined : t }) };

/** Text the model requires (a name, a card's text). */
export const requiredText: Codec = { ...plainText, required: true, parse: (t) => (t.trim() === '' ? { error: 'cannot be empty' } : { value: t }) };

/** A list shown one item a line, each after a bullet (a persona's goals). */
export const bulletList: Codec = {
  show: (v) => (Array.isArray(v) ? v.map((g) => `• ${String(g)}`).join('\n') : ''),
  parse: (t) => ({
    value: t
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*[•\-*]\s?/, '').trim())
      .filter(Boolean),
  }),
};

/** A card's owner, shown after "Owner: " on its own line. */
export const ownerText: Codec = {
  show: (v) => (typeof v === 'string' ? ownerLine(v) : ''),
  parse: (t) => ({ value: ownerFromLine(t) }),
};

/** A list shown on one line, comma separated (the journey's tags). */
export const commaList: Codec = {
  show: (v) => (Array.isArray(v) ? v.join(', ') : ''),
  parse: (t) => ({ value: t.split(',').map((s) => s.trim()).filter(Boolean) }),
};

export const dateText: Codec = {
  show: plainText.show,
  parse: (t) => {
    const s = t.trim();
    if (s === '') return { value: undefined };
    return /^\d{4}-\d{2}-\d{2}$/.test(s) ? { value: s } : { error: `"${s}" is not a date like 2026-03-31` };
  },
};

/** An enum shown by its label; edited text is matched against labels and values alike. */
export function enumText<T extends string>(labels: Record<T, string>, what: string, optional = true): Codec {
  return {
    show: (v) => (typeof v === 'string' ? (labels[v as T] ?? v) : ''),
    parse: (t) => {
      if (t.trim() === '' && optional) return { value: undefined };
      const value = valueForLabel(labels, t);
      return value ? { value } : { error: `"${t.trim()}" is not a ${what}; use one of ${Object.values<string>(labels).join(', ')}` };
    },
  };
}

export const journeyStatusText = enumText(JOURNEY_STATUS_LABELS, 'journey status', false);
export const priorityText = enumText(PRIORITY_LABELS, 'priority');
export const workStatusText = enumText(STATUS_LABELS, 'status');
export const channelText = enumText(CHANNEL_LABELS, 'channel');

/** Signed value as shown on the canvas: +2, 0, −1 (with a real minus sign). */
export function signed(value: number): string {
  const v = Math.round(value * 100) / 100;
  if (v > 0) return `+${v}`;
  if (v < 0) return `\u2212${Math.abs(v)}`;
  return '0';
}
