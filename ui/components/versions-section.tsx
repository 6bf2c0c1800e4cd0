// The selected map's saved versions: save with a name, rename, restore (with "Undo restore", which
// restores the journey the plugin saved just before), delete; compare any two of a version, the map
// now, the draft and a journey file (JSON, CSV, .xlsx or Mermaid, read by the importer) in plain
// words, export the changelog as Markdown, and draw the comparison beside the map as the Changes
// view, or two curves of the map against each other. The diff runs here, in the iframe
// (shared/diff/compare.ts, shared/layout/views/changes-summary.ts); the plugin only stores and reads
// versions and lays out the Changes view from the summary sent.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { compareJourneys, versionLabel, type Comparison } from '../../shared/diff';
import { changesSummary } from '../../shared/layout/views/changes-summary';
import type { ChangesSummary } from '../../shared/layout/views/changes';
import { loadJourney, type Journey } from '../../shared/model';
import type { MapSummary, VersionMetaPayload } from '../../shared/messages';
import type { Problem } from '../../shared/result';
import type { Bridge } from '../bridge';
import { messageOf } from '../data/errors';
import { downloadFile, fileBase, readImportBytes } from '../data/files';
import { importJourney } from '../data/interop';
import { OptionSelect } from './option-select';
import { ProblemList } from './problem-list';

type SideId = 'map' | 'draft' | 'file' | `v:${string}`;
interface Side {
  journey: Journey;
  label: string;
}
interface VersionList {
  versions: VersionMetaPayload[];
  used: number;
  budget: number;
  unreadable?: string | undefined;
}
/** What the last action said, with the version that undoes a restore, or one waiting for a yes. */
interface Status {
  text: string;
  undo?: VersionMetaPayload;
  confirm?: VersionMetaPayload;
}

const kB = (n: number) => `${Math.round(n / 1024)} kB`;
const when = (at: string) => at.slice(0, 16).replace('T', ' ');

/** The journey in a picked file, read as an import would read it (a metrics sheet is not a journey on its own). */
export async function readComparisonFile(file: File): Promise<{ ok: true; side: Side } | { ok: false; text: string; problems: Problem[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readImportBytes(file);
  } catch {
    return { ok: false, text: `Could not read “${file.name}”.`, problems: [] };
  }
  const r = importJourney(bytes, { fileName: file.name });
  if (!r.ok) return { ok: false, text: `“${file.name}” is not a journey this panel can read; nothing was compared.`, problems: r.error };
  return { ok: true, side: { journey: r.value, label: `the file “${file.name}”` } };
}

export function VersionsSection({ bridge, map, draft, dirty = false, onRestored }: {
  bridge: Bridge;
  map: MapSummary;
  draft: Journey;
  /** The draft holds changes the map does not: a restore replaces them, so it asks first. */
  dirty?: boolean;
  onRestored(journey: Journey, text: string): void;
}) {
  const [list, setList] = useState<VersionList | null>(null);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [from, setFrom] = useState<SideId>('map');
  const [to, setTo] = useState<SideId>('draft');
  const [file, setFile] = useState<Side | null>(null);
  const [fileProblems, setFileProblems] = useState<Problem[]>([]);
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
      (e: unknown) => live && setStatus({ text: messageOf(e) }),
    );
    return () => {
      live = false;
    };
  }, [nodeId, map.journey]);

  async function run(what: () => Promise<string | Status>) {
    setBusy(true);
    try {
      const said = await what();
      setStatus(typeof said === 'string' ? { text: said } : said);
    } catch (e) {
      setStatus({ text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  }

  /** Redraws the map from a version; the journey it replaced is saved first, so the answer names the version that undoes it. */
  async function restore(v: VersionMetaPayload, undoing = false): Promise<Status> {
    const r = await bridge.request('restoreVersion', { nodeId, versionId: v.id });
    setList(r);
    const loaded = loadJourney(r.journey);
    const text = undoing ? 'Undid the restore: the map is back as it was.' : `Restored “${v.name}”.`;
    if (loaded.ok) onRestored(loaded.value.journey, text);
    if (undoing || !r.saved) return { text };
    return { text: `${text} The journey it replaced was saved as “${r.saved.name}”.`, undo: r.saved };
  }

  /** Draws the newer journey beside the map with the summary's changes marked (the diff runs here; the plugin only lays it out). */
  async function showChanges(newer: Journey, summary: ChangesSummary): Promise<string> {
    const r = await bridge.request('showChanges', { nodeId, newer, summary });
    return `${r.created ? 'Drew' : 'Updated'} the Changes view beside the map: ${summary.counts}`;
  }

  async function side(id: SideId): Promise<Side> {
    if (id === 'draft') return { journey: draft, label: 'the draft in the panel' };
    if (id === 'file') {
      if (!file) throw new Error('Choose a journey file to compare first.');
      return file;
    }
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

  async function pickFile(input: HTMLInputElement) {
    const picked = input.files?.[0];
    input.value = '';
    if (!picked) return;
    const r = await readComparisonFile(picked);
    if (!r.ok) {
      setFileProblems(r.problems);
      setStatus({ text: r.text });
      return;
    }
    setFile(r.side);
    setFileProblems([]);
    // The file is the newer side against the map unless the file is already one of the two.
    if (from !== 'file' && to !== 'file') {
      setFrom('map');
      setTo('file');
    }
    setStatus({ text: `Read ${r.side.label}: compare it with the map, a version or the draft.` });
  }

  const versions = list?.versions ?? [];
  const options: { id: SideId; label: string }[] = [
    { id: 'map', label: 'The map now' },
    { id: 'draft', label: 'The draft in the panel' },
    ...(file ? [{ id: 'file' as SideId, label: file.label.replace(/^the f/, 'F') }] : []),
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
          {[...versions].reverse().map((v) =>
            renaming?.id === v.id ? (
              <li key={v.id} class="version">
                <form
                  class="button-row"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const next = renaming.name.trim();
                    if (!next) return;
                    void run(async () => {
                      setList(await bridge.request('renameVersion', { nodeId, versionId: v.id, name: next }));
                      setRenaming(null);
                      return `Renamed “${v.name}” to “${next}”.`;
                    });
                  }}
                >
                  <input
                    type="text"
                    aria-label={`New name for “${v.name}”`}
                    value={renaming.name}
                    maxLength={120}
                    ref={(el) => el?.focus()}
                    onInput={(e) => setRenaming({ id: v.id, name: e.currentTarget.value })}
                    onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                  />
                  <button type="submit" class="small secondary" disabled={busy || !renaming.name.trim()}>
                    Save name
                  </button>
                  <button type="button" class="small secondary" onClick={() => setRenaming(null)}>
                    Cancel
                  </button>
                </form>
              </li>
            ) : (
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
                    onClick={() => (dirty ? setStatus({ text: `The draft has changes the map does not hold. Restoring “${v.name}” replaces them.`, confirm: v }) : run(() => restore(v)))}
                  >
                    Restore
                  </button>
                  <button type="button" class="small secondary" aria-label={`Rename “${v.name}”`} disabled={busy} onClick={() => setRenaming({ id: v.id, name: v.name })}>
                    Rename
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
            ),
          )}
        </ul>
      )}
      <fieldset class="stack">
        <legend class="field-label">Compare</legend>
        <div class="button-row">
          <OptionSelect label="From" value={from} options={options} onChange={setFrom} />
          <OptionSelect label="to" value={to} options={options} onChange={setTo} />
          <label class="file-button secondary">
            Compare with a file…
            <input type="file" class="visually-hidden" accept=".json,.csv,.tsv,.txt,.xlsx,.mmd,.mermaid,.md" disabled={busy} onChange={(e) => void pickFile(e.currentTarget)} />
          </label>
        </div>
        <div class="button-row">
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
        <ProblemList problems={fileProblems} label="Problems in the file" />
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
        <div class="button-row">
          <p class="status-line" role="status">
            {status.text}
          </p>
          {status.undo && (
            <button type="button" class="small secondary" disabled={busy} onClick={() => status.undo && run(() => restore(status.undo!, true))}>
              Undo restore
            </button>
          )}
          {status.confirm && (
            <>
              <button type="button" class="small secondary" disabled={busy} onClick={() => status.confirm && run(() => restore(status.confirm!))}>
                Restore anyway
              </button>
              <button type="button" class="small secondary" disabled={busy} onClick={() => setStatus(null)}>
                Keep my draft
              </button>
            </>
          )}
        </div>
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
