// One card in a grid cell: its text, move buttons, and the rest (lane, step, channel, owner,
// priority, status, effort, value, note, evidence) under a "Details" disclosure.
import { useState } from 'preact/hooks';
import { CHANNELS, CONFIDENCE_LEVELS, EVIDENCE_KINDS, PRIORITIES, WORK_STATUSES, type Card } from '../../shared/model';
import type { CardPatch } from '../state/draft-reducer';
import { fieldId } from '../state/paths';
import { useEditor } from './editor-context';
import { IconButton, SelectField, TextField, type Option } from './fields';

const words = (s: string) => s.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
const opts = (list: readonly string[]): Option[] => list.map((v) => ({ value: v, label: words(v) }));
const SCORE = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }));

export interface CardMoves {
  /** Moves within the cell (-1 up, +1 down) or to the neighbouring step (-1 left, +1 right). */
  up?: () => void;
  down?: () => void;
  left?: () => void;
  right?: () => void;
}

export function moveButtonId(cardId: string, dir: keyof CardMoves): string {
  return fieldId('card', cardId, 'move', dir);
}

export function CardEditor({ card, context, moves, openDetails }: { card: Card; context: string; moves: CardMoves; openDetails?: boolean }) {
  const { journey: j, dispatch, invalid } = useEditor();
  const id = (f: string) => fieldId('card', card.id, f);
  const set = (patch: CardPatch) => dispatch({ type: 'updateCard', id: card.id, patch });
  const stepOptions = j.stages.flatMap((s) => s.steps.map((st) => ({ value: st.id, label: `${s.name} › ${st.name}` })));
  const laneOptions = j.lanes.filter((l) => l.type !== 'emotion').map((l) => ({ value: l.id, label: l.label || l.id }));
  const chips = [card.priority, card.status && words(card.status), card.owner].filter(Boolean).join(' · ');
  const label = card.text.trim() ? `card "${card.text.trim().slice(0, 30)}"` : 'empty card';
  const moveButton = (dir: keyof CardMoves, icon: string, words: string) => {
    const fn = moves[dir];
    return (
      <button type="button" id={moveButtonId(card.id, dir)} class="icon-button" aria-label={`Move ${label} ${words}`} title={`Move ${words}`} disabled={!fn} onClick={() => fn?.()}>
        <span aria-hidden="true">{icon}</span>
      </button>
    );
  };
  return (
    <div class={`card${card.priority ? ` priority-${card.priority}` : ''}`}>
      <TextField id={id('text')} label={`Card text, ${context}`} hideLabel multiline rows={Math.min(6, Math.max(2, Math.ceil(card.text.length / 24)))} value={card.text} invalid={invalid.has(id('text'))} placeholder="Write the card…" onChange={(text) => set({ text })} />
      <div class="card-tools">
        {moveButton('up', '↑', 'up')}
        {moveButton('down', '↓', 'down')}
        {moveButton('left', '←', 'to the previous step')}
        {moveButton('right', '→', 'to the next step')}
        <span class="spacer" />
        <IconButton label={`Remove ${label}`} icon="✕" danger onClick={() => dispatch({ type: 'removeCard', id: card.id })} />
      </div>
      <details class="card-more" open={openDetails}>
        <summary>
          Details{chips && <span class="muted"> · {chips}</span>}
          {card.evidence.length > 0 && <span class="muted"> · {card.evidence.length} evidence</span>}
        </summary>
        <div class="form-grid">
          <SelectField id={id('laneId')} label="Lane" value={card.laneId} options={laneOptions} invalid={invalid.has(id('laneId'))} onChange={(laneId) => dispatch({ type: 'moveCardTo', id: card.id, laneId, stepId: card.stepId })} />
          <SelectField id={id('stepId')} label="Step" value={card.stepId} options={stepOptions} invalid={invalid.has(id('stepId'))} onChange={(stepId) => dispatch({ type: 'moveCardTo', id: card.id, laneId: card.laneId, stepId })} />
          <TextField id={id('owner')} label="Owner" value={card.owner ?? ''} invalid={invalid.has(id('owner'))} onChange={(v) => set({ owner: v || undefined })} />
          <SelectField id={id('priority')} label="Priority" value={card.priority ?? ''} emptyLabel="None" options={opts(PRIORITIES)} onChange={(v) => set({ priority: (v || undefined) as Card['priority'] })} />
          <SelectField id={id('status')} label="Status" value={card.status ?? ''} emptyLabel="None" options={opts(WORK_STATUSES)} onChange={(v) => set({ status: (v || undefined) as Card['status'] })} />
          <SelectField id={id('channel')} label="Channel" value={card.channel ?? ''} emptyLabel="None" options={opts(CHANNELS)} onChange={(v) => set({ channel: (v || undefined) as Card['channel'] })} />
          <SelectField id={id('effort')} label="Effort (1–5)" value={card.effort?.toString() ?? ''} emptyLabel="None" options={SCORE} onChange={(v) => set({ effort: v ? Number(v) : undefined })} />
          <SelectField id={id('value')} label="Value (1–5)" value={card.value?.toString() ?? ''} emptyLabel="None" options={SCORE} onChange={(v) => set({ value: v ? Number(v) : undefined })} />
          <div class="span-2">
            <TextField id={id('note')} label="Note" multiline value={card.note ?? ''} invalid={invalid.has(id('note'))} onChange={(v) => set({ note: v || undefined })} />
          </div>
          <div class="span-2">
            <CardEvidence card={card} />
          </div>
        </div>
      </details>
    </div>
  );
}

function CardEvidence({ card }: { card: Card }) {
  const { journey: j, dispatch, invalid } = useEditor();
  const [source, setSource] = useState('');
  const [kind, setKind] = useState<(typeof EVIDENCE_KINDS)[number]>('interview');
  const [confidence, setConfidence] = useState<(typeof CONFIDENCE_LEVELS)[number]>('observed');
  const groupId = fieldId('card', card.id, 'evidence');
  const missing = card.evidence.filter((e) => !j.evidence.some((x) => x.id === e));
  return (
    <fieldset class="evidence-box" id={groupId} tabIndex={-1} aria-invalid={invalid.has(groupId) || undefined}>
      <legend class="field-label">Evidence</legend>
      {j.evidence.length === 0 && <p class="muted">No evidence in this journey yet.</p>}
      {j.evidence.map((e) => {
        const cid = `${groupId}-${e.id}`;
        return (
          <div class="field-check" key={e.id}>
            <input
              id={cid}
              type="checkbox"
              checked={card.evidence.includes(e.id)}
              onChange={(ev) => dispatch({ type: 'setCardEvidence', cardId: card.id, evidenceId: e.id, attached: ev.currentTarget.checked })}
            />
            <label for={cid}>
              {e.source} <span class="muted">({words(e.kind)}, {e.confidence})</span>
            </label>
          </div>
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
        <SelectField id={`${groupId}-new-kind`} label="Kind" value={kind} options={opts(EVIDENCE_KINDS)} onChange={(v) => setKind(v as typeof kind)} />
        <SelectField id={`${groupId}-new-confidence`} label="Confidence" value={confidence} options={opts(CONFIDENCE_LEVELS)} onChange={(v) => setConfidence(v as typeof confidence)} />
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
