"""The sync client's kill-and-restart test (issue 25), run by .ci/sync-client/run.

A server on a fresh database, a service client scoped to one center, and the example sync client
(examples/sync-client) following the feed and woken by its webhook. Meanwhile a writer creates,
updates and deletes party organizations and learners in that center and in another one; the sync
client is killed (SIGKILL) and restarted twice, the server stopped (SIGTERM) and restarted once.
At the end the mirror must hold, record for record, what the client reads through the API —
the center's party organizations and learners, nothing of the other center — every change of
its feed applied exactly once, and webhook calls verified by the standardwebhooks library.
"""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

BIN, DATABASE_URL, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
PORT, HOOK_PORT = 18240, 18241
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "sync-password-1"
ENV = dict(os.environ, APP_PORT=str(PORT), APP_DATABASE_URL=DATABASE_URL,
           APP_ADMIN_PASSWORD=PASSWORD, APP_JWT_SECRET="sync-client-secret-0123456789-abcdefgh",
           RUST_LOG="warn", APP_WEBHOOK_ALLOW_PRIVATE="127.0.0.1", APP_WEBHOOK_POLL="200ms",
           APP_WEBHOOK_RETRY_BASE="200ms", APP_LIST_CACHE_TTL="0")
random.seed(25)


def call(method, path, token=None, body=None, ok=(200, 201, 204), retry=True):
    """One request; while the server is down (restarting) it is tried again."""
    deadline = time.time() + 60
    while True:
        req = urllib.request.Request(BASE + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
        req.add_header("Content-Type", "application/json")
        req.add_header("Cache-Control", "no-cache")
        if token:
            req.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                text = r.read()
                return r.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as e:
            text = e.read()
            if e.code in ok:
                return e.code, json.loads(text) if text else None
            if e.code == 503 and retry and time.time() < deadline:
                time.sleep(0.2)
                continue
            raise RuntimeError(f"{method} {path}: {e.code} {text[:400]!r}")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if not retry or time.time() > deadline:
                raise
            time.sleep(0.2)


class Server:
    def __init__(self):
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen([BIN], env=ENV, stdout=open(f"{WORK}/server.log", "a"),
                                     stderr=subprocess.STDOUT)
        for _ in range(300):
            try:
                urllib.request.urlopen(BASE + "/readyz", timeout=2)
                return
            except Exception:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=60)


class SyncClient:
    def __init__(self, client_id, secret):
        self.args = [sys.executable, "examples/sync-client/sync_client.py", "--base", BASE,
                     "--client-id", client_id, "--client-secret", secret,
                     "--db", f"{WORK}/mirror.sqlite", "--listen", f"127.0.0.1:{HOOK_PORT}",
                     "--poll", "30"]
        self.proc = None
        self.log = f"{WORK}/sync.log"

    def start(self):
        self.proc = subprocess.Popen(self.args, stdout=open(self.log, "a"),
                                     stderr=subprocess.STDOUT)

    def kill(self):
        self.proc.kill()
        self.proc.wait()

    def last_status(self):
        lines = [l for l in open(self.log) if l.startswith("{")]
        return json.loads(lines[-1]) if lines else None


def login(username, password):
    _, body = call("POST", "/api/v1/auth/login", body={"username": username, "password": password})
    return body["access_token"]


def all_items(path, token):
    items, cursor = [], None
    while True:
        sep = "&" if "?" in path else "?"
        _, page = call("GET", f"{path}{sep}limit=100" + (f"&cursor={cursor}" if cursor else ""), token)
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def whole_feed(token):
    """Every change the account's feed shows, from the beginning."""
    feed, after = [], "0"
    while True:
        _, page = call("GET", f"/api/v1/changes?after={after}&limit=500", token)
        if not page["items"]:
            return feed
        feed += page["items"]
        after = page["next_cursor"]


def main():
    server = Server()
    server.start()
    admin = login("admin", PASSWORD)
    centers = sorted((c for c in all_items("/api/v1/centers", admin) if c["valid_to"] is None),
                     key=lambda c: c["id"])
    mine, other = centers[0]["id"], centers[1]["id"]
    _, client = call("POST", "/api/v1/clients", admin,
                     {"name": "Hệ thống Huyện ủy (đồng bộ)", "scope": mine, "access": "read_only"})
    sync = SyncClient(client["id"], client["client_secret"])
    sync.start()

    orgs = {mine: [], other: []}
    learners = []
    ops = 160
    for i in range(ops):
        if i in (40, 100):
            sync.kill()           # the client dies mid-stream ...
            time.sleep(0.3)
            sync.start()          # ... and resumes from its cursor
        if i == 70:
            server.stop()         # a rolling restart of the server
            server.start()
            admin = login("admin", PASSWORD)
        center = mine if random.random() < 0.6 else other
        roll = random.random()
        if roll < 0.35 or not orgs[center]:
            _, org = call("POST", "/api/v1/party-organizations", admin,
                          {"name": f"Chi bộ đồng bộ {i}", "code": f"SYNC{i}", "center_id": center})
            orgs[center].append(org["id"])
        elif roll < 0.55:
            org = random.choice(orgs[center])
            call("PATCH", f"/api/v1/party-organizations/{org}", admin,
                 {"name": f"Chi bộ đổi tên {i}"})
        elif roll < 0.65:
            # Only party organizations without learners can be deleted.
            free = [o for o in orgs[center] if all(l[1] != o for l in learners)]
            if free:
                org = free[-1]
                call("DELETE", f"/api/v1/party-organizations/{org}", admin)
                orgs[center].remove(org)
        elif roll < 0.85 or not learners:
            org = random.choice(orgs[center])
            _, learner = call("POST", "/api/v1/learners", admin, {
                "party_organization_id": org, "full_name": f"Học Viên Đồng Bộ {i}",
                "birth_date": "1990-05-17", "gender": "female", "party_status": "non_member",
                "national_id": f"0381900{i:05d}", "confirm_new": True})
            learners.append((learner["id"], org))
        else:
            lid, org = random.choice(learners)
            _, current = call("GET", f"/api/v1/learners/{lid}", admin)
            call("PUT", f"/api/v1/learners/{lid}", admin, {
                "party_organization_id": org, "full_name": f"Học Viên Sửa {i}",
                "birth_date": current["birth_date"], "gender": current["gender"],
                "party_status": "non_member", "national_id": f"0381900{i:05d}"})

    # What the client's account reads through the API now: its feed, its records.
    _, tokens = call("POST", "/api/v1/auth/token",
                     body={"grant_type": "client_credentials", "client_id": client["id"],
                           "client_secret": client["client_secret"]})
    token = tokens["access_token"]
    feed = whole_feed(token)
    last = feed[-1]["seq"]
    deadline = time.time() + 60
    while True:
        status = sync.last_status()
        if status and int(status["cursor"]) >= last:
            break
        assert time.time() < deadline, f"the mirror did not catch up: {status}, feed ends at {last}"
        time.sleep(0.2)
    # Idle now (it polls every 30 s): one more write reaches the mirror within seconds only if
    # the webhook woke the client, with a signature the standardwebhooks library accepted.
    woken_from = time.time()
    _, org = call("POST", "/api/v1/party-organizations", admin,
                  {"name": "Chi bộ cuối cùng", "code": "SYNC-LAST", "center_id": mine})
    orgs[mine].append(org["id"])
    while True:
        status = sync.last_status()
        if status["webhooks"]["verified"] > 0 and int(status["cursor"]) > last:
            break
        assert time.time() - woken_from < 15, f"no webhook woke the client: {status}"
        time.sleep(0.1)
    woken_in = time.time() - woken_from
    feed = whole_feed(token)
    sync.kill()

    db = sqlite3.connect(f"{WORK}/mirror.sqlite")
    applied = [r[0] for r in db.execute("SELECT seq FROM applied ORDER BY seq")]
    assert applied == [c["seq"] for c in feed], "every change of the feed applied exactly once"
    mirror = {(e, i): json.loads(d) for e, i, d in db.execute("SELECT entity, id, data FROM records")}
    server_side = {}
    for kind, path in (("party_organization", "/api/v1/party-organizations"),
                       ("learner", "/api/v1/learners")):
        for item in all_items(path, token):
            server_side[(kind, item["id"])] = item
    other_orgs = set(orgs[other])
    assert not any(k == ("party_organization", o) for k in mirror for o in other_orgs), \
        "nothing of another center"
    mirrored = {k: v for k, v in mirror.items() if k[0] in ("party_organization", "learner")}
    missing = server_side.keys() - mirrored.keys()
    extra = mirrored.keys() - server_side.keys()
    assert not missing and not extra, f"missing {sorted(missing)[:5]}, extra {sorted(extra)[:5]}"
    differ = [k for k in server_side if server_side[k] != mirrored[k]]
    assert not differ, f"records differ: {differ[:3]}: {server_side[differ[0]]} != {mirrored[differ[0]]}"
    hooks = status["webhooks"]
    assert hooks["refused"] == 0, hooks
    mine_orgs = len([k for k in mirrored if k[0] == "party_organization"])
    print(f"sync client: {ops} writes, client killed twice and server restarted once; "
          f"{len(feed)} changes of its feed applied once each; mirror = API for {mine_orgs} party "
          f"organizations and {len(mirrored) - mine_orgs} learners of its center, none of the "
          f"other's; idle, woken by a webhook (verified by standardwebhooks) in {woken_in:.1f} s")
    server.stop()


if __name__ == "__main__":
    main()
