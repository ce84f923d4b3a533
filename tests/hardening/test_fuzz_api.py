"""Property-based fuzzing of the whole API from its own OpenAPI document (schemathesis).

Every operation gets requests generated from its schema — ones that fit it and ones
that break it — anonymously and with a moderator's bearer token, through the real WSGI
application (fast path and middleware included). Whatever it sends, the API must
answer without a server error and as its OpenAPI document says (status code, content
type, response body). It runs in both legs of ``.ci/run`` (SQLite and PostgreSQL),
bounded by a fixed number of examples per operation and a fixed seed (``derandomize``),
so it is quick and repeatable; raise ``CIVILITY_FUZZ_EXAMPLES`` to search longer.

schemathesis' own pytest plugin (``from_fixture``/``parametrize``) does not run under
pytest 9, so the test drives its Python API with Hypothesis directly.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from civility.accounts.models import Role
from civility.accounts.services import token_create
from tests.conftest import approve, make_user, submit

pytestmark = pytest.mark.django_db

#: examples per operation, mode and caller
EXAMPLES = int(os.environ.get("CIVILITY_FUZZ_EXAMPLES", "20"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def known(article, moderator) -> dict[str, object]:
    """Rows that exist, so that some requests reach past the 404s: path parameters by name."""
    from civility.moderation.models import Decision
    from civility.triage.models import Campaign, TriageReport

    approve(moderator, *[submit(article, f"Comment {i}.") for i in range(3)])
    pending = submit(article, "A pending one.")
    campaign = Campaign.objects.create()
    TriageReport.objects.update_or_create(comment=pending, defaults={"campaign": campaign})
    from civility.people.sanctions import ban_create

    ban = ban_create(user=moderator, reason="Flood", ip="203.0.113.0/24")
    return {"key": article.key, "comment_id": pending.pk, "campaign_id": campaign.pk,
            "decision_id": Decision.objects.latest("id").pk, "ban_id": ban.pk,
            "email": pending.author_email}


@pytest.fixture
def api_schema(settings, known):
    """The app's own OpenAPI document, loaded from the running application."""
    from civility.wsgi import application

    settings.CIVILITY_SUBMIT_RATE_PER_IP = None  # reach the endpoints, not only the limiter
    settings.CIVILITY_SUBMIT_RATE_PER_EMAIL = None
    settings.CIVILITY_TRIAGE_RATE_PER_IP = None
    # as Django's test client does: requests must not close the test's transaction
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def fuzz(api_schema, known: dict[str, object], headers: dict[str, str]) -> int:
    """Run every operation in both generation modes, and again with path parameters naming
    rows that exist; returns how many requests were sent."""
    sent = 0
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10  # every endpoint is in the document
    for operation in operations:
        names = {p.name for p in operation.path_parameters}
        passes = [(GenerationMode.POSITIVE, None), (GenerationMode.NEGATIVE, None)]
        if names:
            passes.append((GenerationMode.POSITIVE, {name: known[name] for name in names}))
        for mode, path_parameters in passes:
            @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
            def run(case):
                nonlocal sent
                sent += 1
                case.call_and_validate(headers=headers, checks=CHECKS)

            try:
                run()
            except Unsatisfiable:  # nothing can break the schema of an operation without input
                assert mode is GenerationMode.NEGATIVE
    return sent


def test_anonymous_callers(api_schema, known):
    assert fuzz(api_schema, known, {}) > 0


def test_a_moderator(api_schema, known):
    token = token_create(user=make_user(Role.MODERATOR, "fuzz-moderator"))
    assert fuzz(api_schema, known, {"Authorization": f"Bearer {token}"}) > 0


def test_every_schema_of_the_api_has_its_own_name():
    """ninja names an OpenAPI component after its class: two rooms' ``PersonOut`` would share one."""
    import ast
    from pathlib import Path

    names: dict[str, str] = {}
    for path in sorted((Path(__file__).resolve().parents[2] / "civility" / "api").glob("*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef) and node.name.endswith(("In", "Out")):
                assert node.name not in names, f"{node.name} in {path} and {names[node.name]}"
                names[node.name] = str(path)
