"""The queue's response schemas validate plain dicts with pydantic alone (DictSchema), with
the same result as django-ninja's attribute-reading path, and still reject bad data."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import ninja.schema
import pytest
from ninja.responses import NinjaJSONEncoder
from pydantic import ValidationError

from civility.api.schemas import DictSchema, QueueItem, QueueOut, TriageReportOut
from tests.conftest import submit
from tests.querycount import busy_queue


def _item(**triage) -> dict:
    return {
        "id": 7, "status": "pending", "body": "b", "body_html": "<p>b</p>",
        "created_at": dt.datetime(2024, 3, 9, 23, 58, 7, 123456, tzinfo=dt.UTC),
        "article": {"key": "k", "title": "T", "url": "", "body": "not in the schema"},
        "parent": {"id": 3, "author_name": "Ani", "body_html": "<p>p</p>"},
        "author": {"name": "V", "email": "v@example.org", "username": None, "is_author": False,
                   "ip_address": "203.0.113.9"},
        "triage": {"scores": {"insult": 1, "spam": 0.25}, "lang": "en", "duplicate_of": None, "campaign": None,
                   "flags": [{"label": "insult", "score": 1, "spans": [[0, 1]], "reason": "r", "signal": "x"}],
                   "risk": 1, "complete": True, **triage},
        "history": {"approved": 1, "rejected": 0, "pending": 2},
    }


def _objects(value, key: str = ""):
    """The same data as attributes (what ninja's DjangoGetter path reads), at every level
    (except the dict-typed field, scores)."""
    if isinstance(value, dict) and key != "scores":
        return SimpleNamespace(**{k: _objects(v, k) for k, v in value.items()})
    if isinstance(value, list):
        return [_objects(v) for v in value]
    return value


class _Counting(ninja.schema.DjangoGetter):
    made = 0

    def __init__(self, *args, **kwargs):
        type(self).made += 1
        super().__init__(*args, **kwargs)


@pytest.fixture
def getters(monkeypatch):
    _Counting.made = 0
    monkeypatch.setattr(ninja.schema, "DjangoGetter", _Counting)
    return _Counting


def test_dicts_skip_the_getter_and_validate_the_same(getters):
    data = {"count": 1, "comments": [_item()], "next": None}
    fast = QueueOut.model_validate(data)
    assert getters.made == 0
    slow = QueueOut.model_validate(_objects(data))
    assert getters.made > 5  # the ninja way, at every level
    assert fast.model_dump() == slow.model_dump()
    item = fast.model_dump()["comments"][0]
    assert item["triage"]["risk"] == 1.0 and isinstance(item["triage"]["risk"], float)  # coerced as before
    assert item["triage"]["scores"] == {"insult": 1.0, "spam": 0.25}
    assert item["triage"]["flags"] == [{"label": "insult", "score": 1.0, "spans": [[0, 1]], "reason": "r"}]
    assert item["article"] == {"key": "k", "title": "T", "url": ""}  # keys outside the schema dropped


@pytest.mark.parametrize("bad", [{"risk": "high"}, {"flags": [{"label": "x"}]}, {"scores": None}])
def test_bad_dicts_still_fail_validation(bad):
    with pytest.raises(ValidationError):
        QueueItem.model_validate(_item(**bad))


def test_missing_fields_fail_but_defaults_apply():
    item = _item()
    del item["history"]
    with pytest.raises(ValidationError):
        QueueItem.model_validate(item)
    assert QueueItem.model_validate({**_item(), "triage": None}).triage is None  # documented as nullable


def test_every_queue_schema_takes_dicts_directly():
    from civility.api import schemas

    queue_parts = [schemas.QueueOut, schemas.QueueItem, schemas.QueueArticle, schemas.QueueParent,
                   schemas.QueueAuthor, schemas.TriageOut, schemas.TriageFlag, schemas.TriageCampaign,
                   schemas.CommenterHistory, TriageReportOut]
    assert all(issubclass(cls, DictSchema) for cls in queue_parts)


@pytest.mark.django_db
def test_queue_api_answers_what_ninja_validation_gave(article, moderator, mod_api, getters):
    busy_queue(article, moderator, 12)
    bare = submit(article, "never triaged", email="bare@example.org")
    bare.triage.delete()
    status, body = mod_api.get("/api/v1/moderation/queue", limit=200)
    assert status == 200 and len(body["comments"]) == 13
    assert getters.made <= 2  # the query parameters and ninja's response wrapper, not one an item
    from civility.api.moderation import queue_item
    from civility.moderation.selectors import queue_list

    page = queue_list(user=moderator, limit=200)
    data = {"count": page.total, "comments": [queue_item(c, page.history.get(c.pk)) for c in page.items],
            "next": None}
    expected = json.loads(json.dumps(QueueOut.model_validate(_objects(data)).model_dump(), cls=NinjaJSONEncoder))
    assert getters.made > 0
    assert body == expected
    assert {c["id"]: c["triage"] for c in body["comments"]}[bare.pk] is None
    assert any(c["triage"] and c["triage"]["campaign"] for c in body["comments"])
