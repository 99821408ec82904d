//! Teaching: lecturers, classes, lesson plans and the timetable.
//!
//! Scope: a lecturer, class or session belongs to the organization whose materialized path the
//! caller's scope must contain — except the provincial school's lecturers, whom every caller of
//! the province sees (they teach at the centers as visiting lecturers).
//!
//! One module per resource; this module re-exports them, so `centers_db::teaching::…` names
//! every teaching query.

mod activities;
mod classes;
mod lecturers;
mod lesson_plans;
mod sessions;
mod topics;
mod visits;
mod workload;

pub use activities::*;
pub use classes::*;
pub use lecturers::*;
pub use lesson_plans::*;
pub use sessions::*;
pub use topics::*;
pub use visits::*;
pub use workload::*;
