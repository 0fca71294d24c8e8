// The admin dashboard shell: sign-in, navigation (hash routes), the admin hub connection, and the page
// lifecycle. Each page is a module in pages/ exporting { id, title, mount(root, context) }; mount may
// return a function that runs when the page is left.
import { api, authEvents, currentAuth, isAdmin, signIn, signOut } from "./lib/api.js";
import { h, replace } from "./lib/dom.js";
import { createHub } from "./lib/hub.js";
import overview from "./pages/overview.js";
import grains from "./pages/grains.js";
import inspector from "./pages/inspector.js";
import reminders from "./pages/reminders.js";
import circuitBreakers from "./pages/circuit-breakers.js";
import rateLimits from "./pages/rate-limits.js";
import webhooks from "./pages/webhooks.js";
import sessions from "./pages/sessions.js";
import logs from "./pages/logs.js";

const PAGES = [overview, grains, inspector, reminders, circuitBreakers, rateLimits, webhooks, sessions, logs];
const STATE_TEXT = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", disconnected: "Disconnected" };

const $ = (id) => document.getElementById(id);
const latest = new Map();
const listeners = new Set();
const stateListeners = new Set();
let hubState = "disconnected";
let leavePage = null;

const hub = createHub({
  onState(state) {
    hubState = state;
    const badge = $("connection");
    badge.dataset.state = state;
    badge.textContent = STATE_TEXT[state];
    for (const listener of stateListeners) listener(state);
  },
  onMessage(name, payload) {
    latest.set(name, payload);
    for (const listener of listeners) if (listener.name === name) listener.handler(payload);
  },
});

function show(view) {
  for (const id of ["login-view", "forbidden-view", "app-view"]) $(id).hidden = id !== view;
}

function pageFromHash() {
  const id = location.hash.replace(/^#\/?/, "").split("?")[0];
  return PAGES.find((p) => p.id === id) ?? PAGES[0];
}

function renderNav(current) {
  replace($("nav"), PAGES.map((p) =>
    h("li", {}, h("a", { href: `#/${p.id}`, "aria-current": p === current ? "page" : null, text: p.title }))));
}

function mountPage() {
  if (typeof leavePage === "function") leavePage();
  leavePage = null;
  listeners.clear();
  stateListeners.clear();
  const page = pageFromHash();
  renderNav(page);
  const root = $("page");
  root.dataset.page = page.id;
  replace(root, h("h2", { id: "page-title", text: page.title }));
  document.title = `${page.title} · MindPeeker admin`;
  const body = h("div", { class: "page-body" });
  root.append(body);
  const context = {
    api,
    hub,
    /** The last payload of a live message, or undefined before the first push. */
    latest: (name) => latest.get(name),
    /** Calls handler(payload) on every push of `name` while this page is shown. */
    subscribe: (name, handler) => listeners.add({ name, handler }),
    /** Calls handler(state) on every hub state change while this page is shown. */
    onHubState: (handler) => stateListeners.add(handler),
    get hubState() {
      return hubState;
    },
    /** Shows an error line in the page (text only). */
    error: (message) => body.prepend(h("p", { class: "error", role: "alert", text: message })),
  };
  try {
    leavePage = page.mount(body, context);
  } catch (error) {
    context.error(`This page failed to render: ${error.message}`);
  }
}

async function enter(auth) {
  $("who").textContent = auth.user?.email ?? "";
  $("logout").hidden = false;
  if (!isAdmin(auth)) {
    $("forbidden-user").textContent = auth.user?.email ?? "this account";
    show("forbidden-view");
    return;
  }
  show("app-view");
  mountPage();
  await hub.start();
}

async function leave(message) {
  await hub.stop();
  if (typeof leavePage === "function") leavePage();
  leavePage = null;
  $("who").textContent = "";
  $("logout").hidden = true;
  $("login-error").textContent = message ?? "";
  show("login-view");
  $("login-email").focus();
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const button = $("login-submit");
  button.disabled = true;
  $("login-error").textContent = "";
  try {
    const auth = await signIn($("login-email").value.trim(), $("login-password").value);
    $("login-password").value = "";
    await enter(auth);
  } catch (error) {
    $("login-error").textContent = error.message;
  } finally {
    button.disabled = false;
  }
});

$("logout").addEventListener("click", () => signOut(""));
$("forbidden-signout").addEventListener("click", () => signOut(""));
authEvents.addEventListener("signed-out", (event) => leave(event.detail));
authEvents.addEventListener("forbidden", () => {
  hub.stop();
  $("forbidden-user").textContent = currentAuth()?.user?.email ?? "this account";
  show("forbidden-view");
});
window.addEventListener("hashchange", () => {
  if (!$("app-view").hidden) mountPage();
});

const saved = currentAuth();
if (saved?.token) {
  enter(saved);
} else {
  leave("");
}
