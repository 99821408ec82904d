//! Learners and enrollments. A learner belongs to a grassroots party organization: whoever sees
//! that organization (its own account, its center, the province) sees the learner — personal
//! data, so every read here takes a scope.
//!
//! One module per resource; this module re-exports them, so `centers_db::learners::…` names
//! every query of learners and what hangs on them.

mod attendance;
mod bulk;
mod certificates;
mod enrollments;
mod learner;
mod results;

pub use attendance::*;
pub use bulk::*;
pub use certificates::*;
pub use enrollments::*;
pub use learner::*;
pub use results::*;
