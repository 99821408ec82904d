DROP INDEX lesson_plans_created;
DROP INDEX class_visits_created;
DROP TRIGGER learners_counted_insert_delete ON learners;
DROP TRIGGER learners_counted_update ON learners;
DROP FUNCTION learners_counted();
DROP TRIGGER classes_counted_insert_delete ON classes;
DROP TRIGGER classes_counted_update ON classes;
DROP FUNCTION classes_counted();
DROP TABLE record_counts;
