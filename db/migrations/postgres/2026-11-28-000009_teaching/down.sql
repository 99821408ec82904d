DROP TABLE class_sessions;
DROP TABLE lesson_plans;
DROP TABLE classes;
DROP TABLE lecturers;
