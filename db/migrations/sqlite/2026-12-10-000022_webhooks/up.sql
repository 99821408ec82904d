-- Webhook subscriptions (issue 25): a service client or an administrator asks to be called when
-- the change feed moves. Each subscription follows the feed with its own cursor, in `seq` order,
-- reading only what its owner may read (the owner's scope and permissions as of each delivery).
-- Delivery is at least once: the cursor moves after the receiver answered 2xx.
--
-- Several instances on one database share the work through leases: an instance claims due
-- subscriptions with `FOR UPDATE SKIP LOCKED (on PostgreSQL; SQLite serves one instance)` and sets `lease_owner`/`lease_until`; no other
-- instance takes a leased subscription before the lease ends, so one subscription is delivered by
-- one instance at a time, in order.
CREATE TABLE webhook_subscriptions (
    id TEXT PRIMARY KEY NOT NULL,
    owner_type TEXT NOT NULL CHECK (owner_type IN ('user', 'client')),
    owner_id TEXT NOT NULL,
    url TEXT NOT NULL,
    description TEXT NOT NULL,
    -- Comma-separated entity kinds; '' for every kind the owner may read.
    entity_types TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'failing', 'ended')),
    status_reason TEXT,
    -- The signing secret in force (whsec_…) and, during a rotation, the previous one until it
    -- expires. Kept as given: the server signs with them, so they cannot be hashed.
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_expires_at TIMESTAMP,
    -- The last `seq` delivered (or known not to concern this subscription).
    cursor_seq BIGINT NOT NULL,
    -- Failed attempts at the event after the cursor, since `failing_since`.
    attempts INTEGER NOT NULL,
    failing_since TIMESTAMP,
    next_attempt_at TIMESTAMP,
    lease_owner TEXT,
    lease_until TIMESTAMP,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX webhook_subscriptions_owner ON webhook_subscriptions (owner_id, created_at, id);
CREATE INDEX webhook_subscriptions_due ON webhook_subscriptions (status, next_attempt_at);

-- One row per attempt to call a subscriber: the feed's events, tests and redeliveries.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    -- The `webhook-id` sent: the event's seq, or `test_<uuid>` for a test.
    message_id TEXT NOT NULL,
    event_seq BIGINT,
    kind TEXT NOT NULL CHECK (kind IN ('event', 'test', 'redelivery')),
    attempt INTEGER NOT NULL,
    status_code INTEGER,
    error TEXT,
    duration_ms INTEGER NOT NULL,
    attempted_at TIMESTAMP NOT NULL,
    next_retry_at TIMESTAMP,
    succeeded BOOLEAN NOT NULL
);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, attempted_at, id);
CREATE INDEX webhook_deliveries_attempted ON webhook_deliveries (attempted_at);
