//! The `centers` command line.

use crate::app::{self, Application};
use crate::auth::passwords::hash_password;
use crate::auth::tokens::random_token;
use crate::config::Settings;
use anyhow::{bail, Context};
use centers_db::audit::AuditContext;
use centers_db::identity::{self, NewUser};
use centers_db::writes::{self, Write};
use centers_db::{organizations as orgs, seed, write_transaction};
use centers_domain::access::Role;
use centers_domain::changes::{AuditAction, EntityKind};
use centers_domain::organizations::OrganizationKind;
use clap::{Parser, Subcommand};

/// The back end of a province's network of political training centers.
#[derive(Debug, Parser)]
#[command(name = "centers", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API (the default).
    Serve,
    /// Apply pending database migrations and exit (several instances may run it at once on
    /// PostgreSQL: one applies them, the others wait and find nothing to do).
    Migrate {
        /// Apply nothing: list the pending migrations and exit non-zero when there are any (for
        /// deployment scripts).
        #[arg(long)]
        check: bool,
    },
    /// Write a consistent copy of the database (APP_DATABASE_URL) to a new file while the server
    /// goes on serving: SQLite with VACUUM INTO, PostgreSQL with pg_dump (custom format).
    Backup {
        /// The file to write; it must not exist.
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Put a backup made by `backup` in place as the database (APP_DATABASE_URL). Stop the
    /// servers on it first. Refuses a database that already has tables unless `--force`.
    Restore {
        /// The backup file.
        #[arg(long)]
        from: std::path::PathBuf,
        /// Replace a database that is not empty.
        #[arg(long)]
        force: bool,
    },
    /// Load a province file (Thanh Hóa's built-in one by default) and exit: opens what is
    /// missing and applies the dated changes not yet recorded; idempotent.
    Seed {
        /// The province file (format: docs/province-file.md); default `APP_PROVINCE_FILE`, else
        /// Thanh Hóa's.
        #[arg(long)]
        file: Option<std::path::PathBuf>,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Fill the database with deterministic demo data for a range of years (2019 reproduces the
    /// article's figures). Refuses a database that holds plans, lecturers, classes or learners
    /// unless `--force`, which deletes them first.
    DemoData {
        #[arg(long, default_value_t = 2017)]
        from: i32,
        #[arg(long, default_value_t = 2021)]
        to: i32,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// The database to fill (else APP_DATABASE_URL).
        #[arg(long)]
        database_url: Option<String>,
        /// Delete the existing plans, lecturers, classes and learners first.
        #[arg(long)]
        force: bool,
    },
    /// Create an account from the command line.
    CreateUser {
        #[arg(long)]
        username: String,
        #[arg(long)]
        display_name: String,
        /// province_admin, province_viewer, center_admin, lecturer or party_org.
        #[arg(long, default_value = "province_admin")]
        role: String,
        /// The scope organization id; defaults to the province.
        #[arg(long)]
        scope: Option<uuid::Uuid>,
        /// Read the password from standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
}

/// Runs the command line; returns when the command is done (or the server stopped).
pub fn run(cli: Cli) -> anyhow::Result<()> {
    if let Some(Command::Openapi) = cli.command {
        print!("{}", crate::openapi::openapi_json());
        return Ok(());
    }
    let settings = Settings::from_env().map_err(|e| anyhow::anyhow!("configuration: {e}"))?;
    crate::telemetry::init(settings.log_format);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings),
        Command::Migrate { check } => {
            let pool = pool(&settings)?;
            let mut conn = pool.get()?;
            if check {
                let pending = centers_db::pending_migrations(&mut conn)
                    .map_err(|e| anyhow::anyhow!("cannot read the applied migrations: {e}"))?;
                if pending.is_empty() {
                    println!("up to date: schema {}", centers_db::SCHEMA_VERSION);
                    return Ok(());
                }
                bail!(
                    "{} migration(s) pending: {}",
                    pending.len(),
                    pending.join(", ")
                );
            }
            let n = centers_db::run_migrations(&mut conn)
                .map_err(|e| anyhow::anyhow!("migrations failed: {e}"))?;
            println!("applied {n} migration(s)");
            Ok(())
        }
        Command::Backup { to } => {
            let started = std::time::Instant::now();
            backup(&settings.database_url, &to)?;
            let size = std::fs::metadata(&to).map(|m| m.len()).unwrap_or(0);
            println!(
                "backed up to {} ({size} bytes) in {:.1} s",
                to.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Restore { from, force } => {
            let restored = centers_db::backup::restore(&settings.database_url, &from, force)
                .with_context(|| format!("restoring {}", from.display()))?;
            println!(
                "restored {}: schema {}, change feed up to seq {}; the server migrates it on start",
                from.display(),
                restored.schema_version.as_deref().unwrap_or("(none)"),
                restored.last_seq
            );
            Ok(())
        }
        Command::Seed { file } => {
            let pool = pool(&settings)?;
            let mut conn = pool.get()?;
            centers_db::run_migrations(&mut conn)
                .map_err(|e| anyhow::anyhow!("migrations failed: {e}"))?;
            let file = file.or_else(|| settings.province_file.clone());
            let report = app::seed_reference_data(&mut conn, file.as_deref())?;
            println!(
                "reference organizations: {} created, {} already present, {} dated change(s) applied",
                report.created, report.existing, report.changes_applied
            );
            Ok(())
        }
        Command::Openapi => Ok(()),
        Command::DemoData {
            from,
            to,
            seed,
            database_url,
            force,
        } => {
            let url = database_url.unwrap_or_else(|| settings.database_url.clone());
            let options = centers_db::demo::DemoOptions { from, to, seed };
            let started = std::time::Instant::now();
            let report = load_demo_data(&url, &options, force, &mut Bars::default())?;
            for (table, rows) in &report.rows {
                println!("{table:>22}: {rows}");
            }
            for (year, classes, enrollments) in &report.years {
                println!("{year}: {classes} classes, {enrollments} learner-enrollments");
            }
            println!("done in {:.1} s", started.elapsed().as_secs_f64());
            Ok(())
        }
        Command::CreateUser {
            username,
            display_name,
            role,
            scope,
            password_stdin,
        } => {
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin().read_line(&mut line)?;
                Some(line.trim_end_matches(['\r', '\n']).to_owned())
            } else {
                None
            };
            let created = create_user(
                &settings,
                NewAccount {
                    username,
                    display_name,
                    role,
                    scope,
                    password,
                },
            )?;
            println!(
                "created {} ({}) with id {}",
                created.username, created.role, created.id
            );
            if let Some(password) = created.generated_password {
                println!("password: {password}");
            }
            Ok(())
        }
    }
}

/// Backs up the database at `url` to `to` (which must not exist) while it serves.
pub fn backup(url: &str, to: &std::path::Path) -> anyhow::Result<()> {
    let pool = centers_db::build_pool(url, 1, std::time::Duration::from_secs(30))
        .context("cannot open the database (APP_DATABASE_URL)")?;
    let mut conn = pool.get()?;
    centers_db::backup::backup(&mut conn, url, to)
        .with_context(|| format!("backing up to {}", to.display()))
}

fn pool(settings: &Settings) -> anyhow::Result<centers_db::DbPool> {
    centers_db::build_pool(&settings.database_url, 2, settings.pool_timeout)
        .context("cannot open the database (APP_DATABASE_URL)")
}

fn serve(settings: Settings) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        let addr = format!("{}:{}", settings.host, settings.port);
        let app = Application::build(settings)?;
        tracing::info!(address = %addr, port = app.port(), "serving; docs at /docs");
        let stopper = app.stopper();
        let grace = settings_grace(&app);
        actix_web::rt::spawn(async move {
            let signal = shutdown_signal().await;
            tracing::info!(
                signal,
                grace_seconds = grace,
                "stopping gracefully: new requests get 503, requests in flight finish"
            );
            stopper.stop().await;
        });
        app.run_until_stopped().await?;
        tracing::info!("stopped");
        Ok(())
    })
}

fn settings_grace(app: &Application) -> u64 {
    app.state().settings.shutdown_timeout.as_secs().max(1)
}

/// Waits for SIGTERM or SIGINT (Ctrl-C); both stop the server gracefully.
async fn shutdown_signal() -> &'static str {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) {
            (Ok(mut term), Ok(mut int)) => {
                tokio::select! {
                    _ = term.recv() => "SIGTERM",
                    _ = int.recv() => "SIGINT",
                }
            }
            _ => {
                let _ = tokio::signal::ctrl_c().await;
                "Ctrl-C"
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
        "Ctrl-C"
    }
}

/// An account to create from the command line.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub username: String,
    pub display_name: String,
    pub role: String,
    /// The scope organization; the province when `None`.
    pub scope: Option<uuid::Uuid>,
    /// The password; a random one is generated (and returned once) when `None`.
    pub password: Option<String>,
}

/// What `create-user` made.
#[derive(Debug, Clone)]
pub struct CreatedAccount {
    pub id: uuid::Uuid,
    pub username: String,
    pub role: String,
    pub generated_password: Option<String>,
}

/// Creates an account directly in the database (migrating and seeding first if needed), under the
/// same rules as `POST /users`; recorded in the audit log as the system.
pub fn create_user(settings: &Settings, account: NewAccount) -> anyhow::Result<CreatedAccount> {
    let NewAccount {
        username,
        display_name,
        role,
        scope,
        password,
    } = account;
    let role: Role = role.parse().map_err(|e| anyhow::anyhow!("--role: {e}"))?;
    let username = centers_domain::accounts::parse_username(&username)
        .map_err(|e| anyhow::anyhow!("--username: {e}"))?;
    let (password, generated) = match password {
        Some(p) => (p, false),
        None => (random_token(), true),
    };
    centers_domain::password::check_new_password(&password, &username)
        .map_err(|e| anyhow::anyhow!("password: {e}"))?;
    let display_name = centers_domain::text::normalize(&display_name);
    if display_name.is_empty() {
        bail!("--display-name: must not be empty");
    }
    let pool = pool(settings)?;
    let mut conn = pool.get()?;
    centers_db::run_migrations(&mut conn).map_err(|e| anyhow::anyhow!("migrations failed: {e}"))?;
    app::seed_reference_data(&mut conn, settings.province_file.as_deref())?;
    let scope_org = match scope {
        Some(id) => orgs::find_unscoped(&mut conn, id.into())?,
        None => seed::the_province(&mut conn)?,
    }
    .context("--scope: no such organization")?;
    let kind: OrganizationKind = scope_org.kind;
    if !role.scope_kinds().contains(&kind) {
        bail!("--scope: a {role} cannot be scoped to a {kind}");
    }
    let hash = hash_password(&password).map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
    let user = write_transaction(&mut conn, |conn| {
        if identity::find_user_by_username(conn, &username)?.is_some() {
            return Err(anyhow::anyhow!("--username: {username} is taken"));
        }
        let user = identity::insert_user(
            conn,
            NewUser {
                username: username.clone(),
                display_name,
                password_hash: hash,
                role: role.as_str().into(),
                scope_id: scope_org.id,
            },
        )?;
        writes::record(
            conn,
            &AuditContext::system(),
            Write::event(EntityKind::User, user.id, AuditAction::Create),
        )?;
        Ok(user)
    })?;
    Ok(CreatedAccount {
        id: user.id.into(),
        username: user.username,
        role: user.role.as_str().to_owned(),
        generated_password: generated.then_some(password),
    })
}

/// Progress bars for `demo-data`, one per stage.
#[derive(Default)]
struct Bars {
    bar: Option<indicatif::ProgressBar>,
}

impl centers_db::demo::Progress for Bars {
    fn stage(&mut self, name: &str, total: u64) {
        if let Some(bar) = self.bar.take() {
            bar.finish();
        }
        let bar = indicatif::ProgressBar::new(total);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{prefix:>22} [{bar:40}] {pos}/{len} ({elapsed})",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_prefix(name.to_owned());
        self.bar = Some(bar);
    }

    fn advance(&mut self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }
}

impl Drop for Bars {
    fn drop(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish();
        }
    }
}

/// Loads demo data into the database at `url` (migrated and seeded first), in one transaction.
pub fn load_demo_data(
    url: &str,
    options: &centers_db::demo::DemoOptions,
    force: bool,
    progress: &mut dyn centers_db::demo::Progress,
) -> anyhow::Result<centers_db::demo::DemoReport> {
    if options.from > options.to
        || !(2000..=2100).contains(&options.from)
        || !(2000..=2100).contains(&options.to)
    {
        bail!("--from and --to: years from 2000 to 2100, from not after to");
    }
    let pool = centers_db::build_pool(url, 1, std::time::Duration::from_secs(30))
        .context("cannot open the database (--database-url or APP_DATABASE_URL)")?;
    let mut conn = pool.get()?;
    centers_db::run_migrations(&mut conn).map_err(|e| anyhow::anyhow!("migrations failed: {e}"))?;
    // The demo data is drawn for the province the database holds; an empty one gets Thanh Hóa.
    if seed::the_province(&mut conn)?.is_none() {
        app::seed_reference_data(&mut conn, None)?;
    }
    let report = write_transaction(&mut conn, |conn| -> anyhow::Result<_> {
        if centers_db::demo::holds_operational_data(conn)? {
            if !force {
                bail!(
                    "the database already holds plans, lecturers, classes or learners; \
                     --force deletes them (and the demo's party organizations) first"
                );
            }
            centers_db::demo::wipe_operational_data(conn)?;
        }
        let report = centers_db::demo::generate(conn, options, progress)?;
        centers_db::writes::bump_seq(conn)?;
        writes::record(
            conn,
            &AuditContext::system(),
            Write::event(
                EntityKind::Organization,
                format!(
                    "demo-data:{}-{}:seed-{}",
                    options.from, options.to, options.seed
                ),
                AuditAction::Seed,
            ),
        )?;
        Ok(report)
    })?;
    centers_db::connection::refresh_statistics(&mut conn)?;
    Ok(report)
}
