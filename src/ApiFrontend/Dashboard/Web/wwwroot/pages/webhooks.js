// Webhooks: delivery success rate, backlog, dead deliveries and endpoints, from GET /v1/admin/dashboard/webhooks
// and then every dashboard_webhooks push.
import { h, replace, section, stat, table } from "../lib/dom.js";
import { count, percent, rate, text, time } from "../lib/format.js";
import { silosNotAnswering } from "../lib/silos.js";

const outcomeColumns = [
  { label: "Window", value: (w) => w.label },
  { label: "Succeeded", numeric: true, value: (w) => count(w.succeeded) },
  { label: "Failed", numeric: true, value: (w) => count(w.failed) },
  { label: "Dead", numeric: true, value: (w) => count(w.dead) },
  { label: "Success rate", numeric: true, value: (w) => percent(w.success_rate) },
];

const deadColumns = [
  { label: "Died", value: (d) => time(d.died_at) },
  { label: "Event", value: (d) => h("span", {}, text(d.event_type), " ", h("code", { text: text(d.event_id) })) },
  { label: "Endpoint", value: (d) => h("code", { text: text(d.endpoint_id) }) },
  { label: "Attempts", numeric: true, value: (d) => count(d.attempts) },
  { label: "Last status", numeric: true, value: (d) => text(d.last_status_code) },
  { label: "Last error", value: (d) => text(d.last_error) },
];

function render(parts, data) {
  replace(parts.stats,
    stat("Success rate (5 min)", percent(data.last_5_minutes?.success_rate), "stat-webhook-success-rate"),
    stat("Attempts/s", rate(data.attempts_per_second), "stat-webhook-attempts"),
    stat("Attempt success rate", percent(data.attempt_success_rate), "stat-webhook-attempt-success"),
    stat("Pending", count(data.pending), "stat-webhook-pending"),
    stat("Retrying", count(data.retrying), "stat-webhook-retrying"),
    stat("Dead deliveries", count(data.dead?.total), "stat-webhook-dead"));
  replace(parts.outcomes, table("Delivery outcomes", outcomeColumns, [
    { label: "Last 5 minutes", ...data.last_5_minutes },
    { label: "Last hour", ...data.last_hour },
  ]));
  const endpoints = data.endpoints ?? {};
  replace(parts.endpoints, table("Endpoints", [
    { label: "Enabled", numeric: true, value: () => count(endpoints.enabled) },
    { label: "Failing", numeric: true, value: () => count(endpoints.failing) },
    { label: "Disabled", numeric: true, value: () => count(endpoints.disabled) },
  ], [endpoints]));
  replace(parts.dead, table("Latest dead deliveries", deadColumns, data.dead?.latest, "No delivery has used up its retries."));
  replace(parts.warning, silosNotAnswering(data.silos));
}

export default {
  id: "webhooks",
  title: "Webhooks",
  mount(root, context) {
    const parts = {
      stats: h("div", { class: "stats", id: "webhook-stats", "aria-live": "polite" }),
      warning: h("div"),
      outcomes: h("div", { id: "webhook-outcomes" }),
      endpoints: h("div", { id: "webhook-endpoints" }),
      dead: h("div", { id: "webhook-dead" }),
    };
    root.append(parts.stats, parts.warning,
      h("div", { class: "grid wide" }, section(null, parts.outcomes), section(null, parts.endpoints)),
      section(null, parts.dead));
    const pushed = context.latest("dashboard_webhooks");
    if (pushed) {
      render(parts, pushed);
    } else {
      context.api("/v1/admin/dashboard/webhooks").then((data) => render(parts, data), (error) => context.error(error.message));
    }
    context.subscribe("dashboard_webhooks", (data) => render(parts, data));
  },
};
