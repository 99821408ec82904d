-- Class visits (dự giờ) and lecturers' activities (issue 9).

-- An observer's scores of a taught session, against the observation policy in force that day.
CREATE TABLE class_visits (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES class_sessions(id),
    observer_id TEXT NOT NULL REFERENCES lecturers(id),
    scores_json TEXT NOT NULL,
    total_score DOUBLE PRECISION NOT NULL,
    average_score DOUBLE PRECISION NOT NULL,
    rating_code TEXT NOT NULL,
    rating_label TEXT NOT NULL,
    comments TEXT,
    recorded_by TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX class_visits_session ON class_visits (session_id);
CREATE UNIQUE INDEX class_visits_observer ON class_visits (session_id, observer_id);

-- A lecturer's activity outside the classroom, in tenths of an hour.
CREATE TABLE lecturer_activities (
    id TEXT PRIMARY KEY NOT NULL,
    lecturer_id TEXT NOT NULL REFERENCES lecturers(id),
    kind TEXT NOT NULL,
    activity_date DATE NOT NULL,
    hours_tenths INTEGER NOT NULL,
    place TEXT,
    note TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX lecturer_activities_lecturer ON lecturer_activities (lecturer_id, activity_date);
