"""Civility's own JSON Lines: clear errors naming the line, nothing stored on failure."""

import pytest
from django.core.management.base import CommandError

from civility.comments.models import Comment
from tests.portability.helpers import database_state, run_import

pytestmark = pytest.mark.django_db

ARTICLE = '{"type":"article","key":"a1","title":"A","site":"gazette"}'
COMMENT = ('{"type":"comment","id":1,"article":"a1","parent_id":null,"body":"Hi","status":"approved",'
           '"author_name":"N","author_email":"n@example.org","created_at":"2024-01-01T00:00:00Z"}')


@pytest.mark.parametrize(("line", "message"), [
    ('{"type":"comment","id":2,', r"line 3, column \d+: not JSON"),
    ('["a list"]', "line 3: expected a JSON object"),
    ('{"type":"reaction","id":2}', "line 3: .*unknown type 'reaction'"),
    (COMMENT.replace('"id":1', '"id":2').replace("approved", "spam"), r"line 3: .*status 'spam'"),
    (COMMENT.replace('"id":1', '"id":2').replace('"body":"Hi",', ""), "line 3: comment line: missing field 'body'"),
    (COMMENT.replace('"id":1', '"id":2').replace("2024-01-01", "yesterday"), "line 3: .*Invalid isoformat"),
    (COMMENT.replace('"id":1', '"id":2').replace('"a1"', '"a2"'), "line 3: comment 2 belongs to the thread 'a2'"),
])
def test_a_bad_line_is_named_and_nothing_is_stored(site, tmp_path, line, message):
    (tmp_path / "bad.jsonl").write_text("\n".join([ARTICLE, COMMENT, line]) + "\n")
    before = database_state()
    with pytest.raises(CommandError, match=message):
        run_import("civility", tmp_path / "bad.jsonl")
    assert database_state() == before


def test_bytes_that_are_not_utf8(site, tmp_path):
    (tmp_path / "bad.jsonl").write_bytes((ARTICLE + "\n").encode() + b'{"type":"article","key":"\xff"}\n')
    with pytest.raises(CommandError, match="line 2"):
        run_import("civility", tmp_path / "bad.jsonl")
    assert not Comment.objects.exists()
