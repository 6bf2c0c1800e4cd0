// A card's details in a side sheet over the panel: where it is (lane, step, and buttons to move
// it), then only the fields that mean something for its lane's type, its metric (on a metrics
// lane, or when it has one), the note and the evidence.
// Esc or Close puts the focus back on the card's Details button.
import { useEffect, useRef } from 'preact/hooks';
import type { Card, Journey } from '../../shared/model';
import { detailsFor, type CardDetail } from '../data/card-fields';
import { LANE_TYPE_LABELS, OPTIONS } from '../data/labels';
import { cardPlace } from '../data/problem-words';
import type { CardPatch } from '../state/draft-reducer';
import { fieldId } from '../state/paths';
import { CardEvidence } from './card-evidence';
import { cardName, detailsButtonId } from './card-editor';
import { useEditor } from './editor-context';
import { OptionalSelectField, SelectField, TextField } from './fields';
import { cardMoves } from './card-moves';
import { CardMetric } from './metric-editor';

export function CardSheet({ card }: { card: Card }) {
  const { journey: j, dispatch, openSheet } = useEditor();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), [card.id]);
  const close = () => {
    openSheet(null);
    requestAnimationFrame(() => document.getElementById(detailsButtonId(card.id))?.focus());
  };
  const lane = j.lanes.find((l) => l.id === card.laneId);
  const id = (f: string) => fieldId('card', card.id, f);
  return (
    <div class="sheet-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <div class="sheet" role="dialog" aria-modal="true" aria-labelledby="jm-sheet-title" onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), close())}>
        <div class="sheet-head">
          <h2 id="jm-sheet-title" tabIndex={-1} ref={heading}>
            Details of {cardName(card)}
          </h2>
          <button type="button" class="secondary small" onClick={close}>
            Close
          </button>
        </div>
        <p class="muted">
          {lane ? LANE_TYPE_LABELS[lane.type] : 'No lane'} card in {cardPlace(j, card)}
        </p>
        <details class="sheet-group" open>
          <summary>Place</summary>
          <PlaceFields card={card} journey={j} />
        </details>
        <div class="form-grid">
          {detailsFor(card, lane?.type).map((d) => (
            <DetailField key={d} card={card} detail={d} />
          ))}
          <div class="span-2">
            <TextField id={id('note')} label="Note" multiline value={card.note ?? ''} onChange={(v) => dispatch({ type: 'updateCard', id: card.id, patch: { note: v || undefined } })} />
          </div>
        </div>
        <CardMetric card={card} laneType={lane?.type} />
        <CardEvidence card={card} />
      </div>
    </div>
  );
}

function PlaceFields({ card, journey: j }: { card: Card; journey: Journey }) {
  const { dispatch } = useEditor();
  const stepOptions = j.stages.flatMap((s) => s.steps.map((st) => ({ value: st.id, label: `${s.name} › ${st.name}` })));
  const laneOptions = j.lanes.filter((l) => l.type !== 'emotion').map((l) => ({ value: l.id, label: l.label || l.id }));
  const moves = cardMoves(j, card, dispatch);
  const name = cardName(card);
  return (
    <div class="stack">
      <div class="form-grid">
        <SelectField id={fieldId('card', card.id, 'laneId')} label="Lane" value={card.laneId} options={laneOptions} onChange={(laneId) => dispatch({ type: 'moveCardTo', id: card.id, laneId, stepId: card.stepId })} />
        <SelectField id={fieldId('card', card.id, 'stepId')} label="Step" value={card.stepId} options={stepOptions} onChange={(stepId) => dispatch({ type: 'moveCardTo', id: card.id, laneId: card.laneId, stepId })} />
      </div>
      <div class="button-row" role="group" aria-label={`Move ${name}`}>
        {moves.map((m) => (
          <button key={m.label} type="button" class="secondary small" disabled={!m.run} aria-label={`Move ${name} ${m.label}`} onClick={() => m.run?.()}>
            <span aria-hidden="true">{m.icon}</span> {m.short}
          </button>
        ))}
      </div>
    </div>
  );
}

function DetailField({ card, detail }: { card: Card; detail: CardDetail }) {
  const { dispatch } = useEditor();
  const id = fieldId('card', card.id, detail);
  const set = (patch: CardPatch) => dispatch({ type: 'updateCard', id: card.id, patch });
  switch (detail) {
    case 'channel':
      return <OptionalSelectField id={id} label="Channel" value={card.channel} options={OPTIONS.channel} onChange={(channel) => set({ channel })} />;
    case 'owner':
      return <TextField id={id} label="Owner" value={card.owner ?? ''} onChange={(v) => set({ owner: v || undefined })} />;
    case 'priority':
      return <OptionalSelectField id={id} label="Priority" value={card.priority} options={OPTIONS.priority} onChange={(priority) => set({ priority })} />;
    case 'status':
      return <OptionalSelectField id={id} label="Status" value={card.status} options={OPTIONS.workStatus} onChange={(status) => set({ status })} />;
    case 'effort':
    case 'value': {
      const v = card[detail];
      const label = detail === 'effort' ? 'Effort (1–5)' : 'Value (1–5)';
      return <OptionalSelectField id={id} label={label} value={v === undefined ? undefined : String(v)} options={OPTIONS.score} onChange={(s) => set({ [detail]: s === undefined ? undefined : Number(s) })} />;
    }
  }
}
