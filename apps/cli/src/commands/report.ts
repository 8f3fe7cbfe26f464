import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ReportQuery, renderReportHtml } from "@cando/core";
import { buildReport } from "@cando/storage";
import { chromium } from "playwright-core";
import { openExistingDatabase } from "../database";
import { CliError, EXIT_USAGE, type Output } from "../io";
import { requireUser } from "./transfer";

export interface ReportInput {
  databaseUrl: string;
  email: string;
  from: string | undefined;
  to: string | undefined;
  goalIds: string | undefined;
  sections: string | undefined;
  /** Write a PDF here, through headless Chromium. */
  pdf: string | undefined;
  /** Write the HTML here (standard output when neither this nor `pdf` is given). */
  out: string | undefined;
  force: boolean;
  chromiumPath: string;
  cwd: string;
  now: Date;
  stdout: Output;
  stderr: Output;
}

export interface ReportResult {
  email: string;
  from: string;
  to: string;
  sections: string[];
  pdf: string | null;
  html: string | null;
}

/** `cando report --email … [--pdf out.pdf | --out report.html]`. */
export async function runReport(input: ReportInput): Promise<ReportResult> {
  const parsed = ReportQuery.safeParse({
    from: input.from,
    to: input.to,
    goalIds: input.goalIds,
    sections: input.sections,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  --${String(i.path[0] ?? "")}: ${i.message}`)
      .join("\n");
    throw new CliError(`The report's choices are not valid:\n${problems}`, EXIT_USAGE);
  }
  const pdf = input.pdf === undefined ? undefined : resolve(input.cwd, input.pdf);
  const out = input.out === undefined ? undefined : resolve(input.cwd, input.out);
  for (const target of [pdf, out]) {
    if (target && existsSync(target) && !input.force) {
      throw new CliError(`${target} already exists; choose another file or add --force.`);
    }
  }
  if (pdf && !existsSync(input.chromiumPath)) {
    throw new CliError(
      `--pdf needs Chromium, and there is none at ${input.chromiumPath} ` +
        "(install it, or set CANDO_CHROMIUM). Without --pdf the report is HTML: print it from a browser.",
      EXIT_USAGE,
    );
  }
  const db = await openExistingDatabase(input.databaseUrl, input.stderr);
  let html: string;
  let data: Awaited<ReturnType<typeof buildReport>>;
  try {
    const user = await requireUser(db, input.email);
    const own = await db.selectFrom("goals").select("id").where("userId", "=", user.id).execute();
    const unknown = parsed.data.goalIds.filter((id) => !own.some((g) => g.id === id));
    if (unknown.length > 0) {
      throw new CliError(`${user.email} has no goal ${unknown.join(", ")}.`, EXIT_USAGE);
    }
    data = await buildReport(db, user.id, parsed.data, input.now);
    html = renderReportHtml(data);
  } finally {
    await db.destroy();
  }
  if (out) writeFileSync(out, html, { mode: 0o600 });
  if (pdf) await printPdf(html, pdf, input.chromiumPath);
  if (!out && !pdf) input.stdout.write(html);
  else
    input.stdout.write(
      `Report for ${data.email}, ${data.from} to ${data.to}: ${[pdf, out].filter(Boolean).join(", ")}\n`,
    );
  return {
    email: data.email,
    from: data.from,
    to: data.to,
    sections: data.sections,
    pdf: pdf ?? null,
    html: out ?? null,
  };
}

/** Renders the page in headless Chromium and prints it with the page's own print stylesheet. */
async function printPdf(html: string, path: string, chromiumPath: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    // The page has no scripts and loads nothing: block the network all the same.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.pdf({ path, format: "A4", printBackground: true });
  } finally {
    await browser.close();
  }
}
