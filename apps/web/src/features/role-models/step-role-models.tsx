import type { StepRoleModel } from "@cando/core";
import { didLine } from "./role-model-words";

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
