-- Back to one register per center. A certificate the school numbered keeps its number and its
-- serial joins the center's register; where that serial is already the center's, recreating
-- the unique index fails and the migration stops, rather than renumber or lose a certificate.
ALTER TABLE certificate_counters RENAME COLUMN issuer_id TO center_id;
DELETE FROM certificate_counters
WHERE center_id IN (SELECT id FROM organizations WHERE kind <> 'center');
DROP INDEX certificates_register;
CREATE UNIQUE INDEX certificates_register ON certificates (center_id, year, serial, suffix);
ALTER TABLE certificates DROP COLUMN issuer_id;
