// Reminders: GET /v1/admin/dashboard/reminders, a page at a time; the first page is refreshed every 5 s until
// "Load more" was used.
import { h, replace, section, table } from "../lib/dom.js";
import { duration, text, time } from "../lib/format.js";

const REFRESH_MS = 5000;
const PAGE_SIZE = 50;

const columns = [
  { label: "Grain", value: (r) => h("code", { text: text(r.grain_id) }) },
  { label: "Reminder", value: (r) => text(r.name) },
  { label: "Period", numeric: true, value: (r) => duration(r.period_seconds) },
  { label: "Next due", value: (r) => time(r.next_due) },
  { label: "First due", value: (r) => time(r.start_at) },
  { label: "Silo", value: (r) => text(r.silo_name) },
];

export default {
  id: "reminders",
  title: "Reminders",
  mount(root, context) {
    const items = [];
    const list = h("div", { id: "reminders-table" });
    const more = h("button", { type: "button", class: "secondary", hidden: true, text: "Load more" });
    const refresh = h("button", { type: "button", class: "secondary", text: "Refresh" });
    let cursor = null;
    let timer = 0;
    let left = false;

    async function load(reset) {
      clearTimeout(timer);
      if (reset) {
        items.length = 0;
        cursor = null;
      }
      const query = cursor ? `?limit=${PAGE_SIZE}&starting_after=${encodeURIComponent(cursor)}` : `?limit=${PAGE_SIZE}`;
      try {
        const page = await context.api(`/v1/admin/dashboard/reminders${query}`);
        items.push(...(page.items ?? []));
        cursor = page.has_more ? page.next_cursor : null;
        more.hidden = !cursor;
        replace(list, table(`Reminders (${items.length}${cursor ? "+" : ""})`, columns, items, "No reminders are registered."));
      } catch (error) {
        replace(list, h("p", { class: "error", role: "alert", text: error.message }));
      }
      if (!left && items.length <= PAGE_SIZE) timer = setTimeout(() => load(true), REFRESH_MS);
    }

    more.addEventListener("click", () => load(false));
    refresh.addEventListener("click", () => load(true));
    root.append(section(null, h("div", { class: "toolbar" }, refresh), list, more));
    load(true);
    return () => {
      left = true;
      clearTimeout(timer);
    };
  },
};
