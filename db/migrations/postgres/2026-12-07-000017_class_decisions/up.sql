-- The decisions behind a class (issue 21): the decision to open it and the decision that
-- recognizes its results (certificates count from the latter), each with number, date, signer.
ALTER TABLE classes ADD COLUMN opening_decision_number TEXT;
ALTER TABLE classes ADD COLUMN opening_decision_date DATE;
ALTER TABLE classes ADD COLUMN opening_decision_signer TEXT;
ALTER TABLE classes ADD COLUMN recognition_decision_number TEXT;
ALTER TABLE classes ADD COLUMN recognition_decision_date DATE;
ALTER TABLE classes ADD COLUMN recognition_decision_signer TEXT;
