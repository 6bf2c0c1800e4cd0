// The journey's evidence list (interviews, surveys, tickets…) that cards and personas cite.
import { OPTIONS } from '../data/labels';
import type { EvidencePatch } from '../state/draft-reducer';
import { fieldId } from '../state/paths';
import { addedId, useEditor } from './editor-context';
import { DateField, IconButton, SelectField, TextField } from './fields';

export function EvidenceEditor() {
  const { journey: j, dispatch, add } = useEditor();
  return (
    <div class="stack">
      {j.evidence.length === 0 && <p class="empty">No evidence yet. Add it here or from a card’s details.</p>}
      {j.evidence.map((e, i) => {
        const id = (f: string) => fieldId('evidence', e.id, f);
        const set = (patch: EvidencePatch) => dispatch({ type: 'updateEvidence', id: e.id, patch });
        const uses = j.cards.filter((c) => c.evidence.includes(e.id)).length;
        // The short visible labels repeat in every item: each control's name says which it is.
        const of = `of evidence ${e.source ? `“${e.source}”` : i + 1}`;
        return (
          <fieldset key={e.id} class="item">
            <legend class="item-head">
              <span class="item-title">{e.source || 'Unnamed source'}</span>
              <span class="muted"> · cited by {uses} {uses === 1 ? 'card' : 'cards'}</span>
            </legend>
            <div class="item-tools">
              <IconButton label={`Remove evidence ${e.source}`} icon="✕" danger onClick={() => dispatch({ type: 'removeEvidence', id: e.id })} />
            </div>
            <div class="form-grid">
              <TextField id={id('source')} label="Source" more={of} value={e.source} onChange={(source) => set({ source })} />
              <SelectField id={id('kind')} label="Kind" more={of} value={e.kind} options={OPTIONS.evidenceKind} onChange={(kind) => set({ kind })} />
              <SelectField id={id('confidence')} label="Confidence" more={of} value={e.confidence} options={OPTIONS.confidence} onChange={(confidence) => set({ confidence })} />
              <DateField id={id('date')} label="Date" more={of} value={e.date ?? ''} onChange={(v) => set({ date: v || undefined })} />
              <div class="span-2">
                <TextField id={id('url')} label="Link" more={of} type="url" placeholder="https://…" value={e.url ?? ''} onChange={(v) => set({ url: v || undefined })} />
              </div>
              <div class="span-2">
                <TextField id={id('quote')} label="Quote" more={of} multiline value={e.quote ?? ''} onChange={(v) => set({ quote: v || undefined })} />
              </div>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button
          type="button"
          class="secondary"
          onClick={() => add({ type: 'addEvidence', item: { kind: 'interview', source: 'New source', confidence: 'observed' } }, (after, before) => fieldId('evidence', addedId(before.evidence, after.evidence) ?? '', 'source'))}
        >
          Add evidence
        </button>
      </div>
    </div>
  );
}
