"""Signals are registered under versioned names (``wordlist.v1``).

A signal is a class with ``requires`` (doc attributes it reads), ``assigns``
(doc attributes it sets, and ``labels`` it may add findings for) and a
``__call__(doc)``. Built-ins are registered in :mod:`civility.triage.factories`;
other packages add theirs through the ``civility.signals`` entry-point group,
each entry point naming a signal class. Both paths use this one registry.

    @register("shouting.v1")
    class Shouting(Signal):
        requires = ()
        labels = ("spam",)

        def __call__(self, doc):
            if doc.text.isupper():
                doc.add(Finding("spam", 0.3, "all capitals"))
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any, ClassVar

from civility.triage.types import Doc

ENTRY_POINT_GROUP = "civility.signals"


class Signal:
    """Base class for signals. Options from settings arrive as keyword arguments."""

    name: ClassVar[str] = ""  # set by @register, e.g. "wordlist.v1"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()
    labels: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **options: Any) -> None:
        if options:
            raise TypeError(f"unexpected options: {', '.join(sorted(options))}")

    def __call__(self, doc: Doc) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def remember(self, doc: Doc) -> None:
        """Called once the comment behind ``doc`` is stored (e.g. to index it). Optional."""

    @property
    def version(self) -> str:
        """What a stored report records; signals whose data changes add their data version."""
        return self.name


_REGISTRY: dict[str, type[Signal]] = {}
_LAZY: dict[str, str] = {}  # name → "module:Class", imported on first use
_loaded_plugins = False


def register_lazy(name: str, target: str) -> None:
    """Register a signal by import path, so that unused signals cost no import."""
    register(name)  # validates the name
    _LAZY[name] = target


def register(name: str) -> Callable[[type[Signal]], type[Signal]]:
    if "." not in name or not name.rsplit(".", 1)[1].startswith("v"):
        raise ValueError(f"signal names carry a version, like 'wordlist.v1' (got {name!r})")

    def decorate(cls: type[Signal]) -> type[Signal]:
        if name in _LAZY and name not in _REGISTRY:
            pass  # a lazily registered signal arriving
        elif name in _REGISTRY and _REGISTRY[name] is not cls:
            raise ValueError(f"signal {name!r} is already registered by {_REGISTRY[name].__module__}")
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return decorate


def _load() -> None:
    global _loaded_plugins
    from civility.triage import factories  # noqa: F401  (registers the built-ins)

    if not _loaded_plugins:
        _loaded_plugins = True
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            cls = ep.load()
            if ep.name not in _REGISTRY:
                register(ep.name)(cls)


def get(name: str) -> type[Signal]:
    _load()
    if name not in _REGISTRY and name in _LAZY:
        module, _, attr = _LAZY[name].partition(":")
        register(name)(getattr(import_module(module), attr))
    try:
        return _REGISTRY[name]
    except KeyError:
        raise LookupError(f"no triage signal named {name!r}; known: {', '.join(names())}") from None


def names() -> list[str]:
    _load()
    return sorted({*_REGISTRY, *_LAZY})
