"""Storing an import: one service for every format.

``import_run(format="disqus", path=…, site_slug="gazette")`` reads the file through its
importer (``civility.portability.formats``) and stores the records:

- **all or nothing**: one transaction; a malformed file (:class:`MalformedFile`, with its
  position) leaves the database as it was;
- **idempotent**: each stored record is remembered (``ImportedItem``: source, site, ref), so
  a second run adds nothing, and a comment deleted after an import does not come back;
- **streamed**: comments are inserted 1,000 at a time as the file is read; what is kept in
  memory is the small map from each source id to its row (for replies and re-runs);
- **threads and times kept**: a reply is linked to its parent (also when the parent comes
  later in the file) and keeps its ``created_at``;
- **triaged in the background**: once the import commits, ``civility worker`` triages the new
  comments (``portability.tasks.triage_imported``), so that the commenter history and the
  duplicate and campaign indexes know them.
"""

from __future__ import annotations

import contextlib
import logging
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from civility.accounts.models import Role, User
from civility.background.queue import enqueue_on_commit
from civility.comments.models import Comment, Status
from civility.comments.names import name_clean
from civility.errors import InvalidInput, NotFound, PermissionDenied
from civility.i18n import languages
from civility.moderation.models import Action, Decision
from civility.portability.formats import IMPORTERS, importer_for
from civility.portability.models import ImportedItem
from civility.portability.records import ArticleRecord, CommentRecord, DecisionRecord, MalformedFile, Skipped
from civility.publishing.models import Article, Site
from civility.publishing.services import article_public_changed

log = logging.getLogger(__name__)

BATCH = 1000
TRIAGE_CHUNK = 500
ANONYMOUS = "Anonymous"
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
_SKIP_MISSING_PARENT = "replies to a comment not in the file (kept as top-level comments)"
_SKIP_OTHER_ARTICLE = "replies to a comment on another article (kept as top-level comments)"
_SKIP_DECISION = "decisions about comments not in the file"


@dataclass
class ImportSummary:
    format: str
    site: str
    #: (kind, outcome) → count; outcome is "created" or "existing"
    counts: Counter = field(default_factory=Counter)
    #: status of each comment created
    statuses: Counter = field(default_factory=Counter)
    #: what was left out or changed, and how often
    notes: Counter = field(default_factory=Counter)
    #: comments queued for triage
    triage_queued: int = 0


@contextlib.contextmanager
def _keeping_timestamps() -> Iterator[None]:
    """Let imported rows keep their dates. Django fills ``auto_now_add`` fields on every insert
    with no way to pass a value, so the flag is lifted for the import (the command line's one
    thread; never in a web process)."""
    fields = [Comment._meta.get_field("created_at"), Article._meta.get_field("created_at"),
              Decision._meta.get_field("created_at")]
    saved = [f.auto_now_add for f in fields]
    for f in fields:
        f.auto_now_add = False
    try:
        yield
    finally:
        for f, value in zip(fields, saved, strict=True):
            f.auto_now_add = value


def import_run(*, user: Any = None, format: str, path: Path, site_slug: str | None = None,
               progress: Callable[[int], None] | None = None) -> ImportSummary:
    """Import ``path`` in ``format`` into the site ``site_slug``; the summary of what happened.

    ``user`` is None for the command line (an operator), else it must be an admin. ``site_slug`` may be left out when
    there is one site, or for Civility's own export (whose articles name their sites).
    ``progress`` is called with the number of records read so far, every few hundred.
    Raises InvalidInput / NotFound for bad arguments and MalformedFile for a bad file.
    """
    if user is not None and not getattr(user, "is_superuser", False) and getattr(user, "role", "") != Role.ADMIN:
        raise PermissionDenied("Only admins can import comments.")
    if format not in IMPORTERS:
        raise InvalidInput(f"Unknown format {format!r}; choose one of {', '.join(IMPORTERS)}.",
                           fields={"format": "unknown format"})
    if not path.is_file():
        raise NotFound(f"There is no file {str(path)!r}.", code="file_not_found")
    importer = importer_for(format)
    site = _site(site_slug, own_export=format == "civility")
    summary = ImportSummary(format=format, site=site.slug if site else "")
    with transaction.atomic(), _keeping_timestamps():
        store = _Store(source=format, site=site, summary=summary)
        for n, record in enumerate(importer.records(path), start=1):
            store.add(record)
            if progress is not None and n % 250 == 0:
                progress(n)
        store.finish()
    return summary


def _site(slug: str | None, *, own_export: bool) -> Site | None:
    if slug:
        site = Site.objects.filter(slug=slug).first()
        if site is None:
            raise NotFound(f"There is no site with the slug {slug!r}.", code="site_not_found")
        return site
    if own_export:
        return None  # each article names its site
    sites = list(Site.objects.order_by("pk")[:2])
    if len(sites) == 1:
        return sites[0]
    raise InvalidInput("Choose the site to import into with --site SLUG." if sites else
                       "There is no site yet to import into; create one first.", fields={"site": "required"})


@dataclass
class _Articles:
    """One site's articles, for matching records to them."""

    ids: set[int] = field(default_factory=set)
    by_url: dict[str, int] = field(default_factory=dict)
    by_key: dict[str, int] = field(default_factory=dict)
    #: by the path of their address, without its last slash (Isso knows threads by path)
    by_path: dict[str, int] = field(default_factory=dict)

    def add(self, article: Article) -> None:
        self.ids.add(article.pk)
        self.by_key[article.key] = article.pk
        if article.url:
            self.by_url.setdefault(article.url, article.pk)
            self.by_path.setdefault(urlsplit(article.url).path.rstrip("/"), article.pk)


class _Store:
    """Turns the stream of records into rows, in batches (inside the caller's transaction)."""

    def __init__(self, *, source: str, site: Site | None, summary: ImportSummary) -> None:
        self.source = source
        self.site = site
        self.summary = summary
        self.sites: dict[str, Site] = {}
        #: article ref → (article id, site id), for the comments that follow
        self.articles: dict[str, tuple[int, int]] = {}
        self.article_site: dict[int, int] = {}
        self.by_site: dict[int, _Articles] = {}
        #: every article key in the database (keys are unique across sites), once a new one is needed
        self.keys: set[str] | None = None
        #: (kind, site id, ref) → row id, from earlier runs and this one (0: not inserted yet)
        self.known: dict[tuple[str, int, str], int] = {
            (kind, site_id, ref): object_id for kind, site_id, ref, object_id in
            ImportedItem.objects.filter(source=source).values_list("kind", "site_id", "ref", "object_id").iterator()}
        #: comment id → (article id, root id) for comments that replies may need
        self.place: dict[int, tuple[int, int | None]] = {}
        #: reply id → its parent's key, until the parent is stored and placed
        self.waiting: dict[int, tuple[str, int, str]] = {}
        self.pending: list[tuple[Comment, str, tuple[str, int, str] | None]] = []
        self.pending_decisions: list[tuple[Decision, str, int]] = []
        self.created: list[int] = []
        self.public: set[int] = set()
        self.users: dict[str, int | None] = {}

    # -- records --------------------------------------------------------------------------------

    def add(self, record: ArticleRecord | CommentRecord | DecisionRecord | Skipped) -> None:
        if isinstance(record, CommentRecord):
            self._comment(record)
        elif isinstance(record, ArticleRecord):
            self._article(record)
        elif isinstance(record, DecisionRecord):
            self._decision(record)
        else:
            self.summary.notes[record.reason] += 1

    def _site_of(self, record: ArticleRecord) -> Site:
        if self.site is not None:
            return self.site
        slug = record.site or "imported"
        if slug not in self.sites:
            self.sites[slug], _ = Site.objects.get_or_create(slug=slug, defaults={"name": record.site_name or slug})
        return self.sites[slug]

    def _article(self, r: ArticleRecord) -> None:
        site = self._site_of(r)
        here = self._site_articles(site)
        key = ("article", site.pk, r.ref)
        article_id = self.known.get(key)
        if article_id and article_id in here.ids:
            self.summary.counts["article", "existing"] += 1
        else:
            article_id = self._match(here, r)
            if article_id is None:
                article = Article.objects.create(
                    site=site, key=self._new_key(r), title=(r.title or r.url or r.ref)[:300],
                    url=r.url if len(r.url) <= 200 and r.url.startswith(("http://", "https://")) else "",
                    body=r.body, comments_open=r.comments_open,
                    created_at=r.created_at or timezone.now())
                article_id = article.pk
                here.add(article)
                self.summary.counts["article", "created"] += 1
            else:
                self.summary.counts["article", "matched"] += 1
            if key in self.known:  # its article was deleted since an earlier run
                ImportedItem.objects.filter(source=self.source, site=site, kind="article",
                                            ref=r.ref[:255]).update(object_id=article_id)
            else:
                ImportedItem.objects.create(source=self.source, site=site, kind="article", ref=r.ref[:255],
                                            object_id=article_id)
            self.known[key] = article_id
        self.articles[r.ref] = (article_id, site.pk)
        self.article_site[article_id] = site.pk

    def _site_articles(self, site: Site) -> _Articles:
        """The site's articles by address and key, read once (a site has thousands, not millions)."""
        if site.pk not in self.by_site:
            here = self.by_site[site.pk] = _Articles()
            for article in Article.objects.filter(site=site).only("pk", "key", "url").iterator():
                here.add(article)
        return self.by_site[site.pk]

    def _match(self, here: _Articles, r: ArticleRecord) -> int | None:
        """An article already here for the record: same address, or same key on this site."""
        if r.url.startswith(("http://", "https://")) and r.url in here.by_url:
            return here.by_url[r.url]
        if r.url.startswith("/") and r.url.rstrip("/") in here.by_path:  # a path (Isso)
            return here.by_path[r.url.rstrip("/")]
        if r.key and _KEY.match(r.key):
            return here.by_key.get(r.key)
        return None

    def _new_key(self, r: ArticleRecord) -> str:
        """A valid key no other article has: the record's, else a slug of its address or title."""
        if self.keys is None:
            self.keys = set(Article.objects.values_list("key", flat=True).iterator())
        base = r.key if r.key and _KEY.match(r.key) else ""
        if not base and r.url:
            path = re.sub(r"^[a-z]+://[^/]+", "", r.url).strip("/")
            base = slugify(path.replace("/", "-"))[:180]
        base = base or slugify(r.title)[:180] or f"imported-{slugify(r.ref)[:40] or uuid.uuid4().hex[:8]}"
        base = base.lstrip("-_.") or "imported"
        key, n = base, 1
        while key in self.keys:
            n += 1
            key = f"{base[:190]}-{n}"
        self.keys.add(key)
        return key

    def _comment(self, r: CommentRecord) -> None:
        if r.article_ref not in self.articles:
            raise MalformedFile(f"comment {r.ref} belongs to the thread {r.article_ref!r}, which is not defined "
                                f"before it", position=r.position)
        article_id, site_id = self.articles[r.article_ref]
        key = ("comment", site_id, r.ref)
        if key in self.known:
            self.summary.counts["comment", "existing"] += 1
            return
        comment = Comment(
            article_id=article_id, author_name=(name_clean(r.author_name) or ANONYMOUS)[:80],
            author_email=r.author_email.strip().lower()[:254], body=r.body, status=r.status,
            created_at=r.created_at or timezone.now(), ip_address=r.ip_address, user_agent=r.user_agent[:400],
            ui_lang=languages.supported(r.ui_lang) or "", user_id=self._user(r.username),
        )
        self.known[key] = 0
        parent_key = ("comment", site_id, r.parent_ref) if r.parent_ref else None
        parent = self.known.get(parent_key) if parent_key else None
        if parent and parent in self.place and parent not in self.waiting:  # stored and placed: link now
            parent_article, parent_root = self.place[parent]
            if parent_article == article_id:
                comment.parent_id, comment.root_id = parent, parent_root or parent
            else:
                self.summary.notes[_SKIP_OTHER_ARTICLE] += 1
            parent_key = None
        self.pending.append((comment, r.ref, parent_key))
        self.summary.statuses[r.status] += 1
        if r.status == Status.APPROVED:
            self.public.add(article_id)
        if len(self.pending) >= BATCH:
            self._flush()

    def _user(self, username: str | None) -> int | None:
        if not username:
            return None
        if username not in self.users:
            self.users[username] = User.objects.filter(username=username).values_list("pk", flat=True).first()
        return self.users[username]

    def _decision(self, r: DecisionRecord) -> None:
        self._flush()
        if r.action not in Action.values:
            raise MalformedFile(f"decision {r.ref}: unknown action {r.action!r}")
        article = self.articles.get(str(r.snapshot.get("article_key", "")))
        site_id = article[1] if article else None
        comment_id = self.known.get(("comment", site_id, r.comment_ref)) if site_id else None
        if not comment_id:
            self.summary.notes[_SKIP_DECISION] += 1
            return
        key = ("decision", site_id, r.ref)
        if key in self.known:
            self.summary.counts["decision", "existing"] += 1
            return
        undoes = ("decision", site_id, r.undoes_ref) if r.undoes_ref else None
        if undoes and self.known.get(undoes) == 0:
            self._flush_decisions()
        actor_id = self._user(r.actor)
        snapshot = {**r.snapshot, "article_id": article[0] if article else None}
        parent = r.snapshot.get("parent_id")
        snapshot["parent_id"] = self.known.get(("comment", site_id, str(parent))) if parent is not None else None
        if r.actor and actor_id is None:
            snapshot["actor"] = r.actor  # no such user here: the name is kept, the row shows no account
        try:
            batch = uuid.UUID(r.batch) if r.batch else uuid.uuid4()
        except ValueError:
            batch = uuid.uuid4()
        self.pending_decisions.append((Decision(
            comment_id=comment_id, actor_id=actor_id, action=r.action, reason=r.reason, note=r.note,
            from_status=r.from_status, to_status=r.to_status, undoes_id=self.known.get(undoes) if undoes else None,
            batch=batch, created_at=r.created_at or timezone.now(), snapshot=snapshot), r.ref, site_id))
        self.known[key] = 0
        if len(self.pending_decisions) >= BATCH:
            self._flush_decisions()

    # -- writing ----------------------------------------------------------------------------------

    def _flush(self) -> None:
        if not self.pending:
            return
        Comment.objects.bulk_create([c for c, _, _ in self.pending])
        items = []
        for c, ref, parent in self.pending:
            site_id = self.article_site[c.article_id]
            items.append(ImportedItem(source=self.source, site_id=site_id, kind="comment", ref=ref[:255],
                                      object_id=c.pk))
            self.known["comment", site_id, ref] = c.pk
            self.place[c.pk] = (c.article_id, c.root_id)
            self.created.append(c.pk)
            if parent is not None:
                self.waiting[c.pk] = parent
        _remember(items)
        self.summary.counts["comment", "created"] += len(items)
        self.pending.clear()
        self._link()

    def _link(self) -> None:
        """Give waiting replies their parent and root, parents first, once the parents are placed."""
        if not self.waiting:
            return
        earlier = {pk for key in self.waiting.values() if (pk := self.known.get(key)) and pk not in self.place}
        if earlier:  # parents stored by an earlier run
            for pk, article_id, root_id in Comment.objects.filter(pk__in=earlier).values_list("pk", "article_id",
                                                                                               "root_id"):
                self.place[pk] = (article_id, root_id)
        changed: list[tuple[int, int, int]] = []
        progress = True
        while progress:
            progress = False
            for child, parent_key in list(self.waiting.items()):
                parent = self.known.get(parent_key)
                if not parent or parent not in self.place or parent in self.waiting:
                    continue
                del self.waiting[child]
                progress = True
                parent_article, parent_root = self.place[parent]
                article_id = self.place[child][0]
                if parent_article != article_id:
                    self.summary.notes[_SKIP_OTHER_ARTICLE] += 1
                    continue
                root = parent_root or parent
                self.place[child] = (article_id, root)
                changed.append((parent, root, child))
        if changed:  # one statement run for many rows: Django's bulk_update builds a CASE per batch, ten times slower
            table = Comment._meta.db_table
            with connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {table} SET parent_id = %s, root_id = %s WHERE id = %s",  # noqa: S608
                                   changed)  # (the table name is ours, the values are parameters)

    def _flush_decisions(self) -> None:
        if not self.pending_decisions:
            return
        Decision.objects.bulk_create([d for d, _, _ in self.pending_decisions])
        _remember([ImportedItem(source=self.source, site_id=site_id, kind="decision", ref=ref[:255], object_id=d.pk)
                   for d, ref, site_id in self.pending_decisions])
        for d, ref, site_id in self.pending_decisions:
            self.known["decision", site_id, ref] = d.pk
        self.summary.counts["decision", "created"] += len(self.pending_decisions)
        self.pending_decisions.clear()

    def finish(self) -> None:
        self._flush()
        self._flush_decisions()
        if self.waiting:
            self.summary.notes[_SKIP_MISSING_PARENT] += len(self.waiting)
        if self.public:
            article_public_changed(article_ids=self.public)
        from civility.portability import tasks

        for start in range(0, len(self.created), TRIAGE_CHUNK):
            enqueue_on_commit(tasks.triage_imported, self.created[start:start + TRIAGE_CHUNK])
        self.summary.triage_queued = len(self.created)


def _remember(items: list[ImportedItem]) -> None:
    """Insert the map rows in one prepared statement run many times: a third of the import's time
    went into Django's bulk_create of these small rows, which the caller never reads back."""
    meta = ImportedItem._meta
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    columns = ", ".join(meta.get_field(f).column for f in ("source", "site", "kind", "ref", "object_id", "created_at"))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {meta.db_table} ({columns}) VALUES (%s, %s, %s, %s, %s, %s)",  # noqa: S608
                           [(i.source, i.site_id, i.kind, i.ref, i.object_id, now) for i in items])


def imported_triage(comment_ids: list[int]) -> int:
    """Triage imported comments that have no report yet (each once, whoever runs it); how many."""
    from civility.triage.services import triage_comment

    done = 0
    for pk in comment_ids:
        with transaction.atomic():
            comment = (Comment.objects.select_for_update(skip_locked=True, of=("self",))
                       .filter(pk=pk, triage__isnull=True).first())
            if comment is None:
                continue
            triage_comment(comment, new=True)
            done += 1
    return done
