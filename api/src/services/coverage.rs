//! A class's coverage of its program's topics: required, scheduled and taught periods.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::services::classes::*;
use centers_db::teaching::{self as db};
use centers_db::{ClassId, DbConnection};
use centers_domain::access::Permission;
use centers_domain::teaching::SessionStatus;
use serde::Serialize;
use utoipa::ToSchema;

/// Each topic of the class's program: required, scheduled and taught periods.
#[derive(Debug, Serialize, ToSchema)]
pub struct TopicCoverage {
    pub topic_id: centers_db::TopicId,
    pub title: String,
    pub required_periods: i32,
    pub scheduled_periods: i32,
    pub taught_periods: i32,
}

/// The class's coverage of its program.
#[derive(Debug, Serialize, ToSchema)]
pub struct Coverage {
    pub class_id: ClassId,
    pub topics: Vec<TopicCoverage>,
    pub required_periods: i32,
    pub scheduled_periods: i32,
    pub taught_periods: i32,
}

pub fn coverage(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ClassId,
) -> Result<Coverage, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let class = class_in_scope(conn, caller, id)?;
    let sessions = db::sessions_of_class(conn, &class)?;
    let topics: Vec<TopicCoverage> = db::topics_of(conn, class.program_id)?
        .into_iter()
        .map(|(topic, title, periods)| {
            let of_topic = sessions
                .iter()
                .filter(|s| s.topic_id == topic && s.status != SessionStatus::Cancelled);
            let scheduled = of_topic.clone().map(|s| s.periods).sum();
            let taught = of_topic
                .filter(|s| s.status == SessionStatus::Taught)
                .map(|s| s.periods)
                .sum();
            TopicCoverage {
                topic_id: topic,
                title,
                required_periods: periods,
                scheduled_periods: scheduled,
                taught_periods: taught,
            }
        })
        .collect();
    Ok(Coverage {
        class_id: class.id,
        required_periods: topics.iter().map(|t| t.required_periods).sum(),
        scheduled_periods: topics.iter().map(|t| t.scheduled_periods).sum(),
        taught_periods: topics.iter().map(|t| t.taught_periods).sum(),
        topics,
    })
}
