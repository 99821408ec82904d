DROP INDEX organizations_external;
CREATE UNIQUE INDEX organizations_external ON organizations (kind, external_id);
