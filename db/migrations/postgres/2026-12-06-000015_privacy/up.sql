-- Issue 19: the change feed shows a lecturer only their own teaching records, and a certificate
-- is verified with a code printed on it that cannot be guessed.

-- For the kinds a lecturer reads only when they are theirs (lesson plans, sessions, visits of
-- their sessions, activities): the lecturer they belong to. NULL elsewhere; an event of such a
-- kind with no lecturer is shown to no lecturer (fail closed).
ALTER TABLE change_events ADD COLUMN lecturer_id TEXT;
UPDATE change_events SET lecturer_id = lp.lecturer_id::text
    FROM lesson_plans lp WHERE entity = 'lesson_plan' AND lp.id::text = change_events.entity_id;
UPDATE change_events SET lecturer_id = s.lecturer_id::text
    FROM class_sessions s WHERE entity = 'class_session' AND s.id::text = change_events.entity_id;
UPDATE change_events SET lecturer_id = a.lecturer_id::text
    FROM lecturer_activities a
    WHERE entity = 'lecturer_activity' AND a.id::text = change_events.entity_id;
UPDATE change_events SET lecturer_id = s.lecturer_id::text
    FROM class_visits v JOIN class_sessions s ON s.id = v.session_id
    WHERE entity = 'class_visit' AND v.id::text = change_events.entity_id;

-- Printed on the certificate beside its number; 12 characters of a 32-letter alphabet (60 bits).
-- Certificates issued before this migration get a random code too (hex, 64 bits).
ALTER TABLE certificates ADD COLUMN verification_code TEXT NOT NULL DEFAULT '';
UPDATE certificates SET verification_code = upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 16));
