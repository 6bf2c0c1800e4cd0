// A Result for expected failures: pure code returns these instead of throwing.
export type Ok<T> = { ok: true; value: T };
export type Err<E> = { ok: false; error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

/** One thing wrong with an input, located so a person can find it. */
export interface Problem {
  /** Where it is: a JSON path like `cards[3].laneId`, or `row 12, column "lane"` for CSV. */
  path: string;
  /** What is wrong, in words a designer understands. */
  message: string;
  /** Line and column in a text input (CSV, Mermaid, JSON), 1-based, when known. */
  line?: number;
  column?: number | string;
}

export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}
