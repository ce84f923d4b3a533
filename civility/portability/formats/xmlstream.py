"""Reading big XML exports element by element (defusedxml's iterparse), with clear errors.

Only the element being handled is in memory: each handled element is cleared, and the
document's root forgets its finished children. defusedxml refuses entity declarations and
external references, so a hostile file cannot expand or reach out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from civility.portability.records import MalformedFile


def local(tag: str) -> str:
    """``{namespace}name`` → ``name``."""
    return tag.rpartition("}")[2]


def child_text(elem: ET.Element, name: str, default: str = "") -> str:
    """The text of the first child called ``name`` (any namespace)."""
    for child in elem:
        if local(child.tag) == name:
            return (child.text or "").strip() if name != "message" else (child.text or "")
    return default


def child(elem: ET.Element, name: str) -> ET.Element | None:
    for c in elem:
        if local(c.tag) == name:
            return c
    return None


def elements(path: Path, names: set[str], *, depth: int) -> Iterator[tuple[ET.Element, int]]:
    """Each finished element whose local name is in ``names`` and that sits ``depth`` levels
    below the root, with its ordinal among them. Elements are cleared once the caller moves on."""
    stack: list[ET.Element] = []
    n = 0
    try:
        for event, elem in iterparse(path, events=("start", "end")):
            if event == "start":
                stack.append(elem)
                continue
            stack.pop()
            if len(stack) == depth and local(elem.tag) in names:
                n += 1
                yield elem, n
                elem.clear()
                if stack:  # the finished element is no longer needed by its parent
                    stack[-1].remove(elem)
    except ET.ParseError as exc:
        line, column = exc.position
        raise MalformedFile(str(exc).split(":")[0], position=f"line {line}, column {column + 1}") from exc
    except DefusedXmlException as exc:
        raise MalformedFile(f"refused: {exc}") from exc
