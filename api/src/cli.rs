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
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the reference organizations that are missing and exit.
    Seed,
    /// Print the OpenAPI document.
    Openapi,
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
        Command::Migrate => {
            let pool = pool(&settings)?;
            let mut conn = pool.get()?;
            let n = centers_db::run_migrations(&mut conn)
                .map_err(|e| anyhow::anyhow!("migrations failed: {e}"))?;
            println!("applied {n} migration(s)");
            Ok(())
        }
        Command::Seed => {
            let pool = pool(&settings)?;
            let mut conn = pool.get()?;
            centers_db::run_migrations(&mut conn)
                .map_err(|e| anyhow::anyhow!("migrations failed: {e}"))?;
            let report = app::seed_reference_data(&mut conn)?;
            println!(
                "reference organizations: {} created, {} already present",
                report.created, report.existing
            );
            Ok(())
        }
        Command::Openapi => Ok(()),
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

fn pool(settings: &Settings) -> anyhow::Result<centers_db::DbPool> {
    centers_db::build_pool(&settings.database_url, 2, settings.pool_timeout)
        .context("cannot open the database (APP_DATABASE_URL)")
}

fn serve(settings: Settings) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        let addr = format!("{}:{}", settings.host, settings.port);
        let app = Application::build(settings)?;
        tracing::info!(address = %addr, port = app.port(), "serving; docs at /docs");
        let handle = app.handle();
        actix_web::rt::spawn(async move {
            let signal = shutdown_signal().await;
            tracing::info!(
                signal,
                "stopping gracefully: in-flight requests finish (up to 30 s)"
            );
            handle.stop(true).await;
        });
        app.run_until_stopped().await?;
        tracing::info!("stopped");
        Ok(())
    })
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
    app::seed_reference_data(&mut conn)?;
    let scope_org = match scope {
        Some(id) => orgs::find_unscoped(&mut conn, id.into())?,
        None => orgs::find_by_code(&mut conn, OrganizationKind::Province, seed::PROVINCE_CODE)?,
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
                scope_id: scope_org.id.into(),
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
