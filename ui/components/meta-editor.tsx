// Title and metadata of the journey.
import { OPTIONS } from '../data/labels';
import type { MetaField } from '../state/draft-reducer';
import { fieldId } from '../state/paths';
import { useEditor } from './editor-context';
import { commas, DateField, ParsedField, SelectField, TextField } from './fields';

export function MetaEditor() {
  const { journey: j, dispatch } = useEditor();
  const id = (f: string) => fieldId('meta', 'journey', f);
  const set = (field: MetaField) => (value: string) => dispatch({ type: 'setMeta', field, value });
  return (
    <div class="form-grid">
      <div class="span-2">
        <TextField id={id('title')} label="Title" value={j.title} onChange={set('title')} />
      </div>
      <div class="span-2">
        <TextField id={id('description')} label="Description" multiline rows={3} value={j.description ?? ''} onChange={set('description')} />
      </div>
      <div class="span-2">
        <TextField id={id('objective')} label="Objective" multiline placeholder="What the customer is trying to achieve" value={j.objective ?? ''} onChange={set('objective')} />
      </div>
      <TextField id={id('owner')} label="Owner" value={j.owner ?? ''} onChange={set('owner')} />
      <SelectField id={id('status')} label="Status" value={j.status} options={OPTIONS.journeyStatus} onChange={(status) => dispatch({ type: 'setStatus', status })} />
      <DateField id={id('updated')} label="Updated" value={j.updated ?? ''} onChange={set('updated')} />
      <DateField id={id('reviewBy')} label="Review by" value={j.reviewBy ?? ''} onChange={set('reviewBy')} />
      <div class="span-2">
        <ParsedField id={id('tags')} label="Tags" hint="Separate tags with commas" value={j.tags} {...commas} onChange={(tags) => dispatch({ type: 'setTags', tags })} />
      </div>
    </div>
  );
}
