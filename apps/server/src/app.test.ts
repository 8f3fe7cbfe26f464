import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { BODY_LIMIT_BYTES } from "./app";
import { buildTestApp, GOOD_PASSWORD, signedUp, TestClient, uniqueEmail } from "./test-support";

describeEachDatabase("the HTTP application", (db, kind) => {
  it("answers health with ok and nothing else (not which database runs)", async () => {
    const { app } = buildTestApp(db());
    const res = await new TestClient(app).get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(JSON.stringify(res.body)).not.toContain(kind);
  });

  it("documents every route in an OpenAPI 3.1 document built from the same schemas", async () => {
    const { app } = buildTestApp(db());
    const doc = (await new TestClient(app).get("/api/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        "POST /api/auth/signup",
        "POST /api/auth/login",
        "POST /api/auth/logout",
        "GET /api/me",
        "GET /api/me/target",
        "PUT /api/me/target",
        "GET /api/domains",
        "POST /api/domains",
        "PATCH /api/domains/{domainId}",
        "GET /api/audits",
        "POST /api/audits",
        "GET /api/audits/{auditId}",
        "GET /api/goals",
        "POST /api/goals",
        "GET /api/goals/{goalId}",
        "PATCH /api/goals/{goalId}",
        "PUT /api/goals/{goalId}/ladder",
        "POST /api/goals/{goalId}/steps",
        "PUT /api/goals/{goalId}/ladder/order",
        "GET /api/goals/{goalId}/ratings",
        "GET /api/goals/{goalId}/overview",
        "GET /api/goals/{goalId}/attempt-summaries",
        "PATCH /api/steps/{stepId}",
        "DELETE /api/steps/{stepId}",
        "POST /api/steps/{stepId}/ratings",
        "POST /api/attempts",
        "GET /api/attempts",
        "GET /api/attempts/{attemptId}",
        "PUT /api/attempts/{attemptId}/debrief",
        "GET /api/evidence",
        "POST /api/evidence",
        "GET /api/evidence/{evidenceId}",
        "PATCH /api/evidence/{evidenceId}",
        "PUT /api/evidence/{evidenceId}/reattribution",
        "GET /api/doubt",
        "GET /api/today/page",
        "GET /api/today",
        "GET /api/milestones",
        "POST /api/milestones/{milestoneId}/seen",
        "GET /api/insights",
        "PATCH /api/attempts/{attemptId}",
        "DELETE /api/attempts/{attemptId}",
        "DELETE /api/evidence/{evidenceId}",
        "GET /api/goals/{goalId}/contents",
        "DELETE /api/goals/{goalId}",
        "DELETE /api/audits/{auditId}",
        "POST /api/deletions/{deletionId}/restore",
        "GET /api/account",
        "PATCH /api/account/settings",
        "POST /api/account/password",
        "POST /api/account/email",
        "GET /api/account/sessions",
        "DELETE /api/account/sessions/{sessionId}",
        "POST /api/account/sessions/end-others",
        "POST /api/account/delete",
        "POST /api/account/reset-password",
        "GET /api/account/export",
        "GET /api/account/export.zip",
        "GET /api/account/export/schema.json",
        "POST /api/account/import",
        "GET /api/report.html",
        "GET /api/goals/{goalId}/practice",
        "POST /api/goals/{goalId}/practice",
        "PUT /api/goals/{goalId}/practice/target",
        "PUT /api/goals/{goalId}/practice/rest-days/{day}",
        "DELETE /api/goals/{goalId}/practice/rest-days/{day}",
        "GET /api/goals/{goalId}/plan",
        "GET /api/goals/{goalId}/rerating",
        "GET /api/rhythm/today",
        "GET /api/rhythm/settings",
        "PATCH /api/rhythm/settings",
        "GET /api/reflections/week",
        "PUT /api/reflections/{weekEnd}",
        "GET /api/reflections",
        "POST /api/reflections/{weekEnd}/evidence",
        "GET /api/rhythm/calendar",
        "POST /api/rhythm/calendar",
        "DELETE /api/rhythm/calendar",
        "GET /api/calendar/{token}",
        "GET /api/role-models",
        "POST /api/role-models",
        "GET /api/role-models/{roleModelId}",
        "PATCH /api/role-models/{roleModelId}",
        "DELETE /api/role-models/{roleModelId}",
        "POST /api/role-models/{roleModelId}/steps",
        "PATCH /api/role-model-steps/{roleModelStepId}",
        "DELETE /api/role-model-steps/{roleModelStepId}",
        "GET /api/goals/{goalId}/role-models",
        "POST /api/feedback",
        "GET /api/goals/{goalId}/feedback",
        "PATCH /api/feedback/{feedbackId}",
        "POST /api/feedback/{feedbackId}/evidence",
        "GET /api/notifications",
        "GET /api/notifications/unread",
        "POST /api/notifications/read",
        "GET /api/coach",
        "POST /api/invitations",
        "GET /api/invitations",
        "DELETE /api/invitations/{invitationId}",
        "POST /api/invitations/accept",
        "GET /api/goals/{goalId}/grants",
        "PATCH /api/grants/{grantId}",
        "DELETE /api/grants/{grantId}",
        "GET /api/grants/{grantId}/preview",
        "GET /api/shared",
        "GET /api/shared/goals/{goalId}",
        "GET /api/routines",
        "PUT /api/routines/default",
        "PUT /api/goals/{goalId}/routine",
        "DELETE /api/goals/{goalId}/routine",
        "GET /api/steps/{stepId}/prepare",
        "POST /api/routine-runs",
        "POST /api/attempt-starts",
        "GET /api/attempt-starts",
        "POST /api/attempt-starts/{startId}/finish",
        "DELETE /api/attempt-starts/{startId}",
      ].sort(),
    );
    const rating =
      doc.paths["/api/audits"].post.requestBody.content["application/json"].schema.properties
        .ratings.items.properties.rating;
    expect(rating).toMatchObject({ minimum: 0, maximum: 100 });
    expect(doc.components.schemas.Error).toBeDefined();
    expect(doc.components.securitySchemes.session).toMatchObject({ in: "cookie" });
  });

  it("names the body when it is not JSON, and refuses other media types", async () => {
    const { app } = buildTestApp(db());
    const client = await signedUp(app);
    const broken = await client.post("/api/audits", "{not json", {
      "content-type": "application/json",
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({
      code: "validation_failed",
      fields: [{ path: "body" }],
    });
    const form = await client.post("/api/audits", "ratings=1", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe("unsupported_media_type");
    expect((await client.get("/api/audits")).body.audits).toEqual([]);
  });

  it("refuses an oversized body before reading it, and stores nothing", async () => {
    const { app } = buildTestApp(db());
    const client = await signedUp(app);
    const huge = JSON.stringify({ ratings: [], note: "x".repeat(BODY_LIMIT_BYTES) });
    const res = await client.post("/api/audits", huge, { "content-type": "application/json" });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: "payload_too_large", fields: [{ path: "body" }] });
    expect((await client.get("/api/audits")).body.audits).toEqual([]);
  });

  it("refuses state changes from another site (Origin or Sec-Fetch-Site), allows same-origin", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const viaOtherSite = await ada.post(
      "/api/domains",
      { name: "Cooking" },
      { origin: "https://evil.example" },
    );
    expect(viaOtherSite.status).toBe(403);
    const noOrigin = new TestClient(app, null);
    noOrigin.cookie = ada.cookie;
    const crossSite = await noOrigin.post(
      "/api/domains",
      { name: "Cooking" },
      { "sec-fetch-site": "cross-site" },
    );
    expect(crossSite.status).toBe(403);
    expect((await ada.get("/api/domains")).body.domains).toHaveLength(5);
    // A non-browser caller (no Origin, no Sec-Fetch-Site) carries no victim's cookie: allowed.
    expect((await noOrigin.post("/api/domains", { name: "Cooking" })).status).toBe(201);
    expect((await ada.post("/api/domains", { name: "Music" })).status).toBe(201);
  });

  it("answers unknown API routes with the error shape, and sets security headers", async () => {
    const { app } = buildTestApp(db());
    const res = await new TestClient(app).get("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves the web app with a fallback to index.html for client-side routes", async () => {
    const webRoot = mkdtempSync(join(tmpdir(), "cando-web-"));
    mkdirSync(join(webRoot, "assets"));
    writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Cando</title>");
    writeFileSync(join(webRoot, "assets", "app-1234.js"), "console.log(1)");
    const { app } = buildTestApp(db(), { webRoot });
    const client = new TestClient(app);
    expect((await client.get("/history")).body).toContain("<title>Cando</title>");
    const asset = await client.get("/assets/app-1234.js");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    const stale = await client.get("/assets/app-0000.js");
    expect(stale.status).toBe(404);
    expect(stale.body).not.toContain("<title>");
    expect((await client.get("/api/nothing")).status).toBe(404);
  });

  it("keeps working for a second person after the first signs up (no shared state)", async () => {
    const { app } = buildTestApp(db());
    await signedUp(app);
    const res = await new TestClient(app).post("/api/auth/signup", {
      email: uniqueEmail(),
      password: GOOD_PASSWORD,
    });
    expect(res.status).toBe(201);
  });
});
