import type uPlot from "uplot";

/**
 * Chart colours come from the design tokens (ui/tokens.css), so charts follow the theme. uPlot
 * draws on a canvas, which cannot read CSS variables: `cssColour` resolves one for it, and
 * LazyPlot redraws when the theme changes. SVG and HTML use the `var(--…)` form directly.
 */
const SERIES_COUNT = 8;

/** Dash patterns, so lines stay apart for people who do not tell the colours apart. */
export const SERIES_DASHES: readonly number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

/** The look of series `index`: its token (`--chart-n`), the CSS form of it, and its dash. */
export function seriesStyle(index: number): { token: string; colour: string; dash: number[] } {
  const token = `--chart-${(index % SERIES_COUNT) + 1}`;
  return {
    token,
    colour: `var(${token})`,
    dash: SERIES_DASHES[index % SERIES_DASHES.length] ?? [],
  };
}

let probe: HTMLSpanElement | null = null;

/** The colour a token stands for right now, in the current theme, as the canvas needs it. */
export function cssColour(token: string): string {
  if (probe === null || !probe.isConnected) {
    probe = document.createElement("span");
    probe.hidden = true;
    document.body.append(probe);
  }
  probe.style.color = `var(${token})`;
  return getComputedStyle(probe).color;
}

/** The axis look every chart shares, from the tokens (AA contrast in both themes). */
export function chartAxis(): uPlot.Axis {
  return {
    stroke: cssColour("--chart-axis"),
    font: "13px system-ui, sans-serif",
    grid: { stroke: cssColour("--chart-grid"), width: 1 },
    ticks: { stroke: cssColour("--chart-tick"), width: 1 },
  };
}
