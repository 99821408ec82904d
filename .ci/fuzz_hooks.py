"""Schemathesis hooks for `.ci/fuzz`.

- The fuzzing account is off limits to the cases themselves: a case whose path names its id gets
  another id, so that resetting its password or demoting it cannot blind the rest of the run.
  (Operations that end the caller's own sessions run in a pass of their own, with a fresh token
  for every case.)
- With FUZZ_FRESH_TOKEN=1 every case logs in anew.
- Real ids and versions: a path's `{id}` is, in half the cases, the id of a record that exists
  (read from the collection's list), and a case that sends `If-Match` on a record that exists
  sends its current ETag. A request the schema allows then reaches the rules behind the
  precondition instead of stopping at 404 or 412, and a 412 is never an acceptable answer to a
  positive case (`.ci/schemathesis.toml`).
"""
import json
import os
import random
import urllib.error
import urllib.request
import uuid

import schemathesis

BASE = os.environ["FUZZ_BASE_URL"]
USERNAME = os.environ.get("FUZZ_USERNAME", "admin")
PASSWORD = os.environ["FUZZ_PASSWORD"]
PROTECTED_ID = os.environ["FUZZ_ACCOUNT_ID"]


def login() -> str:
    request = urllib.request.Request(
        BASE + "/api/v1/auth/login",
        data=json.dumps({"username": USERNAME, "password": PASSWORD}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["access_token"]


if os.environ.get("FUZZ_FRESH_TOKEN") != "1":

    @schemathesis.auth()
    class RunToken:
        """The run's token, given as auth (not `-H`) so that the checks that send a request
        without it really send none."""

        def get(self, case, ctx):
            return os.environ["FUZZ_TOKEN"]

        def set(self, case, data, ctx):
            case.headers = case.headers or {}
            case.headers["Authorization"] = f"Bearer {data}"

if os.environ.get("FUZZ_FRESH_TOKEN") == "1":

    @schemathesis.auth(refresh_interval=None)
    class FreshToken:
        def get(self, case, ctx):
            return login()

        def set(self, case, data, ctx):
            case.headers = case.headers or {}
            case.headers["Authorization"] = f"Bearer {data}"
            # A cached token may have been ended by the previous case: log in again next time.
            self.get = lambda case, ctx: login()


KNOWN_IDS = {}
PICK = random.Random(int(os.environ.get("FUZZ_SEED", "42")))


def fetch(path, token):
    request = urllib.request.Request(BASE + path, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response), response.headers.get("ETag")
    except (urllib.error.HTTPError, ValueError):
        return None, None


def token_of(case):
    """The case's bearer token, or the run's (`-H Authorization` is added after this hook)."""
    value = (case.headers or {}).get("Authorization", "")
    if value.startswith("Bearer "):
        return value[len("Bearer "):]
    return os.environ.get("FUZZ_TOKEN")


def real_id(collection, token):
    """An id of a record of `/api/v1/<collection>`, if the list has any (read once)."""
    if collection not in KNOWN_IDS:
        body, _ = fetch(f"/api/v1/{collection}?limit=50", token)
        items = (body or {}).get("items") if isinstance(body, dict) else None
        KNOWN_IDS[collection] = [i["id"] for i in items or [] if isinstance(i, dict) and "id" in i]
    ids = [i for i in KNOWN_IDS[collection] if i != PROTECTED_ID]
    return PICK.choice(ids) if ids else None


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    token = token_of(case)
    path = case.operation.path
    parts = path.strip("/").split("/")
    # /api/v1/<collection>/{id}...: half the cases on a record that exists.
    if (token and len(parts) >= 4 and parts[3] == "{id}" and case.path_parameters
            and "id" in case.path_parameters and PICK.random() < 0.5):
        found = real_id(parts[2], token)
        if found:
            case.path_parameters["id"] = found
    # If-Match names the record's current version when the record exists.
    headers = case.headers or {}
    if token and any(k.lower() == "if-match" for k in headers) and case.path_parameters:
        target = path
        for name, value in case.path_parameters.items():
            target = target.replace("{" + name + "}", str(value))
        _, etag = fetch(target, token)
        if etag:
            for k in [k for k in headers if k.lower() == "if-match"]:
                headers[k] = etag
    # A cursor is an opaque token only the server mints: a made-up one is refused (400, naming
    # `cursor`; tests/tests/platform.rs covers that), so the fuzzer does not invent them.
    if case.query:
        case.query.pop("cursor", None)
    for name, value in list((case.path_parameters or {}).items()):
        if str(value) == PROTECTED_ID:
            case.path_parameters[name] = str(uuid.uuid4())
