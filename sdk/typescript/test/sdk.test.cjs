// Tests of the compiled SDK (dist/) against a running MindPeeker.
// Env: MINDPEEKER_BASE_URL (e.g. http://127.0.0.1:5080) and MINDPEEKER_API_KEY (sessions create/read/update, analyses read).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { createHmac } = require("node:crypto");
const { MindPeekerClient, MindPeekerApiError, WebhookVerifier, WebhookVerificationError } = require("../dist/index.js");

const baseUrl = process.env.MINDPEEKER_BASE_URL;
const apiKey = process.env.MINDPEEKER_API_KEY;
const live = { skip: !baseUrl || !apiKey ? "MINDPEEKER_BASE_URL and MINDPEEKER_API_KEY are not set" : false };
const client = () => new MindPeekerClient({ baseUrl, apiKey });

test("create, onProgress, waitForCompletion and getResults follow a session to its results", live, async () => {
  const sdk = client();
  // A cue of its own: analyses of a cue seen before come from the cache at once, too fast to follow live.
  const session = await sdk.sessions.create({ cue: `A lighthouse on a rocky coast at dusk (${Date.now()})`, session_type: "remote_viewing" });
  assert.equal(session.status, "pending");

  const live = [];
  const subscription = await sdk.sessions.onProgress(session.id, (u) => live.push(u));
  const progress = [];
  const done = await sdk.sessions.waitForCompletion(session.id, { timeoutMs: 120_000, onProgress: (u) => progress.push(u) });
  await subscription.close();

  assert.equal(done.status, "completed");
  assert.equal(done.progress, 100);
  const all = [...live, ...progress];
  assert.ok(all.length > 0, "updates arrived live");
  for (const list of [live, progress]) {
    const sequences = list.map((u) => u.sequence);
    assert.deepEqual(sequences, [...sequences].sort((a, b) => a - b), "in sequence order");
    assert.equal(new Set(sequences).size, sequences.length, "each once");
  }
  assert.ok(all.some((u) => u.data.status === "completed"));

  const results = await sdk.sessions.getResults(session.id);
  assert.equal(results.length, done.result_count);
  assert.ok(results.length > 0);
  for (const r of results) assert.ok(r.confidence_score >= 0 && r.confidence_score <= 1);
});

test("list pages through starting_after and filters by updated_since", live, async () => {
  const sdk = client();
  const since = new Date(Date.now() - 1000);
  const created = [];
  for (let i = 0; i < 3; i++) created.push((await sdk.sessions.create({ cue: `ts paging ${i}`, session_type: "dowsing" })).id);
  const ids = [];
  for await (const s of sdk.sessions.list({ pageSize: 1, updatedSince: since })) ids.push(s.id);
  for (const id of created) assert.ok(ids.includes(id), `listed ${id}`);
  assert.equal(new Set(ids).size, ids.length, "no session twice");
});

test("errors are MindPeekerApiError with the problem details", live, async () => {
  await assert.rejects(client().sessions.get("00000000-0000-0000-0000-000000000001"), (error) => {
    assert.ok(error instanceof MindPeekerApiError);
    assert.equal(error.status, 404);
    assert.match(error.problem.requestId, /^req_/);
    return true;
  });
});

test("retries a 429 after its Retry-After", async () => {
  // A local endpoint that refuses once with Retry-After: 1, then answers.
  const http = require("node:http");
  let calls = 0;
  const server = http.createServer((req, res) => {
    calls++;
    if (calls === 1) {
      res.writeHead(429, { "content-type": "application/problem+json", "retry-after": "1" });
      res.end(JSON.stringify({ status: 429, title: "Too Many Requests", detail: "Rate limit exceeded. Try again in 1 seconds." }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ success: true, data: { id: "s1", status: "pending" } }));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const started = Date.now();
    const session = await new MindPeekerClient({ baseUrl: `http://127.0.0.1:${server.address().port}`, apiKey: "k" }).sessions.get("s1");
    assert.equal(session.id, "s1");
    assert.equal(calls, 2);
    assert.ok(Date.now() - started >= 950, "waited for Retry-After");
  } finally {
    server.close();
  }
});

test("webhook verification accepts the Standard Webhooks vector and refuses tampering and stale timestamps", () => {
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const headers = { "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330", "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" };
  const body = '{"test": 2432232314}';
  const at = (seconds) => () => seconds * 1000;
  new WebhookVerifier(secret, 300, at(1614265330)).verify(body, headers);
  assert.throws(() => new WebhookVerifier(secret, 300, at(1614265330)).verify(body.replace("4}", "5}"), headers), WebhookVerificationError);
  assert.throws(() => new WebhookVerifier(secret, 300, at(1614265330 + 301)).verify(body, headers), /too old/);
  // A signature made here with the same key bytes verifies too.
  const key = Buffer.from(secret.slice(6), "base64");
  const now = Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", key).update(`evt_1.${now}.{}`).digest("base64");
  new WebhookVerifier(secret).verify("{}", { "Webhook-Id": "evt_1", "Webhook-Timestamp": String(now), "Webhook-Signature": `v1,${signature}` });
});
