import { createHash } from "node:crypto";
import { type Db, OWNERSHIP, sqlTableName, type TableName } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import {
  attemptBody,
  buildTestApp,
  signedUp,
  TestClient,
  type TestClock,
  uniqueEmail,
} from "../test-support";
import { type OpenApiDoc, operations, sample } from "./openapi-samples";

// The route × role matrix: every documented operation (read from the OpenAPI document, so a new
// route cannot be forgotten) is sent by every kind of caller, aimed at one person's data. Nobody
// but the owner may change it, and nobody may read more of it than a live grant shares — in item
// routes and in every list, search and count.

/** Text only the owner's data holds, each in one place, so a leak names where it came from. */
const M = {
  goal: "SECRETGOALA",
  outcome: "SECRETOUTCOME",
  step: "SECRETSTEP",
  note: "SECRETNOTE",
  debrief: "SECRETDEBRIEF",
  evidence: "SECRETEVIDENCE",
  reflection: "SECRETREFLECTION",
  audit: "SECRETAUDIT",
  domain: "SECRETDOMAIN",
  practice: "SECRETPRACTICE",
  goalB: "SECRETGOALB",
  label: "SECRETLABEL",
  roleModel: "SECRETROLEMODEL",
  feedback: "SECRETFEEDBACK",
};

/** Operations on the caller's own account only (no one else's id can be named): sent last. */
const OWN_ACCOUNT_LAST = [
  "POST /api/account/sessions/end-others",
  "POST /api/account/password",
  "POST /api/account/email",
  "POST /api/account/delete",
  "POST /api/auth/logout",
];

/** Path parameters that are not someone's data: tokens, days. */
const NOT_DATA_PARAMS = new Set(["token", "day", "weekEnd", "sessionId"]);

/** The callers besides the owner, each made in the set-up below. */
const ROLE_NAMES = [
  "another user",
  "supporter without a grant (of someone else)",
  "supporter with a grant on another goal",
  "coach with a grant, debriefs and evidence off",
  "revoked supporter",
  "holder of a used or expired link",
  "anonymous",
];

interface Role {
  name: string;
  client: TestClient;
  /** Where this role may read the owner's goal A, and what of it (all else stays forbidden). */
  sees?: { routes: RegExp; allowed: string[] };
}

/** A fingerprint of every row the owner owns (sessions aside: their last-seen time slides). */
async function ownerChecksum(db: Db, ownerId: string): Promise<string> {
  const hash = createHash("sha256");
  for (const [table, owner] of Object.entries(OWNERSHIP) as [
    TableName,
    (typeof OWNERSHIP)[TableName],
  ][]) {
    if (table === "sessions") continue;
    const name = sqlTableName(table);
    const rows =
      "column" in owner
        ? await sql<Record<string, unknown>>`select * from ${sql.table(name)}
            where ${sql.ref(sqlTableName(owner.column))} = ${ownerId}`.execute(db)
        : await sql<Record<string, unknown>>`select t.* from ${sql.table(name)} t
            join ${sql.table(sqlTableName(owner.through))} p on p.${sql.ref(owner.parentKey)} = t.${sql.ref(owner.key)}
            where p.user_id = ${ownerId}`.execute(db);
    hash.update(name);
    for (const row of rows.rows.map((r) => JSON.stringify(r)).sort()) hash.update(row);
  }
  return hash.digest("hex");
}

describeEachDatabase("authorization: the route × role matrix", (db) => {
  let app: ReturnType<typeof buildTestApp>["app"];
  let clock: TestClock;
  let doc: OpenApiDoc;
  let owner: TestClient;
  let ownerId: string;
  let ownerEmail: string;
  /** The owner's ids, by the parameter and field names the API uses. */
  const ids = {} as Record<string, string> & { goalId: string; goalBId: string; stepId: string };
  let stepIds: string[] = [];
  const roles: Role[] = [];
  let full: TestClient;
  let revoked: TestClient;
  let revokedGrant: string;
  let cells = 0;

  const invite = async (goalId: string, role = "supporter") => {
    const res = await owner.post("/api/invitations", { goalId, role, label: M.label });
    expect(res.status, "invitation").toBe(201);
    return res.body as { token: string; invitation: { id: string } };
  };
  const joinWith = async (token: string) => {
    const client = await signedUp(app, uniqueEmail("supporter"));
    expect((await client.post("/api/invitations/accept", { token })).status, "accept").toBe(200);
    return client;
  };
  const grantOf = async (goalId: string, client: TestClient) => {
    const email = (await client.get("/api/me")).body.user.email as string;
    const grants = (await owner.get(`/api/goals/${goalId}/grants`)).body.grants as {
      id: string;
      supporterEmail: string;
    }[];
    return grants.find((g) => g.supporterEmail === email)?.id ?? "";
  };

  beforeAll(async () => {
    const built = buildTestApp(db());
    app = built.app;
    clock = built.clock;
    ownerEmail = uniqueEmail("owner");
    owner = await signedUp(app, ownerEmail);
    ownerId = (await owner.get("/api/me")).body.user.id;
    doc = (await owner.get("/api/openapi.json")).body;

    // The owner's data, every piece marked.
    const domain = await owner.post("/api/domains", { name: M.domain });
    ids.domainId = domain.body.domain.id;
    const domains = (await owner.get("/api/domains")).body.domains as { id: string }[];
    const audit = await owner.post("/api/audits", {
      ratings: domains.map((d) => ({ domainId: d.id, rating: 50 })),
      note: M.audit,
    });
    ids.auditId = audit.body.audit.id;
    const goal = await owner.post("/api/goals", {
      domainId: ids.domainId,
      statement: `I can ${M.goal} a talk`,
      outcome: M.outcome,
    });
    ids.goalId = goal.body.goal.id;
    const ladder = await owner.call("PUT", `/api/goals/${ids.goalId}/ladder`, {
      steps: [80, 60, 40].map((confidence, i) => ({ title: `${M.step} ${i}`, confidence })),
    });
    stepIds = ladder.body.ladder.steps.map((s: { id: string }) => s.id);
    ids.stepId = stepIds[0] as string;
    const attempt = await owner.post(
      "/api/attempts",
      attemptBody(ids.stepId, { note: M.note, attemptedAt: "2026-11-21T09:00:00.000Z" }),
    );
    ids.attemptId = attempt.body.attempt.id;
    const debrief = await owner.call("PUT", `/api/attempts/${ids.attemptId}/debrief`, {
      didWell: M.debrief,
      capability: M.debrief,
      differently: M.debrief,
      attributions: { effort: 3, strategy: 3, ability: 1, luck: 0, help: 0, easy: 0 },
    });
    expect(debrief.status, "debrief").toBe(200);
    const evidence = await owner.post("/api/evidence", {
      domainId: ids.domainId,
      goalId: ids.goalId,
      title: M.evidence,
      body: M.evidence,
      occurredOn: "2026-11-20",
      ownership: 80,
    });
    ids.evidenceId = evidence.body.evidence.id;
    expect(
      (await owner.call("PUT", "/api/reflections/2026-11-22", { learned: M.reflection })).status,
    ).toBe(200);
    expect(
      (
        await owner.post(`/api/goals/${ids.goalId}/practice`, {
          day: "2026-11-21",
          minutes: 20,
          what: M.practice,
        })
      ).status,
    ).toBe(201);
    const roleModel = await owner.post("/api/role-models", { name: M.roleModel, similarity: 70 });
    ids.roleModelId = roleModel.body.roleModel.id;
    const modelStep = await owner.post(`/api/role-models/${ids.roleModelId}/steps`, {
      what: M.roleModel,
      stepId: ids.stepId,
    });
    ids.roleModelStepId = modelStep.body.roleModel.steps[0].id;
    const milestones = (await owner.get("/api/milestones")).body.milestones as { id: string }[];
    ids.milestoneId = milestones[0]?.id ?? "milestone";
    const goalB = await owner.post("/api/goals", {
      domainId: ids.domainId,
      statement: `I can ${M.goalB}`,
      outcome: "",
    });
    ids.goalBId = goalB.body.goal.id;
    await owner.call("PUT", `/api/goals/${ids.goalBId}/ladder`, {
      steps: [{ title: "B one", confidence: 50 }],
    });
    // A deletion the owner could undo.
    const doomed = await owner.post("/api/evidence", {
      domainId: ids.domainId,
      title: M.evidence,
      occurredOn: "2026-11-20",
      ownership: 10,
    });
    const deleted = await owner.call("DELETE", `/api/evidence/${doomed.body.evidence.id}`);
    ids.deletionId = deleted.body.deletion?.id ?? deleted.body.undo?.deletionId ?? "deletion";

    // The callers.
    const other = await signedUp(app, uniqueEmail("other"));
    // A supporter, but of someone else.
    const third = await signedUp(app, uniqueEmail("third"));
    const thirdGoal = await third.post("/api/goals", {
      domainId: (await third.get("/api/domains")).body.domains[0].id,
      statement: "I can run",
      outcome: "",
    });
    const thirdInvite = await third.post("/api/invitations", {
      goalId: thirdGoal.body.goal.id,
      role: "supporter",
      label: "x",
    });
    const noGrant = await joinWith(thirdInvite.body.token);
    const otherGoal = await joinWith((await invite(ids.goalBId)).token);
    const sectionsOff = await joinWith((await invite(ids.goalId, "coach")).token);
    full = await joinWith((await invite(ids.goalId)).token);
    const fullGrant = await grantOf(ids.goalId, full);
    ids.grantId = fullGrant;
    await owner.patch(`/api/grants/${fullGrant}`, {
      debriefs: true,
      evidence: true,
      audits: true,
      reflections: true,
      credibility: 90,
    });
    // The full supporter's feedback on the attempt: in the owner's account, seen by no one else.
    const given = await full.post("/api/feedback", { attemptId: ids.attemptId, body: M.feedback });
    expect(given.status, "feedback").toBe(201);
    ids.feedbackId = (await owner.get(`/api/goals/${ids.goalId}/feedback`)).body.feedback[0].id;
    revoked = await joinWith((await invite(ids.goalId)).token);
    revokedGrant = await grantOf(ids.goalId, revoked);
    await owner.patch(`/api/grants/${revokedGrant}`, { debriefs: true, evidence: true });
    // Revocation is effective on the very next request.
    expect((await revoked.get(`/api/shared/goals/${ids.goalId}`)).status).toBe(200);
    expect((await owner.call("DELETE", `/api/grants/${revokedGrant}`)).status).toBe(200);
    expect((await revoked.get(`/api/shared/goals/${ids.goalId}`)).status).toBe(404);

    // Links that no longer work: one used by someone else, one that expires.
    const used = await invite(ids.goalId);
    await joinWith(used.token);
    const expiring = await invite(ids.goalId);
    const pending = await invite(ids.goalId);
    ids.invitationId = pending.invitation.id;
    clock.advanceDays(8);
    const lateInvitee = await signedUp(app, uniqueEmail("late"));
    for (const token of [used.token, expiring.token]) {
      const res = await lateInvitee.post("/api/invitations/accept", { token });
      expect(res.status, "dead link").toBe(400);
    }

    const goalView = [
      M.goal,
      M.outcome,
      M.step,
      ownerEmail,
      ids.goalId,
      ids.domainId,
      ids.attemptId,
      ...stepIds,
    ] as string[];
    // A coach also reads their coach view and the list of their own feedback on the goal.
    const shared = /^\/api\/(shared(\/goals\/\{goalId\})?|coach|goals\/\{goalId\}\/feedback)$/;
    roles.push(
      { name: "another user", client: other },
      { name: "supporter without a grant (of someone else)", client: noGrant },
      {
        name: "supporter with a grant on another goal",
        client: otherGoal,
        sees: { routes: /^\/api\/shared$/, allowed: [M.goalB, ownerEmail, ids.goalBId] },
      },
      {
        name: "coach with a grant, debriefs and evidence off",
        client: sectionsOff,
        sees: { routes: shared, allowed: goalView },
      },
      { name: "revoked supporter", client: revoked },
      { name: "holder of a used or expired link", client: lateInvitee },
      { name: "anonymous", client: new TestClient(app) },
    );
  }, 300_000);

  /** Everything of the owner's that must not show, as it would appear in JSON or HTML. */
  const secrets = () => [
    ...Object.values(M),
    ownerEmail,
    ...[...Object.values(ids), ...stepIds].map((id) => `"${id}"`),
  ];

  function requestFor(method: string, path: string, op: OpenApiDoc["paths"][string][string]) {
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(
        name === "day" ? "2026-11-23" : name === "weekEnd" ? "2026-11-22" : (ids[name] ?? "id-x"),
      ),
    );
    const query = (op.parameters ?? [])
      .filter((p) => p.in === "query")
      .map((p) => {
        const value =
          p.name === "q"
            ? "SECRET"
            : p.name === "goalIds"
              ? ids.goalId
              : (ids[p.name] ?? (p.required ? String(sample(doc, p.schema, p.name)) : undefined));
        return value === undefined ? "" : `${p.name}=${encodeURIComponent(value as string)}`;
      })
      .filter(Boolean)
      .join("&");
    const schema = op.requestBody?.content?.["application/json"]?.schema;
    const body = schema ? aimAtOwner(sample(doc, schema)) : undefined;
    return { method, url: query ? `${url}?${query}` : url, body };
  }

  /** A sample body whose ids name the owner's data (goalId, stepId, stepIds, domainId, …). */
  function aimAtOwner(value: unknown, key = ""): unknown {
    if (key === "stepIds" && Array.isArray(value)) return stepIds;
    if (typeof value === "string") return ids[key] ?? value;
    if (Array.isArray(value)) return value.map((v) => aimAtOwner(v, key));
    if (value !== null && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, aimAtOwner(v, k)]));
    return value;
  }

  function ordered() {
    const all = operations(doc);
    const key = ([m, p]: [string, string, unknown]) => `${m} ${p}`;
    return [
      ...all.filter((o) => !OWN_ACCOUNT_LAST.includes(key(o))),
      ...OWN_ACCOUNT_LAST.flatMap((k) => all.filter((o) => key(o) === k)),
    ];
  }

  it("documents every operation the matrix sends, and no route escapes it", () => {
    const all = operations(doc);
    expect(all.length).toBeGreaterThan(80);
    for (const k of OWN_ACCOUNT_LAST) expect(all.map(([m, p]) => `${m} ${p}`)).toContain(k);
  });

  it("the owner reads every item and list of their own", async () => {
    const wrong: string[] = [];
    for (const [method, path, op] of operations(doc)) {
      if (method !== "GET" || path === "/api/calendar/{token}") continue;
      const req = requestFor(method, path, op);
      const res = await owner.call(method, req.url);
      if (res.status !== 200) wrong.push(`${req.url} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("a supporter with every section on reads them on the shared goal (the markers are visible when shared)", async () => {
    const view = await full.get(`/api/shared/goals/${ids.goalId}`);
    expect(view.status).toBe(200);
    const text = JSON.stringify(view.body);
    for (const m of [M.goal, M.step, M.debrief, M.evidence, M.audit, M.reflection, M.domain])
      expect(text).toContain(m);
    // Not what is never shared: notes, practice, other goals.
    for (const m of [M.note, M.practice, M.goalB, M.label]) expect(text).not.toContain(m);
  });

  it("revocation holds: the revoked supporter's grant stays revoked and reads nothing", async () => {
    expect((await revoked.get(`/api/shared/goals/${ids.goalId}`)).status).toBe(404);
    expect((await owner.get(`/api/grants/${revokedGrant}/preview`)).status).toBe(409);
  });

  it.each(ROLE_NAMES)(
    "%s: reaches nothing of the owner's beyond the grant, changes nothing",
    async (name) => {
      const role = roles.find((r) => r.name === name) as Role;
      const before = await ownerChecksum(db(), ownerId);
      let after: string | undefined;
      const wrong: string[] = [];
      let sent = 0;
      let reached = 0;
      for (const [method, path, op] of ordered()) {
        // Deleting one's own account removes one's side of the sharing (the owner's grant row), so
        // the owner's data is compared just before the caller's own-account operations.
        if (after === undefined && OWN_ACCOUNT_LAST.includes(`${method} ${path}`))
          after = await ownerChecksum(db(), ownerId);
        const req = requestFor(method, path, op);
        const res = await role.client.call(req.method, req.url, req.body);
        sent++;
        const text = typeof res.body === "string" ? res.body : JSON.stringify(res.body);
        const allowed = role.sees?.routes.test(path) ? role.sees.allowed : [];
        const leaks = secrets().filter(
          (s) => text.includes(s) && !allowed.some((a) => s === a || s === `"${a}"`),
        );
        if (leaks.length > 0) wrong.push(`${method} ${req.url} leaks ${leaks.join(", ")}`);
        const namesData = [...path.matchAll(/\{(\w+)\}/g)].some(
          (m) => !NOT_DATA_PARAMS.has(m[1] ?? ""),
        );
        const anonymous = name === "anonymous";
        if (anonymous && op.security && res.status !== 401)
          wrong.push(`${method} ${req.url} → ${res.status} for an anonymous caller`);
        const granted = allowed.length > 0 && res.status === 200;
        if (granted) reached++;
        if (!anonymous && namesData && res.status !== 404 && !granted)
          wrong.push(`${method} ${req.url} → ${res.status}, not the 404 of a missing id`);
        if (res.status >= 500) wrong.push(`${method} ${req.url} → ${res.status}`);
      }
      expect(wrong, name).toEqual([]);
      // A grant is not vacuous: its holder did read the shared list (and the shared goal).
      expect(reached, "shared routes read").toBe(
        role.sees
          ? [...operations(doc)].filter(([m, p]) => m === "GET" && role.sees?.routes.test(p)).length
          : 0,
      );
      expect(after, `${name} changed the owner's data`).toBe(before);
      expect(sent).toBe(operations(doc).length);
      cells += sent;
    },
  );

  it("counts the matrix", () => {
    // Every operation × every caller above (the owner's reads and the full grant come on top).
    expect(cells).toBe(operations(doc).length * ROLE_NAMES.length);
    console.log(
      `route × role matrix: ${operations(doc).length} operations × ${ROLE_NAMES.length} callers = ${cells} requests`,
    );
  });
});
