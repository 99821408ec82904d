-- Every supported list sort is seekable: an index on (filter prefix, sort key, id) matching the
-- row-value keyset condition `(key, id) > (?, ?)` of db/src/paging.rs (issue 11).
CREATE INDEX organizations_kind_search_id ON organizations (kind, search_text, id);
CREATE INDEX organizations_kind_code_id ON organizations (kind, code, id);
DROP INDEX organizations_kind_search;
CREATE INDEX learners_search_id ON learners (search_text, id);
CREATE INDEX lecturers_search_id ON lecturers (search_text, id);
CREATE INDEX classes_code_id ON classes (code, id);
CREATE INDEX classes_search_id ON classes (search_text, id);
-- The summary report: classes of a range of years, their counted enrollments.
CREATE INDEX classes_year ON classes (year, center_id, program_id);
CREATE INDEX enrollments_class_status ON enrollments (class_id, status, learner_id);
