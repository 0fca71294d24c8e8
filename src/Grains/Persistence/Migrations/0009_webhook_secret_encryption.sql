-- Webhook signing secrets encrypted at rest (docs/webhooks.md "Secret storage"): the endpoint's HMAC key is kept
-- only as an AES-256-GCM envelope (format | key version | salt | nonce | tag | ciphertext; AAD binds the endpoint id)
-- under the master keys of Integrations:Credentials; `secret_key_version` repeats the envelope's version so the
-- start-up rotation finds old ones. The plaintext column `secret` of migration 0005 is kept only as nullable for rows
-- written before this migration: the silo's start-up pass (WebhookSecretRotation) seals each of them and sets it to
-- NULL in the same statement, and nothing writes it again. (SQL cannot do that itself: it has no master key.)
ALTER TABLE webhook_endpoints ADD COLUMN IF NOT EXISTS secret_ciphertext bytea;
ALTER TABLE webhook_endpoints ADD COLUMN IF NOT EXISTS secret_key_version integer;
ALTER TABLE webhook_endpoints ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE webhook_endpoints DROP CONSTRAINT IF EXISTS webhook_endpoints_secret_sealed_check;
ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_secret_sealed_check CHECK (
    (secret_ciphertext IS NULL) = (secret_key_version IS NULL)
    AND (secret_ciphertext IS NOT NULL OR secret IS NOT NULL)
    AND (secret_ciphertext IS NULL OR secret IS NULL));
