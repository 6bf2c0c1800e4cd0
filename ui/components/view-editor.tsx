// Views for stakeholders (issue 17): add, name, choose the kind of, reorder and remove the views the
// plugin draws beside the map. A view is part of the journey, so it travels to the plugin in the
// journey of the ordinary render request, validated there like the rest (shared/model/schema.ts).
import { LIMITS, VIEW_KINDS, type ViewKind } from '../../shared/model';
import { VIEW_KIND_LABELS } from '../../shared/layout/views/index';
import { fieldId } from '../state/paths';
import { addedId, useEditor } from './editor-context';
import { IconButton, ParsedField, SelectField, TextField, type Option } from './fields';
import { useState } from 'preact/hooks';
import type { StyleOptions } from '../../shared/style/options';
import { Preview } from './preview';

const KIND_OPTIONS: Option<ViewKind>[] = VIEW_KINDS.map((k) => ({ value: k, label: VIEW_KIND_LABELS[k] }));

const HINTS: Record<ViewKind, string> = {
  'executive-summary': 'Title, objective, stages with KPIs, every persona’s curves, the top pain points and opportunities',
  persona: 'The map with one persona’s lanes and curves',
  blueprint: 'Frontstage lanes, the line of visibility, then backstage and support lanes',
  'stage-slides': 'One 1920 × 1080 frame per stage, named “01 · Stage”',
  'action-plan': 'Pain points and opportunities grouped by owner',
  text: 'The journey as readable text, for screen readers and copy-paste',
};

/** A whole number from 1 to LIMITS.viewTop, or unset. */
const topNumber = {
  format: (v: number | undefined) => (v === undefined ? '' : String(v)),
  parse: (t: string) => (/^\s*\d+\s*$/.test(t) ? Number(t) : undefined),
};

export function ViewEditor({ style }: { style?: StyleOptions | undefined }) {
  const { journey: j, dispatch, add } = useEditor();
  const [previewed, setPreviewed] = useState<string | null>(null);
  const views = j.views ?? [];
  const personaOptions: Option<string>[] = j.personas.map((p) => ({ value: p.id, label: p.name || 'Unnamed persona' }));
  return (
    <div class="stack">
      {views.length === 0 && <p class="empty">No views yet. A view is drawn as its own frame beside the map and kept up to date with it.</p>}
      {views.map((v, i) => {
        const id = (f: string) => fieldId('view', v.id, f);
        const name = v.name || 'Unnamed view';
        // The short visible labels repeat in every view: each control's name says which it is.
        const of = `of view ${v.name || i + 1}`;
        return (
          <fieldset key={v.id} class="item">
            <legend class="item-head">
              <span class="item-title">{name}</span>
            </legend>
            <div class="item-tools">
              <IconButton label={`Move view ${name} up`} icon="↑" disabled={i === 0} onClick={() => dispatch({ type: 'moveView', id: v.id, by: -1 })} />
              <IconButton label={`Move view ${name} down`} icon="↓" disabled={i === views.length - 1} onClick={() => dispatch({ type: 'moveView', id: v.id, by: 1 })} />
              <IconButton label={`Remove view ${name}`} icon="✕" danger onClick={() => dispatch({ type: 'removeView', id: v.id })} />
            </div>
            <div class="form-grid">
              <TextField id={id('name')} label="Name" more={of} value={v.name} onChange={(value) => dispatch({ type: 'updateView', id: v.id, patch: { name: value } })} />
              <SelectField id={id('kind')} label="Kind" more={of} hint={HINTS[v.kind]} value={v.kind} options={KIND_OPTIONS} onChange={(kind) => dispatch({ type: 'updateView', id: v.id, patch: { kind } })} />
              {v.kind === 'persona' && personaOptions.length > 0 && (
                <SelectField id={id('options.personas')} label="Persona" more={of} value={v.options.personas[0] ?? ''} options={personaOptions} onChange={(personaId) => dispatch({ type: 'updateView', id: v.id, patch: { personaId } })} />
              )}
              {v.kind === 'executive-summary' && (
                <ParsedField id={id('options.top')} label="Top pain points and opportunities" more={of} hint={`1 to ${LIMITS.viewTop}; 5 when empty`} value={v.options.top} {...topNumber} onChange={(top) => dispatch({ type: 'updateView', id: v.id, patch: { top } })} />
              )}
            </div>
            {style && (
              <details class="view-preview" open={previewed === v.id} onToggle={(e) => e.currentTarget.open !== (previewed === v.id) && setPreviewed(e.currentTarget.open ? v.id : null)}>
                <summary>Preview of {name}</summary>
                {/* One view laid out at a time, only while open: the form stays fast. */}
                {previewed === v.id && <Preview journey={j} style={style} viewId={v.id} idPrefix={`jm-view-preview-${v.id}`} label="" />}
              </details>
            )}
          </fieldset>
        );
      })}
      <div>
        <button type="button" class="secondary" disabled={views.length >= LIMITS.views} onClick={() => add({ type: 'addView', kind: 'executive-summary' }, (after, before) => fieldId('view', addedId(before.views ?? [], after.views ?? []) ?? '', 'name'))}>
          Add view
        </button>
      </div>
    </div>
  );
}
