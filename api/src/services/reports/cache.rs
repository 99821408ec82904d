//! Summaries already computed, keyed by what was asked (scope included) and valid for one version
//! of the data: the change counter (`centers_db::writes::last_seq`), which every committed
//! create, update or delete moves. A dashboard opened by many people, or refreshed, is answered
//! from memory until something changes; the first request after a change computes afresh. Never
//! stale, whatever instance made the change (the counter is in the database).

use super::Summary;
use crate::single_flight::SingleFlight;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Entries beyond this are not kept (the cache is emptied and refilled): a few hundred distinct
/// questions cover the dashboards; memory stays bounded.
const CAPACITY: usize = 256;

#[derive(Default)]
pub struct SummaryCache {
    entries: Mutex<HashMap<String, (i64, Arc<Summary>)>>,
    /// Summaries being computed, by key and version: identical requests share one computation.
    pub flights: SingleFlight<(String, i64), Result<Arc<Summary>, crate::error::ApiError>>,
}

impl SummaryCache {
    /// The answer to `key` computed at data version `seq`, if any.
    pub fn get(&self, key: &str, seq: i64) -> Option<Arc<Summary>> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(key)
            .filter(|(at, _)| *at == seq)
            .map(|(_, s)| Arc::clone(s))
    }

    /// Keeps `summary` as the answer to `key` at data version `seq`. The version was read before
    /// the summary was computed: a write committed in between makes the entry younger than its
    /// version says, never older, and the next reader (seeing the new version) recomputes.
    pub fn put(&self, key: String, seq: i64, summary: Arc<Summary>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CAPACITY && !entries.contains_key(&key) {
                entries.clear();
            }
            entries.insert(key, (seq, summary));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(from: i32) -> Arc<Summary> {
        Arc::new(Summary {
            from,
            to: from,
            group_by: vec![],
            as_of: None,
            rows: vec![],
            total: super::super::SummaryRow {
                group: super::super::GroupColumns::default(),
                classes: 0,
                classes_running: 0,
                enrollments: 0,
                learners: 0,
                finished: 0,
                passed: 0,
                pass_rate: None,
                certificates: 0,
            },
        })
    }

    #[test]
    fn an_answer_serves_only_its_version_and_memory_stays_bounded() {
        let cache = SummaryCache::default();
        cache.put("a".into(), 7, summary(2019));
        assert_eq!(cache.get("a", 7).map(|s| s.from), Some(2019));
        assert!(cache.get("a", 8).is_none(), "a change makes it stale");
        assert!(cache.get("b", 7).is_none());
        for i in 0..CAPACITY + 10 {
            cache.put(format!("k{i}"), 1, summary(2020));
        }
        assert!(cache.entries.lock().map(|e| e.len()).unwrap_or(0) <= CAPACITY);
    }
}
