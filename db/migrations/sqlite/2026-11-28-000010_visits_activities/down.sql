DROP TABLE lecturer_activities;
DROP TABLE class_visits;
