#!/usr/bin/env bash
# Cost against history (issue 23): the same pages and writes measured over one year and over five
# years of demo data, on one backend. Usage: bench/history.sh sqlite|postgres [seconds, default 10]
# Needs wrk (Debian: apt-get install wrk), curl, python3; for postgres a server on 127.0.0.1:5432
# (user postgres, trust). Writes its figures to bench/history-<backend>.txt.
#
# For each data set (2019 alone, then 2017–2021): a fresh database, `centers demo-data`, the
# release server, then
# - the first learners and classes pages with their total, computed every time
#   (`Cache-Control: no-cache`), one connection: p50 latency and requests/s;
# - learner creations (POST /learners, each a new person) at 8 connections: requests/s and p99;
#   on PostgreSQL also pgbench running the same statements at 8 clients (the database's limit);
# - the summary over 2017–2021 by center and program, computed after a write: p50, and its total
#   against the raw SQL.
# The ratios five years ÷ one year are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
BACKEND=${1:-sqlite}
SECS=${2:-10}
PORT=18090
BASE="http://127.0.0.1:$PORT"
OUT="bench/history-$BACKEND.txt"
WORK=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
: > "$OUT"
say() { echo "$*" | tee -a "$OUT"; }

cargo build --release -q --bin centers
BIN=target/release/centers
say "# $BACKEND, $(date -u +%F), $(nproc) cores, release build, $SECS s per run"

# wrk's latency percentile line (`50%  1.23ms`) in milliseconds.
percentile() {
  awk -v p="$1" '$1 == p {
    v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
    if (u == "us") v /= 1000; else if (u == "s") v *= 1000; else if (u == "m") v *= 60000;
    printf "%.2f", v }'
}
rate() { awk '/Requests\/sec/ {print $2}'; }

cat > "$WORK/create.lua" <<'LUA'
-- Each request a new learner: a name no other request uses (thread, counter and a random part).
local counter = 0
local token = os.getenv("TOKEN")
local po = os.getenv("PARTY_ORG")
function setup(thread) thread:set("tid", tostring(math.random(1, 1e9))) end
function request()
  counter = counter + 1
  local body = string.format(
    '{"party_organization_id":"%s","full_name":"Người Thử %s %d","birth_date":"1990-01-01",' ..
    '"gender":"male","party_status":"non_member","confirm_new":true}', po, tid, counter)
  return wrk.format("POST", "/api/v1/learners",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
function response(status)
  if status ~= 201 then io.stderr:write("status " .. status .. "\n") end
end
LUA

measure() {
  local label=$1 from=$2 to=$3
  local url
  if [ "$BACKEND" = postgres ]; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS centers_history WITH (FORCE)" -c "CREATE DATABASE centers_history"
    url=postgres://postgres@127.0.0.1:5432/centers_history
  else
    rm -f "$WORK"/history.db*
    url="sqlite://$WORK/history.db"
  fi
  local start end
  start=$(date +%s)
  $BIN demo-data --from "$from" --to "$to" --seed 42 --database-url "$url" > "$WORK/demo-$label.log" 2>&1
  end=$(date +%s)
  local password=bench-password-1
  MALLOC_ARENA_MAX=2 APP_DATABASE_URL="$url" APP_PORT=$PORT APP_ADMIN_PASSWORD=$password RUST_LOG=warn \
    APP_JWT_SECRET=0123456789abcdef0123456789abcdef $BIN > "$WORK/server-$label.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do curl -fs "$BASE/healthz" > /dev/null && break; sleep 0.2; done
  TOKEN=$(curl -fs -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$BASE/api/v1/auth/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  PARTY_ORG=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/party-organizations?limit=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  export TOKEN PARTY_ORG
  local learners
  learners=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/learners?limit=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  say ""
  say "## $label: demo-data $from-$to in $((end - start)) s; $learners learners"
  for list in learners classes; do
    sleep 1
    wrk -t1 -c1 -d"${SECS}s" --latency -H "Authorization: Bearer $TOKEN" -H "Cache-Control: no-cache" \
      "$BASE/api/v1/$list?limit=50" > "$WORK/read.txt"
    local p50 rps
    p50=$(percentile 50% < "$WORK/read.txt"); rps=$(rate < "$WORK/read.txt")
    say "GET /api/v1/$list?limit=50 (computed, with total), 1 connection: p50 $p50 ms, $rps req/s"
    printf -v "P50_${label}_${list}" '%s' "$p50"
  done
  # The five-year summary by center and program, each time computed afresh after a write (a
  # learner created: the data version moves, no cached answer serves), one client; its total
  # compared with the raw SQL over the enrollments.
  BASE=$BASE DB_URL=$url python3 - "$WORK/summary.txt" <<'PY'
import json, os, sqlite3, statistics, subprocess, sys, time, urllib.request
base, token, po = os.environ["BASE"], os.environ["TOKEN"], os.environ["PARTY_ORG"]
def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)
times = []
for i in range(40):
    call("POST", "/api/v1/learners", {"party_organization_id": po, "full_name": f"Người Tổng Hợp {i}",
         "birth_date": "1990-01-01", "gender": "male", "party_status": "non_member", "confirm_new": True})
    t = time.perf_counter()
    s = call("GET", "/api/v1/reports/summary?from=2017&to=2021&group_by=center,program")
    times.append((time.perf_counter() - t) * 1000)
raw_sql = ("SELECT COUNT(e.id), COUNT(DISTINCT e.learner_id) FROM classes c JOIN enrollments e "
           "ON e.class_id = c.id AND e.status IN ('enrolled','completed','failed') "
           "WHERE c.year BETWEEN 2017 AND 2021 AND c.status <> 'cancelled'")
url = os.environ["DB_URL"]
if url.startswith("sqlite://"):
    raw = sqlite3.connect(url[len("sqlite://"):]).execute(raw_sql).fetchone()
else:
    out = subprocess.run(["psql", "-qAt", "-F", " ", url, "-c", raw_sql], capture_output=True, text=True, check=True)
    raw = tuple(int(x) for x in out.stdout.split())
api = (s["total"]["enrollments"], s["total"]["learners"])
times.sort()
with open(sys.argv[1], "w") as f:
    f.write(f"{statistics.median(times):.2f} {times[int(len(times) * 0.9)]:.2f} {len(s['rows'])} "
            f"{'equal' if tuple(api) == tuple(raw) else f'DIFFERENT api={api} raw={raw}'}\n")
PY
  local sp50 sp90 srows sequal
  read -r sp50 sp90 srows sequal < "$WORK/summary.txt"
  say "GET /api/v1/reports/summary?from=2017&to=2021&group_by=center,program computed after a write, 1 client: p50 $sp50 ms, p90 $sp90 ms, $srows rows; total enrollments and learners vs raw SQL: $sequal"
  printf -v "P50_${label}_summary" '%s' "$sp50"
  sleep 1
  wrk -t2 -c8 -d"${SECS}s" --latency -s "$WORK/create.lua" "$BASE/api/v1/learners" \
    > "$WORK/write.txt" 2> "$WORK/write.err"
  local wrps p50w p99w errors
  wrps=$(rate < "$WORK/write.txt"); p50w=$(percentile 50% < "$WORK/write.txt"); p99w=$(percentile 99% < "$WORK/write.txt")
  errors=$(wc -l < "$WORK/write.err")
  say "POST /api/v1/learners, 8 connections: $wrps req/s, p50 $p50w ms, p99 $p99w ms, $errors non-201 answers"
  if grep -q "database is locked" "$WORK/server-$label.log"; then say "server log: database is locked"; fi
  kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=
  if [ "$BACKEND" = postgres ]; then
    # The database's own limit for the same work: pgbench running, at 8 clients, the statements
    # one POST /learners runs (the party organization in scope, the duplicate check, the insert
    # with its count trigger, the audit entry with the change counter and the change event in
    # one statement, the check for report figures to settle), in one transaction each.
    local scope
    scope=$(psql -qAt -h 127.0.0.1 -U postgres -d centers_history -c "SELECT path FROM organizations WHERE kind = 'province' LIMIT 1")
    cat > "$WORK/create.sql" <<SQL
\set n random(1, 1000000000)
BEGIN;
SELECT id, path, service_path FROM organizations WHERE id = '$PARTY_ORG' AND (path LIKE '$scope%' OR service_path LIKE '$scope%');
SELECT l.id FROM learners l JOIN organizations o ON o.id = l.party_organization_id WHERE (o.path LIKE '$scope%' OR o.service_path LIKE '$scope%') AND l.search_text = 'nguoi thu ' || :n AND l.birth_date = '1990-01-01' LIMIT 20;
INSERT INTO learners (id, party_organization_id, full_name, search_text, birth_date, gender, ethnicity, party_status, admission_date, position, workplace, national_id, external_id, version, created_at, updated_at) VALUES (gen_random_uuid(), '$PARTY_ORG', 'Người Thử ' || :n, 'nguoi thu ' || :n, '1990-01-01', 'male', NULL, 'non_member', NULL, NULL, NULL, NULL, NULL, 1, now(), now()) RETURNING id, party_organization_id, full_name, search_text, birth_date, gender, ethnicity, party_status, admission_date, position, workplace, national_id, external_id, version, created_at, updated_at;
WITH audit AS (INSERT INTO audit_log (id, occurred_at, actor_type, actor_id, actor_name, action, entity_type, entity_id, before_json, after_json, request_id) VALUES (gen_random_uuid(), now(), 'user', NULL, 'admin', 'create', 'learner', 'x' || :n, NULL, '{"full_name":"Người Thử","birth_date":"1990-01-01","gender":"male","party_status":"non_member","version":1}', 'bench')), counter AS (UPDATE change_counter SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq) INSERT INTO change_events (seq, occurred_at, entity, entity_id, op, version, scope_path, data_json, keys_json, lecturer_id, service_path) SELECT last_seq, now(), 'learner', 'x' || :n, 'create', 1, '$scope', '{"full_name":"Người Thử","birth_date":"1990-01-01","gender":"male","party_status":"non_member","version":1}', NULL, NULL, NULL FROM counter;
SELECT EXISTS (SELECT 1 FROM report_dirty_classes) AS classes, EXISTS (SELECT 1 FROM report_dirty_learners) AS learners;
COMMIT;
SQL
    local tps
    tps=$(pgbench -n -h 127.0.0.1 -U postgres -c 8 -j 2 -T "$SECS" -f "$WORK/create.sql" centers_history 2>&1 |
      awk '/^tps/ {print $3}')
    say "pgbench, the same statements, 8 clients: $tps transactions/s; API ÷ pgbench = $(python3 -c "print(f'{$wrps/$tps:.2f}')")"
  fi
}

# SETS=one measures the 2019 set alone (a quicker turn while working on one figure); the ratios
# below need both.
SETS=${SETS:-one five}
for set in $SETS; do
  case $set in
    one) measure one 2019 2019 ;;
    five) measure five 2017 2021 ;;
  esac
done
[ "$SETS" = "one five" ] || exit 0
say ""
say "## five years ÷ one year (computed first pages with their total, p50)"
say "learners: $(python3 -c "print(f'{$P50_five_learners/$P50_one_learners:.2f}')")"
say "classes: $(python3 -c "print(f'{$P50_five_classes/$P50_one_classes:.2f}')")"
say "summary 2017-2021 by center and program after a write: $(python3 -c "print(f'{$P50_five_summary/$P50_one_summary:.2f}')")"
