// Grain inspector: GET /v1/admin/dashboard/grains/{grainType}/{key} — where a grain lives and its persistent
// state with secrets redacted. Looking never activates the grain.
import { h, replace, section } from "../lib/dom.js";
import { text } from "../lib/format.js";

const NO_STATE = "No persistent state to show: the grain is not active, or it keeps its data in its own tables.";

const hasState = (state) => state != null && (typeof state !== "object" || Object.keys(state).length > 0);

function render(result, grain) {
  const rows = [
    ["Grain id", grain.grain_id],
    ["Activated", grain.activated ? "yes" : "no (not active on any silo)"],
    ["Silo", grain.silo_name ? `${grain.silo_name} (${grain.silo})` : null],
    ["Activation id", grain.activation_id],
  ];
  replace(result,
    h("dl", { class: "facts", id: "inspector-facts" }, rows.map(([label, value]) => [h("dt", { text: label }), h("dd", { text: text(value) })])),
    h("h4", { text: "State (secrets redacted)" }),
    h("pre", { class: "json", id: "inspector-state", text: hasState(grain.state) ? JSON.stringify(grain.state, null, 2) : NO_STATE }));
}

export default {
  id: "inspector",
  title: "Grain inspector",
  mount(root, context) {
    const types = h("datalist", { id: "grain-types" });
    const typeInput = h("input", { id: "inspector-type", name: "grain_type", required: true, list: "grain-types", placeholder: "session" });
    const keyInput = h("input", { id: "inspector-key", name: "key", required: true, placeholder: "GUID, hexadecimal integer or string key" });
    const result = h("div", { id: "inspector-result", "aria-live": "polite" });
    const form = h("form", { class: "toolbar", id: "inspector-form" },
      h("label", { for: "inspector-type" }, "Grain type", typeInput),
      h("label", { for: "inspector-key" }, "Key", keyInput),
      h("button", { type: "submit", text: "Look up" }),
      types);
    root.append(section("Look up a grain", form), section("Result", result));

    const fillTypes = (grains) =>
      replace(types, (grains?.activations ?? []).map((a) => h("option", { value: a.grain_type })));
    fillTypes(context.latest("dashboard_snapshot")?.grains);
    context.subscribe("dashboard_snapshot", (payload) => types.childElementCount === 0 && fillTypes(payload?.grains));

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const type = typeInput.value.trim();
      const key = keyInput.value.trim();
      if (!type || !key) {
        replace(result, h("p", { class: "error", role: "alert", text: "Enter a grain type and a key." }));
        return;
      }
      replace(result, h("p", { class: "muted", text: "Looking up…" }));
      try {
        render(result, await context.api(`/v1/admin/dashboard/grains/${encodeURIComponent(type)}/${encodeURIComponent(key)}`));
      } catch (error) {
        replace(result, h("p", { class: "error", role: "alert", text: error.message }));
      }
    });
  },
};
