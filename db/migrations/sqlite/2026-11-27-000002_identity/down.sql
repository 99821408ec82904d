DROP TABLE audit_log;
DROP TABLE login_failures;
DROP TABLE service_clients;
DROP TABLE refresh_tokens;
DROP TABLE users;
