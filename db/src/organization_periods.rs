//! The tree over time: the name, kind and parent each organization had from each date
//! (`organization_periods`). What was in force on a day is the period with the latest
//! `valid_from` on or before it.

use crate::organizations::OrganizationRow;
use crate::schema::organization_periods as periods;
use crate::{DbConnection, OrganizationId};
use centers_domain::organizations::OrganizationKind;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use std::collections::HashMap;

/// An organization's name, kind and parent from `valid_from` until the next period.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = periods)]
pub struct PeriodRow {
    pub organization_id: OrganizationId,
    pub valid_from: NaiveDate,
    pub name: String,
    #[diesel(deserialize_as = String)]
    pub kind: OrganizationKind,
    pub subkind: Option<String>,
    pub parent_id: Option<OrganizationId>,
    pub decision: Option<String>,
    pub recorded_at: NaiveDateTime,
}

/// A period to store.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodValues {
    pub organization_id: OrganizationId,
    pub valid_from: NaiveDate,
    pub name: String,
    pub kind: OrganizationKind,
    pub subkind: Option<String>,
    pub parent_id: Option<OrganizationId>,
    pub decision: Option<String>,
}

impl PeriodValues {
    /// `org` as it is now, in force from `from`.
    pub fn of(org: &OrganizationRow, from: NaiveDate, decision: Option<&str>) -> PeriodValues {
        PeriodValues {
            organization_id: org.id,
            valid_from: from,
            name: org.name.clone(),
            kind: org.kind,
            subkind: org.subkind.clone(),
            parent_id: org.parent_id,
            decision: decision.map(str::to_owned),
        }
    }

    /// Whether a stored period already says this.
    pub fn same_as(&self, p: &PeriodRow) -> bool {
        self.organization_id == p.organization_id
            && self.valid_from == p.valid_from
            && self.name == p.name
            && self.kind == p.kind
            && self.subkind == p.subkind
            && self.parent_id == p.parent_id
            && self.decision == p.decision
    }
}

/// Stores a period, replacing the one of the same organization and day: one day, one state.
pub fn put(conn: &mut DbConnection, v: &PeriodValues) -> QueryResult<()> {
    diesel::delete(
        periods::table
            .filter(periods::organization_id.eq(v.organization_id))
            .filter(periods::valid_from.eq(v.valid_from)),
    )
    .execute(conn)?;
    diesel::insert_into(periods::table)
        .values((
            periods::organization_id.eq(v.organization_id),
            periods::valid_from.eq(v.valid_from),
            periods::name.eq(&v.name),
            periods::kind.eq(v.kind.as_str()),
            periods::subkind.eq(&v.subkind),
            periods::parent_id.eq(v.parent_id),
            periods::decision.eq(&v.decision),
            periods::recorded_at.eq(crate::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records `org` as it is now (after a create, rename or move) as in force from `from`.
pub fn record(
    conn: &mut DbConnection,
    org: &OrganizationRow,
    from: NaiveDate,
    decision: Option<&str>,
) -> QueryResult<()> {
    put(conn, &PeriodValues::of(org, from, decision))
}

/// The period of an organization that starts on `day`, if any.
pub fn at(
    conn: &mut DbConnection,
    org: OrganizationId,
    day: NaiveDate,
) -> QueryResult<Option<PeriodRow>> {
    Ok(at_or_before(conn, org, day)?.filter(|p| p.valid_from == day))
}

/// The period of an organization in force on `day`.
pub fn at_or_before(
    conn: &mut DbConnection,
    org: OrganizationId,
    day: NaiveDate,
) -> QueryResult<Option<PeriodRow>> {
    periods::table
        .filter(periods::organization_id.eq(org))
        .filter(periods::valid_from.le(day))
        .order(periods::valid_from.desc())
        .select(PeriodRow::as_select())
        .first(conn)
        .optional()
}

/// Corrects the period in force now (a `PATCH`: the recorded name was wrong, nothing changed).
pub fn correct_latest(conn: &mut DbConnection, org: &OrganizationRow) -> QueryResult<()> {
    if let Some(latest) = latest(conn, org.id)? {
        diesel::update(
            periods::table
                .filter(periods::organization_id.eq(org.id))
                .filter(periods::valid_from.eq(latest.valid_from)),
        )
        .set((
            periods::name.eq(&org.name),
            periods::subkind.eq(&org.subkind),
            periods::parent_id.eq(org.parent_id),
        ))
        .execute(conn)?;
    }
    Ok(())
}

/// An organization's periods, oldest first.
pub fn history(conn: &mut DbConnection, org: OrganizationId) -> QueryResult<Vec<PeriodRow>> {
    periods::table
        .filter(periods::organization_id.eq(org))
        .order(periods::valid_from.asc())
        .select(PeriodRow::as_select())
        .load(conn)
}

/// The latest period of an organization.
pub fn latest(conn: &mut DbConnection, org: OrganizationId) -> QueryResult<Option<PeriodRow>> {
    periods::table
        .filter(periods::organization_id.eq(org))
        .order(periods::valid_from.desc())
        .select(PeriodRow::as_select())
        .first(conn)
        .optional()
}

/// The period in force on `day` of each organization that existed then, in one query per
/// 1,000 ids.
pub fn in_force(
    conn: &mut DbConnection,
    ids: &[OrganizationId],
    day: NaiveDate,
) -> QueryResult<HashMap<OrganizationId, PeriodRow>> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(1000) {
        let rows: Vec<PeriodRow> = periods::table
            .filter(periods::organization_id.eq_any(chunk.to_vec()))
            .filter(periods::valid_from.le(day))
            .order(periods::valid_from.asc())
            .select(PeriodRow::as_select())
            .load(conn)?;
        for row in rows {
            // Ascending: the last one seen is the latest on or before `day`.
            out.insert(row.organization_id, row);
        }
    }
    Ok(out)
}

/// `row` as it stood on `day`: name, kind, subkind and parent of the period then in force (the
/// row as it is now when no period covers the day).
pub fn as_of(
    mut row: OrganizationRow,
    periods: &HashMap<OrganizationId, PeriodRow>,
) -> OrganizationRow {
    if let Some(p) = periods.get(&row.id) {
        row.name.clone_from(&p.name);
        row.kind = p.kind;
        row.subkind.clone_from(&p.subkind);
        row.parent_id = p.parent_id;
    }
    row
}
