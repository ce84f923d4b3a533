"""Seed the benchmark database through the ORM, fast, with rows shaped like real ones.

What :func:`seed` creates:

- two articles with approved threads: 100 and 2,000 comments, about a third of them replies;
- 100,000 pending comments spread over 20 articles (some replying to approved comments), from
  30,000 commenters, over the last two weeks, each with the ``TriageReport`` the real
  pipeline gave its text, ordered in the queue by that report's risk;
- the near-duplicate index (``NearDupBand``) of every distinct seeded text, so that posted
  comments are looked up against an index of realistic size;
- a moderator with an API token and a logged-in session;
- on PostgreSQL, planner statistics (``ANALYZE``), as autovacuum would gather them.

Texts come from ../shared/datasets (English, Turkish and Russian comments), else from the
triage benchmark's built-in sample. Triage is the slow part (~3 ms a text), so the pending
comments reuse :data:`PENDING_TEXTS` distinct texts (each about 33 times, posted by different
people); their reports are real pipeline output for exactly that text.
"""

from __future__ import annotations

import csv
import gzip
import random
from dataclasses import dataclass
from datetime import timedelta
from multiprocessing import get_context

from django.core.management.color import no_style
from django.db import connection, connections, transaction
from django.utils import timezone

from benchmarks.triage import DATASETS, SAMPLE

THREAD_SIZES = (100, 2_000)
PENDING = 100_000
PENDING_TEXTS = 3_000
QUEUE_ARTICLES = 20
COMMENTERS = 30_000
MAX_BODY = 2_000
REPLY_SHARE = 0.3
BATCH = 2_000
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@dataclass(frozen=True)
class Seeded:
    thread_keys: dict[int, str]  # approved comments → article key
    token: str
    session_cookie: str  # "sessionid=…"
    pending: int


@dataclass(frozen=True)
class Triaged:
    report: dict
    flag_labels: str
    risk: float
    lang: str
    text_hash: str
    bands: tuple[int, ...]


def corpus(rng: random.Random) -> tuple[list[str], str]:
    """Distinct comment texts, shuffled; and where they came from."""
    texts: dict[str, None] = {}
    files = sorted(DATASETS.glob("*.csv.gz"))
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                text = row["text"].strip()[:MAX_BODY].strip()
                if len(text) >= 20:
                    texts[text] = None
    if texts:
        source = f"{len(texts):,} distinct texts from {', '.join(p.name for p in files)}"
    else:
        texts = {f"{text} ({i})": None for i in range(2_000) for text in SAMPLE}
        source = "the built-in sample (../shared/datasets not found), numbered to keep texts distinct"
    out = list(texts)
    rng.shuffle(out)
    return out, source


def _triage_one(text: str) -> Triaged:
    from civility.triage import neardup, policy
    from civility.triage.pipeline import pipeline
    from civility.triage.types import Subject

    doc = pipeline().run(Subject(text=text))
    report = policy.assess(doc)
    # the duplicates signal left the text's MinHash (None for a short text): index what it would
    minhash = doc.attrs.get("minhash")
    bands = neardup.band_keys(minhash) if minhash is not None else ()
    return Triaged(report.stored(), report.flag_field(), report.risk, report.lang or "",
                   doc.attrs.get("text_hash", ""), bands)


def triage_texts(texts: list[str], *, processes: int) -> list[Triaged]:
    """The real pipeline's report for each text (text only: no history, no duplicates)."""
    from civility.triage.services import triage_text

    triage_text("load the models once, before forking")
    connections.close_all()  # each child opens its own
    with get_context("fork").Pool(processes) as pool:
        return pool.map(_triage_one, texts, chunksize=50)


class Writer:
    """Plain multi-row INSERTs with ids we choose: bulk_create's per-value work took most of a
    100,000-row seed. Values are adapted once per distinct text, not once per row."""

    def __init__(self) -> None:
        from civility.comments.models import Comment
        from civility.triage.models import TriageReport

        self.next_id = (Comment.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        self.report_field = TriageReport._meta.get_field("report")
        self.comments: list[tuple] = []
        self.reports: list[tuple] = []
        self.bands: list[tuple] = []
        self.adapted: dict[int, object] = {}  # id(Triaged) → its report, ready for the database

    def comment(self, *, article_id: int, body: str, status: str, created_at, triaged: Triaged, person: int,
                ip: str, parent: tuple[int, int] | None = None, index: bool = True) -> int:
        """Queue one comment (and its report, and its bands when ``index``); returns its id.
        ``parent`` is (parent id, root id)."""
        pk, self.next_id = self.next_id, self.next_id + 1
        name, email = commenter(person)
        self.comments.append((pk, article_id, parent[0] if parent else None, parent[1] if parent else None, None,
                              name, email, body, status, connection.ops.adapt_datetimefield_value(created_at),
                              ip, USER_AGENT, triaged.risk, triaged.lang))
        if id(triaged) not in self.adapted:
            self.adapted[id(triaged)] = self.report_field.get_db_prep_save(triaged.report, connection)
        self.reports.append((pk, self.adapted[id(triaged)], triaged.flag_labels, True, triaged.text_hash, None, None,
                             connection.ops.adapt_datetimefield_value(created_at)))
        if index:
            self.bands += [(band, pk) for band in triaged.bands]
        return pk

    def flush(self) -> None:
        from civility.comments.models import Comment
        from civility.triage.models import NearDupBand, TriageReport

        _insert(Comment, ["id", "article", "parent", "root", "user", "author_name", "author_email", "body",
                          "status", "created_at", "ip_address", "user_agent", "risk", "lang"], self.comments)
        _insert(TriageReport, ["comment", "report", "flag_labels", "complete", "text_hash", "duplicate_of",
                               "campaign", "updated_at"], self.reports)
        _insert(NearDupBand, ["band", "comment"], self.bands)
        self.comments, self.reports, self.bands = [], [], []

    def finish(self) -> None:
        from civility.comments.models import Comment

        self.flush()
        with connection.cursor() as cursor:  # PostgreSQL's id sequence: after the ids we chose
            for sql in connection.ops.sequence_reset_sql(no_style(), [Comment]):
                cursor.execute(sql)


def _insert(model, fields: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    qn = connection.ops.quote_name
    columns = ", ".join(qn(model._meta.get_field(f).column) for f in fields)
    sql = f"INSERT INTO {qn(model._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"  # noqa: S608 (model names)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start:start + BATCH])


def client_ip(rng: random.Random) -> str:
    """A private client address (what X-Forwarded-For carries for each simulated reader)."""
    return f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def commenter(i: int) -> tuple[str, str]:
    """Name and email of commenter ``i`` (posted comments reuse the seeded people)."""
    return f"Reader {i}", f"reader{i}@example.org"


def _thread(writer: Writer, article_id: int, texts: list[str], triaged: list[Triaged], rng: random.Random) -> list:
    """Approved comments over ten days, oldest first; a share of them reply to an earlier
    top-level one. Returns the (id, root id) of each, for pending replies."""
    from civility.comments.models import Status

    now = timezone.now()
    times = sorted(now - timedelta(days=10) * rng.random() for _ in texts)
    tops: list[int] = []
    made = []
    for text, at, t in zip(texts, times, triaged, strict=True):
        parent = None
        if tops and rng.random() < REPLY_SHARE:
            top = rng.choice(tops)
            parent = (top, top)
        pk = writer.comment(article_id=article_id, body=text, status=Status.APPROVED, created_at=at, triaged=t,
                            person=rng.randrange(COMMENTERS), ip=client_ip(rng), parent=parent)
        if parent is None:
            tops.append(pk)
        made.append((pk, parent[1] if parent else pk))
    writer.flush()
    return made


def _pending(writer: Writer, article_ids: list[int], texts: list[str], triaged: list[Triaged],
             parents: list[tuple[int, int, int]], rng: random.Random) -> int:
    """PENDING comments; the first copy of each text joins the near-duplicate index.
    ``parents`` are approved (article id, comment id, root id) a tenth of them reply to."""
    from civility.comments.models import Status

    now = timezone.now()
    indexed: set[int] = set()
    for n in range(PENDING):
        k = rng.randrange(len(texts))
        article_id, parent = rng.choice(article_ids), None
        if rng.random() < 0.1:
            article_id, parent_id, root_id = rng.choice(parents)
            parent = (parent_id, root_id)
        writer.comment(article_id=article_id, body=texts[k], status=Status.PENDING,
                       created_at=now - timedelta(days=14) * rng.random(), triaged=triaged[k],
                       person=rng.randrange(COMMENTERS), ip=client_ip(rng), parent=parent, index=k not in indexed)
        indexed.add(k)
        if n % 10_000 == 9_999:
            writer.flush()
    return PENDING


def _session_cookie(user) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def seed(texts: list[str], *, rng: random.Random, processes: int) -> Seeded:
    """Everything the benchmark reads; ``texts`` must hold at least 2,100 + PENDING_TEXTS texts."""
    from civility.accounts.models import Role
    from civility.accounts.services import token_create, user_create
    from civility.publishing.models import Article, Site

    bounds = [0]
    for size in THREAD_SIZES:
        bounds.append(bounds[-1] + size)
    pending_texts = texts[bounds[-1]:bounds[-1] + PENDING_TEXTS]
    triaged = triage_texts(texts[:bounds[-1]] + pending_texts, processes=processes)

    with transaction.atomic():
        site = Site.objects.create(slug="bench", name="Benchmark newsroom")
        writer = Writer()
        keys, parents = {}, []
        for i, size in enumerate(THREAD_SIZES):
            article = Article.objects.create(site=site, key=f"thread-{size}", title=f"A thread of {size} comments")
            made = _thread(writer, article.pk, texts[bounds[i]:bounds[i + 1]], triaged[bounds[i]:bounds[i + 1]], rng)
            parents += [(article.pk, pk, root) for pk, root in made[:250]]
            keys[size] = article.key
        article_ids = [a.pk for a in Article.objects.filter(site=site)]
        article_ids += [Article.objects.create(site=site, key=f"queue-{i}", title=f"Queue article {i}").pk
                        for i in range(QUEUE_ARTICLES - len(article_ids))]
        pending = _pending(writer, article_ids, pending_texts, triaged[bounds[-1]:], parents, rng)
        writer.finish()
        moderator, _ = user_create(username="bench-moderator", role=Role.MODERATOR)
        token = token_create(user=moderator, name="benchmark")
    cookie = _session_cookie(moderator)
    if connection.vendor == "postgresql":
        # What autovacuum does within a minute of a bulk load (CI's cluster runs with it off).
        # SQLite has no such daemon and the app never runs ANALYZE, so it stays without statistics.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    connections.close_all()
    return Seeded(thread_keys=keys, token=token, session_cookie=cookie, pending=pending)
