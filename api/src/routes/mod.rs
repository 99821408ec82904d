//! HTTP routes, one module per resource.

/// The handlers of a workflow's steps, one per action: `POST /{id}/<action>` with an optional
/// body, one service call in a write transaction, answered through [`StepAnswer`] (200 with the
/// record and its ETag; 201 for a step that opens a new record). Types are passed as identifiers
/// so that `utoipa` sees them as written; the calling module imports `actix_web::post`, which
/// `utoipa` recognises only by that bare name.
macro_rules! workflow_steps {
    (
        tag: $tag:literal,
        id: $id:ident, id_doc: $id_doc:literal,
        input: $input:ident,
        answer: $answer:ident,
        conflict: $conflict:literal,
        service: $service:path;
        $(
            $(#[doc = $doc:literal])+
            $fn:ident: $path:literal => $action:expr, body: $body_doc:literal
                $(, created: $created_doc:literal)?;
        )+
    ) => {
        $(
            $(#[doc = $doc])+
            #[utoipa::path(
                tag = $tag,
                params(("id" = Uuid, Path, description = $id_doc)),
                request_body(content = $input, description = $body_doc),
                responses(
                    (status = 200, description = "The record after the step", body = $answer),
                    $((status = 201, description = $created_doc, body = $answer),)?
                    (status = 409, description = $conflict, body = Problem, content_type = "application/problem+json")
                ),
                security(("bearer" = []))
            )]
            #[post($path)]
            pub async fn $fn(
                state: actix_web::web::Data<crate::state::AppState>,
                caller: crate::auth::Caller,
                id: actix_web::web::Path<$id>,
                body: crate::extract::OptionalJson<$input>,
            ) -> Result<actix_web::HttpResponse, crate::error::ApiError> {
                let id = id.into_inner();
                let done = state
                    .write(move |conn| $service(conn, &caller, id, $action, body.0))
                    .await?;
                Ok(crate::routes::StepAnswer::answer(done))
            }
        )+
    };
}

/// How a workflow step's result is answered.
pub(crate) trait StepAnswer {
    fn answer(self) -> actix_web::HttpResponse;
}

macro_rules! answered_with_etag {
    ($($dto:ty),+) => {
        $(impl StepAnswer for $dto {
            fn answer(self) -> actix_web::HttpResponse {
                crate::http::with_etag(actix_web::http::StatusCode::OK, self.version, &self)
            }
        })+
    };
}

answered_with_etag!(
    crate::services::classes::Class,
    crate::services::lesson_plans::LessonPlan,
    crate::services::enrollments::Enrollment
);

impl StepAnswer for crate::services::training_plans::StepOutcome {
    fn answer(self) -> actix_web::HttpResponse {
        use crate::services::training_plans::StepOutcome;
        use actix_web::http::StatusCode;
        match self {
            StepOutcome::Moved(plan) => crate::http::with_etag(StatusCode::OK, plan.version, &plan),
            StepOutcome::Opened(plan) => {
                crate::http::with_etag(StatusCode::CREATED, plan.version, &plan)
            }
        }
    }
}

pub mod approval_grants;
pub mod audit_log;
pub mod auth;
pub mod certificates;
pub mod changes;
pub mod classes;
pub mod clients;
pub mod enrollments;
pub mod health;
pub mod imports;
pub mod labels;
pub mod learners;
pub mod lecturers;
pub mod lesson_plans;
pub mod organizations;
pub mod party_organizations;
pub mod policies;
pub mod programs;
pub mod reports;
pub mod sessions;
pub mod training_plans;
pub mod users;
pub mod visits;
pub mod webhooks;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers every `/api/v1` route: the URL map of the API, one scope per collection.
///
/// Why scopes: actix tries a scope's resources in order and matches each pattern with a
/// parameter (`/classes/{id}`) by a regular expression. With the ~120 routes side by side, a
/// request for a late one ran dozens of those first (15 % of the CPU of a cached
/// `GET /classes`); a scope's prefix is compared as a string, so a request now tries only the
/// routes of its own collection. Routes go through `utoipa_actix_web`, so none escapes the
/// OpenAPI document. A path's routes must all be in its collection's scope: a scope that
/// matches the prefix answers 404 for whatever it does not hold, without trying later scopes.
pub fn api_v1(cfg: &mut ServiceConfig) {
    for resource in RESOURCES {
        (resource.configure)(cfg);
    }
}

/// A routes module as the URL map sees it: `configure` registers its routes under its
/// collection's scope(s); `sorts` names each of its sorted lists' operation and sort keys (the
/// first is the default), which the OpenAPI document lists as the `sort` enumeration.
pub struct Resource {
    pub configure: fn(&mut ServiceConfig),
    pub sorts: &'static [SortedList],
}

/// A sorted list: its operation id, and its sort keys (the default first).
pub type SortedList = (&'static str, fn() -> Vec<&'static str>);

/// The names of a list's sorts, as a `Resource` declares them.
pub fn sort_names<S>(sorts: &[(&'static str, S)]) -> Vec<&'static str> {
    sorts
        .iter()
        .map(|(name, _)| name.trim_start_matches('-'))
        .collect()
}

/// Every `/api/v1` resource, in URL-map order. A new routes module adds its `RESOURCE` here.
pub const RESOURCES: &[Resource] = &[
    auth::RESOURCE,
    organizations::RESOURCE,
    party_organizations::RESOURCE,
    users::RESOURCE,
    clients::RESOURCE,
    audit_log::RESOURCE,
    programs::RESOURCE,
    policies::RESOURCE,
    training_plans::RESOURCE,
    approval_grants::RESOURCE,
    lecturers::RESOURCE,
    classes::RESOURCE,
    sessions::RESOURCE,
    lesson_plans::RESOURCE,
    visits::RESOURCE,
    learners::RESOURCE,
    enrollments::RESOURCE,
    certificates::RESOURCE,
    changes::RESOURCE,
    webhooks::RESOURCE,
    reports::RESOURCE,
    imports::RESOURCE,
    labels::RESOURCE,
];

/// Operational routes at the root.
pub fn operations(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz).service(health::readyz);
}
