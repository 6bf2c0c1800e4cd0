// The journey's evidence list (interviews, surveys, tickets…) that cards and personas cite.
import { CONFIDENCE_LEVELS, EVIDENCE_KINDS, type Evidence } from '../../shared/model';
import type { EvidencePatch } from '../state/draft-reducer';
import { fieldId } from '../state/paths';
import { useEditor } from './editor-context';
import { IconButton, SelectField, TextField } from './fields';

const words = (s: string) => s.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

export function EvidenceEditor() {
  const { journey: j, dispatch, invalid } = useEditor();
  return (
    <div class="stack">
      {j.evidence.length === 0 && <p class="empty">No evidence yet. Add it here or from a card’s details.</p>}
      {j.evidence.map((e) => {
        const id = (f: string) => fieldId('evidence', e.id, f);
        const set = (patch: EvidencePatch) => dispatch({ type: 'updateEvidence', id: e.id, patch });
        const uses = j.cards.filter((c) => c.evidence.includes(e.id)).length;
        return (
          <fieldset key={e.id} class="item">
            <legend class="item-head">
              <span class="item-title">{e.source || 'Unnamed source'}</span>
              <span class="muted"> · cited by {uses} cards</span>
            </legend>
            <div class="item-tools">
              <IconButton label={`Remove evidence ${e.source}`} icon="✕" danger onClick={() => dispatch({ type: 'removeEvidence', id: e.id })} />
            </div>
            <div class="form-grid">
              <TextField id={id('source')} label="Source" value={e.source} invalid={invalid.has(id('source'))} onChange={(source) => set({ source })} />
              <SelectField id={id('kind')} label="Kind" value={e.kind} options={EVIDENCE_KINDS.map((k) => ({ value: k, label: words(k) }))} onChange={(v) => set({ kind: v as Evidence['kind'] })} />
              <SelectField
                id={id('confidence')}
                label="Confidence"
                value={e.confidence}
                options={CONFIDENCE_LEVELS.map((k) => ({ value: k, label: words(k) }))}
                onChange={(v) => set({ confidence: v as Evidence['confidence'] })}
              />
              <TextField id={id('date')} label="Date" placeholder="YYYY-MM-DD" value={e.date ?? ''} invalid={invalid.has(id('date'))} onChange={(v) => set({ date: v || undefined })} />
              <div class="span-2">
                <TextField id={id('url')} label="Link" placeholder="https://…" value={e.url ?? ''} invalid={invalid.has(id('url'))} onChange={(v) => set({ url: v || undefined })} />
              </div>
              <div class="span-2">
                <TextField id={id('quote')} label="Quote" multiline value={e.quote ?? ''} invalid={invalid.has(id('quote'))} onChange={(v) => set({ quote: v || undefined })} />
              </div>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button type="button" class="secondary" onClick={() => dispatch({ type: 'addEvidence', item: { kind: 'interview', source: 'New source', confidence: 'observed' } })}>
          Add evidence
        </button>
      </div>
    </div>
  );
}
