// The Journey tab: the form editor, one collapsible section per part of the journey. When the
// JSON text cannot be read as a journey, the form is locked (it shows the last good version)
// until the text is fixed or reverted.
import { useState } from 'preact/hooks';
import type { Problem } from '../../shared/result';
import type { StyleOptions } from '../../shared/style/options';
import { CardGrid } from './card-grid';
import { useEditor } from './editor-context';
import { EmotionEditor } from './emotion-editor';
import { EvidenceEditor } from './evidence-editor';
import { Section } from './fields';
import { LaneEditor } from './lane-editor';
import { MetaEditor } from './meta-editor';
import { PersonaEditor } from './persona-editor';
import { ViewEditor } from './view-editor';
import { Preview } from './preview';
import { ProblemList } from './problem-list';
import { StageEditor } from './stage-editor';

export function JourneyEditor({ locked, problems, onProblem, onRevert, onNew, style, showProblems = false }: {
  locked: boolean;
  /** Back to the start card: blank, a template or a file. */
  onNew(): void;
  /** Unfold the problem list (an error message below points to it). */
  showProblems?: boolean;
  problems: readonly Problem[];
  onProblem(p: Problem): void;
  onRevert(): void;
  /** When given, a collapsible live preview of the map sits above the form. */
  style?: StyleOptions;
}) {
  const { journey: j } = useEditor();
  const [previewOpen, setPreviewOpen] = useState(false);
  const steps = j.stages.reduce((n, s) => n + s.steps.length, 0);
  return (
    <div class="journey-editor">
      <div class="editor-head">
        <button type="button" class="link-button" onClick={onNew}>
          New journey…
        </button>
      </div>
      {locked && (
        <div class="banner warn" role="status">
          <p>
            The JSON in the Data tab cannot be read as a journey, so the form shows the last good version and is locked. Fix the
            problems below, or go back to the last good version.
          </p>
          <button type="button" class="secondary" onClick={onRevert}>
            Use last good version
          </button>
        </div>
      )}
      {problems.length > 0 && (
        <details class="problem-summary" open={locked || showProblems}>
          <summary>
            {problems.length} {problems.length === 1 ? 'problem' : 'problems'} to fix before drawing
          </summary>
          <ProblemList problems={problems} journey={j} onSelect={onProblem} label="Problems" heading={false} />
        </details>
      )}
      {style && (
        <details class="section journey-preview" open={previewOpen} onToggle={(e) => setPreviewOpen(e.currentTarget.open)}>
          <summary>
            <span class="section-title">Map preview</span>
          </summary>
          {/* Laid out only while open: the form stays fast on big journeys. */}
          <div class="section-body">{previewOpen && <Preview journey={j} style={style} idPrefix="jm-journey-preview" label="" />}</div>
        </details>
      )}
      <fieldset class="form-root" disabled={locked}>
        <legend class="visually-hidden">Journey</legend>
        <Section title="Journey details" open>
          <MetaEditor />
        </Section>
        <Section title="Personas" count={j.personas.length}>
          <PersonaEditor />
        </Section>
        <Section title="Stages and steps" count={`${j.stages.length} · ${steps}`}>
          <StageEditor />
        </Section>
        <Section title="Lanes" count={j.lanes.length}>
          <LaneEditor />
        </Section>
        <Section title="Cards" count={j.cards.length} open>
          <CardGrid />
        </Section>
        <Section title="Emotions" count={j.curves.length}>
          <EmotionEditor />
        </Section>
        <Section title="Evidence" count={j.evidence.length}>
          <EvidenceEditor />
        </Section>
        <Section title="Views" count={(j.views ?? []).length}>
          <ViewEditor style={style} />
        </Section>
      </fieldset>
    </div>
  );
}
