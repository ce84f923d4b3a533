"""Triage throughput without HTTP: stored comments through ``triage_comment``, several processes.

This stands in for triage workers: the function a triage task runs, called directly (no task
queue, no ``civility worker`` process) on comments already stored as pending, against the
seeded database, with as many processes as cores. It measures triage plus storing the report
and the near-duplicate index, not the HTTP request or the comment's own insert.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from multiprocessing import get_context

from django.db import connections


@dataclass(frozen=True)
class Throughput:
    comments: int
    seconds: float
    latencies_ms: list[float]
    processes: int

    @property
    def rate(self) -> float:
        return self.comments / self.seconds if self.seconds else 0.0


def store(texts: list[str], rng: random.Random) -> list[int]:
    """Pending comments with these texts, not triaged yet; their ids."""
    from benchmarks.http.seed import USER_AGENT, commenter
    from civility.comments.models import Comment
    from civility.publishing.models import Article

    articles = list(Article.objects.all())
    rows = []
    for text in texts:
        name, email = commenter(rng.randrange(30_000))
        rows.append(Comment(article=rng.choice(articles), author_name=name, author_email=email, body=text,
                            ip_address=f"10.9.{rng.randrange(256)}.{rng.randrange(1, 255)}", user_agent=USER_AGENT))
    return [c.pk for c in Comment.objects.bulk_create(rows, batch_size=1000)]


def _triage(ids: list[int], deadline: float) -> tuple[int, list[float]]:
    from civility.comments.models import Comment
    from civility.triage.services import triage_comment

    latencies = []
    for pk in ids:
        if time.monotonic() >= deadline:
            break
        t0 = time.perf_counter()
        triage_comment(Comment.objects.get(pk=pk))
        latencies.append((time.perf_counter() - t0) * 1000)
    connections.close_all()
    return len(latencies), latencies


def measure(texts: list[str], *, seconds: float, processes: int, rng: random.Random) -> Throughput:
    from civility.triage.services import triage_text

    ids = store(texts, rng)
    triage_text("load the models once, before forking")
    connections.close_all()
    started = time.monotonic()
    deadline = started + seconds
    with get_context("fork").Pool(processes) as pool:
        parts = pool.starmap(_triage, [(ids[i::processes], deadline) for i in range(processes)])
    elapsed = time.monotonic() - started
    latencies = [ms for _, part in parts for ms in part]
    return Throughput(sum(n for n, _ in parts), elapsed, latencies, processes)
