//! Totals of the long lists from counts kept per owning organization (`record_counts`, kept by
//! database triggers in the writing transaction: migration `000020_record_counts`). A list's
//! total is the sum of its counts over the organizations the caller's scope reaches: its cost
//! follows the number of organizations, not the years of records stored (issue 23).

use crate::schema::{organizations, record_counts};
use crate::{DbConnection, MultiBackend, OrganizationId, ProgramId, Scope};
use centers_domain::teaching::ClassStatus;
use diesel::prelude::*;

/// How a scope reaches the organizations that own the records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// By the owner's path (centers own classes).
    Path,
    /// By its path or the center serving it ([`crate::scope::reaches`]; party organizations own
    /// learners).
    PathOrService,
}

/// The kept count of `entity` in `bucket` over the organizations `scope` reaches (only
/// `organization`, when given).
pub fn kept_total(
    conn: &mut DbConnection,
    entity: &str,
    bucket: &str,
    scope: &Scope,
    reach: Reach,
    organization: Option<OrganizationId>,
) -> QueryResult<i64> {
    let mut q = record_counts::table
        .inner_join(organizations::table)
        .filter(record_counts::entity.eq(entity.to_owned()))
        .filter(record_counts::bucket.eq(bucket.to_owned()))
        .select(record_counts::n)
        .into_boxed::<MultiBackend>();
    q = match reach {
        Reach::Path => q.filter(organizations::path.like(scope.pattern())),
        Reach::PathOrService => q.filter(crate::scope::reaches(scope)),
    };
    if let Some(o) = organization {
        q = q.filter(record_counts::organization_id.eq(o));
    }
    // One row per organization: summed here, portably (SUM of a BIGINT is NUMERIC on PostgreSQL).
    Ok(q.load::<i64>(conn)?.into_iter().sum())
}

/// The bucket of the class counts for these filters: `status|year|program_id`, `*` for any.
pub fn class_bucket(
    status: Option<ClassStatus>,
    year: Option<i32>,
    program: Option<ProgramId>,
) -> String {
    format!(
        "{}|{}|{}",
        status.map_or("*", |s| s.as_str()),
        year.map_or_else(|| "*".to_owned(), |y| y.to_string()),
        program.map_or_else(
            || "*".to_owned(),
            |p| uuid::Uuid::from(p).hyphenated().to_string()
        ),
    )
}

/// A kept count that differs from the rows: `(entity, organization, bucket, kept, counted)`.
pub type Mismatch = (String, String, String, i64, i64);

/// Every kept count against a count of the rows themselves, where they differ: for the tests
/// that prove the triggers keep them exact.
pub fn mismatches(conn: &mut DbConnection) -> QueryResult<Vec<Mismatch>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        entity: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        organization_id: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        bucket: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        kept: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        counted: i64,
    }
    let postgres = matches!(conn, DbConnection::Postgresql(_));
    let text = |c: &str| {
        if postgres {
            format!("{c}::text")
        } else {
            c.to_owned()
        }
    };
    let (year, program, id) = (text("year"), text("program_id"), text("organization_id"));
    let class_buckets: Vec<String> = [
        ["status", &year, &program],
        ["status", &year, "'*'"],
        ["status", "'*'", &program],
        ["status", "'*'", "'*'"],
        ["'*'", &year, &program],
        ["'*'", &year, "'*'"],
        ["'*'", "'*'", &program],
        ["'*'", "'*'", "'*'"],
    ]
    .iter()
    .map(|[s, y, p]| {
        format!(
            "SELECT 'class' AS entity, center_id AS organization_id, \
             {s} || '|' || {y} || '|' || {p} AS bucket FROM classes"
        )
    })
    .collect();
    let counted = format!(
        "SELECT 'learner' AS entity, party_organization_id AS organization_id, '' AS bucket \
         FROM learners UNION ALL {}",
        class_buckets.join(" UNION ALL ")
    );
    // Both directions: a kept count without rows (not zero) and rows without a kept count.
    let sql = format!(
        "SELECT entity, {id} AS organization_id, bucket, kept, counted FROM ( \
           SELECT COALESCE(k.entity, c.entity) AS entity, \
                  COALESCE(k.organization_id, c.organization_id) AS organization_id, \
                  COALESCE(k.bucket, c.bucket) AS bucket, \
                  CAST(COALESCE(k.n, 0) AS BIGINT) AS kept, \
                  CAST(COALESCE(c.n, 0) AS BIGINT) AS counted \
           FROM record_counts k FULL OUTER JOIN ( \
             SELECT entity, organization_id, bucket, COUNT(*) AS n FROM ({counted}) rows \
             GROUP BY entity, organization_id, bucket \
           ) c ON c.entity = k.entity AND c.organization_id = k.organization_id \
                AND c.bucket = k.bucket \
         ) compared WHERE kept <> counted ORDER BY 1, 2, 3"
    );
    Ok(diesel::sql_query(sql)
        .load::<Row>(conn)?
        .into_iter()
        .map(|r| (r.entity, r.organization_id, r.bucket, r.kept, r.counted))
        .collect())
}
