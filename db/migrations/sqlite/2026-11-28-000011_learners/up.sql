-- Learners and their enrollments (issue 10).

-- A learner, belonging to the grassroots party organization that nominates them.
CREATE TABLE learners (
    id TEXT PRIMARY KEY NOT NULL,
    party_organization_id TEXT NOT NULL REFERENCES organizations(id),
    full_name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    birth_date DATE NOT NULL,
    gender TEXT NOT NULL,
    ethnicity TEXT,
    party_status TEXT NOT NULL,
    admission_date DATE,
    position TEXT,
    workplace TEXT,
    national_id TEXT,
    external_id TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- One person, one national id.
CREATE UNIQUE INDEX learners_national_id ON learners (national_id) WHERE national_id IS NOT NULL;
-- Duplicate candidates: the same folded name and birth date.
CREATE INDEX learners_name_birth ON learners (search_text, birth_date);
CREATE INDEX learners_party_organization ON learners (party_organization_id, search_text, id);
CREATE UNIQUE INDEX learners_external ON learners (party_organization_id, external_id);

-- A learner in a class: nominated, vetted, enrolled, finished. At most once per class.
CREATE TABLE enrollments (
    id TEXT PRIMARY KEY NOT NULL,
    class_id TEXT NOT NULL REFERENCES classes(id),
    learner_id TEXT NOT NULL REFERENCES learners(id),
    party_organization_id TEXT NOT NULL REFERENCES organizations(id),
    status TEXT NOT NULL,
    reason TEXT,
    nominated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX enrollments_once ON enrollments (class_id, learner_id);
CREATE INDEX enrollments_learner ON enrollments (learner_id);
