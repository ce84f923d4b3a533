"""Log lines say what was sent, not what it would do to a terminal.

Request paths, names and headers reach log messages from anyone: a NUL byte, an escape
sequence or a newline in them would be written as is (a forged second line, a terminal
that changes colour, a file that tools stop reading as text). :class:`EscapeControls`,
on the console handler (``settings.LOGGING``), writes control characters and Unicode's
bidirectional controls in a message as Python escapes (``\\x00``, ``\\n``, ``\\u202e``).
Tracebacks are formatted after it and keep their lines.
"""

from __future__ import annotations

import logging
import re

from civility.comments.names import BIDI_CONTROLS

#: C0 and C1 controls, DEL, and the bidirectional controls
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + re.escape(BIDI_CONTROLS) + "]")


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def escape_controls(text: str) -> str:
    return _UNSAFE.sub(_escape, text)


class EscapeControls(logging.Filter):
    """Escapes the unsafe characters of a record's message (it never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _UNSAFE.search(message):
            record.msg, record.args = escape_controls(message), None
        return True
