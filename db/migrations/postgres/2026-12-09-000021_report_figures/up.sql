-- The province's report figures kept as the data changes (issue 23): what `/reports/summary` and
-- `/reports/trends` read instead of every enrollment of the years asked.
--
-- Triggers only mark what a write touched (a class, a learner) in the two `report_dirty_*`
-- tables, whatever writes (the API, imports, demo data); the one write path
-- (`centers_db::write_transaction`) then recomputes the marked classes' and learners' figures
-- from their rows (`centers_db::report_figures::settle`) in the same transaction, before commit.
-- Recomputing from the rows, rather than adding deltas in triggers, keeps one definition of
-- each figure, in Rust-built SQL shared by both backends. A marked row also orders concurrent
-- writers of one class or learner: the second waits for the first's commit and then recomputes
-- from what the first committed.

-- Per class not cancelled: its counted enrollments, finished, passed and current certificates.
CREATE TABLE class_figures (
    class_id UUID PRIMARY KEY NOT NULL,
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
    learner_id UUID NOT NULL,
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
)
-- Updated by every enrollment that changes a learner's groups (see record_counts).
WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000);

-- Each marked row is inserted and deleted in one transaction: the tables stay empty but collect
-- dead versions, which the check for pending marks that ends every write would walk; they are
-- vacuumed after a fixed number of them (and `demo-data` vacuums after its load).
CREATE TABLE report_dirty_classes (class_id UUID PRIMARY KEY NOT NULL)
WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
CREATE TABLE report_dirty_learners (learner_id UUID PRIMARY KEY NOT NULL)
WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);

-- Inserts and deletes by statement (a demo load or an import writes thousands of enrollments in
-- one statement), updates by row (their column lists and conditions).
CREATE FUNCTION enrollments_figures_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_dirty_classes (class_id) SELECT DISTINCT class_id FROM new_rows ORDER BY 1 ON CONFLICT DO NOTHING;
        INSERT INTO report_dirty_learners (learner_id) SELECT DISTINCT learner_id FROM new_rows ORDER BY 1 ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO report_dirty_classes (class_id) SELECT DISTINCT class_id FROM old_rows ORDER BY 1 ON CONFLICT DO NOTHING;
        INSERT INTO report_dirty_learners (learner_id) SELECT DISTINCT learner_id FROM old_rows ORDER BY 1 ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER enrollments_figures_insert AFTER INSERT ON enrollments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollments_figures_rows();
CREATE TRIGGER enrollments_figures_delete AFTER DELETE ON enrollments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollments_figures_rows();
CREATE FUNCTION enrollments_figures_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_dirty_classes (class_id) SELECT DISTINCT unnest(ARRAY[OLD.class_id, NEW.class_id]) ORDER BY 1 ON CONFLICT DO NOTHING;
    INSERT INTO report_dirty_learners (learner_id) SELECT DISTINCT unnest(ARRAY[OLD.learner_id, NEW.learner_id]) ORDER BY 1 ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER enrollments_figures_update AFTER UPDATE OF status, class_id, learner_id ON enrollments
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.class_id IS DISTINCT FROM NEW.class_id
        OR OLD.learner_id IS DISTINCT FROM NEW.learner_id)
    EXECUTE FUNCTION enrollments_figures_update();

CREATE FUNCTION certificates_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_dirty_classes (class_id)
        SELECT DISTINCT e.class_id FROM enrollments e
        WHERE e.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.enrollment_id END,
                       CASE WHEN TG_OP <> 'DELETE' THEN NEW.enrollment_id END)
        ORDER BY 1 ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER certificates_figures AFTER INSERT OR DELETE ON certificates
    FOR EACH ROW EXECUTE FUNCTION certificates_figures();
CREATE TRIGGER certificates_figures_update AFTER UPDATE OF replaced_at, enrollment_id ON certificates
    FOR EACH ROW WHEN (OLD.replaced_at IS DISTINCT FROM NEW.replaced_at OR OLD.enrollment_id IS DISTINCT FROM NEW.enrollment_id)
    EXECUTE FUNCTION certificates_figures();

-- A class's figures and its learners' groups depend on whether it is cancelled and on its year,
-- center and program; nothing else of a class.
CREATE FUNCTION classes_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO report_dirty_classes (class_id) VALUES (OLD.id) ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO report_dirty_classes (class_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO report_dirty_learners (learner_id)
            SELECT DISTINCT learner_id FROM enrollments WHERE class_id = NEW.id ORDER BY 1 ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER classes_figures AFTER INSERT OR DELETE ON classes
    FOR EACH ROW EXECUTE FUNCTION classes_figures();
CREATE TRIGGER classes_figures_update AFTER UPDATE OF status, year, center_id, program_id ON classes
    FOR EACH ROW WHEN ((OLD.status = 'cancelled') IS DISTINCT FROM (NEW.status = 'cancelled')
        OR OLD.year IS DISTINCT FROM NEW.year OR OLD.center_id IS DISTINCT FROM NEW.center_id
        OR OLD.program_id IS DISTINCT FROM NEW.program_id)
    EXECUTE FUNCTION classes_figures();

CREATE FUNCTION programs_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_dirty_learners (learner_id)
        SELECT DISTINCT e.learner_id FROM enrollments e JOIN classes c ON c.id = e.class_id
        WHERE c.program_id = NEW.id ORDER BY 1 ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER programs_figures_update AFTER UPDATE OF category ON programs
    FOR EACH ROW WHEN (OLD.category IS DISTINCT FROM NEW.category) EXECUTE FUNCTION programs_figures();

-- Everything is marked once; the first write transaction (run at every start, after the
-- migrations) computes it.
INSERT INTO report_dirty_classes (class_id) SELECT id FROM classes;
INSERT INTO report_dirty_learners (learner_id) SELECT DISTINCT learner_id FROM enrollments;
