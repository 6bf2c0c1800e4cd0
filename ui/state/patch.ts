// Applying a form's patch to an item, shared by the draft reducer and its action modules.

/** Applies a patch; `undefined` removes an optional field, other keys on the object are kept. */
export function patched<T extends object>(item: T, patch: object): T {
  const out: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as T;
}
