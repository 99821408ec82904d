//! Backups while serving, and restores (`centers backup`, `centers restore`).
//!
//! SQLite: `VACUUM INTO` writes a consistent copy from one read transaction — writers go on
//! beside it (WAL) and the copy holds exactly the transactions committed before it began.
//! Restoring checks the file is a sound database of this service and puts it in place of the
//! target file. PostgreSQL: `pg_dump --format=custom` (one repeatable-read snapshot, writes go
//! on) and `pg_restore --single-transaction`, run as programs when they are installed.

use crate::connection::{Backend, DbConnection};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What a backup or a restore could not do, in words an operator can act on.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists; a backup never overwrites a file")]
    TargetExists(PathBuf),
    #[error("the target database is not empty (it has {tables} table(s)); --force replaces it")]
    NotEmpty { tables: i64 },
    #[error("{path} is not {expected}")]
    WrongFormat { path: PathBuf, expected: String },
    #[error("{program} is not installed (Debian: apt-get install postgresql-client); by hand: {command}")]
    ProgramMissing { program: String, command: String },
    #[error("{program} failed ({status}): {stderr}")]
    ProgramFailed {
        program: String,
        status: String,
        stderr: String,
    },
    #[error("database: {0}")]
    Database(#[from] diesel::result::Error),
    #[error("cannot connect: {0}")]
    Connect(#[from] diesel::ConnectionError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The first bytes of each backend's backup file.
const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";
const PG_DUMP_HEADER: &[u8] = b"PGDMP";

/// Writes a consistent copy of the database at `url` to `to` (which must not exist): SQLite by
/// `VACUUM INTO` on `conn`, PostgreSQL by `pg_dump` (custom format).
pub fn backup(conn: &mut DbConnection, url: &str, to: &Path) -> Result<(), BackupError> {
    if to.exists() {
        return Err(BackupError::TargetExists(to.to_owned()));
    }
    match Backend::from_url(url) {
        Backend::Sqlite(_) => {
            // A literal: VACUUM INTO takes an expression, but not every build binds one.
            let literal = to.to_string_lossy().replace('\'', "''");
            conn.batch_execute(&format!("VACUUM INTO '{literal}'"))?;
            Ok(())
        }
        Backend::Postgres(url) => {
            let mut pg_dump = Command::new("pg_dump");
            pg_dump
                .arg("--format=custom")
                .arg("--no-owner")
                .arg("--no-privileges")
                .arg(format!("--file={}", to.display()))
                .arg(format!("--dbname={url}"));
            run(
                pg_dump,
                "pg_dump",
                &format!(
                    "pg_dump --format=custom --no-owner --no-privileges --file={} \"$APP_DATABASE_URL\"",
                    to.display()
                ),
            )
        }
    }
}

/// What a restore put in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The newest migration the restored database had applied (diesel's version: its digits).
    pub schema_version: Option<String>,
    /// The change feed's newest `seq` in the restored database.
    pub last_seq: i64,
}

/// Restores the backup `from` into the database at `url`. A target that already holds tables is
/// refused unless `force` (then it is replaced: SQLite's file, PostgreSQL's `public` schema).
/// Nothing must be serving the target meanwhile.
pub fn restore(url: &str, from: &Path, force: bool) -> Result<Restored, BackupError> {
    match Backend::from_url(url) {
        Backend::Sqlite(target) => restore_sqlite(from, &target, force)?,
        Backend::Postgres(url) => restore_postgres(from, &url, force)?,
    }
    let mut conn = crate::connection::connect(url)?;
    describe(&mut conn)
}

fn expect_header(path: &Path, header: &[u8], expected: &str) -> Result<(), BackupError> {
    use std::io::Read;
    let mut head = vec![0; header.len()];
    let read = std::fs::File::open(path)?.read(&mut head)?;
    if read < header.len() || head != header {
        return Err(BackupError::WrongFormat {
            path: path.to_owned(),
            expected: expected.to_owned(),
        });
    }
    Ok(())
}

fn restore_sqlite(from: &Path, target: &Path, force: bool) -> Result<(), BackupError> {
    expect_header(
        from,
        SQLITE_HEADER,
        "a SQLite backup (a PostgreSQL archive is restored into PostgreSQL)",
    )?;
    // The backup must be a sound database of this service before anything is replaced.
    let mut backup = diesel::SqliteConnection::establish(&from.to_string_lossy())?;
    let integrity: Vec<Text> =
        diesel::sql_query("SELECT integrity_check AS value FROM pragma_integrity_check")
            .load(&mut backup)?;
    if integrity.iter().map(|t| t.value.as_str()).ne(["ok"]) {
        return Err(BackupError::WrongFormat {
            path: from.to_owned(),
            expected: "a sound SQLite database (integrity_check failed)".into(),
        });
    }
    if sqlite_tables(&mut backup, "__diesel_schema_migrations")? == 0 {
        return Err(BackupError::WrongFormat {
            path: from.to_owned(),
            expected: "a backup of this service (no migrations table)".into(),
        });
    }
    drop(backup);
    if target.exists() {
        let mut existing = diesel::SqliteConnection::establish(&target.to_string_lossy())?;
        let tables = sqlite_tables(&mut existing, "%")?;
        if tables > 0 && !force {
            return Err(BackupError::NotEmpty { tables });
        }
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    // Copied beside the target, then renamed over it: the target is never half-written. The
    // old write-ahead log goes first — left beside the new file, SQLite would replay it into it.
    let staged = target.with_extension("restoring");
    std::fs::copy(from, &staged)?;
    std::fs::File::open(&staged)?.sync_all()?;
    for suffix in ["-wal", "-shm"] {
        let mut side = target.as_os_str().to_owned();
        side.push(suffix);
        match std::fs::remove_file(PathBuf::from(side)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    std::fs::rename(&staged, target)?;
    Ok(())
}

#[derive(QueryableByName)]
struct Text {
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn sqlite_tables(conn: &mut diesel::SqliteConnection, like: &str) -> QueryResult<i64> {
    diesel::sql_query(
        "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name LIKE ?",
    )
    .bind::<diesel::sql_types::Text, _>(like)
    .get_result::<Count>(conn)
    .map(|c| c.n)
}

fn restore_postgres(from: &Path, url: &str, force: bool) -> Result<(), BackupError> {
    expect_header(
        from,
        PG_DUMP_HEADER,
        "a pg_dump archive in the custom format (a SQLite backup is restored into SQLite)",
    )?;
    let mut conn = diesel::PgConnection::establish(url)?;
    let tables = diesel::sql_query(
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .get_result::<Count>(&mut conn)?
    .n;
    if tables > 0 {
        if !force {
            return Err(BackupError::NotEmpty { tables });
        }
        conn.batch_execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")?;
    }
    drop(conn);
    let mut pg_restore = Command::new("pg_restore");
    pg_restore
        .arg("--no-owner")
        .arg("--no-privileges")
        .arg("--exit-on-error")
        .arg("--single-transaction")
        .arg(format!("--dbname={url}"))
        .arg(from);
    run(
        pg_restore,
        "pg_restore",
        &format!(
            "pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname=\"$APP_DATABASE_URL\" {}",
            from.display()
        ),
    )
}

/// Runs an external program to its end; its own error output becomes the error.
fn run(mut command: Command, program: &str, by_hand: &str) -> Result<(), BackupError> {
    let output = match command.output() {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(BackupError::ProgramMissing {
                program: program.to_owned(),
                command: by_hand.to_owned(),
            })
        }
        Err(e) => return Err(e.into()),
    };
    if output.status.success() {
        return Ok(());
    }
    Err(BackupError::ProgramFailed {
        program: program.to_owned(),
        status: output.status.to_string(),
        stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
    })
}

/// The schema version and the feed's newest seq of a database.
pub fn describe(conn: &mut DbConnection) -> Result<Restored, BackupError> {
    #[derive(QueryableByName)]
    struct Version {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        version: Option<String>,
    }
    let schema_version =
        diesel::sql_query("SELECT max(version) AS version FROM __diesel_schema_migrations")
            .get_result::<Version>(conn)?
            .version;
    Ok(Restored {
        schema_version,
        last_seq: crate::writes::last_seq(conn)?,
    })
}
