-- Free-text search (`q`) is `search_text LIKE '%folded q%'`: no B-tree serves a pattern that
-- starts with a wildcard, so every list with `q` read every row in scope. Trigram GIN indexes
-- serve it for 3 characters and more (issue 11). pg_trgm is a trusted extension (PostgreSQL 13+):
-- the database owner may create it. SQLite keeps scanning (see docs/performance.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX learners_search_trgm ON learners USING gin (search_text gin_trgm_ops);
CREATE INDEX lecturers_search_trgm ON lecturers USING gin (search_text gin_trgm_ops);
CREATE INDEX classes_search_trgm ON classes USING gin (search_text gin_trgm_ops);
CREATE INDEX organizations_search_trgm ON organizations USING gin (search_text gin_trgm_ops);
