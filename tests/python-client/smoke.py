"""The Python client generated from openapi/openapi.json (openapi-python-client, pinned in
.ci/python-client) used against a real server on the demo data, the way a district system would
start: log in, read the centers page by page, the 2019 summary, a learner list with its total,
and a problem document for a bad parameter. Every answer is parsed into the generated models, so
a contract that said something else than the server does fails here."""
import sys

from centers_client import AuthenticatedClient, Client
from centers_client.api.auth import login
from centers_client.api.learners import list_learners
from centers_client.api.organizations import list_centers
from centers_client.api.reports import get_summary_report
from centers_client.models import LoginRequest, Problem, TokenResponse
from centers_client.models.group_dimension import GroupDimension


def main(base, password):
    tokens = login.sync(client=Client(base_url=base), body=LoginRequest(username="admin", password=password))
    assert isinstance(tokens, TokenResponse), tokens
    api = AuthenticatedClient(base_url=base, token=tokens.access_token)

    names, cursor = [], None
    while True:
        page = list_centers.sync(client=api, limit=10, **({"cursor": cursor} if cursor else {}))
        assert not isinstance(page, Problem), page
        names += [c.name for c in page.items]
        cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
        if not cursor:
            break
    assert len(names) == len(set(names)) == 27, names

    summary = get_summary_report.sync(client=api, from_=2019, to=2019, group_by=[GroupDimension.CENTER])
    assert not isinstance(summary, Problem), summary
    assert summary.total.classes == 1188 and summary.total.enrollments == 117342, summary.total
    assert len(summary.rows) == 27
    # Two dimensions: this generator sends a list as repeated keys, which the server reads too.
    both = get_summary_report.sync(client=api, from_=2019, to=2019,
                                   group_by=[GroupDimension.CENTER, GroupDimension.CATEGORY])
    assert not isinstance(both, Problem), both
    assert sum(r.enrollments for r in both.rows) == 117342 and len(both.rows) > 27

    learners = list_learners.sync(client=api, limit=5)
    assert not isinstance(learners, Problem), learners
    assert len(learners.items) == 5 and learners.total and learners.total > 100000, learners.total

    refused = get_summary_report.sync_detailed(client=api, from_=1900)
    assert refused.status_code == 400, refused.status_code
    assert isinstance(refused.parsed, Problem) and "from" in refused.parsed.detail, refused.parsed
    print(f"python client: 27 centers, 2019 summary {summary.total.classes} classes / "
          f"{summary.total.enrollments} enrollments, {learners.total} learners, a 400 as a Problem")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
