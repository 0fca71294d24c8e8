// Grains: activations by type and silo, per-method statistics and the top methods, from
// GET /v1/admin/dashboard/grains and then every dashboard_snapshot push.
import { h, replace, section, table } from "../lib/dom.js";
import { count, ms, percent, rate, text } from "../lib/format.js";

const methodColumns = [
  { label: "Grain type", value: (m) => text(m.grain_type) },
  { label: "Method", value: (m) => h("code", { text: text(m.method) }) },
  { label: "Calls/s", numeric: true, value: (m) => rate(m.calls_per_second) },
  { label: "p50", numeric: true, value: (m) => ms(m.p50_ms) },
  { label: "p99", numeric: true, value: (m) => ms(m.p99_ms) },
  { label: "Exception rate", numeric: true, value: (m) => percent(m.exception_rate) },
  { label: "Exceptions", numeric: true, value: (m) => count(m.exceptions) },
  { label: "Total calls", numeric: true, value: (m) => count(m.total_calls) },
];

function render(parts, grains, filter, siloNames) {
  const silos = [...new Set((grains.activations ?? []).flatMap((a) => Object.keys(a.by_silo ?? {})))].sort();
  replace(parts.activations, table("Activations by grain type and silo", [
    { label: "Grain type", value: (a) => text(a.grain_type) },
    { label: "Total", numeric: true, value: (a) => count(a.total) },
    ...silos.map((silo) => ({ label: siloNames.get(silo) ?? silo, numeric: true, value: (a) => count(a.by_silo?.[silo] ?? 0) })),
  ], grains.activations, "No activations."));
  const needle = filter.value.trim().toLowerCase();
  const methods = (grains.methods ?? []).filter((m) => !needle || `${m.grain_type} ${m.method}`.toLowerCase().includes(needle));
  replace(parts.methods, table("Methods", methodColumns, methods, needle ? "No method matches the filter." : "No calls yet."));
  const top = grains.top ?? {};
  replace(parts.top,
    table("Top by calls/s", methodColumns.slice(0, 3), top.by_calls, "No calls in the last interval."),
    table("Top by errors", [...methodColumns.slice(0, 2), methodColumns[6], methodColumns[5]], top.by_errors, "No exceptions in the last interval."),
    table("Top by p99 latency", [...methodColumns.slice(0, 2), methodColumns[4], methodColumns[3]], top.by_latency, "No calls in the last interval."));
}

export default {
  id: "grains",
  title: "Grains",
  mount(root, context) {
    const filter = h("input", { id: "grains-filter", type: "search", placeholder: "grain type or method" });
    const parts = {
      activations: h("div", { id: "grains-activations" }),
      methods: h("div", { id: "grains-methods" }),
      top: h("div", { class: "stack", id: "grains-top", "aria-live": "polite" }),
    };
    root.append(
      section(null, parts.activations),
      section("Top methods", parts.top),
      section(null,
        h("div", { class: "toolbar" }, h("label", { for: "grains-filter" }, "Filter methods", filter)),
        parts.methods));
    let last = null;
    const names = () => new Map((context.latest("dashboard_snapshot")?.overview?.silos ?? []).map((s) => [s.silo, s.silo_name]));
    const show = (grains) => {
      last = grains;
      render(parts, grains, filter, names());
    };
    filter.addEventListener("input", () => last && render(parts, last, filter, names()));
    const pushed = context.latest("dashboard_snapshot");
    if (pushed?.grains) {
      show(pushed.grains);
    } else {
      context.api("/v1/admin/dashboard/grains").then(show, (error) => context.error(error.message));
    }
    context.subscribe("dashboard_snapshot", (payload) => payload?.grains && show(payload.grains));
  },
};
