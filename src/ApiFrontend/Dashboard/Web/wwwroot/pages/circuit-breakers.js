// Circuit breakers: GET /v1/admin/circuit-breakers (refreshed every 5 s while shown), and reset / isolate with
// a confirmation (POST /v1/admin/circuit-breakers/{dependency}/reset|isolate).
import { h, replace, section, table } from "../lib/dom.js";
import { count, percent, text, time } from "../lib/format.js";

const REFRESH_MS = 5000;
const STATE_KIND = { closed: "ok", half_open: "warn", open: "bad", isolated: "bad" };

export default {
  id: "circuit-breakers",
  title: "Circuit breakers",
  mount(root, context) {
    const list = h("div", { id: "breakers-table" });
    const status = h("p", { id: "breakers-status", class: "muted", role: "status", "aria-live": "polite" });
    let timer = 0;
    let left = false;

    async function act(breaker, action) {
      const question = action === "isolate"
        ? `Isolate ${breaker.dependency}? Every call to it is refused until it is reset.`
        : `Reset ${breaker.dependency}? Its window is cleared and calls flow again.`;
      if (!window.confirm(question)) return;
      try {
        const updated = await context.api(`/v1/admin/circuit-breakers/${encodeURIComponent(breaker.dependency)}/${action}`, { method: "POST" });
        status.textContent = `${updated.dependency} is now ${updated.state.replace("_", "-")}.`;
        await load();
      } catch (error) {
        status.textContent = `Could not ${action} ${breaker.dependency}: ${error.message}`;
      }
    }

    const columns = [
      { label: "Dependency", value: (b) => h("code", { text: b.dependency }) },
      { label: "State", value: (b) => h("span", { class: `badge ${STATE_KIND[b.state] ?? "warn"}`, "data-state": b.state, text: b.state.replace("_", "-") }) },
      { label: "Failure ratio", numeric: true, value: (b) => percent(b.failure_ratio) },
      { label: "Calls in window", numeric: true, value: (b) => count(b.throughput) },
      { label: "Failures", numeric: true, value: (b) => count(b.failures) },
      { label: "Next trial", value: (b) => (b.next_trial_at ? `${time(b.next_trial_at)} (in ${count(b.retry_after)} s)` : text(null)) },
      { label: "Opened", value: (b) => time(b.opened_at) },
      {
        label: "Actions",
        value: (b) => h("span", { class: "actions" },
          h("button", { type: "button", class: "secondary", "aria-label": `Reset ${b.dependency}`, onclick: () => act(b, "reset"), text: "Reset" }),
          " ",
          h("button", { type: "button", class: "danger", "aria-label": `Isolate ${b.dependency}`, disabled: b.isolated, onclick: () => act(b, "isolate"), text: "Isolate" })),
      },
    ];

    async function load() {
      clearTimeout(timer);
      try {
        const page = await context.api("/v1/admin/circuit-breakers?limit=100");
        replace(list, table("Circuit breakers", columns, page.items, "No dependency has been called yet, so no breaker exists."));
      } catch (error) {
        status.textContent = error.message;
      }
      if (!left) timer = setTimeout(load, REFRESH_MS);
    }

    root.append(section(null, status, list));
    load();
    return () => {
      left = true;
      clearTimeout(timer);
    };
  },
};
