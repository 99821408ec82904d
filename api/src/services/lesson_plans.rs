//! Lesson plans (giáo án): written by a lecturer per topic, appraised and approved before the
//! lecturer teaches it. Editing an approved plan opens a new version; the approved one stays in
//! force until the new one is approved. Nobody appraises or approves their own.

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, utc, IfMatch};
use crate::list_schema;
use crate::services::lecturers::{province_scope, visible as visible_lecturer};
use crate::services::workflow::{By, Stepped};
use crate::services::{check_length, clean_text, owner_path, workflow};
use centers_db::paging::{Page, PageRequest};
use centers_db::teaching::{self as db, LecturerRow, LessonPlanFields, LessonPlanRow};
use centers_db::writes::{self, Write};
use centers_db::{DbConnection, LecturerId, LessonPlanId, UserId};
use centers_domain::access::{Action, Permission, TeachingReach, TeachingWork};
use centers_domain::changes::EntityKind;
use centers_domain::teaching::{
    lesson_plan_edit, local_day, LessonPlanAction, LessonPlanEdit, LessonPlanStatus,
    LessonPlanWorkflow,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An attachment's metadata (the file itself is not stored by this API yet).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    #[schema(min_length = 1, max_length = 255, example = "giao-an-bai-1.docx")]
    pub name: String,
    /// Bytes.
    #[schema(minimum = 0, maximum = 104857600)]
    pub size: i64,
    #[schema(
        max_length = 100,
        example = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )]
    pub media_type: String,
}

/// One version of a lesson plan.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LessonPlan {
    pub id: LessonPlanId,
    pub lecturer_id: LecturerId,
    pub topic_id: centers_db::TopicId,
    /// 1, 2, ... within the lecturer's plans for the topic.
    pub version_no: i32,
    /// The version this one revises.
    pub previous_id: Option<LessonPlanId>,
    pub title: String,
    pub outline: String,
    /// Whether the lecture uses information technology (slides, video...).
    pub uses_it: bool,
    /// Links of the topic to local practice.
    pub local_practice: Option<String>,
    pub attachments: Vec<Attachment>,
    pub status: LessonPlanStatus,
    pub allowed_actions: Vec<LessonPlanAction>,
    /// The (local) day it was approved: it is in force from that day.
    pub approved_on: Option<NaiveDate>,
    pub approved_by: Option<UserId>,
    /// The day a newer approved version replaced it.
    pub superseded_on: Option<NaiveDate>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

list_schema!(LessonPlanList, LessonPlan);

impl From<LessonPlanRow> for LessonPlan {
    fn from(r: LessonPlanRow) -> Self {
        LessonPlan {
            allowed_actions: centers_domain::workflow::allowed_actions::<LessonPlanWorkflow>(
                r.status,
            ),
            attachments: serde_json::from_str(&r.attachments_json).unwrap_or_default(),
            id: r.id,
            lecturer_id: r.lecturer_id,
            topic_id: r.topic_id,
            version_no: r.version_no,
            previous_id: r.previous_id,
            title: r.title,
            outline: r.outline,
            uses_it: r.uses_it,
            local_practice: r.local_practice,
            status: r.status,
            approved_on: r.approved_on,
            approved_by: r.approved_by,
            superseded_on: r.superseded_on,
            version: r.version,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

/// A new lesson plan (the first version, or the next one of an approved plan).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateLessonPlan {
    /// A lecturer sends their own id (or omits it).
    pub lecturer_id: Option<LecturerId>,
    pub topic_id: centers_db::TopicId,
    #[schema(min_length = 1, max_length = 300, pattern = "\\S")]
    pub title: String,
    #[schema(min_length = 1, max_length = 20000, pattern = "\\S")]
    pub outline: String,
    #[serde(default)]
    pub uses_it: bool,
    #[schema(max_length = 5000)]
    pub local_practice: Option<String>,
    /// At most 20.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

/// New content: in place for a draft or returned plan; a new version for an approved one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateLessonPlan {
    #[schema(min_length = 1, max_length = 300, pattern = "\\S")]
    pub title: Option<String>,
    #[schema(min_length = 1, max_length = 20000, pattern = "\\S")]
    pub outline: Option<String>,
    pub uses_it: Option<bool>,
    #[serde(default)]
    #[schema(value_type = Option<String>, max_length = 5000)]
    pub local_practice: crate::patch::Patch<String>,
    pub attachments: Option<Vec<Attachment>>,
}

/// A workflow step's input: a comment, required to return.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LessonPlanStepInput {
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
}

fn checked(
    title: &str,
    outline: &str,
    uses_it: bool,
    local_practice: Option<&str>,
    attachments: &[Attachment],
) -> Result<LessonPlanFields, ApiError> {
    let mut errors = Vec::new();
    let title = clean_text(Some(title)).unwrap_or_default();
    if title.is_empty() || title.chars().count() > 300 {
        errors.push(FieldError::new("title", "invalid", "1–300 characters"));
    }
    // The outline keeps its lines: only trimmed, never collapsed.
    let outline = outline.trim().to_owned();
    if outline.is_empty() || outline.chars().count() > 20_000 {
        errors.push(FieldError::new("outline", "invalid", "1–20000 characters"));
    }
    if let Err(ApiError::Validation(mut e)) = check_length("local_practice", local_practice, 5000) {
        errors.append(&mut e);
    }
    if attachments.len() > 20 {
        errors.push(FieldError::new("attachments", "too_many", "at most 20"));
    }
    for (i, a) in attachments.iter().enumerate() {
        let name_ok = !a.name.trim().is_empty() && a.name.chars().count() <= 255;
        let type_ok = a.media_type.contains('/') && a.media_type.len() <= 100;
        if !name_ok || !type_ok || !(0..=104_857_600).contains(&a.size) {
            errors.push(FieldError::new(
                format!("attachments[{i}]"),
                "invalid",
                "a name (1–255), a size (0–100 MiB) and a media type like application/pdf",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(LessonPlanFields {
        title,
        outline,
        uses_it,
        local_practice: local_practice
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        attachments_json: serde_json::to_string(attachments).unwrap_or_else(|_| "[]".into()),
    })
}

/// The lecturer a caller writes lesson plans for: a lecturer only for themself; center admins
/// for their center's lecturers; province admins for any.
fn writable_lecturer(
    conn: &mut DbConnection,
    caller: &Caller,
    requested: Option<LecturerId>,
) -> Result<LecturerRow, ApiError> {
    caller.require_permission(Permission::WriteLessonPlans)?;
    if caller.principal.teaching_reach() == TeachingReach::OwnOnly {
        // A lecturer writes for their own lecturer record (an account linked to none has none).
        let own = db::lecturer_of_user(conn, caller.user_id())?;
        let is_own = own
            .as_ref()
            .is_some_and(|o| requested.is_none_or(|r| r == o.id));
        caller.authorize(Action::TeachingWork {
            work: TeachingWork::WriteLessonPlan,
            own: is_own,
            in_scope: true,
        })?;
        return own.ok_or(ApiError::NotFound);
    }
    let id = requested
        .ok_or_else(|| ApiError::invalid_field("lecturer_id", "required", "is required"))?;
    let lecturer = visible_lecturer(conn, caller, id).map_err(|_| {
        ApiError::invalid_field(
            "lecturer_id",
            "unknown_lecturer",
            "no such lecturer in your scope",
        )
    })?;
    let path = owner_path(conn, lecturer.organization_id)?;
    caller.authorize(Action::TeachingWork {
        work: TeachingWork::WriteLessonPlan,
        own: false,
        in_scope: caller.scope().contains(&path),
    })?;
    Ok(lecturer)
}

fn record_create(
    conn: &mut DbConnection,
    caller: &Caller,
    lecturer: &LecturerRow,
    dto: &LessonPlan,
) -> Result<(), ApiError> {
    let path = owner_path(conn, lecturer.organization_id)?;
    writes::record(
        conn,
        &caller.audit(),
        Write::create(EntityKind::LessonPlan, dto.id, &path, dto).of_lecturer(lecturer.id),
    )?;
    Ok(())
}

/// Starts a lesson plan for a topic, or the next version of an approved one.
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    b: CreateLessonPlan,
) -> Result<LessonPlan, ApiError> {
    let lecturer = writable_lecturer(conn, caller, b.lecturer_id)?;
    if db::program_of_topic(conn, b.topic_id)?.is_none() {
        return Err(ApiError::invalid_field(
            "topic_id",
            "unknown_topic",
            "no such program topic",
        ));
    }
    let fields = checked(
        &b.title,
        &b.outline,
        b.uses_it,
        b.local_practice.as_deref(),
        &b.attachments,
    )?;
    let topic = b.topic_id;
    if db::open_version_exists(conn, lecturer.id, topic)? {
        return Err(ApiError::conflict(
            "the lecturer already has a version of this lesson plan being written or reviewed",
        ));
    }
    let previous = db::list_lesson_plans_of(conn, lecturer.id, topic)?
        .into_iter()
        .rev()
        .find(|p| p.status == LessonPlanStatus::Approved)
        .map(|p| p.id);
    let next = db::last_version_no(conn, lecturer.id, topic)? + 1;
    let row = db::insert_lesson_plan(conn, lecturer.id, topic, next, previous, &fields)?;
    let dto = LessonPlan::from(row);
    record_create(conn, caller, &lecturer, &dto)?;
    Ok(dto)
}

/// A lesson plan whose lecturer the caller sees; a lecturer sees only their own.
fn readable(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LessonPlanId,
) -> Result<(LessonPlanRow, LecturerRow), ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let row = db::find_lesson_plan_unscoped(conn, id)?.ok_or(ApiError::NotFound)?;
    let lecturer = visible_lecturer(conn, caller, row.lecturer_id)?;
    let is_own = lecturer.user_id == Some(caller.user_id());
    if !caller.principal.teaching_reach().reaches(is_own) {
        return Err(ApiError::NotFound);
    }
    Ok((row, lecturer))
}

pub fn get(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LessonPlanId,
) -> Result<LessonPlan, ApiError> {
    Ok(LessonPlan::from(readable(conn, caller, id)?.0))
}

pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    lecturer: Option<LecturerId>,
    status: Option<LessonPlanStatus>,
    page: &PageRequest<()>,
) -> Result<Page<LessonPlan>, ApiError> {
    caller.require_permission(Permission::ReadTeaching)?;
    let lecturer = if caller.principal.teaching_reach() == TeachingReach::OwnOnly {
        let own = db::lecturer_of_user(conn, caller.user_id())?.map(|l| l.id);
        match (own, lecturer) {
            (Some(own), None) => Some(own),
            (Some(own), Some(l)) if l == own => Some(own),
            _ => {
                return Ok(Page {
                    items: Vec::new(),
                    total: page.count.then_some(0),
                    next: None,
                })
            }
        }
    } else {
        lecturer
    };
    Ok(db::list_lesson_plans(
        conn,
        &caller.scope(),
        &province_scope(caller)?,
        lecturer,
        status,
        page,
    )?
    .map(LessonPlan::from))
}

/// What an edit did: changed in place (200), or opened a new version (201).
pub enum Edited {
    InPlace(LessonPlan),
    NewVersion(LessonPlan),
}

pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LessonPlanId,
    expected: IfMatch,
    b: UpdateLessonPlan,
) -> Result<Edited, ApiError> {
    let (row, _) = readable(conn, caller, id)?;
    let lecturer = writable_lecturer(conn, caller, Some(row.lecturer_id))?;
    check_if_match(&expected, row.version)?;
    let old_attachments: Vec<Attachment> =
        serde_json::from_str(&row.attachments_json).unwrap_or_default();
    let local_practice = b
        .local_practice
        .into_change()
        .unwrap_or_else(|| row.local_practice.clone());
    let fields = checked(
        b.title.as_deref().unwrap_or(&row.title),
        b.outline.as_deref().unwrap_or(&row.outline),
        b.uses_it.unwrap_or(row.uses_it),
        local_practice.as_deref(),
        b.attachments.as_deref().unwrap_or(&old_attachments),
    )?;
    match lesson_plan_edit(row.status) {
        LessonPlanEdit::Refused => Err(workflow::not_editable::<LessonPlanWorkflow>(row.status)),
        LessonPlanEdit::InPlace => {
            let before = LessonPlan::from(row.clone());
            let after = LessonPlan::from(
                db::update_lesson_plan(conn, &row, &fields)?.ok_or(ApiError::PreconditionFailed)?,
            );
            let path = owner_path(conn, lecturer.organization_id)?;
            writes::record(
                conn,
                &caller.audit(),
                Write::update(EntityKind::LessonPlan, id, &path, &before, &after)
                    .of_lecturer(lecturer.id),
            )?;
            Ok(Edited::InPlace(after))
        }
        LessonPlanEdit::NewVersion => {
            if db::open_version_exists(conn, row.lecturer_id, row.topic_id)? {
                return Err(ApiError::conflict(
                    "a newer version of this lesson plan is already being written or reviewed",
                ));
            }
            let next = db::last_version_no(conn, row.lecturer_id, row.topic_id)? + 1;
            let created = db::insert_lesson_plan(
                conn,
                row.lecturer_id,
                row.topic_id,
                next,
                Some(row.id),
                &fields,
            )?;
            let dto = LessonPlan::from(created);
            record_create(conn, caller, &lecturer, &dto)?;
            Ok(Edited::NewVersion(dto))
        }
    }
}

/// Take a workflow step. Submitting is the author's (or their center's administrators'); the
/// review steps are the reviewers', never on their own plan; returning needs a comment.
pub fn step(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LessonPlanId,
    action: LessonPlanAction,
    input: LessonPlanStepInput,
) -> Result<LessonPlan, ApiError> {
    check_length("comment", input.comment.as_deref(), 2000)?;
    let (row, lecturer) = readable(conn, caller, id)?;
    match action {
        LessonPlanAction::Submit => {
            writable_lecturer(conn, caller, Some(row.lecturer_id))?;
        }
        LessonPlanAction::Appraise | LessonPlanAction::Approve | LessonPlanAction::Return => {
            caller.require_permission(Permission::ReviewLessonPlans)?;
            let path = owner_path(conn, lecturer.organization_id)?;
            caller.authorize(Action::ReviewLessonPlan {
                own: lecturer.user_id == Some(caller.user_id()),
                in_scope: caller.scope().contains(&path),
            })?;
        }
    }
    let comment = clean_text(input.comment.as_deref());
    if action == LessonPlanAction::Return && comment.is_none() {
        return Err(ApiError::invalid_field(
            "comment",
            "required",
            "say what to change",
        ));
    }
    let next = workflow::next_state::<LessonPlanWorkflow>(row.status, action)?;
    let today = local_day(centers_db::now());
    let approval = (next == LessonPlanStatus::Approved).then(|| (today, caller.user_id()));
    let changed = workflow::moved::<LessonPlanWorkflow, _>(
        db::set_lesson_plan_status(conn, &row, next, approval)?,
        row.status,
        action,
    )?;
    let ctx = caller.audit();
    let path = owner_path(conn, lecturer.organization_id)?;
    if next == LessonPlanStatus::Approved {
        for old in db::supersede_approved(conn, &changed, today)? {
            let after = LessonPlan::from(old.clone());
            let mut before = after.clone();
            before.status = LessonPlanStatus::Approved;
            before.superseded_on = None;
            workflow::finish::<LessonPlanWorkflow>(
                conn,
                &ctx,
                old.id,
                Stepped::new(
                    By::System("supersede"),
                    (LessonPlanStatus::Approved, LessonPlanStatus::Superseded),
                ),
                Write::update(EntityKind::LessonPlan, old.id, &path, &before, &after)
                    .of_lecturer(old.lecturer_id),
            )?;
        }
    }
    let step = Stepped::new(By::Action(action), (row.status, next)).comment(comment.as_deref());
    let before = LessonPlan::from(row);
    let after = LessonPlan::from(changed);
    workflow::finish::<LessonPlanWorkflow>(
        conn,
        &ctx,
        id,
        step,
        Write::update(EntityKind::LessonPlan, id, &path, &before, &after)
            .of_lecturer(after.lecturer_id),
    )?;
    Ok(after)
}

pub fn history(
    conn: &mut DbConnection,
    caller: &Caller,
    id: LessonPlanId,
) -> Result<Vec<workflow::WorkflowTransition>, ApiError> {
    let (row, _) = readable(conn, caller, id)?;
    workflow::history::<LessonPlanWorkflow>(conn, row.id)
}
