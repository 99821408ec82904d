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
    /// Whether to count every matching row (`total`). An exact count walks every row the filters
    /// keep, which no index avoids; lists that do not need it ask for none (`total=false`).
    pub count: bool,
}

impl<S> PageRequest<S> {
    /// The total under the page's filters when asked for, by `count`; `None` otherwise.
    pub fn total(&self, count: impl FnOnce() -> QueryResult<i64>) -> QueryResult<Option<i64>> {
        if self.count {
            count().map(Some)
        } else {
            Ok(None)
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
