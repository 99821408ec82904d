-- Idempotency keys of POST requests: the first response, replayed for 24 hours to the same caller
-- sending the same key and body. A row without a status is a request still in progress.
CREATE TABLE idempotency_keys (
    id UUID PRIMARY KEY NOT NULL,
    actor_id UUID NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response_status INTEGER,
    response_headers TEXT,
    response_body TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX idempotency_keys_actor_key ON idempotency_keys (actor_id, idempotency_key);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
