//! The rules of the province's network of political training centers.
//!
//! No I/O lives here: the `db` and `api` crates depend on this one, never the other way round.
//! Every rule is a plain function or type with unit tests at its edges.

pub mod access;
pub mod accounts;
pub mod certificates;
pub mod changes;
pub mod labels;
pub mod learners;
pub mod login;
pub mod organizations;
pub mod password;
pub mod plans;
pub mod policies;
pub mod programs;
pub mod teaching;
pub mod text;
pub mod validity;
pub mod webhooks;
pub mod workflow;
