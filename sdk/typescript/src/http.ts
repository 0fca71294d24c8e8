import { ApiProblem, MindPeekerApiError } from "./errors";

/** How 429 and 503 answers are retried: Retry-After when given, else exponential backoff. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3; 0 disables). */
  maxRetries?: number;
  /** First backoff without Retry-After, doubling per retry (default 1,000 ms). */
  baseDelayMs?: number;
  /** Longest accepted wait; a longer Retry-After is thrown instead (default 60,000 ms). */
  maxDelayMs?: number;
}

export interface ClientOptions {
  /** The front end's base URL, e.g. http://127.0.0.1:5080 (without /v1). */
  baseUrl: string;
  /** An API key, sent as X-API-Key. Takes precedence over token. */
  apiKey?: string;
  /** A JWT access token, sent as Authorization: Bearer. */
  token?: string;
  retry?: RetryOptions;
  /** A fetch implementation (default globalThis.fetch). */
  fetch?: typeof fetch;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends requests with credentials and retries, unwraps the success envelope's data, throws MindPeekerApiError. */
export class ApiConnection {
  readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly retry: Required<RetryOptions>;

  constructor(readonly options: ClientOptions) {
    if (!options.baseUrl) throw new Error("baseUrl is required");
    if (!options.apiKey && !options.token) throw new Error("Set apiKey or token");
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.retry = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 60_000, ...options.retry };
  }

  credentialHeaders(): Record<string, string> {
    if (this.options.apiKey) return { "X-API-Key": this.options.apiKey };
    return { Authorization: `Bearer ${this.options.token}` };
  }

  async send<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { accept: "application/json", "x-client-version": "mindpeeker-js/1.0.0", ...this.credentialHeaders() };
      if (body !== undefined) headers["content-type"] = "application/json";
      if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
      const response = await this.fetchImpl(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      if (response.ok) {
        if (!text) return undefined as T;
        const json = JSON.parse(text);
        return (json && typeof json === "object" && "data" in json ? json.data : json) as T;
      }
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      const retryable = response.status === 429 || response.status === 503;
      const delay = retryAfterMs ?? this.retry.baseDelayMs * 2 ** attempt;
      if (!retryable || attempt >= this.retry.maxRetries || delay > this.retry.maxDelayMs) {
        throw new MindPeekerApiError(response.status, parseProblem(text), retryAfterMs);
      }
      await sleep(delay);
    }
  }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function parseProblem(text: string): ApiProblem | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as ApiProblem;
  } catch {
    return { detail: text.slice(0, 500) };
  }
}
