// Style options read back from storage (a map's `style` entry, saved preferences), field by field:
// a value this version does not know (a theme added by a newer version) falls back to its default
// instead of discarding every other choice.
import { StyleOptionsSchema, type StyleOptions } from '../style/options';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseStyleLeniently(raw: unknown): StyleOptions {
  const whole = StyleOptionsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const fields = isRecord(raw) ? raw : {};
  const kept: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(StyleOptionsSchema.shape)) {
    if (fields[name] !== undefined && schema.safeParse(fields[name]).success) kept[name] = fields[name];
  }
  return StyleOptionsSchema.parse(kept);
}

/** parseStyleLeniently of a JSON text; text that is not JSON gives the defaults. */
export function parseStyleText(text: string): StyleOptions {
  try {
    return parseStyleLeniently(JSON.parse(text || '{}'));
  } catch {
    return parseStyleLeniently({});
  }
}
