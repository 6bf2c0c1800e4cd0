// Errors in plain words. Every message ends by saying the draft is safe, because it is: no error
// path in the panel touches the draft.
import type { ErrorCode } from '../../shared/messages';
import type { Problem } from '../../shared/result';
import { BridgeError } from '../bridge';

export interface PanelError {
  title: string;
  detail?: string;
  problems?: Problem[];
  /**
   * The problems are the draft's own validation problems (the same list the Journey and Data
   * tabs show), not ones the plugin sent back. Where that list is in view, the banner only
   * points to it, and the error goes away once the draft has no problems left.
   */
  ofDraft?: boolean;
}

const CODE_WORDS: Record<ErrorCode, string> = {
  BAD_MESSAGE: 'The panel and the plugin did not understand each other. Try again; if it keeps happening, close and reopen the plugin.',
  INVALID_JOURNEY: 'The plugin found problems in the journey.',
  TOO_LARGE: 'The journey is too large to store on the map. Remove some cards or evidence and try again.',
  FONT_MISSING: 'A font the map needs is not available in this file.',
  NOT_FOUND: 'The map could not be found. It may have been deleted or be on another page.',
  NOT_A_MAP: 'The selected layer is not a Journey Mapper map.',
  UNREADABLE_MAP: 'The selected map cannot be read, so it was left as it is.',
  NEWER_VERSION: 'This map was made with a newer Journey Mapper. Update the plugin to change it; it was left as it is.',
  FIGMA_ERROR: 'Figma refused a change.',
  INTERNAL: 'Journey Mapper hit a problem it did not expect. Please report it.',
};

/** An error's message, or whatever was thrown as text. */
export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function describeError(e: unknown, title: string): PanelError {
  const safe = 'Your draft is unchanged.';
  if (e instanceof BridgeError) {
    const { code, message, problems } = e.payload;
    const detail = `${CODE_WORDS[code]}${message && message !== CODE_WORDS[code] ? ` (${message})` : ''} ${safe}`;
    return problems?.length ? { title, detail, problems } : { title, detail };
  }
  return { title, detail: `${messageOf(e)} ${safe}` };
}
