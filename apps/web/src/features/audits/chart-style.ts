/** Series colours: distinct hues, each at least 3:1 against the white plot (WCAG 1.4.11). */
export const SERIES_COLOURS = [
  "#1f5fa8",
  "#b3401f",
  "#2e7d32",
  "#7b3fa0",
  "#8a5a00",
  "#00778a",
  "#b0306a",
  "#4e5b6b",
] as const;

/** Dash patterns, so lines stay apart for people who do not tell the colours apart. */
export const SERIES_DASHES: readonly number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

export function seriesStyle(index: number): { colour: string; dash: number[] } {
  return {
    colour: SERIES_COLOURS[index % SERIES_COLOURS.length] ?? "#1f5fa8",
    dash: SERIES_DASHES[index % SERIES_DASHES.length] ?? [],
  };
}
