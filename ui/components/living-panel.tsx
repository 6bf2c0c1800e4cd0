// "Living map" sections of the Data tab: the selected map's saved versions (save, restore, delete,
// compare any two of a version, the map now and the draft, export the changelog as Markdown, and
// draw the comparison beside the map as the Changes view, or two curves of the map against each
// other), the draft's evidence health with "go to" links, and the review state of the journey and
// of each stage in words, each with "Mark reviewed". The diff runs here, in the iframe
// (shared/diff/compare.ts, shared/layout/views/changes-summary.ts); the plugin only stores and reads
// versions and lays out the Changes view from the summary sent.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { compareJourneys, versionLabel, type Comparison } from '../../shared/diff';
import { changesSummary } from '../../shared/layout/views/changes-summary';
import type { ChangesSummary } from '../../shared/layout/views/changes';
import { loadJourney, type Journey } from '../../shared/model';
import type { MapSummary, VersionMetaPayload } from '../../shared/messages';
import type { Problem } from '../../shared/result';
import { journeyHealth } from '../../shared/review/health';
import { reviewWords } from '../../shared/review/stamps';
import type { Bridge } from '../bridge';
import { downloadFile, fileBase } from '../data/files';
import { Section } from './fields';

export const HEALTH_SECTION_ID = 'jm-health';

type SideId = 'map' | 'draft' | `v:${string}`;

const today = () => new Date().toISOString().slice(0, 10);
const kB = (n: number) => `${Math.round(n / 1024)} kB`;
const when = (at: string) => at.slice(0, 16).replace('T', ' ');
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function LivingPanel({ bridge, selection, draft, dirty = false, onReplace, onReviewed, onGoTo }: {
  bridge: Bridge;
  selection: MapSummary | null;
  draft: Journey;
  /** The draft has changes the map does not hold yet (a review then waits for an update). */
  dirty?: boolean;
  onReplace(journey: Journey, source: string): void;
  /** The map now holds this journey with a new review stamp (default: onReplace). */
  onReviewed?(journey: Journey, text: string): void;
  onGoTo(problem: Problem): void;
}) {
  const map = selection && !selection.unreadable && selection.journey ? selection : null;
  return (
    <>
      <Section title="Versions" id="jm-versions" lazy>
        {map ? <Versions bridge={bridge} map={map} draft={draft} onReplace={onReplace} /> : <p class="muted">Select a map to see, save and compare its versions.</p>}
      </Section>
      <Section title="Evidence health" id={HEALTH_SECTION_ID} lazy>
        <Health bridge={bridge} map={map} draft={draft} dirty={dirty} onGoTo={onGoTo} onReviewed={onReviewed ?? ((j) => onReplace(j, 'the reviewed map'))} />
      </Section>
    </>
  );
}

function Versions({ bridge, map, draft, onReplace }: { bridge: Bridge; map: MapSummary; draft: Journey; onReplace(journey: Journey, source: string): void }) {
  const [list, setList] = useState<{ versions: VersionMetaPayload[]; used: number; budget: number; unreadable?: string | undefined } | null>(null);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [from, setFrom] = useState<SideId>('map');
  const [to, setTo] = useState<SideId>('draft');
  const [result, setResult] = useState<Comparison | null>(null);
  const nodeId = map.nodeId;
  // The map's curves, as-is first: "Dana today against Dana with auto-mapping".
  const curves = useMemo(() => {
    const loaded = loadJourney(map.journey);
    if (!loaded.ok) return [];
    const j = loaded.value.journey;
    return j.curves.map((c) => ({ id: c.id, label: `${j.personas.find((p) => p.id === c.personaId)?.name ?? c.personaId} · ${c.name}`, kind: c.kind }));
  }, [map.journey]);
  const [curveA, setCurveA] = useState('');
  const [curveB, setCurveB] = useState('');
  useEffect(() => {
    const asIs = curves.find((c) => c.kind === 'as-is') ?? curves[0];
    const toBe = curves.find((c) => c.kind === 'to-be' && c.id !== asIs?.id) ?? curves.find((c) => c.id !== asIs?.id);
    setCurveA(asIs?.id ?? '');
    setCurveB(toBe?.id ?? '');
  }, [curves]);

  useEffect(() => {
    let live = true;
    bridge.request('versions', { nodeId }).then(
      (r) => live && setList(r),
      (e: unknown) => live && setStatus(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [nodeId, map.journey]);

  async function run(what: () => Promise<string>) {
    setBusy(true);
    try {
      setStatus(await what());
    } catch (e) {
      setStatus(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  /** Draws the newer journey beside the map with the summary's changes marked (the diff runs here; the plugin only lays it out). */
  async function showChanges(newer: Journey, summary: ChangesSummary): Promise<string> {
    const r = await bridge.request('showChanges', { nodeId, newer, summary });
    return `${r.created ? 'Drew' : 'Updated'} the Changes view beside the map: ${summary.counts}`;
  }

  async function side(id: SideId): Promise<{ journey: Journey; label: string }> {
    if (id === 'draft') return { journey: draft, label: 'the draft in the panel' };
    if (id === 'map') {
      const loaded = loadJourney(map.journey);
      if (!loaded.ok) throw new Error('The map’s journey cannot be read.');
      return { journey: loaded.value.journey, label: 'the map' };
    }
    const r = await bridge.request('readVersion', { nodeId, versionId: id.slice(2) });
    const loaded = loadJourney(r.journey);
    if (!loaded.ok) throw new Error(`The version “${r.version.name}” is not a journey this panel can read.`);
    return { journey: loaded.value.journey, label: versionLabel(r.version) };
  }

  const versions = list?.versions ?? [];
  const options: { id: SideId; label: string }[] = [
    { id: 'map', label: 'The map now' },
    { id: 'draft', label: 'The draft in the panel' },
    ...[...versions].reverse().map((v) => ({ id: `v:${v.id}` as SideId, label: `${v.name} · ${when(v.at)}` })),
  ];

  return (
    <div class="stack">
      {list?.unreadable && <p class="status-line bad">{list.unreadable}</p>}
      <div class="button-row">
        <label class="field-label" for="jm-version-name">
          Version name
        </label>
        <input id="jm-version-name" type="text" value={name} maxLength={120} placeholder="Before the workshop" onInput={(e) => setName(e.currentTarget.value)} />
        <button
          type="button"
          class="secondary"
          disabled={busy || !name.trim()}
          onClick={() =>
            run(async () => {
              const r = await bridge.request('saveVersion', { nodeId, name: name.trim() });
              setList(r);
              setName('');
              return `Saved “${r.saved.name}”${r.pruned.length ? `; ${r.pruned.length} older automatic version${r.pruned.length === 1 ? ' was' : 's were'} removed to make room` : ''}.`;
            })
          }
        >
          Save version
        </button>
      </div>
      {list && (
        <p class="muted">
          {versions.length} version{versions.length === 1 ? '' : 's'}, {kB(list.used)} of {kB(list.budget)}. Automatic versions are saved before a sync, an import and a restore, and the oldest of them make room when needed; named ones are kept.
        </p>
      )}
      {versions.length > 0 && (
        <ul class="version-list">
          {[...versions].reverse().map((v) => (
            <li key={v.id} class="version">
              <span>
                <strong>{v.name}</strong> <span class="muted">{when(v.at)}{v.author ? ` · ${v.author}` : ''}{v.auto ? ' · automatic' : ''}</span>
              </span>
              <span class="button-row">
                <button
                  type="button"
                  class="small secondary"
                  aria-label={`Restore “${v.name}”`}
                  disabled={busy}
                  onClick={() =>
                    run(async () => {
                      const r = await bridge.request('restoreVersion', { nodeId, versionId: v.id });
                      setList(r);
                      const loaded = loadJourney(r.journey);
                      if (loaded.ok) onReplace(loaded.value.journey, `version “${v.name}”`);
                      return `Restored “${v.name}”. The journey it replaced was saved as “${r.saved?.name ?? 'Before restore'}”.`;
                    })
                  }
                >
                  Restore
                </button>
                <button
                  type="button"
                  class="small secondary"
                  aria-label={`Delete “${v.name}”`}
                  disabled={busy}
                  onClick={() =>
                    run(async () => {
                      setList(await bridge.request('deleteVersion', { nodeId, versionId: v.id }));
                      return `Deleted “${v.name}”.`;
                    })
                  }
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <fieldset class="stack">
        <legend class="field-label">Compare</legend>
        <div class="button-row">
          <OptionSelect label="From" value={from} options={options} onChange={setFrom} />
          <OptionSelect label="to" value={to} options={options} onChange={setTo} />
          <button
            type="button"
            class="secondary"
            disabled={busy || from === to}
            onClick={() =>
              run(async () => {
                const a = await side(from);
                const b = await side(to);
                const c = compareJourneys(a.journey, b.journey, { from: a.label, to: b.label });
                setResult(c);
                return `${c.summary}.`;
              })
            }
          >
            Compare
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy || from === to}
            title="Draw the newer side beside the map with its changes marked"
            onClick={() =>
              run(async () => {
                const a = await side(from);
                const b = await side(to);
                return showChanges(b.journey, changesSummary(a.journey, b.journey, { labels: { from: a.label, to: b.label } }));
              })
            }
          >
            Show on canvas
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() =>
              run(async () => ((await bridge.request('removeChanges', { nodeId })).removed ? 'Removed the Changes view.' : 'This map has no Changes view on the canvas.'))
            }
          >
            Remove from canvas
          </button>
        </div>
      </fieldset>
      {curves.length > 1 && (
        <fieldset class="stack">
          <legend class="field-label">Compare two curves of the map</legend>
          <div class="button-row">
            <OptionSelect label="Curve" value={curveA} options={curves} onChange={setCurveA} />
            <OptionSelect label="against" value={curveB} options={curves} onChange={setCurveB} />
            <button
              type="button"
              class="secondary"
              disabled={busy || curveA === curveB}
              title="Draw the map with the first curve faint behind the second"
              onClick={() =>
                run(async () => {
                  const { journey } = await side('map');
                  return showChanges(journey, changesSummary(journey, journey, { curveA, curveB }));
                })
              }
            >
              Show curves on canvas
            </button>
          </div>
        </fieldset>
      )}
      {status && (
        <p class="status-line" role="status">
          {status}
        </p>
      )}
      {result && <ComparisonView result={result} title={draft.title} />}
    </div>
  );
}

function ComparisonView({ result, title }: { result: Comparison; title: string }) {
  return (
    <div class="stack">
      <p>
        From {result.from} to {result.to}: <strong>{result.summary}</strong>.
      </p>
      {result.lines.length > 0 && (
        <ul class="change-list">
          {result.lines.map((l, i) => (
            <li key={i}>{l.text}</li>
          ))}
        </ul>
      )}
      <div class="button-row">
        <button type="button" class="secondary" onClick={() => downloadFile({ name: `${fileBase(title)}-changes.md`, mime: 'text/markdown', text: result.markdown })}>
          Export changelog (Markdown)
        </button>
      </div>
    </div>
  );
}

function Health({ bridge, map, draft, dirty, onGoTo, onReviewed }: { bridge: Bridge; map: MapSummary | null; draft: Journey; dirty: boolean; onGoTo(p: Problem): void; onReviewed(journey: Journey, text: string): void }) {
  const findings = useMemo(() => journeyHealth(draft, { today: today() }), [draft]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // A review records what the map holds: with changes in the draft not on the map yet, it waits.
  const why = !map || map.journey === null ? 'Select the map to mark it reviewed' : dirty ? 'Update the map first: a review records what the map holds' : undefined;
  async function mark(stageId: string | undefined, what: string) {
    if (!map) return;
    setBusy(true);
    try {
      const r = await bridge.request('markReviewed', { nodeId: map.nodeId, ...(stageId === undefined ? {} : { stageId }) });
      const loaded = loadJourney(r.journey);
      const text = `Marked ${what ? `${what} ` : ''}reviewed${r.review.by ? ` by ${r.review.by}` : ''} on ${r.review.at}.`;
      if (loaded.ok) onReviewed(loaded.value.journey, text);
      setStatus(text);
    } catch (e) {
      setStatus(messageOf(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="stack">
      <p class="muted">
        {findings.length ? `${findings.length} finding${findings.length === 1 ? '' : 's'} in the draft.` : 'Every claim has evidence, every pain point and idea an owner, every stage a metric.'}
      </p>
      {findings.length > 0 && (
        <ul class="problem-list">
          {findings.map((f, i) => (
            <li key={i}>
              <button type="button" class="problem" onClick={() => onGoTo({ path: f.path, message: f.text })}>
                {f.text}
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset class="stack">
        <legend class="field-label">Reviews</legend>
        <ul class="version-list">
          <li class="version">
            <span>
              <strong>The journey</strong> <span class="muted">{reviewWords(draft)}</span>
            </span>
            <button type="button" class="small secondary" disabled={busy || !!why} title={why} onClick={() => mark(undefined, '')}>
              Mark the map reviewed
            </button>
          </li>
          {draft.stages.map((s) => (
            <li key={s.id} class="version">
              <span>
                <strong>Stage “{s.name}”</strong> <span class="muted">{reviewWords(draft, s.id)}</span>
              </span>
              <button type="button" class="small secondary" aria-label={`Mark stage “${s.name}” reviewed`} disabled={busy || !!why || !map?.journey} title={why} onClick={() => mark(s.id, `stage “${s.name}”`)}>
                Mark reviewed
              </button>
            </li>
          ))}
        </ul>
        {why && map && <p class="muted">{why}.</p>}
      </fieldset>
      {status && (
        <p class="status-line" role="status">
          {status}
        </p>
      )}
    </div>
  );
}

/** A labelled choice of one option: a side of a comparison (a version, the map now, the draft) or a curve of the map. */
function OptionSelect<T extends string>(props: { label: string; value: T; options: readonly { id: T; label: string }[]; onChange: (id: T) => void }) {
  return (
    <label>
      {props.label}{' '}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
