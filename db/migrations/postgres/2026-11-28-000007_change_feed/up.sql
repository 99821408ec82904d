-- The outbox of the one write path: every create, update and delete, in commit order.
-- `seq` comes from change_counter, whose row stays locked until the writing transaction ends,
-- so no reader can see seq n+1 before seq n is committed (commit order on both backends).
CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY NOT NULL,
    last_seq BIGINT NOT NULL
);
INSERT INTO change_counter (id, last_seq) VALUES (1, 0);

CREATE TABLE change_events (
    seq BIGINT PRIMARY KEY NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL,
    version INTEGER,
    -- The materialized path of the organization that owns the record: the feed is scoped by it.
    scope_path TEXT NOT NULL,
    -- The record after the change, as the API returns it; NULL for a delete.
    data_json TEXT,
    -- Natural keys of a deleted record (the tombstone).
    keys_json TEXT
);
CREATE INDEX change_events_entity ON change_events (entity, seq);

-- The history of every workflow (plans now; lesson plans, classes, nominations, enrollments next).
CREATE TABLE workflow_transitions (
    id UUID PRIMARY KEY NOT NULL,
    entity TEXT NOT NULL,
    entity_id UUID NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id UUID,
    actor_name TEXT NOT NULL,
    comment TEXT,
    occurred_at TIMESTAMP NOT NULL
);
CREATE INDEX workflow_transitions_entity ON workflow_transitions (entity, entity_id, occurred_at);
INSERT INTO workflow_transitions
    (id, entity, entity_id, action, from_status, to_status, actor_type, actor_id, actor_name, comment, occurred_at)
SELECT id, 'training_plan', plan_id, action, from_status, to_status, actor_type, actor_id, actor_name, comment, occurred_at
FROM plan_transitions;
DROP TABLE plan_transitions;
