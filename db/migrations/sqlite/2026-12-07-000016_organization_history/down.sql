ALTER TABLE organizations DROP COLUMN merged_into_id;
ALTER TABLE organizations DROP COLUMN closing_decision;
DROP TABLE organization_periods;
