-- Counts of the records of the long lists, per owning organization and bucket (issue 23): a
-- list's `total` sums them over the organizations the caller's scope reaches, a cost that does
-- not grow with the years stored. Triggers keep them in the writing transaction, whatever writes
-- (the API's one write path, imports, demo data, cascades), so they cannot drift from the rows.
-- A bucket names one value or `*` for each counted filter (classes: status|year|program_id), so
-- every combination of those filters is one row per organization.
CREATE TABLE record_counts (
    entity TEXT NOT NULL,
    organization_id TEXT NOT NULL,
    bucket TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (entity, organization_id, bucket)
);
CREATE INDEX record_counts_bucket ON record_counts (entity, bucket, organization_id);

CREATE TRIGGER learners_counted_insert AFTER INSERT ON learners BEGIN
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('learner', NEW.party_organization_id, '', 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER learners_counted_delete AFTER DELETE ON learners BEGIN
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'learner' AND organization_id = OLD.party_organization_id AND bucket = '';
END;
CREATE TRIGGER learners_counted_update AFTER UPDATE OF party_organization_id ON learners
WHEN OLD.party_organization_id IS NOT NEW.party_organization_id BEGIN
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'learner' AND organization_id = OLD.party_organization_id AND bucket = '';
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('learner', NEW.party_organization_id, '', 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
END;
INSERT INTO record_counts (entity, organization_id, bucket, n)
SELECT 'learner', organization_id, bucket, COUNT(*) FROM (
    SELECT party_organization_id AS organization_id, '' AS bucket FROM learners
) counted GROUP BY organization_id, bucket;

CREATE TRIGGER classes_counted_insert AFTER INSERT ON classes BEGIN
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, NEW.status || '|' || CAST(NEW.year AS TEXT) || '|' || NEW.program_id, 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, NEW.status || '|' || CAST(NEW.year AS TEXT) || '|' || '*', 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, NEW.status || '|' || '*' || '|' || NEW.program_id, 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, NEW.status || '|' || '*' || '|' || '*', 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, '*' || '|' || CAST(NEW.year AS TEXT) || '|' || NEW.program_id, 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, '*' || '|' || CAST(NEW.year AS TEXT) || '|' || '*', 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, '*' || '|' || '*' || '|' || NEW.program_id, 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, '*' || '|' || '*' || '|' || '*', 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER classes_counted_delete AFTER DELETE ON classes BEGIN
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = OLD.status || '|' || CAST(OLD.year AS TEXT) || '|' || OLD.program_id;
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = OLD.status || '|' || CAST(OLD.year AS TEXT) || '|' || '*';
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = OLD.status || '|' || '*' || '|' || OLD.program_id;
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = OLD.status || '|' || '*' || '|' || '*';
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = '*' || '|' || CAST(OLD.year AS TEXT) || '|' || OLD.program_id;
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = '*' || '|' || CAST(OLD.year AS TEXT) || '|' || '*';
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = '*' || '|' || '*' || '|' || OLD.program_id;
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = '*' || '|' || '*' || '|' || '*';
END;
CREATE TRIGGER classes_counted_update AFTER UPDATE OF center_id, status, year, program_id ON classes
WHEN OLD.center_id IS NOT NEW.center_id OR OLD.status IS NOT NEW.status OR OLD.year IS NOT NEW.year OR OLD.program_id IS NOT NEW.program_id BEGIN
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = OLD.status || '|' || CAST(OLD.year AS TEXT) || '|' || OLD.program_id;
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = OLD.status || '|' || CAST(OLD.year AS TEXT) || '|' || '*';
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = OLD.status || '|' || '*' || '|' || OLD.program_id;
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = OLD.status || '|' || '*' || '|' || '*';
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = '*' || '|' || CAST(OLD.year AS TEXT) || '|' || OLD.program_id;
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = '*' || '|' || CAST(OLD.year AS TEXT) || '|' || '*';
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = '*' || '|' || '*' || '|' || OLD.program_id;
    UPDATE record_counts SET n = n - 1
        WHERE entity = 'class' AND organization_id = OLD.center_id AND bucket = '*' || '|' || '*' || '|' || '*';
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, NEW.status || '|' || CAST(NEW.year AS TEXT) || '|' || NEW.program_id, 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, NEW.status || '|' || CAST(NEW.year AS TEXT) || '|' || '*', 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, NEW.status || '|' || '*' || '|' || NEW.program_id, 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, NEW.status || '|' || '*' || '|' || '*', 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, '*' || '|' || CAST(NEW.year AS TEXT) || '|' || NEW.program_id, 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, '*' || '|' || CAST(NEW.year AS TEXT) || '|' || '*', 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, '*' || '|' || '*' || '|' || NEW.program_id, 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
    INSERT INTO record_counts (entity, organization_id, bucket, n) VALUES ('class', NEW.center_id, '*' || '|' || '*' || '|' || '*', 1)
        ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = n + 1;
END;
INSERT INTO record_counts (entity, organization_id, bucket, n)
SELECT 'class', organization_id, bucket, COUNT(*) FROM (
    SELECT center_id AS organization_id, classes.status || '|' || CAST(classes.year AS TEXT) || '|' || classes.program_id AS bucket FROM classes
    UNION ALL SELECT center_id AS organization_id, classes.status || '|' || CAST(classes.year AS TEXT) || '|' || '*' AS bucket FROM classes
    UNION ALL SELECT center_id AS organization_id, classes.status || '|' || '*' || '|' || classes.program_id AS bucket FROM classes
    UNION ALL SELECT center_id AS organization_id, classes.status || '|' || '*' || '|' || '*' AS bucket FROM classes
    UNION ALL SELECT center_id AS organization_id, '*' || '|' || CAST(classes.year AS TEXT) || '|' || classes.program_id AS bucket FROM classes
    UNION ALL SELECT center_id AS organization_id, '*' || '|' || CAST(classes.year AS TEXT) || '|' || '*' AS bucket FROM classes
    UNION ALL SELECT center_id AS organization_id, '*' || '|' || '*' || '|' || classes.program_id AS bucket FROM classes
    UNION ALL SELECT center_id AS organization_id, '*' || '|' || '*' || '|' || '*' AS bucket FROM classes
) counted GROUP BY organization_id, bucket;

-- The lesson-plan and visit lists are paged newest first by (created_at, id): each page seeks
-- these indexes instead of sorting every row of the scope.
CREATE INDEX lesson_plans_created ON lesson_plans (created_at, id);
CREATE INDEX class_visits_created ON class_visits (created_at, id);
