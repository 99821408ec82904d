//! The OpenAPI 3.1 document: collected from the registered routes, then completed so that every
//! operation documents its error responses with the problem schema.

use crate::error::Problem;
use utoipa::openapi::path::{Operation, Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
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
            `offset`, `sort`, `q` and return `{items, next_cursor, total}` with a `Link` header.",
        license(name = "MIT")
    ),
    components(schemas(Problem, crate::error::FieldError)),
    tags(
        (name = "auth", description = "Login, tokens, the caller's own account"),
        (name = "organizations", description = "The province's tree: districts, centers, any unit"),
        (name = "party-organizations", description = "Grassroots party organizations of each center"),
        (name = "users", description = "Accounts and their roles and scopes"),
        (name = "clients", description = "Service clients of integrations"),
        (name = "audit", description = "Who changed what, when"),
        (name = "programs", description = "The program catalogue and its topics"),
        (name = "policies", description = "Province policies with effective dates"),
        (name = "training-plans", description = "Annual training plans and their approval workflow"),
        (name = "reports", description = "Province-wide overviews"),
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
    ("404", "No such record, or it is outside the caller's scope"),
    (
        "409",
        "Conflict: a duplicate, an illegal workflow step, or an idempotency key in use",
    ),
    ("413", "Request body too large"),
    ("415", "Content type is not JSON"),
    (
        "422",
        "Valid JSON that breaks a rule (the fields are named)",
    ),
    ("429", "Too many requests; see Retry-After"),
    ("500", "Internal error (no details; quote the request id)"),
    ("503", "Database unavailable"),
];

fn problem_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}

fn complete(op: &mut Operation, secured: bool, has_body: bool) {
    for (status, _) in ERRORS {
        let applies = match *status {
            "401" | "403" => secured,
            "413" | "415" | "422" => has_body,
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
                .max_length(Some(255)),
        ))
        .build()
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
    for (status, description) in ERRORS {
        components.responses.insert(
            (*status).to_owned(),
            RefOr::T(problem_response(description)),
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
        }
        if let Some(post) = item.post.as_mut() {
            if post.security.as_ref().is_some_and(|s| !s.is_empty()) {
                post.parameters
                    .get_or_insert_with(Vec::new)
                    .push(idempotency_key_parameter());
                post.responses
                    .responses
                    .entry("409".to_owned())
                    .or_insert_with(|| RefOr::Ref(Ref::new("#/components/responses/409")));
            }
        }
    }
    api
}

/// The document as pretty JSON with a trailing newline, as committed in `openapi/openapi.json`.
pub fn openapi_json() -> String {
    let mut s = openapi().to_pretty_json().unwrap_or_default();
    s.push('\n');
    s
}
