-- Teaching (issue 9): lecturers, classes, the timetable and lesson plans.

-- A lecturer of a center, or of the provincial school (visiting lecturers teach at the centers).
CREATE TABLE lecturers (
    id TEXT PRIMARY KEY NOT NULL,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    kind TEXT NOT NULL,
    full_name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    position TEXT,
    leadership_post TEXT,
    theory_level TEXT,
    degree TEXT,
    subjects_json TEXT NOT NULL,
    user_id TEXT REFERENCES users(id),
    external_id TEXT,
    active_from DATE,
    active_to DATE,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX lecturers_organization ON lecturers (organization_id, search_text, id);
CREATE UNIQUE INDEX lecturers_user ON lecturers (user_id);
CREATE UNIQUE INDEX lecturers_external ON lecturers (organization_id, external_id);

-- A class of a program at a center. Its code is unique per center and year.
CREATE TABLE classes (
    id TEXT PRIMARY KEY NOT NULL,
    center_id TEXT NOT NULL REFERENCES organizations(id),
    program_id TEXT NOT NULL REFERENCES programs(id),
    year INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    mode TEXT NOT NULL,
    plan_line_id TEXT REFERENCES training_plan_lines(id),
    partner_id TEXT REFERENCES organizations(id),
    term TEXT,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    location TEXT,
    capacity INTEGER NOT NULL,
    homeroom_lecturer_id TEXT REFERENCES lecturers(id),
    status TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX classes_code ON classes (center_id, year, code);
CREATE INDEX classes_start ON classes (center_id, start_date, id);

-- Lesson plans (giáo án): one chain of versions per lecturer and topic.
CREATE TABLE lesson_plans (
    id TEXT PRIMARY KEY NOT NULL,
    lecturer_id TEXT NOT NULL REFERENCES lecturers(id),
    topic_id TEXT NOT NULL REFERENCES program_topics(id),
    version_no INTEGER NOT NULL,
    previous_id TEXT REFERENCES lesson_plans(id),
    title TEXT NOT NULL,
    outline TEXT NOT NULL,
    uses_it BOOLEAN NOT NULL,
    local_practice TEXT,
    attachments_json TEXT NOT NULL,
    status TEXT NOT NULL,
    approved_on DATE,
    approved_by TEXT,
    superseded_on DATE,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX lesson_plans_version ON lesson_plans (lecturer_id, topic_id, version_no);

-- The timetable: a session of a class on a date, from a time, for a number of periods (tiết).
-- start_minute/end_minute are minutes after midnight; a lecturer's sessions never overlap
-- (checked under a lock on the lecturer's row, see db/src/teaching.rs).
CREATE TABLE class_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    class_id TEXT NOT NULL REFERENCES classes(id),
    session_date DATE NOT NULL,
    start_minute INTEGER NOT NULL,
    end_minute INTEGER NOT NULL,
    periods INTEGER NOT NULL,
    topic_id TEXT NOT NULL REFERENCES program_topics(id),
    lecturer_id TEXT NOT NULL REFERENCES lecturers(id),
    room TEXT,
    status TEXT NOT NULL,
    lesson_plan_id TEXT REFERENCES lesson_plans(id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX class_sessions_class ON class_sessions (class_id, session_date, start_minute);
CREATE INDEX class_sessions_lecturer ON class_sessions (lecturer_id, session_date);
