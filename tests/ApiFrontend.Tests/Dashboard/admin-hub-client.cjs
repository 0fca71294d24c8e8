// The admin hub as a browser dashboard uses it: the official @microsoft/signalr client, JWT through
// accessTokenFactory (the client sends it as ?access_token= on the WebSocket). Prints one JSON line:
// what the admin received, and how a non-admin's connection attempt ended.
//   node admin-hub-client.cjs <base url> <admin token> <user token>
"use strict";
const signalR = require("@microsoft/signalr");

const [base, adminToken, userToken] = process.argv.slice(2);
const deadlineMs = 30000;

function connect(token) {
  return new signalR.HubConnectionBuilder()
    .withUrl(`${base}/v1/admin/ws`, { transport: signalR.HttpTransportType.WebSockets, accessTokenFactory: () => token })
    .configureLogging(signalR.LogLevel.None)
    .build();
}

async function main() {
  const admin = connect(adminToken);
  const snapshots = [];
  const two = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fewer than 2 dashboard_snapshot within ${deadlineMs} ms`)), deadlineMs);
    admin.on("dashboard_snapshot", (snapshot) => {
      snapshots.push(snapshot);
      if (snapshots.length === 2) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  await admin.start();
  await two;
  await admin.stop();

  let userOutcome;
  const user = connect(userToken);
  try {
    await user.start();
    userOutcome = "connected";
    await user.stop();
  } catch (error) {
    userOutcome = String(error && (error.statusCode || error.message));
  }

  const [first, second] = snapshots;
  console.log(JSON.stringify({
    snapshots: snapshots.length,
    silos: first.overview.silos.length,
    silo_status: first.overview.silos[0].status,
    has_top: Array.isArray(first.grains.top.by_calls),
    ascending: Date.parse(second.overview.collected_at) > Date.parse(first.overview.collected_at),
    user_outcome: userOutcome,
  }));
}

main().then(() => process.exit(0), (error) => {
  console.error(error && error.stack || String(error));
  process.exit(1);
});
