// One card in the grid or the lane list: its text, a grip to drag it to another place, "Details"
// (opens the side sheet) and Remove. Moving by keyboard is in the sheet.
import type { Card } from '../../shared/model';
import { PRIORITY_LABELS, STATUS_LABELS } from '../data/labels';
import { fieldId } from '../state/paths';
import { useEditor } from './editor-context';
import { IconButton, TextField } from './fields';
import { dragHandle, dropTarget } from './reorder';

export const cardTextId = (cardId: string) => fieldId('card', cardId, 'text');
export const detailsButtonId = (cardId: string) => fieldId('card', cardId, 'details');

/** "card “Sees Instagram ad”" or "empty card", for the names of its buttons. */
export function cardName(card: Card): string {
  const t = card.text.trim();
  return t ? `card “${t.length > 30 ? `${t.slice(0, 29)}…` : t}”` : 'empty card';
}

export function CardEditor({ card, where, onDropCard }: {
  card: Card;
  /** Where the card is, for its label: "Actions at Discover › Sees ad, 2 of 3". */
  where: string;
  /** Another card was dropped on this one: it takes this card's place. */
  onDropCard(draggedId: string): void;
}) {
  const { dispatch, openSheet, sheetCard } = useEditor();
  const name = cardName(card);
  const evidence = card.evidence.length ? `${card.evidence.length} evidence` : '';
  const chips = [card.priority && PRIORITY_LABELS[card.priority], card.status && STATUS_LABELS[card.status], card.owner, evidence].filter(Boolean).join(' · ');
  return (
    <div class={`card drag-item${card.priority ? ` priority-${card.priority}` : ''}`} {...dropTarget('card', onDropCard)}>
      <TextField id={cardTextId(card.id)} label={`Card text, ${where}`} hideLabel multiline rows={Math.min(6, Math.max(2, Math.ceil(card.text.length / 22)))} value={card.text} placeholder="Write the card…" onChange={(text) => dispatch({ type: 'updateCard', id: card.id, patch: { text } })} />
      {chips && <p class="card-chips">{chips}</p>}
      <div class="card-tools">
        <span class="drag-handle" title={`Drag ${name} to another place`} aria-hidden="true" {...dragHandle('card', card.id)}>
          ⠿
        </span>
        <button type="button" id={detailsButtonId(card.id)} class="details-button" aria-haspopup="dialog" aria-expanded={sheetCard === card.id} onClick={() => openSheet(card.id)}>
          Details<span class="visually-hidden">{` of ${name}, ${where}`}</span>
        </button>
        <span class="spacer" />
        <IconButton label={`Remove ${name}, ${where}`} icon="✕" danger onClick={() => dispatch({ type: 'removeCard', id: card.id })} />
      </div>
    </div>
  );
}
