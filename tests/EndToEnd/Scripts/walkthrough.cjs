// The README walk-through, end to end, with the official SignalR client:
// register -> API key -> create a session (with the key) -> subscribe over SignalR (with the JWT)
// -> ordered session_update events up to "completed" -> a live "updated" event -> results.
// Usage: node walkthrough.cjs <base url>. Prints one JSON object on stdout; exits 1 on failure.
"use strict";
const signalR = require("@microsoft/signalr");

const base = process.argv[2];
const deadlineMs = 60_000;
const finalStatuses = new Set(["completed", "failed", "cancelled"]);

async function api(method, path, { token, key, body } = {}) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (key) headers["x-api-key"] = key;
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return json;
}

function connect(url, options) {
  return new signalR.HubConnectionBuilder()
    .withUrl(url, { transport: signalR.HttpTransportType.WebSockets, ...options })
    .configureLogging(signalR.LogLevel.None)
    .build();
}

/** Resolves with the first update matching `predicate`, among those already received or still to come. */
function waitFor(updates, listeners, predicate, what) {
  const seen = updates.find(predicate);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no session_update ${what} within ${deadlineMs} ms`)), deadlineMs);
    listeners.push((update) => {
      if (predicate(update)) {
        clearTimeout(timer);
        resolve(update);
      }
    });
  });
}

async function main() {
  const suffix = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const registered = (await api("POST", "/v1/auth/register", {
    body: { email: `e2e-${suffix}@example.com`, username: `e2e_${suffix}`, password: `Walkthrough-${suffix}!` },
  })).data;
  const token = registered.token;
  const apiKey = (await api("POST", "/v1/api-keys", {
    token,
    body: {
      name: "end-to-end",
      permissions: [{ resource: "sessions", actions: ["create", "read", "update"] }, { resource: "analyses", actions: ["read"] }],
    },
  })).data.key;

  // Connected before the session exists, so the subscription follows its creation as closely as possible.
  const updates = [];
  const listeners = [];
  const connection = connect(`${base}/v1/ws`, { accessTokenFactory: () => token });
  connection.on("session_update", (update) => {
    updates.push(update);
    for (const listener of listeners) listener(update);
  });
  await connection.start();

  const session = (await api("POST", "/v1/sessions", {
    key: apiKey,
    body: { cue: "A lighthouse on a rocky coast at dusk", session_type: "remote_viewing" },
  })).data;
  const subscribed = await connection.invoke("Subscribe", session.id);

  // Live updates newer than the subscription's sequence, up to a final status (unless it was already final).
  const live = () => updates.filter((u) => u.sessionId === session.id && u.sequence > subscribed.sequence);
  if (!finalStatuses.has(subscribed.session.status)) {
    await waitFor(updates, listeners, (u) => u.sequence > subscribed.sequence && finalStatuses.has(u.data.status), "with a final status");
  }
  const untilFinal = live();
  const lastSequence = Math.max(subscribed.sequence, ...untilFinal.map((u) => u.sequence));

  // A change after completion arrives live, whatever the race above did.
  await api("PATCH", `/v1/sessions/${session.id}`, { key: apiKey, body: { metadata: { reviewed: true } } });
  const updated = await waitFor(updates, listeners, (u) => u.sequence > lastSequence, "after the metadata change");

  const events = (await api("GET", `/v1/sessions/${session.id}/events?starting_after=0`, { key: apiKey })).data.items;
  const results = (await api("GET", `/v1/sessions/${session.id}/results`, { key: apiKey })).data.items;
  const current = (await api("GET", `/v1/sessions/${session.id}`, { key: apiKey })).data;

  // A browser cannot set headers on a WebSocket: the token travels as access_token instead.
  const browserLike = connect(`${base}/v1/ws?access_token=${encodeURIComponent(token)}`, {});
  await browserLike.start();
  const browserSubscribed = await browserLike.invoke("Subscribe", session.id);
  await browserLike.stop();

  let anonymousRefused = false;
  try {
    const anonymous = connect(`${base}/v1/ws`, {});
    await anonymous.start();
    await anonymous.stop();
  } catch (error) {
    anonymousRefused = /401/.test(String(error && error.message));
  }

  await connection.stop();
  const brief = (u) => ({ sequence: u.sequence, type: u.type, event: u.data.event, status: u.data.status, progress: u.data.progress, sessionId: u.sessionId, timestamp: u.timestamp });
  return {
    sessionId: session.id,
    created: { status: session.status, progress: session.progress },
    transport: "WebSockets",
    subscribed: { id: subscribed.session.id, status: subscribed.session.status, progress: subscribed.session.progress, sequence: subscribed.sequence },
    live: untilFinal.map(brief),
    updated: brief(updated),
    events: events.map((e) => ({ sequence: e.sequence, event: e.data.event, status: e.data.status, progress: e.data.progress })),
    results: results.map((r) => ({ resultType: r.result_type, confidence: r.confidence_score, model: r.model && r.model.name })),
    final: { status: current.status, progress: current.progress, resultCount: current.result_count },
    browserSubscribed: { id: browserSubscribed.session.id, sequence: browserSubscribed.sequence },
    anonymousRefused,
  };
}

main().then(
  (report) => {
    process.stdout.write(JSON.stringify(report) + "\n");
    process.exit(0);
  },
  (error) => {
    process.stdout.write(JSON.stringify({ error: String(error && error.stack ? error.stack : error) }) + "\n");
    process.exit(1);
  });
