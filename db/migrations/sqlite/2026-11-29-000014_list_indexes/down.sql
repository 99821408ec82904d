DROP INDEX enrollments_class_status;
DROP INDEX classes_year;
DROP INDEX classes_search_id;
DROP INDEX classes_code_id;
DROP INDEX lecturers_search_id;
DROP INDEX learners_search_id;
CREATE INDEX organizations_kind_search ON organizations (kind, search_text);
DROP INDEX organizations_kind_code_id;
DROP INDEX organizations_kind_search_id;
