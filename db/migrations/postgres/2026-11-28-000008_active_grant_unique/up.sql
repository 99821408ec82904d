-- One active approval grant per user and district, enforced by the database so that two
-- concurrent grants cannot both pass the application's check.
CREATE UNIQUE INDEX approval_grants_active ON approval_grants (user_id, district_id)
    WHERE revoked_at IS NULL;
