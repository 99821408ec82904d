//! Webhook subscriptions: an administrator or a service client asks to be called when the change
//! feed moves. Each account sees and manages only its own subscriptions; a subscription is
//! delivered what its owner may read through `GET /changes`, as the owner would read it
//! (`crate::delivery`).

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::http::{check_if_match, utc, IfMatch};
use crate::list_schema;
use crate::webhook_signature::WebhookSecret;
use centers_db::paging::{Page, PageRequest};
use centers_db::webhooks::{self as db, DeliveryRow, SubscriptionChanges, SubscriptionRow};
use centers_db::writes::{self, Write};
use centers_db::{DbConnection, DeliveryId, WebhookId};
use centers_domain::access::{Permission, Principal};
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::webhooks::{
    check_url, is_internal, DeliveryKind, OwnerKind, SubscriptionStatus,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A webhook subscription. Its secret is shown once, at creation and at each rotation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Webhook {
    pub id: WebhookId,
    /// Where the server POSTs each change (http or https).
    pub url: String,
    pub description: String,
    /// The kinds delivered; empty for every kind the owner may read.
    pub entity_types: Vec<EntityKind>,
    pub status: SubscriptionStatus,
    /// Why the server paused or ended it (`failing`, `ended`).
    pub status_reason: Option<String>,
    /// The `seq` of the last change delivered (or skipped as not the owner's to read): the
    /// next delivery is the first change after it.
    pub cursor: String,
    /// Failed attempts at the next change since `failing_since`.
    pub attempts: i32,
    pub failing_since: Option<DateTime<Utc>>,
    /// When the next attempt is due after a failure.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// Until when the previous secret still signs (a rotation's overlap); null when none does.
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A subscription with its signing secret, which is shown only in this answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookWithSecret {
    #[serde(flatten)]
    pub webhook: Webhook,
    /// `whsec_` and the base64 key: verify each delivery's `webhook-signature` with it
    /// (Standard Webhooks).
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    pub secret: String,
}

list_schema!(WebhookList, Webhook);

/// One attempt to call the subscriber.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookDelivery {
    pub id: DeliveryId,
    /// The `webhook-id` sent: the change's `seq`, or `test_…` for a test.
    pub message_id: String,
    /// The change delivered; null for a test.
    pub event_seq: Option<i64>,
    pub kind: DeliveryKind,
    /// 1 for the first attempt at this change, then 2, 3, …
    pub attempt: i32,
    /// The receiver's HTTP status; null when no answer came (refused, timed out).
    pub status_code: Option<i32>,
    /// What went wrong, when the attempt failed.
    pub error: Option<String>,
    pub duration_ms: i32,
    pub attempted_at: DateTime<Utc>,
    /// When the change is tried again after this failure; null when it is not.
    pub next_retry_at: Option<DateTime<Utc>>,
    pub succeeded: bool,
}

list_schema!(WebhookDeliveryList, WebhookDelivery);

/// A new subscription.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWebhook {
    #[schema(
        example = "https://huyenuy.example.vn/hooks/centers",
        min_length = 1,
        max_length = 2000
    )]
    pub url: String,
    #[schema(example = "Đồng bộ học viên về hệ thống Huyện ủy", max_length = 500)]
    pub description: Option<String>,
    /// The kinds to deliver; absent or empty for every kind the owner may read.
    pub entity_types: Option<Vec<EntityKind>>,
}

/// Changes to a subscription; absent fields stay.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateWebhook {
    #[schema(min_length = 1, max_length = 2000)]
    pub url: Option<String>,
    #[schema(max_length = 500)]
    pub description: Option<String>,
    pub entity_types: Option<Vec<EntityKind>>,
    /// `paused` to stop, `active` to resume a paused or failing subscription from where it
    /// stopped.
    pub status: Option<SubscriptionStatus>,
}

/// How long the old secret keeps signing after a rotation.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RotateSecret {
    /// Seconds, 0–604800 (a week); default 86400. Receivers accept either secret meanwhile.
    #[schema(minimum = 0, maximum = 604_800)]
    pub overlap_seconds: Option<i64>,
}

impl TryFrom<SubscriptionRow> for Webhook {
    type Error = ApiError;

    fn try_from(r: SubscriptionRow) -> Result<Self, ApiError> {
        Ok(Webhook {
            entity_types: parse_kinds(&r.entity_types)?,
            id: r.id,
            url: r.url,
            description: r.description,
            status: r.status,
            status_reason: r.status_reason,
            cursor: r.cursor_seq.to_string(),
            attempts: r.attempts,
            failing_since: r.failing_since.map(utc),
            next_attempt_at: r.next_attempt_at.map(utc),
            previous_secret_expires_at: r
                .previous_secret_expires_at
                .filter(|until| *until > centers_db::now())
                .map(utc),
            version: r.version,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        })
    }
}

impl From<DeliveryRow> for WebhookDelivery {
    fn from(d: DeliveryRow) -> Self {
        WebhookDelivery {
            id: d.id,
            message_id: d.message_id,
            event_seq: d.event_seq,
            kind: d.kind,
            attempt: d.attempt,
            status_code: d.status_code,
            error: d.error,
            duration_ms: d.duration_ms,
            attempted_at: utc(d.attempted_at),
            next_retry_at: d.next_retry_at.map(utc),
            succeeded: d.succeeded,
        }
    }
}

/// The stored kinds (comma-separated) as a list.
pub fn parse_kinds(text: &str) -> Result<Vec<EntityKind>, ApiError> {
    text.split(',')
        .filter(|k| !k.is_empty())
        .map(|k| {
            k.parse::<EntityKind>()
                .map_err(|_| ApiError::Internal(format!("stored entity kind {k:?}")))
        })
        .collect()
}

/// Whose a subscription of `caller` is.
pub fn owner_of(caller: &Caller) -> (OwnerKind, centers_db::Id) {
    let kind = match caller.principal {
        Principal::User(_) => OwnerKind::User,
        Principal::Client(_) => OwnerKind::Client,
    };
    (kind, centers_db::Id(caller.id))
}

/// The kinds a subscription of `caller` may ask for: those of its feed.
fn checked_kinds(caller: &Caller, kinds: &[EntityKind]) -> Result<String, ApiError> {
    let readable = EntityKind::readable_by(caller.principal);
    let mut errors = Vec::new();
    for (i, k) in kinds.iter().enumerate() {
        if !readable.contains(k) {
            errors.push(FieldError::new(
                format!("entity_types[{i}]"),
                "not_readable",
                format!("{k} is not in your change feed"),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    Ok(names.join(","))
}

/// A receiver's URL, checked: http(s), no credentials, and no internal address written as a
/// literal (host names are checked after resolution, at each delivery) unless allowed.
fn checked_url(url: &str, allow: &[crate::config::IpNetwork]) -> Result<String, ApiError> {
    let invalid = |message: String| ApiError::invalid_field("url", "invalid_url", message);
    let trimmed = url.trim();
    if trimmed.is_empty() {
        return Err(ApiError::invalid_field(
            "url",
            "required",
            "must not be empty",
        ));
    }
    let parsed = url::Url::parse(trimmed).map_err(|e| invalid(format!("not a URL: {e}")))?;
    check_url(&parsed).map_err(|e| invalid(e.to_string()))?;
    let literal = match parsed.host() {
        Some(url::Host::Ipv4(v4)) => Some(std::net::IpAddr::V4(v4)),
        Some(url::Host::Ipv6(v6)) => Some(std::net::IpAddr::V6(v6)),
        _ => None,
    };
    if let Some(ip) = literal {
        if is_internal(ip) && !allow.iter().any(|n| n.contains(ip)) {
            return Err(invalid(
                centers_domain::webhooks::UrlRefusal::InternalAddress(ip).to_string(),
            ));
        }
    }
    Ok(parsed.to_string())
}

fn checked_description(d: Option<String>) -> Result<String, ApiError> {
    crate::services::check_length("description", d.as_deref(), 500)?;
    Ok(d.map(|d| centers_domain::text::normalize(&d))
        .unwrap_or_default())
}

fn mine(
    conn: &mut DbConnection,
    caller: &Caller,
    id: WebhookId,
) -> Result<SubscriptionRow, ApiError> {
    caller.require_permission(Permission::ManageWebhooks)?;
    let (_, owner) = owner_of(caller);
    db::find_of_owner(conn, id, owner)?.ok_or(ApiError::NotFound)
}

fn audit(
    conn: &mut DbConnection,
    ctx: &centers_db::audit::AuditContext,
    scope_path: &str,
    before: Option<&Webhook>,
    after: Option<&Webhook>,
    action: AuditAction,
) -> Result<(), ApiError> {
    let write = match (before, after) {
        (None, Some(a)) => Write::create(EntityKind::Webhook, a.id, scope_path, a),
        (Some(b), Some(a)) => Write::update(EntityKind::Webhook, a.id, scope_path, b, a),
        (Some(b), None) => Write::delete(EntityKind::Webhook, b.id, scope_path, b, &b.url),
        (None, None) => return Ok(()),
    };
    writes::record(conn, ctx, write.audit_only().action(action))?;
    Ok(())
}

/// Creates a subscription of the caller's; the answer holds its secret, once.
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    allow: &[crate::config::IpNetwork],
    b: CreateWebhook,
) -> Result<WebhookWithSecret, ApiError> {
    caller.require_permission(Permission::ManageWebhooks)?;
    crate::services::check_length(
        "url",
        Some(&b.url),
        centers_domain::webhooks::MAX_URL_LENGTH,
    )?;
    let url = checked_url(&b.url, allow)?;
    let description = checked_description(b.description)?;
    let kinds = checked_kinds(caller, &b.entity_types.unwrap_or_default())?;
    let (owner_type, owner_id) = owner_of(caller);
    if db::count_of_owner(conn, owner_id)? >= db::MAX_PER_OWNER {
        return Err(ApiError::Conflict {
            detail: format!(
                "an account holds at most {} webhook subscriptions; delete one first",
                db::MAX_PER_OWNER
            ),
            current_state: None,
            allowed_actions: None,
        });
    }
    let (_, secret) = WebhookSecret::generate();
    let row = db::insert(
        conn,
        &db::NewSubscription {
            owner_type,
            owner_id,
            url: &url,
            description: &description,
            entity_types: &kinds,
            secret: &secret,
        },
    )?;
    let webhook = Webhook::try_from(row)?;
    audit(
        conn,
        &caller.audit(),
        &caller.scope_path,
        None,
        Some(&webhook),
        AuditAction::Create,
    )?;
    Ok(WebhookWithSecret { webhook, secret })
}

/// The caller's subscriptions, newest first.
pub fn list(conn: &mut DbConnection, caller: &Caller) -> Result<Vec<Webhook>, ApiError> {
    caller.require_permission(Permission::ManageWebhooks)?;
    let (_, owner) = owner_of(caller);
    db::list_of_owner(conn, owner)?
        .into_iter()
        .map(Webhook::try_from)
        .collect()
}

pub fn get(conn: &mut DbConnection, caller: &Caller, id: WebhookId) -> Result<Webhook, ApiError> {
    Webhook::try_from(mine(conn, caller, id)?)
}

/// Changes the URL, description or kinds, pauses or resumes.
pub fn update(
    conn: &mut DbConnection,
    caller: &Caller,
    allow: &[crate::config::IpNetwork],
    id: WebhookId,
    expected: IfMatch,
    b: UpdateWebhook,
) -> Result<Webhook, ApiError> {
    let row = mine(conn, caller, id)?;
    check_if_match(&expected, row.version)?;
    if let Some(u) = &b.url {
        crate::services::check_length("url", Some(u), centers_domain::webhooks::MAX_URL_LENGTH)?;
    }
    let url = match b.url {
        Some(u) => checked_url(&u, allow)?,
        None => row.url.clone(),
    };
    let description = match b.description {
        Some(d) => checked_description(Some(d))?,
        None => row.description.clone(),
    };
    let kinds = match b.entity_types {
        Some(k) => checked_kinds(caller, &k)?,
        None => row.entity_types.clone(),
    };
    let status = b.status.unwrap_or(row.status);
    if !SubscriptionStatus::owner_may_set(row.status, status) {
        return Err(ApiError::Conflict {
            detail: format!(
                "a subscription that is {} cannot become {status}",
                row.status
            ),
            current_state: Some(row.status.to_string()),
            allowed_actions: None,
        });
    }
    let resumed = status == SubscriptionStatus::Active && row.status != SubscriptionStatus::Active;
    let before = Webhook::try_from(row.clone())?;
    let after = db::update(
        conn,
        id,
        row.version,
        &SubscriptionChanges {
            url,
            description,
            entity_types: kinds,
            status,
            resumed,
        },
    )?
    .ok_or(ApiError::PreconditionFailed)?;
    let after = Webhook::try_from(after)?;
    let action = match (before.status, after.status) {
        (a, b) if a == b => AuditAction::Update,
        (_, SubscriptionStatus::Active) => AuditAction::Activate,
        _ => AuditAction::Deactivate,
    };
    audit(
        conn,
        &caller.audit(),
        &caller.scope_path,
        Some(&before),
        Some(&after),
        action,
    )?;
    Ok(after)
}

/// Deletes a subscription and its delivery history.
pub fn delete(
    conn: &mut DbConnection,
    caller: &Caller,
    id: WebhookId,
    expected: IfMatch,
) -> Result<(), ApiError> {
    let row = mine(conn, caller, id)?;
    check_if_match(&expected, row.version)?;
    let before = Webhook::try_from(row)?;
    db::delete(conn, id)?;
    audit(
        conn,
        &caller.audit(),
        &caller.scope_path,
        Some(&before),
        None,
        AuditAction::Delete,
    )
}

/// A new secret; the old one keeps signing for the overlap.
pub fn rotate_secret(
    conn: &mut DbConnection,
    caller: &Caller,
    id: WebhookId,
    b: RotateSecret,
) -> Result<WebhookWithSecret, ApiError> {
    let overlap = b.overlap_seconds.unwrap_or(86_400);
    if !(0..=604_800).contains(&overlap) {
        return Err(ApiError::invalid_field(
            "overlap_seconds",
            "out_of_range",
            "must be between 0 and 604800 (a week)",
        ));
    }
    let row = mine(conn, caller, id)?;
    if row.status == SubscriptionStatus::Ended {
        return Err(ApiError::Conflict {
            detail: "the subscription has ended".into(),
            current_state: Some(row.status.to_string()),
            allowed_actions: None,
        });
    }
    let before = Webhook::try_from(row)?;
    let (_, secret) = WebhookSecret::generate();
    let until = centers_db::now() + chrono::Duration::seconds(overlap);
    let webhook = Webhook::try_from(db::rotate_secret(conn, id, &secret, until)?)?;
    audit(
        conn,
        &caller.audit(),
        &caller.scope_path,
        Some(&before),
        Some(&webhook),
        AuditAction::Update,
    )?;
    Ok(WebhookWithSecret { webhook, secret })
}

/// A page of the subscription's delivery attempts.
pub fn deliveries(
    conn: &mut DbConnection,
    caller: &Caller,
    id: WebhookId,
    page: &PageRequest<()>,
) -> Result<Page<WebhookDelivery>, ApiError> {
    mine(conn, caller, id)?;
    Ok(db::list_deliveries(conn, id, page)?.map(WebhookDelivery::from))
}

/// What a test or a redelivery sends, prepared from the owner's subscription.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub subscription: SubscriptionRow,
    pub message_id: String,
    pub event_seq: Option<i64>,
    pub body: Vec<u8>,
    pub kind: DeliveryKind,
}

/// The payload of `POST /webhooks/{id}/test`: no change, only the subscription.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookTestEvent {
    /// Always `webhook.test`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub webhook_id: WebhookId,
    pub occurred_at: DateTime<Utc>,
}

/// Prepares a test call of the caller's subscription.
pub fn prepare_test(
    conn: &mut DbConnection,
    caller: &Caller,
    id: WebhookId,
) -> Result<Prepared, ApiError> {
    let subscription = mine(conn, caller, id)?;
    let body = serde_json::to_vec(&WebhookTestEvent {
        kind: "webhook.test",
        webhook_id: id,
        occurred_at: Utc::now(),
    })
    .map_err(|e| ApiError::Internal(format!("test event: {e}")))?;
    Ok(Prepared {
        subscription,
        message_id: format!("test_{}", uuid::Uuid::now_v7().simple()),
        event_seq: None,
        body,
        kind: DeliveryKind::Test,
    })
}

/// Prepares the redelivery of an event an attempt carried, read again as the owner reads it now.
pub fn prepare_redelivery(
    conn: &mut DbConnection,
    caller: &Caller,
    id: WebhookId,
    delivery: DeliveryId,
) -> Result<Prepared, ApiError> {
    let subscription = mine(conn, caller, id)?;
    let attempt = db::find_delivery(conn, id, delivery)?.ok_or(ApiError::NotFound)?;
    let Some(seq) = attempt.event_seq else {
        return Err(ApiError::Conflict {
            detail: "a test delivery carries no change to send again; use POST …/test".into(),
            current_state: None,
            allowed_actions: None,
        });
    };
    let kinds = parse_kinds(&subscription.entity_types)?;
    let types = (!kinds.is_empty()).then_some(kinds);
    let page = crate::services::changes::follow(conn, caller, seq - 1, 1, types)?;
    let change = page
        .items
        .into_iter()
        .find(|c| c.seq == seq)
        .ok_or_else(|| ApiError::Conflict {
            detail: format!("change {seq} is no longer in your feed"),
            current_state: None,
            allowed_actions: None,
        })?;
    let body = serde_json::to_vec(&change)
        .map_err(|e| ApiError::Internal(format!("change payload: {e}")))?;
    Ok(Prepared {
        subscription,
        message_id: seq.to_string(),
        event_seq: Some(seq),
        body,
        kind: DeliveryKind::Redelivery,
    })
}

/// Records the outcome of a test or a redelivery (it does not move the cursor).
pub fn record_attempt(
    conn: &mut DbConnection,
    prepared: &Prepared,
    outcome: &crate::delivery::Outcome,
) -> Result<WebhookDelivery, ApiError> {
    let row = db::insert_delivery(
        conn,
        &db::NewDelivery {
            subscription_id: prepared.subscription.id,
            message_id: &prepared.message_id,
            event_seq: prepared.event_seq,
            kind: prepared.kind,
            attempt: 1,
            status_code: outcome.status.map(i32::from),
            error: outcome.error.as_deref(),
            duration_ms: outcome.duration_ms,
            attempted_at: outcome.at,
            next_retry_at: None,
            succeeded: outcome.succeeded(),
        },
    )?;
    Ok(WebhookDelivery::from(row))
}
