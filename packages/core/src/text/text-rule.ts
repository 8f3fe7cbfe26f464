import type { FieldProblem } from "../errors";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a piece of text cannot be stored, or null when it can. */
export function textProblem(text: string): string | null {
  // PostgreSQL refuses U+0000 in text; SQLite stores it. Refused on both, so they agree.
  if (text.includes("\u0000")) return "must not contain the NUL character (U+0000)";
  // A lone UTF-16 surrogate is not Unicode text; the two databases would store it differently.
  if (LONE_SURROGATE.test(text)) return "must be valid Unicode text (it has a lone surrogate)";
  return null;
}

/**
 * Every string in a validated input (body, path parameters or query) that one of the two
 * databases would refuse or store differently, each named by its path (`ratings.0.note`).
 * The one text rule at the edge: the server applies it to every request it validates.
 */
export function textProblems(value: unknown, path: string[] = []): FieldProblem[] {
  const at = (p: string[]) => (p.length > 0 ? p.join(".") : "body");
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? [{ path: at(path), message: problem }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => textProblems(v, [...path, String(i)]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => {
      const keyProblem = textProblem(key);
      const own = keyProblem ? [{ path: at([...path, key]), message: keyProblem }] : [];
      return [...own, ...textProblems(v, [...path, key])];
    });
  }
  return [];
}
