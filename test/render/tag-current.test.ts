// The planner's shortcut for tags (plugin/render/tags.ts isCurrentTag): when it says a stored tag is
// current, encoding the tag again must give exactly the stored text, or a node would keep a tag that
// names another key, node or entity. Keys, ids and fields are full unicode, spaces and separators included.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeTag, isCurrentTag, parseTag } from '../../plugin/render/tags';
import { childKey, entityKey } from '../../shared/layout/keys';
import type { Tag, TagKind } from '../../shared/layout/spec';

const part = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 });
const kind = fc.constantFrom<TagKind>('card', 'step', 'stage', 'lane', 'persona', 'curve', 'point', 'journey');
const tag = fc.option(fc.record({ kind, id: part, field: fc.option(part, { nil: undefined }) }), { nil: undefined }).map((t) => (t && t.field === undefined ? { kind: t.kind, id: t.id } : t) as Tag | undefined);
/** Keys as the layout builds them (often named after their tag's entity), or anything at all. */
const key = fc.oneof(
  fc.tuple(kind, part).map(([k, id]) => entityKey(k, id)),
  fc.tuple(kind, part, part).map(([k, id, f]) => childKey(entityKey(k, id), f)),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
);
const nodeId = fc.oneof(fc.tuple(fc.nat(999), fc.nat(9999)).map(([a, b]) => `${a}:${b}`), part);

describe('isCurrentTag', () => {
  it('says "current" only when encoding the tag again gives the stored text', () => {
    fc.assert(
      fc.property(key, nodeId, tag, key, nodeId, tag, fc.boolean(), (k1, n1, t1, k2, n2, t2, same) => {
        const raw = encodeTag(k1, n1, t1);
        const parsed = parseTag(raw);
        if (!parsed) return;
        const [k, n, t] = same ? [k1, n1, t1] : [k2, n2, t2];
        if (isCurrentTag(raw, parsed, k, n, t)) expect(encodeTag(k, n, t)).toBe(raw);
      }),
      { numRuns: 2000 },
    );
  });

  it('knows the tags most nodes carry without encoding them: none, and the entity the key names', () => {
    const key = childKey(entityKey('card', 'c-1'), 'text');
    expect(isCurrentTag(encodeTag(key, '12:34', undefined), parseTag(encodeTag(key, '12:34', undefined))!, key, '12:34', undefined)).toBe(true);
    const own: Tag = { kind: 'card', id: 'c-1', field: 'text' };
    const raw = encodeTag(key, '12:34', own);
    expect(raw).toBe('12:34 card:c-1/text =');
    expect(isCurrentTag(raw, parseTag(raw)!, key, '12:34', own)).toBe(true);
    expect(isCurrentTag(raw, parseTag(raw)!, key, '12:35', own)).toBe(false);
    expect(isCurrentTag(raw, parseTag(raw)!, key, '12:34', { kind: 'card', id: 'c-1', field: 'owner' })).toBe(false);
    expect(isCurrentTag(raw, parseTag(raw)!, key, '12:34', undefined)).toBe(false);
  });
});
