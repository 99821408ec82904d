#!/usr/bin/env bash
# Makes the upgrade fixtures: the schema and data an earlier commit's own code wrote, dumped as
# SQL text for each backend (tests/upgrade/<commit>-sqlite.sql, <commit>-postgres.sql).
#
# The earlier commit is checked out beside this one (a git worktree) and its walk test — which
# creates records of every kind through that commit's API — is run once per backend, with a few
# lines added at its end that copy its database: `VACUUM INTO` on SQLite, `pg_dump` on
# PostgreSQL. The copies are written out as plain SQL (Python's sqlite3 `iterdump`; pg_dump
# --format=plain --inserts: statements a client library can run, no COPY data), which
# `tests/tests/http/upgrade.rs` loads into a fresh database before the current build migrates
# and serves it.
#
# Usage: tests/upgrade/make-fixture.sh [commit]   (default 45f810f: schema 20, record counts)
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and pg_dump.
set -euo pipefail
commit=${1:-45f810f}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tree=$(mktemp -d /tmp/fixture-tree.XXXXXX)
out=$(mktemp -d /tmp/fixture-out.XXXXXX)
trap 'git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1 || true' EXIT
git -C "$root" worktree add --detach "$tree" "$commit" >/dev/null

# The lines added at the end of the walk test: copy the database the test wrote.
python3 - "$tree/tests/tests/http/walk.rs" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
end = "    assert_eq!(resumed, whole);\n}\n"
assert text.count(end) == 1, "the walk test's end is not where this script expects it"
copy = '''    assert_eq!(resumed, whole);
    if let Ok(out) = std::env::var("FIXTURE_OUT") {
        use diesel::connection::SimpleConnection;
        let pool = app.db_pool();
        let mut conn = pool.get().unwrap();
        if app.db.is_postgres() {
            let status = std::process::Command::new("pg_dump")
                .args(["--format=plain", "--inserts", "--no-owner", "--no-privileges", "--file", &out, &app.database_url])
                .status()
                .unwrap();
            assert!(status.success());
        } else {
            conn.batch_execute(&format!("VACUUM INTO '{out}'")).unwrap();
        }
    }
}
'''
open(path, "w", encoding="utf-8").write(text.replace(end, copy))
PY

cd "$tree"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
FIXTURE_OUT="$out/sqlite.db" cargo test -q --workspace --test http \
    walk::every_list_in_the_spec_walks_each_record_exactly_once_two_at_a_time
FIXTURE_OUT="$out/postgres.sql" TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
    cargo test -q --workspace --test http \
    walk::every_list_in_the_spec_walks_each_record_exactly_once_two_at_a_time

python3 - "$out/sqlite.db" "$here/$commit-sqlite.sql" <<'PY'
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for line in conn.iterdump():
        f.write(line + "\n")
PY
# pg_dump's plain text, without the lines that need a superuser or name the dumping session's
# settings beyond what a fresh database accepts.
grep -v -E '^(SET transaction_timeout|\\restrict|\\unrestrict)' "$out/postgres.sql" > "$here/$commit-postgres.sql"
rm -rf "$out"
ls -l "$here/$commit-sqlite.sql" "$here/$commit-postgres.sql"
