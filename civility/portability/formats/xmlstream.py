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


def index(elem: ET.Element) -> dict[str, ET.Element]:
    """An element's children by local name (the first of each name), looked up once."""
    out: dict[str, ET.Element] = {}
    for c in elem:
        out.setdefault(local(c.tag), c)
    return out


def text(children: dict[str, ET.Element], name: str, default: str = "", *, strip: bool = True) -> str:
    """The text of the child called ``name``, stripped unless told not to."""
    c = children.get(name)
    if c is None:
        return default
    return (c.text or "").strip() if strip else (c.text or "")


def elements(path: Path, names: set[str], *, depth: int) -> Iterator[tuple[ET.Element, int]]:
    """Each finished element whose local name is in ``names`` and that sits ``depth`` levels
    below the root, with its ordinal among them. Elements are cleared once the caller moves on."""
    parents: list[ET.Element] = []  # the open elements above ``depth`` only
    level = 0
    n = 0
    try:
        for event, elem in iterparse(path, events=("start", "end")):
            if event == "start":
                if level < depth:
                    parents.append(elem)
                level += 1
                continue
            level -= 1
            if level < depth:
                parents.pop()
            elif level == depth and local(elem.tag) in names:
                n += 1
                yield elem, n
                elem.clear()
                parents[-1].remove(elem)  # the finished element is no longer needed by its parent
    except ET.ParseError as exc:
        line, column = exc.position
        raise MalformedFile(str(exc).split(":")[0], position=f"line {line}, column {column + 1}") from exc
    except DefusedXmlException as exc:
        raise MalformedFile(f"refused: {exc}") from exc
