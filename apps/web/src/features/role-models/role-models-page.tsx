import type { LinkedStep, RoleModel } from "@cando/core";
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { Card } from "../../ui/card";
import { LoadError, Loading } from "../../ui/feedback";
import { Page } from "../../ui/page";
import { RoleModelCard } from "./role-model-card";
import { RoleModelForm } from "./role-model-form";
import "./role-models.css";

type Data = { roleModels: RoleModel[]; linkable: LinkedStep[] };

/** `/role-models`: the people I learn from, how similar they are, and what they did. */
export function RoleModelsPage() {
  const { state, reload, set } = useLoad(() => api.get<Data>("/api/role-models"));
  const [status, setStatus] = useState("");
  return (
    <Page title="Role models">
      <p class="muted">
        Watching someone like you succeed, a step or two ahead, builds belief that you can too.
      </p>
      <p class="status-line" role="status">
        {status}
      </p>
      {state.status === "loading" && <Loading what="your role models" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <>
          <section aria-labelledby="role-models-heading">
            <h2 id="role-models-heading">Your role models</h2>
            {state.data.roleModels.length === 0 ? (
              <p class="muted">None yet. Who started where you are, and is a little ahead?</p>
            ) : (
              <ul class="plain-list role-model-list">
                {state.data.roleModels.map((m) => (
                  <RoleModelCard
                    key={m.id}
                    roleModel={m}
                    linkable={state.data.linkable}
                    onChange={(next) =>
                      set({
                        ...state.data,
                        roleModels: state.data.roleModels.map((r) => (r.id === next.id ? next : r)),
                      })
                    }
                    onDeleted={(gone) => {
                      set({
                        ...state.data,
                        roleModels: state.data.roleModels.filter((r) => r.id !== gone.id),
                      });
                      setStatus(`${gone.name} is deleted.`);
                      document.getElementById("role-models-heading")?.focus();
                    }}
                  />
                ))}
              </ul>
            )}
          </section>
          <Card id="add-role-model" title="Add a role model">
            <RoleModelForm
              onSaved={(m) => {
                set({ ...state.data, roleModels: [...state.data.roleModels, m] });
                setStatus(`${m.name} is added to your role models.`);
              }}
            />
          </Card>
        </>
      )}
    </Page>
  );
}
