DROP TABLE results;
DROP TABLE attendance;
