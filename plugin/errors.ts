// Expected failures a handler reports to the UI with a code and plain words.
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

/** Turns anything a handler threw into the error payload of a reply. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof PluginError) {
    return e.problems ? { code: e.code, message: e.message, problems: e.problems } : { code: e.code, message: e.message };
  }
  const message = e instanceof Error ? e.message : String(e);
  // Errors thrown by the Figma API carry its own words ("in set_characters: …").
  return { code: 'FIGMA_ERROR', message: `Figma refused an operation: ${message}` };
}
