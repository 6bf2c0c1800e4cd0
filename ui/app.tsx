// Layout of the panel: tabs (Journey form | Data | Style) over a scrolling panel, messages, and
// the action bar at the bottom. State and sandbox calls live in hooks/use-panel.ts.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Problem } from '../shared/result';
import type { Bridge } from './bridge';
import { ActionBar } from './components/action-bar';
import { BottomMessages, TopBanners } from './components/banners';
import { EditorContext, type EditorContextValue } from './components/editor-context';
import { ExportPanel } from './components/export-panel';
import { Section } from './components/fields';
import { ImportPanel } from './components/import-panel';
import { JourneyEditor } from './components/journey-editor';
import { JsonView, selectProblemInJson } from './components/json-view';
import { ResizeHandle } from './components/resize-handle';
import { StylePanel } from './components/style-panel';
import { SyncReview } from './components/sync-review';
import { Tabs, type TabDef } from './components/tabs';
import { Templates } from './components/templates';
import { focusControl } from './data/focus';
import { usePanel, type PanelOptions, type Tab } from './hooks/use-panel';
import { controlIdsForPath } from './state/paths';

interface FocusRequest {
  problem: Problem;
  target: 'form' | 'json';
}

export function App({ bridge, options }: { bridge: Bridge; options?: PanelOptions }) {
  const panel = usePanel(bridge, options);
  const { editor } = panel;
  const [tab, setTab] = useState<Tab>('journey');
  const [focus, setFocus] = useState<FocusRequest | null>(null);

  const invalid = useMemo(
    () => new Set(editor.problems.flatMap((p) => controlIdsForPath(editor.journey, p.path).slice(0, 1))),
    [editor.problems, editor.journey],
  );
  const ctx = useMemo<EditorContextValue>(() => ({ journey: editor.journey, dispatch: panel.edit, invalid }), [editor.journey, invalid]);

  /** Takes the user to a problem: the form control when there is one, else the JSON text. */
  const goTo = (problem: Problem, prefer: 'form' | 'json') => {
    const target = prefer === 'form' && !editor.textBroken && controlIdsForPath(editor.journey, problem.path).length ? 'form' : 'json';
    setTab(target === 'form' ? 'journey' : 'data');
    setFocus({ problem, target });
  };
  useEffect(() => {
    if (!focus) return;
    if (focus.target === 'form' && !focusControl(controlIdsForPath(editor.journey, focus.problem.path))) {
      setTab('data');
      setFocus({ problem: focus.problem, target: 'json' });
      return;
    }
    if (focus.target === 'json') selectProblemInJson(editor.text, focus.problem);
    setFocus(null);
  }, [focus]);

  // The Journey tab (its problem summary) and the Data tab (under the JSON) list the draft's
  // problems; the Style tab and the sync review do not.
  const problemsInView = !panel.review && tab !== 'style' && editor.problems.length > 0;

  const tabs: TabDef<Tab>[] = [
    { id: 'journey', label: 'Journey' },
    { id: 'data', label: 'Data', badge: editor.problems.length || undefined },
    { id: 'style', label: 'Style' },
  ];

  return (
    <div class="app">
      <Tabs tabs={tabs} current={tab} view={panel.review ? 'review' : tab} onChange={(id) => setTab(id)}>
        <TopBanners panel={panel} />
        {panel.review ? (
          <SyncReview
            key={panel.review.conflicts.map((c) => c.key).join('|') + panel.review.changes.length}
            preview={panel.review}
            busy={!!panel.busy}
            onApply={panel.applySync}
            onCancel={panel.cancelSync}
          />
        ) : (
          <EditorContext.Provider value={ctx}>
            {tab === 'journey' && (
              <JourneyEditor
                style={panel.style}
                locked={editor.textBroken}
                problems={editor.problems}
                showProblems={!!panel.error?.ofDraft}
                onProblem={(p) => goTo(p, 'form')}
                onRevert={panel.revertText}
              />
            )}
            {tab === 'data' && (
              <div class="data-tab">
                <Section title="JSON" open>
                  <JsonView text={editor.text} problems={editor.problems} broken={editor.textBroken} onChange={panel.setText} onProblem={(p) => goTo(p, 'json')} onRevert={panel.revertText} />
                </Section>
                <Section title="Import" open>
                  <ImportPanel onImport={(j, source) => panel.replaceDraft(j, source)} />
                </Section>
                <Section title="Start from a template">
                  <Templates onUse={(j, source) => panel.replaceDraft(j, source)} onError={(m) => panel.showError(m)} />
                </Section>
                <Section title="Export" open>
                  <ExportPanel journey={editor.journey} disabledReason={editor.textBroken ? 'Fix the JSON first: it cannot be read as a journey.' : undefined} />
                </Section>
              </div>
            )}
            {tab === 'style' && (
              <StylePanel style={panel.style} fonts={panel.fonts} journey={editor.journey} onChange={panel.setStyle} liveSync={panel.liveSync} onLiveSync={panel.setLiveSync} />
            )}
          </EditorContext.Provider>
        )}
      </Tabs>
      <BottomMessages
        error={panel.error}
        notice={panel.notice}
        autosaveProblem={panel.autosaveProblem}
        problemsInView={problemsInView}
        draftProblems={editor.problems.length}
        onProblem={(p) => goTo(p, 'form')}
        onDismissError={panel.dismissError}
        onDismissNotice={panel.dismissNotice}
      />
      <ActionBar
        selection={panel.selection}
        busy={panel.busy}
        dirty={panel.dirty}
        problems={editor.problems.length}
        onGenerate={panel.generate}
        onSync={panel.startSync}
        onRestyle={panel.restyle}
      />
      <ResizeHandle onResize={panel.resize} />
    </div>
  );
}
