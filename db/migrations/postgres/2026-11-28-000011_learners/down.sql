DROP TABLE enrollments;
DROP TABLE learners;
