import { createHmac, timingSafeEqual } from "node:crypto";

/** A webhook delivery failed verification: answer 400 and do not act on it. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

/**
 * Verifies MindPeeker webhook deliveries per the Standard Webhooks specification: any space-separated
 * `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` entry of webhook-signature may match (constant-time
 * comparison), and webhook-timestamp must be within the tolerance (default 5 minutes) of the clock.
 */
export class WebhookVerifier {
  private readonly key: Buffer;

  /** @param secret the endpoint's secret, "whsec_" + base64. */
  constructor(secret: string, private readonly toleranceSeconds = 300, private readonly now: () => number = Date.now) {
    const text = secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret;
    this.key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (this.key.length === 0) throw new Error("The webhook secret is not whsec_ followed by base64.");
  }

  /** Throws WebhookVerificationError unless the raw body and headers (names case-insensitive) are a genuine delivery. */
  verify(body: string | Buffer, headers: Record<string, string | string[] | undefined>): void {
    const header = (name: string) => {
      const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
      return Array.isArray(entry) ? entry[0] : entry;
    };
    const id = header("webhook-id");
    const timestamp = header("webhook-timestamp");
    const signature = header("webhook-signature");
    if (!id || !timestamp || !signature) throw new WebhookVerificationError("A webhook-id, webhook-timestamp or webhook-signature header is missing.");
    if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationError("The webhook-timestamp is not a Unix time in seconds.");
    const skew = Math.floor(this.now() / 1000) - Number(timestamp);
    if (Math.abs(skew) > this.toleranceSeconds) {
      throw new WebhookVerificationError(skew > 0 ? "The webhook-timestamp is too old." : "The webhook-timestamp is too far in the future.");
    }
    const expected = createHmac("sha256", this.key).update(`${id}.${timestamp}.`).update(body).digest();
    for (const entry of signature.split(" ")) {
      const [version, value] = entry.split(",", 2);
      if (version !== "v1" || !value) continue;
      const candidate = Buffer.from(value, "base64");
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) return;
    }
    throw new WebhookVerificationError("No webhook-signature entry matches.");
  }
}
