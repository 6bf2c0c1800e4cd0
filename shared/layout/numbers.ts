// How metric numbers are typeset on the map: a unit that is a sign ("%", "‰", "/day") sits right
// after the number, a word ("days", "NPS") after a space; and whether a value met its target, in
// the metric's direction (higher or lower is better).
import type { Metric } from '../model/types';

/** The unit as it follows a number: no space before "%", "‰", "‱" or "/". */
export const unitAfter = (unit: string | undefined): string => (!unit ? '' : /^[%‰‱/]/.test(unit) ? unit : ` ${unit}`);

/** A number with its unit: "41%", "6.5 days", "3/5". */
export const withUnit = (n: number, unit: string | undefined, format: (n: number) => string = String): string => `${format(n)}${unitAfter(unit)}`;

export type Direction = NonNullable<Metric['direction']>;

/** Whether `value` meets `target`: at least the target, or at most it when lower is better. */
export const targetMet = (value: number, target: number, direction: Direction | undefined): boolean =>
  direction === 'lower-is-better' ? value <= target : value >= target;

/** How far the bar towards the target is filled, 0..1: value/target, or target/value when lower is better. */
export function progressToTarget(value: number, target: number, direction: Direction | undefined): number {
  const clamp = (r: number) => (Number.isFinite(r) ? Math.max(0, Math.min(1, r)) : 0);
  if (direction !== 'lower-is-better') return target > 0 ? clamp(value / target) : value >= target ? 1 : 0;
  if (value <= target) return 1;
  return value > 0 && target > 0 ? clamp(target / value) : 0;
}

/** "target ≥ 60%" or "target ≤ 5%", the sign saying which way is better. */
export const targetText = (target: number, unit: string | undefined, direction: Direction | undefined, format?: (n: number) => string): string =>
  `target ${direction === 'lower-is-better' ? '≤' : '≥'} ${withUnit(target, unit, format)}`;
