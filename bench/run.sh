#!/usr/bin/env bash
# Province-scale benchmarks (issue 11): five years of demo data, then wrk against the release
# server. Usage: bench/run.sh sqlite|postgres [seconds per endpoint, default 10]
# FROM/TO (default 2017/2021) choose the demo years, LOAD_SECS (default 60) the memory runs.
# Needs wrk (Debian: apt-get install wrk), curl, python3; for postgres a server on
# 127.0.0.1:5432 (user postgres, trust). Writes its figures to bench/results-<backend>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BACKEND=${1:-sqlite}
SECS=${2:-10}
FROM=${FROM:-2017}
TO=${TO:-2021}
LOAD_SECS=${LOAD_SECS:-60}
PORT=18089
BASE="http://127.0.0.1:$PORT"
OUT="bench/results-$BACKEND.txt"
WORK=$(mktemp -d)
: > "$OUT"
say() { echo "$*" | tee -a "$OUT"; }

cargo build --release -q --bin centers
BIN=target/release/centers
if [ "$BACKEND" = postgres ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS centers_bench WITH (FORCE)" -c "CREATE DATABASE centers_bench"
  URL=postgres://postgres@127.0.0.1:5432/centers_bench
  sqlq() { psql -qAt -h 127.0.0.1 -U postgres -d centers_bench -c "$1"; }
else
  URL="sqlite://$WORK/bench.db"
  sqlq() { python3 - "$WORK/bench.db" "$1" <<'PY'
import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(map(str, row)))
PY
  }
fi

say "# $BACKEND, $(date -u +%F), $(nproc) cores, release build"
start=$(date +%s.%N)
$BIN demo-data --from "$FROM" --to "$TO" --seed 42 --database-url "$URL" > "$WORK/demo.log" 2>&1
end=$(date +%s.%N)
say "demo-data $FROM-$TO: $(python3 -c "print(f'{$end-$start:.1f}')") s"
tail -n 6 "$WORK/demo.log" | tee -a "$OUT"
if [ "$BACKEND" = postgres ]; then
  say "database size: $(sqlq "SELECT pg_size_pretty(pg_database_size('centers_bench'))")"
else
  sqlq "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
  say "database size: $(du -h "$WORK/bench.db" | cut -f1)"
fi

ADMIN_PASSWORD=bench-password-1
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} APP_DATABASE_URL="$URL" APP_PORT=$PORT APP_ADMIN_PASSWORD=$ADMIN_PASSWORD RUST_LOG=warn \
  APP_JWT_SECRET=0123456789abcdef0123456789abcdef $BIN > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do curl -fs "$BASE/healthz" > /dev/null && break; sleep 0.2; done
TOKEN=$(curl -fs -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/login" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
CENTER=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/centers?limit=1" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$SERVER/status"; }
# Requests per second of one endpoint: wrk, 2 threads, 16 connections; extra wrk arguments
# (headers) after the path.
rate() {
  local path=$1; shift
  sleep 2 # the previous run's last requests finish first
  wrk -t2 -c16 -d"${SECS}s" -H "Authorization: Bearer $TOKEN" "$@" "$BASE$path" |
    awk '/Requests\/sec/ {print $2}'
}
# The cursor of the row at 80 % of the learners sorted by name (as the API encodes it).
DEEP=$(sqlq "SELECT search_text || '|' || id FROM learners ORDER BY search_text, id LIMIT 1 OFFSET (SELECT COUNT(*) * 8 / 10 FROM learners)")
CURSOR=$(python3 -c "
import base64, json, sys
k, i = sys.argv[1].rsplit('|', 1)
print(base64.urlsafe_b64encode(json.dumps({'s': 'name', 'k': k, 'i': i}).encode()).decode().rstrip('='))" "$DEEP")

# Each list three ways: served again (the same account asking the same page within
# APP_LIST_CACHE_TTL: the page cache), the same with gzip (as browsers ask), and computed
# (`Cache-Control: no-cache`: token, pool, query, JSON every time). /healthz is measured before
# and after; the percentages are of their mean.
FRESH="Cache-Control: no-cache"
GZIP="Accept-Encoding: gzip"
HEALTH1=$(rate /healthz)
declare -a LINES
ONE=$(rate "/api/v1/centers/$CENTER")
LINES+=("GET /centers/{id} (computed): $ONE")
for path in "/api/v1/centers?limit=50" "/api/v1/classes?limit=50" "/api/v1/classes?limit=50&total=false" \
            "/api/v1/learners?limit=50&total=false"; do
  again=$(rate "$path"); gz=$(rate "$path" -H "$GZIP"); computed=$(rate "$path" -H "$FRESH")
  LINES+=("$path: served again $again | served again, gzip $gz | computed $computed")
done
HEALTH2=$(rate /healthz)
HEALTH=$(python3 -c "print(f'{($HEALTH1+$HEALTH2)/2:.0f}')")
say ""
say "## throughput, requests/s ($SECS s each, wrk -t2 -c16)"
say "/healthz: $HEALTH1 before, $HEALTH2 after, mean $HEALTH"
for line in "${LINES[@]}"; do
  say "$(python3 - "$line" "$HEALTH" <<'PY'
import re, sys
line, health = sys.argv[1], float(sys.argv[2])
print(re.sub(r"(\d+\.\d+)", lambda m: f"{m.group(1)} ({100*float(m.group(1))/health:.0f} %)", line))
PY
)"
done
# First and deep pages in turns, three of each, medians: a shared machine's slow spell then
# weighs on both rather than on one.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
PAGES=$(for _ in 1 2 3; do
  echo "F $(rate "/api/v1/learners?limit=50&total=false&sort=name" -H "$FRESH")"
  echo "D $(rate "/api/v1/learners?limit=50&total=false&sort=name&cursor=$CURSOR" -H "$FRESH")"
done)
FIRST=$(echo "$PAGES" | awk '$1 == "F" {print $2}' | median)
DEEPR=$(echo "$PAGES" | awk '$1 == "D" {print $2}' | median)
say "learners first page: $FIRST; page at 80 % depth: $DEEPR, both computed, medians of 3 in turns (first/deep = $(python3 -c "print(f'{$FIRST/$DEEPR:.2f}')"))"

say ""
say "## /reports/summary for $FROM-$TO vs the same aggregate in SQL (median of 5)"
SUMMARY_SQL="SELECT c.year, c.center_id, p.category, COUNT(DISTINCT c.id), COUNT(e.id), COUNT(DISTINCT e.learner_id),
  SUM(CASE WHEN e.status IN ('completed','failed') THEN 1 ELSE 0 END), SUM(CASE WHEN e.status = 'completed' THEN 1 ELSE 0 END), COUNT(x.id)
  FROM classes c JOIN organizations o ON o.id = c.center_id JOIN programs p ON p.id = c.program_id
  LEFT JOIN enrollments e ON e.class_id = c.id AND e.status IN ('enrolled','completed','failed')
  LEFT JOIN certificates x ON x.enrollment_id = e.id AND x.replaced_at IS NULL
  WHERE c.year BETWEEN $FROM AND $TO AND c.status <> 'cancelled' GROUP BY c.year, c.center_id, p.category"
# Cold: the first answer after a change is computed (a fresh question each time: the as_of
# differs, so no cached answer serves it), in turns with the SQL, five of each, medians. Warm: the
# same question again, the data unchanged, is served from the summary cache (keyed by the change
# counter).
ms() { awk '{print $1*1000}'; }
TURNS=$(for d in 01 02 03 04 05; do
  echo "A $(curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
    "$BASE/api/v1/reports/summary?from=$FROM&to=$TO&group_by=year,center,category&as_of=2030-01-$d" | ms)"
  s=$(date +%s%N); sqlq "$SUMMARY_SQL" > /dev/null; e=$(date +%s%N); echo "S $(( (e - s) / 1000000 ))"
done)
COLD_MS=$(echo "$TURNS" | awk '$1 == "A" {print $2}' | median)
SQL_MS=$(echo "$TURNS" | awk '$1 == "S" {print $2}' | median)
API_MS=$(for _ in 1 2 3 4 5; do
  curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
    "$BASE/api/v1/reports/summary?from=$FROM&to=$TO&group_by=year,center,category"
done | ms | median)
say "API cold (computed): $COLD_MS ms, ratio $(python3 -c "print(f'{$COLD_MS/max($SQL_MS,1):.2f}')"); API warm (cached for the data's version): $API_MS ms, ratio $(python3 -c "print(f'{$API_MS/max($SQL_MS,1):.2f}')"); SQL (through the $BACKEND CLI): $SQL_MS ms"

say ""
say "## memory under load: RSS (MB) before, after a $LOAD_SECS s mixed load, after a second one"
say "before: $(rss)"
for run in 1 2; do
  wrk -t2 -c32 -d"${LOAD_SECS}s" -H "Authorization: Bearer $TOKEN" -H "$FRESH" "$BASE/api/v1/classes?limit=50&total=false" > /dev/null &
  LOAD=$!
  wrk -t1 -c8 -d"${LOAD_SECS}s" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/centers/$CENTER" > /dev/null
  wait "$LOAD" # not a bare `wait`: that would wait for the server too
  say "after run $run: $(rss)"
done
