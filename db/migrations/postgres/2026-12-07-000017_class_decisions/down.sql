ALTER TABLE classes DROP COLUMN recognition_decision_signer;
ALTER TABLE classes DROP COLUMN recognition_decision_date;
ALTER TABLE classes DROP COLUMN recognition_decision_number;
ALTER TABLE classes DROP COLUMN opening_decision_signer;
ALTER TABLE classes DROP COLUMN opening_decision_date;
ALTER TABLE classes DROP COLUMN opening_decision_number;
