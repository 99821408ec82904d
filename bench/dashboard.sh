#!/usr/bin/env bash
# The dashboard with five years of data (issue 24): the time from pressing *Đăng nhập* to the
# overview's figures and table drawn, read from headless Chromium's Performance API by
# tests/browser/dashboard_test.py --measure, against the release server loaded with the 2017–2021
# demo data. Usage: bench/dashboard.sh [logins, default 5] [backends, default "sqlite postgres"]
# Needs what .ci/browser needs, and a PostgreSQL server on 127.0.0.1:5432 (user postgres, trust).
# Writes its figures to bench/dashboard-<backend>.txt. Nothing else should run on the machine
# meanwhile: the browser, the server and the database share its cores.
set -euo pipefail
cd "$(dirname "$0")/.."
TIMES=${1:-5}
BACKENDS=${2:-sqlite postgres}
cargo build --release -q --bin centers
gzipped=$(cat api/dashboard/*.* api/dashboard/vendor/*.js | gzip -9 | wc -c)
plain=$(cat api/dashboard/*.* api/dashboard/vendor/*.js | wc -c)
for backend in $BACKENDS; do
  out="bench/dashboard-$backend.txt"
  start=$(date +%s)
  FROM=2017 TO=2021 BIN=target/release/centers MEASURE=$TIMES \
    bash .ci/browser "$backend" postgres://postgres@127.0.0.1:5432/postgres > /dev/null
  {
    echo "# dashboard on $backend, $(date -u +%F), $(nproc) cores, release build, demo data 2017-2021"
    echo "assets: $plain bytes, $gzipped gzip-compressed"
    echo "load and run: $(( $(date +%s) - start )) s"
    echo "login to overview figures, $TIMES logins: $(cat "target/dashboard-screenshots/$backend/timings.json")"
  } > "$out"
  cat "$out"
done
