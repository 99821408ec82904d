//! The black-box HTTP suite, one test binary: each module covers one area and every test spawns
//! the server on port 0 with its own database (SQLite file, or a fresh PostgreSQL database when
//! `TEST_DATABASE_URL` is set). One binary rather than one per file: each would link the whole
//! server again, which cost minutes and gigabytes of disk on a fresh build (CI ran out of space).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backup;
mod changes;
mod contract;
mod feed_rules;
mod idempotency;
mod identity;
mod invariants;
mod learners;
mod lists;
mod metrics;
mod organizations_over_time;
mod party_committees;
mod plans;
mod platform;
mod privacy;
mod provinces;
mod reorganization;
mod report_figures;
mod reports;
mod security;
mod teaching;
mod upgrade;
mod walk;
mod webhooks;
