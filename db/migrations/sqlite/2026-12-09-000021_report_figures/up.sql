-- The province's report figures kept as the data changes (issue 23): what `/reports/summary` and
-- `/reports/trends` read instead of every enrollment of the years asked.
--
-- Triggers only mark what a write touched (a class, a learner) in the two `report_dirty_*`
-- tables, whatever writes (the API, imports, demo data); the one write path
-- (`centers_db::write_transaction`) then recomputes the marked classes' and learners' figures
-- from their rows (`centers_db::report_figures::settle`) in the same transaction, before commit.
-- Recomputing from the rows, rather than adding deltas in triggers, keeps one definition of
-- each figure, in Rust-built SQL shared by both backends.

-- Per class not cancelled: its counted enrollments, finished, passed and current certificates.
CREATE TABLE class_figures (
    class_id TEXT PRIMARY KEY NOT NULL,
    center_id TEXT NOT NULL,
    program_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    enrollments BIGINT NOT NULL,
    finished BIGINT NOT NULL,
    passed BIGINT NOT NULL,
    certificates BIGINT NOT NULL
);
CREATE INDEX class_figures_year ON class_figures (year, center_id);

-- Per learner: the (year, center, program) groups where they have a counted enrollment in a
-- class not cancelled, with the program's category as it was when recorded (so that a learner's
-- old marks can be taken back after the category changed).
CREATE TABLE learner_memberships (
    learner_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    center_id TEXT NOT NULL,
    program_id TEXT NOT NULL,
    category TEXT NOT NULL,
    PRIMARY KEY (learner_id, year, center_id, program_id)
);
CREATE INDEX learner_memberships_year ON learner_memberships (year, center_id);

-- Distinct learners, exactly, for any range of years: for each grouping (granularity 0: all
-- centers; 1: center; 2: category; 3: program; 4: center and category; 5: center and program;
-- absent parts are ''), the number of learners present in a group in `year` whose previous year
-- present in the same group was `previous_year` (0: none). The distinct learners of a group over
-- `from..=to` are the rows of those years with `previous_year < from`: each learner counted once,
-- in their first year of the range.
CREATE TABLE distinct_learner_counts (
    granularity INTEGER NOT NULL,
    center_id TEXT NOT NULL,
    category TEXT NOT NULL,
    program_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    previous_year INTEGER NOT NULL,
    learners BIGINT NOT NULL,
    PRIMARY KEY (granularity, year, previous_year, center_id, category, program_id)
);

CREATE TABLE report_dirty_classes (class_id TEXT PRIMARY KEY NOT NULL);
CREATE TABLE report_dirty_learners (learner_id TEXT PRIMARY KEY NOT NULL);

CREATE TRIGGER enrollments_figures_insert AFTER INSERT ON enrollments BEGIN
    INSERT OR IGNORE INTO report_dirty_classes (class_id) VALUES (NEW.class_id);
    INSERT OR IGNORE INTO report_dirty_learners (learner_id) VALUES (NEW.learner_id);
END;
CREATE TRIGGER enrollments_figures_update AFTER UPDATE OF status, class_id, learner_id ON enrollments
WHEN OLD.status IS NOT NEW.status OR OLD.class_id IS NOT NEW.class_id OR OLD.learner_id IS NOT NEW.learner_id BEGIN
    INSERT OR IGNORE INTO report_dirty_classes (class_id) VALUES (OLD.class_id), (NEW.class_id);
    INSERT OR IGNORE INTO report_dirty_learners (learner_id) VALUES (OLD.learner_id), (NEW.learner_id);
END;
CREATE TRIGGER enrollments_figures_delete AFTER DELETE ON enrollments BEGIN
    INSERT OR IGNORE INTO report_dirty_classes (class_id) VALUES (OLD.class_id);
    INSERT OR IGNORE INTO report_dirty_learners (learner_id) VALUES (OLD.learner_id);
END;

CREATE TRIGGER certificates_figures_insert AFTER INSERT ON certificates BEGIN
    INSERT OR IGNORE INTO report_dirty_classes (class_id)
        SELECT class_id FROM enrollments WHERE id = NEW.enrollment_id;
END;
CREATE TRIGGER certificates_figures_update AFTER UPDATE OF replaced_at, enrollment_id ON certificates
WHEN OLD.replaced_at IS NOT NEW.replaced_at OR OLD.enrollment_id IS NOT NEW.enrollment_id BEGIN
    INSERT OR IGNORE INTO report_dirty_classes (class_id)
        SELECT class_id FROM enrollments WHERE id IN (OLD.enrollment_id, NEW.enrollment_id);
END;
CREATE TRIGGER certificates_figures_delete AFTER DELETE ON certificates BEGIN
    INSERT OR IGNORE INTO report_dirty_classes (class_id)
        SELECT class_id FROM enrollments WHERE id = OLD.enrollment_id;
END;

-- A class's figures and its learners' groups depend on whether it is cancelled and on its year,
-- center and program; nothing else of a class.
CREATE TRIGGER classes_figures_insert AFTER INSERT ON classes BEGIN
    INSERT OR IGNORE INTO report_dirty_classes (class_id) VALUES (NEW.id);
END;
CREATE TRIGGER classes_figures_update AFTER UPDATE OF status, year, center_id, program_id ON classes
WHEN (OLD.status = 'cancelled') IS NOT (NEW.status = 'cancelled') OR OLD.year IS NOT NEW.year
    OR OLD.center_id IS NOT NEW.center_id OR OLD.program_id IS NOT NEW.program_id BEGIN
    INSERT OR IGNORE INTO report_dirty_classes (class_id) VALUES (NEW.id);
    INSERT OR IGNORE INTO report_dirty_learners (learner_id)
        SELECT learner_id FROM enrollments WHERE class_id = NEW.id;
END;
CREATE TRIGGER classes_figures_delete AFTER DELETE ON classes BEGIN
    INSERT OR IGNORE INTO report_dirty_classes (class_id) VALUES (OLD.id);
END;

CREATE TRIGGER programs_figures_update AFTER UPDATE OF category ON programs
WHEN OLD.category IS NOT NEW.category BEGIN
    INSERT OR IGNORE INTO report_dirty_learners (learner_id)
        SELECT e.learner_id FROM enrollments e JOIN classes c ON c.id = e.class_id
        WHERE c.program_id = NEW.id;
END;

-- Everything is marked once; the first write transaction (run at every start, after the
-- migrations) computes it.
INSERT INTO report_dirty_classes (class_id) SELECT id FROM classes;
INSERT OR IGNORE INTO report_dirty_learners (learner_id) SELECT learner_id FROM enrollments;
