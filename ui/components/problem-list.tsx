// A list of problems, each naming its path and what is wrong. Each one is a button: choosing it
// takes the user to the place (a form control or the text in the JSON view).
import type { Problem } from '../../shared/result';

export function ProblemList({ problems, onSelect, label = 'Problems', max = 50 }: { problems: readonly Problem[]; onSelect?: (p: Problem) => void; label?: string; max?: number }) {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, max);
  return (
    <div class="problems">
      <p class="problems-head">
        {label}: {problems.length}
      </p>
      <ul class="problem-list" aria-label={label}>
        {shown.map((p, i) => {
          const where = p.path || (p.line !== undefined ? `line ${p.line}` : 'journey');
          const body = (
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
      {problems.length > max && <p class="muted">…and {problems.length - max} more.</p>}
    </div>
  );
}
