//! Keyset paging shared by every list: a sort key plus the id as tie-breaker, so a cursor stays
//! stable when rows are inserted before it, and an exact total beside it.

use crate::Id;
use diesel::QueryResult;

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
    /// Whether to answer `total`: false when the client said `total=false`.
    pub count: bool,
    /// Whether the client asked for `total` in so many words (`total=true`): a search whose total
    /// no kept count answers is counted by a scan only then.
    pub count_asked: bool,
}

impl<S> PageRequest<S> {
    /// The total under the page's filters when asked for, by `count`; `None` otherwise. For
    /// lists whose size is bounded by their scope or parent, not by the years stored.
    pub fn total(&self, count: impl FnOnce() -> QueryResult<i64>) -> QueryResult<Option<i64>> {
        if self.count {
            count().map(Some)
        } else {
            Ok(None)
        }
    }

    /// The total of a list that grows with the years: from kept counts when `kept` has them for
    /// these filters ([`crate::counts`]; a cost that does not grow with the rows), else counted
    /// by `scan` only when the client asked for it (`total=true`), else `None`.
    pub fn total_kept(
        &self,
        conn: &mut crate::DbConnection,
        kept: Option<impl FnOnce(&mut crate::DbConnection) -> QueryResult<i64>>,
        scan: impl FnOnce(&mut crate::DbConnection) -> QueryResult<i64>,
    ) -> QueryResult<Option<i64>> {
        match (self.count, kept) {
            (false, _) => Ok(None),
            (true, Some(kept)) => kept(conn).map(Some),
            (true, None) if self.count_asked => scan(conn).map(Some),
            (true, None) => Ok(None),
        }
    }
}

/// One page of rows, the exact total under the same filters, and where the next page starts.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The exact total, when the request asked for it.
    pub total: Option<i64>,
    pub next: Option<CursorKey>,
}

impl<T> Page<T> {
    /// Builds a page from `limit + 1` fetched rows: the extra row only tells that there is more.
    pub fn from_rows(
        mut rows: Vec<T>,
        limit: i64,
        total: Option<i64>,
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

    /// The page with each item converted, or the first conversion's error.
    pub fn try_map<U, E>(self, f: impl FnMut(T) -> Result<U, E>) -> Result<Page<U>, E> {
        Ok(Page {
            items: self.items.into_iter().map(f).collect::<Result<_, E>>()?,
            total: self.total,
            next: self.next,
        })
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
            next: self.next,
        }
    }
}

/// Pages a list that is read whole because its parent bounds it (a class's sessions, a plan's
/// lines, a record's history, an account's clients): sorted by `(key, id)`, then the cursor,
/// offset and limit applied exactly as a keyset query would, so a client walks it like any other
/// list. Only for lists whose size does not grow with the years stored.
pub fn page_whole<T, S>(
    items: Vec<T>,
    request: &PageRequest<S>,
    key_of: impl Fn(&T) -> CursorKey,
) -> Page<T> {
    let mut keyed: Vec<(CursorKey, T)> = items.into_iter().map(|t| (key_of(&t), t)).collect();
    keyed.sort_by(|(a, _), (b, _)| (a.key.as_str(), a.id).cmp(&(b.key.as_str(), b.id)));
    if request.descending {
        keyed.reverse();
    }
    let total = request
        .count
        .then(|| i64::try_from(keyed.len()).unwrap_or(i64::MAX));
    let start = match &request.after {
        Some(after) => {
            let after = (after.key.as_str(), after.id);
            keyed
                .iter()
                .position(|(k, _)| {
                    let k = (k.key.as_str(), k.id);
                    if request.descending {
                        k < after
                    } else {
                        k > after
                    }
                })
                .unwrap_or(keyed.len())
        }
        None => usize::try_from(request.offset.unwrap_or(0)).unwrap_or(usize::MAX),
    };
    let take = usize::try_from(request.limit)
        .unwrap_or(usize::MAX)
        .saturating_add(1);
    let rows: Vec<T> = keyed
        .into_iter()
        .skip(start)
        .take(take)
        .map(|(_, t)| t)
        .collect();
    Page::from_rows(rows, request.limit, total, key_of)
}

/// `(a, b) > (x, y)` or `(a, b) < (x, y)`: a row-value comparison, which both backends answer by
/// seeking an index on `(a, b)` — unlike the equivalent `a > x OR (a = x AND b > y)`, which
/// PostgreSQL and SQLite plan as a filter over every row before the cursor.
#[derive(Debug, Clone, Copy, diesel::query_builder::QueryId)]
pub struct RowCompare<A, B, X, Y> {
    a: A,
    b: B,
    x: X,
    y: Y,
    greater: bool,
}

/// Builds a [`RowCompare`] of columns `(a, b)` with the values `(x, y)`.
pub fn row_compare<A, B, X, Y>(
    a: A,
    b: B,
    x: X,
    y: Y,
    greater: bool,
) -> RowCompare<A, B, X::Expression, Y::Expression>
where
    A: diesel::Expression,
    B: diesel::Expression,
    X: diesel::expression::AsExpression<A::SqlType>,
    Y: diesel::expression::AsExpression<B::SqlType>,
    A::SqlType: diesel::sql_types::SqlType + diesel::sql_types::SingleValue,
    B::SqlType: diesel::sql_types::SqlType + diesel::sql_types::SingleValue,
{
    RowCompare {
        a,
        b,
        x: x.as_expression(),
        y: y.as_expression(),
        greater,
    }
}

impl<A, B, X, Y> diesel::Expression for RowCompare<A, B, X, Y> {
    type SqlType = diesel::sql_types::Bool;
}

impl<A, B, X, Y, QS> diesel::AppearsOnTable<QS> for RowCompare<A, B, X, Y>
where
    A: diesel::AppearsOnTable<QS>,
    B: diesel::AppearsOnTable<QS>,
    X: diesel::AppearsOnTable<QS>,
    Y: diesel::AppearsOnTable<QS>,
{
}

impl<A, B, X, Y, QS> diesel::SelectableExpression<QS> for RowCompare<A, B, X, Y>
where
    A: diesel::SelectableExpression<QS>,
    B: diesel::SelectableExpression<QS>,
    X: diesel::SelectableExpression<QS>,
    Y: diesel::SelectableExpression<QS>,
{
}

impl<A, B, X, Y> diesel::expression::ValidGrouping<()> for RowCompare<A, B, X, Y> {
    type IsAggregate = diesel::expression::is_aggregate::Never;
}

impl<A, B, X, Y, DB> diesel::query_builder::QueryFragment<DB> for RowCompare<A, B, X, Y>
where
    DB: diesel::backend::Backend,
    A: diesel::query_builder::QueryFragment<DB>,
    B: diesel::query_builder::QueryFragment<DB>,
    X: diesel::query_builder::QueryFragment<DB>,
    Y: diesel::query_builder::QueryFragment<DB>,
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, DB>,
    ) -> diesel::QueryResult<()> {
        out.push_sql("((");
        self.a.walk_ast(out.reborrow())?;
        out.push_sql(", ");
        self.b.walk_ast(out.reborrow())?;
        out.push_sql(if self.greater { ") > (" } else { ") < (" });
        self.x.walk_ast(out.reborrow())?;
        out.push_sql(", ");
        self.y.walk_ast(out.reborrow())?;
        out.push_sql("))");
        Ok(())
    }
}

/// A timestamp as a cursor key: text that sorts as the timestamp does.
pub fn timestamp_key(at: chrono::NaiveDateTime) -> String {
    at.format(TIMESTAMP_KEY).to_string()
}

/// The timestamp of a cursor key made by [`timestamp_key`] (the API checks it before a query).
pub fn parse_timestamp_key(key: &str) -> QueryResult<chrono::NaiveDateTime> {
    chrono::NaiveDateTime::parse_from_str(key, TIMESTAMP_KEY)
        .map_err(|e| diesel::result::Error::QueryBuilderError(format!("cursor key: {e}").into()))
}

const TIMESTAMP_KEY: &str = "%Y-%m-%dT%H:%M:%S%.6f";

/// Applies keyset paging to a boxed query `$q` on a text sort column `$col` with `$id` as the
/// tie-breaker: keeps the rows strictly after the page's cursor in its direction (a row-value
/// comparison, seekable with an index on `($col, $id)`), and orders by `($col, $id)`. A macro
/// because each column is its own type.
#[macro_export]
macro_rules! keyset_page {
    ($q:ident, $page:expr, $col:expr, $id:expr) => {{
        if let Some(after) = &$page.after {
            $q = $q.filter($crate::paging::row_compare(
                $col,
                $id,
                after.key.clone(),
                after.id,
                !$page.descending,
            ));
        }
        $q = if $page.descending {
            $q.order(($col.desc(), $id.desc()))
        } else {
            $q.order(($col.asc(), $id.asc()))
        };
    }};
}

/// [`keyset_page!`] on a timestamp column, whose cursor key is [`timestamp_key`]'s text.
#[macro_export]
macro_rules! keyset_page_at {
    ($q:ident, $page:expr, $col:expr, $id:expr) => {{
        if let Some(after) = &$page.after {
            let at = $crate::paging::parse_timestamp_key(&after.key)?;
            $q = $q.filter($crate::paging::row_compare(
                $col,
                $id,
                at,
                after.id,
                !$page.descending,
            ));
        }
        $q = if $page.descending {
            $q.order(($col.desc(), $id.desc()))
        } else {
            $q.order(($col.asc(), $id.asc()))
        };
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(limit: i64, after: Option<CursorKey>, descending: bool) -> PageRequest<()> {
        PageRequest {
            limit,
            offset: None,
            after,
            sort: (),
            descending,
            count: true,
            count_asked: false,
        }
    }

    fn key(n: &u32) -> CursorKey {
        CursorKey {
            key: format!("{n:03}"),
            id: Id(uuid::Uuid::from_u128(u128::from(*n))),
        }
    }

    /// Walks a whole list page by page and returns what it saw.
    fn walk(items: &[u32], limit: i64, descending: bool) -> Vec<u32> {
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = page_whole(items.to_vec(), &request(limit, after, descending), key);
            assert_eq!(page.total, Some(i64::try_from(items.len()).unwrap_or(0)));
            seen.extend(page.items);
            match page.next {
                Some(next) => after = Some(next),
                None => return seen,
            }
        }
    }

    #[test]
    fn a_whole_list_is_walked_once_in_order_both_ways() {
        let items = [5, 1, 4, 2, 3];
        assert_eq!(walk(&items, 2, false), vec![1, 2, 3, 4, 5]);
        assert_eq!(walk(&items, 2, true), vec![5, 4, 3, 2, 1]);
        assert_eq!(walk(&items, 5, false), vec![1, 2, 3, 4, 5]);
        assert_eq!(walk(&items, 500, false), vec![1, 2, 3, 4, 5]);
        assert_eq!(walk(&[], 2, false), Vec::<u32>::new());
    }

    #[test]
    fn a_cursor_whose_row_was_deleted_resumes_after_its_place() {
        let first = page_whole(vec![1, 2, 3, 4], &request(2, None, false), key);
        assert_eq!(first.items, vec![1, 2]);
        // Row 2 (the cursor's own) and row 1 are gone; the walk goes on at 3, not at the start.
        let next = page_whole(vec![3, 4], &request(2, first.next, false), key);
        assert_eq!(next.items, vec![3, 4]);
        assert!(next.next.is_none());
    }

    #[test]
    fn timestamp_keys_sort_as_their_timestamps_and_read_back() {
        let early = chrono::NaiveDate::from_ymd_opt(2019, 3, 1)
            .and_then(|d| d.and_hms_micro_opt(7, 5, 9, 120))
            .unwrap_or_default();
        let late = early + chrono::Duration::milliseconds(1);
        assert!(timestamp_key(early) < timestamp_key(late));
        assert_eq!(parse_timestamp_key(&timestamp_key(early)).ok(), Some(early));
        assert!(parse_timestamp_key("2019-03-01").is_err());
    }
}
