//! `/webhooks`: an account's subscriptions to the change feed, their deliveries, tests and
//! redeliveries. Handlers call `services::webhooks` and, for the calls made now, `delivery`.

use super::{sort_names, Resource};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::{Json, OptionalJson};
use crate::http::{etag_response, if_match_version, secret_response, with_etag};
use crate::paging::{at_key, serve_list, serve_whole, ListParams, PageParams, NEWEST_FIRST};
use crate::services::webhooks::{
    self as service, CreateWebhook, RotateSecret, UpdateWebhook, Webhook, WebhookDelivery,
    WebhookDeliveryList, WebhookList, WebhookWithSecret,
};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use centers_db::{DeliveryId, WebhookId};
use utoipa_actix_web::scope;

/// Subscribe to the change feed: the server POSTs every new change you may read to `url`,
/// signed (Standard Webhooks); the answer holds the signing secret, once.
///
/// Deliveries start with the changes committed after this call, in `seq` order, at least once
/// (`webhook-id` is the change's `seq`: deduplicate on it). A receiver answers 2xx to accept;
/// other answers and timeouts are retried with growing delays for about a day, then the
/// subscription is marked `failing` and paused; 410 ends it.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "create_webhook",
    request_body = CreateWebhook,
    responses(
        (status = 201, description = "Created", body = WebhookWithSecret),
        (status = 409, description = "The account holds the most subscriptions allowed", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateWebhook>,
) -> Result<HttpResponse, ApiError> {
    let allow = state.settings.webhook_allow_private.clone();
    let created = state
        .write(move |conn| service::create(conn, &caller, &allow, body.0))
        .await?;
    Ok(secret_response(StatusCode::CREATED, &created))
}

/// Your webhook subscriptions.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "list_webhooks",
    params(PageParams),
    responses((status = 200, description = "Your subscriptions, newest first (`sort=-created`, `created`)", body = WebhookList)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    serve_whole(
        &state,
        &req,
        caller,
        &params,
        NEWEST_FIRST,
        service::list,
        |w| at_key(w.created_at, w.id),
    )
    .await
}

/// One of your subscriptions (never its secret).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "get_webhook",
    params(("id" = Uuid, Path, description = "Subscription id")),
    responses((status = 200, description = "The subscription", body = Webhook)),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn get_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<WebhookId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let webhook = state
        .db(move |conn| service::get(conn, &caller, id))
        .await?;
    Ok(etag_response(&req, webhook.version, &webhook))
}

/// Change the URL, description or kinds; pause (`status=paused`) or resume (`status=active`,
/// also after `failing`: from where it stopped).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "update_webhook",
    params(("id" = Uuid, Path, description = "Subscription id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body = UpdateWebhook,
    responses(
        (status = 200, description = "Changed", body = Webhook),
        (status = 409, description = "An ended subscription cannot be resumed", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[patch("/{id}")]
pub async fn update_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<WebhookId>,
    body: Json<UpdateWebhook>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    let allow = state.settings.webhook_allow_private.clone();
    let webhook = state
        .write(move |conn| service::update(conn, &caller, &allow, id, expected, body.0))
        .await?;
    Ok(with_etag(StatusCode::OK, webhook.version, &webhook))
}

/// Delete a subscription and its delivery history.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "delete_webhook",
    params(("id" = Uuid, Path, description = "Subscription id"), ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 412, description = "Changed since that ETag", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[delete("/{id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<WebhookId>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&req)?;
    let id = id.into_inner();
    state
        .write(move |conn| service::delete(conn, &caller, id, expected))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A new signing secret, shown once; the old one keeps signing beside it for the overlap, so a
/// receiver can switch without losing a delivery.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "rotate_webhook_secret",
    params(("id" = Uuid, Path, description = "Subscription id")),
    request_body(content = RotateSecret, description = "Optional: `overlap_seconds` (default a day)"),
    responses((status = 200, description = "Rotated", body = WebhookWithSecret)),
    security(("bearer" = []))
)]
#[post("/{id}/rotate-secret")]
pub async fn rotate_webhook_secret(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<WebhookId>,
    body: OptionalJson<RotateSecret>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let body = body.0;
    let rotated = state
        .write(move |conn| service::rotate_secret(conn, &caller, id, body))
        .await?;
    Ok(secret_response(StatusCode::OK, &rotated))
}

/// The attempts to call the subscriber: status codes, durations, errors and the next retry.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "list_webhook_deliveries",
    params(("id" = Uuid, Path, description = "Subscription id"), PageParams),
    responses((status = 200, description = "Attempts, newest first (`sort=-created`, `created`)", body = WebhookDeliveryList)),
    security(("bearer" = []))
)]
#[get("/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<WebhookId>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let paging = params.paging(NEWEST_FIRST)?;
    serve_list(&state, &req, caller, paging, move |conn, caller, page| {
        service::deliveries(conn, caller, id, page)
    })
    .await
}

/// Send the change an attempt carried again, now, as the owner reads it now (the cursor does
/// not move). The answer is the new attempt.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "redeliver_webhook",
    params(("id" = Uuid, Path, description = "Subscription id"), ("delivery" = Uuid, Path, description = "Attempt id")),
    responses(
        (status = 200, description = "The new attempt (see `succeeded`)", body = WebhookDelivery),
        (status = 409, description = "A test carries no change, or the change is no longer in your feed", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/deliveries/{delivery}/redeliver")]
pub async fn redeliver_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(WebhookId, DeliveryId)>,
) -> Result<HttpResponse, ApiError> {
    let (id, delivery) = path.into_inner();
    let prepared = state
        .db(move |conn| service::prepare_redelivery(conn, &caller, id, delivery))
        .await?;
    send_and_record(&state, prepared).await
}

/// Call the subscriber now with a `webhook.test` event, signed like every delivery. The answer
/// is the attempt.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "test_webhook",
    params(("id" = Uuid, Path, description = "Subscription id")),
    responses((status = 200, description = "The attempt (see `succeeded`)", body = WebhookDelivery)),
    security(("bearer" = []))
)]
#[post("/{id}/test")]
pub async fn test_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<WebhookId>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let prepared = state
        .db(move |conn| service::prepare_test(conn, &caller, id))
        .await?;
    send_and_record(&state, prepared).await
}

/// Calls the receiver (no database connection held meanwhile), then records the attempt.
async fn send_and_record(
    state: &web::Data<AppState>,
    prepared: service::Prepared,
) -> Result<HttpResponse, ApiError> {
    let outcome = crate::delivery::send_now(state, &prepared).await?;
    let delivery = state
        .write(move |conn| service::record_attempt(conn, &prepared, &outcome))
        .await?;
    Ok(HttpResponse::Ok().json(delivery))
}

/// This resource's routes and its sorted lists.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(
            scope("/webhooks")
                .service(create_webhook)
                .service(list_webhooks)
                .service(get_webhook)
                .service(update_webhook)
                .service(delete_webhook)
                .service(rotate_webhook_secret)
                .service(list_webhook_deliveries)
                .service(redeliver_webhook)
                .service(test_webhook),
        );
    },
    sorts: &[
        ("list_webhooks", || sort_names(NEWEST_FIRST)),
        ("list_webhook_deliveries", || sort_names(NEWEST_FIRST)),
    ],
};
