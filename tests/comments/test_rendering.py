import re

from hypothesis import given
from hypothesis import strategies as st

from civility.comments.rendering import body_to_html


def test_markup_is_escaped_not_interpreted():
    html = body_to_html('<script>alert(1)</script> <b onclick="x()">bold</b>')
    assert "<script" not in html
    assert "<b" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_urls_become_safe_links():
    html = body_to_html("Source: https://example.org/report?id=1&x=2 read it")
    assert '<a href="https://example.org/report?id=1&amp;x=2" rel="nofollow ugc noopener">' in html


def test_javascript_urls_are_not_linked():
    html = body_to_html("javascript:alert(1) and data:text/html,hi")
    assert "<a" not in html


def test_paragraphs_and_line_breaks():
    html = body_to_html("first line\nsecond line\n\nnew paragraph")
    assert html == "<p>first line<br>second line</p>\n\n<p>new paragraph</p>"


@given(st.text(max_size=300))
def test_only_allowed_tags_ever_come_out(text):
    html = body_to_html(text)
    tags = set(re.findall(r"<\s*/?\s*([a-zA-Z0-9]+)", html))
    assert tags <= {"a", "p", "br"}
    assert "<a " not in html or 'rel="nofollow ugc noopener"' in html
