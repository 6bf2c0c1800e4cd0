// Failures a handler reports to the UI, each with the origin it really has: an expected failure
// (PluginError, with a code and plain words), a refusal by the Figma API, or a bug in Journey
// Mapper itself, which is never blamed on Figma.
import type { ErrorCode, ErrorPayload } from '../shared/messages';
import type { Problem } from '../shared/result';

export class PluginError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems?: Problem[],
  ) {
    super(message);
    this.name = 'PluginError';
  }
}

/** The message of anything thrown (an Error, a string, anything else), without a cast. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return String(e);
}

/**
 * Errors the Figma API throws name the property or method that refused: "in set_characters: …",
 * "in appendChild: …" (https://developers.figma.com/docs/plugins/api/api-errors/). Font errors
 * have their own words ("Cannot write to node with unloaded font …").
 */
export function isFigmaError(e: unknown): boolean {
  const message = messageOf(e);
  return /^in [A-Za-z_][\w.]*: /.test(message) || message.includes('Cannot write to node with unloaded font');
}

/** Turns anything a handler threw into the error payload of a reply. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof PluginError) {
    return e.problems ? { code: e.code, message: e.message, problems: e.problems } : { code: e.code, message: e.message };
  }
  if (isFigmaError(e)) return { code: 'FIGMA_ERROR', message: `Figma refused an operation: ${messageOf(e)}` };
  // Our own bug: say so, and leave the stack where a developer (or a bug report) can find it.
  console.error('Journey Mapper internal error:', e instanceof Error && e.stack ? e.stack : e);
  return { code: 'INTERNAL', message: `Journey Mapper hit a problem it did not expect: ${messageOf(e)}. Please report it.` };
}
