import { h, svg } from "./dom.js";

const WIDTH = 320;
const HEIGHT = 90;
const PAD = 4;

/**
 * A small line chart of `points` ([{ t, v }], oldest first) as inline SVG, with the latest value and the
 * maximum as text. The SVG has role="img" and a label describing the series for screen readers.
 */
export function lineChart(title, points, formatValue) {
  const values = (points ?? []).map((p) => Number(p.v)).filter((v) => Number.isFinite(v));
  const max = Math.max(1e-9, ...values);
  const latest = values.length ? values[values.length - 1] : null;
  const label = `${title}: ${values.length} points over the last 10 minutes, latest ${formatValue(latest)}, max ${formatValue(values.length ? max : null)}`;
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": label, class: "chart", preserveAspectRatio: "none" });
  chart.append(svg("title", { text: label }));
  chart.append(svg("line", { x1: 0, y1: HEIGHT - PAD, x2: WIDTH, y2: HEIGHT - PAD, class: "axis" }));
  if (values.length >= 2) {
    const step = (WIDTH - 2 * PAD) / (values.length - 1);
    const coords = values.map((v, i) => [PAD + i * step, HEIGHT - PAD - (v / max) * (HEIGHT - 2 * PAD)]);
    const d = coords.map(([x, y], i) => `${i === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
    chart.append(svg("path", { d: `${d} L${coords[coords.length - 1][0].toFixed(1)},${HEIGHT - PAD} L${PAD},${HEIGHT - PAD} Z`, class: "area" }));
    chart.append(svg("path", { d, class: "line" }));
  }
  return h("figure", { class: "chart-box" },
    h("figcaption", {},
      h("span", { text: title }),
      h("span", { class: "chart-latest", text: `now ${formatValue(latest)} · max ${formatValue(values.length ? max : null)}` })),
    chart);
}
