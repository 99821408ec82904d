DROP INDEX approval_grants_active;
