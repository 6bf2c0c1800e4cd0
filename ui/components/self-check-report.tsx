// The panel of the "Check Figma compatibility" command: runs the check (plugin/selfcheck) through
// the bridge, then shows pass/fail per check, the measured costs, the editor and API version, and
// the report as JSON with a Copy button. Figma's plugin iframe may block navigator.clipboard, so
// Copy selects the read-only text and uses document.execCommand('copy') first.
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkStatus, formatReport, type CheckStatus, type SelfCheckReport } from '../../shared/selfcheck/report';
import type { Bridge } from '../bridge';

export const REPORT_TEXT_ID = 'self-check-report-json';

const EDITOR_NAMES: Record<SelfCheckReport['editorType'], string> = { figma: 'Figma Design', figjam: 'FigJam' };
const STATUS_TEXT: Record<CheckStatus, string> = { pass: 'Pass', fail: 'Fail', 'not checked': 'Not checked' };

/**
 * Copies `text`: selects it in `textarea` and runs execCommand('copy') (works in Figma's iframe
 * during a click); if that is refused, tries navigator.clipboard. Resolves whether it worked.
 */
export async function copyReportText(text: string, textarea: HTMLTextAreaElement | null): Promise<boolean> {
  if (textarea) {
    textarea.focus();
    textarea.select();
    try {
      if (document.execCommand?.('copy')) return true;
    } catch {
      // fall through to the asynchronous clipboard
    }
  }
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function SelfCheckReportView({ report, onRunAgain, busy }: { report: SelfCheckReport; onRunAgain?: () => void; busy?: boolean }) {
  const json = formatReport(report);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const counts = { pass: 0, fail: 0, 'not checked': 0 } as Record<CheckStatus, number>;
  for (const c of report.checks) counts[checkStatus(c)]++;
  const copy = async () => setCopyState((await copyReportText(json, textRef.current)) ? 'copied' : 'failed');

  return (
    <div class="self-check">
      <h2>Figma compatibility check</h2>
      <p class="self-check-meta">
        {EDITOR_NAMES[report.editorType]} · Plugin API {report.apiVersion} · {new Date(report.ranAt).toLocaleString()}
      </p>
      <p class="self-check-summary">
        {counts.pass} passed, {counts.fail} failed, {counts['not checked']} not checked
      </p>
      <ul class="self-check-list" aria-label="Checks">
        {report.checks.map((c) => {
          const status = checkStatus(c);
          return (
            <li key={c.id} class={`self-check-item ${status === 'not checked' ? 'skipped' : status}`}>
              <span class="self-check-status">{STATUS_TEXT[status]}</span>
              <div>
                <p class="self-check-label">{c.label}</p>
                <p class="self-check-observed">{c.observed}</p>
              </div>
            </li>
          );
        })}
      </ul>
      <table class="self-check-costs">
        <caption>Measured costs, microseconds per call</caption>
        <thead>
          <tr>
            <th scope="col">Operation</th>
            <th scope="col">µs</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(report.costsMicros).map(([op, us]) => (
            <tr key={op}>
              <th scope="row">
                <code>{op}</code>
              </th>
              <td>{us.toLocaleString('en-US', { maximumFractionDigits: 1 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="button-row">
        <button type="button" class="secondary" onClick={copy}>
          Copy report
        </button>
        {onRunAgain && (
          <button type="button" class="secondary" onClick={onRunAgain} disabled={busy}>
            Run again
          </button>
        )}
        <span role="status" class={copyState === 'failed' ? 'bad-text' : 'muted'}>
          {copyState === 'copied' ? 'Copied the report.' : copyState === 'failed' ? 'Copy was blocked: select the text below and copy it (Ctrl+C or ⌘C).' : ''}
        </span>
      </div>
      <label class="self-check-json-label" for={REPORT_TEXT_ID}>
        Report (JSON): paste it into a new file in <code>test/figma/reports/</code> of the Journey Mapper repository
      </label>
      <textarea id={REPORT_TEXT_ID} class="code" readOnly rows={10} value={json} ref={textRef} onFocus={(e) => e.currentTarget.select()} />
    </div>
  );
}

/** Runs the check when shown, with progress, and shows the report or the error. */
export function SelfCheckPanel({ bridge }: { bridge: Bridge }) {
  const [report, setReport] = useState<SelfCheckReport | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = () => {
    setRunning(true);
    setError(null);
    setProgress(null);
    bridge
      .request('selfCheck', {}, { timeoutMs: 300_000, onProgress: (p) => setProgress({ done: p.done, total: p.total }) })
      .then((r) => setReport(r.report), (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setRunning(false));
  };
  useEffect(run, []);

  return (
    <main class="self-check-panel">
      {running && (
        <div class="self-check-running">
          <p role="status">
            Checking on a temporary frame{progress ? `: step ${Math.min(progress.done + 1, progress.total)} of ${progress.total}` : ''}… It is removed afterwards.
          </p>
          <progress aria-label="Check progress" max={progress?.total ?? 1} value={progress?.done ?? 0} />
        </div>
      )}
      {error && (
        <p role="alert" class="banner bad">
          The check could not finish: {error}
        </p>
      )}
      {report && <SelfCheckReportView report={report} onRunAgain={run} busy={running} />}
    </main>
  );
}
