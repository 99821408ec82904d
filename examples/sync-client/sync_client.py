"""A district system's mirror of what its account may read, kept by following the change feed.

Start from here: it uses the Python client generated from the committed OpenAPI document
(openapi-python-client 0.24.3, see README.md), authenticates as a service client, and copies every
create, update and delete it is shown into a local SQLite file, in the feed's commit order. Each
change is applied in one SQLite transaction together with the cursor, so the program can be
killed at any moment and resumes exactly where it stopped: nothing is missed, nothing applied
twice (the `applied` table would refuse a second time).

With --listen it also subscribes a webhook to its own URL and wakes as soon as the server calls
it, after checking the call's signature with the `standardwebhooks` library (an implementation
of the scheme independent of the server's); without it, it polls every --poll seconds. The
webhook only says "something new": the changes themselves are always read from the feed.
"""
import argparse
import http.server
import json
import sqlite3
import sys
import threading
import uuid

from centers_client import AuthenticatedClient, Client
from centers_client.api.auth import client_token
from centers_client.api.changes import list_changes
from centers_client.api.webhooks import create_webhook, get_webhook
from centers_client.models import ClientTokenRequest, CreateWebhook, Problem, TokenResponse
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

SCHEMA = """
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    entity TEXT NOT NULL, id TEXT NOT NULL, version INTEGER, data TEXT NOT NULL,
    PRIMARY KEY (entity, id));
CREATE TABLE IF NOT EXISTS applied (seq INTEGER PRIMARY KEY);
"""


class Mirror:
    """The local copy: records by (entity, id), the cursor, and every seq applied."""

    def __init__(self, path):
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.executescript(SCHEMA)

    def get(self, key, default=None):
        row = self.db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def put(self, key, value):
        self.db.execute("INSERT INTO state (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def apply(self, change):
        """One change and the cursor after it, all or nothing."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            # A seq applied before fails here: the proof that nothing is applied twice.
            self.db.execute("INSERT INTO applied (seq) VALUES (?)", (change["seq"],))
            if change["op"] == "delete":
                self.db.execute("DELETE FROM records WHERE entity = ? AND id = ?",
                                (change["entity"], change["id"]))
            else:
                self.db.execute(
                    "INSERT INTO records (entity, id, version, data) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, "
                    "data = excluded.data",
                    (change["entity"], change["id"], change.get("version"),
                     json.dumps(change["data"], sort_keys=True, ensure_ascii=False)))
            self.put("cursor", str(change["seq"]))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise


class Wakeup(http.server.BaseHTTPRequestHandler):
    """The webhook receiver: a verified call wakes the follower; anything else is refused."""
    verifier = None
    event = None
    counts = {"verified": 0, "refused": 0}

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        try:
            self.verifier.verify(body, {k.lower(): v for k, v in self.headers.items()})
        except WebhookVerificationError:
            Wakeup.counts["refused"] += 1
            self.send_response(400)
            self.end_headers()
            return
        Wakeup.counts["verified"] += 1
        self.event.set()
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def authenticate(base, client_id, secret):
    tokens = client_token.sync(client=Client(base_url=base), body=ClientTokenRequest(
        client_id=client_id, client_secret=secret, grant_type="client_credentials"))
    if not isinstance(tokens, TokenResponse):
        raise RuntimeError(f"client credentials refused: {tokens}")
    return AuthenticatedClient(base_url=base, token=tokens.access_token)


def subscribe(api, mirror, url):
    """The mirror's webhook: made once, its secret kept in the mirror (it is shown only once)."""
    known = mirror.get("webhook_id")
    if known:
        hook = get_webhook.sync(client=api, id=uuid.UUID(known))
        if not isinstance(hook, Problem) and hook is not None:
            return mirror.get("webhook_secret")
    created = create_webhook.sync(client=api, body=CreateWebhook(
        url=url, description="Bản sao dữ liệu của hệ thống huyện (sync client)"))
    if isinstance(created, Problem) or created is None:
        raise RuntimeError(f"webhook refused: {created}")
    mirror.db.execute("BEGIN")
    mirror.put("webhook_id", str(created.id))
    mirror.put("webhook_secret", created.secret)
    mirror.db.execute("COMMIT")
    return created.secret


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--base", required=True, help="the server, e.g. https://centers.example.vn")
    p.add_argument("--client-id", required=True)
    p.add_argument("--client-secret", required=True)
    p.add_argument("--db", required=True, help="the mirror's SQLite file")
    p.add_argument("--listen", help="host:port to receive webhooks on (subscribes once)")
    p.add_argument("--public-url", help="the URL the server calls (default http://<listen>/)")
    p.add_argument("--poll", type=float, default=5.0, help="seconds between polls when idle")
    args = p.parse_args()

    mirror = Mirror(args.db)
    api = authenticate(args.base, args.client_id, args.client_secret)
    wake = threading.Event()
    if args.listen:
        host, port = args.listen.rsplit(":", 1)
        secret = subscribe(api, mirror, args.public_url or f"http://{args.listen}/")
        Wakeup.verifier, Wakeup.event = Webhook(secret), wake
        server = http.server.ThreadingHTTPServer((host, int(port)), Wakeup)
        threading.Thread(target=server.serve_forever, daemon=True).start()

    applied = 0
    while True:
        cursor = mirror.get("cursor", "0")
        page = list_changes.sync_detailed(client=api, after=cursor, limit=100)
        if page.status_code == 401:
            api = authenticate(args.base, args.client_id, args.client_secret)
            continue
        if page.status_code != 200:
            raise RuntimeError(f"feed: {page.status_code} {page.content[:300]!r}")
        items = [item.to_dict() for item in page.parsed.items]
        for item in items:
            mirror.apply(item)
            applied += 1
        print(json.dumps({"cursor": mirror.get("cursor", "0"), "applied": applied,
                          "webhooks": Wakeup.counts}), flush=True)
        if not items:
            wake.wait(args.poll)
            wake.clear()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(0)
