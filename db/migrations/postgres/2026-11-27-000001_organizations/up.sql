-- The organization tree. `path` is the materialized path of ids ("/<root>/.../<self>/") so that
-- "an organization and its subtree" is one indexed LIKE on both backends.
CREATE TABLE organizations (
    id UUID PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    subkind TEXT,
    parent_id UUID REFERENCES organizations(id),
    center_id UUID REFERENCES organizations(id),
    path TEXT NOT NULL,
    code TEXT,
    name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    valid_from DATE,
    valid_to DATE,
    note TEXT,
    external_id TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX organizations_parent ON organizations (parent_id);
CREATE INDEX organizations_path ON organizations (path text_pattern_ops);
CREATE INDEX organizations_kind_search ON organizations (kind, search_text);
CREATE UNIQUE INDEX organizations_unit_code ON organizations (kind, code)
    WHERE kind IN ('province', 'provincial_school', 'district', 'center');
CREATE UNIQUE INDEX organizations_party_code ON organizations (center_id, code)
    WHERE kind = 'party_organization';
CREATE UNIQUE INDEX organizations_external ON organizations (kind, external_id);

-- Used by SQLite only (see the SQLite migration); kept here so both schemas are identical.
CREATE TABLE write_gate (
    id INTEGER PRIMARY KEY NOT NULL,
    generation BIGINT NOT NULL
);
INSERT INTO write_gate (id, generation) VALUES (1, 0);
