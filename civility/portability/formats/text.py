"""Helpers the format modules share: HTML bodies to plain text, statuses, addresses."""

from __future__ import annotations

import html
import ipaddress
import re

_SKIP = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_BREAK = re.compile(r"<br\s*/?>", re.I)
_BLOCK = re.compile(r"</?(?:p|div|blockquote|li|pre|h[1-6]|ul|ol|tr)\b[^>]*>", re.I)
_LINK = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>(.*?)</a\s*>""", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[^\S\n]+")
_PARAGRAPHS = re.compile(r"\n\s*\n\s*")


def _link(match: re.Match) -> str:
    href = html.unescape(match.group(1) or match.group(2) or "")
    text = match.group(3)
    # keep where a link went when its text does not say it (bodies are plain text here)
    if href.startswith(("http://", "https://")) and href not in html.unescape(_TAG.sub("", text)):
        return f"{text} ({href})"
    return text


def html_to_text(markup: str) -> str:
    """Plain text of a comment written as HTML: paragraphs and line breaks kept, tags dropped,
    entities decoded. Civility stores bodies as plain text and escapes them on the way out.
    Regular expressions, not a parser: comment HTML is simple, and an import reads 100,000 of them."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    text = _SKIP.sub("", markup.replace("\r", ""))
    text = _LINK.sub(_link, text)
    text = _BREAK.sub("\n", text)
    text = _BLOCK.sub("\n\n", text)
    text = html.unescape(_TAG.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _PARAGRAPHS.sub("\n\n", "\n".join(lines)).strip()


def valid_ip(value: str | None) -> str | None:
    """The address when it is one (some sources store hashes or nothing), else None."""
    if not value:
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes"}
