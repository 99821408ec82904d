//! The authorization scope as a value every scoped query requires.

/// The organization subtree a caller may see, as the materialized path of its scope organization
/// (`/<province>/<district>/<center>/`). Every query that returns scoped rows takes one; there is
/// no value meaning "no scope". Reads that must ignore scope are separate functions named
/// `*_unscoped`, for the server's own use (seeding, authentication, the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    path: String,
}

impl Scope {
    /// The scope of the organization whose materialized path this is.
    pub fn of_path(path: impl Into<String>) -> Scope {
        Scope { path: path.into() }
    }

    /// The materialized path of the scope organization.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The `LIKE` pattern that matches the scope organization and everything under it.
    pub fn pattern(&self) -> String {
        format!("{}%", self.path)
    }

    /// Whether a record owned by the organization at `path` lies inside the scope.
    pub fn contains(&self, path: &str) -> bool {
        path.starts_with(&self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_holds_its_subtree_only() {
        let center = Scope::of_path("/p/d/c/");
        assert!(center.contains("/p/d/c/") && center.contains("/p/d/c/po/"));
        assert!(!center.contains("/p/d/") && !center.contains("/p/d/c2/"));
        assert_eq!(center.pattern(), "/p/d/c/%");
    }
}
