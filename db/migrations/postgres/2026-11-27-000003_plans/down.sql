DROP TABLE plan_transitions;
DROP TABLE training_plan_lines;
DROP TABLE training_plans;
DROP TABLE approval_grants;
DROP TABLE policy_versions;
DROP TABLE program_topics;
DROP TABLE programs;
