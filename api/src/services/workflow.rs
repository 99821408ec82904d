//! The API half of the shared workflow mechanism: one 409 shape for an illegal step and one
//! history shape for every workflow.

use crate::error::ApiError;
use crate::http::utc;
use crate::list_schema;
use centers_db::audit::AuditContext;
use centers_db::writes::{self, Write};
use centers_db::{workflow as db, DbConnection, Id};
use centers_domain::workflow::{refusal, IllegalStep, Step, Workflow};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::fmt::{Debug, Display};
use utoipa::ToSchema;
use uuid::Uuid;

/// 409 with the current state and the actions it allows.
pub fn illegal<S: Debug + Display, A: Debug + Display>(e: IllegalStep<S, A>) -> ApiError {
    ApiError::Conflict {
        detail: e.to_string(),
        current_state: Some(e.current.to_string()),
        allowed_actions: Some(e.allowed.iter().map(ToString::to_string).collect()),
    }
}

/// 409 for an edit that the record's state does not allow.
pub fn not_editable<W: Workflow>(state: W::State) -> ApiError {
    ApiError::Conflict {
        detail: format!("a {state} {} cannot be edited", W::ENTITY.replace('_', " ")),
        current_state: Some(state.to_string()),
        allowed_actions: Some(
            centers_domain::workflow::allowed_actions::<W>(state)
                .iter()
                .map(ToString::to_string)
                .collect(),
        ),
    }
}

/// One step of a workflow.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkflowTransition {
    pub id: Uuid,
    /// The action taken (`submit`, ...), or a step the system took (`supersede`).
    pub action: String,
    pub from_status: String,
    pub to_status: String,
    /// `user`, `client` or `system`.
    pub actor_type: String,
    pub actor_id: Option<Uuid>,
    pub actor_name: String,
    pub comment: Option<String>,
    pub occurred_at: DateTime<Utc>,
}

list_schema!(WorkflowHistory, WorkflowTransition);

/// The history of a record of workflow `W`, oldest first (the caller has already checked the
/// record is in scope).
pub fn history<W: Workflow>(
    conn: &mut DbConnection,
    record: impl Into<Id>,
) -> Result<Vec<WorkflowTransition>, ApiError> {
    let items: Vec<WorkflowTransition> = db::history::<W>(conn, record.into())?
        .into_iter()
        .map(|t| WorkflowTransition {
            id: t.id.into(),
            action: t.action,
            from_status: t.from_status,
            to_status: t.to_status,
            actor_type: t.actor_type,
            actor_id: t.actor_id.map(Into::into),
            actor_name: t.actor_name,
            comment: t.comment,
            occurred_at: utc(t.occurred_at),
        })
        .collect();
    Ok(items)
}

/// The state a step of a workflow that never branches leads to; the 409 when the record's state
/// does not allow it.
pub fn next_state<W: Workflow>(from: W::State, action: W::Action) -> Result<W::State, ApiError> {
    match centers_domain::workflow::step::<W>(from, action).map_err(illegal)? {
        Step::To(next) => Ok(next),
        Step::Branch => Err(ApiError::Internal(format!("{} does not branch", W::ENTITY))),
    }
}

/// The row a guarded status update changed; when a racing request moved the record first
/// (`None`), the 409 that step would have earned from the state the caller saw.
pub fn moved<W: Workflow, T>(
    changed: Option<T>,
    from: W::State,
    action: W::Action,
) -> Result<T, ApiError> {
    changed.ok_or_else(|| illegal(refusal::<W>(from, action)))
}

/// Who takes a step: a caller's action, or the system (a step named like `supersede`, taken
/// because of another record's step).
#[derive(Debug, Clone, Copy)]
pub enum By<A> {
    Action(A),
    System(&'static str),
}

/// A step as the history records it.
pub struct Stepped<'a, W: Workflow> {
    pub by: By<W::Action>,
    pub from: W::State,
    pub to: W::State,
    pub comment: Option<&'a str>,
}

impl<'a, W: Workflow> Stepped<'a, W> {
    pub fn new(by: By<W::Action>, (from, to): (W::State, W::State)) -> Self {
        Stepped {
            by,
            from,
            to,
            comment: None,
        }
    }

    pub fn comment(mut self, comment: Option<&'a str>) -> Self {
        self.comment = comment;
        self
    }
}

/// Appends a step to a record's history (the one place a history entry is built).
pub fn log<W: Workflow>(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    record: impl Into<Id>,
    step: &Stepped<'_, W>,
) -> Result<(), ApiError> {
    let action = match step.by {
        By::Action(action) => action.to_string(),
        By::System(name) => name.to_string(),
    };
    db::record::<W>(
        conn,
        &ctx.actor,
        db::Transition {
            record: record.into(),
            action: &action,
            from: step.from,
            to: step.to,
            comment: step.comment,
        },
    )?;
    Ok(())
}

/// The end every step shares: the record's history entry, then its write record (audit entry
/// and change event), under the action's audit action (`Workflow::audit_action`) when a caller
/// took it, under the write's own otherwise.
pub fn finish<W: Workflow>(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    record: impl Into<Id>,
    step: Stepped<'_, W>,
    write: Write,
) -> Result<(), ApiError> {
    log(conn, ctx, record, &step)?;
    let write = match step.by {
        By::Action(action) => write.action(W::audit_action(action)),
        By::System(_) => write,
    };
    writes::record(conn, ctx, write)?;
    Ok(())
}
