import { currentAuth, refreshToken } from "./api.js";

/** The messages the admin hub pushes every collection interval. */
export const LIVE_MESSAGES = ["dashboard_snapshot", "dashboard_rate_limits", "dashboard_webhooks", "dashboard_sessions"];

const retryDelay = (attempt) => Math.min(10_000, 500 * 2 ** Math.min(attempt, 5));

/**
 * The connection to the admin hub (/v1/admin/ws, JWT as access_token) with the vendored SignalR client.
 * Reconnects forever with backoff (0.5 s doubling up to 10 s), refreshing the token when the server refuses it.
 * onState(state): "connecting" | "live" | "reconnecting" | "disconnected". onMessage(name, payload).
 */
export function createHub({ onState, onMessage }) {
  let connection = null;
  let stopped = false;
  let attempt = 0;
  let timer = 0;

  async function accessToken() {
    const auth = currentAuth();
    if (auth && auth.expires_at - Date.now() < 30_000) await refreshToken();
    return currentAuth()?.token ?? "";
  }

  function build() {
    const hub = new window.signalR.HubConnectionBuilder()
      .withUrl("/v1/admin/ws", { accessTokenFactory: accessToken })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelay(context.previousRetryCount) })
      .configureLogging(window.signalR.LogLevel.Warning)
      .build();
    for (const name of LIVE_MESSAGES) hub.on(name, (payload) => onMessage(name, payload));
    hub.onreconnecting(() => onState("reconnecting"));
    hub.onreconnected(() => onState("live"));
    hub.onclose(() => {
      onState("disconnected");
      schedule();
    });
    return hub;
  }

  function schedule() {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(start, retryDelay(attempt++));
  }

  async function start() {
    if (stopped) return;
    connection ??= build();
    onState("connecting");
    try {
      await connection.start();
      attempt = 0;
      onState("live");
    } catch (error) {
      if (String(error?.message ?? error).includes("401")) await refreshToken();
      onState("disconnected");
      schedule();
    }
  }

  return {
    start() {
      stopped = false;
      return start();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const hub = connection;
      connection = null;
      if (hub) await hub.stop().catch(() => {});
      onState("disconnected");
    },
    /** Starts a server-to-client stream once connected; returns the subscription (dispose() to end it). */
    stream(method, ...args) {
      if (!connection || connection.state !== window.signalR.HubConnectionState.Connected) return null;
      return connection.stream(method, ...args);
    },
    get connected() {
      return connection?.state === window.signalR?.HubConnectionState.Connected;
    },
  };
}
