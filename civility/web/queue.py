"""What the queue page shows for each pending comment, worked out in Python.

The page lists 50 comments with their triage chips and reasons. Left to the template, each
item took ~90 variable lookups (each one resolved, localised and escaped by the template
engine), ~6 ``floatformat`` calls, two ``{% url %}`` reversals and a loop over the rejection
reasons: most of the page's time. :func:`queue_rows` computes those values once, as
:class:`QueueRow` objects the template reads with plain lookups. The page's markup stays in
the template, except three small repeated fragments written here (the chips, the list of
reasons, the reason ``<option>`` list), with every value escaped. Other text is left for the
template to escape."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.template.defaultfilters import floatformat, timesince_filter
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from civility.comments.models import Comment
from civility.comments.names import name_clean
from civility.comments.rendering import body_to_html
from civility.moderation.explain import Explanation, explain
from civility.triage.signals.langid import DEFAULT_LANGUAGES, UNDETERMINED


@dataclass(frozen=True, slots=True)
class Chip:
    """One triage chip: a flagged label (with its reason) or a weak score."""

    label: str
    name: str
    score: str  #: as ``floatformat:2`` writes it
    reason: str = ""


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One pending comment as the queue page shows it."""

    id: str  #: the comment's id as text (it is in ids, names and labels, never localised)
    author_name: str
    author_email: str
    person_url: str  #: the commenter's person page (civility.web.people)
    ip_address: str | None
    is_author: bool
    created_iso: str  #: ``date:'c'``, in the current time zone
    created_title: str  #: ``date:'Y-m-d H:i'``, in the current time zone
    created_ago: str  #: ``timesince``
    article_url: str
    article_title: str
    parent: Comment | None  #: the comment this one replies to
    parent_author: str  #: its author's name
    parent_html: str  #: its body, rendered as on the thread
    flags: list[Chip]
    weak: list[Chip]
    flag_chips: SafeString  #: one chip a flag: its name and score, its reason on hover
    weak_chips: SafeString  #: one chip a score below the flag threshold
    reasons_html: SafeString  #: one ``<li>`` a flag
    lang: str
    risk: str  #: as ``floatformat:2`` writes it
    complete: bool
    body_html: SafeString
    history_text: str  #: the same, in words
    original: Comment | None  #: the same person's earlier comment this one repeats
    original_on_page: bool
    campaign: Any  #: the copy-paste campaign (a civility.triage Campaign), or None
    claimed_by: str = ""  #: the colleague on it ("Anna is on it"), if any


def two_places(value: Any, language: str | None = None) -> str:
    """``value|floatformat:2`` (in ``language``, by default the active one), remembered:
    scores are stored with four decimals, so pages repeat few distinct values, and the filter
    (Decimal arithmetic, localisation) costs ~25 µs a call."""
    try:
        return _two_places(value, language or get_language())
    except TypeError:  # unhashable: let the filter say what it makes of it
        return floatformat(value, 2)


@lru_cache(maxsize=16384)
def _two_places(value: Any, language: str | None) -> str:
    return floatformat(value, 2)


# Django's escape() is html.escape() behind a lazy-string check that costs more than the
# escaping; these strings are never lazy.
_FLAG_CHIP = '<span class="chip chip-{label}" title="{reason}">{name} <b>{score}</b></span>'
_WEAK_CHIP = '<span class="chip chip-weak" title="{title}">{name} {score}</span>'
_REASON = "<li><strong>{name}</strong>: {reason}</li>"


def flag_chips(flags: list[Chip]) -> SafeString:
    return mark_safe("".join(_FLAG_CHIP.format(label=escape(f.label), reason=escape(f.reason), name=escape(f.name),
                                               score=escape(f.score)) for f in flags))


def weak_chips(weak: list[Chip]) -> SafeString:
    title = escape(_("below the flag threshold"))
    return mark_safe("".join(_WEAK_CHIP.format(title=title, name=escape(w.name), score=escape(w.score)) for w in weak))


def reasons_html(flags: list[Chip]) -> SafeString:
    """Why each flag fired, one list item a flag."""
    return mark_safe("".join(_REASON.format(name=escape(f.name), reason=escape(f.reason)) for f in flags))


def number(n: int) -> str:
    """An integer as the template would write it (grouped only with USE_THOUSAND_SEPARATOR)."""
    return number_format(n) if settings.USE_THOUSAND_SEPARATOR else str(n)


def history_text(history: Mapping[str, int]) -> str:
    """What the commenter's earlier comments became, or that there were none."""
    approved, rejected, pending = (history.get(k, 0) for k in ("approved", "rejected", "pending"))
    if not (approved or rejected or pending):
        return _("First comment from this person")
    counts = {"approved": number(approved), "rejected": number(rejected), "pending": number(pending)}
    if pending:
        return _("Before: %(approved)s approved · %(rejected)s rejected · %(pending)s waiting") % counts
    return _("Before: %(approved)s approved · %(rejected)s rejected") % counts


def reason_options(reasons: Iterable[tuple[str, str]]) -> SafeString:
    """The ``<option>`` list of rejection reasons, numbered like their keyboard shortcuts."""
    return format_html_join("", '<option value="{}">{}. {}</option>',
                            ((value, i, label) for i, (value, label) in enumerate(reasons, 1)))


def report_of(comment: Comment) -> dict[str, Any] | None:
    """The comment's stored triage report, or None when triage never ran."""
    try:
        return comment.triage.report
    except ObjectDoesNotExist:
        return None


def queue_rows(items: list[Comment], *, history: Mapping[int, Mapping[str, int]],
               originals: Mapping[int, Comment], claimed_by: Mapping[int, str] | None = None) -> list[QueueRow]:
    """The rows of one queue page; ``originals``: the comments that items repeat, by id;
    ``claimed_by``: who else is on which of them."""
    on_page = {c.pk for c in items}
    language = get_language()
    article_urls: dict[str, str] = {}
    person_url = reverse("person-page", args=["__email__"])  # one reversal, not one per item
    rows = []
    for c in items:
        report = report_of(c)
        why: Explanation = explain(c.body, report)
        article = c.article
        if article.key not in article_urls:
            article_urls[article.key] = reverse("article-page", args=[article.key])
        created = template_localtime(c.created_at)
        parent = c.parent
        original = originals.get(c.triage.duplicate_of_id) if report else None
        flags = [Chip(f["label"], f["name"], two_places(f["score"], language), f["reason"]) for f in why.flags]
        weak = [Chip(w["label"], w["name"], two_places(w["score"], language)) for w in why.weak]
        rows.append(QueueRow(
            id=str(c.pk),
            author_name=name_clean(c.author_name),  # (names stored before they were cleaned)
            author_email=c.author_email,
            person_url=person_url.replace("__email__", quote(c.author_email, safe="@+")),
            ip_address=c.ip_address,
            is_author=c.is_author,
            # what the date filter writes for "c" and "Y-m-d H:i" (django.utils.dateformat)
            created_iso=created.isoformat(),
            created_title=f"{created.year:04d}-{created.month:02d}-{created.day:02d} "
                          f"{created.hour:02d}:{created.minute:02d}",
            created_ago=timesince_filter(c.created_at),
            article_url=article_urls[article.key],
            article_title=article.title,
            parent=parent,
            parent_author=name_clean(parent.author_name) if parent else "",
            parent_html=body_to_html(parent.body) if parent else "",
            flags=flags,
            weak=weak,
            flag_chips=flag_chips(flags),
            weak_chips=weak_chips(weak),
            reasons_html=reasons_html(flags),
            lang=why.lang,
            risk=two_places(why.risk, language),
            complete=why.complete,
            body_html=why.body_html,
            history_text=history_text(history.get(c.pk, {})),
            original=original,
            original_on_page=original is not None and original.pk in on_page,
            campaign=c.triage.campaign if report else None,
            claimed_by=(claimed_by or {}).get(c.pk, ""),
        ))
    return rows


def comment_languages() -> list[tuple[str, str]]:
    """The queue's language filter: what triage's language signal can tell apart, by name
    in the page's language, and "undetermined"."""
    codes: tuple[str, ...] = DEFAULT_LANGUAGES
    for step in settings.CIVILITY_TRIAGE_PIPELINE:
        if step.get("signal", "").startswith("langid.") and step.get("options", {}).get("languages"):
            codes = tuple(step["options"]["languages"])
    named = []
    for code in codes:
        try:
            named.append((code, str(get_language_info(code)["name_translated"])))
        except KeyError:
            named.append((code, code))
    named.sort(key=lambda pair: pair[1].casefold())
    return [*named, (UNDETERMINED, _("undetermined"))]
