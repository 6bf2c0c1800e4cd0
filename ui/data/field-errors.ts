// Each problem's message under the control it is about (the first control its path names).
import type { Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import { controlIdsForPath } from '../state/paths';
import { sentence, wordProblems } from './problem-words';

export function fieldErrorsOf(j: Journey, problems: readonly Problem[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const w of wordProblems(j, problems)) {
    const id = controlIdsForPath(j, w.problem.path)[0];
    if (id && !out.has(id)) out.set(id, sentence(w.message));
  }
  return out;
}
