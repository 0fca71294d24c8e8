// Sessions: throughput by status and type, queue time and inference latency over the last hour, from
// GET /v1/admin/dashboard/sessions and then every dashboard_sessions push.
import { h, replace, section, stat, table } from "../lib/dom.js";
import { count, ms, text } from "../lib/format.js";
import { lineChart } from "../lib/chart.js";
import { silosNotAnswering } from "../lib/silos.js";

const latencyColumns = [
  { label: "Session type", value: (p) => text(p.session_type ?? "all types") },
  { label: "Sessions", numeric: true, value: (p) => count(p.count) },
  { label: "p50", numeric: true, value: (p) => ms(p.p50_ms) },
  { label: "p95", numeric: true, value: (p) => ms(p.p95_ms) },
  { label: "p99", numeric: true, value: (p) => ms(p.p99_ms) },
];

const withTypes = (summary) => (summary ? [{ ...summary, session_type: null }, ...(summary.by_type ?? [])] : []);

function render(parts, data) {
  const totals = data.totals ?? {};
  replace(parts.stats,
    stat("Created", count(totals.created), "stat-sessions-created"),
    stat("Completed", count(totals.completed), "stat-sessions-completed"),
    stat("Failed", count(totals.failed), "stat-sessions-failed"),
    stat("Cancelled", count(totals.cancelled), "stat-sessions-cancelled"),
    stat("Pending now", count(data.pending), "stat-sessions-pending"),
    stat("Processing now", count(data.processing), "stat-sessions-processing"));
  const minutes = data.per_minute ?? [];
  replace(parts.charts,
    lineChart("Created per minute", minutes.map((m) => ({ t: m.minute, v: m.created })), count),
    lineChart("Completed per minute", minutes.map((m) => ({ t: m.minute, v: m.completed })), count),
    lineChart("Failed per minute", minutes.map((m) => ({ t: m.minute, v: m.failed })), count));
  replace(parts.byType, table("Throughput by type", [
    { label: "Session type", value: (t) => text(t.session_type) },
    { label: "Created", numeric: true, value: (t) => count(t.created) },
    { label: "Completed", numeric: true, value: (t) => count(t.completed) },
    { label: "Failed", numeric: true, value: (t) => count(t.failed) },
    { label: "Cancelled", numeric: true, value: (t) => count(t.cancelled) },
  ], data.by_type, "No session was created in the window."));
  replace(parts.byStatus, table("Sessions by status now", [
    { label: "Session type", value: (s) => text(s.session_type) },
    { label: "Status", value: (s) => h("span", { class: "badge", text: text(s.status) }) },
    { label: "Sessions", numeric: true, value: (s) => count(s.count) },
  ], data.by_status, "No session was created in the window."));
  replace(parts.queue, table("Queue time (created → started)", latencyColumns, withTypes(data.queue_time)));
  replace(parts.inference, table("Inference latency (started → completed)", latencyColumns, withTypes(data.inference_latency)));
  replace(parts.warning, silosNotAnswering(data.silos));
  parts.window.textContent = `Sessions created in the last ${count(data.window_minutes)} minutes.`;
}

export default {
  id: "sessions",
  title: "Sessions",
  mount(root, context) {
    const parts = {
      stats: h("div", { class: "stats", id: "session-stats", "aria-live": "polite" }),
      window: h("p", { class: "muted" }),
      warning: h("div"),
      charts: h("div", { class: "grid", id: "session-charts" }),
      byType: h("div", { id: "session-by-type" }),
      byStatus: h("div", { id: "session-by-status" }),
      queue: h("div", { id: "session-queue-time" }),
      inference: h("div", { id: "session-inference-latency" }),
    };
    root.append(parts.stats, parts.window, parts.warning, section("Per minute", parts.charts),
      h("div", { class: "grid wide" }, section(null, parts.byType), section(null, parts.byStatus)),
      h("div", { class: "grid wide" }, section(null, parts.queue), section(null, parts.inference)));
    const pushed = context.latest("dashboard_sessions");
    if (pushed) {
      render(parts, pushed);
    } else {
      context.api("/v1/admin/dashboard/sessions").then((data) => render(parts, data), (error) => context.error(error.message));
    }
    context.subscribe("dashboard_sessions", (data) => render(parts, data));
  },
};
