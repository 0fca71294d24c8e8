// Rate limits: the hottest buckets and rejections/s, from GET /v1/admin/dashboard/rate-limits and then every
// dashboard_rate_limits push.
import { h, replace, section, stat, table } from "../lib/dom.js";
import { count, duration, percent, rate, text, time } from "../lib/format.js";
import { silosNotAnswering } from "../lib/silos.js";

const columns = [
  { label: "Policy", value: (b) => text(b.policy) },
  { label: "Principal", value: (b) => h("span", {}, h("span", { class: "badge", text: text(b.principal_kind) }), " ", h("code", { text: text(b.principal_id) })) },
  { label: "Tier", value: (b) => text(b.tier) },
  { label: "Limit", numeric: true, value: (b) => `${count(b.limit)} / ${duration(b.rule_window_seconds)}` },
  { label: "Remaining", numeric: true, value: (b) => count(b.remaining) },
  { label: "Requests", numeric: true, value: (b) => (b.overcount ? `${count(b.requests)} (±${count(b.overcount)})` : count(b.requests)) },
  { label: "Rejections", numeric: true, value: (b) => count(b.rejections) },
  { label: "Rejection rate", numeric: true, value: (b) => percent(b.rejection_rate) },
  { label: "Last seen", value: (b) => time(b.last_seen_at) },
];

function render(parts, data) {
  replace(parts.stats,
    stat("Requests/s", rate(data.requests_per_second), "stat-rate-limit-requests"),
    stat("Rejections/s", rate(data.rejections_per_second), "stat-rate-limit-rejections"),
    stat(`Requests (last ${duration(data.window_seconds)})`, count(data.requests), "stat-rate-limit-window-requests"),
    stat(`Rejections (last ${duration(data.window_seconds)})`, count(data.rejections), "stat-rate-limit-window-rejections"));
  replace(parts.buckets, table("Hottest buckets (requests in the window)", columns, data.buckets, "No request was charged to a bucket in the window."));
  replace(parts.warning, silosNotAnswering(data.silos));
}

export default {
  id: "rate-limits",
  title: "Rate limits",
  mount(root, context) {
    const parts = {
      stats: h("div", { class: "stats", id: "rate-limit-stats", "aria-live": "polite" }),
      warning: h("div"),
      buckets: h("div", { id: "rate-limit-buckets" }),
    };
    root.append(parts.stats, parts.warning, section(null, parts.buckets));
    const pushed = context.latest("dashboard_rate_limits");
    if (pushed) {
      render(parts, pushed);
    } else {
      context.api("/v1/admin/dashboard/rate-limits").then((data) => render(parts, data), (error) => context.error(error.message));
    }
    context.subscribe("dashboard_rate_limits", (data) => render(parts, data));
  },
};
