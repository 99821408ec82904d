-- Attendance and results (issue 10).

-- A learner's presence at a session; one row per session and enrollment.
CREATE TABLE attendance (
    id UUID PRIMARY KEY NOT NULL,
    session_id UUID NOT NULL REFERENCES class_sessions(id),
    enrollment_id UUID NOT NULL REFERENCES enrollments(id),
    status TEXT NOT NULL,
    recorded_by UUID,
    recorded_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX attendance_once ON attendance (session_id, enrollment_id);
CREATE INDEX attendance_enrollment ON attendance (enrollment_id);

-- An enrollment's result: scores in tenths (scale of 10), one retake, conduct, a comment.
CREATE TABLE results (
    id UUID PRIMARY KEY NOT NULL,
    enrollment_id UUID NOT NULL REFERENCES enrollments(id),
    score_tenths INTEGER,
    retake_tenths INTEGER,
    conduct TEXT,
    comment TEXT,
    recorded_by UUID,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX results_enrollment ON results (enrollment_id);
