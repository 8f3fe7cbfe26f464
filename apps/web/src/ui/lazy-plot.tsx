import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type uPlot from "uplot";
import { useNearViewport } from "./near-viewport";
import { THEME_EVENT } from "./theme";

/** A number that changes whenever the theme does (a choice here, or the system's setting). */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    window.addEventListener(THEME_EVENT, bump);
    media.addEventListener("change", bump);
    return () => {
      window.removeEventListener(THEME_EVENT, bump);
      media.removeEventListener("change", bump);
    };
  }, []);
  return version;
}

/**
 * A uPlot chart: uPlot is fetched only when a chart first comes near the screen (it is most
 * of a chart page's weight), sized to its box and resized with it. The box is an image for assistive
 * technology, labelled by `summary`; every chart sits next to a table with the same numbers,
 * which also stands in when uPlot cannot be loaded. Pass a memoised `data`: a new array
 * redraws the chart. `options` is asked again when the theme changes (colours come from tokens).
 */
export function LazyPlot(props: {
  options: (width: number) => uPlot.Options;
  data: uPlot.AlignedData;
  summary: string;
  unavailable: string;
  class?: string;
  legend: ComponentChildren;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const makeOptions = useRef(props.options);
  makeOptions.current = props.options;
  const theme = useThemeVersion();
  const near = useNearViewport(box);

  useEffect(() => {
    if (!near) return;
    let plot: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let live = true;
    Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(
      ([{ default: UPlot }]) => {
        const el = box.current;
        if (!live || el === null) return;
        plot = new UPlot(makeOptions.current(el.clientWidth), props.data, el);
        observer = new ResizeObserver(() => {
          const width = el.clientWidth;
          if (plot !== null && width > 0 && width !== plot.width) {
            plot.setSize({ width, height: makeOptions.current(width).height });
          }
        });
        observer.observe(el);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [props.data, theme, near]);

  return (
    <figure class={props.class ? `chart ${props.class}` : "chart"}>
      {failed ? (
        <p class="notice">{props.unavailable}</p>
      ) : (
        <div class="chart-plot" ref={box} role="img" aria-label={props.summary} />
      )}
      <figcaption>
        <ul class="legend">{props.legend}</ul>
      </figcaption>
    </figure>
  );
}

/** A legend entry's line (and point) drawn like the series it names; `colour` may be a var(). */
export function LegendSwatch(props: {
  colour: string;
  width?: number;
  dash?: number[];
  point?: boolean;
}) {
  return (
    <svg aria-hidden="true" width="28" height="10" viewBox="0 0 28 10">
      <line
        x1="1"
        y1="5"
        x2="27"
        y2="5"
        style={{ stroke: props.colour }}
        stroke-width={props.width ?? 2.5}
        stroke-dasharray={props.dash?.join(" ") || undefined}
      />
      {props.point !== false && <circle cx="14" cy="5" r="3.5" style={{ fill: props.colour }} />}
    </svg>
  );
}
