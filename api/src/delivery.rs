//! Webhook delivery: the server follows the change feed for each active subscription and POSTs
//! every new change its owner may read, in `seq` order, signed (Standard Webhooks), at least
//! once. One worker runs in each instance; instances on one PostgreSQL share the subscriptions
//! through leases (`centers_db::webhooks::claim_due`), so each subscription is delivered by one
//! instance at a time and each change once between them while no instance dies mid-delivery
//! (one that does leaves its change to be sent again after its lease: receivers deduplicate on
//! `webhook-id`, the change's `seq`).
//!
//! Outbound calls are guarded: connect and total timeouts, no redirects followed, at most a
//! few KiB of the answer read, and no connection to an internal address (loopback, private,
//! link-local, …) unless `APP_WEBHOOK_ALLOW_PRIVATE` lists it — checked on the addresses the
//! host name resolves to, which are then the only ones connected to.

use crate::auth::Caller;
use crate::config::{IpNetwork, Settings};
use crate::error::ApiError;
use crate::services::webhooks::{parse_kinds, Webhook};
use crate::state::AppState;
use crate::webhook_signature::{signature_header, WebhookSecret};
use actix_web::web;
use centers_db::audit::AuditContext;
use centers_db::identity;
use centers_db::webhooks::{self as db, SubscriptionRow};
use centers_db::writes::{self, Write};
use centers_db::{ClientId, UserId};
use centers_domain::access::Permission;
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::webhooks::{
    is_internal, AfterFailure, DeliveryKind, OwnerKind, SubscriptionStatus,
};
use chrono::NaiveDateTime;
use std::io::Read;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How much of a receiver's answer is read: enough to end the exchange, never a large body.
const ANSWER_LIMIT: u64 = 4 * 1024;
/// Changes read from the feed per round of one subscription.
const FEED_PAGE: i64 = 20;
/// Changes delivered per lease before the subscription goes back to the pool (fairness).
const PER_LEASE: usize = 200;
/// How long a claim holds a subscription; renewed after every delivered change.
const LEASE: Duration = Duration::from_secs(60);
/// Subscriptions claimed per round by one instance.
const CLAIM: i64 = 16;
/// Attempts are kept this long, then pruned.
const KEEP_ATTEMPTS: Duration = Duration::from_secs(30 * 24 * 3600);

/// What came of one call.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: Option<u16>,
    pub error: Option<String>,
    pub duration_ms: i32,
    pub at: NaiveDateTime,
}

impl Outcome {
    pub fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

/// Resolves a receiver's host and refuses internal addresses that are not allowed.
struct GuardedResolver {
    allow: Arc<Vec<IpNetwork>>,
}

impl ureq::Resolver for GuardedResolver {
    fn resolve(&self, netloc: &str) -> std::io::Result<Vec<SocketAddr>> {
        let addrs: Vec<SocketAddr> = netloc.to_socket_addrs()?.collect();
        if let Some(bad) = addrs
            .iter()
            .map(SocketAddr::ip)
            .find(|ip| is_internal(*ip) && !self.allow.iter().any(|n| n.contains(*ip)))
        {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                format!(
                    "{netloc} resolves to {bad}, an internal address the server does not call \
                     (APP_WEBHOOK_ALLOW_PRIVATE lists exceptions)"
                ),
            ));
        }
        Ok(addrs)
    }
}

/// The HTTP client of deliveries.
#[derive(Clone)]
pub struct Outbound {
    agent: ureq::Agent,
}

impl Outbound {
    pub fn new(settings: &Settings) -> Outbound {
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(settings.webhook_timeout.min(Duration::from_secs(5)))
            .timeout(settings.webhook_timeout)
            .redirects(0)
            .user_agent(concat!("centers-webhooks/", env!("CARGO_PKG_VERSION")))
            .resolver(GuardedResolver {
                allow: Arc::new(settings.webhook_allow_private.clone()),
            })
            .build();
        Outbound { agent }
    }

    /// POSTs `body` to `url`, signed with `secrets` (blocking: call from a blocking thread).
    pub fn post(&self, url: &str, message_id: &str, secrets: &[&str], body: &[u8]) -> Outcome {
        let at = centers_db::now();
        let started = Instant::now();
        let timestamp = chrono::Utc::now().timestamp();
        let keys: Vec<WebhookSecret> = secrets
            .iter()
            .filter_map(|s| WebhookSecret::parse(s))
            .collect();
        let signature = signature_header(&keys, message_id, timestamp, body);
        let sent = self
            .agent
            .post(url)
            .set("content-type", "application/json")
            .set("webhook-id", message_id)
            .set("webhook-timestamp", &timestamp.to_string())
            .set("webhook-signature", &signature)
            .send_bytes(body);
        let (status, error) = match sent {
            Ok(answer) => {
                let status = answer.status();
                drain(answer);
                let error = (!(200..300).contains(&status))
                    .then(|| format!("answered {status} (redirects are not followed)"));
                (Some(status), error)
            }
            Err(ureq::Error::Status(status, answer)) => {
                drain(answer);
                (Some(status), Some(format!("answered {status}")))
            }
            Err(ureq::Error::Transport(t)) => (None, Some(transport_error(&t))),
        };
        Outcome {
            status,
            error,
            duration_ms: i32::try_from(started.elapsed().as_millis()).unwrap_or(i32::MAX),
            at,
        }
    }
}

/// Reads at most [`ANSWER_LIMIT`] bytes of an answer and drops the rest.
fn drain(answer: ureq::Response) {
    let mut sink = Vec::new();
    let _ = answer
        .into_reader()
        .take(ANSWER_LIMIT)
        .read_to_end(&mut sink);
}

/// A transport failure in words, with the cause that says what happened (refused, timed out,
/// an internal address).
fn transport_error(t: &ureq::Transport) -> String {
    let mut text = t.to_string();
    let mut source = std::error::Error::source(t);
    while let Some(s) = source {
        let more = s.to_string();
        if !text.contains(&more) {
            text = format!("{text}: {more}");
        }
        source = s.source();
    }
    text.chars().take(500).collect()
}

/// The subscription's owner as a caller, if it may still follow the feed: the account active,
/// and still allowed to subscribe.
fn owner_caller(
    conn: &mut centers_db::DbConnection,
    s: &SubscriptionRow,
) -> Result<Option<Caller>, ApiError> {
    let subject = match s.owner_type {
        OwnerKind::User => identity::active_user_subject(conn, UserId(s.owner_id.0))?,
        OwnerKind::Client => identity::active_client_subject(conn, ClientId(s.owner_id.0))?,
    };
    Ok(subject
        .map(|subject| Caller::of_subject(s.owner_id.0, subject, None))
        .filter(|owner| owner.require_permission(Permission::ManageWebhooks).is_ok()))
}

/// Starts the worker on the current actix runtime (the server's): it runs until the runtime
/// stops. Off with `APP_WEBHOOK_DELIVERY=off` (an instance that only serves reads).
pub fn spawn(state: web::Data<AppState>) {
    if !state.settings.webhook_delivery {
        return;
    }
    actix_web::rt::spawn(async move {
        let instance = format!("{}-{}", std::process::id(), uuid::Uuid::now_v7().simple());
        let mut last_prune: Option<Instant> = None;
        loop {
            actix_web::rt::time::sleep(state.settings.webhook_poll).await;
            if let Err(e) = round(&state, &instance).await {
                tracing::warn!(error = %e, "webhook delivery round failed");
            }
            if last_prune.is_none_or(|at| at.elapsed() > Duration::from_secs(3600)) {
                last_prune = Some(Instant::now());
                let before = centers_db::now()
                    - chrono::Duration::from_std(KEEP_ATTEMPTS).unwrap_or_default();
                let pruned = state
                    .db(move |conn| Ok(db::prune_deliveries(conn, before)?))
                    .await;
                if let Err(e) = pruned {
                    tracing::warn!(error = %e, "pruning webhook attempts failed");
                }
            }
        }
    });
}

/// Claims the due subscriptions and delivers each, side by side.
async fn round(state: &web::Data<AppState>, instance: &str) -> Result<(), ApiError> {
    let now = centers_db::now();
    let until = now + chrono::Duration::from_std(LEASE).unwrap_or_default();
    let me = instance.to_owned();
    let claimed = state
        .write_plain(move |conn| Ok(db::claim_due(conn, &me, now, until, CLAIM)?))
        .await?;
    let work = claimed
        .into_iter()
        .map(|s| deliver_subscription(state.clone(), instance.to_owned(), s));
    for result in futures_util::future::join_all(work).await {
        if let Err(e) = result {
            tracing::warn!(error = %e, "webhook delivery failed");
        }
    }
    Ok(())
}

/// Records a status the server decided, audited as the system's.
async fn server_sets_status(
    state: &web::Data<AppState>,
    s: &SubscriptionRow,
    status: SubscriptionStatus,
    reason: String,
) -> Result<(), ApiError> {
    let (id, before, scope_path) = (s.id, s.clone(), owner_scope(s));
    state
        .write(move |conn| {
            let before = Webhook::try_from(before)?;
            let after = Webhook::try_from(db::set_status(conn, id, status, &reason)?)?;
            let action = if status == SubscriptionStatus::Ended {
                AuditAction::Close
            } else {
                AuditAction::Deactivate
            };
            writes::record(
                conn,
                &AuditContext::system(),
                Write::update(EntityKind::Webhook, id, &scope_path, &before, &after)
                    .audit_only()
                    .action(action),
            )?;
            Ok(())
        })
        .await
}

/// The audit scope of a subscription the server changes: the province's root (`/`), where the
/// province's administrators read it; the owner's own path is not at hand without its account.
fn owner_scope(_: &SubscriptionRow) -> String {
    "/".to_owned()
}

/// Delivers the changes after the subscription's cursor, in order, until none is left, the
/// lease's share is done, or an attempt fails (then the next attempt is scheduled).
async fn deliver_subscription(
    state: web::Data<AppState>,
    instance: String,
    mut s: SubscriptionRow,
) -> Result<(), ApiError> {
    let kinds = parse_kinds(&s.entity_types)?;
    let types = (!kinds.is_empty()).then_some(kinds);
    let mut delivered = 0usize;
    loop {
        let (sub, types_now) = (s.clone(), types.clone());
        let read = state
            .db(move |conn| {
                let Some(owner) = owner_caller(conn, &sub)? else {
                    return Ok(None);
                };
                // Read the end first: every change up to it is committed (the feed's commit
                // order), so a page shorter than asked means nothing is left up to `end`.
                let end = writes::last_seq(conn)?;
                let page = crate::services::changes::follow(
                    conn,
                    &owner,
                    sub.cursor_seq,
                    FEED_PAGE,
                    types_now,
                )?;
                Ok(Some((end, page.items)))
            })
            .await?;
        let Some((end, changes)) = read else {
            let reason = "the owner's account is deactivated, revoked or no longer allowed to \
                          subscribe";
            return server_sets_status(&state, &s, SubscriptionStatus::Failing, reason.into())
                .await;
        };
        let drained = i64::try_from(changes.len()).unwrap_or(i64::MAX) < FEED_PAGE;
        for change in changes {
            let body = serde_json::to_vec(&change)
                .map_err(|e| ApiError::Internal(format!("change payload: {e}")))?;
            let message_id = change.seq.to_string();
            let outcome = call(&state, &s, message_id.clone(), body).await?;
            let attempt = s.attempts + 1;
            if outcome.succeeded() {
                let (id, me, seq) = (s.id, instance.clone(), change.seq);
                let held = state
                    .write_plain(move |conn| {
                        centers_db::write_transaction(conn, |conn| {
                            record(conn, id, &message_id, Some(seq), attempt, &outcome, None)?;
                            let until = centers_db::now()
                                + chrono::Duration::from_std(LEASE).unwrap_or_default();
                            Ok(db::advance(conn, id, &me, seq)?
                                && db::renew_lease(conn, id, &me, until)?)
                        })
                    })
                    .await?;
                state.pages.invalidate();
                if !held {
                    return Ok(());
                }
                s.cursor_seq = change.seq;
                s.attempts = 0;
                s.failing_since = None;
                delivered += 1;
                continue;
            }
            if outcome.status == Some(410) {
                let (id, seq) = (s.id, change.seq);
                state
                    .write(move |conn| {
                        record(conn, id, &message_id, Some(seq), attempt, &outcome, None)
                    })
                    .await?;
                let reason = "the receiver answered 410 Gone".to_owned();
                return server_sets_status(&state, &s, SubscriptionStatus::Ended, reason).await;
            }
            let failing_since = s.failing_since.unwrap_or(outcome.at);
            let failing_for = (outcome.at - failing_since).to_std().unwrap_or_default();
            let decision = state.settings.webhook_retry.after_failure(
                u32::try_from(attempt).unwrap_or(u32::MAX),
                failing_for,
                rand::random::<f64>(),
            );
            let (id, me, seq) = (s.id, instance.clone(), change.seq);
            match decision {
                AfterFailure::RetryIn(delay) => {
                    let next = outcome.at + chrono::Duration::from_std(delay).unwrap_or_default();
                    state
                        .write(move |conn| {
                            record(
                                conn,
                                id,
                                &message_id,
                                Some(seq),
                                attempt,
                                &outcome,
                                Some(next),
                            )?;
                            db::postpone(conn, id, &me, attempt, failing_since, next)?;
                            Ok(())
                        })
                        .await?;
                    return Ok(());
                }
                AfterFailure::GiveUp => {
                    let last = outcome.error.clone().unwrap_or_default();
                    state
                        .write(move |conn| {
                            record(conn, id, &message_id, Some(seq), attempt, &outcome, None)
                        })
                        .await?;
                    let reason = format!(
                        "every attempt at change {seq} failed for {} s (last: {last}); resume with \
                         PATCH status=active",
                        failing_for.as_secs()
                    );
                    return server_sets_status(&state, &s, SubscriptionStatus::Failing, reason)
                        .await;
                }
            }
        }
        if drained || delivered >= PER_LEASE {
            let (id, me) = (s.id, instance.clone());
            let skip_to = end.max(s.cursor_seq);
            state
                .write_plain(move |conn| {
                    centers_db::write_transaction(conn, |conn| {
                        if drained && skip_to > 0 {
                            // Nothing the owner may read is left up to `end`: the cursor skips
                            // the others' changes, so the subscription is not claimed for them
                            // again.
                            db::advance(conn, id, &me, skip_to)?;
                        }
                        db::release(conn, id, &me)?;
                        Ok::<_, ApiError>(())
                    })
                })
                .await?;
            return Ok(());
        }
    }
}

/// One signed POST of `body` on a blocking thread.
async fn call(
    state: &web::Data<AppState>,
    s: &SubscriptionRow,
    message_id: String,
    body: Vec<u8>,
) -> Result<Outcome, ApiError> {
    let outbound = state.outbound.clone();
    let url = s.url.clone();
    let secrets: Vec<String> = s
        .secrets_in_force(centers_db::now())
        .into_iter()
        .map(str::to_owned)
        .collect();
    let outcome = web::block(move || {
        let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
        outbound.post(&url, &message_id, &secrets, &body)
    })
    .await
    .map_err(|e| ApiError::Internal(format!("webhook call: {e}")))?;
    state.metrics.webhook_attempts.inc();
    if !outcome.succeeded() {
        state.metrics.webhook_failures.inc();
    }
    Ok(outcome)
}

/// Sends a prepared test or redelivery now (the answer of `POST …/test` and `…/redeliver`).
pub async fn send_now(
    state: &web::Data<AppState>,
    prepared: &crate::services::webhooks::Prepared,
) -> Result<Outcome, ApiError> {
    call(
        state,
        &prepared.subscription,
        prepared.message_id.clone(),
        prepared.body.clone(),
    )
    .await
}

fn record(
    conn: &mut centers_db::DbConnection,
    id: centers_db::WebhookId,
    message_id: &str,
    seq: Option<i64>,
    attempt: i32,
    outcome: &Outcome,
    next_retry_at: Option<NaiveDateTime>,
) -> Result<(), ApiError> {
    db::insert_delivery(
        conn,
        &db::NewDelivery {
            subscription_id: id,
            message_id,
            event_seq: seq,
            kind: DeliveryKind::Event,
            attempt,
            status_code: outcome.status.map(i32::from),
            error: outcome.error.as_deref(),
            duration_ms: outcome.duration_ms,
            attempted_at: outcome.at,
            next_retry_at,
            succeeded: outcome.succeeded(),
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resolver_refuses_internal_addresses_unless_allowed() {
        let closed = GuardedResolver {
            allow: Arc::new(Vec::new()),
        };
        let err = ureq::Resolver::resolve(&closed, "127.0.0.1:80").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied);
        assert!(err.to_string().contains("127.0.0.1"), "{err}");
        assert!(ureq::Resolver::resolve(&closed, "localhost:80").is_err());
        let open = GuardedResolver {
            allow: Arc::new(vec!["127.0.0.0/8".parse().unwrap()]),
        };
        let addrs = ureq::Resolver::resolve(&open, "127.0.0.1:80").unwrap();
        assert_eq!(addrs, vec!["127.0.0.1:80".parse::<SocketAddr>().unwrap()]);
        assert!(ureq::Resolver::resolve(&open, "10.0.0.1:80").is_err());
    }
}
