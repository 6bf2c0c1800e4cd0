// A fixed pure-JavaScript workload, timed by the compatibility check inside Figma's sandbox and
// by the bench in Node: the ratio estimates how much slower Figma's interpreter runs plugin code.
// Deterministic; each function returns a checksum so no engine can skip the work.

/** Builds a 400-entry journey-like object, then JSON.stringify and JSON.parse it once. */
export function jsonRoundTrip(): number {
  const cards = [];
  for (let i = 0; i < 400; i++) {
    cards.push({ id: `card-${i}`, laneId: `lane-${i % 12}`, stepId: `step-${i % 40}`, text: `Card ${i} says something about step ${i % 40}`, evidence: [{ kind: 'quote', text: 'x'.repeat(i % 30) }], score: (i * 7) % 11 });
  }
  const text = JSON.stringify({ version: 1, cards });
  const back = JSON.parse(text) as { cards: Array<{ score: number }> };
  return text.length + back.cards.reduce((s, c) => s + c.score, 0);
}

/** FNV-1a over 50,000 generated characters. */
export function hashLoop(): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < 50_000; i++) {
    h ^= (i * 31 + 7) & 0xffff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const JS_WORKLOADS = { 'js.jsonRoundTrip': jsonRoundTrip, 'js.hashLoop': hashLoop } as const;
