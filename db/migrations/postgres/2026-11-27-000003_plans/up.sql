-- The program catalogue, per province.
CREATE TABLE programs (
    id UUID PRIMARY KEY NOT NULL,
    province_id UUID NOT NULL REFERENCES organizations(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    category TEXT NOT NULL,
    audience TEXT,
    default_days INTEGER NOT NULL,
    delivery TEXT NOT NULL,
    credential TEXT NOT NULL,
    eligibility_json TEXT NOT NULL,
    retired_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX programs_code ON programs (province_id, code);

-- Ordered topics (chuyên đề / bài) of a program.
CREATE TABLE program_topics (
    id UUID PRIMARY KEY NOT NULL,
    program_id UUID NOT NULL REFERENCES programs(id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    periods INTEGER NOT NULL
);
CREATE UNIQUE INDEX program_topics_position ON program_topics (program_id, position);

-- Province policies: each row is the full set in force from `effective_from`.
CREATE TABLE policy_versions (
    id UUID PRIMARY KEY NOT NULL,
    province_id UUID NOT NULL REFERENCES organizations(id),
    effective_from DATE NOT NULL,
    values_json TEXT NOT NULL,
    note TEXT,
    created_by UUID,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX policy_versions_effective ON policy_versions (province_id, effective_from);

-- A district standing committee's grant to a center admin to record plan approvals.
CREATE TABLE approval_grants (
    id UUID PRIMARY KEY NOT NULL,
    user_id UUID NOT NULL REFERENCES users(id),
    district_id UUID NOT NULL REFERENCES organizations(id),
    granted_by UUID NOT NULL,
    revoked_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX approval_grants_user ON approval_grants (user_id, district_id);

-- Annual plans. One (center, year) has revisions 1, 2, ...: an approved plan is amended by a new
-- revision that goes through the same steps.
CREATE TABLE training_plans (
    id UUID PRIMARY KEY NOT NULL,
    center_id UUID NOT NULL REFERENCES organizations(id),
    year INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    revision_of UUID REFERENCES training_plans(id),
    status TEXT NOT NULL,
    note TEXT,
    decision_number TEXT,
    decision_date DATE,
    decision_signer TEXT,
    approved_by UUID,
    approved_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX training_plans_revision ON training_plans (center_id, year, revision);
CREATE INDEX training_plans_year ON training_plans (year, status);

CREATE TABLE training_plan_lines (
    id UUID PRIMARY KEY NOT NULL,
    plan_id UUID NOT NULL REFERENCES training_plans(id),
    program_id UUID NOT NULL REFERENCES programs(id),
    planned_classes INTEGER NOT NULL,
    planned_learners INTEGER NOT NULL,
    quarter INTEGER,
    note TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX training_plan_lines_plan ON training_plan_lines (plan_id);

-- Every workflow step of a plan.
CREATE TABLE plan_transitions (
    id UUID PRIMARY KEY NOT NULL,
    plan_id UUID NOT NULL REFERENCES training_plans(id),
    action TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id UUID,
    actor_name TEXT NOT NULL,
    comment TEXT,
    occurred_at TIMESTAMP NOT NULL
);
CREATE INDEX plan_transitions_plan ON plan_transitions (plan_id, occurred_at);
