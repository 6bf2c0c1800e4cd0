// Helpers shared by the model tests: fresh, mutable copies of the examples and problem matchers.
import { expect } from 'vitest';
import type { Problem } from '../../shared/result';
import { EXAMPLES } from '../../shared/examples';

/** A JSON value the tests may poke at freely. */
export type Json = any;

export function exampleEnvelope(id: string): Json {
  const ex = EXAMPLES.find((e) => e.id === id);
  if (!ex) throw new Error(`no example ${id}`);
  return structuredClone(ex.envelope);
}

/** A fresh copy of an example's bare journey object. */
export function exampleJourney(id: string): Json {
  return exampleEnvelope(id).journey;
}

/** The index of the item with this id in a list, failing loudly if it is not there. */
export function indexOfId(list: Json[], id: string): number {
  const i = list.findIndex((x: Json) => x.id === id);
  if (i < 0) throw new Error(`no item with id ${id}`);
  return i;
}

/** The smallest journey the model accepts. */
export function minimalJourney(): Json {
  return { id: 'j-min', title: 'Minimal', stages: [{ id: 'st-1', name: 'Stage', steps: [{ id: 's-1', name: 'Step' }] }] };
}

/** Asserts that exactly one problem sits at `path` and that its message contains every word. */
export function expectProblem(problems: readonly Problem[], path: string, ...words: string[]): Problem {
  const at = problems.filter((p) => p.path === path);
  expect(at, `expected one problem at ${path}; got:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`).toHaveLength(1);
  const problem = at[0] as Problem;
  for (const w of words) expect(problem.message, `message at ${path}`).toContain(w);
  return problem;
}
