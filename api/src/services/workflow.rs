//! The API half of the shared workflow mechanism: one 409 shape for an illegal step and one
//! history shape for every workflow.

use crate::error::ApiError;
use crate::http::utc;
use crate::list_schema;
use centers_db::{workflow as db, DbConnection, Id};
use centers_domain::workflow::{IllegalStep, Workflow};
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
) -> Result<WorkflowHistory, ApiError> {
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
    Ok(WorkflowHistory {
        total: Some(i64::try_from(items.len()).unwrap_or(i64::MAX)),
        items,
        next_cursor: None,
    })
}
