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

/// The organizations a scope reaches: those in its subtree and those served from it. A party
/// organization sits under its party committee and is served by a center: the committee's
/// scope reaches it by `path`, the center's by `service_path` (every other organization is
/// served from where it is, so for it the two are one). Every scoped query of organizations,
/// and of the records they own, filters with this.
pub(crate) fn reaches(
    scope: &Scope,
) -> diesel::dsl::Or<
    diesel::dsl::Like<crate::schema::organizations::path, String>,
    diesel::dsl::Like<crate::schema::organizations::service_path, String>,
> {
    use crate::schema::organizations;
    use diesel::prelude::*;
    organizations::path
        .like(scope.pattern())
        .or(organizations::service_path.like(scope.pattern()))
}

/// A record found inside a caller's scope. Only this crate's scoped finders make one, and the
/// queries of a record's children (a class's sessions, enrollments and results, a session's
/// attendance, an enrollment's result and certificates) take it: such a query cannot be called
/// with an id nobody checked. It reads as the row it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct InScope<T>(T);

impl<T> InScope<T> {
    /// Made only where the scope was applied (or by a parent already in scope).
    pub(crate) fn new(row: T) -> InScope<T> {
        InScope(row)
    }

    /// The row, for a DTO; the proof of scope is given up.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for InScope<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
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
