-- External ids are unique per source: each center's district system numbers its own party
-- organizations, so two centers may use the same external id.
DROP INDEX organizations_external;
CREATE UNIQUE INDEX organizations_external ON organizations (kind, center_id, external_id);
