// Results in journey terms: what was drawn, counted as the designer counts it.
import type { Journey } from '../../shared/model';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "4 stages, 9 steps, 16 cards". */
export function journeySize(j: Journey): string {
  const steps = j.stages.reduce((n, s) => n + s.steps.length, 0);
  return `${count(j.stages.length, 'stage')}, ${count(steps, 'step')}, ${count(j.cards.length, 'card')}`;
}

export function changesWord(n: number): string {
  return count(n, 'change');
}
