//! A program's topics, as teaching reads them.

use crate::schema::program_topics;
use crate::{DbConnection, ProgramId};
use diesel::prelude::*;

/// The topics of a program, in order: (id, title, periods).
pub fn topics_of(
    conn: &mut DbConnection,
    program: ProgramId,
) -> QueryResult<Vec<(crate::TopicId, String, i32)>> {
    program_topics::table
        .filter(program_topics::program_id.eq(program))
        .order(program_topics::position.asc())
        .select((
            program_topics::id,
            program_topics::title,
            program_topics::periods,
        ))
        .load(conn)
}

/// A topic's program, if the topic exists.
pub fn program_of_topic(
    conn: &mut DbConnection,
    topic: crate::TopicId,
) -> QueryResult<Option<ProgramId>> {
    program_topics::table
        .filter(program_topics::id.eq(topic))
        .select(program_topics::program_id)
        .first(conn)
        .optional()
}
