-- The tree over time: one row per organization and day from which its name, kind and parent
-- changed (a rename, a move, or its opening). What was in force on a day is the row with the
-- latest valid_from on or before it; closing is the organization's own valid_to. Two changes on
-- one day are one row. Reports over past years read names and kinds from here, so renaming or
-- moving a unit today never rewrites them.
CREATE TABLE organization_periods (
    organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    valid_from DATE NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    subkind TEXT,
    parent_id TEXT REFERENCES organizations(id),
    -- The decision behind the change (resolution number and date), as the province cites it.
    decision TEXT,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, valid_from)
);

-- Every organization as it is now, in force from its own valid_from (or from 1945, the first
-- date a record may carry, when the tree did not say).
INSERT INTO organization_periods (organization_id, valid_from, name, kind, subkind, parent_id, recorded_at)
SELECT id, COALESCE(valid_from, '1945-01-01'), name, kind, subkind, parent_id, created_at
FROM organizations;

-- Closing: the organization's valid_to is its last day; the decision that closed it, and the
-- organization it was merged into, if any.
ALTER TABLE organizations ADD COLUMN closing_decision TEXT;
ALTER TABLE organizations ADD COLUMN merged_into_id TEXT; -- no REFERENCES: SQLite cannot drop a column with one (down.sql)
