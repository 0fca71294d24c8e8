import { randomUUID } from "node:crypto";
import * as signalR from "@microsoft/signalr";
import { ApiConnection } from "./http";
import { CreateSessionRequest, finalStatuses, ListOptions, Session, SessionResult, SessionUpdate, WaitOptions } from "./types";

/** A live subscription to one session's updates over the hub /v1/ws. */
export interface ProgressSubscription {
  /** The session when the subscription began (a subset of its fields). */
  readonly snapshot: Pick<Session, "id" | "status" | "progress" | "result_count" | "error">;
  /** The sequence of the last update the snapshot reflects. */
  readonly sequence: number;
  /** Resolves when the connection ended (closed or lost). */
  readonly closed: Promise<void>;
  /** Unsubscribes and disconnects. */
  close(): Promise<void>;
}

interface Page<T> {
  items: T[];
  has_more: boolean;
  next_cursor: string | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** /v1/sessions and the live updates of /v1/ws. */
export class Sessions {
  constructor(private readonly api: ApiConnection) {}

  /** Creates a session; every attempt carries the same Idempotency-Key, so a retried create never makes two. */
  create(request: CreateSessionRequest, options: { idempotencyKey?: string } = {}): Promise<Session> {
    return this.api.send<Session>("POST", "/v1/sessions", request, options.idempotencyKey ?? randomUUID());
  }

  get(sessionId: string): Promise<Session> {
    return this.api.send<Session>("GET", `/v1/sessions/${encodeURIComponent(sessionId)}`);
  }

  /** Every matching session, newest first, page after page through starting_after. */
  async *list(options: ListOptions = {}): AsyncGenerator<Session> {
    let cursor = options.startingAfter;
    for (;;) {
      const query = new URLSearchParams({ limit: String(options.pageSize ?? 20) });
      if (cursor) query.set("starting_after", cursor);
      if (options.updatedSince) query.set("updated_since", new Date(options.updatedSince).toISOString());
      if (options.status) query.set("status", options.status);
      const page = await this.api.send<Page<Session>>("GET", `/v1/sessions?${query}`);
      yield* page.items;
      if (!page.has_more || !page.next_cursor) return;
      cursor = page.next_cursor;
    }
  }

  async getResults(sessionId: string): Promise<SessionResult[]> {
    return (await this.api.send<{ items: SessionResult[] }>("GET", `/v1/sessions/${encodeURIComponent(sessionId)}/results`)).items;
  }

  async getEvents(sessionId: string, startingAfter = 0): Promise<SessionUpdate[]> {
    return (await this.api.send<{ items: SessionUpdate[] }>("GET", `/v1/sessions/${encodeURIComponent(sessionId)}/events?starting_after=${startingAfter}`)).items;
  }

  /** Follows the session live: callback gets each session_update newer than the subscription's snapshot, in order. */
  async onProgress(sessionId: string, callback: (update: SessionUpdate) => void): Promise<ProgressSubscription> {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(`${this.api.baseUrl}/v1/ws`, { transport: signalR.HttpTransportType.WebSockets, headers: this.api.credentialHeaders() })
      .configureLogging(signalR.LogLevel.None)
      .build();
    let last = Number.MAX_SAFE_INTEGER;
    const early: SessionUpdate[] = [];
    const deliver = (update: SessionUpdate) => {
      if (update.sequence <= last) return;
      last = update.sequence;
      callback(update);
    };
    connection.on("session_update", (update: SessionUpdate) => {
      if (update.sessionId !== sessionId) return;
      if (last === Number.MAX_SAFE_INTEGER) early.push(update);
      else deliver(update);
    });
    const closed = new Promise<void>((resolve) => connection.onclose(() => resolve()));
    await connection.start();
    try {
      const subscribed = await connection.invoke("Subscribe", sessionId);
      last = subscribed.sequence;
      early.forEach(deliver);
      return { snapshot: subscribed.session, sequence: subscribed.sequence, closed, close: () => connection.stop() };
    } catch (error) {
      await connection.stop();
      throw error;
    }
  }

  /**
   * Waits until the session is completed, failed or cancelled and returns it: live over SignalR when possible,
   * polling the events endpoint otherwise (or when the connection drops). Rejects after timeoutMs (default 1,800 s).
   */
  async waitForCompletion(sessionId: string, options: WaitOptions = {}): Promise<Session> {
    const timeoutMs = options.timeoutMs ?? 1_800_000;
    const deadline = Date.now() + timeoutMs;
    let lastSequence = 0;
    const report = (update: SessionUpdate) => {
      if (update.sequence <= lastSequence) return;
      lastSequence = update.sequence;
      options.onProgress?.(update);
    };
    const remaining = () => deadline - Date.now();
    const timedOut = () => new Error(`Session ${sessionId} did not finish within ${timeoutMs} ms`);

    if (options.useRealtime ?? true) {
      let subscription: ProgressSubscription | undefined;
      try {
        let resolveFinal!: () => void;
        const final = new Promise<void>((resolve) => (resolveFinal = resolve));
        subscription = await this.onProgress(sessionId, (update) => {
          report(update);
          if (finalStatuses.has(update.data.status)) resolveFinal();
        });
        lastSequence = Math.max(lastSequence, subscription.sequence);
        if (finalStatuses.has(subscription.snapshot.status)) return await this.get(sessionId);
        let timer: NodeJS.Timeout | undefined;
        const outcome = await Promise.race([
          final.then(() => "final" as const),
          subscription.closed.then(() => "closed" as const),
          new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), remaining()))),
        ]);
        clearTimeout(timer);
        if (outcome === "final") return await this.get(sessionId);
        if (outcome === "timeout") throw timedOut();
      } catch (error) {
        if (error instanceof Error && error.message.startsWith(`Session ${sessionId} did not finish`)) throw error;
        // The hub is unavailable: fall back to polling.
      } finally {
        await subscription?.close();
      }
    }

    for (;;) {
      const updates = await this.getEvents(sessionId, lastSequence);
      updates.forEach(report);
      if (updates.some((u) => finalStatuses.has(u.data.status))) return await this.get(sessionId);
      if (updates.length === 0) {
        const session = await this.get(sessionId);
        if (finalStatuses.has(session.status)) return session;
      }
      if (remaining() <= 0) throw timedOut();
      await sleep(Math.min(options.pollIntervalMs ?? 2000, Math.max(remaining(), 0)));
    }
  }
}
