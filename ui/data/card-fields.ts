// Which card details mean something for a lane type: the ones the map draws for it
// (shared/layout/cards.ts). A detail that already has a value is shown whatever the lane, so
// nothing a file brought in is hidden.
import type { Card, LaneType } from '../../shared/model';

export type CardDetail = 'channel' | 'owner' | 'priority' | 'status' | 'effort' | 'value';

export const DETAILS_BY_LANE: Record<LaneType, readonly CardDetail[]> = {
  actions: [],
  thoughts: [],
  text: [],
  metrics: [],
  emotion: [],
  touchpoints: ['channel', 'owner'],
  backstage: ['owner', 'status'],
  painPoints: ['owner', 'priority', 'status'],
  opportunities: ['owner', 'priority', 'status', 'effort', 'value'],
};

const ALL: readonly CardDetail[] = ['channel', 'owner', 'priority', 'status', 'effort', 'value'];

export function detailsFor(card: Card, laneType: LaneType | undefined): CardDetail[] {
  const meant = laneType ? DETAILS_BY_LANE[laneType] : ALL;
  return ALL.filter((d) => meant.includes(d) || card[d] !== undefined);
}
