/** Session statuses; completed, failed and cancelled are final. */
export type SessionStatus = "pending" | "processing" | "completed" | "failed" | "cancelled";

export const finalStatuses: ReadonlySet<string> = new Set(["completed", "failed", "cancelled"]);

/** A session as the API answers it (API.md, "Sessions"). */
export interface Session {
  id: string;
  user_id: string;
  cue: string;
  session_type: string;
  status: SessionStatus;
  /** 0-100. */
  progress: number;
  parameters?: unknown;
  metadata?: unknown;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  completed_at: string | null;
  error: string | null;
  result_count: number;
  urls?: { self: string; results: string; cancel: string };
}

export interface CreateSessionRequest {
  /** 1-4,000 characters. */
  cue: string;
  session_type: "remote_viewing" | "dowsing" | "precognition" | "intuitive_analysis" | string;
  parameters?: { confidence_threshold?: number; analysis_types?: string[] };
  /** Your own JSON object (at most 16 KiB). */
  metadata?: Record<string, unknown>;
}

export interface SessionResult {
  id: string;
  session_id: string;
  result_type: string;
  /** 0-1, 4 decimals. */
  confidence_score: number;
  data: unknown;
  model: { name: string; version: string };
  created_at: string;
}

/** A session_update (docs/realtime.md): live from the hub, or read back from the events endpoint. */
export interface SessionUpdate {
  type: "session_update";
  sessionId: string;
  /** Rises by one per update of the session. */
  sequence: number;
  data: { status: SessionStatus; progress: number; event: string; result_count: number; error: string | null };
  timestamp: string;
}

export interface ListOptions {
  /** Page size asked of the server, 1-100 (default 20). */
  pageSize?: number;
  /** Only sessions changed at or after this instant (incremental sync). */
  updatedSince?: Date | string;
  status?: SessionStatus;
  startingAfter?: string;
}

export interface WaitOptions {
  /** Give up after this many milliseconds (default 1,800,000: a session may take 30 minutes). */
  timeoutMs?: number;
  /** Poll interval when realtime updates are unavailable (default 2,000 ms). */
  pollIntervalMs?: number;
  /** Follow the session over SignalR first (default true). */
  useRealtime?: boolean;
  /** Called with each update after the wait began, once, in sequence order. */
  onProgress?: (update: SessionUpdate) => void;
}
