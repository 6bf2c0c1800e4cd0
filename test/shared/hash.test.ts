// The hashes that decide whether the renderer writes a property group (and check the stored
// journey) must not collide for texts a person could craft.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a, fnv1a32, hashOf, hashText } from '../../shared/layout/hash';

// Found by a birthday search over "Card text <n in base 36>" (1.7 million tries): equal 32-bit FNV-1a.
const FNV32_COLLISION = ['Card text jmoz', 'Card text 110me'] as const;

describe('hashText', () => {
  it('is 64 bits: a known 32-bit FNV-1a collision pair no longer collides', () => {
    const [a, b] = FNV32_COLLISION;
    expect(fnv1a32(a)).toBe(fnv1a32(b));
    expect(hashText(a)).not.toBe(hashText(b));
    expect(fnv1a(a)).not.toBe(fnv1a(b));
    expect(hashOf({ text: a })).not.toBe(hashOf({ text: b }));
  });

  it('gives 11 characters that are legal in journey ids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(hashText(text)).toMatch(/^[0-9A-Za-z_-]{11}$/);
      }),
    );
  }, 20_000);

  it('differs for strings that differ in one code unit (no collisions among 20k neighbours)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(hashText(`card ${String.fromCharCode(i)} text`));
    expect(seen.size).toBe(20_000);
  });

  it('every code unit counts, at odd and even positions, and the length counts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 65_536; i++) seen.add(hashText(`ab${String.fromCharCode(i)}d`));
    for (let i = 0; i < 65_536; i++) seen.add(hashText(`abc${String.fromCharCode(i)}`));
    expect(seen.size).toBe(2 * 65_536 - 1); // "abcd" is in both families
    expect(hashText('a')).not.toBe(hashText('a\u0000'));
    expect(hashText('')).not.toBe(hashText('\u0000'));
  });

  it('no collision among 300k texts of the family where 32-bit FNV-1a collided', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 300_000; n++) seen.add(hashText(`Card text ${n.toString(36)}`));
    expect(seen.size).toBe(300_000);
  });

  it('is stable across runs (stored hashes must keep meaning the same thing)', () => {
    expect(hashText('')).toBe(hashText(''));
    expect([hashText(''), hashText('a'), hashText('😀')]).toMatchInlineSnapshot(`
      [
        "GPVY2iY3XWf",
        "aCwo6Zh70J5",
        "CX-ncLc_NF7",
      ]
    `);
  });
});
