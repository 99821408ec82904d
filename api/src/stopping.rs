//! Stopping an instance gracefully (SIGTERM/SIGINT): from the signal on, a new request is
//! refused (503 `shutting-down`); requests in flight get `APP_SHUTDOWN_TIMEOUT` to finish. One
//! still receiving its body then is answered 503 `interrupted` (nothing was done) rather than
//! having its connection cut (`extract::with_body_deadline`); a handler already at work is
//! never dropped midway — its database transaction may be committing — and actix's forced stop
//! a second later ends only what is left. Every answer sent while stopping closes its connection.

use std::sync::atomic::{AtomicBool, Ordering};
use tokio::sync::watch;

/// Where the instance is in stopping; one per instance, in `AppState`.
#[derive(Debug)]
pub struct StopSignal {
    stopping: AtomicBool,
    cut: watch::Sender<bool>,
}

impl Default for StopSignal {
    fn default() -> Self {
        StopSignal {
            stopping: AtomicBool::new(false),
            cut: watch::channel(false).0,
        }
    }
}

impl StopSignal {
    /// Whether the instance has been told to stop.
    pub fn is_stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }

    /// From now on new requests are refused.
    pub fn begin(&self) {
        self.stopping.store(true, Ordering::SeqCst);
    }

    /// The shutdown time is up: requests still running are answered 503 now.
    pub fn cut(&self) {
        self.begin();
        self.cut.send_replace(true);
    }

    /// Resolves when the shutdown time is up (at once if it already is).
    pub async fn cut_off(&self) {
        let mut cut = self.cut.subscribe();
        // An error means the sender is gone with the instance: nothing will be cut then.
        if cut.wait_for(|cut| *cut).await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_request_started_before_or_after_the_cut_sees_it() {
        let signal = std::sync::Arc::new(StopSignal::default());
        assert!(!signal.is_stopping());
        let waiting = tokio::spawn({
            let signal = signal.clone();
            async move { signal.cut_off().await }
        });
        signal.begin();
        assert!(signal.is_stopping());
        tokio::task::yield_now().await;
        assert!(!waiting.is_finished(), "begin alone cuts nothing");
        signal.cut();
        tokio::time::timeout(std::time::Duration::from_secs(5), waiting)
            .await
            .unwrap()
            .unwrap();
        // One that starts waiting after the cut does not wait.
        tokio::time::timeout(std::time::Duration::from_secs(5), signal.cut_off())
            .await
            .unwrap();
    }
}
