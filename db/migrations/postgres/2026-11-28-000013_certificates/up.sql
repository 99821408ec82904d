-- Certificates and each center's master register (sổ gốc) numbering (issue 10).

-- The last serial number used by a center in a year: taken under a row lock, so numbers have no
-- gap and no duplicate even when many are issued at once.
CREATE TABLE certificate_counters (
    center_id UUID NOT NULL REFERENCES organizations(id),
    year INTEGER NOT NULL,
    last_serial INTEGER NOT NULL,
    PRIMARY KEY (center_id, year)
);

-- A certificate; a reissue keeps the serial with the next suffix and replaces the earlier one.
CREATE TABLE certificates (
    id UUID PRIMARY KEY NOT NULL,
    enrollment_id UUID NOT NULL REFERENCES enrollments(id),
    center_id UUID NOT NULL REFERENCES organizations(id),
    program_id UUID NOT NULL REFERENCES programs(id),
    year INTEGER NOT NULL,
    serial INTEGER NOT NULL,
    suffix INTEGER NOT NULL,
    number TEXT NOT NULL,
    issue_date DATE NOT NULL,
    signer TEXT NOT NULL,
    valid_until DATE,
    reason TEXT,
    replaced_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX certificates_register ON certificates (center_id, year, serial, suffix);
CREATE UNIQUE INDEX certificates_number ON certificates (number);
CREATE INDEX certificates_enrollment ON certificates (enrollment_id);
