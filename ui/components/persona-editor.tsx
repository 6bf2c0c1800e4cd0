// Personas: add, edit, reorder, remove. Removing one also removes its emotion curves; lanes
// scoped to it become lanes about everyone (draft-reducer.ts).
import { LIMITS } from '../../shared/model';
import type { PersonaPatch } from '../state/draft-reducer';
import { fieldId } from '../state/paths';
import { addedId, useEditor } from './editor-context';
import { IconButton, lines, ParsedField, TextField } from './fields';

export function PersonaEditor() {
  const { journey: j, dispatch, add } = useEditor();
  return (
    <div class="stack">
      {j.personas.length === 0 && <p class="empty">No personas yet. Add one to give the journey a point of view and emotion curves.</p>}
      {j.personas.map((p, i) => {
        const id = (f: string) => fieldId('persona', p.id, f);
        const set = (patch: PersonaPatch) => dispatch({ type: 'updatePersona', id: p.id, patch });
        const name = p.name || 'Unnamed persona';
        // The short visible labels repeat in every persona: each control's name says whose it is.
        const of = `of persona ${p.name || i + 1}`;
        return (
          <fieldset key={p.id} class="item">
            <legend class="item-head">
              <span class="item-title">{name}</span>
            </legend>
            <div class="item-tools">
              <IconButton label={`Move persona ${name} up`} icon="↑" disabled={i === 0} onClick={() => dispatch({ type: 'movePersona', id: p.id, by: -1 })} />
              <IconButton label={`Move persona ${name} down`} icon="↓" disabled={i === j.personas.length - 1} onClick={() => dispatch({ type: 'movePersona', id: p.id, by: 1 })} />
              <IconButton label={`Remove persona ${name}`} icon="✕" danger onClick={() => dispatch({ type: 'removePersona', id: p.id })} />
            </div>
            <div class="form-grid">
              <TextField id={id('name')} label="Name" more={of} value={p.name} onChange={(v) => set({ name: v })} />
              <TextField id={id('segment')} label="Segment" more={of} value={p.segment ?? ''} onChange={(v) => set({ segment: v || undefined })} />
              <div class="span-2">
                <TextField id={id('summary')} label="Summary" more={of} multiline value={p.summary ?? ''} onChange={(v) => set({ summary: v || undefined })} />
              </div>
              <ParsedField id={id('goals')} label="Goals" more={of} hint="One per line" multiline value={p.goals} {...lines} onChange={(goals) => set({ goals })} />
              <ParsedField id={id('frustrations')} label="Frustrations" more={of} hint="One per line" multiline value={p.frustrations} {...lines} onChange={(frustrations) => set({ frustrations })} />
              <div class="span-2">
                <TextField id={id('quote')} label="Quote" more={of} multiline value={p.quote ?? ''} onChange={(v) => set({ quote: v || undefined })} />
              </div>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button type="button" class="secondary" disabled={j.personas.length >= LIMITS.personas} onClick={() => add({ type: 'addPersona' }, (after, before) => fieldId('persona', addedId(before.personas, after.personas) ?? '', 'name'))}>
          Add persona
        </button>
      </div>
    </div>
  );
}
