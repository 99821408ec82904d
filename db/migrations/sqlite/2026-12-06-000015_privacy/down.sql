ALTER TABLE certificates DROP COLUMN verification_code;
ALTER TABLE change_events DROP COLUMN lecturer_id;
