// Fields that hold text the draft cannot take yet (a number typed as "4,2"): the draft keeps its
// last good value while the field shows the text with its message, so drawing then would draw a
// value the designer no longer sees. The main action asks this registry first and sends nothing
// while any field is unfinished.
import { createContext } from 'preact';

export interface UnfinishedInput {
  id: string;
  /** The field's message in words, naming the field ("Checkout › Conversion: Target: use a number like 4.2"). */
  message: string;
}

export interface UnfinishedInputs {
  /** A field says it is unfinished (a message) or fine again (null); a field that goes away says null. */
  set(id: string, message: string | null): void;
  list(): UnfinishedInput[];
}

export function createUnfinishedInputs(): UnfinishedInputs {
  const byId = new Map<string, string>();
  return {
    set(id, message) {
      if (message === null) byId.delete(id);
      else byId.set(id, message);
    },
    list: () => [...byId].map(([id, message]) => ({ id, message })),
  };
}

export const UnfinishedInputsContext = createContext<UnfinishedInputs | null>(null);
