// Logs: a live tail over the admin hub's StreamLogs (the newest 100 matching entries, then each new one), filtered
// by minimum level, grain (type or id substring) and session id. Shows the newest 500 entries, newest first.
import { h, replace, section } from "../lib/dom.js";
import { count, text, time } from "../lib/format.js";

const MAX_ROWS = 500;
const LEVELS = ["trace", "debug", "information", "warning", "error", "critical"];

function row(entry) {
  const exception = entry.exception_type ? `${entry.exception_type}: ${entry.exception_message ?? ""}` : null;
  return h("tr", { "data-level": entry.level },
    h("td", { text: time(entry.timestamp) }),
    h("td", { class: `level-${entry.level}`, text: text(entry.level) }),
    h("td", { text: text(entry.category?.split(".").pop()) }),
    h("td", {}, text(entry.message), exception ? h("div", { class: "muted", text: exception }) : null),
    h("td", { text: text(entry.grain_id ?? entry.grain_type) }),
    h("td", {}, entry.session_id ? h("code", { text: entry.session_id }) : text(null)));
}

export default {
  id: "logs",
  title: "Logs",
  mount(root, context) {
    const level = h("select", { id: "logs-level", name: "level" },
      h("option", { value: "", text: "all levels" }),
      LEVELS.map((l) => h("option", { value: l, text: `${l} and above` })));
    level.value = "information";
    const grain = h("input", { id: "logs-grain", name: "grain", type: "search", placeholder: "grain type or id" });
    const session = h("input", { id: "logs-session", name: "session", type: "search", placeholder: "session id" });
    const form = h("form", { class: "toolbar", id: "logs-filter" },
      h("label", { for: "logs-level" }, "Level", level),
      h("label", { for: "logs-grain" }, "Grain", grain),
      h("label", { for: "logs-session" }, "Session", session),
      h("button", { type: "submit", text: "Apply filter" }));
    const status = h("p", { id: "logs-status", class: "muted", role: "status", "aria-live": "polite" });
    const body = h("tbody", { id: "logs-rows" });
    const logTable = h("table", { class: "log" },
      h("caption", { text: "Log entries, newest first" }),
      h("thead", {}, h("tr", {}, ["Time", "Level", "Category", "Message", "Grain", "Session"].map((c) => h("th", { scope: "col", text: c })))),
      body);
    root.append(section("Filter", form, status), section("Live tail", logTable));

    let subscription = null;
    let received = 0;

    function stop() {
      subscription?.dispose();
      subscription = null;
    }

    function start() {
      stop();
      received = 0;
      replace(body);
      const filter = { level: level.value || null, grain: grain.value.trim() || null, session: session.value.trim() || null };
      const stream = context.hub.stream("StreamLogs", filter);
      if (!stream) {
        status.textContent = "Waiting for the live connection…";
        return;
      }
      status.textContent = "Streaming: 0 entries.";
      subscription = stream.subscribe({
        next(entry) {
          received += 1;
          body.prepend(row(entry));
          while (body.childElementCount > MAX_ROWS) body.lastElementChild.remove();
          status.textContent = `Streaming: ${count(received)} entries${received > MAX_ROWS ? ` (showing the newest ${MAX_ROWS})` : ""}.`;
        },
        error(error) {
          status.textContent = `The log stream stopped: ${error?.message ?? error}. It restarts when the connection is back.`;
        },
        complete() {
          status.textContent = "The log stream ended.";
        },
      });
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      start();
    });
    context.onHubState((state) => (state === "live" ? start() : stop()));
    if (context.hubState === "live") start();
    else status.textContent = "Waiting for the live connection…";
    return stop;
  },
};
