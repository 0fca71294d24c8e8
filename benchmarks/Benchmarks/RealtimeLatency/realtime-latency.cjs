// The clients of the realtime-latency benchmark: official @microsoft/signalr connections that
// subscribe to every session and time each session_update from its `timestamp` (set by the server
// when the session changed) to its arrival here. Same machine, same wall clock.
//
// Usage: node realtime-latency.cjs <base url> <access token> <connections> <sessions.json>
// Talks JSON lines: stdout {"event":"ready"} once every session is subscribed and finished its
// analysis; stdin {"command":"measure","phase":name,"expected":n} starts a phase, answered by
// {"event":"measured",...} after n new updates; {"command":"exit"} closes the connections.
"use strict";
const fs = require("fs");
const readline = require("readline");
const signalR = require("@microsoft/signalr");

const [base, token, connectionCount, sessionsFile] = process.argv.slice(2);
const sessionIds = JSON.parse(fs.readFileSync(sessionsFile, "utf8"));
const finalStatuses = new Set(["completed", "failed", "cancelled"]);

const lastSequence = new Map();
const unfinished = new Set();
const finished = new Set();
let phase = null;
let readyAnnounced = false;

function send(message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

/**
 * performance.timeOrigin + performance.now() is a sub-millisecond wall clock, but timeOrigin is fixed
 * at start-up and the system clock may be adjusted afterwards. This measures its offset from
 * Date.now() (the system clock, whole milliseconds) at the instant Date.now() ticks over, as the
 * median of several tries, so arrivals are read on the same clock the server stamps with.
 */
function clockOffsetMs() {
  const samples = [];
  for (let i = 0; i < 9; i++) {
    const before = Date.now();
    let now;
    do {
      now = Date.now();
    } while (now === before);
    samples.push(now - (performance.timeOrigin + performance.now()));
  }
  samples.sort((a, b) => a - b);
  return samples[4];
}

let clockOffset = clockOffsetMs();

/** Milliseconds since the epoch, with the sub-millisecond digits Date.parse drops. */
function parseTimestamp(text) {
  const fraction = /\.(\d+)/.exec(text);
  const whole = Date.parse(fraction ? text.replace(fraction[0], "") : text);
  return fraction ? whole + Number("0." + fraction[1]) * 1000 : whole;
}

function onUpdate(update) {
  const arrivedMs = performance.timeOrigin + performance.now() + clockOffset;
  const previous = lastSequence.get(update.sessionId) ?? 0;
  if (update.sequence <= previous) {
    return; // already covered by the Subscribe answer
  }
  lastSequence.set(update.sessionId, update.sequence);
  if (finalStatuses.has(update.data.status)) {
    finished.add(update.sessionId);
    unfinished.delete(update.sessionId);
    announceReady();
  }
  if (phase) {
    if (update.sequence !== previous + 1) phase.gaps++;
    phase.latenciesUs.push(Math.round((arrivedMs - parseTimestamp(update.timestamp)) * 1000));
    if (phase.latenciesUs.length >= phase.expected) {
      const done = phase;
      phase = null;
      send({ event: "measured", phase: done.name, count: done.latenciesUs.length, gaps: done.gaps, latenciesUs: done.latenciesUs });
    }
  }
}

function announceReady() {
  if (!readyAnnounced && subscribedAll && unfinished.size === 0) {
    readyAnnounced = true;
    send({ event: "ready", subscribed: sessionIds.length, connections: connections.length });
  }
}

const connections = [];
let subscribedAll = false;

async function main() {
  for (let i = 0; i < Number(connectionCount); i++) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(`${base}/v1/ws`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    connection.on("session_update", onUpdate);
    await connection.start();
    connections.push(connection);
  }

  // Sessions are spread over the connections; each connection subscribes its share in one pipelined go.
  await Promise.all(connections.map((connection, c) => Promise.all(
    sessionIds.filter((_, i) => i % connections.length === c).map(async (id) => {
      const answer = await connection.invoke("Subscribe", id);
      lastSequence.set(id, Math.max(lastSequence.get(id) ?? 0, answer.sequence));
      // The final update may have overtaken this answer on the wire.
      if (!finalStatuses.has(answer.session.status) && !finished.has(id)) unfinished.add(id);
    }))));
  subscribedAll = true;
  announceReady();

  const commands = readline.createInterface({ input: process.stdin });
  for await (const line of commands) {
    const command = JSON.parse(line);
    if (command.command === "measure") {
      clockOffset = clockOffsetMs();
      phase = { name: command.phase, expected: command.expected, gaps: 0, latenciesUs: [] };
      send({ event: "measuring", phase: command.phase, clockOffsetMs: clockOffset });
    } else if (command.command === "exit") {
      break;
    }
  }
  await Promise.all(connections.map((c) => c.stop()));
}

main().then(() => process.exit(0), (error) => {
  send({ event: "error", error: String(error && error.stack ? error.stack : error) });
  process.exit(1);
});
