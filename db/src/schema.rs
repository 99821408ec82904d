//! The diesel schema, written by hand to match both migration trees (a test compares them).

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    organizations (id) {
        id -> PortableUuid,
        kind -> Text,
        subkind -> Nullable<Text>,
        parent_id -> Nullable<PortableUuid>,
        center_id -> Nullable<PortableUuid>,
        path -> Text,
        code -> Nullable<Text>,
        name -> Text,
        search_text -> Text,
        valid_from -> Nullable<Date>,
        valid_to -> Nullable<Date>,
        note -> Nullable<Text>,
        external_id -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        closing_decision -> Nullable<Text>,
        merged_into_id -> Nullable<PortableUuid>,
        service_path -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    organization_periods (organization_id, valid_from) {
        organization_id -> PortableUuid,
        valid_from -> Date,
        name -> Text,
        kind -> Text,
        subkind -> Nullable<Text>,
        parent_id -> Nullable<PortableUuid>,
        decision -> Nullable<Text>,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    write_gate (id) {
        id -> Integer,
        generation -> BigInt,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    users (id) {
        id -> PortableUuid,
        username -> Text,
        display_name -> Text,
        password_hash -> Text,
        role -> Text,
        scope_id -> PortableUuid,
        security_stamp -> Text,
        deactivated_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        search_text -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    refresh_tokens (id) {
        id -> PortableUuid,
        user_id -> PortableUuid,
        family_id -> PortableUuid,
        token_hash -> Text,
        expires_at -> Timestamp,
        rotated_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    service_clients (id) {
        id -> PortableUuid,
        name -> Text,
        secret_hash -> Text,
        scope_id -> PortableUuid,
        access -> Text,
        revoked_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    login_failures (id) {
        id -> PortableUuid,
        limiter_key -> Text,
        failed_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    audit_log (id) {
        id -> PortableUuid,
        occurred_at -> Timestamp,
        actor_type -> Text,
        actor_id -> Nullable<PortableUuid>,
        actor_name -> Text,
        action -> Text,
        entity_type -> Text,
        entity_id -> Text,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
        request_id -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    programs (id) {
        id -> PortableUuid,
        province_id -> PortableUuid,
        code -> Text,
        name -> Text,
        search_text -> Text,
        category -> Text,
        audience -> Nullable<Text>,
        default_days -> Integer,
        delivery -> Text,
        credential -> Text,
        eligibility_json -> Text,
        retired_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    program_topics (id) {
        id -> PortableUuid,
        program_id -> PortableUuid,
        position -> Integer,
        title -> Text,
        periods -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    policy_versions (id) {
        id -> PortableUuid,
        province_id -> PortableUuid,
        effective_from -> Date,
        values_json -> Text,
        note -> Nullable<Text>,
        created_by -> Nullable<PortableUuid>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    approval_grants (id) {
        id -> PortableUuid,
        user_id -> PortableUuid,
        district_id -> PortableUuid,
        granted_by -> PortableUuid,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    training_plans (id) {
        id -> PortableUuid,
        center_id -> PortableUuid,
        year -> Integer,
        revision -> Integer,
        revision_of -> Nullable<PortableUuid>,
        status -> Text,
        note -> Nullable<Text>,
        decision_number -> Nullable<Text>,
        decision_date -> Nullable<Date>,
        decision_signer -> Nullable<Text>,
        approved_by -> Nullable<PortableUuid>,
        approved_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    training_plan_lines (id) {
        id -> PortableUuid,
        plan_id -> PortableUuid,
        program_id -> PortableUuid,
        planned_classes -> Integer,
        planned_learners -> Integer,
        quarter -> Nullable<Integer>,
        note -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    workflow_transitions (id) {
        id -> PortableUuid,
        entity -> Text,
        entity_id -> PortableUuid,
        action -> Text,
        from_status -> Text,
        to_status -> Text,
        actor_type -> Text,
        actor_id -> Nullable<PortableUuid>,
        actor_name -> Text,
        comment -> Nullable<Text>,
        occurred_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    idempotency_keys (id) {
        id -> PortableUuid,
        actor_id -> PortableUuid,
        idempotency_key -> Text,
        request_hash -> Text,
        response_status -> Nullable<Integer>,
        response_headers -> Nullable<Text>,
        response_body -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    change_counter (id) {
        id -> Integer,
        last_seq -> BigInt,
    }
}

diesel::table! {
    change_events (seq) {
        seq -> BigInt,
        occurred_at -> Timestamp,
        entity -> Text,
        entity_id -> Text,
        op -> Text,
        version -> Nullable<Integer>,
        scope_path -> Text,
        data_json -> Nullable<Text>,
        keys_json -> Nullable<Text>,
        lecturer_id -> Nullable<Text>,
        service_path -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    lecturers (id) {
        id -> PortableUuid,
        organization_id -> PortableUuid,
        kind -> Text,
        full_name -> Text,
        search_text -> Text,
        position -> Nullable<Text>,
        leadership_post -> Nullable<Text>,
        theory_level -> Nullable<Text>,
        degree -> Nullable<Text>,
        subjects_json -> Text,
        user_id -> Nullable<PortableUuid>,
        external_id -> Nullable<Text>,
        active_from -> Nullable<Date>,
        active_to -> Nullable<Date>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    classes (id) {
        id -> PortableUuid,
        center_id -> PortableUuid,
        program_id -> PortableUuid,
        year -> Integer,
        code -> Text,
        name -> Text,
        search_text -> Text,
        mode -> Text,
        plan_line_id -> Nullable<PortableUuid>,
        partner_id -> Nullable<PortableUuid>,
        term -> Nullable<Text>,
        start_date -> Date,
        end_date -> Date,
        location -> Nullable<Text>,
        capacity -> Integer,
        homeroom_lecturer_id -> Nullable<PortableUuid>,
        status -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        opening_decision_number -> Nullable<Text>,
        opening_decision_date -> Nullable<Date>,
        opening_decision_signer -> Nullable<Text>,
        recognition_decision_number -> Nullable<Text>,
        recognition_decision_date -> Nullable<Date>,
        recognition_decision_signer -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    lesson_plans (id) {
        id -> PortableUuid,
        lecturer_id -> PortableUuid,
        topic_id -> PortableUuid,
        version_no -> Integer,
        previous_id -> Nullable<PortableUuid>,
        title -> Text,
        outline -> Text,
        uses_it -> Bool,
        local_practice -> Nullable<Text>,
        attachments_json -> Text,
        status -> Text,
        approved_on -> Nullable<Date>,
        approved_by -> Nullable<PortableUuid>,
        superseded_on -> Nullable<Date>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    class_sessions (id) {
        id -> PortableUuid,
        class_id -> PortableUuid,
        session_date -> Date,
        start_minute -> Integer,
        end_minute -> Integer,
        periods -> Integer,
        topic_id -> PortableUuid,
        lecturer_id -> PortableUuid,
        room -> Nullable<Text>,
        status -> Text,
        lesson_plan_id -> Nullable<PortableUuid>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    class_visits (id) {
        id -> PortableUuid,
        session_id -> PortableUuid,
        observer_id -> PortableUuid,
        scores_json -> Text,
        total_score -> Double,
        average_score -> Double,
        rating_code -> Text,
        rating_label -> Text,
        comments -> Nullable<Text>,
        recorded_by -> Nullable<PortableUuid>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    lecturer_activities (id) {
        id -> PortableUuid,
        lecturer_id -> PortableUuid,
        kind -> Text,
        activity_date -> Date,
        hours_tenths -> Integer,
        place -> Nullable<Text>,
        note -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    learners (id) {
        id -> PortableUuid,
        party_organization_id -> PortableUuid,
        full_name -> Text,
        search_text -> Text,
        birth_date -> Date,
        gender -> Text,
        ethnicity -> Nullable<Text>,
        party_status -> Text,
        admission_date -> Nullable<Date>,
        position -> Nullable<Text>,
        workplace -> Nullable<Text>,
        national_id -> Nullable<Text>,
        external_id -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    enrollments (id) {
        id -> PortableUuid,
        class_id -> PortableUuid,
        learner_id -> PortableUuid,
        party_organization_id -> PortableUuid,
        status -> Text,
        reason -> Nullable<Text>,
        nominated_by -> Nullable<PortableUuid>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    attendance (id) {
        id -> PortableUuid,
        session_id -> PortableUuid,
        enrollment_id -> PortableUuid,
        status -> Text,
        recorded_by -> Nullable<PortableUuid>,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    results (id) {
        id -> PortableUuid,
        enrollment_id -> PortableUuid,
        score_tenths -> Nullable<Integer>,
        retake_tenths -> Nullable<Integer>,
        conduct -> Nullable<Text>,
        comment -> Nullable<Text>,
        recorded_by -> Nullable<PortableUuid>,
        version -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    certificate_counters (issuer_id, year) {
        issuer_id -> PortableUuid,
        year -> Integer,
        last_serial -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    certificates (id) {
        id -> PortableUuid,
        enrollment_id -> PortableUuid,
        center_id -> PortableUuid,
        program_id -> PortableUuid,
        year -> Integer,
        serial -> Integer,
        suffix -> Integer,
        number -> Text,
        issue_date -> Date,
        signer -> Text,
        valid_until -> Nullable<Date>,
        reason -> Nullable<Text>,
        replaced_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        verification_code -> Text,
        issuer_id -> PortableUuid,
    }
}

diesel::joinable!(users -> organizations (scope_id));
diesel::joinable!(organization_periods -> organizations (organization_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(service_clients -> organizations (scope_id));
diesel::joinable!(program_topics -> programs (program_id));
diesel::joinable!(training_plans -> organizations (center_id));
diesel::joinable!(training_plan_lines -> training_plans (plan_id));
diesel::joinable!(training_plan_lines -> programs (program_id));
diesel::joinable!(lecturers -> organizations (organization_id));
diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    record_counts (entity, organization_id, bucket) {
        entity -> Text,
        organization_id -> PortableUuid,
        bucket -> Text,
        n -> BigInt,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    webhook_subscriptions (id) {
        id -> PortableUuid,
        owner_type -> Text,
        owner_id -> PortableUuid,
        url -> Text,
        description -> Text,
        entity_types -> Text,
        status -> Text,
        status_reason -> Nullable<Text>,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_expires_at -> Nullable<Timestamp>,
        cursor_seq -> BigInt,
        attempts -> Integer,
        failing_since -> Nullable<Timestamp>,
        next_attempt_at -> Nullable<Timestamp>,
        lease_owner -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::PortableUuid;

    webhook_deliveries (id) {
        id -> PortableUuid,
        subscription_id -> PortableUuid,
        message_id -> Text,
        event_seq -> Nullable<BigInt>,
        kind -> Text,
        attempt -> Integer,
        status_code -> Nullable<Integer>,
        error -> Nullable<Text>,
        duration_ms -> Integer,
        attempted_at -> Timestamp,
        next_retry_at -> Nullable<Timestamp>,
        succeeded -> Bool,
    }
}

diesel::joinable!(webhook_deliveries -> webhook_subscriptions (subscription_id));
diesel::joinable!(record_counts -> organizations (organization_id));
diesel::joinable!(classes -> organizations (center_id));
diesel::joinable!(class_sessions -> classes (class_id));
diesel::joinable!(class_sessions -> lecturers (lecturer_id));
diesel::joinable!(lesson_plans -> lecturers (lecturer_id));
diesel::joinable!(class_visits -> class_sessions (session_id));
diesel::joinable!(lecturer_activities -> lecturers (lecturer_id));
diesel::joinable!(learners -> organizations (party_organization_id));
diesel::joinable!(enrollments -> classes (class_id));
diesel::joinable!(enrollments -> organizations (party_organization_id));
diesel::joinable!(enrollments -> learners (learner_id));
diesel::joinable!(attendance -> class_sessions (session_id));
diesel::joinable!(attendance -> enrollments (enrollment_id));
diesel::joinable!(results -> enrollments (enrollment_id));
diesel::joinable!(certificates -> enrollments (enrollment_id));

diesel::allow_tables_to_appear_in_same_query!(
    organizations,
    organization_periods,
    write_gate,
    users,
    refresh_tokens,
    service_clients,
    login_failures,
    audit_log,
    programs,
    program_topics,
    policy_versions,
    approval_grants,
    training_plans,
    training_plan_lines,
    workflow_transitions,
    idempotency_keys,
    change_counter,
    change_events,
    lecturers,
    classes,
    lesson_plans,
    class_sessions,
    class_visits,
    lecturer_activities,
    learners,
    enrollments,
    attendance,
    results,
    certificate_counters,
    certificates,
    record_counts,
    webhook_subscriptions,
    webhook_deliveries,
);
