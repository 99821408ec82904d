//! The HTTP API of the province's network of political training centers.

pub mod app;
pub mod auth;
pub mod cli;
pub mod config;
pub mod dashboard;
pub mod delivery;
pub mod documents;
pub mod error;
pub mod export;
pub mod extract;
pub mod http;
pub mod idempotency;
pub mod limits;
pub mod metrics;
pub mod openapi;
pub mod page_cache;
pub mod paging;
pub mod patch;
pub mod routes;
pub mod services;
pub mod single_flight;
pub mod state;
pub mod stopping;
pub mod telemetry;
pub mod webhook_signature;

pub use app::Application;
pub use config::Settings;
