DROP TABLE certificates;
DROP TABLE certificate_counters;
