DROP TABLE write_gate;
DROP TABLE organizations;
