//! Black-box test helpers: each test spawns the real server on port 0 with its own fresh
//! database — a temporary SQLite file, or, when `TEST_DATABASE_URL` is set, its own PostgreSQL
//! database, dropped afterwards — and speaks HTTP to it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use centers_api::config::Settings;
use diesel::connection::SimpleConnection;
use diesel::Connection;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::mpsc;
use std::time::Duration;

/// The bootstrap admin's password in every test server.
pub const ADMIN_PASSWORD: &str = "admin-password-1";
/// The JWT secret of every test server (tests forge tokens with it).
pub const JWT_SECRET: &str = "test-secret-test-secret-test-secret-0123456789";

/// A database made for one test.
pub enum TestDb {
    Sqlite(tempfile::TempDir),
    Postgres {
        admin_url: String,
        name: String,
    },
    /// A database owned by another `TestDb` (a second server on the same database).
    Shared {
        postgres: bool,
    },
}

impl TestDb {
    /// A fresh database: PostgreSQL when `TEST_DATABASE_URL` is set, else SQLite.
    pub fn new() -> (TestDb, String) {
        match std::env::var("TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.is_empty())
        {
            Some(admin_url) => Self::postgres(&admin_url),
            None => Self::sqlite(),
        }
    }

    pub fn sqlite() -> (TestDb, String) {
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        (TestDb::Sqlite(dir), url)
    }

    pub fn postgres(admin_url: &str) -> (TestDb, String) {
        let name = format!("centers_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = diesel::PgConnection::establish(admin_url).unwrap_or_else(|e| {
            panic!("TEST_DATABASE_URL is set but PostgreSQL is unreachable: {e}")
        });
        conn.batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create database");
        let mut url = url::Url::parse(admin_url).expect("TEST_DATABASE_URL");
        url.set_path(&format!("/{name}"));
        (
            TestDb::Postgres {
                admin_url: admin_url.to_owned(),
                name,
            },
            url.to_string(),
        )
    }

    pub fn is_postgres(&self) -> bool {
        matches!(
            self,
            TestDb::Postgres { .. } | TestDb::Shared { postgres: true }
        )
    }

    /// A handle for a second server on the same database; the database is dropped by `self`.
    pub fn share(&self) -> TestDb {
        TestDb::Shared {
            postgres: self.is_postgres(),
        }
    }

    /// Drops a PostgreSQL test database now (connections are cut).
    pub fn drop_postgres(&self) {
        if let TestDb::Postgres { admin_url, name } = self {
            if let Ok(mut conn) = diesel::PgConnection::establish(admin_url) {
                let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        self.drop_postgres();
    }
}

/// A response, whatever its status.
#[derive(Debug, Clone)]
pub struct Resp {
    pub status: u16,
    pub headers: HashMap<String, String>,
    pub text: String,
    pub body: Value,
}

impl Resp {
    /// The `name` of every item of a list page.
    pub fn item_names(&self) -> Vec<String> {
        self.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["name"].as_str().unwrap().to_owned())
            .collect()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// Asserts the response is a problem document with this status, and returns it.
    pub fn problem(&self, status: u16) -> &Value {
        assert_eq!(self.status, status, "body: {}", self.text);
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "body: {}",
            self.text
        );
        assert_eq!(self.body["status"], status);
        assert!(self.body["type"]
            .as_str()
            .is_some_and(|t| t.starts_with("urn:centers:problem:")));
        assert!(self.body["title"].is_string());
        assert!(
            self.body["request_id"].is_string(),
            "problem without request id: {}",
            self.text
        );
        &self.body
    }

    /// The fields named by a problem's `errors`.
    pub fn error_fields(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e["field"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A running server with its own database.
pub struct TestApp {
    pub base: String,
    /// `http://127.0.0.1:<port>` of the metrics listener, when the settings asked for one.
    pub metrics_base: Option<String>,
    pub database_url: String,
    handle: actix_web::dev::ServerHandle,
    /// The server's state, for counters a test checks (`AppState`).
    pub state: actix_web::web::Data<centers_api::state::AppState>,
    pub db: TestDb,
    agent: ureq::Agent,
}

impl TestApp {
    pub fn spawn() -> TestApp {
        Self::spawn_with(|_| {})
    }

    /// Spawns with settings adjusted by `adjust`.
    pub fn spawn_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
        let (db, url) = TestDb::new();
        Self::spawn_on(db, url, adjust)
    }

    pub fn spawn_on(
        db: TestDb,
        database_url: String,
        adjust: impl FnOnce(&mut Settings),
    ) -> TestApp {
        let mut settings = Settings {
            host: "127.0.0.1".into(),
            port: 0,
            database_url: database_url.clone(),
            pool_size: 4,
            jwt_secret: Some(JWT_SECRET.to_owned().into()),
            admin_password: Some(ADMIN_PASSWORD.to_owned().into()),
            workers: Some(1),
            ..Settings::default()
        };
        adjust(&mut settings);
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let system = actix_web::rt::System::new();
            system.block_on(async move {
                match centers_api::Application::build(settings) {
                    Ok(app) => {
                        let _ = tx.send(Ok((
                            app.port(),
                            app.metrics_port(),
                            app.handle(),
                            app.state(),
                        )));
                        let _ = app.run_until_stopped().await;
                    }
                    Err(e) => {
                        let _ = tx.send(Err(format!("{e:#}")));
                    }
                }
            });
        });
        let (port, metrics_port, handle, state) = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("server start timed out")
            .unwrap_or_else(|e| panic!("server failed to start: {e}"));
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(60))
            .redirects(0)
            .build();
        TestApp {
            base: format!("http://127.0.0.1:{port}"),
            metrics_base: metrics_port.map(|p| format!("http://127.0.0.1:{p}")),
            database_url,
            handle,
            state,
            db,
            agent,
        }
    }

    /// Sends a request; `body` is sent as JSON when given.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
        headers: &[(&str, &str)],
    ) -> Resp {
        match body {
            Some(b) => self.raw(
                method,
                path,
                token,
                Some(("application/json", &b.to_string())),
                headers,
            ),
            None => self.raw(method, path, token, None, headers),
        }
    }

    /// Sends a request with a raw body of a given content type.
    pub fn raw(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<(&str, &str)>,
        headers: &[(&str, &str)],
    ) -> Resp {
        let url = if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base)
        };
        let mut req = self.agent.request(method, &url);
        if let Some(t) = token {
            req = req.set("Authorization", &format!("Bearer {t}"));
        }
        for (k, v) in headers {
            req = req.set(k, v);
        }
        let result = match body {
            Some((ct, b)) => req.set("Content-Type", ct).send_string(b),
            None => req.call(),
        };
        let response = match result {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{method} {path}: transport error {e}"),
        };
        let status = response.status();
        let headers = response
            .headers_names()
            .into_iter()
            .filter_map(|n| {
                response
                    .header(&n)
                    .map(|v| (n.to_ascii_lowercase(), v.to_owned()))
            })
            .collect();
        let text = response.into_string().unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Resp {
            status,
            headers,
            text,
            body,
        }
    }

    /// A GET whose body is bytes (spreadsheets): status, content type and body.
    pub fn get_bytes(&self, path: &str, token: &str, accept: &str) -> (u16, String, Vec<u8>) {
        use std::io::Read;
        let url = format!("{}{path}", self.base);
        let result = self
            .agent
            .get(&url)
            .set("Authorization", &format!("Bearer {token}"))
            .set("Accept", accept)
            .call();
        let response = match result {
            Ok(r) | Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("GET {path}: transport error {e}"),
        };
        let status = response.status();
        let content_type = response
            .header("content-type")
            .unwrap_or_default()
            .to_owned();
        let mut body = Vec::new();
        response.into_reader().read_to_end(&mut body).unwrap();
        (status, content_type, body)
    }

    pub fn get(&self, path: &str, token: &str) -> Resp {
        self.request("GET", path, Some(token), None, &[])
    }

    pub fn post(&self, path: &str, token: &str, body: &Value) -> Resp {
        self.request("POST", path, Some(token), Some(body), &[])
    }

    pub fn patch(&self, path: &str, token: &str, body: &Value) -> Resp {
        self.request("PATCH", path, Some(token), Some(body), &[])
    }

    pub fn delete(&self, path: &str, token: &str) -> Resp {
        self.request("DELETE", path, Some(token), None, &[])
    }

    /// Logs in; returns the whole token response.
    pub fn login_response(&self, username: &str, password: &str) -> Resp {
        self.request(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(&json!({"username": username, "password": password})),
            &[],
        )
    }

    /// Logs in and returns the access token, asserting success.
    pub fn login(&self, username: &str, password: &str) -> String {
        let r = self.login_response(username, password);
        assert_eq!(r.status, 200, "login {username}: {}", r.text);
        r.body["access_token"].as_str().unwrap().to_owned()
    }

    pub fn admin_token(&self) -> String {
        self.login("admin", ADMIN_PASSWORD)
    }

    /// All centers, keyed by code.
    pub fn centers(&self, token: &str) -> HashMap<String, Value> {
        let r = self.get("/api/v1/centers?limit=500", token);
        assert_eq!(r.status, 200, "{}", r.text);
        r.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["code"].as_str().unwrap().to_owned(), c.clone()))
            .collect()
    }

    /// The id of the center whose district has this GSO code ("406" is Quảng Xương).
    pub fn center_id(&self, token: &str, district_code: &str) -> String {
        self.centers(token)[district_code]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// The province's organization id.
    pub fn province_id(&self, token: &str) -> String {
        let r = self.get("/api/v1/me", token);
        r.body["scope"]["id"].as_str().unwrap().to_owned()
    }

    /// Creates an account as `token`, asserting success; returns its id.
    pub fn create_user(&self, token: &str, username: &str, role: &str, scope: &str) -> String {
        let r = self.post(
            "/api/v1/users",
            token,
            &json!({"username": username, "display_name": format!("Người dùng {username}"),
                    "password": format!("{username}-password"), "role": role, "scope": scope}),
        );
        assert_eq!(r.status, 201, "create {username}: {}", r.text);
        r.body["id"].as_str().unwrap().to_owned()
    }

    /// A token of the standing committee that governs `center_id` (an account of role
    /// `committee` scoped to the unit hosting the center), created by `token` on first use.
    pub fn committee_of(&self, token: &str, center_id: &str) -> String {
        let host = self
            .get(&format!("/api/v1/organizations/{center_id}"), token)
            .body["parent_id"]
            .as_str()
            .unwrap()
            .to_owned();
        let username = format!("committee.{}", &host[host.len() - 8..]);
        if self
            .login_response(&username, &format!("{username}-password"))
            .status
            != 200
        {
            self.create_user(token, &username, "committee", &host);
        }
        self.login(&username, &format!("{username}-password"))
    }

    /// The one party committee under a unit (the province file lists one under each
    /// district-level unit); panics when there is not exactly one.
    pub fn party_committee_under(&self, token: &str, unit: &str) -> String {
        let children = self.get(
            &format!("/api/v1/organizations/{unit}/children?limit=100"),
            token,
        );
        let committees: Vec<String> = children.body["items"]
            .as_array()
            .expect("children")
            .iter()
            .filter(|o| o["kind"] == "party_committee")
            .filter_map(|o| o["id"].as_str().map(str::to_owned))
            .collect();
        assert_eq!(committees.len(), 1, "{}", children.text);
        committees[0].clone()
    }

    /// Creates a party organization, asserting success; returns the body.
    pub fn create_party_org(&self, token: &str, center_id: &str, code: &str, name: &str) -> Value {
        let r = self.post(
            "/api/v1/party-organizations",
            token,
            &json!({"name": name, "code": code, "center_id": center_id}),
        );
        assert_eq!(r.status, 201, "create party org: {}", r.text);
        r.body.clone()
    }

    /// Asks the server to stop gracefully (in-flight requests finish); the returned thread ends
    /// when it has stopped.
    pub fn stop_gracefully(&self) -> std::thread::JoinHandle<()> {
        let handle = self.handle.clone();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(handle.stop(true));
        })
    }

    /// A direct database connection, for arranging what the API cannot (yet) write.
    pub fn db_pool(&self) -> centers_db::DbPool {
        centers_db::build_pool(&self.database_url, 2, Duration::from_secs(10)).expect("pool")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Sends the stop command; the server's thread ends on its own.
        drop(self.handle.stop(false));
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Today in Vietnam (the server's day for "today" rules).
pub fn vietnam_today() -> chrono::NaiveDate {
    (chrono::Utc::now().naive_utc() + chrono::Duration::hours(7)).date()
}

/// The body of a class step: opening and completing record their decision (number and date;
/// the recognition dated today, so that certificates may be issued from today).
pub fn class_step_body(step: &str) -> Value {
    match step {
        "open" => json!({"decision_number": "01/QĐ-TTCT", "decision_date": "2019-01-02",
                         "signer": "Giám đốc Trung tâm"}),
        "complete" => json!({"decision_number": "02/QĐ-TTCT", "decision_date": vietnam_today(),
                             "signer": "Giám đốc Trung tâm"}),
        _ => json!({}),
    }
}
