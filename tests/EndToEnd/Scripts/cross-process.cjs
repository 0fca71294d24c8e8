// Real time across processes: a SignalR client connected to front end B follows sessions created through front end A.
// For each session: create it through A (API key), subscribe on B (JWT), wait for a final status, then change its
// metadata twice through A; each change must arrive live on B. Then read the event log through A.
// Usage: node cross-process.cjs <base A> <base B> <token> <api key> <sessions>. Prints one JSON object; exits 1 on failure.
"use strict";
const signalR = require("@microsoft/signalr");

const [baseA, baseB, token, apiKey, countText] = process.argv.slice(2);
const count = Number(countText);
const deadlineMs = 60_000;
const finalStatuses = new Set(["completed", "failed", "cancelled"]);

async function api(method, url, body) {
  const headers = { "content-type": "application/json", "x-api-key": apiKey };
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text).data : null;
}

async function main() {
  const updates = [];
  const listeners = new Set();
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${baseB}/v1/ws`, { transport: signalR.HttpTransportType.WebSockets, accessTokenFactory: () => token })
    .configureLogging(signalR.LogLevel.None)
    .build();
  connection.on("session_update", (update) => {
    updates.push(update);
    for (const listener of listeners) listener(update);
  });
  await connection.start();

  const waitFor = (predicate, what) => {
    if (updates.some(predicate)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const listener = (update) => {
        if (predicate(update)) {
          clearTimeout(timer);
          listeners.delete(listener);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`no session_update ${what} on ${baseB} within ${deadlineMs} ms`));
      }, deadlineMs);
      listeners.add(listener);
    });
  };

  const sessions = [];
  for (let i = 0; i < count; i++) {
    const session = await api("POST", `${baseA}/v1/sessions`, {
      cue: `Cross-process session ${i}`,
      session_type: "remote_viewing",
      parameters: { confidence_threshold: 0.5, analysis_types: ["visual", "spatial", "geographical", "object"] },
    });
    const subscribed = await connection.invoke("Subscribe", session.id);
    const mine = (u) => u.sessionId === session.id;
    if (!finalStatuses.has(subscribed.session.status)) {
      await waitFor((u) => mine(u) && finalStatuses.has(u.data.status), `with a final status for ${session.id}`);
    }
    for (let change = 1; change <= 2; change++) {
      await api("PATCH", `${baseA}/v1/sessions/${session.id}`, { metadata: { change } });
      const updated = () => updates.filter((x) => mine(x) && x.data.event === "updated").length >= change;
      await waitFor((u) => mine(u) && updated(), `for change ${change} of ${session.id}`);
    }
    const events = await api("GET", `${baseA}/v1/sessions/${session.id}/events?starting_after=0`);
    sessions.push({
      id: session.id,
      subscribedAt: subscribed.sequence,
      subscribedStatus: subscribed.session.status,
      live: updates.filter(mine).map((u) => ({ sequence: u.sequence, event: u.data.event, status: u.data.status })),
      events: events.items.map((e) => ({ sequence: e.sequence, event: e.data.event, status: e.data.status })),
    });
  }
  await connection.stop();
  return { sessions };
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
