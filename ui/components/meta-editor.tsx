// Title and metadata of the journey.
import { JOURNEY_STATUSES } from '../../shared/model';
import type { JourneyStatus, MetaField } from '../state/draft-reducer';
import { fieldId } from '../state/paths';
import { useEditor } from './editor-context';
import { commas, ParsedField, SelectField, TextField } from './fields';

const STATUS_LABELS: Record<JourneyStatus, string> = {
  draft: 'Draft',
  'in-research': 'In research',
  validated: 'Validated',
  live: 'Live',
  archived: 'Archived',
};

export function MetaEditor() {
  const { journey: j, dispatch, invalid } = useEditor();
  const id = (f: string) => fieldId('meta', 'journey', f);
  const text = (field: MetaField, label: string, extra: { multiline?: boolean; rows?: number; placeholder?: string; hint?: string } = {}) => (
    <TextField
      id={id(field)}
      label={label}
      value={j[field] ?? ''}
      invalid={invalid.has(id(field))}
      onChange={(value) => dispatch({ type: 'setMeta', field, value })}
      {...extra}
    />
  );
  return (
    <div class="form-grid">
      <div class="span-2">{text('title', 'Title')}</div>
      <div class="span-2">{text('description', 'Description', { multiline: true, rows: 3 })}</div>
      <div class="span-2">{text('objective', 'Objective', { multiline: true, placeholder: 'What the customer is trying to achieve' })}</div>
      {text('owner', 'Owner')}
      <SelectField
        id={id('status')}
        label="Status"
        value={j.status}
        options={JOURNEY_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        onChange={(v) => dispatch({ type: 'setStatus', status: v as JourneyStatus })}
      />
      {text('updated', 'Updated', { placeholder: 'YYYY-MM-DD' })}
      {text('reviewBy', 'Review by', { placeholder: 'YYYY-MM-DD' })}
      <div class="span-2">
        <ParsedField
          id={id('tags')}
          label="Tags"
          hint="Separate tags with commas"
          value={j.tags}
          {...commas}
          invalid={invalid.has(id('tags'))}
          onChange={(tags) => dispatch({ type: 'setTags', tags })}
        />
      </div>
    </div>
  );
}
