CREATE TABLE plan_transitions (
    id TEXT PRIMARY KEY NOT NULL,
    plan_id TEXT NOT NULL REFERENCES training_plans(id),
    action TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    comment TEXT,
    occurred_at TIMESTAMP NOT NULL
);
CREATE INDEX plan_transitions_plan ON plan_transitions (plan_id, occurred_at);
INSERT INTO plan_transitions
    (id, plan_id, action, from_status, to_status, actor_type, actor_id, actor_name, comment, occurred_at)
SELECT id, entity_id, action, from_status, to_status, actor_type, actor_id, actor_name, comment, occurred_at
FROM workflow_transitions WHERE entity = 'training_plan';
DROP TABLE workflow_transitions;
DROP TABLE change_events;
DROP TABLE change_counter;
