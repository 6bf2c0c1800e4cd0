// Layout of the panel: tabs (Journey form | Data | Style) over one scrolling panel, messages, and
// the action bar at the bottom. An empty draft opens on the start card. State and sandbox calls
// live in hooks/use-panel.ts; focus moves (to a problem, into a new item) in hooks/use-focus.ts.
import { useMemo, useState } from 'preact/hooks';
import type { Bridge } from './bridge';
import { ActionBar } from './components/action-bar';
import { BottomMessages, TopBanners } from './components/banners';
import { DataTab } from './components/data-tab';
import { EditorContext, type EditorContextValue } from './components/editor-context';
import { FieldErrors, openSectionWhenShown } from './components/fields';
import { HEALTH_SECTION_ID } from './components/living-panel';
import { useOverdueNotice } from './hooks/use-overdue';
import { JourneyEditor } from './components/journey-editor';
import { ResizeHandle } from './components/resize-handle';
import { StartCard } from './components/start-card';
import { StylePanel } from './components/style-panel';
import { SyncReview } from './components/sync-review';
import { Tabs, type TabDef } from './components/tabs';
import { fieldErrorsOf } from './data/field-errors';
import { usePanelFocus } from './hooks/use-focus';
import { usePanel, type PanelOptions, type Tab } from './hooks/use-panel';
import { fieldId } from './state/paths';
import { BLANK_TEXT } from './state/editor-state';
import { createUnfinishedInputs, UnfinishedInputsContext } from './state/unfinished-inputs';

export function App({ bridge, options }: { bridge: Bridge; options?: PanelOptions }) {
  const panel = usePanel(bridge, options);
  const { editor } = panel;
  const [tab, setTab] = useState<Tab>('journey');
  const [starting, setStarting] = useState<boolean | null>(null);
  const [sheetCard, openSheet] = useState<string | null>(null);
  const focus = usePanelFocus(editor, setTab, openSheet);
  const invalid = useMemo(() => fieldErrorsOf(editor.journey, editor.problems), [editor.problems, editor.journey]);
  const ctx = useMemo<EditorContextValue>(() => ({ journey: editor.journey, dispatch: panel.edit, add: focus.addAndFocus(panel.edit), invalid, sheetCard, openSheet }), [editor.journey, invalid, sheetCard]);
  const showStart = starting ?? (panel.ready && editor.text === BLANK_TEXT);
  const overdue = useOverdueNotice(panel.selection, options?.today);
  const showHealth = () => {
    openSectionWhenShown(HEALTH_SECTION_ID);
    setStarting(false);
    setTab('data');
    requestAnimationFrame(() => document.getElementById(HEALTH_SECTION_ID)?.scrollIntoView?.({ block: 'start' }));
  };

  // The Journey tab (its problem summary) and the Data tab (under the JSON) list the draft's
  // problems; the Style tab and the sync review do not.
  const problemsInView = !panel.review && tab !== 'style' && !showStart && editor.problems.length > 0;
  const tabs: TabDef<Tab>[] = [
    { id: 'journey', label: 'Journey' },
    { id: 'data', label: 'Data', badge: editor.problems.length || undefined },
    { id: 'style', label: 'Style' },
  ];
  // A field still holding text the draft cannot take (a number typed as "4,2"): say which, go there, send nothing.
  const [unfinished] = useState(createUnfinishedInputs);
  const generate = async () => {
    const first = unfinished.list()[0];
    if (!first) return panel.generate();
    panel.showError(`${first.message.replace(/[.\s]+$/, '')}. Fix it, then try again.`);
    document.getElementById(first.id)?.focus();
  };

  // "Start blank" on the blank draft keeps it; on any other draft it replaces it, with Undo.
  const start = (journey: Parameters<typeof panel.replaceDraft>[0], source: string | null) => {
    if (source) panel.replaceDraft(journey, source);
    else if (editor.text !== BLANK_TEXT) panel.replaceDraft(journey, 'a blank journey');
    setStarting(false);
    focus.focusSoon([fieldId('meta', 'journey', 'title')]);
  };

  return (
    <div class="app">
      <Tabs tabs={tabs} current={tab} view={panel.review ? 'review' : showStart ? 'start' : tab} onChange={(id) => setTab(id)}>
        <TopBanners offer={panel.offer} canvasEdits={panel.canvasEdits} reviewing={!!panel.review} busy={!!panel.busy} selection={panel.selection} overdue={overdue.notice} onLoad={panel.acceptOffer} onKeep={panel.declineOffer} onFinish={panel.finishDrawing} onSync={panel.startSync} onShowHealth={showHealth} onDismissOverdue={overdue.dismiss} />
        {panel.review ? (
          <SyncReview key={panel.review.conflicts.map((c) => c.key).join('|') + panel.review.changes.length} preview={panel.review} busy={!!panel.busy} onApply={panel.applySync} onCancel={panel.cancelSync} />
        ) : (
          <FieldErrors.Provider value={invalid}>
            <UnfinishedInputsContext.Provider value={unfinished}>
              <EditorContext.Provider value={ctx}>
                {tab === 'journey' &&
                  (showStart ? (
                    <StartCard onStart={start} onImportFile={() => (setStarting(false), focus.openImport())} onBack={editor.text === BLANK_TEXT ? undefined : () => setStarting(false)} onError={(m) => panel.showError(m)} />
                  ) : (
                    <JourneyEditor style={panel.style} locked={editor.textBroken} problems={editor.problems} showProblems={!!panel.error?.ofDraft} onProblem={(p) => focus.goTo(p, 'form')} onRevert={panel.revertText} onNew={() => setStarting(true)} />
                  ))}
                {tab === 'data' && <DataTab editor={editor} onText={panel.setText} onRevert={panel.revertText} onProblem={(p) => focus.goTo(p, 'json')} onReplace={panel.replaceDraft} onError={(m) => panel.showError(m)} living={{ bridge, selection: panel.selection, dirty: panel.dirty, onReviewed: panel.adoptMapJourney, onRestored: panel.adoptMapJourney, onGoTo: (p) => focus.goTo(p, 'form') }} />}
                {tab === 'style' && <StylePanel style={panel.style} fonts={panel.fonts} journey={editor.journey} onChange={panel.setStyle} liveSync={panel.liveSync} onLiveSync={panel.setLiveSync} />}
              </EditorContext.Provider>
            </UnfinishedInputsContext.Provider>
          </FieldErrors.Provider>
        )}
      </Tabs>
      <BottomMessages
        error={panel.error}
        toast={panel.toast}
        autosaveProblem={panel.autosaveProblem}
        journey={editor.journey}
        draftProblems={editor.problems.length}
        problemsInView={problemsInView}
        onProblem={(p) => focus.goTo(p, 'form')}
        onDismissError={panel.dismissError}
        onUndo={panel.undoReplace}
        onDismissToast={panel.dismissToast}
        onHoldToast={panel.holdToast}
      />
      <ActionBar selection={panel.selection} mainAction={panel.mainAction} busy={panel.busy} dirty={panel.dirty} problems={editor.problems.length} onGenerate={focus.keepFocus(generate)} onSync={panel.startSync} onRestyle={focus.keepFocus(panel.restyle)} />
      <ResizeHandle onResize={panel.resize} />
    </div>
  );
}
