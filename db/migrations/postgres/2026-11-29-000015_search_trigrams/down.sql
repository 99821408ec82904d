DROP INDEX organizations_search_trgm;
DROP INDEX classes_search_trgm;
DROP INDEX lecturers_search_trgm;
DROP INDEX learners_search_trgm;
