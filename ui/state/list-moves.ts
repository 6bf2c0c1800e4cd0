// Reordering helpers shared by the draft reducer and the view actions.

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item === undefined) return out;
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item);
  return out;
}

export function moveBy<T extends { id: string }>(list: readonly T[], id: string, by: number): readonly T[] {
  const from = list.findIndex((x) => x.id === id);
  const to = Math.max(0, Math.min(list.length - 1, from + by));
  if (from < 0 || to === from) return list;
  return move(list, from, to);
}
