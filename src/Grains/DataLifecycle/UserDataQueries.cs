namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// The SQL of <see cref="UserDataGrain"/>. The export is built by PostgreSQL as one JSON document and leaves out every
/// secret: password hashes, API key hashes, refresh tokens, webhook signing secrets, integration credentials.
/// </summary>
internal static class UserDataQueries
{
    public const string Export = """
        SELECT jsonb_build_object(
          'user', (SELECT jsonb_build_object('id', u.id, 'email', u.email, 'username', u.username, 'tier', u.tier, 'roles', u.roles,
                                             'created_at', u.created_at, 'updated_at', u.updated_at) FROM users u WHERE u.id = @user),
          'api_keys', coalesce((SELECT jsonb_agg(to_jsonb(k) - 'secret_hash' - 'user_id' ORDER BY k.created_at, k.id) FROM api_keys k WHERE k.user_id = @user), '[]'),
          'sessions', coalesce((SELECT jsonb_agg(to_jsonb(s) - 'user_id' - 'last_sequence' || jsonb_build_object(
                  'results', coalesce((SELECT jsonb_agg(to_jsonb(r) - 'session_id' ORDER BY r.created_at, r.id) FROM analysis_results r WHERE r.session_id = s.id), '[]'),
                  'events', coalesce((SELECT jsonb_agg(to_jsonb(e) - 'session_id' ORDER BY e.sequence) FROM session_events e WHERE e.session_id = s.id), '[]'))
                ORDER BY s.created_at, s.id) FROM sessions s WHERE s.user_id = @user), '[]'),
          'webhooks', coalesce((SELECT jsonb_agg(to_jsonb(w) - 'user_id' - 'secret' - 'secret_ciphertext' - 'secret_key_version' || jsonb_build_object(
                  'deliveries', coalesce((SELECT jsonb_agg(to_jsonb(d) - 'endpoint_id' ORDER BY d.created_at, d.id) FROM webhook_deliveries d WHERE d.endpoint_id = w.id), '[]'))
                ORDER BY w.created_at, w.id) FROM webhook_endpoints w WHERE w.user_id = @user), '[]'),
          'webhook_events', coalesce((SELECT jsonb_agg(jsonb_build_object('id', v.id, 'type', v.type, 'occurred_at', v.occurred_at, 'body', v.body::jsonb)
                ORDER BY v.occurred_at, v.id) FROM webhook_events v WHERE v.user_id = @user), '[]'),
          'integrations', coalesce((SELECT jsonb_agg(to_jsonb(i) - 'user_id' - 'credentials' - 'credentials_key_version' || jsonb_build_object(
                  'logs', coalesce((SELECT jsonb_agg(to_jsonb(l) - 'integration_id' ORDER BY l.id) FROM integration_logs l WHERE l.integration_id = i.id), '[]'))
                ORDER BY i.created_at, i.id) FROM integrations i WHERE i.user_id = @user), '[]'),
          'audit_log', coalesce((SELECT jsonb_agg(jsonb_build_object('id', a.id, 'occurred_at', a.occurred_at, 'action', a.action,
                  'actor_user_id', a.actor_user_id, 'actor_api_key_id', a.actor_api_key_id, 'resource_type', a.resource_type,
                  'resource_id', a.resource_id, 'ip', host(a.ip), 'details', a.details) ORDER BY a.occurred_at, a.id)
                FROM audit_log a WHERE a.actor_user_id = @user OR (a.resource_type = 'user' AND a.resource_id = @user_text)), '[]'))
        FROM users WHERE id = @user
        """;

    /// <summary>What erasure must stop through grains before deleting rows: kind ('api_key' by prefix, 'session', 'webhook', 'integration') and key.</summary>
    public const string Owned = """
        SELECT 'api_key', prefix, id FROM api_keys WHERE user_id = @user AND revoked_at IS NULL
        UNION ALL SELECT 'session', id::text, id FROM sessions WHERE user_id = @user AND deleted_at IS NULL
        UNION ALL SELECT 'webhook', id::text, id FROM webhook_endpoints WHERE user_id = @user AND deleted_at IS NULL
        UNION ALL SELECT 'integration', id::text, id FROM integrations WHERE user_id = @user
        """;

    /// <summary>What the cache keys of the user's sessions derive from: session type, cue and parameters (JSON), deleted sessions included.</summary>
    public const string SessionInputs = """
        SELECT session_type, cue, parameters::text FROM sessions WHERE user_id = @user
        """;

    /// <summary>
    /// Erasure in one transaction: the user's rows everywhere (children cascade), their idempotency records (which may
    /// replay responses about them), and pseudonymisation of the audit entries about them: the client address and
    /// identifying details go; the action, time and the user's (now meaningless) id stay. Failed logins naming the
    /// user's email or username lose that detail too. Webhook deliveries have no foreign keys (migration 0016), so they
    /// are deleted here, after the user's row is locked: an event's insert locks that row too (its foreign key to
    /// <c>users</c>), so a publish still running has committed before the delete reads, and a later one fails.
    /// </summary>
    public const string Erase = """
        SELECT 1 FROM users WHERE id = @user FOR UPDATE;
        UPDATE audit_log SET ip = NULL, details = details - 'email' - 'username' - 'login' - 'ip' - 'user_agent'
          WHERE actor_user_id = @user OR (resource_type = 'user' AND resource_id = @user_text)
             OR lower(details ->> 'login') IN (SELECT lower(email) FROM users WHERE id = @user UNION SELECT lower(username) FROM users WHERE id = @user);
        DELETE FROM idempotency_records WHERE owner = 'user:' || @user_text;
        DELETE FROM sessions WHERE user_id = @user;
        DELETE FROM webhook_deliveries WHERE endpoint_id IN (SELECT id FROM webhook_endpoints WHERE user_id = @user);
        DELETE FROM webhook_events WHERE user_id = @user;
        DELETE FROM webhook_endpoints WHERE user_id = @user;
        DELETE FROM integrations WHERE user_id = @user;
        DELETE FROM sync_tombstones WHERE owner_id = @user;
        DELETE FROM api_keys WHERE user_id = @user;
        DELETE FROM refresh_tokens WHERE user_id = @user;
        DELETE FROM users WHERE id = @user;
        """;
}
