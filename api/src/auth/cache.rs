//! The token subjects recently read from the database: every authenticated request needs its
//! account's state (active, role, scope, security stamp), and reading it cost a round trip per
//! request (64 µs of a 390 µs `GET /centers/{id}`).
//!
//! Safety: an entry lives `APP_AUTH_CACHE_TTL` (5 s by default; 0 turns the cache off). Any
//! change to accounts or clients made through this instance (every such write goes through
//! `AppState::write_accounts`) empties the cache at once, so here a deactivated account or revoked client is
//! refused on its next request. Another instance serving the same database may accept such a
//! token for at most the TTL — the bound written in the README; set the TTL to 0 where that is
//! too long.

use centers_db::identity::Subject;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use uuid::Uuid;

/// Entries beyond this are not kept (the cache is emptied and refilled): memory stays bounded
/// whatever the number of accounts.
const CAPACITY: usize = 10_000;

pub struct SubjectCache {
    ttl: Duration,
    entries: Mutex<HashMap<(bool, Uuid), (Subject, Instant)>>,
    /// Bumped by every `clear`: a subject read before a clear is not stored after it (the read
    /// may have seen the account before the change that caused the clear committed).
    generation: std::sync::atomic::AtomicU64,
}

impl SubjectCache {
    pub fn new(ttl: Duration) -> SubjectCache {
        SubjectCache {
            ttl,
            entries: Mutex::new(HashMap::new()),
            generation: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// Take before reading a subject from the database; hand to `put`.
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// The subject as read less than the TTL ago.
    pub fn get(&self, is_user: bool, id: Uuid) -> Option<Subject> {
        if self.ttl.is_zero() {
            return None;
        }
        let entries = self.entries.lock().ok()?;
        entries
            .get(&(is_user, id))
            .filter(|(_, at)| at.elapsed() < self.ttl)
            .map(|(s, _)| s.clone())
    }

    pub fn put(&self, generation: u64, is_user: bool, id: Uuid, subject: Subject) {
        if self.ttl.is_zero() {
            return;
        }
        if let Ok(mut entries) = self.entries.lock() {
            if generation != self.generation() {
                return;
            }
            if entries.len() >= CAPACITY {
                entries.clear();
            }
            entries.insert((is_user, id), (subject, Instant::now()));
        }
    }

    /// Forgets every subject: an account or client may have changed.
    pub fn clear(&self) {
        if let Ok(mut entries) = self.entries.lock() {
            self.generation
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            entries.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject() -> Subject {
        Subject {
            name: "a".into(),
            principal: centers_domain::access::Principal::User(
                centers_domain::access::Role::ProvinceAdmin,
            ),
            scope_id: centers_db::OrganizationId::generate(),
            scope_path: "/x/".into(),
            scope_kind: centers_domain::organizations::OrganizationKind::Province,
            security_stamp: "s".into(),
        }
    }

    #[test]
    fn entries_expire_and_clear() {
        let cache = SubjectCache::new(Duration::from_millis(50));
        let id = Uuid::nil();
        cache.put(cache.generation(), true, id, subject());
        assert!(cache.get(true, id).is_some());
        assert!(
            cache.get(false, id).is_none(),
            "users and clients are apart"
        );
        std::thread::sleep(Duration::from_millis(60));
        assert!(cache.get(true, id).is_none());
        cache.put(cache.generation(), true, id, subject());
        cache.clear();
        assert!(cache.get(true, id).is_none());
        // A read that began before a clear is not stored after it.
        let before = cache.generation();
        cache.clear();
        cache.put(before, true, id, subject());
        assert!(cache.get(true, id).is_none());
        let off = SubjectCache::new(Duration::ZERO);
        off.put(off.generation(), true, id, subject());
        assert!(off.get(true, id).is_none());
    }
}
