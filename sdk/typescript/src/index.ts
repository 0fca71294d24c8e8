import { ApiConnection, ClientOptions } from "./http";
import { Sessions } from "./sessions";

export { ApiProblem, MindPeekerApiError } from "./errors";
export { ClientOptions, RetryOptions } from "./http";
export { ProgressSubscription, Sessions } from "./sessions";
export * from "./types";
export { WebhookVerificationError, WebhookVerifier } from "./webhooks";

/**
 * The MindPeeker API client.
 *
 * ```ts
 * const client = new MindPeekerClient({ baseUrl: "http://127.0.0.1:5080", apiKey: process.env.MINDPEEKER_API_KEY });
 * const session = await client.sessions.create({ cue: "A lighthouse at dusk", session_type: "remote_viewing" });
 * await client.sessions.onProgress(session.id, (u) => console.log(u.data.progress));
 * const results = await client.sessions.getResults(session.id);
 * ```
 */
export class MindPeekerClient {
  readonly sessions: Sessions;

  constructor(options: ClientOptions) {
    this.sessions = new Sessions(new ApiConnection(options));
  }
}
