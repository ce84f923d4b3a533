"""Defect 9 of the hardening issue: what moderators and operators read must say what was sent.

- overlapping flag marks explain themselves in one tooltip, one line each, without markup;
- request paths with control characters (NUL, newlines) are escaped in the log;
- bidirectional controls in author names cannot make "U+202E nimda" read as "admin".
"""

import html
import io
import logging
import re

import pytest
from django.test import Client

from civility.log import EscapeControls
from civility.moderation.explain import highlight
from tests.conftest import submit

RLO = "\u202e"


def _titles(markup: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r'title="([^"]*)"', markup)]


def test_overlapping_marks_share_one_tooltip_without_markup():
    body = "you are a total idiot and a fool"
    marks = [(16, 21, "Insult 0.91: the word idiot", "insult"), (10, 27, "Toxic 0.80: a rude phrase", "toxic")]
    markup = highlight(body, marks)
    [title] = _titles(markup)
    assert title == "Toxic 0.80: a rude phrase\nInsult 0.91: the word idiot"
    assert "<br" not in title
    assert markup.count("<mark") == 1


def test_a_newline_in_a_marked_comment_still_breaks_the_line_outside_tooltips():
    markup = highlight("first line\nsecond idiot line", [(18, 23, "Insult 0.9: idiot", "insult")])
    assert "first line<br>second" in markup


def _record(message: str, *args) -> logging.LogRecord:
    return logging.LogRecord("django.request", logging.WARNING, __file__, 1, message, args, None)


@pytest.mark.parametrize(("path", "shown"), [
    ("/a\x00b", "/a\\x00b"),
    ("/x\n[CRITICAL] forged line", "/x\\n[CRITICAL] forged line"),
    ("/\x1b[31mred", "/\\x1b[31mred"),
    (f"/{RLO}nimda", "/\\u202enimda"),
])
def test_control_characters_in_a_logged_path_are_escaped(path, shown):
    record = _record("Not Found: %s", path)
    assert EscapeControls().filter(record) is True
    assert record.getMessage() == f"Not Found: {shown}"


def test_ordinary_messages_and_tracebacks_are_left_alone():
    record = _record("Not Found: %s", "/articles/ünïcode-ключ/")
    EscapeControls().filter(record)
    assert record.getMessage() == "Not Found: /articles/ünïcode-ключ/"
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    text = logging.Formatter().format(record)
    assert "\nTraceback" in text  # the traceback keeps its lines


@pytest.mark.django_db
def test_a_404_for_a_path_with_nul_is_logged_escaped():
    """Through the project's logging configuration: the console handler escapes."""
    [handler] = [h for h in logging.getLogger().handlers if any(isinstance(f, EscapeControls) for f in h.filters)]
    written = io.StringIO()
    previous = handler.setStream(written)
    try:
        r = Client().get("/no-such-page/a%00b%0Aforged/")  # (no database lookup: defect 5 is elsewhere)
    finally:
        handler.setStream(previous)
    assert r.status_code == 404
    text = written.getvalue()
    assert "Not Found: /no-such-page/a\\x00b\\nforged/" in text
    assert "\x00" not in text
    assert not any(line.startswith("forged") for line in text.splitlines())


@pytest.mark.django_db
@pytest.mark.parametrize("name", [f"{RLO}nimda", f"\u2067{RLO}nimda\u2069", "\u202dad\u202cmin\u200f"])
def test_bidi_controls_are_removed_from_author_names(article, name):
    comment = submit(article, name=name)
    comment.refresh_from_db()
    assert not any(ch in comment.author_name for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                                                         "\u200e\u200f\u061c")
    assert comment.author_name in {"nimda", "admin"}


@pytest.mark.django_db
def test_a_name_of_only_bidi_controls_is_refused(article):
    from civility.errors import InvalidInput

    with pytest.raises(InvalidInput) as caught:
        submit(article, name=f"{RLO}\u202c")
    assert "author_name" in caught.value.fields


@pytest.mark.django_db
def test_the_queue_isolates_author_names(article, moderator, client):
    from civility.comments.models import Comment

    comment = submit(article, name="Reader")
    # a name stored before names were cleaned: isolated, it cannot reorder the text around it
    Comment.objects.filter(pk=comment.pk).update(author_name=f"{RLO}nimda")
    client.force_login(moderator)
    page = client.get("/moderation/").content.decode()
    assert '<strong class="qauthor"><bdi>nimda</bdi></strong>' in page
    assert RLO not in page
