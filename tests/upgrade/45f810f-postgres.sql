--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: classes_counted(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.classes_counted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO record_counts (entity, organization_id, bucket, n)
    SELECT 'class', organization_id, bucket, SUM(delta) FROM (
            SELECT OLD.center_id AS organization_id, OLD.status || '|' || OLD.year::text || '|' || OLD.program_id::text AS bucket, -1 AS delta WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT OLD.center_id AS organization_id, OLD.status || '|' || OLD.year::text || '|' || '*' AS bucket, -1 AS delta WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT OLD.center_id AS organization_id, OLD.status || '|' || '*' || '|' || OLD.program_id::text AS bucket, -1 AS delta WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT OLD.center_id AS organization_id, OLD.status || '|' || '*' || '|' || '*' AS bucket, -1 AS delta WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT OLD.center_id AS organization_id, '*' || '|' || OLD.year::text || '|' || OLD.program_id::text AS bucket, -1 AS delta WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT OLD.center_id AS organization_id, '*' || '|' || OLD.year::text || '|' || '*' AS bucket, -1 AS delta WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT OLD.center_id AS organization_id, '*' || '|' || '*' || '|' || OLD.program_id::text AS bucket, -1 AS delta WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT OLD.center_id AS organization_id, '*' || '|' || '*' || '|' || '*' AS bucket, -1 AS delta WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT NEW.center_id, NEW.status || '|' || NEW.year::text || '|' || NEW.program_id::text, 1 WHERE TG_OP <> 'DELETE'
            UNION ALL SELECT NEW.center_id, NEW.status || '|' || NEW.year::text || '|' || '*', 1 WHERE TG_OP <> 'DELETE'
            UNION ALL SELECT NEW.center_id, NEW.status || '|' || '*' || '|' || NEW.program_id::text, 1 WHERE TG_OP <> 'DELETE'
            UNION ALL SELECT NEW.center_id, NEW.status || '|' || '*' || '|' || '*', 1 WHERE TG_OP <> 'DELETE'
            UNION ALL SELECT NEW.center_id, '*' || '|' || NEW.year::text || '|' || NEW.program_id::text, 1 WHERE TG_OP <> 'DELETE'
            UNION ALL SELECT NEW.center_id, '*' || '|' || NEW.year::text || '|' || '*', 1 WHERE TG_OP <> 'DELETE'
            UNION ALL SELECT NEW.center_id, '*' || '|' || '*' || '|' || NEW.program_id::text, 1 WHERE TG_OP <> 'DELETE'
            UNION ALL SELECT NEW.center_id, '*' || '|' || '*' || '|' || '*', 1 WHERE TG_OP <> 'DELETE'
        ) deltas
        GROUP BY organization_id, bucket HAVING SUM(delta) <> 0
        ORDER BY organization_id, bucket
    ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = record_counts.n + EXCLUDED.n;
    RETURN NULL;
END
$$;


--
-- Name: learners_counted(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.learners_counted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO record_counts (entity, organization_id, bucket, n)
    SELECT 'learner', organization_id, bucket, SUM(delta) FROM (
            SELECT OLD.party_organization_id AS organization_id, '' AS bucket, -1 AS delta WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT NEW.party_organization_id, '', 1 WHERE TG_OP <> 'DELETE'
        ) deltas
        GROUP BY organization_id, bucket HAVING SUM(delta) <> 0
        ORDER BY organization_id, bucket
    ON CONFLICT (entity, organization_id, bucket) DO UPDATE SET n = record_counts.n + EXCLUDED.n;
    RETURN NULL;
END
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: __diesel_schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.__diesel_schema_migrations (
    version character varying(50) NOT NULL,
    run_on timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);


--
-- Name: approval_grants; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.approval_grants (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    district_id uuid NOT NULL,
    granted_by uuid NOT NULL,
    revoked_at timestamp without time zone,
    created_at timestamp without time zone NOT NULL
);


--
-- Name: attendance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.attendance (
    id uuid NOT NULL,
    session_id uuid NOT NULL,
    enrollment_id uuid NOT NULL,
    status text NOT NULL,
    recorded_by uuid,
    recorded_at timestamp without time zone NOT NULL
);


--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    id uuid NOT NULL,
    occurred_at timestamp without time zone NOT NULL,
    actor_type text NOT NULL,
    actor_id uuid,
    actor_name text NOT NULL,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id text NOT NULL,
    before_json text,
    after_json text,
    request_id text
);


--
-- Name: certificate_counters; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.certificate_counters (
    issuer_id uuid NOT NULL,
    year integer NOT NULL,
    last_serial integer NOT NULL
);


--
-- Name: certificates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.certificates (
    id uuid NOT NULL,
    enrollment_id uuid NOT NULL,
    center_id uuid NOT NULL,
    program_id uuid NOT NULL,
    year integer NOT NULL,
    serial integer NOT NULL,
    suffix integer NOT NULL,
    number text NOT NULL,
    issue_date date NOT NULL,
    signer text NOT NULL,
    valid_until date,
    reason text,
    replaced_at timestamp without time zone,
    created_at timestamp without time zone NOT NULL,
    verification_code text DEFAULT ''::text NOT NULL,
    issuer_id uuid NOT NULL
);


--
-- Name: change_counter; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_counter (
    id integer NOT NULL,
    last_seq bigint NOT NULL
);


--
-- Name: change_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_events (
    seq bigint NOT NULL,
    occurred_at timestamp without time zone NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL,
    op text NOT NULL,
    version integer,
    scope_path text NOT NULL,
    data_json text,
    keys_json text,
    lecturer_id text,
    service_path text
);


--
-- Name: class_sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.class_sessions (
    id uuid NOT NULL,
    class_id uuid NOT NULL,
    session_date date NOT NULL,
    start_minute integer NOT NULL,
    end_minute integer NOT NULL,
    periods integer NOT NULL,
    topic_id uuid NOT NULL,
    lecturer_id uuid NOT NULL,
    room text,
    status text NOT NULL,
    lesson_plan_id uuid,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);


--
-- Name: class_visits; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.class_visits (
    id uuid NOT NULL,
    session_id uuid NOT NULL,
    observer_id uuid NOT NULL,
    scores_json text NOT NULL,
    total_score double precision NOT NULL,
    average_score double precision NOT NULL,
    rating_code text NOT NULL,
    rating_label text NOT NULL,
    comments text,
    recorded_by uuid,
    created_at timestamp without time zone NOT NULL
);


--
-- Name: classes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.classes (
    id uuid NOT NULL,
    center_id uuid NOT NULL,
    program_id uuid NOT NULL,
    year integer NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    search_text text NOT NULL,
    mode text NOT NULL,
    plan_line_id uuid,
    partner_id uuid,
    term text,
    start_date date NOT NULL,
    end_date date NOT NULL,
    location text,
    capacity integer NOT NULL,
    homeroom_lecturer_id uuid,
    status text NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    opening_decision_number text,
    opening_decision_date date,
    opening_decision_signer text,
    recognition_decision_number text,
    recognition_decision_date date,
    recognition_decision_signer text
);


--
-- Name: enrollments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.enrollments (
    id uuid NOT NULL,
    class_id uuid NOT NULL,
    learner_id uuid NOT NULL,
    party_organization_id uuid NOT NULL,
    status text NOT NULL,
    reason text,
    nominated_by uuid,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);


--
-- Name: idempotency_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_keys (
    id uuid NOT NULL,
    actor_id uuid NOT NULL,
    idempotency_key text NOT NULL,
    request_hash text NOT NULL,
    response_status integer,
    response_headers text,
    response_body text,
    created_at timestamp without time zone NOT NULL
);


--
-- Name: learners; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.learners (
    id uuid NOT NULL,
    party_organization_id uuid NOT NULL,
    full_name text NOT NULL,
    search_text text NOT NULL,
    birth_date date NOT NULL,
    gender text NOT NULL,
    ethnicity text,
    party_status text NOT NULL,
    admission_date date,
    "position" text,
    workplace text,
    national_id text,
    external_id text,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);


--
-- Name: lecturer_activities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lecturer_activities (
    id uuid NOT NULL,
    lecturer_id uuid NOT NULL,
    kind text NOT NULL,
    activity_date date NOT NULL,
    hours_tenths integer NOT NULL,
    place text,
    note text,
    created_at timestamp without time zone NOT NULL
);


--
-- Name: lecturers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lecturers (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    kind text NOT NULL,
    full_name text NOT NULL,
    search_text text NOT NULL,
    "position" text,
    leadership_post text,
    theory_level text,
    degree text,
    subjects_json text NOT NULL,
    user_id uuid,
    external_id text,
    active_from date,
    active_to date,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);


--
-- Name: lesson_plans; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lesson_plans (
    id uuid NOT NULL,
    lecturer_id uuid NOT NULL,
    topic_id uuid NOT NULL,
    version_no integer NOT NULL,
    previous_id uuid,
    title text NOT NULL,
    outline text NOT NULL,
    uses_it boolean NOT NULL,
    local_practice text,
    attachments_json text NOT NULL,
    status text NOT NULL,
    approved_on date,
    approved_by uuid,
    superseded_on date,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);


--
-- Name: login_failures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.login_failures (
    id uuid NOT NULL,
    limiter_key text NOT NULL,
    failed_at timestamp without time zone NOT NULL
);


--
-- Name: organization_periods; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organization_periods (
    organization_id uuid NOT NULL,
    valid_from date NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    subkind text,
    parent_id uuid,
    decision text,
    recorded_at timestamp without time zone NOT NULL
);


--
-- Name: organizations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organizations (
    id uuid NOT NULL,
    kind text NOT NULL,
    subkind text,
    parent_id uuid,
    center_id uuid,
    path text NOT NULL,
    code text,
    name text NOT NULL,
    search_text text NOT NULL,
    valid_from date,
    valid_to date,
    note text,
    external_id text,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    closing_decision text,
    merged_into_id uuid,
    service_path text NOT NULL
);


--
-- Name: policy_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.policy_versions (
    id uuid NOT NULL,
    province_id uuid NOT NULL,
    effective_from date NOT NULL,
    values_json text NOT NULL,
    note text,
    created_by uuid,
    created_at timestamp without time zone NOT NULL
);


--
-- Name: program_topics; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.program_topics (
    id uuid NOT NULL,
    program_id uuid NOT NULL,
    "position" integer NOT NULL,
    title text NOT NULL,
    periods integer NOT NULL
);


--
-- Name: programs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.programs (
    id uuid NOT NULL,
    province_id uuid NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    search_text text NOT NULL,
    category text NOT NULL,
    audience text,
    default_days integer NOT NULL,
    delivery text NOT NULL,
    credential text NOT NULL,
    eligibility_json text NOT NULL,
    retired_at timestamp without time zone,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);


--
-- Name: record_counts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.record_counts (
    entity text NOT NULL,
    organization_id uuid NOT NULL,
    bucket text NOT NULL,
    n bigint NOT NULL
);


--
-- Name: refresh_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.refresh_tokens (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    family_id uuid NOT NULL,
    token_hash text NOT NULL,
    expires_at timestamp without time zone NOT NULL,
    rotated_at timestamp without time zone,
    revoked_at timestamp without time zone,
    created_at timestamp without time zone NOT NULL
);


--
-- Name: results; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.results (
    id uuid NOT NULL,
    enrollment_id uuid NOT NULL,
    score_tenths integer,
    retake_tenths integer,
    conduct text,
    comment text,
    recorded_by uuid,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp without time zone NOT NULL
);


--
-- Name: service_clients; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.service_clients (
    id uuid NOT NULL,
    name text NOT NULL,
    secret_hash text NOT NULL,
    scope_id uuid NOT NULL,
    access text NOT NULL,
    revoked_at timestamp without time zone,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);


--
-- Name: training_plan_lines; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.training_plan_lines (
    id uuid NOT NULL,
    plan_id uuid NOT NULL,
    program_id uuid NOT NULL,
    planned_classes integer NOT NULL,
    planned_learners integer NOT NULL,
    quarter integer,
    note text,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);


--
-- Name: training_plans; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.training_plans (
    id uuid NOT NULL,
    center_id uuid NOT NULL,
    year integer NOT NULL,
    revision integer NOT NULL,
    revision_of uuid,
    status text NOT NULL,
    note text,
    decision_number text,
    decision_date date,
    decision_signer text,
    approved_by uuid,
    approved_at timestamp without time zone,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id uuid NOT NULL,
    username text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    role text NOT NULL,
    scope_id uuid NOT NULL,
    security_stamp text NOT NULL,
    deactivated_at timestamp without time zone,
    version integer DEFAULT 1 NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    search_text text DEFAULT ''::text NOT NULL
);


--
-- Name: workflow_transitions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.workflow_transitions (
    id uuid NOT NULL,
    entity text NOT NULL,
    entity_id uuid NOT NULL,
    action text NOT NULL,
    from_status text NOT NULL,
    to_status text NOT NULL,
    actor_type text NOT NULL,
    actor_id uuid,
    actor_name text NOT NULL,
    comment text,
    occurred_at timestamp without time zone NOT NULL
);


--
-- Name: write_gate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.write_gate (
    id integer NOT NULL,
    generation bigint NOT NULL
);


--
-- Data for Name: __diesel_schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.__diesel_schema_migrations VALUES ('20261127000001', '2026-12-07 20:51:45.461371');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261127000002', '2026-12-07 20:51:45.472967');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261127000003', '2026-12-07 20:51:45.500952');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261127000004', '2026-12-07 20:51:45.53749');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261127000005', '2026-12-07 20:51:45.544011');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261127000006', '2026-12-07 20:51:45.54655');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261128000007', '2026-12-07 20:51:45.547417');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261128000008', '2026-12-07 20:51:45.560245');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261128000009', '2026-12-07 20:51:45.562104');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261128000010', '2026-12-07 20:51:45.590006');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261128000011', '2026-12-07 20:51:45.601928');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261128000012', '2026-12-07 20:51:45.616895');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261128000013', '2026-12-07 20:51:45.628484');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261129000014', '2026-12-07 20:51:45.639501');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261129000015', '2026-12-07 20:51:45.649295');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261206000015', '2026-12-07 20:51:45.6587');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261207000016', '2026-12-07 20:51:45.661517');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261207000017', '2026-12-07 20:51:45.668105');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261207000018', '2026-12-07 20:51:45.66942');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261207000019', '2026-12-07 20:51:45.680521');
INSERT INTO public.__diesel_schema_migrations VALUES ('20261208000020', '2026-12-07 20:51:45.683303');


--
-- Data for Name: approval_grants; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.approval_grants VALUES ('01a25246-e2ad-7181-841d-b2e5c353ae17', '01a25246-e2a8-719a-a844-77bc4b91eb96', '01a25246-de3d-717d-b8f8-8820b34ae0e6', '01a25246-deb4-741e-8572-31b6ede0154b', NULL, '2026-12-07 20:51:46.989885');
INSERT INTO public.approval_grants VALUES ('01a25246-e2f2-77c6-b15a-55e2df520637', '01a25246-e2ed-76a9-ac9e-8af6ae685e6c', '01a25246-de3d-717d-b8f8-8820b34ae0e6', '01a25246-deb4-741e-8572-31b6ede0154b', NULL, '2026-12-07 20:51:47.058033');
INSERT INTO public.approval_grants VALUES ('01a25246-e331-779a-948d-52f93f76de01', '01a25246-e32c-7016-b66d-ff08a2e4270d', '01a25246-de3d-717d-b8f8-8820b34ae0e6', '01a25246-deb4-741e-8572-31b6ede0154b', NULL, '2026-12-07 20:51:47.121558');


--
-- Data for Name: attendance; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.attendance VALUES ('01a25246-e176-7760-99aa-5de88666a1a8', '01a25246-e168-75cc-afb4-b5177c97b5cf', '01a25246-e100-7390-8e8b-ed1076e15f27', 'present', '01a25246-df8b-7133-a937-2a56319358ca', '2026-12-07 20:51:46.67802');
INSERT INTO public.attendance VALUES ('01a25246-e176-7760-99aa-5de950cdc783', '01a25246-e168-75cc-afb4-b5177c97b5cf', '01a25246-e117-77fc-8a23-9573d02380e3', 'present', '01a25246-df8b-7133-a937-2a56319358ca', '2026-12-07 20:51:46.67802');
INSERT INTO public.attendance VALUES ('01a25246-e177-70c6-bfbe-cafc68b03a20', '01a25246-e168-75cc-afb4-b5177c97b5cf', '01a25246-e12d-726b-8ea9-695574ed87dd', 'present', '01a25246-df8b-7133-a937-2a56319358ca', '2026-12-07 20:51:46.67802');


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_log VALUES ('01a25246-dda4-765f-b2d6-d3ab54604b88', '2026-12-07 20:51:45.700733', 'system', NULL, 'system', 'seed', 'organization', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddaa-75dd-b970-3f8e1e9de480', '2026-12-07 20:51:45.706401', 'system', NULL, 'system', 'seed', 'organization', '01a25246-dda7-7477-bd30-78a4bd3f25a8', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddae-716d-b72a-d4bbd9874101', '2026-12-07 20:51:45.710919', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddac-772e-a32a-c20909a664b9', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddb2-7095-b144-227ac55a612f', '2026-12-07 20:51:45.714262', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddb1-776c-aa0c-d3e76867ec04', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddb4-7259-8462-786012261a27', '2026-12-07 20:51:45.716152', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddb3-722b-af79-566249bab385', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddb6-745c-80cc-36b7d5d6247b', '2026-12-07 20:51:45.718016', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddb4-7259-8462-78615b2ea9d0', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddb7-72e2-b938-7ddf1991a97f', '2026-12-07 20:51:45.719707', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddb6-745c-80cc-36b8d85255e5', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddb9-7770-b173-bc7128543f49', '2026-12-07 20:51:45.721278', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddb8-712d-b59c-1af9d16b2cac', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddba-71ac-8f59-fa06b342487f', '2026-12-07 20:51:45.72281', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddb9-7770-b173-bc72914f89ca', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddbc-7405-b58b-664fa0a7dcd7', '2026-12-07 20:51:45.724371', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddbb-704b-905b-d48e7755f28d', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddbd-743d-92f9-8bc3a1d06b4a', '2026-12-07 20:51:45.725995', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddbd-743d-92f9-8bc2ae1839f7', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddbf-72e4-bb80-c62b143632b0', '2026-12-07 20:51:45.727598', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddbe-73b6-857c-4408822dbfd5', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddc1-749d-83c2-fad821921c14', '2026-12-07 20:51:45.729569', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddc0-7065-9979-77b3af21bc3f', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddc3-72a8-ab87-8131a32b4fee', '2026-12-07 20:51:45.731503', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddc2-767d-8c5f-fedfc8048245', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddc5-72bb-bb76-3544c2025f64', '2026-12-07 20:51:45.733214', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddc4-752a-9236-0335453aef93', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddc7-775d-9669-487404d91a96', '2026-12-07 20:51:45.735155', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddc6-7074-8c3d-72c6669134ad', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddc8-73f2-b1c6-3ba33eba5571', '2026-12-07 20:51:45.736958', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddc7-775d-9669-4875c18f0381', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddca-75b3-a024-7c58db72a318', '2026-12-07 20:51:45.738616', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddc9-7255-bec4-c2b9f050e564', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddcc-712f-94ed-f65b6d214b90', '2026-12-07 20:51:45.740239', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddcb-7200-b501-b570a7223d8f', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddcd-7116-8e39-67ec9deabe44', '2026-12-07 20:51:45.741985', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddcc-712f-94ed-f65c562ca5cc', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddcf-7040-b158-8e5b7b94811c', '2026-12-07 20:51:45.743685', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddce-72cd-a746-eef2187b09a4', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddd1-7058-b8cb-a2f8e50321de', '2026-12-07 20:51:45.745375', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddd0-7093-b95c-15ea2ec15171', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddd3-74d3-ba05-1ea6127e23b2', '2026-12-07 20:51:45.7477', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddd2-7172-9079-290f9f9b20e8', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddd5-734e-b469-831252175494', '2026-12-07 20:51:45.749342', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddd4-7230-8963-9bfa0b939455', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddd6-72ea-9f86-931557c343cc', '2026-12-07 20:51:45.750961', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddd6-72ea-9f86-9314d1f54e1a', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddd8-71c5-ab67-38969bb41052', '2026-12-07 20:51:45.752534', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddd7-71e7-abcc-d7f543fa46d4', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddda-7083-8961-079821df118c', '2026-12-07 20:51:45.754233', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddd9-707d-afb1-63f76d111fbb', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-dddb-7420-b658-df7777faed54', '2026-12-07 20:51:45.755865', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddda-7083-8961-07990f3aa1fb', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-dddd-7321-ad01-ad15ddc54411', '2026-12-07 20:51:45.757475', 'system', NULL, 'system', 'seed', 'organization', '01a25246-dddc-73c7-b6bf-a3009b05718c', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-dddf-72ce-bef0-c1630171d794', '2026-12-07 20:51:45.759073', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddde-7660-adbe-89bffcc58dcf', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-dde0-70d7-8483-8f50c806a4dd', '2026-12-07 20:51:45.760661', 'system', NULL, 'system', 'seed', 'organization', '01a25246-dddf-72ce-bef0-c164aac27594', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-dde2-7074-84fa-6e5ff0f1ff88', '2026-12-07 20:51:45.762182', 'system', NULL, 'system', 'seed', 'organization', '01a25246-dde1-7327-aace-4cfc7514f47b', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-dde3-77f0-a9cf-39a2aff6f367', '2026-12-07 20:51:45.763699', 'system', NULL, 'system', 'seed', 'organization', '01a25246-dde2-7074-84fa-6e603033eeed', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-dde5-7684-8569-f6498e1cadb8', '2026-12-07 20:51:45.765248', 'system', NULL, 'system', 'seed', 'organization', '01a25246-dde4-7030-a95b-50bb94a94c9e', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-dde6-777e-91ab-2cc77b119618', '2026-12-07 20:51:45.766764', 'system', NULL, 'system', 'seed', 'organization', '01a25246-dde5-7684-8569-f64ac26674b5', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-dde8-727b-bd92-5b01d37d79f1', '2026-12-07 20:51:45.768639', 'system', NULL, 'system', 'seed', 'organization', '01a25246-dde7-754f-b40c-e8b8fb6a0414', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddea-7196-9948-9164a362f3f1', '2026-12-07 20:51:45.770246', 'system', NULL, 'system', 'seed', 'organization', '01a25246-dde9-7222-b258-51b8054813e1', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddeb-71d1-8c7a-2e86f477925d', '2026-12-07 20:51:45.771796', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddea-7196-9948-916540fbcd49', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-dded-77ea-b04d-7af5a53fe080', '2026-12-07 20:51:45.773436', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddec-734b-87b9-5f1fb90cf381', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddef-7182-8f64-c6f806a2b4b4', '2026-12-07 20:51:45.775211', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddee-71ee-b7e2-4356a69779db', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddf0-7793-b7a1-76b7171442a6', '2026-12-07 20:51:45.776766', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddef-7182-8f64-c6f9f0686b27', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddf2-74e8-a530-a2650b972430', '2026-12-07 20:51:45.778377', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddf1-7737-aaff-d71e24dc95b2', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddf3-7740-9b2a-0819bb67472e', '2026-12-07 20:51:45.779928', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddf3-7740-9b2a-0818044f8f7b', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddf5-756d-9649-9ff6d2c1e07e', '2026-12-07 20:51:45.781838', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddf4-7215-b4f5-3497841c5f72', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddf8-73ae-8d05-d060f75feb8e', '2026-12-07 20:51:45.78411', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddf6-7347-afcd-bd19d182609c', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddfa-70cb-90b3-e3f101d0de36', '2026-12-07 20:51:45.786046', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddf9-71e9-8dc6-be1a8a744c6a', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddfb-7171-b5c3-8bd734f71294', '2026-12-07 20:51:45.787998', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddfa-70cb-90b3-e3f21103b574', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddfd-77b5-b72d-2fbb9112f973', '2026-12-07 20:51:45.789825', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddfc-7059-a350-2f45109d7d4b', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-ddff-7528-9692-106079e330cc', '2026-12-07 20:51:45.79168', 'system', NULL, 'system', 'seed', 'organization', '01a25246-ddfe-748c-bbe7-7662336bfbf6', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de01-7445-a1fb-e9bd6259aeb1', '2026-12-07 20:51:45.793469', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de00-72d0-9d5b-6ae4dd483afc', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de03-757f-a09d-485fd96ca37f', '2026-12-07 20:51:45.79538', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de02-72a1-ab5b-4c63d634bcec', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de05-72fe-a6bd-f30c4fb8eebf', '2026-12-07 20:51:45.797234', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de04-73c7-b1a7-0452db1c6be0', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de07-740d-b2e3-a32d4b70ce45', '2026-12-07 20:51:45.799085', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de06-7781-ae19-eaf1a47d44d5', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de08-7077-80f8-1de8363077da', '2026-12-07 20:51:45.800875', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de07-740d-b2e3-a32e27e4d396', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de0a-75af-bf7f-17cecc0b62da', '2026-12-07 20:51:45.802647', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de09-74c9-8e19-574b7869486a', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de0c-77ef-a1c5-6df23756acda', '2026-12-07 20:51:45.804385', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de0b-702b-ae4b-af7ffd11daff', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de0e-73a8-a9cd-953650dfcfbf', '2026-12-07 20:51:45.80605', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de0d-716d-835f-e6816d55217e', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de0f-756b-a1af-5a9aea9729b6', '2026-12-07 20:51:45.807907', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de0e-73a8-a9cd-9537069e550a', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de11-7426-9863-3bad372623c3', '2026-12-07 20:51:45.809734', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de10-76a3-91e1-46858f2ee661', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de13-733c-877d-a953cf10cd7f', '2026-12-07 20:51:45.811654', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de12-728f-93ad-3eb2ff52de5d', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de15-7075-a436-db302cd4adc5', '2026-12-07 20:51:45.813613', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de14-73b5-8dce-c1a84d1f2b16', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de17-7044-89e8-4298e8d88ecb', '2026-12-07 20:51:45.815575', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de16-7536-aa29-2a3deb4798da', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de1a-75d1-88c0-7246b3548e29', '2026-12-07 20:51:45.818365', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de19-70b3-bd5d-9ac2f9911fbe', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de1d-7630-91e9-8c26acdf0791', '2026-12-07 20:51:45.821486', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de1b-774b-b72a-ead08b3970b0', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de26-7340-8a54-9c517af803df', '2026-12-07 20:51:45.830707', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de1f-73e7-bff8-eb8e016fedab', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de28-7602-9068-49d31c867373', '2026-12-07 20:51:45.832689', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de27-7269-9140-1572557e9e61', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de2a-7472-87cf-9acf10debd2a', '2026-12-07 20:51:45.834599', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de29-74c3-8a65-cf0d7304671a', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de2d-72b3-bd16-f2a26410d512', '2026-12-07 20:51:45.837191', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de2b-736d-bb7d-436184e46eb2', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de2f-7711-b986-ae46d06d9ba4', '2026-12-07 20:51:45.839037', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de2e-70f3-9378-0c479a60ecce', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de30-75f7-a693-799d14e5e70b', '2026-12-07 20:51:45.840829', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de2f-7711-b986-ae4767211752', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de32-7315-b849-b12a678dda9d', '2026-12-07 20:51:45.842764', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de31-718e-85a2-9b7ab9932564', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de34-7078-8de9-af3a2f9c9ca7', '2026-12-07 20:51:45.844805', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de33-76c1-b1aa-dfaf7930d5cc', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de36-74c4-ac8b-7900a9d9da3a', '2026-12-07 20:51:45.846692', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de35-721c-b0c7-682f560bc9ea', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de38-7714-8ce1-552a70d4b13c', '2026-12-07 20:51:45.848258', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de37-72ed-8527-2ff66802098f', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de39-7042-8633-cf2cba3bedcc', '2026-12-07 20:51:45.849733', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de38-7714-8ce1-552b51e59e3c', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de3b-764c-a723-f0ec00c22a3b', '2026-12-07 20:51:45.851487', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de3a-7384-99bd-da4c29e2d3d1', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de3d-717d-b8f8-881f6d0ce61d', '2026-12-07 20:51:45.853037', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de3c-71c4-aafd-3317ac07f208', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de3e-746b-8d48-172467d9434c', '2026-12-07 20:51:45.854667', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de3d-717d-b8f8-8820b34ae0e6', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de40-7729-acad-72cf54107ea1', '2026-12-07 20:51:45.856255', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de3f-739c-9350-b813bc15b2b5', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de41-76bd-9783-4fea6eebca8b', '2026-12-07 20:51:45.857835', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de40-7729-acad-72d046d5984c', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de43-778e-9017-b62dce9e3939', '2026-12-07 20:51:45.859445', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de42-77b5-bf1e-37af76f8b98b', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de44-7681-9d67-5c6397b136ba', '2026-12-07 20:51:45.860944', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de44-7681-9d67-5c6290cde134', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de46-75c3-ba22-71e07f171b3b', '2026-12-07 20:51:45.862689', 'system', NULL, 'system', 'seed', 'organization', '01a25246-de45-730e-9d6d-8ad46dc33a5d', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de4c-721b-94f9-257be64b661c', '2026-12-07 20:51:45.868591', 'system', NULL, 'system', 'merge', 'organization', '01a25246-de3a-7384-99bd-da4c29e2d3d1', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de4e-73ec-a062-f7b55af473ea', '2026-12-07 20:51:45.870509', 'system', NULL, 'system', 'merge', 'organization', '01a25246-de3c-71c4-aafd-3317ac07f208', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de50-7434-84f1-ea8cc03c1492', '2026-12-07 20:51:45.872145', 'system', NULL, 'system', 'merge', 'organization', '01a25246-de38-7714-8ce1-552b51e59e3c', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de55-76de-b162-4cd532d5b72f', '2026-12-07 20:51:45.877128', 'system', NULL, 'system', 'rename', 'organization', '01a25246-de42-77b5-bf1e-37af76f8b98b', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de59-76d1-8639-250327ab16fe', '2026-12-07 20:51:45.881145', 'system', NULL, 'system', 'rename', 'organization', '01a25246-de44-7681-9d67-5c6290cde134', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de5f-7250-a062-12b3664af298', '2026-12-07 20:51:45.887764', 'system', NULL, 'system', 'rename', 'organization', '01a25246-de45-730e-9d6d-8ad46dc33a5d', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de6a-7130-b4a5-6056a9861079', '2026-12-07 20:51:45.898262', 'system', NULL, 'system', 'seed', 'program', '01a25246-de67-7586-93b3-e9b9067ebdad', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de6c-73f7-af06-729e1b0b2d4a', '2026-12-07 20:51:45.900316', 'system', NULL, 'system', 'seed', 'program', '01a25246-de6a-7130-b4a5-6057ba4663e9', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de6e-75b8-a5ad-760f1330f2df', '2026-12-07 20:51:45.902907', 'system', NULL, 'system', 'seed', 'program', '01a25246-de6c-73f7-af06-729f8a2c6ab0', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de70-773a-9001-9f91dd0a03da', '2026-12-07 20:51:45.904772', 'system', NULL, 'system', 'seed', 'program', '01a25246-de6f-70e9-9709-1d950a5a8452', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de72-7290-805d-c9296377d38e', '2026-12-07 20:51:45.906065', 'system', NULL, 'system', 'seed', 'program', '01a25246-de71-732a-adfd-179a1ad27120', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de73-74c4-83e4-5c9e6cf2b0e4', '2026-12-07 20:51:45.907331', 'system', NULL, 'system', 'seed', 'program', '01a25246-de72-7290-805d-c92a3627a0d5', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de74-76b2-b55e-397cff7feaea', '2026-12-07 20:51:45.908531', 'system', NULL, 'system', 'seed', 'program', '01a25246-de73-74c4-83e4-5c9f4e47ce3f', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de75-7359-adcb-f920e86f6e02', '2026-12-07 20:51:45.909708', 'system', NULL, 'system', 'seed', 'program', '01a25246-de75-7359-adcb-f91f34750f28', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de76-72ed-be6b-c27f8b21ad8c', '2026-12-07 20:51:45.91093', 'system', NULL, 'system', 'seed', 'program', '01a25246-de76-72ed-be6b-c27ed7c5a990', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de78-779f-9ccf-cfd7b53f3f64', '2026-12-07 20:51:45.912063', 'system', NULL, 'system', 'seed', 'program', '01a25246-de77-754a-8b1f-169e428e6e38', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de79-748d-a04e-6cc156b00096', '2026-12-07 20:51:45.913168', 'system', NULL, 'system', 'seed', 'program', '01a25246-de78-779f-9ccf-cfd8d329a0a9', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-de7b-762e-a8c1-cdec59dbcf1d', '2026-12-07 20:51:45.915083', 'system', NULL, 'system', 'seed', 'policy_version', '01a25246-de7a-7240-8a4c-3a9356a13915', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-deb6-73df-8baf-ed6d8320a6d9', '2026-12-07 20:51:45.974308', 'system', NULL, 'system', 'bootstrap', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', NULL, NULL, NULL);
INSERT INTO public.audit_log VALUES ('01a25246-df50-76b3-871b-559a620617f8', '2026-12-07 20:51:46.128119', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'login', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', NULL, NULL, '27c3e8cb-b01f-4c58-afb5-a783cf2f85cb');
INSERT INTO public.audit_log VALUES ('01a25246-df8c-76da-b3cd-e904951d3545', '2026-12-07 20:51:46.188428', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'user', '01a25246-df8b-7133-a937-2a56319358ca', NULL, '{"active":true,"created_at":"2026-12-07T20:51:46.187414Z","deactivated_at":null,"display_name":"Người dùng ca.a","id":"01a25246-df8b-7133-a937-2a56319358ca","role":"center_admin","scope":"01a25246-de3f-739c-9350-b813bc15b2b5","updated_at":"2026-12-07T20:51:46.187414Z","username":"ca.a","version":1}', 'e75366e1-2c95-4dd4-8ebe-0bb31980abc5');
INSERT INTO public.audit_log VALUES ('01a25246-dfc8-726e-9f7b-2d8210e528e1', '2026-12-07 20:51:46.248458', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'user', '01a25246-dfc7-733f-b312-1aaaa8b663b4', NULL, '{"active":true,"created_at":"2026-12-07T20:51:46.247305Z","deactivated_at":null,"display_name":"Người dùng ca.b","id":"01a25246-dfc7-733f-b312-1aaaa8b663b4","role":"center_admin","scope":"01a25246-ddb1-776c-aa0c-d3e76867ec04","updated_at":"2026-12-07T20:51:46.247305Z","username":"ca.b","version":1}', '3853acfa-77af-4030-93f4-8fc24d857251');
INSERT INTO public.audit_log VALUES ('01a25246-dfcf-70c2-92ef-c0a13a43a000', '2026-12-07 20:51:46.255634', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'party_organization', '01a25246-dfcd-7417-b5da-f121fba1be0a', NULL, '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"CB-1","committee_id":"01a25246-de40-7729-acad-72d046d5984c","created_at":"2026-12-07T20:51:46.253560Z","external_id":null,"id":"01a25246-dfcd-7417-b5da-f121fba1be0a","kind":"party_cell","name":"Chi bộ thôn 1","parent_id":null,"updated_at":"2026-12-07T20:51:46.253560Z","valid_from":null,"valid_to":null,"version":1}', '3bdd230d-3b06-4d2c-bdb9-61b48cb9cbb2');
INSERT INTO public.audit_log VALUES ('01a25246-e008-7097-8fca-b4bb03e5418b', '2026-12-07 20:51:46.31268', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'user', '01a25246-e007-77bf-9dd8-48a4eea8a4e1', NULL, '{"active":true,"created_at":"2026-12-07T20:51:46.311875Z","deactivated_at":null,"display_name":"Người dùng po.a","id":"01a25246-e007-77bf-9dd8-48a4eea8a4e1","role":"party_org","scope":"01a25246-dfcd-7417-b5da-f121fba1be0a","updated_at":"2026-12-07T20:51:46.311875Z","username":"po.a","version":1}', '328586bd-5ca6-4b95-a99c-90953b819c0a');
INSERT INTO public.audit_log VALUES ('01a25246-e04d-7183-8300-a4f82ac6d5ad', '2026-12-07 20:51:46.381645', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'login', 'user', '01a25246-df8b-7133-a937-2a56319358ca', NULL, NULL, 'd65e272e-c2c7-41aa-8c35-a880d896bd0b');
INSERT INTO public.audit_log VALUES ('01a25246-e099-76fc-ac36-b1ff7527729d', '2026-12-07 20:51:46.457832', 'user', '01a25246-dfc7-733f-b312-1aaaa8b663b4', 'ca.b', 'login', 'user', '01a25246-dfc7-733f-b312-1aaaa8b663b4', NULL, NULL, '71e0dea7-02cf-4664-8b55-2fb60a2fe935');
INSERT INTO public.audit_log VALUES ('01a25246-e0dd-71ca-9145-6435cb66dd88', '2026-12-07 20:51:46.525229', 'user', '01a25246-e007-77bf-9dd8-48a4eea8a4e1', 'po.a', 'login', 'user', '01a25246-e007-77bf-9dd8-48a4eea8a4e1', NULL, NULL, 'daa56ce9-65c3-4a89-a662-7d1e5fdd06eb');
INSERT INTO public.audit_log VALUES ('01a25246-e0ec-76ef-b025-060ae2feb8cc', '2026-12-07 20:51:46.540854', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'class', '01a25246-e0e8-777c-ad12-2c042774fcb3', NULL, '{"allowed_actions":["open","cancel"],"capacity":50,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","created_at":"2026-12-07T20:51:46.536274Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e0e8-777c-ad12-2c042774fcb3","location":null,"mode":"concentrated","name":"Lớp WALK-1","opening_decision":null,"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"planned","term":null,"updated_at":"2026-12-07T20:51:46.536274Z","version":1,"year":2026}', '6e99d41c-1325-4b1c-9749-ec28acb275f2');
INSERT INTO public.audit_log VALUES ('01a25246-e0f5-70fc-b619-a7d98c9ee066', '2026-12-07 20:51:46.549354', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'open', 'class', '01a25246-e0e8-777c-ad12-2c042774fcb3', '{"allowed_actions":["open","cancel"],"capacity":50,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","created_at":"2026-12-07T20:51:46.536274Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e0e8-777c-ad12-2c042774fcb3","location":null,"mode":"concentrated","name":"Lớp WALK-1","opening_decision":null,"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"planned","term":null,"updated_at":"2026-12-07T20:51:46.536274Z","version":1,"year":2026}', '{"allowed_actions":["start","cancel"],"capacity":50,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","created_at":"2026-12-07T20:51:46.536274Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e0e8-777c-ad12-2c042774fcb3","location":null,"mode":"concentrated","name":"Lớp WALK-1","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"open","term":null,"updated_at":"2026-12-07T20:51:46.545565Z","version":2,"year":2026}', '6e925a08-286a-4d16-96e8-2c6fd0b89b18');
INSERT INTO public.audit_log VALUES ('01a25246-e0fb-746c-96f9-37be45c1a64b', '2026-12-07 20:51:46.555684', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'learner', '01a25246-e0fa-76cc-913b-d1c8a330775f', NULL, '{"admission_date":null,"birth_date":"1995-04-12","created_at":"2026-12-07T20:51:46.554049Z","ethnicity":"Kinh","external_id":null,"full_name":"Lê Thị Mai WALK-1 0","gender":"female","id":"01a25246-e0fa-76cc-913b-d1c8a330775f","national_id":null,"party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","party_status":"non_member","position":null,"updated_at":"2026-12-07T20:51:46.554049Z","version":1,"workplace":null}', '235a1b72-79b0-4b5f-83ea-a558456544d8');
INSERT INTO public.audit_log VALUES ('01a25246-e101-723a-b8e0-5b87246d1875', '2026-12-07 20:51:46.561802', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'nominate', 'enrollment', '01a25246-e100-7390-8e8b-ed1076e15f27', NULL, '{"allowed_actions":["approve","reject"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.560268Z","id":"01a25246-e100-7390-8e8b-ed1076e15f27","learner_id":"01a25246-e0fa-76cc-913b-d1c8a330775f","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"nominated","updated_at":"2026-12-07T20:51:46.560268Z","version":1}', 'b511fdd5-77ad-434e-86c7-c0bce03552ec');
INSERT INTO public.audit_log VALUES ('01a25246-e109-7238-b2e7-76fc3f9a4084', '2026-12-07 20:51:46.569793', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'approve', 'enrollment', '01a25246-e100-7390-8e8b-ed1076e15f27', '{"allowed_actions":["approve","reject"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.560268Z","id":"01a25246-e100-7390-8e8b-ed1076e15f27","learner_id":"01a25246-e0fa-76cc-913b-d1c8a330775f","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"nominated","updated_at":"2026-12-07T20:51:46.560268Z","version":1}', '{"allowed_actions":["enroll","withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.560268Z","id":"01a25246-e100-7390-8e8b-ed1076e15f27","learner_id":"01a25246-e0fa-76cc-913b-d1c8a330775f","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"approved","updated_at":"2026-12-07T20:51:46.568634Z","version":2}', '4d9b9ea3-dc12-4ef6-8cba-63d912d30bc5');
INSERT INTO public.audit_log VALUES ('01a25246-e10e-758f-8c76-c7aad61a7248', '2026-12-07 20:51:46.574293', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'enroll', 'enrollment', '01a25246-e100-7390-8e8b-ed1076e15f27', '{"allowed_actions":["enroll","withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.560268Z","id":"01a25246-e100-7390-8e8b-ed1076e15f27","learner_id":"01a25246-e0fa-76cc-913b-d1c8a330775f","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"approved","updated_at":"2026-12-07T20:51:46.568634Z","version":2}', '{"allowed_actions":["withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.560268Z","id":"01a25246-e100-7390-8e8b-ed1076e15f27","learner_id":"01a25246-e0fa-76cc-913b-d1c8a330775f","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"enrolled","updated_at":"2026-12-07T20:51:46.573214Z","version":3}', 'e4a835e0-b8bb-446d-bdc3-f97e8f7113e1');
INSERT INTO public.audit_log VALUES ('01a25246-e112-77a5-9a4d-f4bd278d4cbe', '2026-12-07 20:51:46.578703', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'learner', '01a25246-e111-7780-b502-b8914c43410e', NULL, '{"admission_date":null,"birth_date":"1995-04-12","created_at":"2026-12-07T20:51:46.577568Z","ethnicity":"Kinh","external_id":null,"full_name":"Lê Thị Mai WALK-1 1","gender":"female","id":"01a25246-e111-7780-b502-b8914c43410e","national_id":null,"party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","party_status":"non_member","position":null,"updated_at":"2026-12-07T20:51:46.577568Z","version":1,"workplace":null}', '60965463-38ac-44f8-a78a-f4f9f93d8e5f');
INSERT INTO public.audit_log VALUES ('01a25246-e118-7580-95f8-196b90420cfd', '2026-12-07 20:51:46.584508', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'nominate', 'enrollment', '01a25246-e117-77fc-8a23-9573d02380e3', NULL, '{"allowed_actions":["approve","reject"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.583793Z","id":"01a25246-e117-77fc-8a23-9573d02380e3","learner_id":"01a25246-e111-7780-b502-b8914c43410e","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"nominated","updated_at":"2026-12-07T20:51:46.583793Z","version":1}', '71e97b0c-0540-425a-932b-1c9d8a1261d3');
INSERT INTO public.audit_log VALUES ('01a25246-e11f-70c8-b625-926df1495574', '2026-12-07 20:51:46.591777', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'approve', 'enrollment', '01a25246-e117-77fc-8a23-9573d02380e3', '{"allowed_actions":["approve","reject"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.583793Z","id":"01a25246-e117-77fc-8a23-9573d02380e3","learner_id":"01a25246-e111-7780-b502-b8914c43410e","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"nominated","updated_at":"2026-12-07T20:51:46.583793Z","version":1}', '{"allowed_actions":["enroll","withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.583793Z","id":"01a25246-e117-77fc-8a23-9573d02380e3","learner_id":"01a25246-e111-7780-b502-b8914c43410e","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"approved","updated_at":"2026-12-07T20:51:46.590705Z","version":2}', 'a00db795-70a4-4799-9b01-7ed1ecea2531');
INSERT INTO public.audit_log VALUES ('01a25246-e124-73e1-ad38-fd7c747b26e2', '2026-12-07 20:51:46.596244', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'enroll', 'enrollment', '01a25246-e117-77fc-8a23-9573d02380e3', '{"allowed_actions":["enroll","withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.583793Z","id":"01a25246-e117-77fc-8a23-9573d02380e3","learner_id":"01a25246-e111-7780-b502-b8914c43410e","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"approved","updated_at":"2026-12-07T20:51:46.590705Z","version":2}', '{"allowed_actions":["withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.583793Z","id":"01a25246-e117-77fc-8a23-9573d02380e3","learner_id":"01a25246-e111-7780-b502-b8914c43410e","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"enrolled","updated_at":"2026-12-07T20:51:46.595161Z","version":3}', '5ec2b2de-1e88-4f42-9368-2a0038dbbc14');
INSERT INTO public.audit_log VALUES ('01a25246-e129-757a-98b2-d3f8ee44be0c', '2026-12-07 20:51:46.601604', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'learner', '01a25246-e128-7717-a95d-a66045e637b1', NULL, '{"admission_date":null,"birth_date":"1995-04-12","created_at":"2026-12-07T20:51:46.600560Z","ethnicity":"Kinh","external_id":null,"full_name":"Lê Thị Mai WALK-1 2","gender":"female","id":"01a25246-e128-7717-a95d-a66045e637b1","national_id":null,"party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","party_status":"non_member","position":null,"updated_at":"2026-12-07T20:51:46.600560Z","version":1,"workplace":null}', 'ffbe8e1b-e619-4d95-a96d-44cdd0c57290');
INSERT INTO public.audit_log VALUES ('01a25246-e12e-731a-a147-83d679291fed', '2026-12-07 20:51:46.606575', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'nominate', 'enrollment', '01a25246-e12d-726b-8ea9-695574ed87dd', NULL, '{"allowed_actions":["approve","reject"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.605809Z","id":"01a25246-e12d-726b-8ea9-695574ed87dd","learner_id":"01a25246-e128-7717-a95d-a66045e637b1","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"nominated","updated_at":"2026-12-07T20:51:46.605809Z","version":1}', '2f479d4f-34c7-42aa-bc3d-093e07aa64eb');
INSERT INTO public.audit_log VALUES ('01a25246-e136-7223-b389-bab019373529', '2026-12-07 20:51:46.614099', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'approve', 'enrollment', '01a25246-e12d-726b-8ea9-695574ed87dd', '{"allowed_actions":["approve","reject"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.605809Z","id":"01a25246-e12d-726b-8ea9-695574ed87dd","learner_id":"01a25246-e128-7717-a95d-a66045e637b1","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"nominated","updated_at":"2026-12-07T20:51:46.605809Z","version":1}', '{"allowed_actions":["enroll","withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.605809Z","id":"01a25246-e12d-726b-8ea9-695574ed87dd","learner_id":"01a25246-e128-7717-a95d-a66045e637b1","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"approved","updated_at":"2026-12-07T20:51:46.612810Z","version":2}', 'b923dfd7-119a-4fe4-9714-c5d278f97526');
INSERT INTO public.audit_log VALUES ('01a25246-e13b-7306-b8c6-20335da9916b', '2026-12-07 20:51:46.619056', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'enroll', 'enrollment', '01a25246-e12d-726b-8ea9-695574ed87dd', '{"allowed_actions":["enroll","withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.605809Z","id":"01a25246-e12d-726b-8ea9-695574ed87dd","learner_id":"01a25246-e128-7717-a95d-a66045e637b1","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"approved","updated_at":"2026-12-07T20:51:46.612810Z","version":2}', '{"allowed_actions":["withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.605809Z","id":"01a25246-e12d-726b-8ea9-695574ed87dd","learner_id":"01a25246-e128-7717-a95d-a66045e637b1","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"enrolled","updated_at":"2026-12-07T20:51:46.617904Z","version":3}', '5e31f12e-1f47-49aa-afd6-a7ba715c3ebc');
INSERT INTO public.audit_log VALUES ('01a25246-e141-72a0-a1ea-dc718141c92f', '2026-12-07 20:51:46.625193', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'start', 'class', '01a25246-e0e8-777c-ad12-2c042774fcb3', '{"allowed_actions":["start","cancel"],"capacity":50,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","created_at":"2026-12-07T20:51:46.536274Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e0e8-777c-ad12-2c042774fcb3","location":null,"mode":"concentrated","name":"Lớp WALK-1","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"open","term":null,"updated_at":"2026-12-07T20:51:46.545565Z","version":2,"year":2026}', '{"allowed_actions":["complete","cancel"],"capacity":50,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","created_at":"2026-12-07T20:51:46.536274Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e0e8-777c-ad12-2c042774fcb3","location":null,"mode":"concentrated","name":"Lớp WALK-1","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"in_progress","term":null,"updated_at":"2026-12-07T20:51:46.622587Z","version":3,"year":2026}', 'a4c86684-498f-4733-b14b-4ab49ce8b1ee');
INSERT INTO public.audit_log VALUES ('01a25246-e146-70bc-a9b2-4112927baccc', '2026-12-07 20:51:46.630575', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'lecturer', '01a25246-e144-747b-9627-3fe89d7a5b07', NULL, '{"active_from":null,"active_to":null,"created_at":"2026-12-07T20:51:46.628790Z","degree":null,"external_id":null,"full_name":"Giảng viên WALK-1","id":"01a25246-e144-747b-9627-3fe89d7a5b07","kind":"full_time","leadership_post":null,"organization_id":"01a25246-de3f-739c-9350-b813bc15b2b5","position":"lecturer","subjects":[],"theory_level":null,"updated_at":"2026-12-07T20:51:46.628790Z","user_id":null,"version":1}', '42c6ad16-9d34-4e11-8c88-0206b4a4cc23');
INSERT INTO public.audit_log VALUES ('01a25246-e151-7731-9e4d-33b3e1e35d69', '2026-12-07 20:51:46.641227', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'lesson_plan', '01a25246-e14f-7326-ba67-24dabb329a5f', NULL, '{"allowed_actions":["submit"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.639539Z","id":"01a25246-e14f-7326-ba67-24dabb329a5f","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"draft","superseded_on":null,"title":"Bài 1","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.639539Z","uses_it":false,"version":1,"version_no":1}', 'f1fd80f0-469e-4546-ba37-b8366dfbe2d1');
INSERT INTO public.audit_log VALUES ('01a25246-e1b2-71a4-9569-b017a9cc1290', '2026-12-07 20:51:46.738233', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'lecturer', '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL, '{"active_from":null,"active_to":null,"created_at":"2026-12-07T20:51:46.737472Z","degree":null,"external_id":null,"full_name":"Nguyễn Văn Hoa","id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","kind":"full_time","leadership_post":null,"organization_id":"01a25246-de3f-739c-9350-b813bc15b2b5","position":"lecturer","subjects":[],"theory_level":null,"updated_at":"2026-12-07T20:51:46.737472Z","user_id":null,"version":1}', '631a0458-621b-450e-9836-624ee289e9f3');
INSERT INTO public.audit_log VALUES ('01a25246-e158-74a2-b529-e6df1380d6e9', '2026-12-07 20:51:46.648023', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'submit', 'lesson_plan', '01a25246-e14f-7326-ba67-24dabb329a5f', '{"allowed_actions":["submit"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.639539Z","id":"01a25246-e14f-7326-ba67-24dabb329a5f","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"draft","superseded_on":null,"title":"Bài 1","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.639539Z","uses_it":false,"version":1,"version_no":1}', '{"allowed_actions":["appraise","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.639539Z","id":"01a25246-e14f-7326-ba67-24dabb329a5f","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"submitted","superseded_on":null,"title":"Bài 1","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.646636Z","uses_it":false,"version":2,"version_no":1}', '602205fb-b5ac-43ac-b2f5-ae3dce35b44c');
INSERT INTO public.audit_log VALUES ('01a25246-e15d-7434-8ba2-6e73c8dab096', '2026-12-07 20:51:46.65355', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'appraise', 'lesson_plan', '01a25246-e14f-7326-ba67-24dabb329a5f', '{"allowed_actions":["appraise","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.639539Z","id":"01a25246-e14f-7326-ba67-24dabb329a5f","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"submitted","superseded_on":null,"title":"Bài 1","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.646636Z","uses_it":false,"version":2,"version_no":1}', '{"allowed_actions":["approve","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.639539Z","id":"01a25246-e14f-7326-ba67-24dabb329a5f","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"appraised","superseded_on":null,"title":"Bài 1","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.652412Z","uses_it":false,"version":3,"version_no":1}', 'a7105a55-587a-47f0-aef0-b81467f4d5fc');
INSERT INTO public.audit_log VALUES ('01a25246-e162-72fb-b4bc-ba647f625141', '2026-12-07 20:51:46.658868', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'approve', 'lesson_plan', '01a25246-e14f-7326-ba67-24dabb329a5f', '{"allowed_actions":["approve","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.639539Z","id":"01a25246-e14f-7326-ba67-24dabb329a5f","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"appraised","superseded_on":null,"title":"Bài 1","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.652412Z","uses_it":false,"version":3,"version_no":1}', '{"allowed_actions":[],"approved_by":"01a25246-df8b-7133-a937-2a56319358ca","approved_on":"2026-12-08","attachments":[],"created_at":"2026-12-07T20:51:46.639539Z","id":"01a25246-e14f-7326-ba67-24dabb329a5f","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"approved","superseded_on":null,"title":"Bài 1","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.657289Z","uses_it":false,"version":4,"version_no":1}', '3d5cb79d-e5e4-4501-9945-e188d37f3353');
INSERT INTO public.audit_log VALUES ('01a25246-e16a-76e0-95ba-bddd4f7f69bd', '2026-12-07 20:51:46.666453', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'class_session', '01a25246-e168-75cc-afb4-b5177c97b5cf', NULL, '{"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.664643Z","end_time":"10:50","id":"01a25246-e168-75cc-afb4-b5177c97b5cf","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","lesson_plan_id":null,"periods":4,"room":null,"session_date":"2026-12-08","start_time":"07:30","status":"scheduled","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":1}', 'b146db51-5e36-4d2c-bdeb-60f8a90f8815');
INSERT INTO public.audit_log VALUES ('01a25246-e170-74f7-a224-bffdb2c0bff9', '2026-12-07 20:51:46.672158', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'teach', 'class_session', '01a25246-e168-75cc-afb4-b5177c97b5cf', '{"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.664643Z","end_time":"10:50","id":"01a25246-e168-75cc-afb4-b5177c97b5cf","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","lesson_plan_id":null,"periods":4,"room":null,"session_date":"2026-12-08","start_time":"07:30","status":"scheduled","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":1}', '{"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.664643Z","end_time":"10:50","id":"01a25246-e168-75cc-afb4-b5177c97b5cf","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","lesson_plan_id":"01a25246-e14f-7326-ba67-24dabb329a5f","periods":4,"room":null,"session_date":"2026-12-08","start_time":"07:30","status":"taught","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":2}', 'bc2beacc-b272-4d38-8e12-b0e03cb65e6a');
INSERT INTO public.audit_log VALUES ('01a25246-e178-73e1-a9e9-b7aa7b71b8df', '2026-12-07 20:51:46.680909', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'record_attendance', 'session_attendance', '01a25246-e168-75cc-afb4-b5177c97b5cf', '{"records":[]}', '{"records":[{"enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","status":"present"},{"enrollment_id":"01a25246-e117-77fc-8a23-9573d02380e3","status":"present"},{"enrollment_id":"01a25246-e12d-726b-8ea9-695574ed87dd","status":"present"}]}', 'c46a8885-8f2c-4fa7-b387-79035d2149c8');
INSERT INTO public.audit_log VALUES ('01a25246-e180-7555-b3d8-26264b8511e7', '2026-12-07 20:51:46.688603', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'record_result', 'enrollment_result', '01a25246-e100-7390-8e8b-ed1076e15f27', 'null', '{"attendance_ratio":1.0,"comment":null,"conduct":"good","conduct_label":"Tốt","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","final_score":7.0,"grade_code":"kha","grade_label":"Khá","passed":true,"retake_score":null,"score":7.0,"version":1}', '7c17da3b-30d8-4e08-9e10-0877ccf78442');
INSERT INTO public.audit_log VALUES ('01a25246-e186-741a-ab5a-7220056cfc5f', '2026-12-07 20:51:46.694802', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'record_result', 'enrollment_result', '01a25246-e117-77fc-8a23-9573d02380e3', 'null', '{"attendance_ratio":1.0,"comment":null,"conduct":"good","conduct_label":"Tốt","enrollment_id":"01a25246-e117-77fc-8a23-9573d02380e3","final_score":7.0,"grade_code":"kha","grade_label":"Khá","passed":true,"retake_score":null,"score":7.0,"version":1}', '7e7e9758-b8a1-46b0-9738-20f0da004808');
INSERT INTO public.audit_log VALUES ('01a25246-e18c-73ad-b07c-3fdd05379e92', '2026-12-07 20:51:46.700673', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'record_result', 'enrollment_result', '01a25246-e12d-726b-8ea9-695574ed87dd', 'null', '{"attendance_ratio":1.0,"comment":null,"conduct":"good","conduct_label":"Tốt","enrollment_id":"01a25246-e12d-726b-8ea9-695574ed87dd","final_score":7.0,"grade_code":"kha","grade_label":"Khá","passed":true,"retake_score":null,"score":7.0,"version":1}', '94ad5f02-ae28-4a1e-b2ad-530f64cca6bb');
INSERT INTO public.audit_log VALUES ('01a25246-e194-76ec-bf6a-a59d32652884', '2026-12-07 20:51:46.708201', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'complete', 'enrollment', '01a25246-e100-7390-8e8b-ed1076e15f27', '{"allowed_actions":["withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.560268Z","id":"01a25246-e100-7390-8e8b-ed1076e15f27","learner_id":"01a25246-e0fa-76cc-913b-d1c8a330775f","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"enrolled","updated_at":"2026-12-07T20:51:46.573214Z","version":3}', '{"allowed_actions":[],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.560268Z","id":"01a25246-e100-7390-8e8b-ed1076e15f27","learner_id":"01a25246-e0fa-76cc-913b-d1c8a330775f","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"completed","updated_at":"2026-12-07T20:51:46.707200Z","version":4}', '58bf9fa5-8667-4291-8708-78ab49d32240');
INSERT INTO public.audit_log VALUES ('01a25246-e196-70b5-8559-48ea88db32a8', '2026-12-07 20:51:46.710272', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'complete', 'enrollment', '01a25246-e117-77fc-8a23-9573d02380e3', '{"allowed_actions":["withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.583793Z","id":"01a25246-e117-77fc-8a23-9573d02380e3","learner_id":"01a25246-e111-7780-b502-b8914c43410e","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"enrolled","updated_at":"2026-12-07T20:51:46.595161Z","version":3}', '{"allowed_actions":[],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.583793Z","id":"01a25246-e117-77fc-8a23-9573d02380e3","learner_id":"01a25246-e111-7780-b502-b8914c43410e","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"completed","updated_at":"2026-12-07T20:51:46.709328Z","version":4}', '58bf9fa5-8667-4291-8708-78ab49d32240');
INSERT INTO public.audit_log VALUES ('01a25246-e198-770a-ac3c-c8ecbf17c811', '2026-12-07 20:51:46.712392', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'complete', 'enrollment', '01a25246-e12d-726b-8ea9-695574ed87dd', '{"allowed_actions":["withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.605809Z","id":"01a25246-e12d-726b-8ea9-695574ed87dd","learner_id":"01a25246-e128-7717-a95d-a66045e637b1","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"enrolled","updated_at":"2026-12-07T20:51:46.617904Z","version":3}', '{"allowed_actions":[],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.605809Z","id":"01a25246-e12d-726b-8ea9-695574ed87dd","learner_id":"01a25246-e128-7717-a95d-a66045e637b1","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"completed","updated_at":"2026-12-07T20:51:46.711464Z","version":4}', '58bf9fa5-8667-4291-8708-78ab49d32240');
INSERT INTO public.audit_log VALUES ('01a25246-e19a-716f-9a1f-2953c3f4ce79', '2026-12-07 20:51:46.714122', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'complete', 'class', '01a25246-e0e8-777c-ad12-2c042774fcb3', '{"allowed_actions":["complete","cancel"],"capacity":50,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","created_at":"2026-12-07T20:51:46.536274Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e0e8-777c-ad12-2c042774fcb3","location":null,"mode":"concentrated","name":"Lớp WALK-1","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"in_progress","term":null,"updated_at":"2026-12-07T20:51:46.622587Z","version":3,"year":2026}', '{"allowed_actions":[],"capacity":50,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","created_at":"2026-12-07T20:51:46.536274Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e0e8-777c-ad12-2c042774fcb3","location":null,"mode":"concentrated","name":"Lớp WALK-1","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":{"date":"2026-12-08","number":"02/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"start_date":"2026-12-08","status":"completed","term":null,"updated_at":"2026-12-07T20:51:46.703547Z","version":4,"year":2026}', '58bf9fa5-8667-4291-8708-78ab49d32240');
INSERT INTO public.audit_log VALUES ('01a25246-e1a4-718a-9c3c-ee9a91e39f1d', '2026-12-07 20:51:46.724083', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'issue_certificate', 'certificate', '01a25246-e1a2-71d1-8b38-40af916a29a0', NULL, '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","id":"01a25246-e1a2-71d1-8b38-40af916a29a0","issue_date":"2026-12-08","issuer_id":"01a25246-de3f-739c-9350-b813bc15b2b5","number":"406/2026/000001","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","reason":null,"replaced_at":null,"serial":1,"signer":"Giám đốc Nguyễn Văn Hùng","suffix":0,"valid_until":"2031-12-08","verification_code":"70XAESP995CH","year":2026}', 'f1cc662c-b46d-4201-a146-801494adad6f');
INSERT INTO public.audit_log VALUES ('01a25246-e1a9-7442-93ef-f044854517b6', '2026-12-07 20:51:46.729562', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'reissue_certificate', 'certificate', '01a25246-e1a2-71d1-8b38-40af916a29a0', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","id":"01a25246-e1a2-71d1-8b38-40af916a29a0","issue_date":"2026-12-08","issuer_id":"01a25246-de3f-739c-9350-b813bc15b2b5","number":"406/2026/000001","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","reason":null,"replaced_at":null,"serial":1,"signer":"Giám đốc Nguyễn Văn Hùng","suffix":0,"valid_until":"2031-12-08","verification_code":"70XAESP995CH","year":2026}', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","id":"01a25246-e1a2-71d1-8b38-40af916a29a0","issue_date":"2026-12-08","issuer_id":"01a25246-de3f-739c-9350-b813bc15b2b5","number":"406/2026/000001","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","reason":null,"replaced_at":"2026-12-07T20:51:46.728065Z","serial":1,"signer":"Giám đốc Nguyễn Văn Hùng","suffix":0,"valid_until":"2031-12-08","verification_code":"70XAESP995CH","year":2026}', 'cef8eb1a-5f73-475a-8853-b5c20b3cd432');
INSERT INTO public.audit_log VALUES ('01a25246-e1a9-7442-93ef-f045f18379f0', '2026-12-07 20:51:46.729562', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'reissue_certificate', 'certificate', '01a25246-e1a8-7106-b64a-01d9259ecb56', NULL, '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","id":"01a25246-e1a8-7106-b64a-01d9259ecb56","issue_date":"2026-12-08","issuer_id":"01a25246-de3f-739c-9350-b813bc15b2b5","number":"406/2026/000001-1","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","reason":"Sai ngày sinh","replaced_at":null,"serial":1,"signer":"Giám đốc Nguyễn Văn Hùng","suffix":1,"valid_until":"2031-12-08","verification_code":"Q0XRQ0PC0ENT","year":2026}', 'cef8eb1a-5f73-475a-8853-b5c20b3cd432');
INSERT INTO public.audit_log VALUES ('01a25246-e1ae-758c-ae2e-759de3cdd553', '2026-12-07 20:51:46.734861', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'reissue_certificate', 'certificate', '01a25246-e1a8-7106-b64a-01d9259ecb56', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","id":"01a25246-e1a8-7106-b64a-01d9259ecb56","issue_date":"2026-12-08","issuer_id":"01a25246-de3f-739c-9350-b813bc15b2b5","number":"406/2026/000001-1","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","reason":"Sai ngày sinh","replaced_at":null,"serial":1,"signer":"Giám đốc Nguyễn Văn Hùng","suffix":1,"valid_until":"2031-12-08","verification_code":"Q0XRQ0PC0ENT","year":2026}', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","id":"01a25246-e1a8-7106-b64a-01d9259ecb56","issue_date":"2026-12-08","issuer_id":"01a25246-de3f-739c-9350-b813bc15b2b5","number":"406/2026/000001-1","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","reason":"Sai ngày sinh","replaced_at":"2026-12-07T20:51:46.733257Z","serial":1,"signer":"Giám đốc Nguyễn Văn Hùng","suffix":1,"valid_until":"2031-12-08","verification_code":"Q0XRQ0PC0ENT","year":2026}', '46780b6b-b4d9-438f-808d-ab1ab0d5df54');
INSERT INTO public.audit_log VALUES ('01a25246-e1ae-758c-ae2e-759e064e1f8e', '2026-12-07 20:51:46.734861', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'reissue_certificate', 'certificate', '01a25246-e1ad-7001-ba52-7f0f8fa0e226', NULL, '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","id":"01a25246-e1ad-7001-ba52-7f0f8fa0e226","issue_date":"2026-12-08","issuer_id":"01a25246-de3f-739c-9350-b813bc15b2b5","number":"406/2026/000001-2","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","reason":"Sai quê quán","replaced_at":null,"serial":1,"signer":"Giám đốc Nguyễn Văn Hùng","suffix":2,"valid_until":"2031-12-08","verification_code":"Q79ADDME9VYG","year":2026}', '46780b6b-b4d9-438f-808d-ab1ab0d5df54');
INSERT INTO public.audit_log VALUES ('01a25246-e1b5-73c3-8e69-b8273930ab6a', '2026-12-07 20:51:46.741278', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'lecturer', '01a25246-e1b4-773c-bac5-78e8727541e3', NULL, '{"active_from":null,"active_to":null,"created_at":"2026-12-07T20:51:46.740510Z","degree":null,"external_id":null,"full_name":"Trần Thị Lan","id":"01a25246-e1b4-773c-bac5-78e8727541e3","kind":"full_time","leadership_post":null,"organization_id":"01a25246-de3f-739c-9350-b813bc15b2b5","position":"lecturer","subjects":[],"theory_level":null,"updated_at":"2026-12-07T20:51:46.740510Z","user_id":null,"version":1}', 'e19386df-ca80-4b3e-aef7-fa303c9bfe59');
INSERT INTO public.audit_log VALUES ('01a25246-e1bb-76d7-bb29-c9b66e717147', '2026-12-07 20:51:46.747067', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'lesson_plan', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', NULL, '{"allowed_actions":["submit"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.746249Z","id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"draft","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.746249Z","uses_it":false,"version":1,"version_no":1}', '07416b5a-cf46-494d-b5d1-55bc13c97563');
INSERT INTO public.audit_log VALUES ('01a25246-e1bf-73a7-b8de-2dc86f7a3918', '2026-12-07 20:51:46.751424', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'submit', 'lesson_plan', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', '{"allowed_actions":["submit"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.746249Z","id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"draft","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.746249Z","uses_it":false,"version":1,"version_no":1}', '{"allowed_actions":["appraise","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.746249Z","id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"submitted","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.750543Z","uses_it":false,"version":2,"version_no":1}', '3757f7b6-602e-44d7-9acb-9ac355af32fa');
INSERT INTO public.audit_log VALUES ('01a25246-e1c3-7606-ad5a-6288b0ff10f5', '2026-12-07 20:51:46.755126', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'appraise', 'lesson_plan', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', '{"allowed_actions":["appraise","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.746249Z","id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"submitted","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.750543Z","uses_it":false,"version":2,"version_no":1}', '{"allowed_actions":["approve","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.746249Z","id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"appraised","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.754207Z","uses_it":false,"version":3,"version_no":1}', '8678ecae-d2b1-4662-aaff-6b2e52f9ac7a');
INSERT INTO public.audit_log VALUES ('01a25246-e1c7-74a8-a391-1c79029be835', '2026-12-07 20:51:46.759315', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'approve', 'lesson_plan', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', '{"allowed_actions":["approve","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.746249Z","id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"appraised","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.754207Z","uses_it":false,"version":3,"version_no":1}', '{"allowed_actions":[],"approved_by":"01a25246-df8b-7133-a937-2a56319358ca","approved_on":"2026-12-08","attachments":[],"created_at":"2026-12-07T20:51:46.746249Z","id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"approved","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.758020Z","uses_it":false,"version":4,"version_no":1}', '7e5c39d5-afd7-410e-a8bd-af283b4b64ea');
INSERT INTO public.audit_log VALUES ('01a25246-e1cb-7022-8896-a9b09dea4e10', '2026-12-07 20:51:46.763757', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'lesson_plan', '01a25246-e1cb-7022-8896-a9af84382f97', NULL, '{"allowed_actions":["submit"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.763079Z","id":"01a25246-e1cb-7022-8896-a9af84382f97","lecturer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"draft","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.763079Z","uses_it":false,"version":1,"version_no":1}', 'b266eef4-f578-4db3-9b6d-d8a0e96c35a6');
INSERT INTO public.audit_log VALUES ('01a25246-e1cf-7599-bc87-ad20b2f9b50c', '2026-12-07 20:51:46.76793', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'submit', 'lesson_plan', '01a25246-e1cb-7022-8896-a9af84382f97', '{"allowed_actions":["submit"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.763079Z","id":"01a25246-e1cb-7022-8896-a9af84382f97","lecturer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"draft","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.763079Z","uses_it":false,"version":1,"version_no":1}', '{"allowed_actions":["appraise","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.763079Z","id":"01a25246-e1cb-7022-8896-a9af84382f97","lecturer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"submitted","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.767092Z","uses_it":false,"version":2,"version_no":1}', 'fd551b4b-9f72-44d0-81c5-570772246e5f');
INSERT INTO public.audit_log VALUES ('01a25246-e1d3-72a7-8981-3c232ac1ab95', '2026-12-07 20:51:46.771937', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'appraise', 'lesson_plan', '01a25246-e1cb-7022-8896-a9af84382f97', '{"allowed_actions":["appraise","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.763079Z","id":"01a25246-e1cb-7022-8896-a9af84382f97","lecturer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"submitted","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.767092Z","uses_it":false,"version":2,"version_no":1}', '{"allowed_actions":["approve","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.763079Z","id":"01a25246-e1cb-7022-8896-a9af84382f97","lecturer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"appraised","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.770962Z","uses_it":false,"version":3,"version_no":1}', 'b555e725-7d08-48ff-ae1a-36260e5db08d');
INSERT INTO public.audit_log VALUES ('01a25246-e1d8-7383-b3be-bbeacf70e091', '2026-12-07 20:51:46.77618', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'approve', 'lesson_plan', '01a25246-e1cb-7022-8896-a9af84382f97', '{"allowed_actions":["approve","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.763079Z","id":"01a25246-e1cb-7022-8896-a9af84382f97","lecturer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"appraised","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.770962Z","uses_it":false,"version":3,"version_no":1}', '{"allowed_actions":[],"approved_by":"01a25246-df8b-7133-a937-2a56319358ca","approved_on":"2026-12-08","attachments":[],"created_at":"2026-12-07T20:51:46.763079Z","id":"01a25246-e1cb-7022-8896-a9af84382f97","lecturer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"approved","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.774840Z","uses_it":false,"version":4,"version_no":1}', '49926112-c744-42a3-ba2b-6c93c63974a3');
INSERT INTO public.audit_log VALUES ('01a25246-e1dd-77d2-8366-1e06d81fecd0', '2026-12-07 20:51:46.781348', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'lesson_plan', '01a25246-e1dc-703f-81e0-5801d9b9d62e', NULL, '{"allowed_actions":["submit"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.780395Z","id":"01a25246-e1dc-703f-81e0-5801d9b9d62e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"draft","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1cdd08aef53","updated_at":"2026-12-07T20:51:46.780395Z","uses_it":false,"version":1,"version_no":1}', '2a4566bd-8107-43a8-b3ea-d6b80bc3bd54');
INSERT INTO public.audit_log VALUES ('01a25246-e1e2-7332-8a9a-0415e34ec956', '2026-12-07 20:51:46.78658', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'submit', 'lesson_plan', '01a25246-e1dc-703f-81e0-5801d9b9d62e', '{"allowed_actions":["submit"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.780395Z","id":"01a25246-e1dc-703f-81e0-5801d9b9d62e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"draft","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1cdd08aef53","updated_at":"2026-12-07T20:51:46.780395Z","uses_it":false,"version":1,"version_no":1}', '{"allowed_actions":["appraise","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.780395Z","id":"01a25246-e1dc-703f-81e0-5801d9b9d62e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"submitted","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1cdd08aef53","updated_at":"2026-12-07T20:51:46.785433Z","uses_it":false,"version":2,"version_no":1}', '2387cd33-a95f-4c4e-9ae2-d4ee7ca5c4e4');
INSERT INTO public.audit_log VALUES ('01a25246-e1e7-76e4-9601-f4963d4ebf83', '2026-12-07 20:51:46.791219', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'appraise', 'lesson_plan', '01a25246-e1dc-703f-81e0-5801d9b9d62e', '{"allowed_actions":["appraise","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.780395Z","id":"01a25246-e1dc-703f-81e0-5801d9b9d62e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"submitted","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1cdd08aef53","updated_at":"2026-12-07T20:51:46.785433Z","uses_it":false,"version":2,"version_no":1}', '{"allowed_actions":["approve","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.780395Z","id":"01a25246-e1dc-703f-81e0-5801d9b9d62e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"appraised","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1cdd08aef53","updated_at":"2026-12-07T20:51:46.790305Z","uses_it":false,"version":3,"version_no":1}', '00512342-5edf-4c48-9fc7-c223b4cc67bc');
INSERT INTO public.audit_log VALUES ('01a25246-e1ec-72da-a257-3daacd191df6', '2026-12-07 20:51:46.796046', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'approve', 'lesson_plan', '01a25246-e1dc-703f-81e0-5801d9b9d62e', '{"allowed_actions":["approve","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.780395Z","id":"01a25246-e1dc-703f-81e0-5801d9b9d62e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"appraised","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1cdd08aef53","updated_at":"2026-12-07T20:51:46.790305Z","uses_it":false,"version":3,"version_no":1}', '{"allowed_actions":[],"approved_by":"01a25246-df8b-7133-a937-2a56319358ca","approved_on":"2026-12-08","attachments":[],"created_at":"2026-12-07T20:51:46.780395Z","id":"01a25246-e1dc-703f-81e0-5801d9b9d62e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"approved","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1cdd08aef53","updated_at":"2026-12-07T20:51:46.794539Z","uses_it":false,"version":4,"version_no":1}', 'bf1096c6-053c-440f-b052-88d64f3f2390');
INSERT INTO public.audit_log VALUES ('01a25246-e1f0-7004-add5-ba7ff405aa52', '2026-12-07 20:51:46.800876', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'class', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', NULL, '{"allowed_actions":["open","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","created_at":"2026-12-07T20:51:46.799404Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","location":null,"mode":"concentrated","name":"Lớp WALK-2","opening_decision":null,"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"planned","term":null,"updated_at":"2026-12-07T20:51:46.799404Z","version":1,"year":2026}', '106f2fe3-78e3-4147-88c0-83dfb3ed7d46');
INSERT INTO public.audit_log VALUES ('01a25246-e1f5-7218-8f8d-ff2929ceab53', '2026-12-07 20:51:46.805327', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'open', 'class', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', '{"allowed_actions":["open","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","created_at":"2026-12-07T20:51:46.799404Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","location":null,"mode":"concentrated","name":"Lớp WALK-2","opening_decision":null,"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"planned","term":null,"updated_at":"2026-12-07T20:51:46.799404Z","version":1,"year":2026}', '{"allowed_actions":["start","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","created_at":"2026-12-07T20:51:46.799404Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","location":null,"mode":"concentrated","name":"Lớp WALK-2","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"open","term":null,"updated_at":"2026-12-07T20:51:46.803568Z","version":2,"year":2026}', 'edaff8e6-8f8d-488b-9912-4fa51293e371');
INSERT INTO public.audit_log VALUES ('01a25246-e1fa-718e-8642-aa77dfa1d895', '2026-12-07 20:51:46.810204', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'class', '01a25246-e1f8-76ac-b18a-fa832f6a81ec', NULL, '{"allowed_actions":["open","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-3","created_at":"2026-12-07T20:51:46.808519Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1f8-76ac-b18a-fa832f6a81ec","location":null,"mode":"concentrated","name":"Lớp WALK-3","opening_decision":null,"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","recognition_decision":null,"start_date":"2026-12-08","status":"planned","term":null,"updated_at":"2026-12-07T20:51:46.808519Z","version":1,"year":2026}', '31116771-c28b-4406-a55a-b9c01ef5cea1');
INSERT INTO public.audit_log VALUES ('01a25246-e1fe-72ec-bd55-f302839f2855', '2026-12-07 20:51:46.814476', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'open', 'class', '01a25246-e1f8-76ac-b18a-fa832f6a81ec', '{"allowed_actions":["open","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-3","created_at":"2026-12-07T20:51:46.808519Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1f8-76ac-b18a-fa832f6a81ec","location":null,"mode":"concentrated","name":"Lớp WALK-3","opening_decision":null,"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","recognition_decision":null,"start_date":"2026-12-08","status":"planned","term":null,"updated_at":"2026-12-07T20:51:46.808519Z","version":1,"year":2026}', '{"allowed_actions":["start","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-3","created_at":"2026-12-07T20:51:46.808519Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1f8-76ac-b18a-fa832f6a81ec","location":null,"mode":"concentrated","name":"Lớp WALK-3","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","recognition_decision":null,"start_date":"2026-12-08","status":"open","term":null,"updated_at":"2026-12-07T20:51:46.812902Z","version":2,"year":2026}', '7592bf61-b5fa-4c69-8331-f1d5b86aabe0');
INSERT INTO public.audit_log VALUES ('01a25246-e202-71e4-849f-ae98b5aa3b54', '2026-12-07 20:51:46.818321', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'start', 'class', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', '{"allowed_actions":["start","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","created_at":"2026-12-07T20:51:46.799404Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","location":null,"mode":"concentrated","name":"Lớp WALK-2","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"open","term":null,"updated_at":"2026-12-07T20:51:46.803568Z","version":2,"year":2026}', '{"allowed_actions":["complete","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","created_at":"2026-12-07T20:51:46.799404Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","location":null,"mode":"concentrated","name":"Lớp WALK-2","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"in_progress","term":null,"updated_at":"2026-12-07T20:51:46.816846Z","version":3,"year":2026}', 'e07fdc12-a356-4ceb-9075-5088f11e0227');
INSERT INTO public.audit_log VALUES ('01a25246-e206-7027-bffe-03331a9a805c', '2026-12-07 20:51:46.822883', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'class_session', '01a25246-e205-735c-b909-8bd893d1cb03', NULL, '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.821985Z","end_time":"09:10","id":"01a25246-e205-735c-b909-8bd893d1cb03","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":null,"periods":2,"room":null,"session_date":"2026-12-08","start_time":"07:30","status":"scheduled","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":1}', '8be580dc-57e0-45bd-98c5-e94474cf9061');
INSERT INTO public.audit_log VALUES ('01a25246-e20a-7139-b137-ef7cf87ad9a0', '2026-12-07 20:51:46.826414', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'teach', 'class_session', '01a25246-e205-735c-b909-8bd893d1cb03', '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.821985Z","end_time":"09:10","id":"01a25246-e205-735c-b909-8bd893d1cb03","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":null,"periods":2,"room":null,"session_date":"2026-12-08","start_time":"07:30","status":"scheduled","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":1}', '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.821985Z","end_time":"09:10","id":"01a25246-e205-735c-b909-8bd893d1cb03","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","periods":2,"room":null,"session_date":"2026-12-08","start_time":"07:30","status":"taught","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":2}', '72c6077d-9daa-4923-a27d-8910ea5205cb');
INSERT INTO public.audit_log VALUES ('01a25246-e210-7421-ad5e-6e218d46ff39', '2026-12-07 20:51:46.832423', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'class_visit', '01a25246-e20e-7549-ae56-eefc1733956d', NULL, '{"average_score":8.3,"comments":null,"created_at":"2026-12-07T20:51:46.830916Z","id":"01a25246-e20e-7549-ae56-eefc1733956d","observer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","rating_code":"kha","rating_label":"Khá","recorded_by":"01a25246-df8b-7133-a937-2a56319358ca","scores":{"content":9.0,"it_use":7.0,"method":8.5,"theory_practice":8.0,"time_management":9.0},"session_id":"01a25246-e205-735c-b909-8bd893d1cb03","total_score":41.5}', '4c0288a4-ed5d-433e-94e7-351e71bc7228');
INSERT INTO public.audit_log VALUES ('01a25246-e215-708a-b5bf-a26ad59e822b', '2026-12-07 20:51:46.837749', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'class_session', '01a25246-e214-73d4-ab84-8d5e0511c7c7', NULL, '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.836846Z","end_time":"15:10","id":"01a25246-e214-73d4-ab84-8d5e0511c7c7","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":null,"periods":2,"room":null,"session_date":"2026-12-08","start_time":"13:30","status":"scheduled","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":1}', 'f3f4577a-19f4-4c5d-8ed8-b45738b4f6a1');
INSERT INTO public.audit_log VALUES ('01a25246-e21a-7220-9dd5-338a262c45a9', '2026-12-07 20:51:46.842075', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'teach', 'class_session', '01a25246-e214-73d4-ab84-8d5e0511c7c7', '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.836846Z","end_time":"15:10","id":"01a25246-e214-73d4-ab84-8d5e0511c7c7","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":null,"periods":2,"room":null,"session_date":"2026-12-08","start_time":"13:30","status":"scheduled","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":1}', '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.836846Z","end_time":"15:10","id":"01a25246-e214-73d4-ab84-8d5e0511c7c7","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","periods":2,"room":null,"session_date":"2026-12-08","start_time":"13:30","status":"taught","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":2}', '380ef286-1fd7-4b73-b21d-897b4b2aac3c');
INSERT INTO public.audit_log VALUES ('01a25246-e21f-7787-9c6b-16346b895965', '2026-12-07 20:51:46.847777', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'class_visit', '01a25246-e21f-7787-9c6b-16331fdc9c31', NULL, '{"average_score":8.3,"comments":null,"created_at":"2026-12-07T20:51:46.847010Z","id":"01a25246-e21f-7787-9c6b-16331fdc9c31","observer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","rating_code":"kha","rating_label":"Khá","recorded_by":"01a25246-df8b-7133-a937-2a56319358ca","scores":{"content":9.0,"it_use":7.0,"method":8.5,"theory_practice":8.0,"time_management":9.0},"session_id":"01a25246-e214-73d4-ab84-8d5e0511c7c7","total_score":41.5}', '60819523-b0d6-4315-98f1-90d49a4689d4');
INSERT INTO public.audit_log VALUES ('01a25246-e224-7777-821d-384977169388', '2026-12-07 20:51:46.852936', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'class_session', '01a25246-e224-7777-821d-38482408107e', NULL, '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.852009Z","end_time":"19:40","id":"01a25246-e224-7777-821d-38482408107e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":null,"periods":2,"room":null,"session_date":"2026-12-08","start_time":"18:00","status":"scheduled","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":1}', 'a841384a-f217-47fd-bc17-191d865e246d');
INSERT INTO public.audit_log VALUES ('01a25246-e22e-74ac-b188-2be6c4bd3a7d', '2026-12-07 20:51:46.862232', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'teach', 'class_session', '01a25246-e224-7777-821d-38482408107e', '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.852009Z","end_time":"19:40","id":"01a25246-e224-7777-821d-38482408107e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":null,"periods":2,"room":null,"session_date":"2026-12-08","start_time":"18:00","status":"scheduled","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":1}', '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.852009Z","end_time":"19:40","id":"01a25246-e224-7777-821d-38482408107e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","periods":2,"room":null,"session_date":"2026-12-08","start_time":"18:00","status":"taught","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":2}', '5abc2724-1a65-4710-8dc8-2424539fb5aa');
INSERT INTO public.audit_log VALUES ('01a25246-e234-76bd-8e38-11925f8a784e', '2026-12-07 20:51:46.868821', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'class_visit', '01a25246-e233-7561-8b34-659df063d38c', NULL, '{"average_score":8.3,"comments":null,"created_at":"2026-12-07T20:51:46.867881Z","id":"01a25246-e233-7561-8b34-659df063d38c","observer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","rating_code":"kha","rating_label":"Khá","recorded_by":"01a25246-df8b-7133-a937-2a56319358ca","scores":{"content":9.0,"it_use":7.0,"method":8.5,"theory_practice":8.0,"time_management":9.0},"session_id":"01a25246-e224-7777-821d-38482408107e","total_score":41.5}', '69a5371e-672e-49c6-ad3f-87bf5b963bbd');
INSERT INTO public.audit_log VALUES ('01a25246-e239-7399-b6d5-af8c85c699f1', '2026-12-07 20:51:46.873168', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'lecturer_activity', '01a25246-e238-71b1-a43d-5616f31aa567', NULL, '{"activity_date":"2026-12-08","created_at":"2026-12-07T20:51:46.872031Z","hours":2.0,"id":"01a25246-e238-71b1-a43d-5616f31aa567","kind":"fieldwork","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","note":null,"place":null}', 'a2bac7a6-5fb7-44ce-a7dd-9e415e341020');
INSERT INTO public.audit_log VALUES ('01a25246-e23d-74ee-8e12-c129d0c6332c', '2026-12-07 20:51:46.877072', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'lecturer_activity', '01a25246-e23c-7179-97f2-94e30ef0e21b', NULL, '{"activity_date":"2026-12-08","created_at":"2026-12-07T20:51:46.876364Z","hours":2.0,"id":"01a25246-e23c-7179-97f2-94e30ef0e21b","kind":"conference","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","note":null,"place":null}', 'c6ea4f7c-9307-4401-ae8f-2e4d4475692f');
INSERT INTO public.audit_log VALUES ('01a25246-e240-7080-ac02-565a6284f80c', '2026-12-07 20:51:46.880571', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'lecturer_activity', '01a25246-e23f-76df-ae6f-fe28c0928838', NULL, '{"activity_date":"2026-12-08","created_at":"2026-12-07T20:51:46.879931Z","hours":2.0,"id":"01a25246-e23f-76df-ae6f-fe28c0928838","kind":"self_study","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","note":null,"place":null}', '0ea4b033-c88b-4c56-9ee3-0e3e93accfd4');
INSERT INTO public.audit_log VALUES ('01a25246-e245-77db-9c9f-a804e847b979', '2026-12-07 20:51:46.885533', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', NULL, '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[],"note":null,"planned_classes":0,"planned_learners":0,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.883952Z","version":1,"year":2027}', 'af4b8fe9-350a-4f6f-b472-77f9292cf74f');
INSERT INTO public.audit_log VALUES ('01a25246-e249-754b-8b21-bcceffd4ece8', '2026-12-07 20:51:46.88924', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'training_plan', '01a25246-e248-778f-b0e9-6f6ea6f197c8', NULL, '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.888397Z","decision":null,"id":"01a25246-e248-778f-b0e9-6f6ea6f197c8","lines":[],"note":null,"planned_classes":0,"planned_learners":0,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.888397Z","version":1,"year":2028}', 'fe3753fb-9069-4982-9806-85fd712c3291');
INSERT INTO public.audit_log VALUES ('01a25246-e24c-7532-a0e1-2fbb5745f491', '2026-12-07 20:51:46.892847', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'training_plan', '01a25246-e24c-7532-a0e1-2fba7ae43db0', NULL, '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.892031Z","decision":null,"id":"01a25246-e24c-7532-a0e1-2fba7ae43db0","lines":[],"note":null,"planned_classes":0,"planned_learners":0,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.892031Z","version":1,"year":2029}', '356c7084-b473-4f36-a769-a9ac95016fdd');
INSERT INTO public.audit_log VALUES ('01a25246-e252-707e-beee-54008a882292', '2026-12-07 20:51:46.898971', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'training_plan_line', '01a25246-e250-752b-ba5d-fd532f3ec0ac', NULL, '{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1}', '00f0b4de-4c9c-4439-b4f4-8a34e31d73ba');
INSERT INTO public.audit_log VALUES ('01a25246-e253-77f5-a5ec-b9b509221792', '2026-12-07 20:51:46.899883', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'update', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[],"note":null,"planned_classes":0,"planned_learners":0,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.883952Z","version":1,"year":2027}', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1}],"note":null,"planned_classes":2,"planned_learners":100,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.897426Z","version":2,"year":2027}', '00f0b4de-4c9c-4439-b4f4-8a34e31d73ba');
INSERT INTO public.audit_log VALUES ('01a25246-e259-764d-af07-d28bb99afd1d', '2026-12-07 20:51:46.905114', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'training_plan_line', '01a25246-e257-71c5-8277-d456be243ffc', NULL, '{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1}', 'a15819a9-d45c-4a5a-89c1-ef6c7db97a7c');
INSERT INTO public.audit_log VALUES ('01a25246-e25a-71a7-8df6-8926dbd8025e', '2026-12-07 20:51:46.906226', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'update', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1}],"note":null,"planned_classes":2,"planned_learners":100,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.897426Z","version":2,"year":2027}', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1}],"note":null,"planned_classes":4,"planned_learners":200,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.903785Z","version":3,"year":2027}', 'a15819a9-d45c-4a5a-89c1-ef6c7db97a7c');
INSERT INTO public.audit_log VALUES ('01a25246-e25f-705f-83ab-05606b53f42d', '2026-12-07 20:51:46.911677', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'create', 'training_plan_line', '01a25246-e25e-7003-9c57-95f10b722437', NULL, '{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}', '84275872-e2fb-4bc2-a539-c7fea1aee2fd');
INSERT INTO public.audit_log VALUES ('01a25246-e260-7045-aa08-29652263fcd5', '2026-12-07 20:51:46.912755', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'update', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1}],"note":null,"planned_classes":4,"planned_learners":200,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.903785Z","version":3,"year":2027}', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1},{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}],"note":null,"planned_classes":6,"planned_learners":300,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.910555Z","version":4,"year":2027}', '84275872-e2fb-4bc2-a539-c7fea1aee2fd');
INSERT INTO public.audit_log VALUES ('01a25246-e266-73cb-8300-50af171a573c', '2026-12-07 20:51:46.918211', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'submit', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1},{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}],"note":null,"planned_classes":6,"planned_learners":300,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.910555Z","version":4,"year":2027}', '{"allowed_actions":["appraise","return"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1},{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}],"note":null,"planned_classes":6,"planned_learners":300,"revision":1,"revision_of":null,"status":"submitted","updated_at":"2026-12-07T20:51:46.916524Z","version":5,"year":2027}', '424306ff-8db3-4fd5-8c1b-48751ebeecda');
INSERT INTO public.audit_log VALUES ('01a25246-e26b-708d-9be2-822179dda992', '2026-12-07 20:51:46.923439', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'return', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', '{"allowed_actions":["appraise","return"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1},{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}],"note":null,"planned_classes":6,"planned_learners":300,"revision":1,"revision_of":null,"status":"submitted","updated_at":"2026-12-07T20:51:46.916524Z","version":5,"year":2027}', '{"allowed_actions":["submit","revise"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1},{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}],"note":null,"planned_classes":6,"planned_learners":300,"revision":1,"revision_of":null,"status":"returned","updated_at":"2026-12-07T20:51:46.921931Z","version":6,"year":2027}', 'f3bf47ff-5589-45a6-9374-6ee6db9db916');
INSERT INTO public.audit_log VALUES ('01a25246-e270-72e8-a9f8-2f4a00cc5ca0', '2026-12-07 20:51:46.92845', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'submit', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', '{"allowed_actions":["submit","revise"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1},{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}],"note":null,"planned_classes":6,"planned_learners":300,"revision":1,"revision_of":null,"status":"returned","updated_at":"2026-12-07T20:51:46.921931Z","version":6,"year":2027}', '{"allowed_actions":["appraise","return"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1},{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}],"note":null,"planned_classes":6,"planned_learners":300,"revision":1,"revision_of":null,"status":"submitted","updated_at":"2026-12-07T20:51:46.926961Z","version":7,"year":2027}', '80905113-b967-4d6e-bfac-603b033ad18b');
INSERT INTO public.audit_log VALUES ('01a25246-e2a9-76ce-bfce-7ee83f5c7d12', '2026-12-07 20:51:46.985431', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'user', '01a25246-e2a8-719a-a844-77bc4b91eb96', NULL, '{"active":true,"created_at":"2026-12-07T20:51:46.984660Z","deactivated_at":null,"display_name":"Người dùng walk.0","id":"01a25246-e2a8-719a-a844-77bc4b91eb96","role":"center_admin","scope":"01a25246-de3f-739c-9350-b813bc15b2b5","updated_at":"2026-12-07T20:51:46.984660Z","username":"walk.0","version":1}', '868eafc8-4fbe-46df-a0e9-b6874ae78f82');
INSERT INTO public.audit_log VALUES ('01a25246-e2ae-750e-8d00-e9cc30d6caa9', '2026-12-07 20:51:46.990749', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'approval_grant', '01a25246-e2ad-7181-841d-b2e5c353ae17', NULL, '{"created_at":"2026-12-07T20:51:46.989885Z","district_id":"01a25246-de3d-717d-b8f8-8820b34ae0e6","granted_by":"01a25246-deb4-741e-8572-31b6ede0154b","id":"01a25246-e2ad-7181-841d-b2e5c353ae17","revoked_at":null,"user_id":"01a25246-e2a8-719a-a844-77bc4b91eb96"}', 'f2c9495c-2cb0-4e47-a07d-792dc4778704');
INSERT INTO public.audit_log VALUES ('01a25246-e2b2-77a3-8cbd-dc1b06033fac', '2026-12-07 20:51:46.994456', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'service_client', '01a25246-e2b1-72d5-8290-2359a89e7120', NULL, '{"access":"read_only","created_at":"2026-12-07T20:51:46.993592Z","id":"01a25246-e2b1-72d5-8290-2359a89e7120","name":"Hệ thống 0","revoked_at":null,"scope":"01a25246-dda2-7252-b108-bd1c1109a973","updated_at":"2026-12-07T20:51:46.993592Z","version":1}', '18d83c79-9138-4ce7-88d1-bbd2aa34b26a');
INSERT INTO public.audit_log VALUES ('01a25246-e2b8-72a7-a33d-8a5da150cc38', '2026-12-07 20:51:47.000348', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'party_organization', '01a25246-e2b6-7128-8bc1-a8fd7af9617b', NULL, '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-0","committee_id":"01a25246-de40-7729-acad-72d046d5984c","created_at":"2026-12-07T20:51:46.998843Z","external_id":null,"id":"01a25246-e2b6-7128-8bc1-a8fd7af9617b","kind":"party_cell","name":"Chi bộ 0","parent_id":null,"updated_at":"2026-12-07T20:51:46.998843Z","valid_from":null,"valid_to":null,"version":1}', '74dc84ca-2e6e-46ce-95c2-7183c5f5d64e');
INSERT INTO public.audit_log VALUES ('01a25246-e2ee-73a4-ac12-f12896ba1730', '2026-12-07 20:51:47.054068', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'user', '01a25246-e2ed-76a9-ac9e-8af6ae685e6c', NULL, '{"active":true,"created_at":"2026-12-07T20:51:47.053160Z","deactivated_at":null,"display_name":"Người dùng walk.1","id":"01a25246-e2ed-76a9-ac9e-8af6ae685e6c","role":"center_admin","scope":"01a25246-de3f-739c-9350-b813bc15b2b5","updated_at":"2026-12-07T20:51:47.053160Z","username":"walk.1","version":1}', '105b3304-f279-42fc-a626-3147b47fde56');
INSERT INTO public.audit_log VALUES ('01a25246-e2f2-77c6-b15a-55e37ca77a8d', '2026-12-07 20:51:47.058434', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'approval_grant', '01a25246-e2f2-77c6-b15a-55e2df520637', NULL, '{"created_at":"2026-12-07T20:51:47.058033Z","district_id":"01a25246-de3d-717d-b8f8-8820b34ae0e6","granted_by":"01a25246-deb4-741e-8572-31b6ede0154b","id":"01a25246-e2f2-77c6-b15a-55e2df520637","revoked_at":null,"user_id":"01a25246-e2ed-76a9-ac9e-8af6ae685e6c"}', 'ede4d48f-d9ec-4515-8e8b-1276a0d2109e');
INSERT INTO public.audit_log VALUES ('01a25246-e2f5-7318-b3a6-32ac561bda3a', '2026-12-07 20:51:47.061326', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'service_client', '01a25246-e2f4-76cf-8b6d-2a48cc01c502', NULL, '{"access":"read_only","created_at":"2026-12-07T20:51:47.060985Z","id":"01a25246-e2f4-76cf-8b6d-2a48cc01c502","name":"Hệ thống 1","revoked_at":null,"scope":"01a25246-dda2-7252-b108-bd1c1109a973","updated_at":"2026-12-07T20:51:47.060985Z","version":1}', '283e2217-7908-45d0-a558-a0d0dbed18da');
INSERT INTO public.audit_log VALUES ('01a25246-e2fa-71a4-8ed9-e85734eaad35', '2026-12-07 20:51:47.066777', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'party_organization', '01a25246-e2f8-73dd-9fa3-4132bc196ce3', NULL, '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","committee_id":"01a25246-de40-7729-acad-72d046d5984c","created_at":"2026-12-07T20:51:47.064990Z","external_id":null,"id":"01a25246-e2f8-73dd-9fa3-4132bc196ce3","kind":"party_cell","name":"Chi bộ 1","parent_id":null,"updated_at":"2026-12-07T20:51:47.064990Z","valid_from":null,"valid_to":null,"version":1}', 'c95b5e11-2239-4d06-ae6e-6a756737b6ee');
INSERT INTO public.audit_log VALUES ('01a25246-e32d-75c4-bb26-ea41b825c28d', '2026-12-07 20:51:47.117463', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'user', '01a25246-e32c-7016-b66d-ff08a2e4270d', NULL, '{"active":true,"created_at":"2026-12-07T20:51:47.116653Z","deactivated_at":null,"display_name":"Người dùng walk.2","id":"01a25246-e32c-7016-b66d-ff08a2e4270d","role":"center_admin","scope":"01a25246-de3f-739c-9350-b813bc15b2b5","updated_at":"2026-12-07T20:51:47.116653Z","username":"walk.2","version":1}', 'a6a8378a-1f01-4ae0-8e5e-51484ccc9f4c');
INSERT INTO public.audit_log VALUES ('01a25246-e332-7522-ab36-50bfc2582396', '2026-12-07 20:51:47.122051', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'approval_grant', '01a25246-e331-779a-948d-52f93f76de01', NULL, '{"created_at":"2026-12-07T20:51:47.121558Z","district_id":"01a25246-de3d-717d-b8f8-8820b34ae0e6","granted_by":"01a25246-deb4-741e-8572-31b6ede0154b","id":"01a25246-e331-779a-948d-52f93f76de01","revoked_at":null,"user_id":"01a25246-e32c-7016-b66d-ff08a2e4270d"}', 'b58d2fe0-b8af-4b28-8b8c-7da8b36e9347');
INSERT INTO public.audit_log VALUES ('01a25246-e335-75f3-8124-b4a9318f4639', '2026-12-07 20:51:47.125402', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'service_client', '01a25246-e334-7588-8e7d-41729edba8a5', NULL, '{"access":"read_only","created_at":"2026-12-07T20:51:47.124983Z","id":"01a25246-e334-7588-8e7d-41729edba8a5","name":"Hệ thống 2","revoked_at":null,"scope":"01a25246-dda2-7252-b108-bd1c1109a973","updated_at":"2026-12-07T20:51:47.124983Z","version":1}', '007b4ed6-1121-4cb3-9f84-dd9641b7d6d9');
INSERT INTO public.audit_log VALUES ('01a25246-e33b-72ad-933d-ed179b9dd56f', '2026-12-07 20:51:47.131', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'party_organization', '01a25246-e339-7292-81ed-ff0c23337fd3', NULL, '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","committee_id":"01a25246-de40-7729-acad-72d046d5984c","created_at":"2026-12-07T20:51:47.129307Z","external_id":null,"id":"01a25246-e339-7292-81ed-ff0c23337fd3","kind":"party_cell","name":"Chi bộ 2","parent_id":null,"updated_at":"2026-12-07T20:51:47.129307Z","valid_from":null,"valid_to":null,"version":1}', '8bcf7971-e64c-4127-97c0-78927dac8f4a');
INSERT INTO public.audit_log VALUES ('01a25246-e341-76b8-aaf4-6b78b1adbfa3', '2026-12-07 20:51:47.137554', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'policy_version', '01a25246-e340-70ed-8a9e-fdadcbe7e819', NULL, '{"created_at":"2026-12-07T20:51:47.136281Z","created_by":"01a25246-deb4-741e-8572-31b6ede0154b","effective_from":"2090-01-01","effective_to":null,"id":"01a25246-e340-70ed-8a9e-fdadcbe7e819","note":null,"values":{"certificate_issue_deadline_days":15,"certificate_number_format":"{issuer}/{year}/{serial:06}","certificate_validity_months":60,"grade_bands":[{"code":"trung_binh","from":5.0,"label":"Trung bình"},{"code":"kha","from":7.0,"label":"Khá"},{"code":"gioi","from":8.0,"label":"Giỏi"},{"code":"xuat_sac","from":9.0,"label":"Xuất sắc"}],"hours_per_period":1.0,"min_attendance_ratio":0.8,"min_class_size":10,"new_member_window_months":12,"observation":{"criteria":[{"code":"content","label":"Nội dung"},{"code":"method","label":"Phương pháp"},{"code":"theory_practice","label":"Liên hệ lý luận với thực tiễn"},{"code":"it_use","label":"Ứng dụng công nghệ thông tin"},{"code":"time_management","label":"Quản lý thời gian"}],"rating_bands":[{"code":"chua_dat","from":0.0,"label":"Chưa đạt yêu cầu"},{"code":"dat","from":5.0,"label":"Đạt yêu cầu"},{"code":"kha","from":7.0,"label":"Khá"},{"code":"gioi","from":8.5,"label":"Giỏi"}],"scale_max":10.0},"passing_score":5.0,"retake_limit":1,"teaching_norms":[{"lecturing_hours":30,"position":"director","total_hours":40},{"lecturing_hours":40,"position":"deputy_director","total_hours":60},{"lecturing_hours":90,"position":"full_time_lecturer","total_hours":120}]}}', 'b007fb55-4b4a-4e37-8e06-78e2fe149c99');
INSERT INTO public.audit_log VALUES ('01a25246-e346-7478-8f2b-9adca91b6562', '2026-12-07 20:51:47.142595', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'policy_version', '01a25246-e345-72ae-8b15-8831609a2a16', NULL, '{"created_at":"2026-12-07T20:51:47.141537Z","created_by":"01a25246-deb4-741e-8572-31b6ede0154b","effective_from":"2095-01-01","effective_to":null,"id":"01a25246-e345-72ae-8b15-8831609a2a16","note":null,"values":{"certificate_issue_deadline_days":15,"certificate_number_format":"{issuer}/{year}/{serial:06}","certificate_validity_months":60,"grade_bands":[{"code":"trung_binh","from":5.0,"label":"Trung bình"},{"code":"kha","from":7.0,"label":"Khá"},{"code":"gioi","from":8.0,"label":"Giỏi"},{"code":"xuat_sac","from":9.0,"label":"Xuất sắc"}],"hours_per_period":1.0,"min_attendance_ratio":0.8,"min_class_size":10,"new_member_window_months":12,"observation":{"criteria":[{"code":"content","label":"Nội dung"},{"code":"method","label":"Phương pháp"},{"code":"theory_practice","label":"Liên hệ lý luận với thực tiễn"},{"code":"it_use","label":"Ứng dụng công nghệ thông tin"},{"code":"time_management","label":"Quản lý thời gian"}],"rating_bands":[{"code":"chua_dat","from":0.0,"label":"Chưa đạt yêu cầu"},{"code":"dat","from":5.0,"label":"Đạt yêu cầu"},{"code":"kha","from":7.0,"label":"Khá"},{"code":"gioi","from":8.5,"label":"Giỏi"}],"scale_max":10.0},"passing_score":5.0,"retake_limit":1,"teaching_norms":[{"lecturing_hours":30,"position":"director","total_hours":40},{"lecturing_hours":40,"position":"deputy_director","total_hours":60},{"lecturing_hours":90,"position":"full_time_lecturer","total_hours":120}]}}', 'efebe890-8e61-4b11-8b7e-bba5429f0851');
INSERT INTO public.audit_log VALUES ('01a25246-e34a-735e-ac21-1e55fce60004', '2026-12-07 20:51:47.14687', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'create', 'policy_version', '01a25246-e349-74cf-b14f-9620a088f564', NULL, '{"created_at":"2026-12-07T20:51:47.145809Z","created_by":"01a25246-deb4-741e-8572-31b6ede0154b","effective_from":"2099-01-01","effective_to":null,"id":"01a25246-e349-74cf-b14f-9620a088f564","note":null,"values":{"certificate_issue_deadline_days":15,"certificate_number_format":"{issuer}/{year}/{serial:06}","certificate_validity_months":60,"grade_bands":[{"code":"trung_binh","from":5.0,"label":"Trung bình"},{"code":"kha","from":7.0,"label":"Khá"},{"code":"gioi","from":8.0,"label":"Giỏi"},{"code":"xuat_sac","from":9.0,"label":"Xuất sắc"}],"hours_per_period":1.0,"min_attendance_ratio":0.8,"min_class_size":10,"new_member_window_months":12,"observation":{"criteria":[{"code":"content","label":"Nội dung"},{"code":"method","label":"Phương pháp"},{"code":"theory_practice","label":"Liên hệ lý luận với thực tiễn"},{"code":"it_use","label":"Ứng dụng công nghệ thông tin"},{"code":"time_management","label":"Quản lý thời gian"}],"rating_bands":[{"code":"chua_dat","from":0.0,"label":"Chưa đạt yêu cầu"},{"code":"dat","from":5.0,"label":"Đạt yêu cầu"},{"code":"kha","from":7.0,"label":"Khá"},{"code":"gioi","from":8.5,"label":"Giỏi"}],"scale_max":10.0},"passing_score":5.0,"retake_limit":1,"teaching_norms":[{"lecturing_hours":30,"position":"director","total_hours":40},{"lecturing_hours":40,"position":"deputy_director","total_hours":60},{"lecturing_hours":90,"position":"full_time_lecturer","total_hours":120}]}}', '372475ef-b8e2-4ff3-8406-c6ff2c3d688c');
INSERT INTO public.audit_log VALUES ('01a25246-e4c2-7676-a224-2f0dbd25b806', '2026-12-07 20:51:47.522549', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'complete', 'class', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', '{"allowed_actions":["complete","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","created_at":"2026-12-07T20:51:46.799404Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","location":null,"mode":"concentrated","name":"Lớp WALK-2","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"in_progress","term":null,"updated_at":"2026-12-07T20:51:46.816846Z","version":3,"year":2026}', '{"allowed_actions":[],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","created_at":"2026-12-07T20:51:46.799404Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","location":null,"mode":"concentrated","name":"Lớp WALK-2","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":{"date":"2026-12-08","number":"02/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"start_date":"2026-12-08","status":"completed","term":null,"updated_at":"2026-12-07T20:51:47.519442Z","version":4,"year":2026}', 'b78b5ae9-8568-419a-ab2c-ffb101f57bcc');


--
-- Data for Name: certificate_counters; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.certificate_counters VALUES ('01a25246-de3f-739c-9350-b813bc15b2b5', 2026, 1);


--
-- Data for Name: certificates; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.certificates VALUES ('01a25246-e1a2-71d1-8b38-40af916a29a0', '01a25246-e100-7390-8e8b-ed1076e15f27', '01a25246-de3f-739c-9350-b813bc15b2b5', '01a25246-de67-7586-93b3-e9b9067ebdad', 2026, 1, 0, '406/2026/000001', '2026-12-08', 'Giám đốc Nguyễn Văn Hùng', '2031-12-08', NULL, '2026-12-07 20:51:46.728065', '2026-12-07 20:51:46.722764', '70XAESP995CH', '01a25246-de3f-739c-9350-b813bc15b2b5');
INSERT INTO public.certificates VALUES ('01a25246-e1a8-7106-b64a-01d9259ecb56', '01a25246-e100-7390-8e8b-ed1076e15f27', '01a25246-de3f-739c-9350-b813bc15b2b5', '01a25246-de67-7586-93b3-e9b9067ebdad', 2026, 1, 1, '406/2026/000001-1', '2026-12-08', 'Giám đốc Nguyễn Văn Hùng', '2031-12-08', 'Sai ngày sinh', '2026-12-07 20:51:46.733257', '2026-12-07 20:51:46.728608', 'Q0XRQ0PC0ENT', '01a25246-de3f-739c-9350-b813bc15b2b5');
INSERT INTO public.certificates VALUES ('01a25246-e1ad-7001-ba52-7f0f8fa0e226', '01a25246-e100-7390-8e8b-ed1076e15f27', '01a25246-de3f-739c-9350-b813bc15b2b5', '01a25246-de67-7586-93b3-e9b9067ebdad', 2026, 1, 2, '406/2026/000001-2', '2026-12-08', 'Giám đốc Nguyễn Văn Hùng', '2031-12-08', 'Sai quê quán', NULL, '2026-12-07 20:51:46.733792', 'Q79ADDME9VYG', '01a25246-de3f-739c-9350-b813bc15b2b5');


--
-- Data for Name: change_counter; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.change_counter VALUES (1, 98);


--
-- Data for Name: change_events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.change_events VALUES (1, '2026-12-07 20:51:46.188428', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"active":true,"created_at":"2026-12-07T20:51:46.187414Z","deactivated_at":null,"display_name":"Người dùng ca.a","id":"01a25246-df8b-7133-a937-2a56319358ca","role":"center_admin","scope":"01a25246-de3f-739c-9350-b813bc15b2b5","updated_at":"2026-12-07T20:51:46.187414Z","username":"ca.a","version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (2, '2026-12-07 20:51:46.248458', 'user', '01a25246-dfc7-733f-b312-1aaaa8b663b4', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddac-772e-a32a-c20909a664b9/01a25246-ddb1-776c-aa0c-d3e76867ec04/', '{"active":true,"created_at":"2026-12-07T20:51:46.247305Z","deactivated_at":null,"display_name":"Người dùng ca.b","id":"01a25246-dfc7-733f-b312-1aaaa8b663b4","role":"center_admin","scope":"01a25246-ddb1-776c-aa0c-d3e76867ec04","updated_at":"2026-12-07T20:51:46.247305Z","username":"ca.b","version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (3, '2026-12-07 20:51:46.255634', 'party_organization', '01a25246-dfcd-7417-b5da-f121fba1be0a', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"CB-1","committee_id":"01a25246-de40-7729-acad-72d046d5984c","created_at":"2026-12-07T20:51:46.253560Z","external_id":null,"id":"01a25246-dfcd-7417-b5da-f121fba1be0a","kind":"party_cell","name":"Chi bộ thôn 1","parent_id":null,"updated_at":"2026-12-07T20:51:46.253560Z","valid_from":null,"valid_to":null,"version":1}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (4, '2026-12-07 20:51:46.31268', 'user', '01a25246-e007-77bf-9dd8-48a4eea8a4e1', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"active":true,"created_at":"2026-12-07T20:51:46.311875Z","deactivated_at":null,"display_name":"Người dùng po.a","id":"01a25246-e007-77bf-9dd8-48a4eea8a4e1","role":"party_org","scope":"01a25246-dfcd-7417-b5da-f121fba1be0a","updated_at":"2026-12-07T20:51:46.311875Z","username":"po.a","version":1}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (5, '2026-12-07 20:51:46.540854', 'class', '01a25246-e0e8-777c-ad12-2c042774fcb3', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["open","cancel"],"capacity":50,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","created_at":"2026-12-07T20:51:46.536274Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e0e8-777c-ad12-2c042774fcb3","location":null,"mode":"concentrated","name":"Lớp WALK-1","opening_decision":null,"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"planned","term":null,"updated_at":"2026-12-07T20:51:46.536274Z","version":1,"year":2026}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (6, '2026-12-07 20:51:46.549354', 'class', '01a25246-e0e8-777c-ad12-2c042774fcb3', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["start","cancel"],"capacity":50,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","created_at":"2026-12-07T20:51:46.536274Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e0e8-777c-ad12-2c042774fcb3","location":null,"mode":"concentrated","name":"Lớp WALK-1","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"open","term":null,"updated_at":"2026-12-07T20:51:46.545565Z","version":2,"year":2026}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (7, '2026-12-07 20:51:46.555684', 'learner', '01a25246-e0fa-76cc-913b-d1c8a330775f', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"admission_date":null,"birth_date":"1995-04-12","created_at":"2026-12-07T20:51:46.554049Z","ethnicity":"Kinh","external_id":null,"full_name":"Lê Thị Mai WALK-1 0","gender":"female","id":"01a25246-e0fa-76cc-913b-d1c8a330775f","national_id":null,"party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","party_status":"non_member","position":null,"updated_at":"2026-12-07T20:51:46.554049Z","version":1,"workplace":null}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (8, '2026-12-07 20:51:46.561802', 'enrollment', '01a25246-e100-7390-8e8b-ed1076e15f27', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"allowed_actions":["approve","reject"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.560268Z","id":"01a25246-e100-7390-8e8b-ed1076e15f27","learner_id":"01a25246-e0fa-76cc-913b-d1c8a330775f","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"nominated","updated_at":"2026-12-07T20:51:46.560268Z","version":1}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (9, '2026-12-07 20:51:46.569793', 'enrollment', '01a25246-e100-7390-8e8b-ed1076e15f27', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"allowed_actions":["enroll","withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.560268Z","id":"01a25246-e100-7390-8e8b-ed1076e15f27","learner_id":"01a25246-e0fa-76cc-913b-d1c8a330775f","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"approved","updated_at":"2026-12-07T20:51:46.568634Z","version":2}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (10, '2026-12-07 20:51:46.574293', 'enrollment', '01a25246-e100-7390-8e8b-ed1076e15f27', 'update', 3, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"allowed_actions":["withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.560268Z","id":"01a25246-e100-7390-8e8b-ed1076e15f27","learner_id":"01a25246-e0fa-76cc-913b-d1c8a330775f","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"enrolled","updated_at":"2026-12-07T20:51:46.573214Z","version":3}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (74, '2026-12-07 20:51:46.898971', 'training_plan_line', '01a25246-e250-752b-ba5d-fd532f3ec0ac', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (11, '2026-12-07 20:51:46.578703', 'learner', '01a25246-e111-7780-b502-b8914c43410e', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"admission_date":null,"birth_date":"1995-04-12","created_at":"2026-12-07T20:51:46.577568Z","ethnicity":"Kinh","external_id":null,"full_name":"Lê Thị Mai WALK-1 1","gender":"female","id":"01a25246-e111-7780-b502-b8914c43410e","national_id":null,"party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","party_status":"non_member","position":null,"updated_at":"2026-12-07T20:51:46.577568Z","version":1,"workplace":null}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (12, '2026-12-07 20:51:46.584508', 'enrollment', '01a25246-e117-77fc-8a23-9573d02380e3', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"allowed_actions":["approve","reject"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.583793Z","id":"01a25246-e117-77fc-8a23-9573d02380e3","learner_id":"01a25246-e111-7780-b502-b8914c43410e","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"nominated","updated_at":"2026-12-07T20:51:46.583793Z","version":1}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (13, '2026-12-07 20:51:46.591777', 'enrollment', '01a25246-e117-77fc-8a23-9573d02380e3', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"allowed_actions":["enroll","withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.583793Z","id":"01a25246-e117-77fc-8a23-9573d02380e3","learner_id":"01a25246-e111-7780-b502-b8914c43410e","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"approved","updated_at":"2026-12-07T20:51:46.590705Z","version":2}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (14, '2026-12-07 20:51:46.596244', 'enrollment', '01a25246-e117-77fc-8a23-9573d02380e3', 'update', 3, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"allowed_actions":["withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.583793Z","id":"01a25246-e117-77fc-8a23-9573d02380e3","learner_id":"01a25246-e111-7780-b502-b8914c43410e","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"enrolled","updated_at":"2026-12-07T20:51:46.595161Z","version":3}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (15, '2026-12-07 20:51:46.601604', 'learner', '01a25246-e128-7717-a95d-a66045e637b1', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"admission_date":null,"birth_date":"1995-04-12","created_at":"2026-12-07T20:51:46.600560Z","ethnicity":"Kinh","external_id":null,"full_name":"Lê Thị Mai WALK-1 2","gender":"female","id":"01a25246-e128-7717-a95d-a66045e637b1","national_id":null,"party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","party_status":"non_member","position":null,"updated_at":"2026-12-07T20:51:46.600560Z","version":1,"workplace":null}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (16, '2026-12-07 20:51:46.606575', 'enrollment', '01a25246-e12d-726b-8ea9-695574ed87dd', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"allowed_actions":["approve","reject"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.605809Z","id":"01a25246-e12d-726b-8ea9-695574ed87dd","learner_id":"01a25246-e128-7717-a95d-a66045e637b1","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"nominated","updated_at":"2026-12-07T20:51:46.605809Z","version":1}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (17, '2026-12-07 20:51:46.614099', 'enrollment', '01a25246-e12d-726b-8ea9-695574ed87dd', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"allowed_actions":["enroll","withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.605809Z","id":"01a25246-e12d-726b-8ea9-695574ed87dd","learner_id":"01a25246-e128-7717-a95d-a66045e637b1","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"approved","updated_at":"2026-12-07T20:51:46.612810Z","version":2}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (18, '2026-12-07 20:51:46.619056', 'enrollment', '01a25246-e12d-726b-8ea9-695574ed87dd', 'update', 3, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"allowed_actions":["withdraw"],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.605809Z","id":"01a25246-e12d-726b-8ea9-695574ed87dd","learner_id":"01a25246-e128-7717-a95d-a66045e637b1","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"enrolled","updated_at":"2026-12-07T20:51:46.617904Z","version":3}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (19, '2026-12-07 20:51:46.625193', 'class', '01a25246-e0e8-777c-ad12-2c042774fcb3', 'update', 3, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["complete","cancel"],"capacity":50,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","created_at":"2026-12-07T20:51:46.536274Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e0e8-777c-ad12-2c042774fcb3","location":null,"mode":"concentrated","name":"Lớp WALK-1","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"in_progress","term":null,"updated_at":"2026-12-07T20:51:46.622587Z","version":3,"year":2026}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (20, '2026-12-07 20:51:46.630575', 'lecturer', '01a25246-e144-747b-9627-3fe89d7a5b07', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"active_from":null,"active_to":null,"created_at":"2026-12-07T20:51:46.628790Z","degree":null,"external_id":null,"full_name":"Giảng viên WALK-1","id":"01a25246-e144-747b-9627-3fe89d7a5b07","kind":"full_time","leadership_post":null,"organization_id":"01a25246-de3f-739c-9350-b813bc15b2b5","position":"lecturer","subjects":[],"theory_level":null,"updated_at":"2026-12-07T20:51:46.628790Z","user_id":null,"version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (21, '2026-12-07 20:51:46.641227', 'lesson_plan', '01a25246-e14f-7326-ba67-24dabb329a5f', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["submit"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.639539Z","id":"01a25246-e14f-7326-ba67-24dabb329a5f","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"draft","superseded_on":null,"title":"Bài 1","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.639539Z","uses_it":false,"version":1,"version_no":1}', NULL, '01a25246-e144-747b-9627-3fe89d7a5b07', NULL);
INSERT INTO public.change_events VALUES (22, '2026-12-07 20:51:46.648023', 'lesson_plan', '01a25246-e14f-7326-ba67-24dabb329a5f', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["appraise","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.639539Z","id":"01a25246-e14f-7326-ba67-24dabb329a5f","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"submitted","superseded_on":null,"title":"Bài 1","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.646636Z","uses_it":false,"version":2,"version_no":1}', NULL, '01a25246-e144-747b-9627-3fe89d7a5b07', NULL);
INSERT INTO public.change_events VALUES (23, '2026-12-07 20:51:46.65355', 'lesson_plan', '01a25246-e14f-7326-ba67-24dabb329a5f', 'update', 3, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["approve","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.639539Z","id":"01a25246-e14f-7326-ba67-24dabb329a5f","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"appraised","superseded_on":null,"title":"Bài 1","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.652412Z","uses_it":false,"version":3,"version_no":1}', NULL, '01a25246-e144-747b-9627-3fe89d7a5b07', NULL);
INSERT INTO public.change_events VALUES (24, '2026-12-07 20:51:46.658868', 'lesson_plan', '01a25246-e14f-7326-ba67-24dabb329a5f', 'update', 4, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":[],"approved_by":"01a25246-df8b-7133-a937-2a56319358ca","approved_on":"2026-12-08","attachments":[],"created_at":"2026-12-07T20:51:46.639539Z","id":"01a25246-e14f-7326-ba67-24dabb329a5f","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"approved","superseded_on":null,"title":"Bài 1","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.657289Z","uses_it":false,"version":4,"version_no":1}', NULL, '01a25246-e144-747b-9627-3fe89d7a5b07', NULL);
INSERT INTO public.change_events VALUES (25, '2026-12-07 20:51:46.666453', 'class_session', '01a25246-e168-75cc-afb4-b5177c97b5cf', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.664643Z","end_time":"10:50","id":"01a25246-e168-75cc-afb4-b5177c97b5cf","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","lesson_plan_id":null,"periods":4,"room":null,"session_date":"2026-12-08","start_time":"07:30","status":"scheduled","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":1}', NULL, '01a25246-e144-747b-9627-3fe89d7a5b07', NULL);
INSERT INTO public.change_events VALUES (26, '2026-12-07 20:51:46.672158', 'class_session', '01a25246-e168-75cc-afb4-b5177c97b5cf', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.664643Z","end_time":"10:50","id":"01a25246-e168-75cc-afb4-b5177c97b5cf","lecturer_id":"01a25246-e144-747b-9627-3fe89d7a5b07","lesson_plan_id":"01a25246-e14f-7326-ba67-24dabb329a5f","periods":4,"room":null,"session_date":"2026-12-08","start_time":"07:30","status":"taught","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":2}', NULL, '01a25246-e144-747b-9627-3fe89d7a5b07', NULL);
INSERT INTO public.change_events VALUES (27, '2026-12-07 20:51:46.680909', 'session_attendance', '01a25246-e168-75cc-afb4-b5177c97b5cf', 'update', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"records":[{"enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","status":"present"},{"enrollment_id":"01a25246-e117-77fc-8a23-9573d02380e3","status":"present"},{"enrollment_id":"01a25246-e12d-726b-8ea9-695574ed87dd","status":"present"}]}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (28, '2026-12-07 20:51:46.688603', 'enrollment_result', '01a25246-e100-7390-8e8b-ed1076e15f27', 'update', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"attendance_ratio":1.0,"comment":null,"conduct":"good","conduct_label":"Tốt","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","final_score":7.0,"grade_code":"kha","grade_label":"Khá","passed":true,"retake_score":null,"score":7.0,"version":1}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (29, '2026-12-07 20:51:46.694802', 'enrollment_result', '01a25246-e117-77fc-8a23-9573d02380e3', 'update', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"attendance_ratio":1.0,"comment":null,"conduct":"good","conduct_label":"Tốt","enrollment_id":"01a25246-e117-77fc-8a23-9573d02380e3","final_score":7.0,"grade_code":"kha","grade_label":"Khá","passed":true,"retake_score":null,"score":7.0,"version":1}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (30, '2026-12-07 20:51:46.700673', 'enrollment_result', '01a25246-e12d-726b-8ea9-695574ed87dd', 'update', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"attendance_ratio":1.0,"comment":null,"conduct":"good","conduct_label":"Tốt","enrollment_id":"01a25246-e12d-726b-8ea9-695574ed87dd","final_score":7.0,"grade_code":"kha","grade_label":"Khá","passed":true,"retake_score":null,"score":7.0,"version":1}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (31, '2026-12-07 20:51:46.708201', 'enrollment', '01a25246-e100-7390-8e8b-ed1076e15f27', 'update', 4, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"allowed_actions":[],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.560268Z","id":"01a25246-e100-7390-8e8b-ed1076e15f27","learner_id":"01a25246-e0fa-76cc-913b-d1c8a330775f","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"completed","updated_at":"2026-12-07T20:51:46.707200Z","version":4}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (32, '2026-12-07 20:51:46.710272', 'enrollment', '01a25246-e117-77fc-8a23-9573d02380e3', 'update', 4, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"allowed_actions":[],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.583793Z","id":"01a25246-e117-77fc-8a23-9573d02380e3","learner_id":"01a25246-e111-7780-b502-b8914c43410e","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"completed","updated_at":"2026-12-07T20:51:46.709328Z","version":4}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (33, '2026-12-07 20:51:46.712392', 'enrollment', '01a25246-e12d-726b-8ea9-695574ed87dd', 'update', 4, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"allowed_actions":[],"class_id":"01a25246-e0e8-777c-ad12-2c042774fcb3","created_at":"2026-12-07T20:51:46.605809Z","id":"01a25246-e12d-726b-8ea9-695574ed87dd","learner_id":"01a25246-e128-7717-a95d-a66045e637b1","nominated_by":"01a25246-df8b-7133-a937-2a56319358ca","party_organization_id":"01a25246-dfcd-7417-b5da-f121fba1be0a","reason":null,"status":"completed","updated_at":"2026-12-07T20:51:46.711464Z","version":4}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (34, '2026-12-07 20:51:46.714122', 'class', '01a25246-e0e8-777c-ad12-2c042774fcb3', 'update', 4, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":[],"capacity":50,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","created_at":"2026-12-07T20:51:46.536274Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e0e8-777c-ad12-2c042774fcb3","location":null,"mode":"concentrated","name":"Lớp WALK-1","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":{"date":"2026-12-08","number":"02/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"start_date":"2026-12-08","status":"completed","term":null,"updated_at":"2026-12-07T20:51:46.703547Z","version":4,"year":2026}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (35, '2026-12-07 20:51:46.724083', 'certificate', '01a25246-e1a2-71d1-8b38-40af916a29a0', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","id":"01a25246-e1a2-71d1-8b38-40af916a29a0","issue_date":"2026-12-08","issuer_id":"01a25246-de3f-739c-9350-b813bc15b2b5","number":"406/2026/000001","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","reason":null,"replaced_at":null,"serial":1,"signer":"Giám đốc Nguyễn Văn Hùng","suffix":0,"valid_until":"2031-12-08","verification_code":"70XAESP995CH","year":2026}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (36, '2026-12-07 20:51:46.729562', 'certificate', '01a25246-e1a2-71d1-8b38-40af916a29a0', 'update', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","id":"01a25246-e1a2-71d1-8b38-40af916a29a0","issue_date":"2026-12-08","issuer_id":"01a25246-de3f-739c-9350-b813bc15b2b5","number":"406/2026/000001","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","reason":null,"replaced_at":"2026-12-07T20:51:46.728065Z","serial":1,"signer":"Giám đốc Nguyễn Văn Hùng","suffix":0,"valid_until":"2031-12-08","verification_code":"70XAESP995CH","year":2026}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (37, '2026-12-07 20:51:46.729562', 'certificate', '01a25246-e1a8-7106-b64a-01d9259ecb56', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","id":"01a25246-e1a8-7106-b64a-01d9259ecb56","issue_date":"2026-12-08","issuer_id":"01a25246-de3f-739c-9350-b813bc15b2b5","number":"406/2026/000001-1","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","reason":"Sai ngày sinh","replaced_at":null,"serial":1,"signer":"Giám đốc Nguyễn Văn Hùng","suffix":1,"valid_until":"2031-12-08","verification_code":"Q0XRQ0PC0ENT","year":2026}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (38, '2026-12-07 20:51:46.734861', 'certificate', '01a25246-e1a8-7106-b64a-01d9259ecb56', 'update', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","id":"01a25246-e1a8-7106-b64a-01d9259ecb56","issue_date":"2026-12-08","issuer_id":"01a25246-de3f-739c-9350-b813bc15b2b5","number":"406/2026/000001-1","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","reason":"Sai ngày sinh","replaced_at":"2026-12-07T20:51:46.733257Z","serial":1,"signer":"Giám đốc Nguyễn Văn Hùng","suffix":1,"valid_until":"2031-12-08","verification_code":"Q0XRQ0PC0ENT","year":2026}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (39, '2026-12-07 20:51:46.734861', 'certificate', '01a25246-e1ad-7001-ba52-7f0f8fa0e226', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","enrollment_id":"01a25246-e100-7390-8e8b-ed1076e15f27","id":"01a25246-e1ad-7001-ba52-7f0f8fa0e226","issue_date":"2026-12-08","issuer_id":"01a25246-de3f-739c-9350-b813bc15b2b5","number":"406/2026/000001-2","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","reason":"Sai quê quán","replaced_at":null,"serial":1,"signer":"Giám đốc Nguyễn Văn Hùng","suffix":2,"valid_until":"2031-12-08","verification_code":"Q79ADDME9VYG","year":2026}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (40, '2026-12-07 20:51:46.738233', 'lecturer', '01a25246-e1b1-7572-b0ff-5690742ee1f3', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"active_from":null,"active_to":null,"created_at":"2026-12-07T20:51:46.737472Z","degree":null,"external_id":null,"full_name":"Nguyễn Văn Hoa","id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","kind":"full_time","leadership_post":null,"organization_id":"01a25246-de3f-739c-9350-b813bc15b2b5","position":"lecturer","subjects":[],"theory_level":null,"updated_at":"2026-12-07T20:51:46.737472Z","user_id":null,"version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (91, '2026-12-07 20:51:47.117463', 'user', '01a25246-e32c-7016-b66d-ff08a2e4270d', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"active":true,"created_at":"2026-12-07T20:51:47.116653Z","deactivated_at":null,"display_name":"Người dùng walk.2","id":"01a25246-e32c-7016-b66d-ff08a2e4270d","role":"center_admin","scope":"01a25246-de3f-739c-9350-b813bc15b2b5","updated_at":"2026-12-07T20:51:47.116653Z","username":"walk.2","version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (41, '2026-12-07 20:51:46.741278', 'lecturer', '01a25246-e1b4-773c-bac5-78e8727541e3', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"active_from":null,"active_to":null,"created_at":"2026-12-07T20:51:46.740510Z","degree":null,"external_id":null,"full_name":"Trần Thị Lan","id":"01a25246-e1b4-773c-bac5-78e8727541e3","kind":"full_time","leadership_post":null,"organization_id":"01a25246-de3f-739c-9350-b813bc15b2b5","position":"lecturer","subjects":[],"theory_level":null,"updated_at":"2026-12-07T20:51:46.740510Z","user_id":null,"version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (42, '2026-12-07 20:51:46.747067', 'lesson_plan', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["submit"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.746249Z","id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"draft","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.746249Z","uses_it":false,"version":1,"version_no":1}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (43, '2026-12-07 20:51:46.751424', 'lesson_plan', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["appraise","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.746249Z","id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"submitted","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.750543Z","uses_it":false,"version":2,"version_no":1}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (44, '2026-12-07 20:51:46.755126', 'lesson_plan', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', 'update', 3, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["approve","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.746249Z","id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"appraised","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.754207Z","uses_it":false,"version":3,"version_no":1}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (45, '2026-12-07 20:51:46.759315', 'lesson_plan', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', 'update', 4, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":[],"approved_by":"01a25246-df8b-7133-a937-2a56319358ca","approved_on":"2026-12-08","attachments":[],"created_at":"2026-12-07T20:51:46.746249Z","id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"approved","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.758020Z","uses_it":false,"version":4,"version_no":1}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (46, '2026-12-07 20:51:46.763757', 'lesson_plan', '01a25246-e1cb-7022-8896-a9af84382f97', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["submit"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.763079Z","id":"01a25246-e1cb-7022-8896-a9af84382f97","lecturer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"draft","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.763079Z","uses_it":false,"version":1,"version_no":1}', NULL, '01a25246-e1b4-773c-bac5-78e8727541e3', NULL);
INSERT INTO public.change_events VALUES (47, '2026-12-07 20:51:46.76793', 'lesson_plan', '01a25246-e1cb-7022-8896-a9af84382f97', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["appraise","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.763079Z","id":"01a25246-e1cb-7022-8896-a9af84382f97","lecturer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"submitted","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.767092Z","uses_it":false,"version":2,"version_no":1}', NULL, '01a25246-e1b4-773c-bac5-78e8727541e3', NULL);
INSERT INTO public.change_events VALUES (48, '2026-12-07 20:51:46.771937', 'lesson_plan', '01a25246-e1cb-7022-8896-a9af84382f97', 'update', 3, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["approve","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.763079Z","id":"01a25246-e1cb-7022-8896-a9af84382f97","lecturer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"appraised","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.770962Z","uses_it":false,"version":3,"version_no":1}', NULL, '01a25246-e1b4-773c-bac5-78e8727541e3', NULL);
INSERT INTO public.change_events VALUES (49, '2026-12-07 20:51:46.77618', 'lesson_plan', '01a25246-e1cb-7022-8896-a9af84382f97', 'update', 4, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":[],"approved_by":"01a25246-df8b-7133-a937-2a56319358ca","approved_on":"2026-12-08","attachments":[],"created_at":"2026-12-07T20:51:46.763079Z","id":"01a25246-e1cb-7022-8896-a9af84382f97","lecturer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"approved","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","updated_at":"2026-12-07T20:51:46.774840Z","uses_it":false,"version":4,"version_no":1}', NULL, '01a25246-e1b4-773c-bac5-78e8727541e3', NULL);
INSERT INTO public.change_events VALUES (50, '2026-12-07 20:51:46.781348', 'lesson_plan', '01a25246-e1dc-703f-81e0-5801d9b9d62e', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["submit"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.780395Z","id":"01a25246-e1dc-703f-81e0-5801d9b9d62e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"draft","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1cdd08aef53","updated_at":"2026-12-07T20:51:46.780395Z","uses_it":false,"version":1,"version_no":1}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (92, '2026-12-07 20:51:47.122051', 'approval_grant', '01a25246-e331-779a-948d-52f93f76de01', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/', '{"created_at":"2026-12-07T20:51:47.121558Z","district_id":"01a25246-de3d-717d-b8f8-8820b34ae0e6","granted_by":"01a25246-deb4-741e-8572-31b6ede0154b","id":"01a25246-e331-779a-948d-52f93f76de01","revoked_at":null,"user_id":"01a25246-e32c-7016-b66d-ff08a2e4270d"}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (51, '2026-12-07 20:51:46.78658', 'lesson_plan', '01a25246-e1dc-703f-81e0-5801d9b9d62e', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["appraise","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.780395Z","id":"01a25246-e1dc-703f-81e0-5801d9b9d62e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"submitted","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1cdd08aef53","updated_at":"2026-12-07T20:51:46.785433Z","uses_it":false,"version":2,"version_no":1}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (52, '2026-12-07 20:51:46.791219', 'lesson_plan', '01a25246-e1dc-703f-81e0-5801d9b9d62e', 'update', 3, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["approve","return"],"approved_by":null,"approved_on":null,"attachments":[],"created_at":"2026-12-07T20:51:46.780395Z","id":"01a25246-e1dc-703f-81e0-5801d9b9d62e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"appraised","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1cdd08aef53","updated_at":"2026-12-07T20:51:46.790305Z","uses_it":false,"version":3,"version_no":1}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (53, '2026-12-07 20:51:46.796046', 'lesson_plan', '01a25246-e1dc-703f-81e0-5801d9b9d62e', 'update', 4, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":[],"approved_by":"01a25246-df8b-7133-a937-2a56319358ca","approved_on":"2026-12-08","attachments":[],"created_at":"2026-12-07T20:51:46.780395Z","id":"01a25246-e1dc-703f-81e0-5801d9b9d62e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","local_practice":null,"outline":"Đề cương","previous_id":null,"status":"approved","superseded_on":null,"title":"Bài giảng","topic_id":"01a25246-de69-7552-8f90-f1cdd08aef53","updated_at":"2026-12-07T20:51:46.794539Z","uses_it":false,"version":4,"version_no":1}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (54, '2026-12-07 20:51:46.800876', 'class', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["open","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","created_at":"2026-12-07T20:51:46.799404Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","location":null,"mode":"concentrated","name":"Lớp WALK-2","opening_decision":null,"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"planned","term":null,"updated_at":"2026-12-07T20:51:46.799404Z","version":1,"year":2026}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (55, '2026-12-07 20:51:46.805327', 'class', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["start","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","created_at":"2026-12-07T20:51:46.799404Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","location":null,"mode":"concentrated","name":"Lớp WALK-2","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"open","term":null,"updated_at":"2026-12-07T20:51:46.803568Z","version":2,"year":2026}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (56, '2026-12-07 20:51:46.810204', 'class', '01a25246-e1f8-76ac-b18a-fa832f6a81ec', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["open","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-3","created_at":"2026-12-07T20:51:46.808519Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1f8-76ac-b18a-fa832f6a81ec","location":null,"mode":"concentrated","name":"Lớp WALK-3","opening_decision":null,"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","recognition_decision":null,"start_date":"2026-12-08","status":"planned","term":null,"updated_at":"2026-12-07T20:51:46.808519Z","version":1,"year":2026}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (57, '2026-12-07 20:51:46.814476', 'class', '01a25246-e1f8-76ac-b18a-fa832f6a81ec', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["start","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-3","created_at":"2026-12-07T20:51:46.808519Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1f8-76ac-b18a-fa832f6a81ec","location":null,"mode":"concentrated","name":"Lớp WALK-3","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","recognition_decision":null,"start_date":"2026-12-08","status":"open","term":null,"updated_at":"2026-12-07T20:51:46.812902Z","version":2,"year":2026}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (58, '2026-12-07 20:51:46.818321', 'class', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', 'update', 3, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["complete","cancel"],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","created_at":"2026-12-07T20:51:46.799404Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","location":null,"mode":"concentrated","name":"Lớp WALK-2","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":null,"start_date":"2026-12-08","status":"in_progress","term":null,"updated_at":"2026-12-07T20:51:46.816846Z","version":3,"year":2026}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (59, '2026-12-07 20:51:46.822883', 'class_session', '01a25246-e205-735c-b909-8bd893d1cb03', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.821985Z","end_time":"09:10","id":"01a25246-e205-735c-b909-8bd893d1cb03","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":null,"periods":2,"room":null,"session_date":"2026-12-08","start_time":"07:30","status":"scheduled","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":1}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (60, '2026-12-07 20:51:46.826414', 'class_session', '01a25246-e205-735c-b909-8bd893d1cb03', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.821985Z","end_time":"09:10","id":"01a25246-e205-735c-b909-8bd893d1cb03","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","periods":2,"room":null,"session_date":"2026-12-08","start_time":"07:30","status":"taught","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":2}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (61, '2026-12-07 20:51:46.832423', 'class_visit', '01a25246-e20e-7549-ae56-eefc1733956d', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"average_score":8.3,"comments":null,"created_at":"2026-12-07T20:51:46.830916Z","id":"01a25246-e20e-7549-ae56-eefc1733956d","observer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","rating_code":"kha","rating_label":"Khá","recorded_by":"01a25246-df8b-7133-a937-2a56319358ca","scores":{"content":9.0,"it_use":7.0,"method":8.5,"theory_practice":8.0,"time_management":9.0},"session_id":"01a25246-e205-735c-b909-8bd893d1cb03","total_score":41.5}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (62, '2026-12-07 20:51:46.837749', 'class_session', '01a25246-e214-73d4-ab84-8d5e0511c7c7', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.836846Z","end_time":"15:10","id":"01a25246-e214-73d4-ab84-8d5e0511c7c7","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":null,"periods":2,"room":null,"session_date":"2026-12-08","start_time":"13:30","status":"scheduled","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":1}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (63, '2026-12-07 20:51:46.842075', 'class_session', '01a25246-e214-73d4-ab84-8d5e0511c7c7', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.836846Z","end_time":"15:10","id":"01a25246-e214-73d4-ab84-8d5e0511c7c7","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","periods":2,"room":null,"session_date":"2026-12-08","start_time":"13:30","status":"taught","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":2}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (64, '2026-12-07 20:51:46.847777', 'class_visit', '01a25246-e21f-7787-9c6b-16331fdc9c31', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"average_score":8.3,"comments":null,"created_at":"2026-12-07T20:51:46.847010Z","id":"01a25246-e21f-7787-9c6b-16331fdc9c31","observer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","rating_code":"kha","rating_label":"Khá","recorded_by":"01a25246-df8b-7133-a937-2a56319358ca","scores":{"content":9.0,"it_use":7.0,"method":8.5,"theory_practice":8.0,"time_management":9.0},"session_id":"01a25246-e214-73d4-ab84-8d5e0511c7c7","total_score":41.5}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (65, '2026-12-07 20:51:46.852936', 'class_session', '01a25246-e224-7777-821d-38482408107e', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.852009Z","end_time":"19:40","id":"01a25246-e224-7777-821d-38482408107e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":null,"periods":2,"room":null,"session_date":"2026-12-08","start_time":"18:00","status":"scheduled","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":1}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (66, '2026-12-07 20:51:46.862232', 'class_session', '01a25246-e224-7777-821d-38482408107e', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"class_id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","created_at":"2026-12-07T20:51:46.852009Z","end_time":"19:40","id":"01a25246-e224-7777-821d-38482408107e","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","lesson_plan_id":"01a25246-e1ba-74c3-b596-4e3c9e5b35b3","periods":2,"room":null,"session_date":"2026-12-08","start_time":"18:00","status":"taught","topic_id":"01a25246-de69-7552-8f90-f1ccd08c6a8d","version":2}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (67, '2026-12-07 20:51:46.868821', 'class_visit', '01a25246-e233-7561-8b34-659df063d38c', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"average_score":8.3,"comments":null,"created_at":"2026-12-07T20:51:46.867881Z","id":"01a25246-e233-7561-8b34-659df063d38c","observer_id":"01a25246-e1b4-773c-bac5-78e8727541e3","rating_code":"kha","rating_label":"Khá","recorded_by":"01a25246-df8b-7133-a937-2a56319358ca","scores":{"content":9.0,"it_use":7.0,"method":8.5,"theory_practice":8.0,"time_management":9.0},"session_id":"01a25246-e224-7777-821d-38482408107e","total_score":41.5}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (68, '2026-12-07 20:51:46.873168', 'lecturer_activity', '01a25246-e238-71b1-a43d-5616f31aa567', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"activity_date":"2026-12-08","created_at":"2026-12-07T20:51:46.872031Z","hours":2.0,"id":"01a25246-e238-71b1-a43d-5616f31aa567","kind":"fieldwork","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","note":null,"place":null}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (69, '2026-12-07 20:51:46.877072', 'lecturer_activity', '01a25246-e23c-7179-97f2-94e30ef0e21b', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"activity_date":"2026-12-08","created_at":"2026-12-07T20:51:46.876364Z","hours":2.0,"id":"01a25246-e23c-7179-97f2-94e30ef0e21b","kind":"conference","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","note":null,"place":null}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (70, '2026-12-07 20:51:46.880571', 'lecturer_activity', '01a25246-e23f-76df-ae6f-fe28c0928838', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"activity_date":"2026-12-08","created_at":"2026-12-07T20:51:46.879931Z","hours":2.0,"id":"01a25246-e23f-76df-ae6f-fe28c0928838","kind":"self_study","lecturer_id":"01a25246-e1b1-7572-b0ff-5690742ee1f3","note":null,"place":null}', NULL, '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL);
INSERT INTO public.change_events VALUES (71, '2026-12-07 20:51:46.885533', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[],"note":null,"planned_classes":0,"planned_learners":0,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.883952Z","version":1,"year":2027}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (72, '2026-12-07 20:51:46.88924', 'training_plan', '01a25246-e248-778f-b0e9-6f6ea6f197c8', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.888397Z","decision":null,"id":"01a25246-e248-778f-b0e9-6f6ea6f197c8","lines":[],"note":null,"planned_classes":0,"planned_learners":0,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.888397Z","version":1,"year":2028}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (73, '2026-12-07 20:51:46.892847', 'training_plan', '01a25246-e24c-7532-a0e1-2fba7ae43db0', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.892031Z","decision":null,"id":"01a25246-e24c-7532-a0e1-2fba7ae43db0","lines":[],"note":null,"planned_classes":0,"planned_learners":0,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.892031Z","version":1,"year":2029}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (75, '2026-12-07 20:51:46.899883', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', 'update', 2, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1}],"note":null,"planned_classes":2,"planned_learners":100,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.897426Z","version":2,"year":2027}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (76, '2026-12-07 20:51:46.905114', 'training_plan_line', '01a25246-e257-71c5-8277-d456be243ffc', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (77, '2026-12-07 20:51:46.906226', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', 'update', 3, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1}],"note":null,"planned_classes":4,"planned_learners":200,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.903785Z","version":3,"year":2027}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (78, '2026-12-07 20:51:46.911677', 'training_plan_line', '01a25246-e25e-7003-9c57-95f10b722437', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (79, '2026-12-07 20:51:46.912755', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', 'update', 4, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["submit"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1},{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}],"note":null,"planned_classes":6,"planned_learners":300,"revision":1,"revision_of":null,"status":"draft","updated_at":"2026-12-07T20:51:46.910555Z","version":4,"year":2027}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (80, '2026-12-07 20:51:46.918211', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', 'update', 5, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["appraise","return"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1},{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}],"note":null,"planned_classes":6,"planned_learners":300,"revision":1,"revision_of":null,"status":"submitted","updated_at":"2026-12-07T20:51:46.916524Z","version":5,"year":2027}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (93, '2026-12-07 20:51:47.125402', 'service_client', '01a25246-e334-7588-8e7d-41729edba8a5', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/', '{"access":"read_only","created_at":"2026-12-07T20:51:47.124983Z","id":"01a25246-e334-7588-8e7d-41729edba8a5","name":"Hệ thống 2","revoked_at":null,"scope":"01a25246-dda2-7252-b108-bd1c1109a973","updated_at":"2026-12-07T20:51:47.124983Z","version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (94, '2026-12-07 20:51:47.131', 'party_organization', '01a25246-e339-7292-81ed-ff0c23337fd3', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-e339-7292-81ed-ff0c23337fd3/', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","committee_id":"01a25246-de40-7729-acad-72d046d5984c","created_at":"2026-12-07T20:51:47.129307Z","external_id":null,"id":"01a25246-e339-7292-81ed-ff0c23337fd3","kind":"party_cell","name":"Chi bộ 2","parent_id":null,"updated_at":"2026-12-07T20:51:47.129307Z","valid_from":null,"valid_to":null,"version":1}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (81, '2026-12-07 20:51:46.923439', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', 'update', 6, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["submit","revise"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1},{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}],"note":null,"planned_classes":6,"planned_learners":300,"revision":1,"revision_of":null,"status":"returned","updated_at":"2026-12-07T20:51:46.921931Z","version":6,"year":2027}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (82, '2026-12-07 20:51:46.92845', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', 'update', 7, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":["appraise","return"],"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","created_at":"2026-12-07T20:51:46.883952Z","decision":null,"id":"01a25246-e243-74d3-bf91-2e856fb073fc","lines":[{"category":"party_admission","id":"01a25246-e250-752b-ba5d-fd532f3ec0ac","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"party_admission","program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","program_name":"Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng","quarter":null,"version":1},{"category":"new_member","id":"01a25246-e257-71c5-8277-d456be243ffc","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"new_member","program_id":"01a25246-de6a-7130-b4a5-6057ba4663e9","program_name":"Chương trình lý luận chính trị dành cho đảng viên mới","quarter":null,"version":1},{"category":"elementary_theory","id":"01a25246-e25e-7003-9c57-95f10b722437","note":null,"plan_id":"01a25246-e243-74d3-bf91-2e856fb073fc","planned_classes":2,"planned_learners":100,"program_code":"elementary_theory","program_id":"01a25246-de6c-73f7-af06-729f8a2c6ab0","program_name":"Sơ cấp lý luận chính trị","quarter":null,"version":1}],"note":null,"planned_classes":6,"planned_learners":300,"revision":1,"revision_of":null,"status":"submitted","updated_at":"2026-12-07T20:51:46.926961Z","version":7,"year":2027}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (83, '2026-12-07 20:51:46.985431', 'user', '01a25246-e2a8-719a-a844-77bc4b91eb96', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"active":true,"created_at":"2026-12-07T20:51:46.984660Z","deactivated_at":null,"display_name":"Người dùng walk.0","id":"01a25246-e2a8-719a-a844-77bc4b91eb96","role":"center_admin","scope":"01a25246-de3f-739c-9350-b813bc15b2b5","updated_at":"2026-12-07T20:51:46.984660Z","username":"walk.0","version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (84, '2026-12-07 20:51:46.990749', 'approval_grant', '01a25246-e2ad-7181-841d-b2e5c353ae17', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/', '{"created_at":"2026-12-07T20:51:46.989885Z","district_id":"01a25246-de3d-717d-b8f8-8820b34ae0e6","granted_by":"01a25246-deb4-741e-8572-31b6ede0154b","id":"01a25246-e2ad-7181-841d-b2e5c353ae17","revoked_at":null,"user_id":"01a25246-e2a8-719a-a844-77bc4b91eb96"}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (85, '2026-12-07 20:51:46.994456', 'service_client', '01a25246-e2b1-72d5-8290-2359a89e7120', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/', '{"access":"read_only","created_at":"2026-12-07T20:51:46.993592Z","id":"01a25246-e2b1-72d5-8290-2359a89e7120","name":"Hệ thống 0","revoked_at":null,"scope":"01a25246-dda2-7252-b108-bd1c1109a973","updated_at":"2026-12-07T20:51:46.993592Z","version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (86, '2026-12-07 20:51:47.000348', 'party_organization', '01a25246-e2b6-7128-8bc1-a8fd7af9617b', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-e2b6-7128-8bc1-a8fd7af9617b/', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-0","committee_id":"01a25246-de40-7729-acad-72d046d5984c","created_at":"2026-12-07T20:51:46.998843Z","external_id":null,"id":"01a25246-e2b6-7128-8bc1-a8fd7af9617b","kind":"party_cell","name":"Chi bộ 0","parent_id":null,"updated_at":"2026-12-07T20:51:46.998843Z","valid_from":null,"valid_to":null,"version":1}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (87, '2026-12-07 20:51:47.054068', 'user', '01a25246-e2ed-76a9-ac9e-8af6ae685e6c', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"active":true,"created_at":"2026-12-07T20:51:47.053160Z","deactivated_at":null,"display_name":"Người dùng walk.1","id":"01a25246-e2ed-76a9-ac9e-8af6ae685e6c","role":"center_admin","scope":"01a25246-de3f-739c-9350-b813bc15b2b5","updated_at":"2026-12-07T20:51:47.053160Z","username":"walk.1","version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (88, '2026-12-07 20:51:47.058434', 'approval_grant', '01a25246-e2f2-77c6-b15a-55e2df520637', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/', '{"created_at":"2026-12-07T20:51:47.058033Z","district_id":"01a25246-de3d-717d-b8f8-8820b34ae0e6","granted_by":"01a25246-deb4-741e-8572-31b6ede0154b","id":"01a25246-e2f2-77c6-b15a-55e2df520637","revoked_at":null,"user_id":"01a25246-e2ed-76a9-ac9e-8af6ae685e6c"}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (89, '2026-12-07 20:51:47.061326', 'service_client', '01a25246-e2f4-76cf-8b6d-2a48cc01c502', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/', '{"access":"read_only","created_at":"2026-12-07T20:51:47.060985Z","id":"01a25246-e2f4-76cf-8b6d-2a48cc01c502","name":"Hệ thống 1","revoked_at":null,"scope":"01a25246-dda2-7252-b108-bd1c1109a973","updated_at":"2026-12-07T20:51:47.060985Z","version":1}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (90, '2026-12-07 20:51:47.066777', 'party_organization', '01a25246-e2f8-73dd-9fa3-4132bc196ce3', 'create', 1, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-e2f8-73dd-9fa3-4132bc196ce3/', '{"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-1","committee_id":"01a25246-de40-7729-acad-72d046d5984c","created_at":"2026-12-07T20:51:47.064990Z","external_id":null,"id":"01a25246-e2f8-73dd-9fa3-4132bc196ce3","kind":"party_cell","name":"Chi bộ 1","parent_id":null,"updated_at":"2026-12-07T20:51:47.064990Z","valid_from":null,"valid_to":null,"version":1}', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.change_events VALUES (95, '2026-12-07 20:51:47.137554', 'policy_version', '01a25246-e340-70ed-8a9e-fdadcbe7e819', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/', '{"created_at":"2026-12-07T20:51:47.136281Z","created_by":"01a25246-deb4-741e-8572-31b6ede0154b","effective_from":"2090-01-01","effective_to":null,"id":"01a25246-e340-70ed-8a9e-fdadcbe7e819","note":null,"values":{"certificate_issue_deadline_days":15,"certificate_number_format":"{issuer}/{year}/{serial:06}","certificate_validity_months":60,"grade_bands":[{"code":"trung_binh","from":5.0,"label":"Trung bình"},{"code":"kha","from":7.0,"label":"Khá"},{"code":"gioi","from":8.0,"label":"Giỏi"},{"code":"xuat_sac","from":9.0,"label":"Xuất sắc"}],"hours_per_period":1.0,"min_attendance_ratio":0.8,"min_class_size":10,"new_member_window_months":12,"observation":{"criteria":[{"code":"content","label":"Nội dung"},{"code":"method","label":"Phương pháp"},{"code":"theory_practice","label":"Liên hệ lý luận với thực tiễn"},{"code":"it_use","label":"Ứng dụng công nghệ thông tin"},{"code":"time_management","label":"Quản lý thời gian"}],"rating_bands":[{"code":"chua_dat","from":0.0,"label":"Chưa đạt yêu cầu"},{"code":"dat","from":5.0,"label":"Đạt yêu cầu"},{"code":"kha","from":7.0,"label":"Khá"},{"code":"gioi","from":8.5,"label":"Giỏi"}],"scale_max":10.0},"passing_score":5.0,"retake_limit":1,"teaching_norms":[{"lecturing_hours":30,"position":"director","total_hours":40},{"lecturing_hours":40,"position":"deputy_director","total_hours":60},{"lecturing_hours":90,"position":"full_time_lecturer","total_hours":120}]}}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (96, '2026-12-07 20:51:47.142595', 'policy_version', '01a25246-e345-72ae-8b15-8831609a2a16', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/', '{"created_at":"2026-12-07T20:51:47.141537Z","created_by":"01a25246-deb4-741e-8572-31b6ede0154b","effective_from":"2095-01-01","effective_to":null,"id":"01a25246-e345-72ae-8b15-8831609a2a16","note":null,"values":{"certificate_issue_deadline_days":15,"certificate_number_format":"{issuer}/{year}/{serial:06}","certificate_validity_months":60,"grade_bands":[{"code":"trung_binh","from":5.0,"label":"Trung bình"},{"code":"kha","from":7.0,"label":"Khá"},{"code":"gioi","from":8.0,"label":"Giỏi"},{"code":"xuat_sac","from":9.0,"label":"Xuất sắc"}],"hours_per_period":1.0,"min_attendance_ratio":0.8,"min_class_size":10,"new_member_window_months":12,"observation":{"criteria":[{"code":"content","label":"Nội dung"},{"code":"method","label":"Phương pháp"},{"code":"theory_practice","label":"Liên hệ lý luận với thực tiễn"},{"code":"it_use","label":"Ứng dụng công nghệ thông tin"},{"code":"time_management","label":"Quản lý thời gian"}],"rating_bands":[{"code":"chua_dat","from":0.0,"label":"Chưa đạt yêu cầu"},{"code":"dat","from":5.0,"label":"Đạt yêu cầu"},{"code":"kha","from":7.0,"label":"Khá"},{"code":"gioi","from":8.5,"label":"Giỏi"}],"scale_max":10.0},"passing_score":5.0,"retake_limit":1,"teaching_norms":[{"lecturing_hours":30,"position":"director","total_hours":40},{"lecturing_hours":40,"position":"deputy_director","total_hours":60},{"lecturing_hours":90,"position":"full_time_lecturer","total_hours":120}]}}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (97, '2026-12-07 20:51:47.14687', 'policy_version', '01a25246-e349-74cf-b14f-9620a088f564', 'create', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/', '{"created_at":"2026-12-07T20:51:47.145809Z","created_by":"01a25246-deb4-741e-8572-31b6ede0154b","effective_from":"2099-01-01","effective_to":null,"id":"01a25246-e349-74cf-b14f-9620a088f564","note":null,"values":{"certificate_issue_deadline_days":15,"certificate_number_format":"{issuer}/{year}/{serial:06}","certificate_validity_months":60,"grade_bands":[{"code":"trung_binh","from":5.0,"label":"Trung bình"},{"code":"kha","from":7.0,"label":"Khá"},{"code":"gioi","from":8.0,"label":"Giỏi"},{"code":"xuat_sac","from":9.0,"label":"Xuất sắc"}],"hours_per_period":1.0,"min_attendance_ratio":0.8,"min_class_size":10,"new_member_window_months":12,"observation":{"criteria":[{"code":"content","label":"Nội dung"},{"code":"method","label":"Phương pháp"},{"code":"theory_practice","label":"Liên hệ lý luận với thực tiễn"},{"code":"it_use","label":"Ứng dụng công nghệ thông tin"},{"code":"time_management","label":"Quản lý thời gian"}],"rating_bands":[{"code":"chua_dat","from":0.0,"label":"Chưa đạt yêu cầu"},{"code":"dat","from":5.0,"label":"Đạt yêu cầu"},{"code":"kha","from":7.0,"label":"Khá"},{"code":"gioi","from":8.5,"label":"Giỏi"}],"scale_max":10.0},"passing_score":5.0,"retake_limit":1,"teaching_norms":[{"lecturing_hours":30,"position":"director","total_hours":40},{"lecturing_hours":40,"position":"deputy_director","total_hours":60},{"lecturing_hours":90,"position":"full_time_lecturer","total_hours":120}]}}', NULL, NULL, NULL);
INSERT INTO public.change_events VALUES (98, '2026-12-07 20:51:47.522549', 'class', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', 'update', 4, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '{"allowed_actions":[],"capacity":30,"center_id":"01a25246-de3f-739c-9350-b813bc15b2b5","code":"WALK-2","created_at":"2026-12-07T20:51:46.799404Z","end_date":"2026-12-08","homeroom_lecturer_id":null,"id":"01a25246-e1ef-71f1-a91f-1f035e85cc4a","location":null,"mode":"concentrated","name":"Lớp WALK-2","opening_decision":{"date":"2019-01-02","number":"01/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"partner_id":null,"plan_line_id":null,"program_id":"01a25246-de67-7586-93b3-e9b9067ebdad","recognition_decision":{"date":"2026-12-08","number":"02/QĐ-TTCT","signer":"Giám đốc Trung tâm"},"start_date":"2026-12-08","status":"completed","term":null,"updated_at":"2026-12-07T20:51:47.519442Z","version":4,"year":2026}', NULL, NULL, NULL);


--
-- Data for Name: class_sessions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.class_sessions VALUES ('01a25246-e168-75cc-afb4-b5177c97b5cf', '01a25246-e0e8-777c-ad12-2c042774fcb3', '2026-12-08', 450, 650, 4, '01a25246-de69-7552-8f90-f1ccd08c6a8d', '01a25246-e144-747b-9627-3fe89d7a5b07', NULL, 'taught', '01a25246-e14f-7326-ba67-24dabb329a5f', 2, '2026-12-07 20:51:46.664643', '2026-12-07 20:51:46.671099');
INSERT INTO public.class_sessions VALUES ('01a25246-e205-735c-b909-8bd893d1cb03', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', '2026-12-08', 450, 550, 2, '01a25246-de69-7552-8f90-f1ccd08c6a8d', '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL, 'taught', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', 2, '2026-12-07 20:51:46.821985', '2026-12-07 20:51:46.825706');
INSERT INTO public.class_sessions VALUES ('01a25246-e214-73d4-ab84-8d5e0511c7c7', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', '2026-12-08', 810, 910, 2, '01a25246-de69-7552-8f90-f1ccd08c6a8d', '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL, 'taught', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', 2, '2026-12-07 20:51:46.836846', '2026-12-07 20:51:46.841231');
INSERT INTO public.class_sessions VALUES ('01a25246-e224-7777-821d-38482408107e', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', '2026-12-08', 1080, 1180, 2, '01a25246-de69-7552-8f90-f1ccd08c6a8d', '01a25246-e1b1-7572-b0ff-5690742ee1f3', NULL, 'taught', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', 2, '2026-12-07 20:51:46.852009', '2026-12-07 20:51:46.861327');


--
-- Data for Name: class_visits; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.class_visits VALUES ('01a25246-e20e-7549-ae56-eefc1733956d', '01a25246-e205-735c-b909-8bd893d1cb03', '01a25246-e1b4-773c-bac5-78e8727541e3', '{"content":9.0,"it_use":7.0,"method":8.5,"theory_practice":8.0,"time_management":9.0}', 41.5, 8.3, 'kha', 'Khá', NULL, '01a25246-df8b-7133-a937-2a56319358ca', '2026-12-07 20:51:46.830916');
INSERT INTO public.class_visits VALUES ('01a25246-e21f-7787-9c6b-16331fdc9c31', '01a25246-e214-73d4-ab84-8d5e0511c7c7', '01a25246-e1b4-773c-bac5-78e8727541e3', '{"content":9.0,"it_use":7.0,"method":8.5,"theory_practice":8.0,"time_management":9.0}', 41.5, 8.3, 'kha', 'Khá', NULL, '01a25246-df8b-7133-a937-2a56319358ca', '2026-12-07 20:51:46.84701');
INSERT INTO public.class_visits VALUES ('01a25246-e233-7561-8b34-659df063d38c', '01a25246-e224-7777-821d-38482408107e', '01a25246-e1b4-773c-bac5-78e8727541e3', '{"content":9.0,"it_use":7.0,"method":8.5,"theory_practice":8.0,"time_management":9.0}', 41.5, 8.3, 'kha', 'Khá', NULL, '01a25246-df8b-7133-a937-2a56319358ca', '2026-12-07 20:51:46.867881');


--
-- Data for Name: classes; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.classes VALUES ('01a25246-e0e8-777c-ad12-2c042774fcb3', '01a25246-de3f-739c-9350-b813bc15b2b5', '01a25246-de67-7586-93b3-e9b9067ebdad', 2026, 'WALK-1', 'Lớp WALK-1', 'lop walk-1', 'concentrated', NULL, NULL, NULL, '2026-12-08', '2026-12-08', NULL, 50, NULL, 'completed', 4, '2026-12-07 20:51:46.536274', '2026-12-07 20:51:46.703547', '01/QĐ-TTCT', '2019-01-02', 'Giám đốc Trung tâm', '02/QĐ-TTCT', '2026-12-08', 'Giám đốc Trung tâm');
INSERT INTO public.classes VALUES ('01a25246-e1f8-76ac-b18a-fa832f6a81ec', '01a25246-de3f-739c-9350-b813bc15b2b5', '01a25246-de6a-7130-b4a5-6057ba4663e9', 2026, 'WALK-3', 'Lớp WALK-3', 'lop walk-3', 'concentrated', NULL, NULL, NULL, '2026-12-08', '2026-12-08', NULL, 30, NULL, 'open', 2, '2026-12-07 20:51:46.808519', '2026-12-07 20:51:46.812902', '01/QĐ-TTCT', '2019-01-02', 'Giám đốc Trung tâm', NULL, NULL, NULL);
INSERT INTO public.classes VALUES ('01a25246-e1ef-71f1-a91f-1f035e85cc4a', '01a25246-de3f-739c-9350-b813bc15b2b5', '01a25246-de67-7586-93b3-e9b9067ebdad', 2026, 'WALK-2', 'Lớp WALK-2', 'lop walk-2', 'concentrated', NULL, NULL, NULL, '2026-12-08', '2026-12-08', NULL, 30, NULL, 'completed', 4, '2026-12-07 20:51:46.799404', '2026-12-07 20:51:47.519442', '01/QĐ-TTCT', '2019-01-02', 'Giám đốc Trung tâm', '02/QĐ-TTCT', '2026-12-08', 'Giám đốc Trung tâm');


--
-- Data for Name: enrollments; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.enrollments VALUES ('01a25246-e100-7390-8e8b-ed1076e15f27', '01a25246-e0e8-777c-ad12-2c042774fcb3', '01a25246-e0fa-76cc-913b-d1c8a330775f', '01a25246-dfcd-7417-b5da-f121fba1be0a', 'completed', NULL, '01a25246-df8b-7133-a937-2a56319358ca', 4, '2026-12-07 20:51:46.560268', '2026-12-07 20:51:46.7072');
INSERT INTO public.enrollments VALUES ('01a25246-e117-77fc-8a23-9573d02380e3', '01a25246-e0e8-777c-ad12-2c042774fcb3', '01a25246-e111-7780-b502-b8914c43410e', '01a25246-dfcd-7417-b5da-f121fba1be0a', 'completed', NULL, '01a25246-df8b-7133-a937-2a56319358ca', 4, '2026-12-07 20:51:46.583793', '2026-12-07 20:51:46.709328');
INSERT INTO public.enrollments VALUES ('01a25246-e12d-726b-8ea9-695574ed87dd', '01a25246-e0e8-777c-ad12-2c042774fcb3', '01a25246-e128-7717-a95d-a66045e637b1', '01a25246-dfcd-7417-b5da-f121fba1be0a', 'completed', NULL, '01a25246-df8b-7133-a937-2a56319358ca', 4, '2026-12-07 20:51:46.605809', '2026-12-07 20:51:46.711464');


--
-- Data for Name: idempotency_keys; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: learners; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.learners VALUES ('01a25246-e0fa-76cc-913b-d1c8a330775f', '01a25246-dfcd-7417-b5da-f121fba1be0a', 'Lê Thị Mai WALK-1 0', 'le thi mai walk-1 0', '1995-04-12', 'female', 'Kinh', 'non_member', NULL, NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:46.554049', '2026-12-07 20:51:46.554049');
INSERT INTO public.learners VALUES ('01a25246-e111-7780-b502-b8914c43410e', '01a25246-dfcd-7417-b5da-f121fba1be0a', 'Lê Thị Mai WALK-1 1', 'le thi mai walk-1 1', '1995-04-12', 'female', 'Kinh', 'non_member', NULL, NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:46.577568', '2026-12-07 20:51:46.577568');
INSERT INTO public.learners VALUES ('01a25246-e128-7717-a95d-a66045e637b1', '01a25246-dfcd-7417-b5da-f121fba1be0a', 'Lê Thị Mai WALK-1 2', 'le thi mai walk-1 2', '1995-04-12', 'female', 'Kinh', 'non_member', NULL, NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:46.60056', '2026-12-07 20:51:46.60056');


--
-- Data for Name: lecturer_activities; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.lecturer_activities VALUES ('01a25246-e238-71b1-a43d-5616f31aa567', '01a25246-e1b1-7572-b0ff-5690742ee1f3', 'fieldwork', '2026-12-08', 20, NULL, NULL, '2026-12-07 20:51:46.872031');
INSERT INTO public.lecturer_activities VALUES ('01a25246-e23c-7179-97f2-94e30ef0e21b', '01a25246-e1b1-7572-b0ff-5690742ee1f3', 'conference', '2026-12-08', 20, NULL, NULL, '2026-12-07 20:51:46.876364');
INSERT INTO public.lecturer_activities VALUES ('01a25246-e23f-76df-ae6f-fe28c0928838', '01a25246-e1b1-7572-b0ff-5690742ee1f3', 'self_study', '2026-12-08', 20, NULL, NULL, '2026-12-07 20:51:46.879931');


--
-- Data for Name: lecturers; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.lecturers VALUES ('01a25246-e144-747b-9627-3fe89d7a5b07', '01a25246-de3f-739c-9350-b813bc15b2b5', 'full_time', 'Giảng viên WALK-1', 'giang vien walk-1', 'lecturer', NULL, NULL, NULL, '[]', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:46.62879', '2026-12-07 20:51:46.62879');
INSERT INTO public.lecturers VALUES ('01a25246-e1b1-7572-b0ff-5690742ee1f3', '01a25246-de3f-739c-9350-b813bc15b2b5', 'full_time', 'Nguyễn Văn Hoa', 'nguyen van hoa', 'lecturer', NULL, NULL, NULL, '[]', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:46.737472', '2026-12-07 20:51:46.737472');
INSERT INTO public.lecturers VALUES ('01a25246-e1b4-773c-bac5-78e8727541e3', '01a25246-de3f-739c-9350-b813bc15b2b5', 'full_time', 'Trần Thị Lan', 'tran thi lan', 'lecturer', NULL, NULL, NULL, '[]', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:46.74051', '2026-12-07 20:51:46.74051');


--
-- Data for Name: lesson_plans; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.lesson_plans VALUES ('01a25246-e14f-7326-ba67-24dabb329a5f', '01a25246-e144-747b-9627-3fe89d7a5b07', '01a25246-de69-7552-8f90-f1ccd08c6a8d', 1, NULL, 'Bài 1', 'Đề cương', false, NULL, '[]', 'approved', '2026-12-08', '01a25246-df8b-7133-a937-2a56319358ca', NULL, 4, '2026-12-07 20:51:46.639539', '2026-12-07 20:51:46.657289');
INSERT INTO public.lesson_plans VALUES ('01a25246-e1ba-74c3-b596-4e3c9e5b35b3', '01a25246-e1b1-7572-b0ff-5690742ee1f3', '01a25246-de69-7552-8f90-f1ccd08c6a8d', 1, NULL, 'Bài giảng', 'Đề cương', false, NULL, '[]', 'approved', '2026-12-08', '01a25246-df8b-7133-a937-2a56319358ca', NULL, 4, '2026-12-07 20:51:46.746249', '2026-12-07 20:51:46.75802');
INSERT INTO public.lesson_plans VALUES ('01a25246-e1cb-7022-8896-a9af84382f97', '01a25246-e1b4-773c-bac5-78e8727541e3', '01a25246-de69-7552-8f90-f1ccd08c6a8d', 1, NULL, 'Bài giảng', 'Đề cương', false, NULL, '[]', 'approved', '2026-12-08', '01a25246-df8b-7133-a937-2a56319358ca', NULL, 4, '2026-12-07 20:51:46.763079', '2026-12-07 20:51:46.77484');
INSERT INTO public.lesson_plans VALUES ('01a25246-e1dc-703f-81e0-5801d9b9d62e', '01a25246-e1b1-7572-b0ff-5690742ee1f3', '01a25246-de69-7552-8f90-f1cdd08aef53', 1, NULL, 'Bài giảng', 'Đề cương', false, NULL, '[]', 'approved', '2026-12-08', '01a25246-df8b-7133-a937-2a56319358ca', NULL, 4, '2026-12-07 20:51:46.780395', '2026-12-07 20:51:46.794539');


--
-- Data for Name: login_failures; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: organization_periods; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.organization_periods VALUES ('01a25246-dda2-7252-b108-bd1c1109a973', '1945-01-01', 'Tỉnh Thanh Hóa', 'province', NULL, NULL, NULL, '2026-12-07 20:51:45.700141');
INSERT INTO public.organization_periods VALUES ('01a25246-dda7-7477-bd30-78a4bd3f25a8', '1945-01-01', 'Trường Chính trị tỉnh Thanh Hóa', 'provincial_school', NULL, '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.705032');
INSERT INTO public.organization_periods VALUES ('01a25246-ddac-772e-a32a-c20909a664b9', '1945-01-01', 'Thành phố Thanh Hóa', 'district', 'city', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.709538');
INSERT INTO public.organization_periods VALUES ('01a25246-ddb1-776c-aa0c-d3e76867ec04', '1945-01-01', 'Trung tâm Chính trị thành phố Thanh Hóa', 'center', NULL, '01a25246-ddac-772e-a32a-c20909a664b9', NULL, '2026-12-07 20:51:45.713817');
INSERT INTO public.organization_periods VALUES ('01a25246-ddb3-722b-af79-566249bab385', '1945-01-01', 'Đảng bộ thành phố Thanh Hóa', 'party_committee', NULL, '01a25246-ddac-772e-a32a-c20909a664b9', NULL, '2026-12-07 20:51:45.715856');
INSERT INTO public.organization_periods VALUES ('01a25246-ddb4-7259-8462-78615b2ea9d0', '1945-01-01', 'Thị xã Bỉm Sơn', 'district', 'town', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.71764');
INSERT INTO public.organization_periods VALUES ('01a25246-ddb6-745c-80cc-36b8d85255e5', '1945-01-01', 'Trung tâm Chính trị thị xã Bỉm Sơn', 'center', NULL, '01a25246-ddb4-7259-8462-78615b2ea9d0', NULL, '2026-12-07 20:51:45.719437');
INSERT INTO public.organization_periods VALUES ('01a25246-ddb8-712d-b59c-1af9d16b2cac', '1945-01-01', 'Đảng bộ thị xã Bỉm Sơn', 'party_committee', NULL, '01a25246-ddb4-7259-8462-78615b2ea9d0', NULL, '2026-12-07 20:51:45.721');
INSERT INTO public.organization_periods VALUES ('01a25246-ddb9-7770-b173-bc72914f89ca', '1945-01-01', 'Thành phố Sầm Sơn', 'district', 'city', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.722546');
INSERT INTO public.organization_periods VALUES ('01a25246-ddbb-704b-905b-d48e7755f28d', '1945-01-01', 'Trung tâm Chính trị thành phố Sầm Sơn', 'center', NULL, '01a25246-ddb9-7770-b173-bc72914f89ca', NULL, '2026-12-07 20:51:45.724109');
INSERT INTO public.organization_periods VALUES ('01a25246-ddbd-743d-92f9-8bc2ae1839f7', '1945-01-01', 'Đảng bộ thành phố Sầm Sơn', 'party_committee', NULL, '01a25246-ddb9-7770-b173-bc72914f89ca', NULL, '2026-12-07 20:51:45.725721');
INSERT INTO public.organization_periods VALUES ('01a25246-ddbe-73b6-857c-4408822dbfd5', '1945-01-01', 'Huyện Mường Lát', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.727304');
INSERT INTO public.organization_periods VALUES ('01a25246-ddc0-7065-9979-77b3af21bc3f', '1945-01-01', 'Trung tâm Chính trị huyện Mường Lát', 'center', NULL, '01a25246-ddbe-73b6-857c-4408822dbfd5', NULL, '2026-12-07 20:51:45.729234');
INSERT INTO public.organization_periods VALUES ('01a25246-ddc2-767d-8c5f-fedfc8048245', '1945-01-01', 'Đảng bộ huyện Mường Lát', 'party_committee', NULL, '01a25246-ddbe-73b6-857c-4408822dbfd5', NULL, '2026-12-07 20:51:45.731208');
INSERT INTO public.organization_periods VALUES ('01a25246-ddc4-752a-9236-0335453aef93', '1945-01-01', 'Huyện Quan Hóa', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.732915');
INSERT INTO public.organization_periods VALUES ('01a25246-ddc6-7074-8c3d-72c6669134ad', '1945-01-01', 'Trung tâm Chính trị huyện Quan Hóa', 'center', NULL, '01a25246-ddc4-752a-9236-0335453aef93', NULL, '2026-12-07 20:51:45.734844');
INSERT INTO public.organization_periods VALUES ('01a25246-ddc7-775d-9669-4875c18f0381', '1945-01-01', 'Đảng bộ huyện Quan Hóa', 'party_committee', NULL, '01a25246-ddc4-752a-9236-0335453aef93', NULL, '2026-12-07 20:51:45.736665');
INSERT INTO public.organization_periods VALUES ('01a25246-ddc9-7255-bec4-c2b9f050e564', '1945-01-01', 'Huyện Bá Thước', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.738299');
INSERT INTO public.organization_periods VALUES ('01a25246-ddcb-7200-b501-b570a7223d8f', '1945-01-01', 'Trung tâm Chính trị huyện Bá Thước', 'center', NULL, '01a25246-ddc9-7255-bec4-c2b9f050e564', NULL, '2026-12-07 20:51:45.739968');
INSERT INTO public.organization_periods VALUES ('01a25246-ddcc-712f-94ed-f65c562ca5cc', '1945-01-01', 'Đảng bộ huyện Bá Thước', 'party_committee', NULL, '01a25246-ddc9-7255-bec4-c2b9f050e564', NULL, '2026-12-07 20:51:45.741633');
INSERT INTO public.organization_periods VALUES ('01a25246-ddce-72cd-a746-eef2187b09a4', '1945-01-01', 'Huyện Quan Sơn', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.743417');
INSERT INTO public.organization_periods VALUES ('01a25246-ddd0-7093-b95c-15ea2ec15171', '1945-01-01', 'Trung tâm Chính trị huyện Quan Sơn', 'center', NULL, '01a25246-ddce-72cd-a746-eef2187b09a4', NULL, '2026-12-07 20:51:45.745093');
INSERT INTO public.organization_periods VALUES ('01a25246-ddd2-7172-9079-290f9f9b20e8', '1945-01-01', 'Đảng bộ huyện Quan Sơn', 'party_committee', NULL, '01a25246-ddce-72cd-a746-eef2187b09a4', NULL, '2026-12-07 20:51:45.74743');
INSERT INTO public.organization_periods VALUES ('01a25246-ddd4-7230-8963-9bfa0b939455', '1945-01-01', 'Huyện Lang Chánh', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.749062');
INSERT INTO public.organization_periods VALUES ('01a25246-ddd6-72ea-9f86-9314d1f54e1a', '1945-01-01', 'Trung tâm Chính trị huyện Lang Chánh', 'center', NULL, '01a25246-ddd4-7230-8963-9bfa0b939455', NULL, '2026-12-07 20:51:45.750691');
INSERT INTO public.organization_periods VALUES ('01a25246-ddd7-71e7-abcc-d7f543fa46d4', '1945-01-01', 'Đảng bộ huyện Lang Chánh', 'party_committee', NULL, '01a25246-ddd4-7230-8963-9bfa0b939455', NULL, '2026-12-07 20:51:45.752253');
INSERT INTO public.organization_periods VALUES ('01a25246-ddd9-707d-afb1-63f76d111fbb', '1945-01-01', 'Huyện Ngọc Lặc', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.753856');
INSERT INTO public.organization_periods VALUES ('01a25246-ddda-7083-8961-07990f3aa1fb', '1945-01-01', 'Trung tâm Chính trị huyện Ngọc Lặc', 'center', NULL, '01a25246-ddd9-707d-afb1-63f76d111fbb', NULL, '2026-12-07 20:51:45.755543');
INSERT INTO public.organization_periods VALUES ('01a25246-dddc-73c7-b6bf-a3009b05718c', '1945-01-01', 'Đảng bộ huyện Ngọc Lặc', 'party_committee', NULL, '01a25246-ddd9-707d-afb1-63f76d111fbb', NULL, '2026-12-07 20:51:45.757193');
INSERT INTO public.organization_periods VALUES ('01a25246-ddde-7660-adbe-89bffcc58dcf', '1945-01-01', 'Huyện Cẩm Thủy', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.758788');
INSERT INTO public.organization_periods VALUES ('01a25246-dddf-72ce-bef0-c164aac27594', '1945-01-01', 'Trung tâm Chính trị huyện Cẩm Thủy', 'center', NULL, '01a25246-ddde-7660-adbe-89bffcc58dcf', NULL, '2026-12-07 20:51:45.760389');
INSERT INTO public.organization_periods VALUES ('01a25246-dde1-7327-aace-4cfc7514f47b', '1945-01-01', 'Đảng bộ huyện Cẩm Thủy', 'party_committee', NULL, '01a25246-ddde-7660-adbe-89bffcc58dcf', NULL, '2026-12-07 20:51:45.76191');
INSERT INTO public.organization_periods VALUES ('01a25246-dde2-7074-84fa-6e603033eeed', '1945-01-01', 'Huyện Thạch Thành', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.763442');
INSERT INTO public.organization_periods VALUES ('01a25246-dde4-7030-a95b-50bb94a94c9e', '1945-01-01', 'Trung tâm Chính trị huyện Thạch Thành', 'center', NULL, '01a25246-dde2-7074-84fa-6e603033eeed', NULL, '2026-12-07 20:51:45.764989');
INSERT INTO public.organization_periods VALUES ('01a25246-dde5-7684-8569-f64ac26674b5', '1945-01-01', 'Đảng bộ huyện Thạch Thành', 'party_committee', NULL, '01a25246-dde2-7074-84fa-6e603033eeed', NULL, '2026-12-07 20:51:45.7665');
INSERT INTO public.organization_periods VALUES ('01a25246-dde7-754f-b40c-e8b8fb6a0414', '1945-01-01', 'Huyện Hà Trung', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.768291');
INSERT INTO public.organization_periods VALUES ('01a25246-dde9-7222-b258-51b8054813e1', '1945-01-01', 'Trung tâm Chính trị huyện Hà Trung', 'center', NULL, '01a25246-dde7-754f-b40c-e8b8fb6a0414', NULL, '2026-12-07 20:51:45.76998');
INSERT INTO public.organization_periods VALUES ('01a25246-ddea-7196-9948-916540fbcd49', '1945-01-01', 'Đảng bộ huyện Hà Trung', 'party_committee', NULL, '01a25246-dde7-754f-b40c-e8b8fb6a0414', NULL, '2026-12-07 20:51:45.771535');
INSERT INTO public.organization_periods VALUES ('01a25246-ddec-734b-87b9-5f1fb90cf381', '1945-01-01', 'Huyện Vĩnh Lộc', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.773166');
INSERT INTO public.organization_periods VALUES ('01a25246-ddee-71ee-b7e2-4356a69779db', '1945-01-01', 'Trung tâm Chính trị huyện Vĩnh Lộc', 'center', NULL, '01a25246-ddec-734b-87b9-5f1fb90cf381', NULL, '2026-12-07 20:51:45.774949');
INSERT INTO public.organization_periods VALUES ('01a25246-ddef-7182-8f64-c6f9f0686b27', '1945-01-01', 'Đảng bộ huyện Vĩnh Lộc', 'party_committee', NULL, '01a25246-ddec-734b-87b9-5f1fb90cf381', NULL, '2026-12-07 20:51:45.776455');
INSERT INTO public.organization_periods VALUES ('01a25246-ddf1-7737-aaff-d71e24dc95b2', '1945-01-01', 'Huyện Yên Định', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.778074');
INSERT INTO public.organization_periods VALUES ('01a25246-ddf3-7740-9b2a-0818044f8f7b', '1945-01-01', 'Trung tâm Chính trị huyện Yên Định', 'center', NULL, '01a25246-ddf1-7737-aaff-d71e24dc95b2', NULL, '2026-12-07 20:51:45.779658');
INSERT INTO public.organization_periods VALUES ('01a25246-ddf4-7215-b4f5-3497841c5f72', '1945-01-01', 'Đảng bộ huyện Yên Định', 'party_committee', NULL, '01a25246-ddf1-7737-aaff-d71e24dc95b2', NULL, '2026-12-07 20:51:45.781534');
INSERT INTO public.organization_periods VALUES ('01a25246-ddf6-7347-afcd-bd19d182609c', '1945-01-01', 'Huyện Thọ Xuân', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.783661');
INSERT INTO public.organization_periods VALUES ('01a25246-ddf9-71e9-8dc6-be1a8a744c6a', '1945-01-01', 'Trung tâm Chính trị huyện Thọ Xuân', 'center', NULL, '01a25246-ddf6-7347-afcd-bd19d182609c', NULL, '2026-12-07 20:51:45.785731');
INSERT INTO public.organization_periods VALUES ('01a25246-ddfa-70cb-90b3-e3f21103b574', '1945-01-01', 'Đảng bộ huyện Thọ Xuân', 'party_committee', NULL, '01a25246-ddf6-7347-afcd-bd19d182609c', NULL, '2026-12-07 20:51:45.787695');
INSERT INTO public.organization_periods VALUES ('01a25246-ddfc-7059-a350-2f45109d7d4b', '1945-01-01', 'Huyện Thường Xuân', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.789502');
INSERT INTO public.organization_periods VALUES ('01a25246-ddfe-748c-bbe7-7662336bfbf6', '1945-01-01', 'Trung tâm Chính trị huyện Thường Xuân', 'center', NULL, '01a25246-ddfc-7059-a350-2f45109d7d4b', NULL, '2026-12-07 20:51:45.791382');
INSERT INTO public.organization_periods VALUES ('01a25246-de00-72d0-9d5b-6ae4dd483afc', '1945-01-01', 'Đảng bộ huyện Thường Xuân', 'party_committee', NULL, '01a25246-ddfc-7059-a350-2f45109d7d4b', NULL, '2026-12-07 20:51:45.793168');
INSERT INTO public.organization_periods VALUES ('01a25246-de02-72a1-ab5b-4c63d634bcec', '1945-01-01', 'Huyện Triệu Sơn', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.795071');
INSERT INTO public.organization_periods VALUES ('01a25246-de04-73c7-b1a7-0452db1c6be0', '1945-01-01', 'Trung tâm Chính trị huyện Triệu Sơn', 'center', NULL, '01a25246-de02-72a1-ab5b-4c63d634bcec', NULL, '2026-12-07 20:51:45.796878');
INSERT INTO public.organization_periods VALUES ('01a25246-de06-7781-ae19-eaf1a47d44d5', '1945-01-01', 'Đảng bộ huyện Triệu Sơn', 'party_committee', NULL, '01a25246-de02-72a1-ab5b-4c63d634bcec', NULL, '2026-12-07 20:51:45.798786');
INSERT INTO public.organization_periods VALUES ('01a25246-de07-740d-b2e3-a32e27e4d396', '1945-01-01', 'Huyện Thiệu Hóa', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.800575');
INSERT INTO public.organization_periods VALUES ('01a25246-de09-74c9-8e19-574b7869486a', '1945-01-01', 'Trung tâm Chính trị huyện Thiệu Hóa', 'center', NULL, '01a25246-de07-740d-b2e3-a32e27e4d396', NULL, '2026-12-07 20:51:45.802358');
INSERT INTO public.organization_periods VALUES ('01a25246-de0b-702b-ae4b-af7ffd11daff', '1945-01-01', 'Đảng bộ huyện Thiệu Hóa', 'party_committee', NULL, '01a25246-de07-740d-b2e3-a32e27e4d396', NULL, '2026-12-07 20:51:45.804094');
INSERT INTO public.organization_periods VALUES ('01a25246-de0d-716d-835f-e6816d55217e', '1945-01-01', 'Huyện Hoằng Hóa', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.805766');
INSERT INTO public.organization_periods VALUES ('01a25246-de0e-73a8-a9cd-9537069e550a', '1945-01-01', 'Trung tâm Chính trị huyện Hoằng Hóa', 'center', NULL, '01a25246-de0d-716d-835f-e6816d55217e', NULL, '2026-12-07 20:51:45.807609');
INSERT INTO public.organization_periods VALUES ('01a25246-de10-76a3-91e1-46858f2ee661', '1945-01-01', 'Đảng bộ huyện Hoằng Hóa', 'party_committee', NULL, '01a25246-de0d-716d-835f-e6816d55217e', NULL, '2026-12-07 20:51:45.809396');
INSERT INTO public.organization_periods VALUES ('01a25246-de12-728f-93ad-3eb2ff52de5d', '1945-01-01', 'Huyện Hậu Lộc', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.811273');
INSERT INTO public.organization_periods VALUES ('01a25246-de14-73b5-8dce-c1a84d1f2b16', '1945-01-01', 'Trung tâm Chính trị huyện Hậu Lộc', 'center', NULL, '01a25246-de12-728f-93ad-3eb2ff52de5d', NULL, '2026-12-07 20:51:45.813314');
INSERT INTO public.organization_periods VALUES ('01a25246-de16-7536-aa29-2a3deb4798da', '1945-01-01', 'Đảng bộ huyện Hậu Lộc', 'party_committee', NULL, '01a25246-de12-728f-93ad-3eb2ff52de5d', NULL, '2026-12-07 20:51:45.815192');
INSERT INTO public.organization_periods VALUES ('01a25246-de19-70b3-bd5d-9ac2f9911fbe', '1945-01-01', 'Huyện Nga Sơn', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.818031');
INSERT INTO public.organization_periods VALUES ('01a25246-de1b-774b-b72a-ead08b3970b0', '1945-01-01', 'Trung tâm Chính trị huyện Nga Sơn', 'center', NULL, '01a25246-de19-70b3-bd5d-9ac2f9911fbe', NULL, '2026-12-07 20:51:45.820235');
INSERT INTO public.organization_periods VALUES ('01a25246-de1f-73e7-bff8-eb8e016fedab', '1945-01-01', 'Đảng bộ huyện Nga Sơn', 'party_committee', NULL, '01a25246-de19-70b3-bd5d-9ac2f9911fbe', NULL, '2026-12-07 20:51:45.830274');
INSERT INTO public.organization_periods VALUES ('01a25246-de27-7269-9140-1572557e9e61', '1945-01-01', 'Huyện Như Xuân', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.832384');
INSERT INTO public.organization_periods VALUES ('01a25246-de29-74c3-8a65-cf0d7304671a', '1945-01-01', 'Trung tâm Chính trị huyện Như Xuân', 'center', NULL, '01a25246-de27-7269-9140-1572557e9e61', NULL, '2026-12-07 20:51:45.834213');
INSERT INTO public.organization_periods VALUES ('01a25246-de2b-736d-bb7d-436184e46eb2', '1945-01-01', 'Đảng bộ huyện Như Xuân', 'party_committee', NULL, '01a25246-de27-7269-9140-1572557e9e61', NULL, '2026-12-07 20:51:45.836108');
INSERT INTO public.organization_periods VALUES ('01a25246-de2e-70f3-9378-0c479a60ecce', '1945-01-01', 'Huyện Như Thanh', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.838738');
INSERT INTO public.organization_periods VALUES ('01a25246-de2f-7711-b986-ae4767211752', '1945-01-01', 'Trung tâm Chính trị huyện Như Thanh', 'center', NULL, '01a25246-de2e-70f3-9378-0c479a60ecce', NULL, '2026-12-07 20:51:45.840566');
INSERT INTO public.organization_periods VALUES ('01a25246-de31-718e-85a2-9b7ab9932564', '1945-01-01', 'Đảng bộ huyện Như Thanh', 'party_committee', NULL, '01a25246-de2e-70f3-9378-0c479a60ecce', NULL, '2026-12-07 20:51:45.842419');
INSERT INTO public.organization_periods VALUES ('01a25246-de33-76c1-b1aa-dfaf7930d5cc', '1945-01-01', 'Huyện Nông Cống', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.844498');
INSERT INTO public.organization_periods VALUES ('01a25246-de35-721c-b0c7-682f560bc9ea', '1945-01-01', 'Trung tâm Chính trị huyện Nông Cống', 'center', NULL, '01a25246-de33-76c1-b1aa-dfaf7930d5cc', NULL, '2026-12-07 20:51:45.846372');
INSERT INTO public.organization_periods VALUES ('01a25246-de37-72ed-8527-2ff66802098f', '1945-01-01', 'Đảng bộ huyện Nông Cống', 'party_committee', NULL, '01a25246-de33-76c1-b1aa-dfaf7930d5cc', NULL, '2026-12-07 20:51:45.848');
INSERT INTO public.organization_periods VALUES ('01a25246-de38-7714-8ce1-552b51e59e3c', '1945-01-01', 'Huyện Đông Sơn', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.849487');
INSERT INTO public.organization_periods VALUES ('01a25246-de3a-7384-99bd-da4c29e2d3d1', '1945-01-01', 'Trung tâm Chính trị huyện Đông Sơn', 'center', NULL, '01a25246-de38-7714-8ce1-552b51e59e3c', NULL, '2026-12-07 20:51:45.851227');
INSERT INTO public.organization_periods VALUES ('01a25246-de3c-71c4-aafd-3317ac07f208', '1945-01-01', 'Đảng bộ huyện Đông Sơn', 'party_committee', NULL, '01a25246-de38-7714-8ce1-552b51e59e3c', NULL, '2026-12-07 20:51:45.852786');
INSERT INTO public.organization_periods VALUES ('01a25246-de3d-717d-b8f8-8820b34ae0e6', '1945-01-01', 'Huyện Quảng Xương', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.854372');
INSERT INTO public.organization_periods VALUES ('01a25246-de3f-739c-9350-b813bc15b2b5', '1945-01-01', 'Trung tâm Chính trị huyện Quảng Xương', 'center', NULL, '01a25246-de3d-717d-b8f8-8820b34ae0e6', NULL, '2026-12-07 20:51:45.856');
INSERT INTO public.organization_periods VALUES ('01a25246-de40-7729-acad-72d046d5984c', '1945-01-01', 'Đảng bộ huyện Quảng Xương', 'party_committee', NULL, '01a25246-de3d-717d-b8f8-8820b34ae0e6', NULL, '2026-12-07 20:51:45.857557');
INSERT INTO public.organization_periods VALUES ('01a25246-de42-77b5-bf1e-37af76f8b98b', '1945-01-01', 'Huyện Tĩnh Gia', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '2026-12-07 20:51:45.859188');
INSERT INTO public.organization_periods VALUES ('01a25246-de44-7681-9d67-5c6290cde134', '1945-01-01', 'Trung tâm Chính trị huyện Tĩnh Gia', 'center', NULL, '01a25246-de42-77b5-bf1e-37af76f8b98b', NULL, '2026-12-07 20:51:45.860688');
INSERT INTO public.organization_periods VALUES ('01a25246-de45-730e-9d6d-8ad46dc33a5d', '1945-01-01', 'Đảng bộ huyện Tĩnh Gia', 'party_committee', NULL, '01a25246-de42-77b5-bf1e-37af76f8b98b', NULL, '2026-12-07 20:51:45.862405');
INSERT INTO public.organization_periods VALUES ('01a25246-de42-77b5-bf1e-37af76f8b98b', '2020-06-01', 'Thị xã Nghi Sơn', 'district', 'town', '01a25246-dda2-7252-b108-bd1c1109a973', 'Nghị quyết số 933/NQ-UBTVQH14 ngày 16/4/2020 của Ủy ban Thường vụ Quốc hội', '2026-12-07 20:51:45.864146');
INSERT INTO public.organization_periods VALUES ('01a25246-de44-7681-9d67-5c6290cde134', '2020-06-01', 'Trung tâm Chính trị thị xã Nghi Sơn', 'center', NULL, '01a25246-de42-77b5-bf1e-37af76f8b98b', 'Nghị quyết số 933/NQ-UBTVQH14 ngày 16/4/2020 của Ủy ban Thường vụ Quốc hội', '2026-12-07 20:51:45.865307');
INSERT INTO public.organization_periods VALUES ('01a25246-de45-730e-9d6d-8ad46dc33a5d', '2020-06-01', 'Đảng bộ thị xã Nghi Sơn', 'party_committee', NULL, '01a25246-de42-77b5-bf1e-37af76f8b98b', 'Nghị quyết số 933/NQ-UBTVQH14 ngày 16/4/2020 của Ủy ban Thường vụ Quốc hội', '2026-12-07 20:51:45.866488');
INSERT INTO public.organization_periods VALUES ('01a25246-dfcd-7417-b5da-f121fba1be0a', '1945-01-01', 'Chi bộ thôn 1', 'party_organization', 'party_cell', '01a25246-de40-7729-acad-72d046d5984c', NULL, '2026-12-07 20:51:46.25482');
INSERT INTO public.organization_periods VALUES ('01a25246-e2b6-7128-8bc1-a8fd7af9617b', '1945-01-01', 'Chi bộ 0', 'party_organization', 'party_cell', '01a25246-de40-7729-acad-72d046d5984c', NULL, '2026-12-07 20:51:46.999571');
INSERT INTO public.organization_periods VALUES ('01a25246-e2f8-73dd-9fa3-4132bc196ce3', '1945-01-01', 'Chi bộ 1', 'party_organization', 'party_cell', '01a25246-de40-7729-acad-72d046d5984c', NULL, '2026-12-07 20:51:47.065875');
INSERT INTO public.organization_periods VALUES ('01a25246-e339-7292-81ed-ff0c23337fd3', '1945-01-01', 'Chi bộ 2', 'party_organization', 'party_cell', '01a25246-de40-7729-acad-72d046d5984c', NULL, '2026-12-07 20:51:47.130214');


--
-- Data for Name: organizations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.organizations VALUES ('01a25246-dda2-7252-b108-bd1c1109a973', 'province', NULL, NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/', '38', 'Tỉnh Thanh Hóa', 'tinh thanh hoa', NULL, NULL, 'GSO code 38', NULL, 1, '2026-12-07 20:51:45.698823', '2026-12-07 20:51:45.698823', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/');
INSERT INTO public.organizations VALUES ('01a25246-dda7-7477-bd30-78a4bd3f25a8', 'provincial_school', NULL, '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dda7-7477-bd30-78a4bd3f25a8/', 'TCT', 'Trường Chính trị tỉnh Thanh Hóa', 'truong chinh tri tinh thanh hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.703533', '2026-12-07 20:51:45.703533', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dda7-7477-bd30-78a4bd3f25a8/');
INSERT INTO public.organizations VALUES ('01a25246-ddac-772e-a32a-c20909a664b9', 'district', 'city', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddac-772e-a32a-c20909a664b9/', '380', 'Thành phố Thanh Hóa', 'thanh pho thanh hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.70872', '2026-12-07 20:51:45.70872', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddac-772e-a32a-c20909a664b9/');
INSERT INTO public.organizations VALUES ('01a25246-ddb1-776c-aa0c-d3e76867ec04', 'center', NULL, '01a25246-ddac-772e-a32a-c20909a664b9', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddac-772e-a32a-c20909a664b9/01a25246-ddb1-776c-aa0c-d3e76867ec04/', '380', 'Trung tâm Chính trị thành phố Thanh Hóa', 'trung tam chinh tri thanh pho thanh hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.713075', '2026-12-07 20:51:45.713075', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddac-772e-a32a-c20909a664b9/01a25246-ddb1-776c-aa0c-d3e76867ec04/');
INSERT INTO public.organizations VALUES ('01a25246-ddb3-722b-af79-566249bab385', 'party_committee', NULL, '01a25246-ddac-772e-a32a-c20909a664b9', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddac-772e-a32a-c20909a664b9/01a25246-ddb3-722b-af79-566249bab385/', '380', 'Đảng bộ thành phố Thanh Hóa', 'dang bo thanh pho thanh hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.715181', '2026-12-07 20:51:45.715181', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddac-772e-a32a-c20909a664b9/01a25246-ddb3-722b-af79-566249bab385/');
INSERT INTO public.organizations VALUES ('01a25246-ddb4-7259-8462-78615b2ea9d0', 'district', 'town', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddb4-7259-8462-78615b2ea9d0/', '381', 'Thị xã Bỉm Sơn', 'thi xa bim son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.716933', '2026-12-07 20:51:45.716933', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddb4-7259-8462-78615b2ea9d0/');
INSERT INTO public.organizations VALUES ('01a25246-ddb6-745c-80cc-36b8d85255e5', 'center', NULL, '01a25246-ddb4-7259-8462-78615b2ea9d0', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddb4-7259-8462-78615b2ea9d0/01a25246-ddb6-745c-80cc-36b8d85255e5/', '381', 'Trung tâm Chính trị thị xã Bỉm Sơn', 'trung tam chinh tri thi xa bim son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.718809', '2026-12-07 20:51:45.718809', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddb4-7259-8462-78615b2ea9d0/01a25246-ddb6-745c-80cc-36b8d85255e5/');
INSERT INTO public.organizations VALUES ('01a25246-ddb8-712d-b59c-1af9d16b2cac', 'party_committee', NULL, '01a25246-ddb4-7259-8462-78615b2ea9d0', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddb4-7259-8462-78615b2ea9d0/01a25246-ddb8-712d-b59c-1af9d16b2cac/', '381', 'Đảng bộ thị xã Bỉm Sơn', 'dang bo thi xa bim son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.72039', '2026-12-07 20:51:45.72039', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddb4-7259-8462-78615b2ea9d0/01a25246-ddb8-712d-b59c-1af9d16b2cac/');
INSERT INTO public.organizations VALUES ('01a25246-ddb9-7770-b173-bc72914f89ca', 'district', 'city', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddb9-7770-b173-bc72914f89ca/', '382', 'Thành phố Sầm Sơn', 'thanh pho sam son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.721959', '2026-12-07 20:51:45.721959', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddb9-7770-b173-bc72914f89ca/');
INSERT INTO public.organizations VALUES ('01a25246-ddbb-704b-905b-d48e7755f28d', 'center', NULL, '01a25246-ddb9-7770-b173-bc72914f89ca', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddb9-7770-b173-bc72914f89ca/01a25246-ddbb-704b-905b-d48e7755f28d/', '382', 'Trung tâm Chính trị thành phố Sầm Sơn', 'trung tam chinh tri thanh pho sam son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.723486', '2026-12-07 20:51:45.723486', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddb9-7770-b173-bc72914f89ca/01a25246-ddbb-704b-905b-d48e7755f28d/');
INSERT INTO public.organizations VALUES ('01a25246-ddbd-743d-92f9-8bc2ae1839f7', 'party_committee', NULL, '01a25246-ddb9-7770-b173-bc72914f89ca', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddb9-7770-b173-bc72914f89ca/01a25246-ddbd-743d-92f9-8bc2ae1839f7/', '382', 'Đảng bộ thành phố Sầm Sơn', 'dang bo thanh pho sam son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.72506', '2026-12-07 20:51:45.72506', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddb9-7770-b173-bc72914f89ca/01a25246-ddbd-743d-92f9-8bc2ae1839f7/');
INSERT INTO public.organizations VALUES ('01a25246-ddbe-73b6-857c-4408822dbfd5', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddbe-73b6-857c-4408822dbfd5/', '384', 'Huyện Mường Lát', 'huyen muong lat', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.72672', '2026-12-07 20:51:45.72672', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddbe-73b6-857c-4408822dbfd5/');
INSERT INTO public.organizations VALUES ('01a25246-ddc0-7065-9979-77b3af21bc3f', 'center', NULL, '01a25246-ddbe-73b6-857c-4408822dbfd5', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddbe-73b6-857c-4408822dbfd5/01a25246-ddc0-7065-9979-77b3af21bc3f/', '384', 'Trung tâm Chính trị huyện Mường Lát', 'trung tam chinh tri huyen muong lat', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.728504', '2026-12-07 20:51:45.728504', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddbe-73b6-857c-4408822dbfd5/01a25246-ddc0-7065-9979-77b3af21bc3f/');
INSERT INTO public.organizations VALUES ('01a25246-ddc2-767d-8c5f-fedfc8048245', 'party_committee', NULL, '01a25246-ddbe-73b6-857c-4408822dbfd5', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddbe-73b6-857c-4408822dbfd5/01a25246-ddc2-767d-8c5f-fedfc8048245/', '384', 'Đảng bộ huyện Mường Lát', 'dang bo huyen muong lat', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.730371', '2026-12-07 20:51:45.730371', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddbe-73b6-857c-4408822dbfd5/01a25246-ddc2-767d-8c5f-fedfc8048245/');
INSERT INTO public.organizations VALUES ('01a25246-ddc4-752a-9236-0335453aef93', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddc4-752a-9236-0335453aef93/', '385', 'Huyện Quan Hóa', 'huyen quan hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.732263', '2026-12-07 20:51:45.732263', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddc4-752a-9236-0335453aef93/');
INSERT INTO public.organizations VALUES ('01a25246-ddc6-7074-8c3d-72c6669134ad', 'center', NULL, '01a25246-ddc4-752a-9236-0335453aef93', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddc4-752a-9236-0335453aef93/01a25246-ddc6-7074-8c3d-72c6669134ad/', '385', 'Trung tâm Chính trị huyện Quan Hóa', 'trung tam chinh tri huyen quan hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.734113', '2026-12-07 20:51:45.734113', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddc4-752a-9236-0335453aef93/01a25246-ddc6-7074-8c3d-72c6669134ad/');
INSERT INTO public.organizations VALUES ('01a25246-ddc7-775d-9669-4875c18f0381', 'party_committee', NULL, '01a25246-ddc4-752a-9236-0335453aef93', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddc4-752a-9236-0335453aef93/01a25246-ddc7-775d-9669-4875c18f0381/', '385', 'Đảng bộ huyện Quan Hóa', 'dang bo huyen quan hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.735977', '2026-12-07 20:51:45.735977', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddc4-752a-9236-0335453aef93/01a25246-ddc7-775d-9669-4875c18f0381/');
INSERT INTO public.organizations VALUES ('01a25246-ddc9-7255-bec4-c2b9f050e564', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddc9-7255-bec4-c2b9f050e564/', '386', 'Huyện Bá Thước', 'huyen ba thuoc', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.737716', '2026-12-07 20:51:45.737716', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddc9-7255-bec4-c2b9f050e564/');
INSERT INTO public.organizations VALUES ('01a25246-ddcb-7200-b501-b570a7223d8f', 'center', NULL, '01a25246-ddc9-7255-bec4-c2b9f050e564', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddc9-7255-bec4-c2b9f050e564/01a25246-ddcb-7200-b501-b570a7223d8f/', '386', 'Trung tâm Chính trị huyện Bá Thước', 'trung tam chinh tri huyen ba thuoc', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.739332', '2026-12-07 20:51:45.739332', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddc9-7255-bec4-c2b9f050e564/01a25246-ddcb-7200-b501-b570a7223d8f/');
INSERT INTO public.organizations VALUES ('01a25246-ddcc-712f-94ed-f65c562ca5cc', 'party_committee', NULL, '01a25246-ddc9-7255-bec4-c2b9f050e564', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddc9-7255-bec4-c2b9f050e564/01a25246-ddcc-712f-94ed-f65c562ca5cc/', '386', 'Đảng bộ huyện Bá Thước', 'dang bo huyen ba thuoc', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.740986', '2026-12-07 20:51:45.740986', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddc9-7255-bec4-c2b9f050e564/01a25246-ddcc-712f-94ed-f65c562ca5cc/');
INSERT INTO public.organizations VALUES ('01a25246-ddce-72cd-a746-eef2187b09a4', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddce-72cd-a746-eef2187b09a4/', '387', 'Huyện Quan Sơn', 'huyen quan son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.742732', '2026-12-07 20:51:45.742732', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddce-72cd-a746-eef2187b09a4/');
INSERT INTO public.organizations VALUES ('01a25246-ddd0-7093-b95c-15ea2ec15171', 'center', NULL, '01a25246-ddce-72cd-a746-eef2187b09a4', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddce-72cd-a746-eef2187b09a4/01a25246-ddd0-7093-b95c-15ea2ec15171/', '387', 'Trung tâm Chính trị huyện Quan Sơn', 'trung tam chinh tri huyen quan son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.74449', '2026-12-07 20:51:45.74449', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddce-72cd-a746-eef2187b09a4/01a25246-ddd0-7093-b95c-15ea2ec15171/');
INSERT INTO public.organizations VALUES ('01a25246-ddd2-7172-9079-290f9f9b20e8', 'party_committee', NULL, '01a25246-ddce-72cd-a746-eef2187b09a4', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddce-72cd-a746-eef2187b09a4/01a25246-ddd2-7172-9079-290f9f9b20e8/', '387', 'Đảng bộ huyện Quan Sơn', 'dang bo huyen quan son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.746136', '2026-12-07 20:51:45.746136', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddce-72cd-a746-eef2187b09a4/01a25246-ddd2-7172-9079-290f9f9b20e8/');
INSERT INTO public.organizations VALUES ('01a25246-ddd4-7230-8963-9bfa0b939455', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddd4-7230-8963-9bfa0b939455/', '388', 'Huyện Lang Chánh', 'huyen lang chanh', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.748429', '2026-12-07 20:51:45.748429', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddd4-7230-8963-9bfa0b939455/');
INSERT INTO public.organizations VALUES ('01a25246-ddd6-72ea-9f86-9314d1f54e1a', 'center', NULL, '01a25246-ddd4-7230-8963-9bfa0b939455', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddd4-7230-8963-9bfa0b939455/01a25246-ddd6-72ea-9f86-9314d1f54e1a/', '388', 'Trung tâm Chính trị huyện Lang Chánh', 'trung tam chinh tri huyen lang chanh', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.750061', '2026-12-07 20:51:45.750061', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddd4-7230-8963-9bfa0b939455/01a25246-ddd6-72ea-9f86-9314d1f54e1a/');
INSERT INTO public.organizations VALUES ('01a25246-ddd7-71e7-abcc-d7f543fa46d4', 'party_committee', NULL, '01a25246-ddd4-7230-8963-9bfa0b939455', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddd4-7230-8963-9bfa0b939455/01a25246-ddd7-71e7-abcc-d7f543fa46d4/', '388', 'Đảng bộ huyện Lang Chánh', 'dang bo huyen lang chanh', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.751652', '2026-12-07 20:51:45.751652', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddd4-7230-8963-9bfa0b939455/01a25246-ddd7-71e7-abcc-d7f543fa46d4/');
INSERT INTO public.organizations VALUES ('01a25246-ddd9-707d-afb1-63f76d111fbb', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddd9-707d-afb1-63f76d111fbb/', '389', 'Huyện Ngọc Lặc', 'huyen ngoc lac', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.753258', '2026-12-07 20:51:45.753258', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddd9-707d-afb1-63f76d111fbb/');
INSERT INTO public.organizations VALUES ('01a25246-ddda-7083-8961-07990f3aa1fb', 'center', NULL, '01a25246-ddd9-707d-afb1-63f76d111fbb', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddd9-707d-afb1-63f76d111fbb/01a25246-ddda-7083-8961-07990f3aa1fb/', '389', 'Trung tâm Chính trị huyện Ngọc Lặc', 'trung tam chinh tri huyen ngoc lac', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.754953', '2026-12-07 20:51:45.754953', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddd9-707d-afb1-63f76d111fbb/01a25246-ddda-7083-8961-07990f3aa1fb/');
INSERT INTO public.organizations VALUES ('01a25246-dddc-73c7-b6bf-a3009b05718c', 'party_committee', NULL, '01a25246-ddd9-707d-afb1-63f76d111fbb', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddd9-707d-afb1-63f76d111fbb/01a25246-dddc-73c7-b6bf-a3009b05718c/', '389', 'Đảng bộ huyện Ngọc Lặc', 'dang bo huyen ngoc lac', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.756575', '2026-12-07 20:51:45.756575', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddd9-707d-afb1-63f76d111fbb/01a25246-dddc-73c7-b6bf-a3009b05718c/');
INSERT INTO public.organizations VALUES ('01a25246-ddde-7660-adbe-89bffcc58dcf', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddde-7660-adbe-89bffcc58dcf/', '390', 'Huyện Cẩm Thủy', 'huyen cam thuy', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.758216', '2026-12-07 20:51:45.758216', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddde-7660-adbe-89bffcc58dcf/');
INSERT INTO public.organizations VALUES ('01a25246-dddf-72ce-bef0-c164aac27594', 'center', NULL, '01a25246-ddde-7660-adbe-89bffcc58dcf', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddde-7660-adbe-89bffcc58dcf/01a25246-dddf-72ce-bef0-c164aac27594/', '390', 'Trung tâm Chính trị huyện Cẩm Thủy', 'trung tam chinh tri huyen cam thuy', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.759766', '2026-12-07 20:51:45.759766', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddde-7660-adbe-89bffcc58dcf/01a25246-dddf-72ce-bef0-c164aac27594/');
INSERT INTO public.organizations VALUES ('01a25246-dde1-7327-aace-4cfc7514f47b', 'party_committee', NULL, '01a25246-ddde-7660-adbe-89bffcc58dcf', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddde-7660-adbe-89bffcc58dcf/01a25246-dde1-7327-aace-4cfc7514f47b/', '390', 'Đảng bộ huyện Cẩm Thủy', 'dang bo huyen cam thuy', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.761349', '2026-12-07 20:51:45.761349', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddde-7660-adbe-89bffcc58dcf/01a25246-dde1-7327-aace-4cfc7514f47b/');
INSERT INTO public.organizations VALUES ('01a25246-dde2-7074-84fa-6e603033eeed', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dde2-7074-84fa-6e603033eeed/', '391', 'Huyện Thạch Thành', 'huyen thach thanh', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.76289', '2026-12-07 20:51:45.76289', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dde2-7074-84fa-6e603033eeed/');
INSERT INTO public.organizations VALUES ('01a25246-dde4-7030-a95b-50bb94a94c9e', 'center', NULL, '01a25246-dde2-7074-84fa-6e603033eeed', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dde2-7074-84fa-6e603033eeed/01a25246-dde4-7030-a95b-50bb94a94c9e/', '391', 'Trung tâm Chính trị huyện Thạch Thành', 'trung tam chinh tri huyen thach thanh', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.76442', '2026-12-07 20:51:45.76442', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dde2-7074-84fa-6e603033eeed/01a25246-dde4-7030-a95b-50bb94a94c9e/');
INSERT INTO public.organizations VALUES ('01a25246-dde5-7684-8569-f64ac26674b5', 'party_committee', NULL, '01a25246-dde2-7074-84fa-6e603033eeed', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dde2-7074-84fa-6e603033eeed/01a25246-dde5-7684-8569-f64ac26674b5/', '391', 'Đảng bộ huyện Thạch Thành', 'dang bo huyen thach thanh', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.765924', '2026-12-07 20:51:45.765924', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dde2-7074-84fa-6e603033eeed/01a25246-dde5-7684-8569-f64ac26674b5/');
INSERT INTO public.organizations VALUES ('01a25246-dde7-754f-b40c-e8b8fb6a0414', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dde7-754f-b40c-e8b8fb6a0414/', '392', 'Huyện Hà Trung', 'huyen ha trung', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.76752', '2026-12-07 20:51:45.76752', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dde7-754f-b40c-e8b8fb6a0414/');
INSERT INTO public.organizations VALUES ('01a25246-dde9-7222-b258-51b8054813e1', 'center', NULL, '01a25246-dde7-754f-b40c-e8b8fb6a0414', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dde7-754f-b40c-e8b8fb6a0414/01a25246-dde9-7222-b258-51b8054813e1/', '392', 'Trung tâm Chính trị huyện Hà Trung', 'trung tam chinh tri huyen ha trung', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.769388', '2026-12-07 20:51:45.769388', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dde7-754f-b40c-e8b8fb6a0414/01a25246-dde9-7222-b258-51b8054813e1/');
INSERT INTO public.organizations VALUES ('01a25246-ddea-7196-9948-916540fbcd49', 'party_committee', NULL, '01a25246-dde7-754f-b40c-e8b8fb6a0414', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dde7-754f-b40c-e8b8fb6a0414/01a25246-ddea-7196-9948-916540fbcd49/', '392', 'Đảng bộ huyện Hà Trung', 'dang bo huyen ha trung', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.770973', '2026-12-07 20:51:45.770973', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-dde7-754f-b40c-e8b8fb6a0414/01a25246-ddea-7196-9948-916540fbcd49/');
INSERT INTO public.organizations VALUES ('01a25246-ddec-734b-87b9-5f1fb90cf381', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddec-734b-87b9-5f1fb90cf381/', '393', 'Huyện Vĩnh Lộc', 'huyen vinh loc', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.772534', '2026-12-07 20:51:45.772534', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddec-734b-87b9-5f1fb90cf381/');
INSERT INTO public.organizations VALUES ('01a25246-ddee-71ee-b7e2-4356a69779db', 'center', NULL, '01a25246-ddec-734b-87b9-5f1fb90cf381', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddec-734b-87b9-5f1fb90cf381/01a25246-ddee-71ee-b7e2-4356a69779db/', '393', 'Trung tâm Chính trị huyện Vĩnh Lộc', 'trung tam chinh tri huyen vinh loc', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.77436', '2026-12-07 20:51:45.77436', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddec-734b-87b9-5f1fb90cf381/01a25246-ddee-71ee-b7e2-4356a69779db/');
INSERT INTO public.organizations VALUES ('01a25246-ddef-7182-8f64-c6f9f0686b27', 'party_committee', NULL, '01a25246-ddec-734b-87b9-5f1fb90cf381', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddec-734b-87b9-5f1fb90cf381/01a25246-ddef-7182-8f64-c6f9f0686b27/', '393', 'Đảng bộ huyện Vĩnh Lộc', 'dang bo huyen vinh loc', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.775885', '2026-12-07 20:51:45.775885', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddec-734b-87b9-5f1fb90cf381/01a25246-ddef-7182-8f64-c6f9f0686b27/');
INSERT INTO public.organizations VALUES ('01a25246-ddf1-7737-aaff-d71e24dc95b2', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddf1-7737-aaff-d71e24dc95b2/', '394', 'Huyện Yên Định', 'huyen yen dinh', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.777496', '2026-12-07 20:51:45.777496', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddf1-7737-aaff-d71e24dc95b2/');
INSERT INTO public.organizations VALUES ('01a25246-ddf3-7740-9b2a-0818044f8f7b', 'center', NULL, '01a25246-ddf1-7737-aaff-d71e24dc95b2', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddf1-7737-aaff-d71e24dc95b2/01a25246-ddf3-7740-9b2a-0818044f8f7b/', '394', 'Trung tâm Chính trị huyện Yên Định', 'trung tam chinh tri huyen yen dinh', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.779094', '2026-12-07 20:51:45.779094', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddf1-7737-aaff-d71e24dc95b2/01a25246-ddf3-7740-9b2a-0818044f8f7b/');
INSERT INTO public.organizations VALUES ('01a25246-ddf4-7215-b4f5-3497841c5f72', 'party_committee', NULL, '01a25246-ddf1-7737-aaff-d71e24dc95b2', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddf1-7737-aaff-d71e24dc95b2/01a25246-ddf4-7215-b4f5-3497841c5f72/', '394', 'Đảng bộ huyện Yên Định', 'dang bo huyen yen dinh', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.780718', '2026-12-07 20:51:45.780718', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddf1-7737-aaff-d71e24dc95b2/01a25246-ddf4-7215-b4f5-3497841c5f72/');
INSERT INTO public.organizations VALUES ('01a25246-ddf6-7347-afcd-bd19d182609c', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddf6-7347-afcd-bd19d182609c/', '395', 'Huyện Thọ Xuân', 'huyen tho xuan', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.782872', '2026-12-07 20:51:45.782872', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddf6-7347-afcd-bd19d182609c/');
INSERT INTO public.organizations VALUES ('01a25246-ddf9-71e9-8dc6-be1a8a744c6a', 'center', NULL, '01a25246-ddf6-7347-afcd-bd19d182609c', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddf6-7347-afcd-bd19d182609c/01a25246-ddf9-71e9-8dc6-be1a8a744c6a/', '395', 'Trung tâm Chính trị huyện Thọ Xuân', 'trung tam chinh tri huyen tho xuan', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.785047', '2026-12-07 20:51:45.785047', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddf6-7347-afcd-bd19d182609c/01a25246-ddf9-71e9-8dc6-be1a8a744c6a/');
INSERT INTO public.organizations VALUES ('01a25246-ddfa-70cb-90b3-e3f21103b574', 'party_committee', NULL, '01a25246-ddf6-7347-afcd-bd19d182609c', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddf6-7347-afcd-bd19d182609c/01a25246-ddfa-70cb-90b3-e3f21103b574/', '395', 'Đảng bộ huyện Thọ Xuân', 'dang bo huyen tho xuan', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.787', '2026-12-07 20:51:45.787', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddf6-7347-afcd-bd19d182609c/01a25246-ddfa-70cb-90b3-e3f21103b574/');
INSERT INTO public.organizations VALUES ('01a25246-ddfc-7059-a350-2f45109d7d4b', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddfc-7059-a350-2f45109d7d4b/', '396', 'Huyện Thường Xuân', 'huyen thuong xuan', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.788824', '2026-12-07 20:51:45.788824', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddfc-7059-a350-2f45109d7d4b/');
INSERT INTO public.organizations VALUES ('01a25246-ddfe-748c-bbe7-7662336bfbf6', 'center', NULL, '01a25246-ddfc-7059-a350-2f45109d7d4b', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddfc-7059-a350-2f45109d7d4b/01a25246-ddfe-748c-bbe7-7662336bfbf6/', '396', 'Trung tâm Chính trị huyện Thường Xuân', 'trung tam chinh tri huyen thuong xuan', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.790684', '2026-12-07 20:51:45.790684', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddfc-7059-a350-2f45109d7d4b/01a25246-ddfe-748c-bbe7-7662336bfbf6/');
INSERT INTO public.organizations VALUES ('01a25246-de00-72d0-9d5b-6ae4dd483afc', 'party_committee', NULL, '01a25246-ddfc-7059-a350-2f45109d7d4b', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddfc-7059-a350-2f45109d7d4b/01a25246-de00-72d0-9d5b-6ae4dd483afc/', '396', 'Đảng bộ huyện Thường Xuân', 'dang bo huyen thuong xuan', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.792463', '2026-12-07 20:51:45.792463', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-ddfc-7059-a350-2f45109d7d4b/01a25246-de00-72d0-9d5b-6ae4dd483afc/');
INSERT INTO public.organizations VALUES ('01a25246-de02-72a1-ab5b-4c63d634bcec', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de02-72a1-ab5b-4c63d634bcec/', '397', 'Huyện Triệu Sơn', 'huyen trieu son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.794412', '2026-12-07 20:51:45.794412', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de02-72a1-ab5b-4c63d634bcec/');
INSERT INTO public.organizations VALUES ('01a25246-de04-73c7-b1a7-0452db1c6be0', 'center', NULL, '01a25246-de02-72a1-ab5b-4c63d634bcec', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de02-72a1-ab5b-4c63d634bcec/01a25246-de04-73c7-b1a7-0452db1c6be0/', '397', 'Trung tâm Chính trị huyện Triệu Sơn', 'trung tam chinh tri huyen trieu son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.796204', '2026-12-07 20:51:45.796204', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de02-72a1-ab5b-4c63d634bcec/01a25246-de04-73c7-b1a7-0452db1c6be0/');
INSERT INTO public.organizations VALUES ('01a25246-de06-7781-ae19-eaf1a47d44d5', 'party_committee', NULL, '01a25246-de02-72a1-ab5b-4c63d634bcec', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de02-72a1-ab5b-4c63d634bcec/01a25246-de06-7781-ae19-eaf1a47d44d5/', '397', 'Đảng bộ huyện Triệu Sơn', 'dang bo huyen trieu son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.798052', '2026-12-07 20:51:45.798052', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de02-72a1-ab5b-4c63d634bcec/01a25246-de06-7781-ae19-eaf1a47d44d5/');
INSERT INTO public.organizations VALUES ('01a25246-de07-740d-b2e3-a32e27e4d396', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de07-740d-b2e3-a32e27e4d396/', '398', 'Huyện Thiệu Hóa', 'huyen thieu hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.799879', '2026-12-07 20:51:45.799879', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de07-740d-b2e3-a32e27e4d396/');
INSERT INTO public.organizations VALUES ('01a25246-de09-74c9-8e19-574b7869486a', 'center', NULL, '01a25246-de07-740d-b2e3-a32e27e4d396', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de07-740d-b2e3-a32e27e4d396/01a25246-de09-74c9-8e19-574b7869486a/', '398', 'Trung tâm Chính trị huyện Thiệu Hóa', 'trung tam chinh tri huyen thieu hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.801691', '2026-12-07 20:51:45.801691', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de07-740d-b2e3-a32e27e4d396/01a25246-de09-74c9-8e19-574b7869486a/');
INSERT INTO public.organizations VALUES ('01a25246-de0b-702b-ae4b-af7ffd11daff', 'party_committee', NULL, '01a25246-de07-740d-b2e3-a32e27e4d396', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de07-740d-b2e3-a32e27e4d396/01a25246-de0b-702b-ae4b-af7ffd11daff/', '398', 'Đảng bộ huyện Thiệu Hóa', 'dang bo huyen thieu hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.803397', '2026-12-07 20:51:45.803397', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de07-740d-b2e3-a32e27e4d396/01a25246-de0b-702b-ae4b-af7ffd11daff/');
INSERT INTO public.organizations VALUES ('01a25246-de0d-716d-835f-e6816d55217e', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de0d-716d-835f-e6816d55217e/', '399', 'Huyện Hoằng Hóa', 'huyen hoang hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.805142', '2026-12-07 20:51:45.805142', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de0d-716d-835f-e6816d55217e/');
INSERT INTO public.organizations VALUES ('01a25246-de0e-73a8-a9cd-9537069e550a', 'center', NULL, '01a25246-de0d-716d-835f-e6816d55217e', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de0d-716d-835f-e6816d55217e/01a25246-de0e-73a8-a9cd-9537069e550a/', '399', 'Trung tâm Chính trị huyện Hoằng Hóa', 'trung tam chinh tri huyen hoang hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.806941', '2026-12-07 20:51:45.806941', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de0d-716d-835f-e6816d55217e/01a25246-de0e-73a8-a9cd-9537069e550a/');
INSERT INTO public.organizations VALUES ('01a25246-de10-76a3-91e1-46858f2ee661', 'party_committee', NULL, '01a25246-de0d-716d-835f-e6816d55217e', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de0d-716d-835f-e6816d55217e/01a25246-de10-76a3-91e1-46858f2ee661/', '399', 'Đảng bộ huyện Hoằng Hóa', 'dang bo huyen hoang hoa', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.808733', '2026-12-07 20:51:45.808733', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de0d-716d-835f-e6816d55217e/01a25246-de10-76a3-91e1-46858f2ee661/');
INSERT INTO public.organizations VALUES ('01a25246-de12-728f-93ad-3eb2ff52de5d', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de12-728f-93ad-3eb2ff52de5d/', '400', 'Huyện Hậu Lộc', 'huyen hau loc', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.810628', '2026-12-07 20:51:45.810628', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de12-728f-93ad-3eb2ff52de5d/');
INSERT INTO public.organizations VALUES ('01a25246-de14-73b5-8dce-c1a84d1f2b16', 'center', NULL, '01a25246-de12-728f-93ad-3eb2ff52de5d', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de12-728f-93ad-3eb2ff52de5d/01a25246-de14-73b5-8dce-c1a84d1f2b16/', '400', 'Trung tâm Chính trị huyện Hậu Lộc', 'trung tam chinh tri huyen hau loc', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.812617', '2026-12-07 20:51:45.812617', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de12-728f-93ad-3eb2ff52de5d/01a25246-de14-73b5-8dce-c1a84d1f2b16/');
INSERT INTO public.organizations VALUES ('01a25246-de16-7536-aa29-2a3deb4798da', 'party_committee', NULL, '01a25246-de12-728f-93ad-3eb2ff52de5d', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de12-728f-93ad-3eb2ff52de5d/01a25246-de16-7536-aa29-2a3deb4798da/', '400', 'Đảng bộ huyện Hậu Lộc', 'dang bo huyen hau loc', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.814519', '2026-12-07 20:51:45.814519', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de12-728f-93ad-3eb2ff52de5d/01a25246-de16-7536-aa29-2a3deb4798da/');
INSERT INTO public.organizations VALUES ('01a25246-de19-70b3-bd5d-9ac2f9911fbe', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de19-70b3-bd5d-9ac2f9911fbe/', '401', 'Huyện Nga Sơn', 'huyen nga son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.817286', '2026-12-07 20:51:45.817286', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de19-70b3-bd5d-9ac2f9911fbe/');
INSERT INTO public.organizations VALUES ('01a25246-de1b-774b-b72a-ead08b3970b0', 'center', NULL, '01a25246-de19-70b3-bd5d-9ac2f9911fbe', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de19-70b3-bd5d-9ac2f9911fbe/01a25246-de1b-774b-b72a-ead08b3970b0/', '401', 'Trung tâm Chính trị huyện Nga Sơn', 'trung tam chinh tri huyen nga son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.819336', '2026-12-07 20:51:45.819336', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de19-70b3-bd5d-9ac2f9911fbe/01a25246-de1b-774b-b72a-ead08b3970b0/');
INSERT INTO public.organizations VALUES ('01a25246-de1f-73e7-bff8-eb8e016fedab', 'party_committee', NULL, '01a25246-de19-70b3-bd5d-9ac2f9911fbe', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de19-70b3-bd5d-9ac2f9911fbe/01a25246-de1f-73e7-bff8-eb8e016fedab/', '401', 'Đảng bộ huyện Nga Sơn', 'dang bo huyen nga son', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.823026', '2026-12-07 20:51:45.823026', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de19-70b3-bd5d-9ac2f9911fbe/01a25246-de1f-73e7-bff8-eb8e016fedab/');
INSERT INTO public.organizations VALUES ('01a25246-de27-7269-9140-1572557e9e61', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de27-7269-9140-1572557e9e61/', '402', 'Huyện Như Xuân', 'huyen nhu xuan', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.831565', '2026-12-07 20:51:45.831565', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de27-7269-9140-1572557e9e61/');
INSERT INTO public.organizations VALUES ('01a25246-de29-74c3-8a65-cf0d7304671a', 'center', NULL, '01a25246-de27-7269-9140-1572557e9e61', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de27-7269-9140-1572557e9e61/01a25246-de29-74c3-8a65-cf0d7304671a/', '402', 'Trung tâm Chính trị huyện Như Xuân', 'trung tam chinh tri huyen nhu xuan', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.833482', '2026-12-07 20:51:45.833482', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de27-7269-9140-1572557e9e61/01a25246-de29-74c3-8a65-cf0d7304671a/');
INSERT INTO public.organizations VALUES ('01a25246-de2b-736d-bb7d-436184e46eb2', 'party_committee', NULL, '01a25246-de27-7269-9140-1572557e9e61', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de27-7269-9140-1572557e9e61/01a25246-de2b-736d-bb7d-436184e46eb2/', '402', 'Đảng bộ huyện Như Xuân', 'dang bo huyen nhu xuan', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.835418', '2026-12-07 20:51:45.835418', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de27-7269-9140-1572557e9e61/01a25246-de2b-736d-bb7d-436184e46eb2/');
INSERT INTO public.organizations VALUES ('01a25246-de2e-70f3-9378-0c479a60ecce', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de2e-70f3-9378-0c479a60ecce/', '403', 'Huyện Như Thanh', 'huyen nhu thanh', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.838027', '2026-12-07 20:51:45.838027', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de2e-70f3-9378-0c479a60ecce/');
INSERT INTO public.organizations VALUES ('01a25246-de2f-7711-b986-ae4767211752', 'center', NULL, '01a25246-de2e-70f3-9378-0c479a60ecce', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de2e-70f3-9378-0c479a60ecce/01a25246-de2f-7711-b986-ae4767211752/', '403', 'Trung tâm Chính trị huyện Như Thanh', 'trung tam chinh tri huyen nhu thanh', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.839772', '2026-12-07 20:51:45.839772', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de2e-70f3-9378-0c479a60ecce/01a25246-de2f-7711-b986-ae4767211752/');
INSERT INTO public.organizations VALUES ('01a25246-de31-718e-85a2-9b7ab9932564', 'party_committee', NULL, '01a25246-de2e-70f3-9378-0c479a60ecce', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de2e-70f3-9378-0c479a60ecce/01a25246-de31-718e-85a2-9b7ab9932564/', '403', 'Đảng bộ huyện Như Thanh', 'dang bo huyen nhu thanh', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.841674', '2026-12-07 20:51:45.841674', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de2e-70f3-9378-0c479a60ecce/01a25246-de31-718e-85a2-9b7ab9932564/');
INSERT INTO public.organizations VALUES ('01a25246-de33-76c1-b1aa-dfaf7930d5cc', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de33-76c1-b1aa-dfaf7930d5cc/', '404', 'Huyện Nông Cống', 'huyen nong cong', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.84366', '2026-12-07 20:51:45.84366', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de33-76c1-b1aa-dfaf7930d5cc/');
INSERT INTO public.organizations VALUES ('01a25246-de35-721c-b0c7-682f560bc9ea', 'center', NULL, '01a25246-de33-76c1-b1aa-dfaf7930d5cc', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de33-76c1-b1aa-dfaf7930d5cc/01a25246-de35-721c-b0c7-682f560bc9ea/', '404', 'Trung tâm Chính trị huyện Nông Cống', 'trung tam chinh tri huyen nong cong', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.845569', '2026-12-07 20:51:45.845569', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de33-76c1-b1aa-dfaf7930d5cc/01a25246-de35-721c-b0c7-682f560bc9ea/');
INSERT INTO public.organizations VALUES ('01a25246-de37-72ed-8527-2ff66802098f', 'party_committee', NULL, '01a25246-de33-76c1-b1aa-dfaf7930d5cc', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de33-76c1-b1aa-dfaf7930d5cc/01a25246-de37-72ed-8527-2ff66802098f/', '404', 'Đảng bộ huyện Nông Cống', 'dang bo huyen nong cong', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.847435', '2026-12-07 20:51:45.847435', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de33-76c1-b1aa-dfaf7930d5cc/01a25246-de37-72ed-8527-2ff66802098f/');
INSERT INTO public.organizations VALUES ('01a25246-de3d-717d-b8f8-8820b34ae0e6', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/', '406', 'Huyện Quảng Xương', 'huyen quang xuong', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.853702', '2026-12-07 20:51:45.853702', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/');
INSERT INTO public.organizations VALUES ('01a25246-de3f-739c-9350-b813bc15b2b5', 'center', NULL, '01a25246-de3d-717d-b8f8-8820b34ae0e6', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/', '406', 'Trung tâm Chính trị huyện Quảng Xương', 'trung tam chinh tri huyen quang xuong', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.855425', '2026-12-07 20:51:45.855425', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.organizations VALUES ('01a25246-de40-7729-acad-72d046d5984c', 'party_committee', NULL, '01a25246-de3d-717d-b8f8-8820b34ae0e6', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/', '406', 'Đảng bộ huyện Quảng Xương', 'dang bo huyen quang xuong', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:45.856997', '2026-12-07 20:51:45.856997', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/');
INSERT INTO public.organizations VALUES ('01a25246-de3a-7384-99bd-da4c29e2d3d1', 'center', NULL, '01a25246-de38-7714-8ce1-552b51e59e3c', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de38-7714-8ce1-552b51e59e3c/01a25246-de3a-7384-99bd-da4c29e2d3d1/', '405', 'Trung tâm Chính trị huyện Đông Sơn', 'trung tam chinh tri huyen dong son', NULL, '2024-11-30', NULL, NULL, 2, '2026-12-07 20:51:45.85054', '2026-12-07 20:51:45.867772', 'Nghị quyết số 1247/NQ-UBTVQH15 ngày 14/10/2024 của Ủy ban Thường vụ Quốc hội', '01a25246-ddb1-776c-aa0c-d3e76867ec04', '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de38-7714-8ce1-552b51e59e3c/01a25246-de3a-7384-99bd-da4c29e2d3d1/');
INSERT INTO public.organizations VALUES ('01a25246-de38-7714-8ce1-552b51e59e3c', 'district', 'district', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de38-7714-8ce1-552b51e59e3c/', '405', 'Huyện Đông Sơn', 'huyen dong son', NULL, '2024-11-30', NULL, NULL, 2, '2026-12-07 20:51:45.848958', '2026-12-07 20:51:45.871556', 'Nghị quyết số 1247/NQ-UBTVQH15 ngày 14/10/2024 của Ủy ban Thường vụ Quốc hội', '01a25246-ddac-772e-a32a-c20909a664b9', '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de38-7714-8ce1-552b51e59e3c/');
INSERT INTO public.organizations VALUES ('01a25246-de3c-71c4-aafd-3317ac07f208', 'party_committee', NULL, '01a25246-de38-7714-8ce1-552b51e59e3c', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de38-7714-8ce1-552b51e59e3c/01a25246-de3c-71c4-aafd-3317ac07f208/', '405', 'Đảng bộ huyện Đông Sơn', 'dang bo huyen dong son', NULL, '2024-11-30', NULL, NULL, 2, '2026-12-07 20:51:45.852193', '2026-12-07 20:51:45.869628', 'Nghị quyết số 1247/NQ-UBTVQH15 ngày 14/10/2024 của Ủy ban Thường vụ Quốc hội', '01a25246-ddb3-722b-af79-566249bab385', '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de38-7714-8ce1-552b51e59e3c/01a25246-de3c-71c4-aafd-3317ac07f208/');
INSERT INTO public.organizations VALUES ('01a25246-de42-77b5-bf1e-37af76f8b98b', 'district', 'town', '01a25246-dda2-7252-b108-bd1c1109a973', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de42-77b5-bf1e-37af76f8b98b/', '407', 'Thị xã Nghi Sơn', 'thi xa nghi son', NULL, NULL, NULL, NULL, 2, '2026-12-07 20:51:45.858626', '2026-12-07 20:51:45.876444', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de42-77b5-bf1e-37af76f8b98b/');
INSERT INTO public.organizations VALUES ('01a25246-de44-7681-9d67-5c6290cde134', 'center', NULL, '01a25246-de42-77b5-bf1e-37af76f8b98b', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de42-77b5-bf1e-37af76f8b98b/01a25246-de44-7681-9d67-5c6290cde134/', '407', 'Trung tâm Chính trị thị xã Nghi Sơn', 'trung tam chinh tri thi xa nghi son', NULL, NULL, NULL, NULL, 2, '2026-12-07 20:51:45.860118', '2026-12-07 20:51:45.880444', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de42-77b5-bf1e-37af76f8b98b/01a25246-de44-7681-9d67-5c6290cde134/');
INSERT INTO public.organizations VALUES ('01a25246-de45-730e-9d6d-8ad46dc33a5d', 'party_committee', NULL, '01a25246-de42-77b5-bf1e-37af76f8b98b', NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de42-77b5-bf1e-37af76f8b98b/01a25246-de45-730e-9d6d-8ad46dc33a5d/', '407', 'Đảng bộ thị xã Nghi Sơn', 'dang bo thi xa nghi son', NULL, NULL, NULL, NULL, 2, '2026-12-07 20:51:45.861638', '2026-12-07 20:51:45.88699', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de42-77b5-bf1e-37af76f8b98b/01a25246-de45-730e-9d6d-8ad46dc33a5d/');
INSERT INTO public.organizations VALUES ('01a25246-dfcd-7417-b5da-f121fba1be0a', 'party_organization', 'party_cell', '01a25246-de40-7729-acad-72d046d5984c', '01a25246-de3f-739c-9350-b813bc15b2b5', '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-dfcd-7417-b5da-f121fba1be0a/', 'CB-1', 'Chi bộ thôn 1', 'chi bo thon 1', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:46.25356', '2026-12-07 20:51:46.25356', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.organizations VALUES ('01a25246-e2b6-7128-8bc1-a8fd7af9617b', 'party_organization', 'party_cell', '01a25246-de40-7729-acad-72d046d5984c', '01a25246-de3f-739c-9350-b813bc15b2b5', '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-e2b6-7128-8bc1-a8fd7af9617b/', 'WALK-0', 'Chi bộ 0', 'chi bo 0', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:46.998843', '2026-12-07 20:51:46.998843', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.organizations VALUES ('01a25246-e2f8-73dd-9fa3-4132bc196ce3', 'party_organization', 'party_cell', '01a25246-de40-7729-acad-72d046d5984c', '01a25246-de3f-739c-9350-b813bc15b2b5', '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-e2f8-73dd-9fa3-4132bc196ce3/', 'WALK-1', 'Chi bộ 1', 'chi bo 1', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:47.06499', '2026-12-07 20:51:47.06499', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');
INSERT INTO public.organizations VALUES ('01a25246-e339-7292-81ed-ff0c23337fd3', 'party_organization', 'party_cell', '01a25246-de40-7729-acad-72d046d5984c', '01a25246-de3f-739c-9350-b813bc15b2b5', '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de40-7729-acad-72d046d5984c/01a25246-e339-7292-81ed-ff0c23337fd3/', 'WALK-2', 'Chi bộ 2', 'chi bo 2', NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:47.129307', '2026-12-07 20:51:47.129307', NULL, NULL, '/01a25246-dda2-7252-b108-bd1c1109a973/01a25246-de3d-717d-b8f8-8820b34ae0e6/01a25246-de3f-739c-9350-b813bc15b2b5/');


--
-- Data for Name: policy_versions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.policy_versions VALUES ('01a25246-de7a-7240-8a4c-3a9356a13915', '01a25246-dda2-7252-b108-bd1c1109a973', '2019-01-01', '{"min_attendance_ratio":0.8,"passing_score":5.0,"grade_bands":[{"from":5.0,"code":"trung_binh","label":"Trung bình"},{"from":7.0,"code":"kha","label":"Khá"},{"from":8.0,"code":"gioi","label":"Giỏi"},{"from":9.0,"code":"xuat_sac","label":"Xuất sắc"}],"retake_limit":1,"new_member_window_months":12,"certificate_validity_months":60,"certificate_issue_deadline_days":15,"teaching_norms":[{"position":"director","total_hours":40,"lecturing_hours":30},{"position":"deputy_director","total_hours":60,"lecturing_hours":40},{"position":"full_time_lecturer","total_hours":120,"lecturing_hours":90}],"min_class_size":10,"observation":{"criteria":[{"code":"content","label":"Nội dung"},{"code":"method","label":"Phương pháp"},{"code":"theory_practice","label":"Liên hệ lý luận với thực tiễn"},{"code":"it_use","label":"Ứng dụng công nghệ thông tin"},{"code":"time_management","label":"Quản lý thời gian"}],"scale_max":10.0,"rating_bands":[{"from":0.0,"code":"chua_dat","label":"Chưa đạt yêu cầu"},{"from":5.0,"code":"dat","label":"Đạt yêu cầu"},{"from":7.0,"code":"kha","label":"Khá"},{"from":8.5,"code":"gioi","label":"Giỏi"}]},"hours_per_period":1.0,"certificate_number_format":"{issuer}/{year}/{serial:06}"}', 'Standard values of the regulations (seed)', NULL, '2026-12-07 20:51:45.914321');
INSERT INTO public.policy_versions VALUES ('01a25246-e340-70ed-8a9e-fdadcbe7e819', '01a25246-dda2-7252-b108-bd1c1109a973', '2090-01-01', '{"min_attendance_ratio":0.8,"passing_score":5.0,"grade_bands":[{"from":5.0,"code":"trung_binh","label":"Trung bình"},{"from":7.0,"code":"kha","label":"Khá"},{"from":8.0,"code":"gioi","label":"Giỏi"},{"from":9.0,"code":"xuat_sac","label":"Xuất sắc"}],"retake_limit":1,"new_member_window_months":12,"certificate_validity_months":60,"certificate_issue_deadline_days":15,"teaching_norms":[{"position":"director","total_hours":40,"lecturing_hours":30},{"position":"deputy_director","total_hours":60,"lecturing_hours":40},{"position":"full_time_lecturer","total_hours":120,"lecturing_hours":90}],"min_class_size":10,"observation":{"criteria":[{"code":"content","label":"Nội dung"},{"code":"method","label":"Phương pháp"},{"code":"theory_practice","label":"Liên hệ lý luận với thực tiễn"},{"code":"it_use","label":"Ứng dụng công nghệ thông tin"},{"code":"time_management","label":"Quản lý thời gian"}],"scale_max":10.0,"rating_bands":[{"from":0.0,"code":"chua_dat","label":"Chưa đạt yêu cầu"},{"from":5.0,"code":"dat","label":"Đạt yêu cầu"},{"from":7.0,"code":"kha","label":"Khá"},{"from":8.5,"code":"gioi","label":"Giỏi"}]},"hours_per_period":1.0,"certificate_number_format":"{issuer}/{year}/{serial:06}"}', NULL, '01a25246-deb4-741e-8572-31b6ede0154b', '2026-12-07 20:51:47.136281');
INSERT INTO public.policy_versions VALUES ('01a25246-e345-72ae-8b15-8831609a2a16', '01a25246-dda2-7252-b108-bd1c1109a973', '2095-01-01', '{"min_attendance_ratio":0.8,"passing_score":5.0,"grade_bands":[{"from":5.0,"code":"trung_binh","label":"Trung bình"},{"from":7.0,"code":"kha","label":"Khá"},{"from":8.0,"code":"gioi","label":"Giỏi"},{"from":9.0,"code":"xuat_sac","label":"Xuất sắc"}],"retake_limit":1,"new_member_window_months":12,"certificate_validity_months":60,"certificate_issue_deadline_days":15,"teaching_norms":[{"position":"director","total_hours":40,"lecturing_hours":30},{"position":"deputy_director","total_hours":60,"lecturing_hours":40},{"position":"full_time_lecturer","total_hours":120,"lecturing_hours":90}],"min_class_size":10,"observation":{"criteria":[{"code":"content","label":"Nội dung"},{"code":"method","label":"Phương pháp"},{"code":"theory_practice","label":"Liên hệ lý luận với thực tiễn"},{"code":"it_use","label":"Ứng dụng công nghệ thông tin"},{"code":"time_management","label":"Quản lý thời gian"}],"scale_max":10.0,"rating_bands":[{"from":0.0,"code":"chua_dat","label":"Chưa đạt yêu cầu"},{"from":5.0,"code":"dat","label":"Đạt yêu cầu"},{"from":7.0,"code":"kha","label":"Khá"},{"from":8.5,"code":"gioi","label":"Giỏi"}]},"hours_per_period":1.0,"certificate_number_format":"{issuer}/{year}/{serial:06}"}', NULL, '01a25246-deb4-741e-8572-31b6ede0154b', '2026-12-07 20:51:47.141537');
INSERT INTO public.policy_versions VALUES ('01a25246-e349-74cf-b14f-9620a088f564', '01a25246-dda2-7252-b108-bd1c1109a973', '2099-01-01', '{"min_attendance_ratio":0.8,"passing_score":5.0,"grade_bands":[{"from":5.0,"code":"trung_binh","label":"Trung bình"},{"from":7.0,"code":"kha","label":"Khá"},{"from":8.0,"code":"gioi","label":"Giỏi"},{"from":9.0,"code":"xuat_sac","label":"Xuất sắc"}],"retake_limit":1,"new_member_window_months":12,"certificate_validity_months":60,"certificate_issue_deadline_days":15,"teaching_norms":[{"position":"director","total_hours":40,"lecturing_hours":30},{"position":"deputy_director","total_hours":60,"lecturing_hours":40},{"position":"full_time_lecturer","total_hours":120,"lecturing_hours":90}],"min_class_size":10,"observation":{"criteria":[{"code":"content","label":"Nội dung"},{"code":"method","label":"Phương pháp"},{"code":"theory_practice","label":"Liên hệ lý luận với thực tiễn"},{"code":"it_use","label":"Ứng dụng công nghệ thông tin"},{"code":"time_management","label":"Quản lý thời gian"}],"scale_max":10.0,"rating_bands":[{"from":0.0,"code":"chua_dat","label":"Chưa đạt yêu cầu"},{"from":5.0,"code":"dat","label":"Đạt yêu cầu"},{"from":7.0,"code":"kha","label":"Khá"},{"from":8.5,"code":"gioi","label":"Giỏi"}]},"hours_per_period":1.0,"certificate_number_format":"{issuer}/{year}/{serial:06}"}', NULL, '01a25246-deb4-741e-8572-31b6ede0154b', '2026-12-07 20:51:47.145809');


--
-- Data for Name: program_topics; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.program_topics VALUES ('01a25246-de69-7552-8f90-f1ccd08c6a8d', '01a25246-de67-7586-93b3-e9b9067ebdad', 1, 'Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh - nền tảng tư tưởng, kim chỉ nam cho hành động của Đảng', 6);
INSERT INTO public.program_topics VALUES ('01a25246-de69-7552-8f90-f1cdd08aef53', '01a25246-de67-7586-93b3-e9b9067ebdad', 2, 'Đảng Cộng sản Việt Nam ra đời, phát triển và lãnh đạo cách mạng Việt Nam', 6);
INSERT INTO public.program_topics VALUES ('01a25246-de69-7552-8f90-f1ce0f0799dd', '01a25246-de67-7586-93b3-e9b9067ebdad', 3, 'Mục tiêu, lý tưởng của Đảng và con đường đi lên chủ nghĩa xã hội ở Việt Nam', 6);
INSERT INTO public.program_topics VALUES ('01a25246-de69-7552-8f90-f1cf40ca86fb', '01a25246-de67-7586-93b3-e9b9067ebdad', 4, 'Tổ chức và hoạt động của Đảng; Điều lệ Đảng', 6);
INSERT INTO public.program_topics VALUES ('01a25246-de69-7552-8f90-f1d06a42d22f', '01a25246-de67-7586-93b3-e9b9067ebdad', 5, 'Phấn đấu trở thành đảng viên Đảng Cộng sản Việt Nam', 6);
INSERT INTO public.program_topics VALUES ('01a25246-de6b-77eb-b66c-500a5479c9ed', '01a25246-de6a-7130-b4a5-6057ba4663e9', 1, 'Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh - nền tảng tư tưởng của Đảng', 5);
INSERT INTO public.program_topics VALUES ('01a25246-de6b-77eb-b66c-500be1bd2904', '01a25246-de6a-7130-b4a5-6057ba4663e9', 2, 'Độc lập dân tộc gắn liền với chủ nghĩa xã hội', 5);
INSERT INTO public.program_topics VALUES ('01a25246-de6b-77eb-b66c-500cc731c35f', '01a25246-de6a-7130-b4a5-6057ba4663e9', 3, 'Phát triển kinh tế thị trường định hướng xã hội chủ nghĩa', 5);
INSERT INTO public.program_topics VALUES ('01a25246-de6b-77eb-b66c-500d5f0547d6', '01a25246-de6a-7130-b4a5-6057ba4663e9', 4, 'Phát triển văn hóa, con người và giải quyết các vấn đề xã hội', 5);
INSERT INTO public.program_topics VALUES ('01a25246-de6b-77eb-b66c-500e8aa867ab', '01a25246-de6a-7130-b4a5-6057ba4663e9', 5, 'Quốc phòng, an ninh và đối ngoại', 5);
INSERT INTO public.program_topics VALUES ('01a25246-de6b-77eb-b66c-500f34ca13b8', '01a25246-de6a-7130-b4a5-6057ba4663e9', 6, 'Phát huy dân chủ xã hội chủ nghĩa, xây dựng Nhà nước pháp quyền', 5);
INSERT INTO public.program_topics VALUES ('01a25246-de6b-77eb-b66c-5010339daabf', '01a25246-de6a-7130-b4a5-6057ba4663e9', 7, 'Đại đoàn kết toàn dân tộc và vai trò của Mặt trận Tổ quốc, các đoàn thể', 5);
INSERT INTO public.program_topics VALUES ('01a25246-de6b-77eb-b66c-5011770118a2', '01a25246-de6a-7130-b4a5-6057ba4663e9', 8, 'Tổ chức cơ sở đảng và nhiệm vụ của đảng viên', 5);
INSERT INTO public.program_topics VALUES ('01a25246-de6b-77eb-b66c-5012551c8f81', '01a25246-de6a-7130-b4a5-6057ba4663e9', 9, 'Xây dựng, chỉnh đốn Đảng trong sạch, vững mạnh', 5);
INSERT INTO public.program_topics VALUES ('01a25246-de6b-77eb-b66c-5013f87da66e', '01a25246-de6a-7130-b4a5-6057ba4663e9', 10, 'Tình hình, nhiệm vụ chính trị của địa phương', 5);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64e8c6cfea2a', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 1, 'Khái quát về chủ nghĩa Mác - Lênin', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64e9f9b04606', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 2, 'Khái quát về tư tưởng Hồ Chí Minh', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64ea6062eddc', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 3, 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64eb4f047eb6', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 4, 'Chủ nghĩa xã hội và con đường đi lên chủ nghĩa xã hội ở Việt Nam', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64ecc1e09d9e', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 5, 'Đảng Cộng sản Việt Nam - lịch sử và truyền thống', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64ed9a66b89e', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 6, 'Hệ thống chính trị ở cơ sở', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64eea01b4397', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 7, 'Đường lối phát triển kinh tế', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64efec983100', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 8, 'Đường lối phát triển văn hóa, xã hội', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64f057337279', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 9, 'Đường lối quốc phòng, an ninh', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64f1334cf0f0', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 10, 'Đường lối đối ngoại và hội nhập quốc tế', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64f2a847517b', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 11, 'Đại đoàn kết toàn dân tộc', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64f39e7d2123', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 12, 'Nhà nước pháp quyền xã hội chủ nghĩa', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64f4df7cc999', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 13, 'Tổ chức cơ sở đảng và công tác đảng viên', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64f5b2cadc3c', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 14, 'Công tác kiểm tra, giám sát của Đảng', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64f63e6de3d6', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 15, 'Công tác dân vận ở cơ sở', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64f79d400460', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 16, 'Kỹ năng lãnh đạo, quản lý ở cơ sở', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64f832c91408', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 17, 'Quản lý nhà nước ở cấp xã', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de6d-735e-bd63-64f980acef11', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 18, 'Tình hình, nhiệm vụ của địa phương', 8);
INSERT INTO public.program_topics VALUES ('01a25246-de70-773a-9001-9f8b7c3e1bb3', '01a25246-de6f-70e9-9709-1d950a5a8452', 1, 'Những vấn đề cơ bản của chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh', 10);
INSERT INTO public.program_topics VALUES ('01a25246-de70-773a-9001-9f8ceae10d27', '01a25246-de6f-70e9-9709-1d950a5a8452', 2, 'Những vấn đề cơ bản về Đảng Cộng sản và lịch sử Đảng Cộng sản Việt Nam', 10);
INSERT INTO public.program_topics VALUES ('01a25246-de70-773a-9001-9f8d4da8938f', '01a25246-de6f-70e9-9709-1d950a5a8452', 3, 'Những vấn đề cơ bản về hệ thống chính trị, Nhà nước và pháp luật', 10);
INSERT INTO public.program_topics VALUES ('01a25246-de70-773a-9001-9f8e375930aa', '01a25246-de6f-70e9-9709-1d950a5a8452', 4, 'Đường lối, chính sách của Đảng, Nhà nước về các lĩnh vực của đời sống xã hội', 10);
INSERT INTO public.program_topics VALUES ('01a25246-de70-773a-9001-9f8f26a261aa', '01a25246-de6f-70e9-9709-1d950a5a8452', 5, 'Kỹ năng lãnh đạo, quản lý và nghiệp vụ công tác', 10);
INSERT INTO public.program_topics VALUES ('01a25246-de70-773a-9001-9f90e44d68e9', '01a25246-de6f-70e9-9709-1d950a5a8452', 6, 'Tình hình, nhiệm vụ của địa phương (nghiên cứu thực tế)', 10);


--
-- Data for Name: programs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.programs VALUES ('01a25246-de67-7586-93b3-e9b9067ebdad', '01a25246-dda2-7252-b108-bd1c1109a973', 'party_admission', 'Bồi dưỡng lý luận chính trị cho đối tượng kết nạp Đảng', 'boi duong ly luan chinh tri cho doi tuong ket nap dang', 'party_admission', 'Quần chúng ưu tú được chi bộ giới thiệu, chưa là đảng viên', 5, 'center', 'certificate', '{"membership":"non_member","every_test_must_pass":false,"term_required":false,"attendance_only":false}', NULL, 1, '2026-12-07 20:51:45.895896', '2026-12-07 20:51:45.895896');
INSERT INTO public.programs VALUES ('01a25246-de6a-7130-b4a5-6057ba4663e9', '01a25246-dda2-7252-b108-bd1c1109a973', 'new_member', 'Chương trình lý luận chính trị dành cho đảng viên mới', 'chuong trinh ly luan chinh tri danh cho dang vien moi', 'new_member', 'Đảng viên dự bị', 7, 'center', 'certificate', '{"membership":"recently_admitted","every_test_must_pass":false,"term_required":false,"attendance_only":false}', NULL, 1, '2026-12-07 20:51:45.898874', '2026-12-07 20:51:45.898874');
INSERT INTO public.programs VALUES ('01a25246-de6c-73f7-af06-729f8a2c6ab0', '01a25246-dda2-7252-b108-bd1c1109a973', 'elementary_theory', 'Sơ cấp lý luận chính trị', 'so cap ly luan chinh tri', 'elementary_theory', 'Đảng viên, cán bộ, công chức cấp xã', 30, 'center', 'diploma', '{"membership":"member","every_test_must_pass":false,"term_required":false,"attendance_only":false}', NULL, 1, '2026-12-07 20:51:45.900838', '2026-12-07 20:51:45.900838');
INSERT INTO public.programs VALUES ('01a25246-de6f-70e9-9709-1d950a5a8452', '01a25246-dda2-7252-b108-bd1c1109a973', 'intermediate_theory', 'Trung cấp lý luận chính trị - hành chính', 'trung cap ly luan chinh tri - hanh chinh', 'intermediate_theory', 'Cán bộ, công chức, đảng viên theo quy hoạch', 330, 'with_school', 'diploma', '{"membership":"member","every_test_must_pass":false,"term_required":false,"attendance_only":false}', NULL, 1, '2026-12-07 20:51:45.903432', '2026-12-07 20:51:45.903432');
INSERT INTO public.programs VALUES ('01a25246-de71-732a-adfd-179a1ad27120', '01a25246-dda2-7252-b108-bd1c1109a973', 'state_mgmt_specialist', 'Bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên', 'boi duong kien thuc quan ly nha nuoc chuong trinh chuyen vien', 'state_mgmt_specialist', 'Công chức, viên chức ngạch chuyên viên', 40, 'with_school', 'certificate', '{"membership":null,"every_test_must_pass":true,"term_required":false,"attendance_only":false}', NULL, 1, '2026-12-07 20:51:45.90528', '2026-12-07 20:51:45.90528');
INSERT INTO public.programs VALUES ('01a25246-de72-7290-805d-c92a3627a0d5', '01a25246-dda2-7252-b108-bd1c1109a973', 'state_mgmt_principal', 'Bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên chính', 'boi duong kien thuc quan ly nha nuoc chuong trinh chuyen vien chinh', 'state_mgmt_principal', 'Công chức, viên chức ngạch chuyên viên chính', 40, 'with_school', 'certificate', '{"membership":null,"every_test_must_pass":true,"term_required":false,"attendance_only":false}', NULL, 1, '2026-12-07 20:51:45.906665', '2026-12-07 20:51:45.906665');
INSERT INTO public.programs VALUES ('01a25246-de73-74c4-83e4-5c9f4e47ce3f', '01a25246-dda2-7252-b108-bd1c1109a973', 'reserve_cadre', 'Bồi dưỡng cán bộ dự nguồn ban chấp hành và các chức danh lãnh đạo chủ chốt cấp huyện', 'boi duong can bo du nguon ban chap hanh va cac chuc danh lanh dao chu chot cap huyen', 'reserve_cadre', 'Cán bộ trong quy hoạch', 15, 'center', 'certificate', '{"membership":"member","every_test_must_pass":false,"term_required":true,"attendance_only":false}', NULL, 1, '2026-12-07 20:51:45.907842', '2026-12-07 20:51:45.907842');
INSERT INTO public.programs VALUES ('01a25246-de75-7359-adcb-f91f34750f28', '01a25246-dda2-7252-b108-bd1c1109a973', 'party_work', 'Bồi dưỡng nghiệp vụ công tác Đảng', 'boi duong nghiep vu cong tac dang', 'party_work', 'Bí thư, phó bí thư, cấp ủy viên chi bộ, đảng bộ cơ sở', 3, 'center', 'certificate', '{"membership":"member","every_test_must_pass":false,"term_required":false,"attendance_only":false}', NULL, 1, '2026-12-07 20:51:45.909035', '2026-12-07 20:51:45.909035');
INSERT INTO public.programs VALUES ('01a25246-de76-72ed-be6b-c27ed7c5a990', '01a25246-dda2-7252-b108-bd1c1109a973', 'knowledge_update', 'Bồi dưỡng cập nhật kiến thức', 'boi duong cap nhat kien thuc', 'knowledge_update', NULL, 2, 'center', 'none', '{"membership":null,"every_test_must_pass":false,"term_required":false,"attendance_only":true}', NULL, 1, '2026-12-07 20:51:45.910264', '2026-12-07 20:51:45.910264');
INSERT INTO public.programs VALUES ('01a25246-de77-754a-8b1f-169e428e6e38', '01a25246-dda2-7252-b108-bd1c1109a973', 'resolution_study', 'Học tập, quán triệt nghị quyết', 'hoc tap, quan triet nghi quyet', 'resolution_study', NULL, 2, 'center', 'none', '{"membership":null,"every_test_must_pass":false,"term_required":false,"attendance_only":true}', NULL, 1, '2026-12-07 20:51:45.911409', '2026-12-07 20:51:45.911409');
INSERT INTO public.programs VALUES ('01a25246-de78-779f-9ccf-cfd8d329a0a9', '01a25246-dda2-7252-b108-bd1c1109a973', 'other', 'Bồi dưỡng khác', 'boi duong khac', 'other', NULL, 1, 'center', 'none', '{"membership":null,"every_test_must_pass":false,"term_required":false,"attendance_only":true}', NULL, 1, '2026-12-07 20:51:45.912546', '2026-12-07 20:51:45.912546');


--
-- Data for Name: record_counts; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'in_progress|2026|*', 0);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'in_progress|2026|01a25246-de67-7586-93b3-e9b9067ebdad', 0);
INSERT INTO public.record_counts VALUES ('learner', '01a25246-dfcd-7417-b5da-f121fba1be0a', '', 3);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', '*|*|01a25246-de67-7586-93b3-e9b9067ebdad', 2);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', '*|2026|01a25246-de67-7586-93b3-e9b9067ebdad', 2);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'planned|*|01a25246-de67-7586-93b3-e9b9067ebdad', 0);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'planned|2026|01a25246-de67-7586-93b3-e9b9067ebdad', 0);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', '*|*|*', 3);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', '*|*|01a25246-de6a-7130-b4a5-6057ba4663e9', 1);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', '*|2026|*', 3);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', '*|2026|01a25246-de6a-7130-b4a5-6057ba4663e9', 1);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'open|*|01a25246-de6a-7130-b4a5-6057ba4663e9', 1);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'open|2026|01a25246-de6a-7130-b4a5-6057ba4663e9', 1);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'planned|*|*', 0);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'planned|*|01a25246-de6a-7130-b4a5-6057ba4663e9', 0);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'planned|2026|*', 0);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'planned|2026|01a25246-de6a-7130-b4a5-6057ba4663e9', 0);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'open|*|*', 1);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'open|*|01a25246-de67-7586-93b3-e9b9067ebdad', 0);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'open|2026|*', 1);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'open|2026|01a25246-de67-7586-93b3-e9b9067ebdad', 0);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'completed|*|*', 2);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'completed|*|01a25246-de67-7586-93b3-e9b9067ebdad', 2);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'completed|2026|*', 2);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'completed|2026|01a25246-de67-7586-93b3-e9b9067ebdad', 2);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'in_progress|*|*', 0);
INSERT INTO public.record_counts VALUES ('class', '01a25246-de3f-739c-9350-b813bc15b2b5', 'in_progress|*|01a25246-de67-7586-93b3-e9b9067ebdad', 0);


--
-- Data for Name: refresh_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.refresh_tokens VALUES ('01a25246-df4e-7419-aade-033f5745c699', '01a25246-deb4-741e-8572-31b6ede0154b', '01a25246-df4e-7419-aade-033ec8265c06', '018a7d9728964bfe99c5b72f4ab49af2c0953df438fbdbc9c88bc4d71b24b904', '2027-01-06 20:51:46.126968', NULL, NULL, '2026-12-07 20:51:46.126979');
INSERT INTO public.refresh_tokens VALUES ('01a25246-e04d-7183-8300-a4f6988e467f', '01a25246-df8b-7133-a937-2a56319358ca', '01a25246-e04d-7183-8300-a4f5aa6bbf7e', '095d4402baf253413fce435a21b8d9d2d3d5928ad127616d76e692bc96bee0c7', '2027-01-06 20:51:46.381144', NULL, NULL, '2026-12-07 20:51:46.381156');
INSERT INTO public.refresh_tokens VALUES ('01a25246-e099-76fc-ac36-b1fdbde36b94', '01a25246-dfc7-733f-b312-1aaaa8b663b4', '01a25246-e099-76fc-ac36-b1fc35208c40', '7c703380a2687eca2ce44eb881257586aef4710c9b8067eec730c78020e51c53', '2027-01-06 20:51:46.457257', NULL, NULL, '2026-12-07 20:51:46.45727');
INSERT INTO public.refresh_tokens VALUES ('01a25246-e0dc-74ba-8193-5ec17ce4c44d', '01a25246-e007-77bf-9dd8-48a4eea8a4e1', '01a25246-e0dc-74ba-8193-5ec04f539293', '32108899f96d5eca44ab5842294eb01de6d7c691cbf09fae7a9de8435989aa16', '2027-01-06 20:51:46.524739', NULL, NULL, '2026-12-07 20:51:46.52475');


--
-- Data for Name: results; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.results VALUES ('01a25246-e17f-72db-a219-303f8250d2ce', '01a25246-e100-7390-8e8b-ed1076e15f27', 70, NULL, 'good', NULL, '01a25246-df8b-7133-a937-2a56319358ca', 1, '2026-12-07 20:51:46.68734');
INSERT INTO public.results VALUES ('01a25246-e186-741a-ab5a-721f99692b96', '01a25246-e117-77fc-8a23-9573d02380e3', 70, NULL, 'good', NULL, '01a25246-df8b-7133-a937-2a56319358ca', 1, '2026-12-07 20:51:46.693916');
INSERT INTO public.results VALUES ('01a25246-e18c-73ad-b07c-3fdcfc547279', '01a25246-e12d-726b-8ea9-695574ed87dd', 70, NULL, 'good', NULL, '01a25246-df8b-7133-a937-2a56319358ca', 1, '2026-12-07 20:51:46.699842');


--
-- Data for Name: service_clients; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.service_clients VALUES ('01a25246-e2b1-72d5-8290-2359a89e7120', 'Hệ thống 0', '1a92d3a3bf1cfe68b4c690d3a1f45688d0bb027217a9e1eeeb3aa33b059449f7', '01a25246-dda2-7252-b108-bd1c1109a973', 'read_only', NULL, 1, '2026-12-07 20:51:46.993592', '2026-12-07 20:51:46.993592');
INSERT INTO public.service_clients VALUES ('01a25246-e2f4-76cf-8b6d-2a48cc01c502', 'Hệ thống 1', '2eaf0bde43916342081c9a1a8af18b0f9c55797ac30da3ed310636e52fd5e7bd', '01a25246-dda2-7252-b108-bd1c1109a973', 'read_only', NULL, 1, '2026-12-07 20:51:47.060985', '2026-12-07 20:51:47.060985');
INSERT INTO public.service_clients VALUES ('01a25246-e334-7588-8e7d-41729edba8a5', 'Hệ thống 2', 'ba2c3c6f704de2c2c6a8f93e9abcc922d752a8b5a10e849adb572ad97eaadd09', '01a25246-dda2-7252-b108-bd1c1109a973', 'read_only', NULL, 1, '2026-12-07 20:51:47.124983', '2026-12-07 20:51:47.124983');


--
-- Data for Name: training_plan_lines; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.training_plan_lines VALUES ('01a25246-e250-752b-ba5d-fd532f3ec0ac', '01a25246-e243-74d3-bf91-2e856fb073fc', '01a25246-de67-7586-93b3-e9b9067ebdad', 2, 100, NULL, NULL, 1, '2026-12-07 20:51:46.896525', '2026-12-07 20:51:46.896525');
INSERT INTO public.training_plan_lines VALUES ('01a25246-e257-71c5-8277-d456be243ffc', '01a25246-e243-74d3-bf91-2e856fb073fc', '01a25246-de6a-7130-b4a5-6057ba4663e9', 2, 100, NULL, NULL, 1, '2026-12-07 20:51:46.903399', '2026-12-07 20:51:46.903399');
INSERT INTO public.training_plan_lines VALUES ('01a25246-e25e-7003-9c57-95f10b722437', '01a25246-e243-74d3-bf91-2e856fb073fc', '01a25246-de6c-73f7-af06-729f8a2c6ab0', 2, 100, NULL, NULL, 1, '2026-12-07 20:51:46.91013', '2026-12-07 20:51:46.91013');


--
-- Data for Name: training_plans; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.training_plans VALUES ('01a25246-e248-778f-b0e9-6f6ea6f197c8', '01a25246-de3f-739c-9350-b813bc15b2b5', 2028, 1, NULL, 'draft', NULL, NULL, NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:46.888397', '2026-12-07 20:51:46.888397');
INSERT INTO public.training_plans VALUES ('01a25246-e24c-7532-a0e1-2fba7ae43db0', '01a25246-de3f-739c-9350-b813bc15b2b5', 2029, 1, NULL, 'draft', NULL, NULL, NULL, NULL, NULL, NULL, 1, '2026-12-07 20:51:46.892031', '2026-12-07 20:51:46.892031');
INSERT INTO public.training_plans VALUES ('01a25246-e243-74d3-bf91-2e856fb073fc', '01a25246-de3f-739c-9350-b813bc15b2b5', 2027, 1, NULL, 'submitted', NULL, NULL, NULL, NULL, NULL, NULL, 7, '2026-12-07 20:51:46.883952', '2026-12-07 20:51:46.926961');


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.users VALUES ('01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'Quản trị viên', '$argon2id$v=19$m=19456,t=2,p=1$dtZ/B8mznvMbGGxRU4nK/w$mZAlIqd7VGCL4Fevjd3bIxvc7BboOLC+qDCk3t0np6w', 'province_admin', '01a25246-dda2-7252-b108-bd1c1109a973', 'dcede4ee72ff4097ae3fbd096838e93e', NULL, 1, '2026-12-07 20:51:45.972849', '2026-12-07 20:51:45.972849', 'admin quan tri vien');
INSERT INTO public.users VALUES ('01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'Người dùng ca.a', '$argon2id$v=19$m=19456,t=2,p=1$krXNtGM+/qoDEEJ7nh3LOw$haOCQszdbAudtfPil3BaxnZOvB1mVLaIg5wH+oICpwQ', 'center_admin', '01a25246-de3f-739c-9350-b813bc15b2b5', '4829e206954445f2b064800c73e1bd7e', NULL, 1, '2026-12-07 20:51:46.187414', '2026-12-07 20:51:46.187414', 'ca.a nguoi dung ca.a');
INSERT INTO public.users VALUES ('01a25246-dfc7-733f-b312-1aaaa8b663b4', 'ca.b', 'Người dùng ca.b', '$argon2id$v=19$m=19456,t=2,p=1$p5T3CaEhaQ9GKX2q8PxFQw$ypzFgpA2q9izG4Al7rSqoDfMDsvgzM5PpFGZyRyN/Ek', 'center_admin', '01a25246-ddb1-776c-aa0c-d3e76867ec04', '7faa9c9f67144965abc2a91a6c93e68b', NULL, 1, '2026-12-07 20:51:46.247305', '2026-12-07 20:51:46.247305', 'ca.b nguoi dung ca.b');
INSERT INTO public.users VALUES ('01a25246-e007-77bf-9dd8-48a4eea8a4e1', 'po.a', 'Người dùng po.a', '$argon2id$v=19$m=19456,t=2,p=1$WT2/cdlvmujI+/3w6DFmFg$e7fegJ6av7u/tSyys0o/QJSOjK9wLdLbWLSVB5wuEO8', 'party_org', '01a25246-dfcd-7417-b5da-f121fba1be0a', 'da12e1c360ed4f58a20c70bd6272eea5', NULL, 1, '2026-12-07 20:51:46.311875', '2026-12-07 20:51:46.311875', 'po.a nguoi dung po.a');
INSERT INTO public.users VALUES ('01a25246-e2a8-719a-a844-77bc4b91eb96', 'walk.0', 'Người dùng walk.0', '$argon2id$v=19$m=19456,t=2,p=1$YQQu5DY/jKdakhtWqA9kKg$pvFYMlvxMJWMM8VVQNcV6vko4fY+MVPcnLNruLfErQM', 'center_admin', '01a25246-de3f-739c-9350-b813bc15b2b5', '5e59e5a26b874c08be4e81d2e542a003', NULL, 1, '2026-12-07 20:51:46.98466', '2026-12-07 20:51:46.98466', 'walk.0 nguoi dung walk.0');
INSERT INTO public.users VALUES ('01a25246-e2ed-76a9-ac9e-8af6ae685e6c', 'walk.1', 'Người dùng walk.1', '$argon2id$v=19$m=19456,t=2,p=1$VTU7cylOZwSAQLzHF2mXMQ$UiOzOtRjEx2eoRZi/aCvfNR6iE7OSWNTOMnY3dOVqqI', 'center_admin', '01a25246-de3f-739c-9350-b813bc15b2b5', '573c6f285bbb49779c3938663a51e78f', NULL, 1, '2026-12-07 20:51:47.05316', '2026-12-07 20:51:47.05316', 'walk.1 nguoi dung walk.1');
INSERT INTO public.users VALUES ('01a25246-e32c-7016-b66d-ff08a2e4270d', 'walk.2', 'Người dùng walk.2', '$argon2id$v=19$m=19456,t=2,p=1$/RmA4MItNn5vMsusL3WZjg$EDcP4Qa/dL4EJwM4gSJmcfqPeqmGKj0RTimymVrIc0A', 'center_admin', '01a25246-de3f-739c-9350-b813bc15b2b5', '119c1dc0e6cd4f539f7b40f1662d6e8c', NULL, 1, '2026-12-07 20:51:47.116653', '2026-12-07 20:51:47.116653', 'walk.2 nguoi dung walk.2');


--
-- Data for Name: workflow_transitions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.workflow_transitions VALUES ('01a25246-e0f4-72bd-9389-bcbf47c73624', 'class', '01a25246-e0e8-777c-ad12-2c042774fcb3', 'open', 'planned', 'open', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'Quyết định số 01/QĐ-TTCT ngày 02/01/2019 (Giám đốc Trung tâm)', '2026-12-07 20:51:46.548494');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e109-7238-b2e7-76fb31b3903e', 'enrollment', '01a25246-e100-7390-8e8b-ed1076e15f27', 'approve', 'nominated', 'approved', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.569481');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e10e-758f-8c76-c7a972080d01', 'enrollment', '01a25246-e100-7390-8e8b-ed1076e15f27', 'enroll', 'approved', 'enrolled', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.574049');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e11f-70c8-b625-926c57d8df73', 'enrollment', '01a25246-e117-77fc-8a23-9573d02380e3', 'approve', 'nominated', 'approved', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.591535');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e123-7700-bb79-36881d11b5f8', 'enrollment', '01a25246-e117-77fc-8a23-9573d02380e3', 'enroll', 'approved', 'enrolled', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.595979');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e135-726d-a833-9f0563a92893', 'enrollment', '01a25246-e12d-726b-8ea9-695574ed87dd', 'approve', 'nominated', 'approved', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.613759');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e13a-743e-940e-5b0385598251', 'enrollment', '01a25246-e12d-726b-8ea9-695574ed87dd', 'enroll', 'approved', 'enrolled', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.618773');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e140-76b3-ab8b-f1f3818f3ca4', 'class', '01a25246-e0e8-777c-ad12-2c042774fcb3', 'start', 'open', 'in_progress', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.624905');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e157-72f8-bf25-c4e0de5006e3', 'lesson_plan', '01a25246-e14f-7326-ba67-24dabb329a5f', 'submit', 'draft', 'submitted', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.64772');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e15d-7434-8ba2-6e72db965384', 'lesson_plan', '01a25246-e14f-7326-ba67-24dabb329a5f', 'appraise', 'submitted', 'appraised', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.653281');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e162-72fb-b4bc-ba633f800e47', 'lesson_plan', '01a25246-e14f-7326-ba67-24dabb329a5f', 'approve', 'appraised', 'approved', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.658629');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e193-734b-9f36-4cf604f0a1fc', 'enrollment', '01a25246-e100-7390-8e8b-ed1076e15f27', 'complete_class', 'enrolled', 'completed', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.7076');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e195-74f7-880e-d27ca8fcf00e', 'enrollment', '01a25246-e117-77fc-8a23-9573d02380e3', 'complete_class', 'enrolled', 'completed', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.709708');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e197-7179-a60f-1ef8f7f0644a', 'enrollment', '01a25246-e12d-726b-8ea9-695574ed87dd', 'complete_class', 'enrolled', 'completed', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.711835');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e199-723b-839c-119e4389da0b', 'class', '01a25246-e0e8-777c-ad12-2c042774fcb3', 'complete', 'in_progress', 'completed', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'Quyết định số 02/QĐ-TTCT ngày 08/12/2026 (Giám đốc Trung tâm)', '2026-12-07 20:51:46.713815');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e1bf-73a7-b8de-2dc7fd5ce6a1', 'lesson_plan', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', 'submit', 'draft', 'submitted', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.751208');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e1c2-77e3-a88c-10ea19dd7a63', 'lesson_plan', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', 'appraise', 'submitted', 'appraised', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.754881');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e1c7-74a8-a391-1c78b790e4e5', 'lesson_plan', '01a25246-e1ba-74c3-b596-4e3c9e5b35b3', 'approve', 'appraised', 'approved', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.759112');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e1cf-7599-bc87-ad1fef599e09', 'lesson_plan', '01a25246-e1cb-7022-8896-a9af84382f97', 'submit', 'draft', 'submitted', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.767724');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e1d3-72a7-8981-3c22db35e70d', 'lesson_plan', '01a25246-e1cb-7022-8896-a9af84382f97', 'appraise', 'submitted', 'appraised', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.771734');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e1d7-7204-a19e-cd8976291b04', 'lesson_plan', '01a25246-e1cb-7022-8896-a9af84382f97', 'approve', 'appraised', 'approved', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.77594');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e1e2-7332-8a9a-0414f8dea4c8', 'lesson_plan', '01a25246-e1dc-703f-81e0-5801d9b9d62e', 'submit', 'draft', 'submitted', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.786284');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e1e7-76e4-9601-f495e5e1c887', 'lesson_plan', '01a25246-e1dc-703f-81e0-5801d9b9d62e', 'appraise', 'submitted', 'appraised', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.791006');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e1eb-70c1-808b-7604bbd00a29', 'lesson_plan', '01a25246-e1dc-703f-81e0-5801d9b9d62e', 'approve', 'appraised', 'approved', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.795797');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e1f5-7218-8f8d-ff28145df7e9', 'class', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', 'open', 'planned', 'open', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'Quyết định số 01/QĐ-TTCT ngày 02/01/2019 (Giám đốc Trung tâm)', '2026-12-07 20:51:46.805104');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e1fe-72ec-bd55-f30177462555', 'class', '01a25246-e1f8-76ac-b18a-fa832f6a81ec', 'open', 'planned', 'open', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'Quyết định số 01/QĐ-TTCT ngày 02/01/2019 (Giám đốc Trung tâm)', '2026-12-07 20:51:46.814264');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e202-71e4-849f-ae9728eb0f10', 'class', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', 'start', 'open', 'in_progress', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.818103');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e265-75f6-9871-ee861a117fe6', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', 'submit', 'draft', 'submitted', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.917984');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e26b-708d-9be2-822035ea6a38', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', 'return', 'submitted', 'returned', 'user', '01a25246-deb4-741e-8572-31b6ede0154b', 'admin', 'Bổ sung chỉ tiêu', '2026-12-07 20:51:46.923204');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e270-72e8-a9f8-2f49869542f5', 'training_plan', '01a25246-e243-74d3-bf91-2e856fb073fc', 'submit', 'returned', 'submitted', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', NULL, '2026-12-07 20:51:46.928194');
INSERT INTO public.workflow_transitions VALUES ('01a25246-e4c2-7676-a224-2f0cc2f7b385', 'class', '01a25246-e1ef-71f1-a91f-1f035e85cc4a', 'complete', 'in_progress', 'completed', 'user', '01a25246-df8b-7133-a937-2a56319358ca', 'ca.a', 'Quyết định số 02/QĐ-TTCT ngày 08/12/2026 (Giám đốc Trung tâm)', '2026-12-07 20:51:47.522386');


--
-- Data for Name: write_gate; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.write_gate VALUES (1, 0);


--
-- Name: __diesel_schema_migrations __diesel_schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.__diesel_schema_migrations
    ADD CONSTRAINT __diesel_schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: approval_grants approval_grants_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.approval_grants
    ADD CONSTRAINT approval_grants_pkey PRIMARY KEY (id);


--
-- Name: attendance attendance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attendance
    ADD CONSTRAINT attendance_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: certificate_counters certificate_counters_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.certificate_counters
    ADD CONSTRAINT certificate_counters_pkey PRIMARY KEY (issuer_id, year);


--
-- Name: certificates certificates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.certificates
    ADD CONSTRAINT certificates_pkey PRIMARY KEY (id);


--
-- Name: change_counter change_counter_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_counter
    ADD CONSTRAINT change_counter_pkey PRIMARY KEY (id);


--
-- Name: change_events change_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_events
    ADD CONSTRAINT change_events_pkey PRIMARY KEY (seq);


--
-- Name: class_sessions class_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.class_sessions
    ADD CONSTRAINT class_sessions_pkey PRIMARY KEY (id);


--
-- Name: class_visits class_visits_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.class_visits
    ADD CONSTRAINT class_visits_pkey PRIMARY KEY (id);


--
-- Name: classes classes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classes
    ADD CONSTRAINT classes_pkey PRIMARY KEY (id);


--
-- Name: enrollments enrollments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.enrollments
    ADD CONSTRAINT enrollments_pkey PRIMARY KEY (id);


--
-- Name: idempotency_keys idempotency_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_keys
    ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (id);


--
-- Name: learners learners_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.learners
    ADD CONSTRAINT learners_pkey PRIMARY KEY (id);


--
-- Name: lecturer_activities lecturer_activities_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lecturer_activities
    ADD CONSTRAINT lecturer_activities_pkey PRIMARY KEY (id);


--
-- Name: lecturers lecturers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lecturers
    ADD CONSTRAINT lecturers_pkey PRIMARY KEY (id);


--
-- Name: lesson_plans lesson_plans_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lesson_plans
    ADD CONSTRAINT lesson_plans_pkey PRIMARY KEY (id);


--
-- Name: login_failures login_failures_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_failures
    ADD CONSTRAINT login_failures_pkey PRIMARY KEY (id);


--
-- Name: organization_periods organization_periods_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization_periods
    ADD CONSTRAINT organization_periods_pkey PRIMARY KEY (organization_id, valid_from);


--
-- Name: organizations organizations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organizations
    ADD CONSTRAINT organizations_pkey PRIMARY KEY (id);


--
-- Name: policy_versions policy_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.policy_versions
    ADD CONSTRAINT policy_versions_pkey PRIMARY KEY (id);


--
-- Name: program_topics program_topics_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.program_topics
    ADD CONSTRAINT program_topics_pkey PRIMARY KEY (id);


--
-- Name: programs programs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.programs
    ADD CONSTRAINT programs_pkey PRIMARY KEY (id);


--
-- Name: record_counts record_counts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.record_counts
    ADD CONSTRAINT record_counts_pkey PRIMARY KEY (entity, organization_id, bucket);


--
-- Name: refresh_tokens refresh_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refresh_tokens
    ADD CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id);


--
-- Name: results results_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.results
    ADD CONSTRAINT results_pkey PRIMARY KEY (id);


--
-- Name: service_clients service_clients_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_clients
    ADD CONSTRAINT service_clients_pkey PRIMARY KEY (id);


--
-- Name: training_plan_lines training_plan_lines_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.training_plan_lines
    ADD CONSTRAINT training_plan_lines_pkey PRIMARY KEY (id);


--
-- Name: training_plans training_plans_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.training_plans
    ADD CONSTRAINT training_plans_pkey PRIMARY KEY (id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: workflow_transitions workflow_transitions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workflow_transitions
    ADD CONSTRAINT workflow_transitions_pkey PRIMARY KEY (id);


--
-- Name: write_gate write_gate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.write_gate
    ADD CONSTRAINT write_gate_pkey PRIMARY KEY (id);


--
-- Name: approval_grants_active; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX approval_grants_active ON public.approval_grants USING btree (user_id, district_id) WHERE (revoked_at IS NULL);


--
-- Name: approval_grants_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX approval_grants_user ON public.approval_grants USING btree (user_id, district_id);


--
-- Name: attendance_enrollment; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX attendance_enrollment ON public.attendance USING btree (enrollment_id);


--
-- Name: attendance_once; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX attendance_once ON public.attendance USING btree (session_id, enrollment_id);


--
-- Name: audit_log_actor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_actor ON public.audit_log USING btree (actor_id);


--
-- Name: audit_log_entity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_entity ON public.audit_log USING btree (entity_type, entity_id);


--
-- Name: audit_log_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_time ON public.audit_log USING btree (occurred_at);


--
-- Name: certificates_enrollment; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX certificates_enrollment ON public.certificates USING btree (enrollment_id);


--
-- Name: certificates_number; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX certificates_number ON public.certificates USING btree (number);


--
-- Name: certificates_register; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX certificates_register ON public.certificates USING btree (issuer_id, year, serial, suffix);


--
-- Name: change_events_entity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX change_events_entity ON public.change_events USING btree (entity, seq);


--
-- Name: class_sessions_class; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX class_sessions_class ON public.class_sessions USING btree (class_id, session_date, start_minute);


--
-- Name: class_sessions_lecturer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX class_sessions_lecturer ON public.class_sessions USING btree (lecturer_id, session_date);


--
-- Name: class_visits_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX class_visits_created ON public.class_visits USING btree (created_at, id);


--
-- Name: class_visits_observer; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX class_visits_observer ON public.class_visits USING btree (session_id, observer_id);


--
-- Name: class_visits_session; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX class_visits_session ON public.class_visits USING btree (session_id);


--
-- Name: classes_code; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX classes_code ON public.classes USING btree (center_id, year, code);


--
-- Name: classes_code_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX classes_code_id ON public.classes USING btree (code, id);


--
-- Name: classes_search_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX classes_search_id ON public.classes USING btree (search_text, id);


--
-- Name: classes_search_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX classes_search_trgm ON public.classes USING gin (search_text public.gin_trgm_ops);


--
-- Name: classes_start; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX classes_start ON public.classes USING btree (center_id, start_date, id);


--
-- Name: classes_year; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX classes_year ON public.classes USING btree (year, center_id, program_id);


--
-- Name: enrollments_class_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX enrollments_class_status ON public.enrollments USING btree (class_id, status, learner_id);


--
-- Name: enrollments_learner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX enrollments_learner ON public.enrollments USING btree (learner_id);


--
-- Name: enrollments_once; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX enrollments_once ON public.enrollments USING btree (class_id, learner_id);


--
-- Name: idempotency_keys_actor_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idempotency_keys_actor_key ON public.idempotency_keys USING btree (actor_id, idempotency_key);


--
-- Name: idempotency_keys_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idempotency_keys_created ON public.idempotency_keys USING btree (created_at);


--
-- Name: learners_external; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX learners_external ON public.learners USING btree (party_organization_id, external_id);


--
-- Name: learners_name_birth; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX learners_name_birth ON public.learners USING btree (search_text, birth_date);


--
-- Name: learners_national_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX learners_national_id ON public.learners USING btree (national_id) WHERE (national_id IS NOT NULL);


--
-- Name: learners_party_organization; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX learners_party_organization ON public.learners USING btree (party_organization_id, search_text, id);


--
-- Name: learners_search_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX learners_search_id ON public.learners USING btree (search_text, id);


--
-- Name: learners_search_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX learners_search_trgm ON public.learners USING gin (search_text public.gin_trgm_ops);


--
-- Name: lecturer_activities_lecturer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lecturer_activities_lecturer ON public.lecturer_activities USING btree (lecturer_id, activity_date);


--
-- Name: lecturers_external; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX lecturers_external ON public.lecturers USING btree (organization_id, external_id);


--
-- Name: lecturers_organization; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lecturers_organization ON public.lecturers USING btree (organization_id, search_text, id);


--
-- Name: lecturers_search_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lecturers_search_id ON public.lecturers USING btree (search_text, id);


--
-- Name: lecturers_search_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lecturers_search_trgm ON public.lecturers USING gin (search_text public.gin_trgm_ops);


--
-- Name: lecturers_user; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX lecturers_user ON public.lecturers USING btree (user_id);


--
-- Name: lesson_plans_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lesson_plans_created ON public.lesson_plans USING btree (created_at, id);


--
-- Name: lesson_plans_version; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX lesson_plans_version ON public.lesson_plans USING btree (lecturer_id, topic_id, version_no);


--
-- Name: login_failures_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX login_failures_key ON public.login_failures USING btree (limiter_key, failed_at);


--
-- Name: organizations_external; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX organizations_external ON public.organizations USING btree (kind, center_id, external_id);


--
-- Name: organizations_kind_code_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organizations_kind_code_id ON public.organizations USING btree (kind, code, id);


--
-- Name: organizations_kind_search_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organizations_kind_search_id ON public.organizations USING btree (kind, search_text, id);


--
-- Name: organizations_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organizations_parent ON public.organizations USING btree (parent_id);


--
-- Name: organizations_party_code; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX organizations_party_code ON public.organizations USING btree (center_id, code) WHERE (kind = 'party_organization'::text);


--
-- Name: organizations_path; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organizations_path ON public.organizations USING btree (path text_pattern_ops);


--
-- Name: organizations_search_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organizations_search_trgm ON public.organizations USING gin (search_text public.gin_trgm_ops);


--
-- Name: organizations_service_path; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organizations_service_path ON public.organizations USING btree (service_path text_pattern_ops);


--
-- Name: organizations_unit_code; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX organizations_unit_code ON public.organizations USING btree (kind, code) WHERE (kind = ANY (ARRAY['province'::text, 'provincial_school'::text, 'district'::text, 'center'::text]));


--
-- Name: policy_versions_effective; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX policy_versions_effective ON public.policy_versions USING btree (province_id, effective_from);


--
-- Name: program_topics_position; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX program_topics_position ON public.program_topics USING btree (program_id, "position");


--
-- Name: programs_code; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX programs_code ON public.programs USING btree (province_id, code);


--
-- Name: record_counts_bucket; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX record_counts_bucket ON public.record_counts USING btree (entity, bucket, organization_id);


--
-- Name: refresh_tokens_family; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX refresh_tokens_family ON public.refresh_tokens USING btree (family_id);


--
-- Name: refresh_tokens_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX refresh_tokens_hash ON public.refresh_tokens USING btree (token_hash);


--
-- Name: results_enrollment; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX results_enrollment ON public.results USING btree (enrollment_id);


--
-- Name: training_plan_lines_plan; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX training_plan_lines_plan ON public.training_plan_lines USING btree (plan_id);


--
-- Name: training_plans_revision; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX training_plans_revision ON public.training_plans USING btree (center_id, year, revision);


--
-- Name: training_plans_year; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX training_plans_year ON public.training_plans USING btree (year, status);


--
-- Name: users_scope; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX users_scope ON public.users USING btree (scope_id);


--
-- Name: users_username; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX users_username ON public.users USING btree (username);


--
-- Name: workflow_transitions_entity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX workflow_transitions_entity ON public.workflow_transitions USING btree (entity, entity_id, occurred_at);


--
-- Name: classes classes_counted_insert_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER classes_counted_insert_delete AFTER INSERT OR DELETE ON public.classes FOR EACH ROW EXECUTE FUNCTION public.classes_counted();


--
-- Name: classes classes_counted_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER classes_counted_update AFTER UPDATE OF center_id, status, year, program_id ON public.classes FOR EACH ROW WHEN (((old.center_id IS DISTINCT FROM new.center_id) OR (old.status IS DISTINCT FROM new.status) OR (old.year IS DISTINCT FROM new.year) OR (old.program_id IS DISTINCT FROM new.program_id))) EXECUTE FUNCTION public.classes_counted();


--
-- Name: learners learners_counted_insert_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER learners_counted_insert_delete AFTER INSERT OR DELETE ON public.learners FOR EACH ROW EXECUTE FUNCTION public.learners_counted();


--
-- Name: learners learners_counted_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER learners_counted_update AFTER UPDATE OF party_organization_id ON public.learners FOR EACH ROW WHEN ((old.party_organization_id IS DISTINCT FROM new.party_organization_id)) EXECUTE FUNCTION public.learners_counted();


--
-- Name: approval_grants approval_grants_district_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.approval_grants
    ADD CONSTRAINT approval_grants_district_id_fkey FOREIGN KEY (district_id) REFERENCES public.organizations(id);


--
-- Name: approval_grants approval_grants_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.approval_grants
    ADD CONSTRAINT approval_grants_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: attendance attendance_enrollment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attendance
    ADD CONSTRAINT attendance_enrollment_id_fkey FOREIGN KEY (enrollment_id) REFERENCES public.enrollments(id);


--
-- Name: attendance attendance_session_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attendance
    ADD CONSTRAINT attendance_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.class_sessions(id);


--
-- Name: certificate_counters certificate_counters_center_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.certificate_counters
    ADD CONSTRAINT certificate_counters_center_id_fkey FOREIGN KEY (issuer_id) REFERENCES public.organizations(id);


--
-- Name: certificates certificates_center_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.certificates
    ADD CONSTRAINT certificates_center_id_fkey FOREIGN KEY (center_id) REFERENCES public.organizations(id);


--
-- Name: certificates certificates_enrollment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.certificates
    ADD CONSTRAINT certificates_enrollment_id_fkey FOREIGN KEY (enrollment_id) REFERENCES public.enrollments(id);


--
-- Name: certificates certificates_issuer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.certificates
    ADD CONSTRAINT certificates_issuer_id_fkey FOREIGN KEY (issuer_id) REFERENCES public.organizations(id);


--
-- Name: certificates certificates_program_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.certificates
    ADD CONSTRAINT certificates_program_id_fkey FOREIGN KEY (program_id) REFERENCES public.programs(id);


--
-- Name: class_sessions class_sessions_class_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.class_sessions
    ADD CONSTRAINT class_sessions_class_id_fkey FOREIGN KEY (class_id) REFERENCES public.classes(id);


--
-- Name: class_sessions class_sessions_lecturer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.class_sessions
    ADD CONSTRAINT class_sessions_lecturer_id_fkey FOREIGN KEY (lecturer_id) REFERENCES public.lecturers(id);


--
-- Name: class_sessions class_sessions_lesson_plan_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.class_sessions
    ADD CONSTRAINT class_sessions_lesson_plan_id_fkey FOREIGN KEY (lesson_plan_id) REFERENCES public.lesson_plans(id);


--
-- Name: class_sessions class_sessions_topic_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.class_sessions
    ADD CONSTRAINT class_sessions_topic_id_fkey FOREIGN KEY (topic_id) REFERENCES public.program_topics(id);


--
-- Name: class_visits class_visits_observer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.class_visits
    ADD CONSTRAINT class_visits_observer_id_fkey FOREIGN KEY (observer_id) REFERENCES public.lecturers(id);


--
-- Name: class_visits class_visits_session_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.class_visits
    ADD CONSTRAINT class_visits_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.class_sessions(id);


--
-- Name: classes classes_center_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classes
    ADD CONSTRAINT classes_center_id_fkey FOREIGN KEY (center_id) REFERENCES public.organizations(id);


--
-- Name: classes classes_homeroom_lecturer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classes
    ADD CONSTRAINT classes_homeroom_lecturer_id_fkey FOREIGN KEY (homeroom_lecturer_id) REFERENCES public.lecturers(id);


--
-- Name: classes classes_partner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classes
    ADD CONSTRAINT classes_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.organizations(id);


--
-- Name: classes classes_plan_line_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classes
    ADD CONSTRAINT classes_plan_line_id_fkey FOREIGN KEY (plan_line_id) REFERENCES public.training_plan_lines(id);


--
-- Name: classes classes_program_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classes
    ADD CONSTRAINT classes_program_id_fkey FOREIGN KEY (program_id) REFERENCES public.programs(id);


--
-- Name: enrollments enrollments_class_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.enrollments
    ADD CONSTRAINT enrollments_class_id_fkey FOREIGN KEY (class_id) REFERENCES public.classes(id);


--
-- Name: enrollments enrollments_learner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.enrollments
    ADD CONSTRAINT enrollments_learner_id_fkey FOREIGN KEY (learner_id) REFERENCES public.learners(id);


--
-- Name: enrollments enrollments_party_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.enrollments
    ADD CONSTRAINT enrollments_party_organization_id_fkey FOREIGN KEY (party_organization_id) REFERENCES public.organizations(id);


--
-- Name: learners learners_party_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.learners
    ADD CONSTRAINT learners_party_organization_id_fkey FOREIGN KEY (party_organization_id) REFERENCES public.organizations(id);


--
-- Name: lecturer_activities lecturer_activities_lecturer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lecturer_activities
    ADD CONSTRAINT lecturer_activities_lecturer_id_fkey FOREIGN KEY (lecturer_id) REFERENCES public.lecturers(id);


--
-- Name: lecturers lecturers_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lecturers
    ADD CONSTRAINT lecturers_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: lecturers lecturers_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lecturers
    ADD CONSTRAINT lecturers_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: lesson_plans lesson_plans_lecturer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lesson_plans
    ADD CONSTRAINT lesson_plans_lecturer_id_fkey FOREIGN KEY (lecturer_id) REFERENCES public.lecturers(id);


--
-- Name: lesson_plans lesson_plans_previous_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lesson_plans
    ADD CONSTRAINT lesson_plans_previous_id_fkey FOREIGN KEY (previous_id) REFERENCES public.lesson_plans(id);


--
-- Name: lesson_plans lesson_plans_topic_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lesson_plans
    ADD CONSTRAINT lesson_plans_topic_id_fkey FOREIGN KEY (topic_id) REFERENCES public.program_topics(id);


--
-- Name: organization_periods organization_periods_organization_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization_periods
    ADD CONSTRAINT organization_periods_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES public.organizations(id) ON DELETE CASCADE;


--
-- Name: organization_periods organization_periods_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization_periods
    ADD CONSTRAINT organization_periods_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.organizations(id);


--
-- Name: organizations organizations_center_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organizations
    ADD CONSTRAINT organizations_center_id_fkey FOREIGN KEY (center_id) REFERENCES public.organizations(id);


--
-- Name: organizations organizations_merged_into_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organizations
    ADD CONSTRAINT organizations_merged_into_id_fkey FOREIGN KEY (merged_into_id) REFERENCES public.organizations(id);


--
-- Name: organizations organizations_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organizations
    ADD CONSTRAINT organizations_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.organizations(id);


--
-- Name: policy_versions policy_versions_province_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.policy_versions
    ADD CONSTRAINT policy_versions_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.organizations(id);


--
-- Name: program_topics program_topics_program_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.program_topics
    ADD CONSTRAINT program_topics_program_id_fkey FOREIGN KEY (program_id) REFERENCES public.programs(id);


--
-- Name: programs programs_province_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.programs
    ADD CONSTRAINT programs_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.organizations(id);


--
-- Name: refresh_tokens refresh_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refresh_tokens
    ADD CONSTRAINT refresh_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: results results_enrollment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.results
    ADD CONSTRAINT results_enrollment_id_fkey FOREIGN KEY (enrollment_id) REFERENCES public.enrollments(id);


--
-- Name: service_clients service_clients_scope_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_clients
    ADD CONSTRAINT service_clients_scope_id_fkey FOREIGN KEY (scope_id) REFERENCES public.organizations(id);


--
-- Name: training_plan_lines training_plan_lines_plan_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.training_plan_lines
    ADD CONSTRAINT training_plan_lines_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES public.training_plans(id);


--
-- Name: training_plan_lines training_plan_lines_program_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.training_plan_lines
    ADD CONSTRAINT training_plan_lines_program_id_fkey FOREIGN KEY (program_id) REFERENCES public.programs(id);


--
-- Name: training_plans training_plans_center_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.training_plans
    ADD CONSTRAINT training_plans_center_id_fkey FOREIGN KEY (center_id) REFERENCES public.organizations(id);


--
-- Name: training_plans training_plans_revision_of_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.training_plans
    ADD CONSTRAINT training_plans_revision_of_fkey FOREIGN KEY (revision_of) REFERENCES public.training_plans(id);


--
-- Name: users users_scope_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_scope_id_fkey FOREIGN KEY (scope_id) REFERENCES public.organizations(id);


--
-- PostgreSQL database dump complete
--


