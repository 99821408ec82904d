//! The database half of the shared workflow mechanism: the history of every workflow's steps in
//! one table, and the guarded status update that lets exactly one of two racing steps win.

use crate::audit::Actor;
use crate::schema::workflow_transitions;
use crate::{DbConnection, Id};
use centers_domain::workflow::Workflow;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Moves a row of `$table` from status `$from` to `$to` only if it is still in `$from`, bumping
/// its version; extra `column.eq(value)` assignments may follow. Evaluates to the number of rows
/// changed: 0 means another request moved the row first (answer with the refusal of the step).
#[macro_export]
macro_rules! guarded_status_update {
    ($conn:expr, $table:ident, $id:expr, $from:expr, $to:expr $(, $extra:expr)* $(,)?) => {{
        use diesel::prelude::*;
        diesel::update(
            $crate::schema::$table::table
                .filter($crate::schema::$table::id.eq($id))
                .filter($crate::schema::$table::status.eq($from.as_str())),
        )
        .set((
            $crate::schema::$table::status.eq($to.as_str()),
            $crate::schema::$table::version.eq($crate::schema::$table::version + 1),
            $crate::schema::$table::updated_at.eq($crate::now()),
            $($extra,)*
        ))
        .execute($conn)
    }};
    // The same, answering the row as changed (None when another request moved it first).
    (returning $conn:expr, $table:ident, $id:expr, $from:expr, $to:expr $(, $extra:expr)* $(,)?) => {{
        use diesel::prelude::*;
        diesel::update(
            $crate::schema::$table::table
                .filter($crate::schema::$table::id.eq($id))
                .filter($crate::schema::$table::status.eq($from.as_str())),
        )
        .set((
            $crate::schema::$table::status.eq($to.as_str()),
            $crate::schema::$table::version.eq($crate::schema::$table::version + 1),
            $crate::schema::$table::updated_at.eq($crate::now()),
            $($extra,)*
        ))
        .returning($crate::schema::$table::all_columns)
        .get_result($conn)
        .optional()
    }};
}

/// One step of a workflow as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = workflow_transitions)]
pub struct TransitionRow {
    pub id: Id,
    pub entity: String,
    pub entity_id: Id,
    pub action: String,
    pub from_status: String,
    pub to_status: String,
    pub actor_type: String,
    pub actor_id: Option<Id>,
    pub actor_name: String,
    pub comment: Option<String>,
    pub occurred_at: NaiveDateTime,
}

/// A step to record in a workflow's history.
#[derive(Debug, Clone)]
pub struct Transition<'a, W: Workflow> {
    pub record: Id,
    /// The action's name; usually `W::Action`'s, or a system step such as `supersede`.
    pub action: &'a str,
    pub from: W::State,
    pub to: W::State,
    pub comment: Option<&'a str>,
}

/// Appends a step to the history of a record of workflow `W`.
pub fn record<W: Workflow>(
    conn: &mut DbConnection,
    actor: &Actor,
    t: Transition<'_, W>,
) -> QueryResult<()> {
    let (actor_type, actor_id, actor_name) = actor.parts();
    diesel::insert_into(workflow_transitions::table)
        .values((
            workflow_transitions::id.eq(crate::new_id()),
            workflow_transitions::entity.eq(W::ENTITY),
            workflow_transitions::entity_id.eq(t.record),
            workflow_transitions::action.eq(t.action),
            workflow_transitions::from_status.eq(t.from.to_string()),
            workflow_transitions::to_status.eq(t.to.to_string()),
            workflow_transitions::actor_type.eq(actor_type),
            workflow_transitions::actor_id.eq(actor_id),
            workflow_transitions::actor_name.eq(actor_name),
            workflow_transitions::comment.eq(t.comment),
            workflow_transitions::occurred_at.eq(crate::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A record's steps, oldest first.
pub fn history<W: Workflow>(
    conn: &mut DbConnection,
    record: Id,
) -> QueryResult<Vec<TransitionRow>> {
    workflow_transitions::table
        .filter(workflow_transitions::entity.eq(W::ENTITY))
        .filter(workflow_transitions::entity_id.eq(record))
        .order((
            workflow_transitions::occurred_at.asc(),
            workflow_transitions::id.asc(),
        ))
        .select(TransitionRow::as_select())
        .load(conn)
}
