"""Schemathesis hooks for `.ci/fuzz`.

- The fuzzing account is off limits to the cases themselves: a case whose path names its id gets
  another id, so that resetting its password or demoting it cannot blind the rest of the run.
  (Operations that end the caller's own sessions run in a pass of their own, with a fresh token
  for every case.)
- With FUZZ_FRESH_TOKEN=1 every case logs in anew.
"""
import json
import os
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


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    # A cursor is an opaque token only the server mints: a made-up one is refused (400, naming
    # `cursor`; tests/tests/platform.rs covers that), so the fuzzer does not invent them.
    if case.query:
        case.query.pop("cursor", None)
    for name, value in list((case.path_parameters or {}).items()):
        if str(value) == PROTECTED_ID:
            case.path_parameters[name] = str(uuid.uuid4())
