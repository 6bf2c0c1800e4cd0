// The Data tab: the JSON, import, templates and export.
import type { Journey } from '../../shared/model';
import type { Problem } from '../../shared/result';
import type { EditorState } from '../state/editor-state';
import { ExportPanel } from './export-panel';
import { Section } from './fields';
import { ImportPanel } from './import-panel';
import { JsonView } from './json-view';
import { Templates } from './templates';
import { LivingPanel } from './living-panel';
import type { Bridge } from '../bridge';
import type { MapSummary } from '../../shared/messages';

export const IMPORT_SECTION_ID = 'jm-import';

export function DataTab({ editor, onText, onRevert, onProblem, onReplace, onError, living }: {
  editor: EditorState;
  /** Versions and evidence health (absent in tests of the tab alone). */
  living?: { bridge: Bridge; selection: MapSummary | null; dirty?: boolean; onReviewed?(journey: Journey, text: string): void; onRestored?(journey: Journey, text: string): void; onGoTo(p: Problem): void } | undefined;
  onText(text: string): void;
  onRevert(): void;
  onProblem(p: Problem): void;
  onReplace(journey: Journey, source: string): void;
  onError(message: string): void;
}) {
  return (
    <div class="data-tab">
      <Section title="JSON" open>
        <JsonView text={editor.text} problems={editor.problems} broken={editor.textBroken} onChange={onText} onProblem={onProblem} onRevert={onRevert} />
      </Section>
      <Section title="Import" open id={IMPORT_SECTION_ID}>
        <ImportPanel onImport={onReplace} />
      </Section>
      <Section title="Start from a template">
        <Templates onUse={onReplace} onError={onError} />
      </Section>
      <Section title="Export" open>
        <ExportPanel journey={editor.journey} disabledReason={editor.textBroken ? 'Fix the JSON first: it cannot be read as a journey.' : undefined} />
      </Section>
      {living && <LivingPanel bridge={living.bridge} selection={living.selection} draft={editor.journey} dirty={living.dirty ?? false} onReplace={onReplace} {...(living.onReviewed ? { onReviewed: living.onReviewed } : {})} {...(living.onRestored ? { onRestored: living.onRestored } : {})} onGoTo={living.onGoTo} />}
    </div>
  );
}
