//! Accounts, refresh tokens, service clients and login-failure counters.
//!
//! One module per resource, re-exported here.

mod clients;
mod login_failures;
mod refresh_tokens;
mod users;

pub use clients::*;
pub use login_failures::*;
pub use refresh_tokens::*;
pub use users::*;
