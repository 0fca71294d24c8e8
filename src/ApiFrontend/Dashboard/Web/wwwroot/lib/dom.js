// DOM building without innerHTML: every text goes through textContent / createTextNode, so data from the
// APIs can never become markup.

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Creates an element. attrs: plain attributes, plus `class`, `text` (textContent), `on<event>` handlers,
 * `hidden`/`disabled` booleans. children: nodes, strings (as text), null/false (skipped) or arrays of those.
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  applyAttributes(element, attrs);
  append(element, children);
  return element;
}

/** Creates an SVG element (for charts). */
export function svg(tag, attrs = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  applyAttributes(element, attrs);
  append(element, children);
  return element;
}

function applyAttributes(element, attrs) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") {
      element.textContent = String(value);
    } else if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all children of `element`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/**
 * A table with a caption and column headers. columns: [{ label, value: row => text|Node, numeric? }].
 * rows: array of objects. empty: text shown in one cell when there are no rows.
 */
export function table(caption, columns, rows, empty = "Nothing to show yet.") {
  const head = h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col", class: c.numeric ? "num" : null, text: c.label }))));
  const body = h("tbody");
  if (!rows || rows.length === 0) {
    body.append(h("tr", {}, h("td", { colspan: columns.length, class: "empty", text: empty })));
  } else {
    for (const row of rows) {
      body.append(h("tr", {}, columns.map((c) => h("td", { class: c.numeric ? "num" : null }, c.value(row)))));
    }
  }
  return h("table", {}, h("caption", { text: caption }), head, body);
}

/** A labelled number tile; `id` lets live updates and tests find its value. */
export function stat(label, value, id) {
  return h("div", { class: "stat" },
    h("span", { class: "stat-label", text: label }),
    h("span", { class: "stat-value", id, "data-stat": id, text: value }));
}

/** A panel; with a title it is a labelled section with a heading (leave it out when a table caption says it all). */
export function section(title, ...children) {
  return title
    ? h("section", { class: "panel", "aria-label": title }, h("h3", { text: title }), children)
    : h("div", { class: "panel" }, children);
}
