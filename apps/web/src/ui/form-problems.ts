import type { FieldProblem } from "@cando/core";
import { fieldMessage } from "./format";

export type FormProblems<K extends string> = {
  /** One message per form field, already phrased with the field's label. */
  fields: Partial<Record<K, string>>;
  /** Problems no field of the form shows: they go in the summary. */
  other: string[];
};

/**
 * Places the API's field problems on a form's fields: a path goes to the longest of its
 * prefixes the form has a label for (`attributions.luck`, else `attributions`), keeping the
 * first problem per field; the rest are returned for the summary.
 */
export function placeProblems<K extends string>(
  problems: readonly FieldProblem[],
  labels: Record<K, string>,
): FormProblems<K> {
  const placed: FormProblems<K> = { fields: {}, other: [] };
  for (const problem of problems) {
    const parts = problem.path.split(".");
    let field: K | undefined;
    for (let n = parts.length; n > 0 && field === undefined; n--) {
      const prefix = parts.slice(0, n).join(".");
      if (Object.hasOwn(labels, prefix)) field = prefix as K;
    }
    if (field === undefined) {
      placed.other.push(
        problem.path === "" ? problem.message : fieldMessage(problem.path, problem.message),
      );
    } else {
      placed.fields[field] ??= fieldMessage(labels[field], problem.message);
    }
  }
  return placed;
}

/** The fields with a problem, in the order the form shows them. */
export function fieldsWithProblems<K extends string>(
  order: readonly K[],
  fields: Partial<Record<K, string>>,
): K[] {
  return order.filter((k) => fields[k] !== undefined);
}
