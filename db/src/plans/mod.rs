//! Annual training plans, their lines, workflow history and approval grants.
//!
//! One module per resource, re-exported here.

mod grants;
mod lines;
mod plan;

pub use grants::*;
pub use lines::*;
pub use plan::*;
