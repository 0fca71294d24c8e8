-- Publishing an event inserts one webhook_deliveries row per target endpoint, and each row's two foreign keys cost a
-- trigger-run lookup at the end of the statement that also takes a FOR KEY SHARE lock on the endpoint row and on the
-- event row: with many publishes at once for the same endpoints, every endpoint row is locked by several transactions
-- together (a multixact per lock). Nothing needs the keys: deliveries are inserted only by the outbox statement
-- (WebhookOutbox), which takes the endpoint from webhook_endpoints and the event it inserts itself, in the same
-- statement; endpoints are only soft-deleted by the API; and the one hard delete, a user's erasure, deletes the user's
-- deliveries itself (UserDataQueries.Erase, after locking the user's row, which the event insert's own foreign key to
-- users locks too, so no publish can commit deliveries behind it). Rows already stored are unchanged.
ALTER TABLE webhook_deliveries DROP CONSTRAINT IF EXISTS webhook_deliveries_endpoint_id_fkey;
ALTER TABLE webhook_deliveries DROP CONSTRAINT IF EXISTS webhook_deliveries_event_id_fkey;
