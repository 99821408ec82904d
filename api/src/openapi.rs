//! The OpenAPI 3.1 document: collected from the registered routes, then completed so that every
//! operation documents its error responses with the problem schema.

use crate::error::Problem;
use utoipa::openapi::header::{Header, HeaderBuilder};
use utoipa::openapi::info::{ContactBuilder, LicenseBuilder};
use utoipa::openapi::path::{Operation, Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::server::ServerBuilder;
use utoipa::openapi::Required;
use utoipa::openapi::{
    ContentBuilder, OpenApi as OpenApiDoc, Ref, RefOr, Response, ResponseBuilder,
};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Political training centers API",
        description = "The API of a province's network of district political training centers \
            (trung tâm chính trị cấp huyện) and its provincial political school: organizations, \
            accounts, plans, classes, learners, results and reports. Errors are RFC 9457 \
            problem documents (`application/problem+json`). Lists take `limit`, `cursor`, \
            `offset`, `sort`, `q` and return `{items, next_cursor, total}` with a `Link` header. \
            A list page asked again by the same account within `APP_LIST_CACHE_TTL` (2 s) is \
            served again, with an `Age` header, unless something was written through the same \
            server since; `Cache-Control: no-cache` has it computed. List pages are \
            gzip-compressed when `Accept-Encoding` allows it.",
    ),
    components(schemas(
        Problem,
        crate::error::FieldError,
        crate::routes::reports::GroupDimension,
        crate::routes::reports::SeriesDimension,
        crate::services::webhooks::WebhookTestEvent
    )),
    tags(
        (name = "auth", description = "Login, tokens, the caller's own account"),
        (name = "organizations", description = "The province's tree: districts, centers, any unit"),
        (name = "party-organizations", description = "Grassroots party organizations: under their party committee, served by a center"),
        (name = "users", description = "Accounts and their roles and scopes"),
        (name = "clients", description = "Service clients of integrations"),
        (name = "audit", description = "Who changed what, when"),
        (name = "programs", description = "The program catalogue and its topics"),
        (name = "policies", description = "Province policies with effective dates"),
        (name = "labels", description = "Vietnamese labels of every coded value"),
        (name = "training-plans", description = "Annual training plans and their approval workflow"),
        (name = "teaching", description = "Lecturers, classes, the timetable and lesson plans"),
        (name = "learners", description = "Learners, nominations and enrollments"),
        (name = "reports", description = "Province-wide overviews"),
        (name = "changes", description = "The change feed that district systems follow"),
        (name = "webhooks", description = "Subscriptions that have the change feed delivered to a URL, signed (Standard Webhooks)"),
        (name = "operations", description = "Health and readiness")
    )
)]
struct ApiDoc;

const ERRORS: &[(&str, &str)] = &[
    (
        "400",
        "Malformed request: bad JSON, bad query parameter (the field is named)",
    ),
    ("401", "No token, or an invalid, expired or revoked one"),
    ("403", "Authenticated, but the role does not allow this"),
    (
        "408",
        "The request body was not received in time (APP_BODY_TIMEOUT)",
    ),
    ("404", "No such record, or it is outside the caller's scope"),
    (
        "409",
        "Conflict: a duplicate, an illegal workflow step, or an idempotency key in use",
    ),
    ("413", "Request body too large"),
    (
        "406",
        "Accept admits none of the representations the operation sends (they are named)",
    ),
    ("415", "Content type is not JSON"),
    (
        "422",
        "Valid JSON that breaks a rule (the fields are named)",
    ),
    ("429", "Too many requests; see Retry-After"),
    ("500", "Internal error (no details; quote the request id)"),
    (
        "503",
        "Database unavailable, or too many password checks at once; see Retry-After",
    ),
];

fn problem_response(status: &str, description: &str) -> Response {
    let mut response = ResponseBuilder::new().description(description).content(
        "application/problem+json",
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("Problem")))
            .build(),
    );
    if matches!(status, "429" | "503") {
        response = response.header(
            "Retry-After",
            text_header("Seconds to wait before trying again", Type::Integer),
        );
    }
    response.build()
}

fn text_header(description: &str, kind: Type) -> Header {
    HeaderBuilder::new()
        .schema(ObjectBuilder::new().schema_type(kind))
        .description(Some(description))
        .build()
}

/// The headers the server sends that the routes' annotations do not state: `ETag` wherever an
/// operation answers `If-None-Match` (it lists a 304), `Link` and `Age` on every paged list
/// (`tests/http/walk.rs` checks `Link` on each), and on every operation the request id.
fn document_headers(op: &mut Operation) {
    let conditional = op.responses.responses.contains_key("304");
    let paged = op.parameters.iter().flatten().any(|p| {
        matches!(p.name.as_str(), "cursor" | "after") && p.parameter_in == ParameterIn::Query
    });
    for (status, response) in op.responses.responses.iter_mut() {
        let RefOr::T(response) = response else {
            continue;
        };
        if conditional && matches!(status.as_str(), "200" | "304") {
            response.headers.insert(
                "ETag".to_owned(),
                text_header(
                    "The record's version as an entity tag (`\"3\"`): send it back in \
                     `If-None-Match` (304 when unchanged) or `If-Match` (412 when changed)",
                    Type::String,
                ),
            );
        }
        if paged && status == "200" {
            response.headers.insert(
                "Link".to_owned(),
                text_header(
                    "`<next page URL>; rel=\"next\"` (RFC 8288) when there is a next page",
                    Type::String,
                ),
            );
            response.headers.insert(
                "Age".to_owned(),
                text_header(
                    "Seconds since this page was computed, when it was served again from the \
                     page cache",
                    Type::Integer,
                ),
            );
        }
        if status.starts_with('2') {
            response.headers.insert(
                "X-Request-Id".to_owned(),
                text_header(
                    "This request's id, as in the server's log and in problem documents",
                    Type::String,
                ),
            );
        }
    }
}

fn complete(op: &mut Operation, secured: bool, has_body: bool) {
    for (status, _) in ERRORS {
        let applies = match *status {
            "401" | "403" => secured,
            "408" | "413" | "415" | "422" => has_body,
            // Added to POSTs below; other operations declare their own 409s.
            "409" => false,
            _ => true,
        };
        if applies && !op.responses.responses.contains_key(*status) {
            op.responses.responses.insert(
                (*status).to_owned(),
                RefOr::Ref(Ref::new(format!("#/components/responses/{status}"))),
            );
        }
    }
}

fn idempotency_key_parameter() -> Parameter {
    ParameterBuilder::new()
        .name("Idempotency-Key")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(
            "Makes the POST safe to retry: the same key and request within 24 h returns the first \
             response (header `Idempotent-Replayed: true`) and does nothing twice; the same key \
             with another request is a 422; while the first is still running, a 409.",
        ))
        .schema(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .max_length(Some(255))
                // Visible ASCII only, as the server enforces.
                .pattern(Some("^[!-~]+$")),
        ))
        .build()
}

/// The sort keys each list accepts (`field` or `-field`), the first being the default, as each
/// routes module's `RESOURCE` declares them from the same constant its handler passes to
/// `ListParams::paging`, and the fuzzer in `.ci/run` checks that
/// every documented one is accepted.
fn sorts() -> Vec<(&'static str, Vec<&'static str>)> {
    crate::routes::RESOURCES
        .iter()
        .flat_map(|resource| resource.sorts.iter())
        .map(|(operation, names)| (*operation, names()))
        .collect()
}

/// Documents the `sort` parameter of each list as the enumeration it is; lists that sort one way
/// only do not document it.
fn document_sorts(op: &mut Operation) {
    let Some(params) = op.parameters.as_mut() else {
        return;
    };
    let all = sorts();
    let sorts = op
        .operation_id
        .as_deref()
        .and_then(|id| all.iter().find(|(op, _)| *op == id))
        .map(|(_, sorts)| sorts.as_slice());
    match sorts {
        Some(sorts) => {
            for p in params.iter_mut().filter(|p| p.name == "sort") {
                let values: Vec<String> = sorts
                    .iter()
                    .flat_map(|s| [(*s).to_owned(), format!("-{s}")])
                    .collect();
                p.schema = Some(RefOr::T(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .enum_values(Some(values))
                        .into(),
                ));
            }
        }
        None => params.retain(|p| p.name != "sort"),
    }
}

/// No control character but tab, line feed and carriage return, as the parsing layer enforces
/// for every text field and query parameter (`extract::parse_json`, `extract::check_query_text`).
const NO_CONTROL: &str = r"[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]";

/// Adds the control-character rule to every free-text string schema under `schema`; a `\S`
/// ("not blank") pattern becomes one pattern that says both.
fn forbid_control_characters(schema: &mut RefOr<utoipa::openapi::schema::Schema>) {
    use utoipa::openapi::schema::{Schema, SchemaType};
    let RefOr::T(schema) = schema else {
        return;
    };
    match schema {
        Schema::Object(o) => {
            let is_string = match &o.schema_type {
                SchemaType::Type(Type::String) => true,
                SchemaType::Array(types) => types.contains(&Type::String),
                _ => false,
            };
            if is_string && o.format.is_none() && o.enum_values.is_none() {
                o.pattern = match o.pattern.as_deref() {
                    None => Some(format!("^{NO_CONTROL}*$")),
                    Some(r"\S") => Some(format!(
                        r"^{NO_CONTROL}*[^\s\u0000-\u001F\u007F-\u009F]{NO_CONTROL}*$"
                    )),
                    Some(other) => Some(other.to_owned()),
                };
            }
            for property in o.properties.values_mut() {
                forbid_control_characters(property);
            }
        }
        Schema::Array(a) => {
            if let utoipa::openapi::schema::ArrayItems::RefOrSchema(items) = &mut a.items {
                forbid_control_characters(items);
            }
        }
        Schema::OneOf(one) => one.items.iter_mut().for_each(forbid_control_characters),
        Schema::AllOf(all) => all.items.iter_mut().for_each(forbid_control_characters),
        Schema::AnyOf(any) => any.items.iter_mut().for_each(forbid_control_characters),
        _ => {}
    }
}

/// The OpenAPI document of the whole API.
pub fn openapi() -> OpenApiDoc {
    let (_, mut api) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(crate::routes::operations)
        .service(utoipa_actix_web::scope("/api/v1").configure(crate::routes::api_v1))
        .split_for_parts();
    api.info.version = env!("CARGO_PKG_VERSION").to_owned();
    api.info.license = Some(
        LicenseBuilder::new()
            .name("MIT")
            .identifier(Some("MIT"))
            .build(),
    );
    api.info.contact = Some(
        ContactBuilder::new()
            .name(Some("Trường Chính trị tỉnh — quản trị hệ thống"))
            .build(),
    );
    // Relative: the document describes whichever server serves it (paths carry `/api/v1`).
    api.servers = Some(vec![ServerBuilder::new()
        .url("/")
        .description(Some("The server that serves this document"))
        .build()]);
    let components = api.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .bearer_format("JWT")
                .build(),
        ),
    );
    for schema in components.schemas.values_mut() {
        forbid_control_characters(schema);
    }
    for (status, description) in ERRORS {
        components.responses.insert(
            (*status).to_owned(),
            RefOr::T(problem_response(status, description)),
        );
    }
    for item in api.paths.paths.values_mut() {
        let ops = [
            item.get.as_mut(),
            item.post.as_mut(),
            item.put.as_mut(),
            item.patch.as_mut(),
            item.delete.as_mut(),
        ];
        for op in ops.into_iter().flatten() {
            let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
            let has_body = op.request_body.is_some();
            complete(op, secured, has_body);
            document_sorts(op);
            document_headers(op);
            // A public operation says so (`security: []`), rather than leaving it unsaid.
            op.security.get_or_insert_with(Vec::new);
            for p in op.parameters.iter_mut().flatten() {
                if let Some(schema) = p.schema.as_mut() {
                    forbid_control_characters(schema);
                }
            }
        }
        // Any write can meet a uniqueness rule or a concurrent change (409).
        for op in [item.patch.as_mut(), item.put.as_mut(), item.delete.as_mut()]
            .into_iter()
            .flatten()
        {
            op.responses
                .responses
                .entry("409".to_owned())
                .or_insert_with(|| RefOr::Ref(Ref::new("#/components/responses/409")));
        }
        if let Some(post) = item.post.as_mut() {
            if post.security.as_ref().is_some_and(|s| !s.is_empty()) {
                post.parameters
                    .get_or_insert_with(Vec::new)
                    .push(idempotency_key_parameter());
                // 409 while the first request with the key runs; 422 for a key reused with
                // another request (also on POSTs without a body).
                for status in ["409", "422"] {
                    post.responses
                        .responses
                        .entry(status.to_owned())
                        .or_insert_with(|| {
                            RefOr::Ref(Ref::new(format!("#/components/responses/{status}")))
                        });
                }
            }
        }
    }
    api.extensions
        .get_or_insert_with(Default::default)
        .insert("webhooks".to_owned(), webhooks());
    api
}

/// The OpenAPI 3.1 `webhooks` section: what the server POSTs to a subscription's URL (utoipa
/// has no builder for it; it is written here, its schemas `$ref`s to the components).
fn webhooks() -> serde_json::Value {
    let header = |name: &str, description: &str| {
        serde_json::json!({
            "name": name, "in": "header", "required": true,
            "description": description, "schema": {"type": "string"}
        })
    };
    let parameters = serde_json::json!([
        header("webhook-id", "The message id: the change's `seq` (a test: `test_…`). The same change sent again keeps it: deduplicate on it."),
        header("webhook-timestamp", "Seconds since 1970 when this attempt was signed; refuse one far from your clock (replays)."),
        header("webhook-signature", "Space-separated `v1,<base64>` signatures: HMAC-SHA256 with the subscription's secret (the base64 after `whsec_`) over `<webhook-id>.<webhook-timestamp>.<body>`; two during a secret's rotation. Accept when one matches.")
    ]);
    let responses = serde_json::json!({
        "200": {"description": "Accepted (any 2xx): the subscription's cursor moves past this change"},
        "410": {"description": "Gone: the subscription ends and is not called again"},
        "500": {"description": "Any other answer, a redirect, or none within the timeout: tried again later (exponential backoff with jitter, for about a day), then the subscription is marked `failing` and paused"}
    });
    serde_json::json!({
        "change": {"post": {
            "tags": ["webhooks"],
            "operationId": "receive_change",
            "summary": "A change of the feed, POSTed to a subscription's URL",
            "description": "One change per request, in `seq` order per subscription, exactly as `GET /api/v1/changes` shows it to the subscription's owner (same scope, permissions and masking), at least once.",
            "parameters": parameters,
            "requestBody": {"required": true, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Change"}}}},
            "responses": responses,
            "security": []
        }},
        "test": {"post": {
            "tags": ["webhooks"],
            "operationId": "receive_test",
            "summary": "A test event, POSTed by `POST /api/v1/webhooks/{id}/test`",
            "description": "Signed like a change; carries no change.",
            "parameters": parameters,
            "requestBody": {"required": true, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/WebhookTestEvent"}}}},
            "responses": responses,
            "security": []
        }}
    })
}

/// The document as pretty JSON with a trailing newline, as committed in `openapi/openapi.json`.
pub fn openapi_json() -> String {
    let mut s = openapi().to_pretty_json().unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::Object(map) => {
                for (k, item) in map {
                    match (k.as_str(), item) {
                        ("$ref", Value::String(r)) => out.push(r),
                        _ => refs(item, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|i| refs(i, out)),
            _ => {}
        }
    }

    #[test]
    fn every_reference_resolves() {
        let spec = serde_json::to_value(super::openapi()).unwrap_or_default();
        let mut found = Vec::new();
        refs(&spec, &mut found);
        assert!(found.len() > 100, "the document references its schemas");
        let missing: Vec<_> = found
            .iter()
            .filter(|r| spec.pointer(r.trim_start_matches('#')).is_none())
            .collect();
        assert!(missing.is_empty(), "references to nothing: {missing:?}");
    }

    /// The spec's term pattern is the one `parse_term` follows (utoipa takes only a literal).
    #[test]
    fn the_term_pattern_is_the_domains() {
        let spec = serde_json::to_value(super::openapi()).unwrap_or_default();
        let schemas = &spec["components"]["schemas"];
        for schema in ["CreateClass", "UpdateClass"] {
            assert_eq!(
                schemas[schema]["properties"]["term"]["pattern"],
                centers_domain::teaching::TERM_PATTERN,
                "{schema}"
            );
        }
        let coverage = spec["paths"]["/api/v1/reports/coverage"]["get"]["parameters"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["name"] == "term"))
            .map(|p| p["schema"]["pattern"].clone());
        assert_eq!(
            coverage,
            Some(centers_domain::teaching::TERM_PATTERN.into()),
            "coverage"
        );
    }

    /// utoipa keeps one schema per name and silently lets a later one replace an earlier: a DTO
    /// named like a coded value (`Delivery`, the way a program is taught) once turned every
    /// program's `delivery` into an object in the contract. Every coded value's name is its enum.
    #[test]
    fn no_schema_replaces_a_coded_values_enum() {
        let spec = serde_json::to_value(super::openapi()).unwrap_or_default();
        let schemas = &spec["components"]["schemas"];
        for (name, values) in centers_domain::labels::all() {
            let Some(schema) = schemas.get(name) else {
                continue;
            };
            let codes: Vec<&str> = values.iter().map(|(code, _)| *code).collect();
            assert_eq!(
                schema["enum"],
                serde_json::json!(codes),
                "{name}: the schema is not the enumeration"
            );
        }
    }
}
