/** An RFC 9457 problem+json body as the MindPeeker API answers it. */
export interface ApiProblem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  /** Validation failures: field name -> messages. */
  errors?: Record<string, string[]>;
}

/** The API answered an error (after any retries). */
export class MindPeekerApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiProblem | undefined,
    /** The server's Retry-After in milliseconds, on 429/503 answers. */
    readonly retryAfterMs: number | undefined,
  ) {
    super(`MindPeeker answered ${status} ${problem?.title ?? ""}: ${problem?.detail ?? "no details"}${problem?.requestId ? ` (request ${problem.requestId})` : ""}`);
    this.name = "MindPeekerApiError";
  }
}
