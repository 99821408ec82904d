//! HTTP routes, one module per resource.

pub mod approval_grants;
pub mod audit_log;
pub mod auth;
pub mod changes;
pub mod classes;
pub mod clients;
pub mod health;
pub mod imports;
pub mod learners;
pub mod lecturers;
pub mod lesson_plans;
pub mod organizations;
pub mod party_organizations;
pub mod policies;
pub mod programs;
pub mod reports;
pub mod training_plans;
pub mod users;
pub mod visits;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers every `/api/v1` route. Routes go through `utoipa_actix_web`, so none escapes the
/// OpenAPI document.
pub fn api_v1(cfg: &mut ServiceConfig) {
    cfg.configure(auth::configure)
        .configure(organizations::configure)
        .configure(party_organizations::configure)
        .configure(users::configure)
        .configure(clients::configure)
        .configure(audit_log::configure)
        .configure(programs::configure)
        .configure(policies::configure)
        .configure(training_plans::configure)
        .configure(approval_grants::configure)
        .configure(lecturers::configure)
        .configure(classes::configure)
        .configure(lesson_plans::configure)
        .configure(visits::configure)
        .configure(learners::configure)
        .configure(imports::configure)
        .configure(changes::configure)
        .configure(reports::configure);
}

/// Operational routes at the root.
pub fn operations(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz).service(health::readyz);
}
