//! Keyset paging shared by every list: a sort key plus the id as tie-breaker, so a cursor stays
//! stable when rows are inserted before it, and an exact total beside it.

use crate::Id;

/// The last row of a page, from which the next page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CursorKey {
    /// The sort column's value of the last row (as text).
    pub key: String,
    pub id: Id,
}

/// What page to read.
#[derive(Debug, Clone)]
pub struct PageRequest<S> {
    pub limit: i64,
    pub offset: Option<i64>,
    pub after: Option<CursorKey>,
    pub sort: S,
    pub descending: bool,
}

/// One page of rows, the exact total under the same filters, and where the next page starts.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub next: Option<CursorKey>,
}

impl<T> Page<T> {
    /// Builds a page from `limit + 1` fetched rows: the extra row only tells that there is more.
    pub fn from_rows(
        mut rows: Vec<T>,
        limit: i64,
        total: i64,
        key_of: impl Fn(&T) -> CursorKey,
    ) -> Page<T> {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        let next = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(&key_of)
        } else {
            None
        };
        Page {
            items: rows,
            total,
            next,
        }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
            next: self.next,
        }
    }
}

/// Applies keyset paging to a boxed query `$q` on a text sort column `$col` with `$id` as the
/// tie-breaker: keeps the rows strictly after the page's cursor in its direction, and orders by
/// `($col, $id)`. A macro because each column is its own type.
#[macro_export]
macro_rules! keyset_page {
    ($q:ident, $page:expr, $col:expr, $id:expr) => {{
        if let Some(after) = &$page.after {
            let (k, id) = (after.key.clone(), after.id);
            $q = if $page.descending {
                $q.filter($col.lt(k.clone()).or($col.eq(k).and($id.lt(id))))
            } else {
                $q.filter($col.gt(k.clone()).or($col.eq(k).and($id.gt(id))))
            };
        }
        $q = if $page.descending {
            $q.order(($col.desc(), $id.desc()))
        } else {
            $q.order(($col.asc(), $id.asc()))
        };
    }};
}
