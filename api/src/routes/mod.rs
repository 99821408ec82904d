//! HTTP routes, one module per resource.

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

use utoipa_actix_web::{scope, service_config::ServiceConfig};

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
    cfg.service(
        scope("/auth")
            .service(auth::login)
            .service(auth::refresh)
            .service(auth::logout)
            .service(auth::client_token),
    )
    .service(
        scope("/me")
            .service(auth::me)
            .service(auth::change_my_password),
    )
    .service(
        scope("/centers")
            .service(organizations::list_centers)
            .service(organizations::get_center),
    )
    .service(
        scope("/districts")
            .service(organizations::list_districts)
            .service(organizations::get_district),
    )
    .service(
        scope("/organizations")
            .service(organizations::get_organization)
            .service(organizations::list_organization_children),
    )
    .service(
        scope("/party-organizations")
            .service(party_organizations::create_party_organization)
            .service(party_organizations::list_party_organizations)
            .service(party_organizations::get_party_organization)
            .service(party_organizations::update_party_organization)
            .service(party_organizations::delete_party_organization)
            .service(party_organizations::party_organization_results),
    )
    .service(
        scope("/users")
            .service(users::create_user)
            .service(users::list_users)
            .service(users::get_user)
            .service(users::update_user)
            .service(users::reset_user_password)
            .service(users::deactivate_user)
            .service(users::activate_user),
    )
    .service(
        scope("/clients")
            .service(clients::create_client)
            .service(clients::list_clients)
            .service(clients::revoke_client),
    )
    .service(scope("/audit-log").service(audit_log::list_audit_log))
    .service(
        scope("/programs")
            .service(programs::list_programs)
            .service(programs::get_program)
            .service(programs::create_program)
            .service(programs::update_program)
            .service(programs::retire_program),
    )
    .service(
        scope("/policies")
            .service(policies::list_policy_versions)
            .service(policies::get_policies)
            .service(policies::create_policy_version),
    )
    .service(
        scope("/training-plans")
            .service(training_plans::create_training_plan)
            .service(training_plans::list_training_plans)
            .service(training_plans::get_training_plan)
            .service(training_plans::update_training_plan)
            .service(training_plans::list_training_plan_lines)
            .service(training_plans::create_training_plan_line)
            .service(training_plans::update_training_plan_line)
            .service(training_plans::get_training_plan_line)
            .service(training_plans::delete_training_plan_line)
            .service(training_plans::submit_training_plan)
            .service(training_plans::appraise_training_plan)
            .service(training_plans::approve_training_plan)
            .service(training_plans::return_training_plan)
            .service(training_plans::revise_training_plan)
            .service(training_plans::get_training_plan_history),
    )
    .service(
        scope("/approval-grants")
            .service(approval_grants::create_approval_grant)
            .service(approval_grants::list_approval_grants)
            .service(approval_grants::revoke_approval_grant)
            .service(approval_grants::get_approval_grant),
    )
    .service(
        scope("/lecturers")
            .service(lecturers::create_lecturer)
            .service(lecturers::list_lecturers)
            .service(lecturers::get_lecturer)
            .service(lecturers::update_lecturer)
            .service(lecturers::delete_lecturer)
            .service(lecturers::create_activity)
            .service(lecturers::list_activities)
            .service(lecturers::get_activity)
            .service(lecturers::get_workload),
    )
    .service(
        scope("/classes")
            .service(classes::create_class)
            .service(classes::list_classes)
            .service(classes::get_class)
            .service(classes::update_class)
            .service(classes::open_class)
            .service(classes::start_class)
            .service(classes::complete_class)
            .service(classes::cancel_class)
            .service(classes::class_history)
            .service(classes::create_session)
            .service(classes::list_sessions)
            .service(classes::class_coverage)
            .service(classes::nominate)
            .service(classes::list_enrollments)
            .service(classes::get_class_attendance)
            .service(classes::class_results),
    )
    .service(
        scope("/sessions")
            .service(sessions::teach_session)
            .service(sessions::create_visit)
            .service(sessions::put_session_attendance)
            .service(sessions::get_session_attendance)
            .service(sessions::get_session),
    )
    .service(
        scope("/lesson-plans")
            .service(lesson_plans::create_lesson_plan)
            .service(lesson_plans::list_lesson_plans)
            .service(lesson_plans::get_lesson_plan)
            .service(lesson_plans::update_lesson_plan)
            .service(lesson_plans::submit_lesson_plan)
            .service(lesson_plans::appraise_lesson_plan)
            .service(lesson_plans::approve_lesson_plan)
            .service(lesson_plans::return_lesson_plan)
            .service(lesson_plans::lesson_plan_history),
    )
    .service(
        scope("/class-visits")
            .service(visits::list_visits)
            .service(visits::get_visit),
    )
    .service(
        scope("/learners")
            .service(learners::create_learner)
            .service(learners::list_learners)
            .service(learners::get_learner)
            .service(learners::replace_learner),
    )
    .service(
        scope("/enrollments")
            .service(enrollments::approve_enrollment)
            .service(enrollments::reject_enrollment)
            .service(enrollments::enroll_enrollment)
            .service(enrollments::withdraw_enrollment)
            .service(enrollments::enrollment_history)
            .service(enrollments::put_result)
            .service(enrollments::get_result)
            .service(enrollments::issue_certificate)
            .service(enrollments::list_certificates)
            .service(enrollments::get_enrollment),
    )
    .service(
        scope("/certificates")
            .service(certificates::reissue_certificate)
            .service(certificates::verify_certificate)
            .service(certificates::get_certificate),
    )
    .service(scope("/changes").service(changes::list_changes))
    .service(
        scope("/reports")
            .service(reports::get_plans_report)
            .service(reports::get_teaching_report)
            .service(reports::get_summary_report)
            .service(reports::get_fulfilment_report)
            .service(reports::get_lecturers_report)
            .service(reports::get_quality_report)
            .service(reports::get_outcomes_report)
            .service(reports::get_coverage_report)
            .service(reports::get_trends_report),
    )
    .configure(imports::configure);
}

/// Operational routes at the root.
pub fn operations(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz).service(health::readyz);
}
