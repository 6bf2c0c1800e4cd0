// A list of problems, each naming its path and what is wrong. Each one is a button: choosing it
// takes the user to the place (a form control or the text in the JSON view). Long lists show the
// first few, with "Show all N" to unfold the rest (up to a hard limit, so a pasted file with
// thousands of problems cannot freeze the panel).
import { useState } from 'preact/hooks';
import type { Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import { placeOf, wordsOf } from '../data/problem-words';
import { onePerPlace } from '../state/editor-state';

/** Problems shown before "Show all". */
export const PROBLEMS_SHOWN = 5;
/** Problems shown at most, even after "Show all". */
const PROBLEMS_LIMIT = 200;

export function ProblemList({ problems: given, journey, onSelect, label = 'Problems', max = PROBLEMS_SHOWN, heading = true }: {
  problems: readonly Problem[];
  /** When given, each problem names its field or item as the form does, one message per place. */
  journey?: Journey;
  onSelect?: (p: Problem) => void;
  label?: string;
  /** How many to show before "Show all". */
  max?: number;
  /** Show the "Label: N" line over the list (hidden where a summary above already counts them). */
  heading?: boolean;
}) {
  const [all, setAll] = useState(false);
  const problems = journey ? onePerPlace(given) : given;
  if (problems.length === 0) return null;
  const limit = all ? Math.max(max, PROBLEMS_LIMIT) : max;
  const shown = problems.slice(0, limit);
  return (
    <div class="problems">
      {heading && (
        <p class="problems-head">
          {label}: {problems.length}
        </p>
      )}
      <ul class="problem-list" aria-label={label}>
        {shown.map((p, i) => {
          const where = p.path || (p.line !== undefined ? `line ${p.line}` : 'journey');
          const body = journey ? (
            <>
              <strong class="problem-place">{p.path ? placeOf(journey, p.path) : where}</strong>: <span class="problem-message">{wordsOf(journey, p.message)}</span> <code class="problem-path quiet">{where}</code>
            </>
          ) : (
            <>
              <code class="problem-path">{where}</code> <span class="problem-message">{p.message}</span>
            </>
          );
          return (
            <li key={`${i}:${p.path}`}>
              {onSelect ? (
                <button type="button" class="problem" onClick={() => onSelect(p)}>
                  {body}
                </button>
              ) : (
                <span class="problem">{body}</span>
              )}
            </li>
          );
        })}
      </ul>
      {problems.length > limit &&
        (all ? (
          <p class="muted problems-more">…and {problems.length - limit} more. Fix these first.</p>
        ) : (
          <button type="button" class="link-button problems-more" aria-expanded={false} onClick={() => setAll(true)}>
            Show all {problems.length}
          </button>
        ))}
      {all && problems.length > max && (
        <button type="button" class="link-button problems-more" aria-expanded={true} onClick={() => setAll(false)}>
          Show fewer
        </button>
      )}
    </div>
  );
}

