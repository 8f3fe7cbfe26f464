import {
  ConflictError,
  Evidence,
  Feedback,
  FeedbackEvidenceInput,
  FeedbackInput,
  FeedbackPatch,
  feedbackSpecificsNote,
  feedbackTargetProblem,
  Id,
  ValidationError,
} from "@cando/core";
import {
  type FeedbackView,
  findUserById,
  insertEvidence,
  insertFeedback,
  listFeedback,
  updateFeedback,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { presentEvidence } from "../attempts/present";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";
import { notify } from "../notifications/notify";
import { personToday } from "../rhythm/settings";

const tags = ["feedback"];
const IdParam = z.string().min(1).max(64);
const One = z.object({ feedback: Feedback });
const FeedbackQuery = z.object({ attemptId: Id.optional(), evidenceId: Id.optional() });

const give = createRoute({
  method: "post",
  path: "/api/feedback",
  tags,
  summary:
    "A supporter or coach comments on an attempt or evidence they can see; a gentle note when it names nothing concrete",
  ...authenticated,
  request: { body: jsonBody(FeedbackInput) },
  responses: { 201: json(One, "The feedback."), ...errors(400, 401, 403, 404) },
});

const list = createRoute({
  method: "get",
  path: "/api/goals/{goalId}/feedback",
  tags,
  summary:
    "Feedback on a goal (optionally on one attempt or evidence): all of it for the person, one's own for a supporter",
  ...authenticated,
  request: { params: z.object({ goalId: IdParam }), query: FeedbackQuery },
  responses: {
    200: json(z.object({ feedback: z.array(Feedback) }), "Feedback, newest first."),
    ...errors(400, 401, 404),
  },
});

const change = createRoute({
  method: "patch",
  path: "/api/feedback/{feedbackId}",
  tags,
  summary: "Reply to feedback, or hide it (the person it is about)",
  ...authenticated,
  request: { params: z.object({ feedbackId: IdParam }), body: jsonBody(FeedbackPatch) },
  responses: { 200: json(One, "The feedback."), ...errors(400, 401, 403, 404) },
});

const keep = createRoute({
  method: "post",
  path: "/api/feedback/{feedbackId}/evidence",
  tags,
  summary: "Save feedback as evidence (source: social persuasion)",
  ...authenticated,
  request: { params: z.object({ feedbackId: IdParam }), body: jsonBody(FeedbackEvidenceInput) },
  responses: {
    201: json(z.object({ evidence: Evidence, feedback: Feedback }), "The evidence."),
    ...errors(400, 401, 403, 404, 409),
  },
});

const outcomeWords: Record<string, string> = {
  done: "done",
  partly: "partly",
  not_yet: "not yet",
};

/** Feedback as the person (or, with `asAuthor`, its author) sees it. */
export function presentFeedback(row: FeedbackView, asAuthor = false): Feedback {
  const note = feedbackSpecificsNote(row.body);
  const attempt = row.attemptId !== null;
  const exists = attempt ? row.outcome !== null : row.evidenceTitle !== null;
  const label = attempt
    ? exists
      ? `Attempt at “${row.stepTitle ?? ""}” (${outcomeWords[row.outcome ?? ""] ?? row.outcome}), ${(row.attemptedAt ?? "").slice(0, 10)}`
      : "An attempt that was deleted"
    : exists
      ? `Evidence: “${row.evidenceTitle}”`
      : "Evidence that was deleted";
  return {
    id: row.id,
    goalId: row.goalId,
    author: asAuthor ? "you" : row.grantLabel || row.authorEmail,
    role: row.role === "coach" ? "coach" : "supporter",
    credibility: asAuthor ? null : (row.credibility ?? null),
    target: {
      kind: attempt ? "attempt" : "evidence",
      id: (attempt ? row.attemptId : row.evidenceId) ?? "",
      label,
      exists,
    },
    body: row.body,
    specific: note === null,
    note,
    reply: row.reply,
    repliedAt: row.repliedAt,
    // The person's choice to hide it is theirs: its author is not told.
    hidden: asAuthor ? false : row.hiddenAt !== null,
    savedEvidenceId: asAuthor ? null : row.savedEvidenceExists,
    createdAt: row.createdAt,
  };
}

async function viewOf(db: Parameters<typeof listFeedback>[0], userId: string, id: string) {
  const [row] = await listFeedback(db, { userId, id }, 1);
  if (!row) throw new Error("feedback vanished");
  return row;
}

export function registerFeedbackRoutes(app: App): void {
  app.openapi(give, async (c) => {
    const input = c.req.valid("json");
    const problem = feedbackTargetProblem(input);
    if (problem) throw new ValidationError([problem]);
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const feedback = await db.transaction().execute(async (trx) => {
      // The policy decides: a live grant on the goal, and evidence only when it is shared.
      const reader = await access.feedbackTarget(trx, user, input);
      const now = clock.now().toISOString();
      const id = newId();
      await insertFeedback(trx, {
        id,
        userId: reader.goal.userId,
        goalId: reader.goal.id,
        authorId: user.id,
        grantId: reader.grant.id,
        attemptId: input.attemptId ?? null,
        evidenceId: input.evidenceId ?? null,
        body: input.body,
        reply: "",
        repliedAt: null,
        hiddenAt: null,
        savedEvidenceId: null,
        createdAt: now,
        updatedAt: now,
      });
      const who = reader.grant.label || user.email;
      await notify(trx, c.var.deps, {
        userId: reader.goal.userId,
        kind: "feedback",
        text: `${who} left feedback on ${input.attemptId ? "an attempt" : "your evidence"}.`,
        href: input.attemptId
          ? `/attempts/${encodeURIComponent(input.attemptId)}#feedback`
          : `/evidence/${encodeURIComponent(input.evidenceId ?? "")}#feedback`,
      });
      return presentFeedback(await viewOf(trx, reader.goal.userId, id), true);
    });
    return c.json({ feedback }, 201);
  });

  app.openapi(list, async (c) => {
    const { goalId } = c.req.valid("param");
    const query = c.req.valid("query");
    const { db } = c.var.deps;
    const user = c.var.user;
    const reader = await access.goalReader(db, user, goalId);
    const owner = reader.viewer === "owner";
    const rows = await listFeedback(db, {
      userId: reader.goal.userId,
      goalId: reader.goal.id,
      ...(owner ? {} : { authorId: user.id }),
      ...(query.attemptId === undefined ? {} : { attemptId: query.attemptId }),
      ...(query.evidenceId === undefined ? {} : { evidenceId: query.evidenceId }),
    });
    // A supporter no longer granted evidence does not see what it said about evidence.
    const visible = owner || reader.sections.evidence ? rows : rows.filter((r) => !r.evidenceId);
    return c.json({ feedback: visible.map((r) => presentFeedback(r, !owner)) }, 200);
  });

  app.openapi(change, async (c) => {
    const { feedbackId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const feedback = await db.transaction().execute(async (trx) => {
      const row = await access.feedback(trx, user, feedbackId);
      const now = clock.now().toISOString();
      await updateFeedback(trx, user.id, row.id, {
        ...(input.reply === undefined
          ? {}
          : { reply: input.reply, repliedAt: input.reply === "" ? null : now }),
        ...(input.hidden === undefined ? {} : { hiddenAt: input.hidden ? now : null }),
        updatedAt: now,
      });
      return presentFeedback(await viewOf(trx, user.id, row.id));
    });
    return c.json({ feedback }, 200);
  });

  app.openapi(keep, async (c) => {
    const { feedbackId } = c.req.valid("param");
    const { ownership } = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const result = await db.transaction().execute(async (trx) => {
      const row = await access.feedback(trx, user, feedbackId);
      const view = await viewOf(trx, user.id, row.id);
      if (view.savedEvidenceExists !== null) {
        throw new ConflictError("feedback_saved", "This feedback is already in your evidence.");
      }
      const goal = await access.goal(trx, user, row.goalId);
      const author = await findUserById(trx, row.authorId);
      const who = view.grantLabel || author?.email || "a supporter";
      const firstLine = row.body.split("\n")[0]?.trim() ?? "";
      const title = `${who}: ${firstLine}`.slice(0, 200);
      const now = clock.now();
      const evidenceId = newId();
      // Claim the feedback first: of two parallel saves, the second finds it taken (409).
      const claimed = await trx
        .updateTable("feedback")
        .set({ savedEvidenceId: evidenceId, updatedAt: now.toISOString() })
        .where("id", "=", row.id)
        .where((eb) =>
          eb.or([
            eb("savedEvidenceId", "is", null),
            eb("savedEvidenceId", "=", row.savedEvidenceId ?? ""),
          ]),
        )
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) {
        throw new ConflictError("feedback_saved", "This feedback is already in your evidence.");
      }
      const { today } = await personToday(trx, user.id, now);
      const evidence = {
        id: evidenceId,
        userId: user.id,
        source: "social_persuasion",
        attemptId: null,
        domainId: goal.domainId,
        goalId: goal.id,
        stepId: null,
        title,
        body: `${row.body}\n\n(Feedback from ${who}, ${view.createdAt.slice(0, 10)})`,
        occurredOn: today,
        ownership,
        effort: null,
        reattribution: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await insertEvidence(trx, evidence);
      return {
        evidence: presentEvidence(evidence),
        feedback: presentFeedback(await viewOf(trx, user.id, row.id)),
      };
    });
    return c.json(result, 201);
  });
}
