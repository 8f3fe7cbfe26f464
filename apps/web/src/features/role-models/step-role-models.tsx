import type { StepRoleModel } from "@cando/core";
import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/client";
import { byStep, didLine } from "./role-model-words";

/** On a step card: who did this step before me, and when in their journey. */
export function StepRoleModels(props: { entries: readonly StepRoleModel[] | undefined }) {
  const entries = props.entries ?? [];
  if (entries.length === 0) return null;
  return (
    <div class="step-role-models">
      <p class="step-role-models-title">Who did this step</p>
      <ul class="plain-list">
        {entries.map((e) => (
          <li key={e.roleModelStepId}>
            <a href={`/role-models#rm-${e.roleModelId}`}>{e.name}</a>: {didLine(e)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The role-model entries of a goal's steps, by step id (empty until loaded, or on failure). */
export function useStepRoleModels(goalId: string): Map<string, StepRoleModel[]> {
  const [map, setMap] = useState<Map<string, StepRoleModel[]>>(() => new Map());
  useEffect(() => {
    let current = true;
    api
      .get<{ steps: StepRoleModel[] }>(`/api/goals/${encodeURIComponent(goalId)}/role-models`)
      .then(
        (body) => current && setMap(byStep(body.steps)),
        () => {
          // Who did a step is an extra on the card: without it the ladder still works.
        },
      );
    return () => {
      current = false;
    };
  }, [goalId]);
  return map;
}
