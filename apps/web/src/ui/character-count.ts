/** What a field's counter says: how many characters are left, or how many are too many. */
export type CountState = { text: string; over: boolean; show: boolean };

/**
 * The counter under a field with a length limit. Nothing is ever cut: text past the limit stays
 * in the field, the counter says by how much it is over, and the form (or the API) refuses it.
 * A `quiet` counter (passwords, e-mail) appears only near the limit.
 */
export function countState(length: number, limit: number, quiet = false): CountState {
  const over = length > limit;
  const show = !quiet || length >= Math.floor(limit * 0.8);
  if (over) {
    const excess = length - limit;
    return {
      text: `${excess} ${excess === 1 ? "character" : "characters"} too many (limit ${limit})`,
      over,
      show,
    };
  }
  return { text: `${length} of ${limit} characters`, over, show };
}

/** The id of a field's counter, for aria-describedby. */
export const countId = (fieldId: string) => `${fieldId}-count`;
