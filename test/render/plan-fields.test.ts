// The planner's shortcut: a node whose spec fields (children aside) and parent layout did not change
// has no group to write, so neither set of groups is built. These tests pin what "did not change" means.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sameOwnFields, sameValue } from '../../plugin/render/plan';
import type { NodeSpec } from '../../shared/layout/spec';

const text = (over: Partial<NodeSpec> = {}): NodeSpec => ({ type: 'TEXT', key: 'card:c1/text', name: 'Text', text: 'Hello', fontSize: 14, ...over }) as unknown as NodeSpec;
const frame = (children: NodeSpec[], over: Partial<NodeSpec> = {}): NodeSpec => ({ type: 'FRAME', key: 'card:c1', name: 'Card', layout: 'VERTICAL', children, ...over }) as unknown as NodeSpec;

describe('sameOwnFields', () => {
  it('ignores children, which the planner compares node by node', () => {
    expect(sameOwnFields(frame([text()]), frame([text({ text: 'Changed' } as Partial<NodeSpec>)]))).toBe(true);
  });

  it('sees a changed field, an added field and another type', () => {
    expect(sameOwnFields(text(), text({ text: 'Hello!' } as Partial<NodeSpec>))).toBe(false);
    expect(sameOwnFields(text(), text({ opacity: 0.5 } as Partial<NodeSpec>))).toBe(false);
    expect(sameOwnFields(text(), frame([]))).toBe(false);
  });

  it('treats a field set to undefined as absent, as the groups do', () => {
    expect(sameOwnFields(text(), text({ opacity: undefined } as Partial<NodeSpec>))).toBe(true);
  });

  it('agrees with structural equality for any unicode text and nested values', () => {
    const value = fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.array(fc.record({ r: fc.double({ noNaN: true }), s: fc.string({ unit: 'binary' }) }), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), value, value, (s, a, b) => {
        const x = text({ text: s, extra: a } as unknown as Partial<NodeSpec>);
        const y = text({ text: s, extra: b } as unknown as Partial<NodeSpec>);
        expect(sameOwnFields(x, y)).toBe(sameValue(a, b));
      }),
    );
  }, 30_000);
});

/** An independent oracle: JSON with object keys sorted (JSON drops fields holding undefined, as the groups do). */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));

describe('sameValue', () => {
  const leaf = fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)), fc.boolean(), fc.constant(null));
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 3 }), fc.option(tie('tree'), { nil: undefined }), { maxKeys: 4 })),
  }));

  it('agrees with key-sorted JSON equality on any nested values, field order and undefined fields aside', () => {
    fc.assert(
      fc.property(tree, tree, (a, b) => {
        expect(sameValue(a, b)).toBe(canonical(a) === canonical(b));
        expect(sameValue(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('tells an array from an object with the same entries, and a missing field from a present one', () => {
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });
});
