-- Certificates are numbered in their issuer's register: the center that ran the class, or the
-- provincial school for the programs it delivers with the centers (issue 22). The register is
-- the issuer's, so the counter and the register's unique numbering are keyed by the issuer;
-- center_id stays the center that ran the class. Every certificate so far was the center's.
ALTER TABLE certificates ADD COLUMN issuer_id UUID REFERENCES organizations(id);
UPDATE certificates SET issuer_id = center_id;
DROP INDEX certificates_register;
CREATE UNIQUE INDEX certificates_register ON certificates (issuer_id, year, serial, suffix);
ALTER TABLE certificate_counters RENAME COLUMN center_id TO issuer_id;
ALTER TABLE certificates ALTER COLUMN issuer_id SET NOT NULL;
