import { dayInZone } from "../practice/rules";
import { REPORT_SECTION_TITLES, type ReportData, type ReportSection } from "./schema";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
/** The day an instant falls on where the person lives (the report's time zone). */
const day = (iso: string, zone: string) => dayInZone(new Date(iso), zone);
const OUTCOME_WORDS: Record<string, string> = {
  done: "done",
  partly: "partly",
  not_yet: "not yet",
};
const COLORS = ["#25557f", "#a3261c", "#23643a", "#7a4fa0", "#b0641d", "#3d7f86", "#6b6b6b"];

// Screen and paper alike: black on white, no navigation; each section starts on a fresh block
// and is kept off page breaks where it fits.
const STYLE = `
  body { font: 11pt/1.45 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #111; margin: 2rem auto; max-width: 48rem; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.2rem; border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 1.8rem; }
  h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
  table { border-collapse: collapse; width: 100%; font-size: .95em; }
  th, td { text-align: left; border-bottom: 1px solid #ccc; padding: .25rem .4rem; vertical-align: top; }
  .meta { color: #444; margin: 0; }
  .empty { color: #555; font-style: italic; }
  .legend span { margin-right: 1rem; white-space: nowrap; }
  .legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -1px; }
  figure { margin: .5rem 0; }
  @page { margin: 18mm 16mm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
    section { break-inside: avoid-page; }
    h2 { break-after: avoid-page; }
    a { color: inherit; text-decoration: none; }
  }
`;

function auditSection(data: ReportData): string {
  const { domains, audits } = data.audits;
  if (audits.length === 0) return `<p class="empty">No audits in this period.</p>`;
  const width = 640;
  const height = 220;
  const pad = 28;
  const x = (i: number) =>
    audits.length === 1 ? width / 2 : pad + ((width - 2 * pad) * i) / (audits.length - 1);
  const y = (rating: number) => height - pad - ((height - 2 * pad) * rating) / 100;
  const lines = domains
    .map((d, k) => {
      const points = audits.flatMap((a, i) => {
        const r = a.ratings[d.id];
        return r === undefined ? [] : [`${x(i).toFixed(1)},${y(r).toFixed(1)}`];
      });
      const color = COLORS[k % COLORS.length];
      return `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(" ")}"/>${points
        .map(
          (p) => `<circle cx="${p.split(",")[0]}" cy="${p.split(",")[1]}" r="3" fill="${color}"/>`,
        )
        .join("")}`;
    })
    .join("");
  const grid = [0, 50, 100]
    .map(
      (r) =>
        `<line x1="${pad}" x2="${width - pad}" y1="${y(r)}" y2="${y(r)}" stroke="#ddd"/><text x="2" y="${y(r) + 4}" font-size="10">${r}</text>`,
    )
    .join("");
  const legend = domains
    .map(
      (d, k) =>
        `<span><i style="background:${COLORS[k % COLORS.length]}"></i>${escapeHtml(d.name)}</span>`,
    )
    .join("");
  const head = domains.map((d) => `<th scope="col">${escapeHtml(d.name)}</th>`).join("");
  const rows = audits
    .map(
      (a) =>
        `<tr><th scope="row">${day(a.takenAt, data.timeZone)}</th>${domains
          .map((d) => `<td>${a.ratings[d.id] ?? "–"}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  return `<figure><svg role="img" aria-label="Audit ratings over time, 0 to 100" viewBox="0 0 ${width} ${height}" width="100%">${grid}${lines}</svg><figcaption class="legend">${legend}</figcaption></figure>
<table><thead><tr><th scope="col">Audit</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function laddersSection(data: ReportData): string {
  if (data.goals.length === 0) return `<p class="empty">No goals chosen.</p>`;
  return data.goals
    .map((g) => {
      const rows = g.steps
        .map(
          (s) =>
            `<tr><td>${escapeHtml(s.title)}</td><td>${s.confidence ?? "–"}</td><td>${s.attempts}</td><td>${s.done}</td><td>${s.partly}</td><td>${s.mastered ? "yes" : ""}</td></tr>`,
        )
        .join("");
      return `<h3>${escapeHtml(g.statement)} <small>(${escapeHtml(g.status)})</small></h3>
<table><thead><tr><th scope="col">Step</th><th scope="col">Confidence now</th><th scope="col">Attempts</th><th scope="col">Done</th><th scope="col">Partly</th><th scope="col">Mastered</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join("");
}

function calibrationSection(data: ReportData): string {
  const c = data.calibration;
  if (c.attempts === 0)
    return `<p class="empty">No attempts with a stated confidence in this period.</p>`;
  const rows = c.table
    .filter((b) => b.count > 0)
    .map(
      (b) =>
        `<tr><td>${b.bin}–${b.bin === 90 ? 100 : b.bin + 9}</td><td>${b.count}</td><td>${b.successPercent ?? "–"}%</td></tr>`,
    )
    .join("");
  return `<p>${escapeHtml(c.sentence)}</p>
<table><thead><tr><th scope="col">Confidence stated</th><th scope="col">Attempts</th><th scope="col">Succeeded</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function anxietySection(data: ReportData): string {
  const a = data.anxiety;
  if (a.attempts === 0)
    return `<p class="empty">No attempts with anxiety rated in this period.</p>`;
  return `<p>${escapeHtml(a.sentence)}</p>
<table><thead><tr><th scope="col">Anxiety before</th><th scope="col">Attempts</th><th scope="col">Succeeded</th></tr></thead><tbody>
<tr><td>Higher</td><td>${a.high.count}</td><td>${a.high.successPercent ?? "–"}%</td></tr>
<tr><td>Lower</td><td>${a.low.count}</td><td>${a.low.successPercent ?? "–"}%</td></tr></tbody></table>`;
}

function evidenceSection(data: ReportData): string {
  if (data.evidence.length === 0) return `<p class="empty">No evidence in this period.</p>`;
  return `<ul>${data.evidence
    .map(
      (e) =>
        `<li><strong>${escapeHtml(e.title)}</strong> (${e.occurredOn}, ${e.ownership}% my own doing)${e.body ? `<br>${escapeHtml(e.body)}` : ""}</li>`,
    )
    .join("")}</ul>`;
}

function reflectionsSection(data: ReportData): string {
  if (data.reflections.length === 0) return `<p class="empty">No debriefs in this period.</p>`;
  return data.reflections
    .map((r) => {
      const parts = [
        ["What I did well", r.didWell],
        ["What it tells me about my capability", r.capability],
        ["What I would do differently", r.differently],
      ]
        .filter(([, text]) => text !== "")
        .map(([label, text]) => `<p><em>${label}:</em> ${escapeHtml(text as string)}</p>`)
        .join("");
      return `<h3>${day(r.attemptedAt, data.timeZone)} · ${escapeHtml(r.step)} · ${OUTCOME_WORDS[r.outcome] ?? escapeHtml(r.outcome)}</h3>${parts}`;
    })
    .join("");
}

const RENDERERS: Record<ReportSection, (data: ReportData) => string> = {
  audit: auditSection,
  ladders: laddersSection,
  calibration: calibrationSection,
  anxiety: anxietySection,
  evidence: evidenceSection,
  reflections: reflectionsSection,
};

/**
 * The report as one self-contained HTML page (inline styles and SVG, no scripts), with a print
 * stylesheet: what the browser prints and what `cando report --pdf` renders. Only the chosen
 * sections are in it. Pure.
 */
export function renderReportHtml(data: ReportData): string {
  const sections = data.sections
    .map(
      (s) =>
        `<section id="${s}" aria-labelledby="${s}-heading"><h2 id="${s}-heading">${REPORT_SECTION_TITLES[s]}</h2>${RENDERERS[s](data)}</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cando report, ${data.from} to ${data.to}</title><style>${STYLE}</style></head>
<body><header><h1>Cando report</h1>
<p class="meta">${escapeHtml(data.email)} · ${data.from} to ${data.to} · made ${day(data.generatedAt, data.timeZone)}${data.timeZone === "UTC" ? " (UTC)" : ` (${escapeHtml(data.timeZone)})`}</p></header>
<main>
${sections}
</main></body></html>
`;
}
