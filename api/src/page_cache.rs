//! List pages recently served, kept a short while for the same caller asking the same URL again.
//!
//! Why: a dashboard or an integrator polling a list asks the same page over and over, and each
//! time cost a hop to a blocking thread, a pooled connection, a query, 50 DTOs and their JSON
//! (~200 µs); a repeat now costs the token check and a lookup.
//!
//! What keeps it correct:
//! - **Per caller.** The key is the caller (user or client id, role, scope path) and the whole
//!   path and query: a page is only ever served again to the one account whose authorization
//!   and scope produced it, never shared between accounts, even of the same scope.
//! - **Read your writes on this instance.** Every write through this instance
//!   (`AppState::write`, and so `write_accounts`) empties the cache after it commits; a page read
//!   while a write was in flight is not stored (the generation it started under has passed).
//! - **Bounded staleness elsewhere.** A change made through another instance, or by the CLI, is
//!   seen after at most `APP_LIST_CACHE_TTL` (2 s by default; 0 turns the cache off) — the same
//!   kind of bound as a read replica's lag, which these lists may already be served from.
//! - **On request, fresh.** A request with `Cache-Control: no-cache` (or `no-store`, `max-age=0`)
//!   is computed from the database.
//! - **Bounded memory.** At most [`MAX_BYTES`] of bodies; a page larger than [`MAX_ENTRY_BYTES`]
//!   is not kept.

use crate::single_flight::SingleFlight;
use actix_web::web::Bytes;
use centers_domain::access::Principal;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// Bodies kept at most, in bytes (when full, expired pages go first, then all of them).
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// A page body larger than this is served but not kept.
pub const MAX_ENTRY_BYTES: usize = 512 * 1024;

/// Who asked what: a page is served again only for an equal key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    pub caller: Uuid,
    /// The principal (user role or client access) as authorized when the page was computed.
    pub principal: Principal,
    pub scope_path: String,
    /// Path and query string, as sent.
    pub uri: String,
}

/// A page as it was served: its body and its `Link` header.
#[derive(Debug)]
pub struct CachedPage {
    pub link: Option<String>,
    pub body: Bytes,
    pub stored_at: Instant,
    /// The body gzip-compressed, made the first time a client accepting gzip asks for it.
    gzip: OnceLock<Option<Bytes>>,
}

/// Bodies shorter than this are sent as they are: compressing them saves less than it costs.
pub const GZIP_MIN_BYTES: usize = 1024;

impl CachedPage {
    pub fn new(link: Option<String>, body: Bytes) -> Arc<CachedPage> {
        Arc::new(CachedPage {
            link,
            body,
            stored_at: Instant::now(),
            gzip: OnceLock::new(),
        })
    }

    /// The body gzip-compressed (fast level: JSON of a page shrinks 5–10 times), computed once
    /// per page; none for a short body.
    pub fn gzip(&self) -> Option<&Bytes> {
        self.gzip
            .get_or_init(|| {
                if self.body.len() < GZIP_MIN_BYTES {
                    return None;
                }
                let mut encoder =
                    GzEncoder::new(Vec::with_capacity(self.body.len() / 4), Compression::fast());
                encoder.write_all(&self.body).ok()?;
                encoder.finish().ok().map(Bytes::from)
            })
            .as_ref()
    }
}

fn counter(name: &str, help: &str) -> prometheus::IntCounter {
    // A fixed, valid name: creating it cannot fail.
    prometheus::IntCounter::new(name, help).unwrap_or_else(|_| unreachable!("metric {name}"))
}

pub struct PageCache {
    ttl: Duration,
    pages: Mutex<Pages>,
    /// Moved by every `invalidate`: a page computed under an older generation is not stored.
    generation: AtomicU64,
    /// Pages being computed, by key and generation: identical requests arriving together wait
    /// for the first one's page (`crate::single_flight`), whether or not pages are kept.
    pub flights: SingleFlight<(PageKey, u64), Result<Arc<CachedPage>, crate::error::ApiError>>,
    /// Pages served again, pages looked for and not there, pages dropped before their time
    /// (by a write or for room): the metrics (`crate::metrics`).
    hits: prometheus::IntCounter,
    misses: prometheus::IntCounter,
    evictions: prometheus::IntCounter,
}

#[derive(Default)]
struct Pages {
    entries: HashMap<PageKey, Arc<CachedPage>>,
    bytes: usize,
}

impl PageCache {
    pub fn new(ttl: Duration) -> PageCache {
        PageCache {
            ttl,
            pages: Mutex::default(),
            generation: AtomicU64::new(0),
            flights: SingleFlight::default(),
            hits: counter("page_cache_hits_total", "List pages served again from the cache"),
            misses: counter("page_cache_misses_total", "List pages looked for in the cache and computed"),
            evictions: counter(
                "page_cache_evictions_total",
                "List pages dropped before their time: by a write through this instance, or for room",
            ),
        }
    }

    /// The cache's counters, for the metrics registry.
    pub fn counters(&self) -> [prometheus::IntCounter; 3] {
        [
            self.hits.clone(),
            self.misses.clone(),
            self.evictions.clone(),
        ]
    }

    pub fn enabled(&self) -> bool {
        !self.ttl.is_zero()
    }

    /// Take before reading a page from the database; hand to `put`.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// The page stored for `key` less than the TTL ago.
    pub fn get(&self, key: &PageKey) -> Option<Arc<CachedPage>> {
        if !self.enabled() {
            return None;
        }
        let pages = self.pages.lock().ok()?;
        let found = pages
            .entries
            .get(key)
            .filter(|p| p.stored_at.elapsed() < self.ttl)
            .cloned();
        if found.is_some() {
            &self.hits
        } else {
            &self.misses
        }
        .inc();
        found
    }

    /// Keeps `page` for `key`, unless the data may have changed since `generation` was taken.
    pub fn put(&self, generation: u64, key: PageKey, page: Arc<CachedPage>) {
        let size = entry_size(&key, &page);
        if !self.enabled() || page.body.len() > MAX_ENTRY_BYTES {
            return;
        }
        let Ok(mut pages) = self.pages.lock() else {
            return;
        };
        // Checked under the lock that `invalidate` takes: no page of an older generation slips in
        // after the cache was emptied.
        if generation != self.generation() {
            return;
        }
        if pages.bytes + size > MAX_BYTES {
            let ttl = self.ttl;
            pages.entries.retain(|_, p| p.stored_at.elapsed() < ttl);
            pages.bytes = pages.entries.iter().map(|(k, p)| entry_size(k, p)).sum();
            if pages.bytes + size > MAX_BYTES {
                self.evictions.inc_by(pages.entries.len() as u64);
                pages.entries.clear();
                pages.bytes = 0;
            }
        }
        let key_len = size - page.body.len();
        if let Some(old) = pages.entries.insert(key, page) {
            pages.bytes -= old.body.len() + key_len;
        }
        pages.bytes += size;
    }

    /// Forgets every page: the data may have changed.
    pub fn invalidate(&self) {
        if let Ok(mut pages) = self.pages.lock() {
            self.generation.fetch_add(1, Ordering::SeqCst);
            self.evictions.inc_by(pages.entries.len() as u64);
            pages.entries.clear();
            pages.bytes = 0;
        }
    }

    /// Bytes of bodies (and keys) kept now.
    pub fn bytes(&self) -> usize {
        self.pages.lock().map(|p| p.bytes).unwrap_or(0)
    }
}

fn entry_size(key: &PageKey, page: &Arc<CachedPage>) -> usize {
    page.body.len() + key.uri.len() + key.scope_path.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use centers_domain::access::Role;

    fn key(uri: &str) -> PageKey {
        PageKey {
            caller: Uuid::nil(),
            principal: Principal::User(Role::ProvinceAdmin),
            scope_path: "/p/".into(),
            uri: uri.into(),
        }
    }

    fn page(bytes: usize) -> Arc<CachedPage> {
        CachedPage::new(None, Bytes::from(vec![b'x'; bytes]))
    }

    #[test]
    fn pages_expire_and_belong_to_their_caller() {
        let cache = PageCache::new(Duration::from_millis(100));
        cache.put(cache.generation(), key("/a"), page(10));
        assert!(cache.get(&key("/a")).is_some());
        assert!(cache.get(&key("/a?limit=5")).is_none());
        let other = PageKey {
            caller: Uuid::from_u128(1),
            ..key("/a")
        };
        assert!(cache.get(&other).is_none(), "another account never gets it");
        let narrower = PageKey {
            scope_path: "/p/c/".into(),
            ..key("/a")
        };
        assert!(
            cache.get(&narrower).is_none(),
            "nor the same account rescoped"
        );
        std::thread::sleep(Duration::from_millis(120));
        assert!(cache.get(&key("/a")).is_none(), "expired");
    }

    #[test]
    fn a_write_ends_every_page_and_a_read_that_raced_it_is_not_kept() {
        let cache = PageCache::new(Duration::from_secs(60));
        cache.put(cache.generation(), key("/a"), page(10));
        let before = cache.generation();
        cache.invalidate();
        assert!(cache.get(&key("/a")).is_none());
        cache.put(before, key("/b"), page(10));
        assert!(cache.get(&key("/b")).is_none(), "computed before the write");
        assert_eq!(cache.bytes(), 0);
    }

    #[test]
    fn memory_is_bounded() {
        let cache = PageCache::new(Duration::from_secs(60));
        cache.put(cache.generation(), key("/big"), page(MAX_ENTRY_BYTES + 1));
        assert!(cache.get(&key("/big")).is_none(), "too large to keep");
        for i in 0..40 {
            cache.put(
                cache.generation(),
                key(&format!("/p{i}")),
                page(MAX_ENTRY_BYTES),
            );
            assert!(cache.bytes() <= MAX_BYTES);
        }
        assert!(cache.get(&key("/p39")).is_some(), "the newest is kept");
        // The same key again replaces, not adds.
        let before = cache.bytes();
        cache.put(cache.generation(), key("/p39"), page(MAX_ENTRY_BYTES));
        assert_eq!(cache.bytes(), before);
        // Compressed once, on demand; a short body is not.
        let big = page(4096);
        let gz = big.gzip().cloned().unwrap_or_default();
        assert!(!gz.is_empty() && gz.len() < 200, "{} bytes", gz.len());
        let mut back = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut back).unwrap();
        assert_eq!(back, big.body);
        assert!(page(GZIP_MIN_BYTES - 1).gzip().is_none());
        let off = PageCache::new(Duration::ZERO);
        off.put(off.generation(), key("/a"), page(1));
        assert!(off.get(&key("/a")).is_none());
    }
}
