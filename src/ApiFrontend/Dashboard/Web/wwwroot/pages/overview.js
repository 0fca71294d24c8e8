// Cluster overview: silos, cluster totals and the last 10 minutes, from GET /v1/admin/dashboard/overview and
// then every dashboard_snapshot push.
import { h, replace, section, stat, table } from "../lib/dom.js";
import { bytes, count, ms, percent, percentValue, rate, text, time } from "../lib/format.js";
import { lineChart } from "../lib/chart.js";

function statusBadge(status) {
  const kind = status === "Active" ? "ok" : status === "Unreachable" || status === "Dead" ? "bad" : "warn";
  return h("span", { class: `badge ${kind}`, text: text(status) });
}

function render(parts, overview) {
  replace(parts.stats,
    stat("Total activations", count(overview.total_activations), "stat-total-activations"),
    stat("Requests/s", rate(overview.requests_per_second), "stat-requests-per-second"),
    stat("Error rate", percent(overview.error_rate), "stat-error-rate"),
    stat("Avg latency", ms(overview.avg_latency_ms), "stat-avg-latency"),
    stat("p99 latency", ms(overview.p99_latency_ms), "stat-p99-latency"),
    stat("Silos", count(overview.silos?.length ?? 0), "stat-silos"));
  replace(parts.silos, table("Silos", [
    { label: "Silo", value: (s) => text(s.silo_name) },
    { label: "Address", value: (s) => h("code", { text: text(s.silo) }) },
    { label: "Roles", value: (s) => text((s.roles ?? []).join(", ")) },
    { label: "Status", value: (s) => statusBadge(s.status) },
    { label: "CPU", numeric: true, value: (s) => percentValue(s.cpu_percent) },
    { label: "Memory", numeric: true, value: (s) => bytes(s.memory_bytes) },
    { label: "Activations", numeric: true, value: (s) => count(s.activations) },
    { label: "Requests/s", numeric: true, value: (s) => rate(s.requests_per_second) },
    { label: "Waiting requests", numeric: true, value: (s) => count(s.waiting_requests) },
  ], overview.silos, "No silo answered."));
  const history = overview.history ?? [];
  const series = (field) => history.map((p) => ({ t: p.at, v: p[field] }));
  replace(parts.charts,
    lineChart("Requests/s", series("requests_per_second"), rate),
    lineChart("Error rate", series("error_rate"), percent),
    lineChart("Avg latency", series("avg_latency_ms"), ms),
    lineChart("p99 latency", series("p99_latency_ms"), ms),
    lineChart("Total activations", series("total_activations"), count),
    lineChart("CPU (mean of silos)", series("cpu_percent"), percentValue),
    lineChart("Memory (all silos)", series("memory_bytes"), bytes));
  parts.collected.textContent = `Collected ${time(overview.collected_at)} over ${rate(overview.window_seconds)} s.`;
}

export default {
  id: "overview",
  title: "Cluster overview",
  mount(root, context) {
    const parts = {
      stats: h("div", { class: "stats", id: "overview-stats", "aria-live": "polite" }),
      silos: h("div"),
      charts: h("div", { class: "grid", id: "overview-charts" }),
      collected: h("p", { class: "muted", id: "overview-collected" }),
    };
    root.append(parts.stats, parts.collected, section(null, parts.silos), section("Last 10 minutes", parts.charts));
    const pushed = context.latest("dashboard_snapshot");
    if (pushed?.overview) {
      render(parts, pushed.overview);
    } else {
      context.api("/v1/admin/dashboard/overview").then((data) => render(parts, data), (error) => context.error(error.message));
    }
    context.subscribe("dashboard_snapshot", (payload) => payload?.overview && render(parts, payload.overview));
  },
};
