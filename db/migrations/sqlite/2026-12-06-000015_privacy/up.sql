-- Issue 19: the change feed shows a lecturer only their own teaching records, and a certificate
-- is verified with a code printed on it that cannot be guessed.

-- For the kinds a lecturer reads only when they are theirs (lesson plans, sessions, visits of
-- their sessions, activities): the lecturer they belong to. NULL elsewhere; an event of such a
-- kind with no lecturer is shown to no lecturer (fail closed).
ALTER TABLE change_events ADD COLUMN lecturer_id TEXT;
UPDATE change_events SET lecturer_id =
    (SELECT lecturer_id FROM lesson_plans WHERE lesson_plans.id = change_events.entity_id)
    WHERE entity = 'lesson_plan';
UPDATE change_events SET lecturer_id =
    (SELECT lecturer_id FROM class_sessions WHERE class_sessions.id = change_events.entity_id)
    WHERE entity = 'class_session';
UPDATE change_events SET lecturer_id =
    (SELECT lecturer_id FROM lecturer_activities WHERE lecturer_activities.id = change_events.entity_id)
    WHERE entity = 'lecturer_activity';
UPDATE change_events SET lecturer_id =
    (SELECT s.lecturer_id FROM class_visits v JOIN class_sessions s ON s.id = v.session_id
     WHERE v.id = change_events.entity_id)
    WHERE entity = 'class_visit';

-- Printed on the certificate beside its number; 12 characters of a 32-letter alphabet (60 bits).
-- Certificates issued before this migration get a random code too (hex, 64 bits).
ALTER TABLE certificates ADD COLUMN verification_code TEXT NOT NULL DEFAULT '';
UPDATE certificates SET verification_code = upper(hex(randomblob(8)));
