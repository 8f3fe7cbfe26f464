import { z } from "zod";

/** A calendar day as `YYYY-MM-DD` that exists (2026-02-30 does not). */
export const Day = z
  .string({ error: "must be a date as YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date as YYYY-MM-DD" })
  .refine(
    (d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
    },
    { error: "is not a real date" },
  );

/** An ISO-8601 instant with a zone (`2026-11-22T09:00:00Z`). */
export const Instant = z.iso.datetime({ offset: true, error: "must be an ISO-8601 date and time" });

export const Id = z.string({ error: "is required" }).min(1, { error: "is required" }).max(64);

export const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") })
    .trim()
    .max(max, { error: `must be at most ${max} characters` });

export const requiredText = (max: number) => text(max).min(1, { error: "is required" });

export const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: `must be a number from ${min} to ${max}` })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
