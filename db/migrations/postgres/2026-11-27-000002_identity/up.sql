-- Accounts. `deactivated_at` instead of a flag: when matters for the audit trail.
CREATE TABLE users (
    id UUID PRIMARY KEY NOT NULL,
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    scope_id UUID NOT NULL REFERENCES organizations(id),
    security_stamp TEXT NOT NULL,
    deactivated_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX users_username ON users (username);
CREATE INDEX users_scope ON users (scope_id);

-- Opaque refresh tokens, stored as SHA-256 hashes. A family is one login; reuse of a rotated
-- token revokes the whole family.
CREATE TABLE refresh_tokens (
    id UUID PRIMARY KEY NOT NULL,
    user_id UUID NOT NULL REFERENCES users(id),
    family_id UUID NOT NULL,
    token_hash TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    rotated_at TIMESTAMP,
    revoked_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX refresh_tokens_hash ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

-- Integration clients (client credentials grant). The secret is random and long, stored hashed.
CREATE TABLE service_clients (
    id UUID PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    scope_id UUID NOT NULL REFERENCES organizations(id),
    access TEXT NOT NULL,
    revoked_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Failed logins, counted per key ("user:<name>", "addr:<ip>") over a sliding window, in the
-- database so that every instance behind a load balancer sees the same counts.
CREATE TABLE login_failures (
    id UUID PRIMARY KEY NOT NULL,
    limiter_key TEXT NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (limiter_key, failed_at);

-- Every write, in the same transaction as the write.
CREATE TABLE audit_log (
    id UUID PRIMARY KEY NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id UUID,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    request_id TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id);
CREATE INDEX audit_log_time ON audit_log (occurred_at);
