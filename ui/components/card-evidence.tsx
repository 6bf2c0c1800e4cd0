// The evidence a card cites: tick from the journey's list, or add a new source right here.
import { useState } from 'preact/hooks';
import type { Card, Confidence } from '../../shared/model';
import { CONFIDENCE_LABELS, EVIDENCE_KIND_LABELS, OPTIONS } from '../data/labels';
import type { EvidenceKind } from '../../shared/model';
import { fieldId } from '../state/paths';
import { useEditor } from './editor-context';
import { SelectField, TextField } from './fields';

export function CardEvidence({ card }: { card: Card }) {
  const { journey: j, dispatch, invalid } = useEditor();
  const [source, setSource] = useState('');
  const [kind, setKind] = useState<EvidenceKind>('interview');
  const [confidence, setConfidence] = useState<Confidence>('observed');
  const groupId = fieldId('card', card.id, 'evidence');
  const missing = card.evidence.filter((e) => !j.evidence.some((x) => x.id === e));
  return (
    <fieldset class="evidence-box" id={groupId} tabIndex={-1} aria-invalid={invalid.has(groupId) || undefined}>
      <legend class="field-label">Evidence</legend>
      {j.evidence.length === 0 && <p class="muted">No evidence in this journey yet.</p>}
      {j.evidence.map((e) => {
        const cid = `${groupId}-${e.id}`;
        return (
          <label class="field-check" key={e.id}>
            <input id={cid} type="checkbox" checked={card.evidence.includes(e.id)} onChange={(ev) => dispatch({ type: 'setCardEvidence', cardId: card.id, evidenceId: e.id, attached: ev.currentTarget.checked })} />
            <span>
              {e.source} <span class="muted">({EVIDENCE_KIND_LABELS[e.kind]}, {CONFIDENCE_LABELS[e.confidence].toLowerCase()})</span>
            </span>
          </label>
        );
      })}
      {missing.map((e) => (
        <div class="field-check warn" key={e}>
          <span>Cites “{e}”, which is not in the evidence list.</span>
          <button type="button" class="link-button" onClick={() => dispatch({ type: 'setCardEvidence', cardId: card.id, evidenceId: e, attached: false })}>
            Remove
          </button>
        </div>
      ))}
      <div class="inline-form">
        <TextField id={`${groupId}-new-source`} label="New evidence source" value={source} placeholder="e.g. Interview 4, NPS survey" onChange={setSource} />
        <SelectField id={`${groupId}-new-kind`} label="Kind" value={kind} options={OPTIONS.evidenceKind} onChange={(v) => setKind(v)} />
        <SelectField id={`${groupId}-new-confidence`} label="Confidence" value={confidence} options={OPTIONS.confidence} onChange={(v) => setConfidence(v)} />
        <button
          type="button"
          class="secondary"
          disabled={!source.trim()}
          onClick={() => {
            dispatch({ type: 'addEvidence', item: { kind, source: source.trim(), confidence }, cardId: card.id });
            setSource('');
          }}
        >
          Add evidence
        </button>
      </div>
    </fieldset>
  );
}
