// How sync names things in the changes and warnings a designer reads.
const short = (s: string) => (s.length > 48 ? `${s.slice(0, 47)}…` : s);

export { short };

/** A value as the designer sees it: quoted text, a list as "a, b", (empty) for nothing. */
export function quote(v: unknown): string {
  if (typeof v === 'string') return `"${short(v)}"`;
  if (Array.isArray(v)) return `"${short(v.join(', '))}"`;
  return v === undefined ? '(empty)' : JSON.stringify(v);
}

export const ENTITY_WORDS: Record<string, string> = { journey: 'Journey', persona: 'Persona', stage: 'Stage', step: 'Step', lane: 'Lane', card: 'Card', link: 'Link' };

/** `Card "Slow checkout"`: the kind and the entity's name, text, label or title (else its id). */
export function entityLabel(kind: string, id: string, entity: Record<string, unknown>): string {
  return `${ENTITY_WORDS[kind] ?? kind} ${quote(entity.name ?? entity.text ?? entity.label ?? entity.title ?? id)}`;
}

/** Figma may store line breaks as U+2028 and trims nothing; compare what a person sees. */
export function normalise(s: string): string {
  return s.replace(/\u2028|\r\n?/g, '\n');
}
