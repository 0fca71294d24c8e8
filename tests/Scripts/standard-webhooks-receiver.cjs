// An independent Standard Webhooks receiver for tests: verifies every POST with the npm `standardwebhooks`
// package (the reference TypeScript implementation) and the legacy X-MindPeeker-Signature (lowercase hex
// HMAC-SHA256 of the raw body with the same key bytes: the base64 part of the whsec_ secret, decoded).
//
// Usage: node standard-webhooks-receiver.cjs <port|0> <secret>
//   Prints one JSON line {"port":N} once listening on 127.0.0.1, then one line {"received":{...}} per POST.
//   POST <any path>      verify; answer 204 when both signatures are valid (or the configured status), 400 when not.
//   GET /received        JSON list of {id, type, timestamp, path, valid_standard, valid_legacy, error} in arrival order.
//   DELETE /received     forget what was received.
//   PUT /behaviour       JSON {"status":503,"retry_after":"5"}: answer valid deliveries with that status from now on.
// Exits on SIGTERM/SIGINT, or when its standard input closes (the test process that started it is gone).
"use strict";

const http = require("node:http");
const crypto = require("node:crypto");
const { Webhook } = require("standardwebhooks");

const [portArgument, secret] = process.argv.slice(2);
if (portArgument === undefined || !secret) {
  process.stderr.write("usage: standard-webhooks-receiver.cjs <port|0> <secret>\n");
  process.exit(2);
}

const webhook = new Webhook(secret);
const legacyKey = Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
const received = [];
let behaviour = { status: 204, retry_after: null };

function verifyStandard(body, headers) {
  try {
    webhook.verify(body, headers, { jsonParse: false });
    return { valid: true, error: null };
  } catch (error) {
    return { valid: false, error: String(error && error.message) };
  }
}

function verifyLegacy(body, header) {
  if (typeof header !== "string" || !/^[0-9a-f]{64}$/.test(header)) {
    return false;
  }
  const expected = crypto.createHmac("sha256", legacyKey).update(body).digest();
  return crypto.timingSafeEqual(expected, Buffer.from(header, "hex"));
}

function typeOf(body, headers) {
  try {
    const parsed = JSON.parse(body.toString("utf8"));
    if (parsed && typeof parsed.type === "string") {
      return parsed.type;
    }
  } catch {
    // Not JSON: fall back to the event header.
  }
  return headers["x-mindpeeker-event"] ?? null;
}

function json(response, status, value) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(value));
}

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    if (request.method === "GET" && request.url === "/received") {
      return json(response, 200, received);
    }
    if (request.method === "DELETE" && request.url === "/received") {
      received.length = 0;
      response.writeHead(204).end();
      return;
    }
    if (request.method === "PUT" && request.url === "/behaviour") {
      behaviour = { status: 204, retry_after: null, ...JSON.parse(body.toString("utf8")) };
      response.writeHead(204).end();
      return;
    }
    if (request.method !== "POST") {
      response.writeHead(405).end();
      return;
    }

    const standard = verifyStandard(body, request.headers);
    const legacy = verifyLegacy(body, request.headers["x-mindpeeker-signature"]);
    const record = {
      id: request.headers["webhook-id"] ?? null,
      type: typeOf(body, request.headers),
      timestamp: request.headers["webhook-timestamp"] ?? null,
      path: request.url,
      valid_standard: standard.valid,
      valid_legacy: legacy,
      error: standard.error,
    };
    received.push(record);
    process.stdout.write(JSON.stringify({ received: record }) + "\n");
    if (!standard.valid || !legacy) {
      return json(response, 400, { valid_standard: standard.valid, valid_legacy: legacy, error: standard.error });
    }
    const headers = behaviour.retry_after ? { "retry-after": String(behaviour.retry_after) } : {};
    response.writeHead(behaviour.status, headers).end();
  });
});

server.listen(Number(portArgument), "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + "\n");
});

function stop() {
  server.close();
  process.exit(0);
}

process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
