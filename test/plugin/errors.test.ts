// Errors name their origin: Figma's refusals ("in set_characters: …") are Figma's, anything else
// thrown is Journey Mapper's own bug, reported as INTERNAL with its stack logged.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messageOf, PluginError, toErrorPayload } from '../../plugin/errors';
import { sandbox } from './support';
import { example, style } from '../support/map-fixture';

afterEach(() => vi.restoreAllMocks());

describe('toErrorPayload', () => {
  it('a bug in our code is INTERNAL, never blamed on Figma, and its stack is logged', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let bug: unknown;
    try {
      (null as unknown as { format: string }).format;
    } catch (e) {
      bug = e;
    }
    const payload = toErrorPayload(bug);
    expect(payload.code).toBe('INTERNAL');
    expect(payload.message).toMatch(/^Journey Mapper hit a problem it did not expect: Cannot read properties of null.*Please report it\.$/);
    expect(payload.message).not.toMatch(/Figma/);
    expect(String(logged.mock.calls[0]?.[1])).toContain('errors.test.ts');
  });

  it('Figma\'s own errors are FIGMA_ERROR (https://developers.figma.com/docs/plugins/api/api-errors/)', () => {
    for (const message of [
      'in set_characters: Cannot write to node with unloaded font "Roboto Bold". Please call figma.loadFontAsync({ family: "Roboto", style: "Bold" }) and await the returned promise first.',
      'in appendChild: The node with id "1:8" does not exist',
      'in set_opacity: Expected "opacity" to have type number but got string instead',
      'Cannot write to node with unloaded font "Inter Regular"',
    ])
      expect(toErrorPayload(new Error(message))).toEqual({ code: 'FIGMA_ERROR', message: `Figma refused an operation: ${message}` });
  });

  it('expected failures keep their code and problems', () => {
    expect(toErrorPayload(new PluginError('TOO_LARGE', 'big', [{ path: '', message: 'x' }]))).toEqual({ code: 'TOO_LARGE', message: 'big', problems: [{ path: '', message: 'x' }] });
  });

  it('messageOf reads anything thrown', () => {
    expect(messageOf(new Error('a'))).toBe('a');
    expect(messageOf('b')).toBe('b');
    expect(messageOf({ message: 'c' })).toBe('c');
    expect(messageOf(undefined)).toBe('undefined');
  });

  it('through the bus: a bug while drawing replies INTERNAL, not "Figma refused"', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const s = sandbox();
    // An impossible answer from the API makes our font chooser throw a TypeError: a stand-in for a bug.
    vi.spyOn(s.figma, 'listAvailableFontsAsync').mockResolvedValue(null as unknown as Font[]);
    const [reply] = await s.request('render', { journey: example('retail-purchase'), style: style() });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/^Journey Mapper hit a problem it did not expect/) } });
  });
});
