/** A copy of `items` with the one at `from` moved to `to` (both clamped into the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = items.slice();
  if (from < 0 || from >= copy.length) return copy;
  const target = Math.max(0, Math.min(copy.length - 1, to));
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/** What the live region says after a move: `Step “X” moved to position 2 of 5.` */
export function moveAnnouncement(title: string, position: number, total: number): string {
  return `Step “${title}” moved to position ${position} of ${total}.`;
}

/**
 * Where a dragged step lands: the index among the steps whose vertical middle the pointer has
 * passed. `middles` are the middles of every step's box, in order, the dragged one included.
 */
export function dropIndex(middles: readonly number[], from: number, pointerY: number): number {
  let index = 0;
  middles.forEach((middle, i) => {
    if (i !== from && pointerY > middle) index++;
  });
  return index;
}

/** The ids in their new order, or null when the move changes nothing. */
export function reorderedIds(ids: readonly string[], from: number, to: number): string[] | null {
  if (from === to || from < 0 || from >= ids.length) return null;
  const next = moveItem(ids, from, to);
  return next.every((id, i) => id === ids[i]) ? null : next;
}
