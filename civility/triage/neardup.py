"""The near-duplicate index: MinHash signatures cut into LSH bands, kept in the database.

Every app server on the same database shares it, and it survives restarts::

    fp = fingerprint(normalize(body).text)     # canonical text, its hash, MinHash, 20 band keys
    found = lookup(fp, before_id=comment.pk, since=now - timedelta(days=30))
    found.matches                              # earlier comments with the same or a near-identical text
    index_add(comment_id=comment.pk, fingerprint=fp)   # after the comment is stored

How a text is compared:

- its **canonical form** is the normalised text's words joined by single spaces and folded
  (:mod:`civility.triage.fold`: diacritics dropped, Cyrillic and Armenian written in the
  Latin letters people type for them), so case, spacing, punctuation, marks and script
  never matter; ``text_hash`` (stored on ``TriageReport``, indexed) finds identical
  canonical texts with one index lookup, whatever their length;
- its **shingles** are the canonical form's overlapping 5-character pieces; two texts are
  near when the Jaccard index of their shingle sets reaches 0.7 (a changed word in a
  40-word comment still leaves ~0.9), or when one is a shortened or reordered copy of the
  other (:func:`similar`: 85% of the smaller's shingles in the larger, the smaller at least
  half the larger's size; a sentence quoted inside a reply three times as long is neither);
- a **MinHash** of 80 permutations (``datasketch``) is cut into 20 bands of 4 values; each
  band is hashed to a signed 64-bit key and stored as a ``NearDupBand`` row. Comments sharing
  at least one key are *candidates* (a pair with Jaccard 0.7 shares one with p = 0.996, a
  copy cut to 60% (Jaccard ~0.55) with p = 0.85, at 0.3 with p = 0.15). A lookup reads at
  most :data:`PER_BAND` holders of each band (the most recent), so a flood of one text
  costs each new copy the same; at most :data:`CANDIDATES` of them, those sharing the most
  bands, are then *verified* from their stored bodies (fetched by primary key; the last
  1,024 are cached per process), and only until :data:`ENOUGH` have matched.

Texts with fewer than ``min_words`` words get a hash but no bands: they only ever match
identical texts. An identical text that is already indexed adds no bands either; its copies
are found through ``text_hash``, so a copy-paste flood costs the index nothing.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, lru_cache

import numpy as np
from datasketch import MinHash
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from civility.comments.models import Comment
from civility.db.insert import insert_ignoring_conflicts
from civility.triage.fold import FOLD_VERSION, fold
from civility.triage.models import NearDupBand, TriageReport
from civility.triage.normalize import normalize

#: characters per shingle
SHINGLE = 5
#: LSH bands × rows per band = MinHash permutations
BANDS, ROWS = 20, 4
NUM_PERM = BANDS * ROWS
#: fixes datasketch's permutations: changing it (or the numbers above) invalidates stored bands
SEED = 1
#: part of every band key and text hash, so that rows written with other parameters can never match
VERSION = f"mh2-{FOLD_VERSION}-c{SHINGLE}-b{BANDS}r{ROWS}-s{SEED}"
#: texts with fewer words only match identical texts
MIN_WORDS = 8
#: the Jaccard index (of shingles) from which a text is near-identical
SIMILARITY = 0.7
#: a shortened or reordered copy: this share of the shorter text's shingles are in the longer one…
CONTAINMENT = 0.85
#: …and the shorter text has at least this share of the longer one's shingles (a quoted sentence has less)
CONTAINED_RATIO = 0.5
#: band candidates verified per lookup (the ones sharing the most bands)
CANDIDATES = 20
#: band rows read per band and lookup: the most recent comments holding that band. A flood of
#: near-copies fills its bands with thousands of rows; a lookup reads at most BANDS × PER_BAND
PER_BAND = 16
#: verified matches after which the other candidates are left unverified (a flood's copies all match)
ENOUGH = 5
#: copies (same canonical text) returned per lookup
COPIES = 50

_WORD = re.compile(r"\w+")
_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                         0x27D4EB2F165667C5, 0x85EBCA77C2B2AE63, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
                        dtype=np.uint64)
_MIX = np.uint64(0xFF51AFD7ED558CCD)
_32 = np.uint64(32)
_BAND_PERSON = hashlib.blake2b(VERSION.encode(), digest_size=15).digest()  # + the band's number: 16 bytes


@dataclass(frozen=True)
class Fingerprint:
    """What a text is compared by. ``bands`` is empty for a short text."""

    canonical: str
    text_hash: str
    words: int
    shingles: np.ndarray = field(compare=False, repr=False)
    minhash: MinHash | None = None
    bands: tuple[int, ...] = ()

    @property
    def short(self) -> bool:
        return not self.bands


@dataclass(frozen=True)
class Match:
    """An earlier comment whose text is identical (``exact``) or near-identical to the one looked up."""

    comment_id: int
    similarity: float
    exact: bool
    created_at: datetime
    article_id: int
    user_id: int | None
    email: str
    ip_address: str | None
    user_agent: str
    campaign_id: int | None
    text_hash: str


@dataclass
class Lookup:
    matches: list[Match] = field(default_factory=list)
    #: text hash → similarity of every text matched (this text's own included), for follow-up queries
    similarities: dict[str, float] = field(default_factory=dict)
    #: more copies exist than were returned (:data:`COPIES`)
    truncated: bool = False
    #: an identical text already holds bands: indexing this one again would add nothing
    twin_indexed: bool = False
    #: candidates the bands proposed, and how many of them passed verification
    candidates: int = 0
    verified: int = 0
    #: band rows the lookup read (at most BANDS × PER_BAND), and candidate bodies it compared
    band_rows: int = 0
    checked: int = 0


def canonical(normalized_text: str) -> str:
    """Words of the normalised text, one space apart (whitespace-collapsed when it has no words),
    spelled the same way however they were typed (:func:`civility.triage.fold.fold`)."""
    return fold(" ".join(_WORD.findall(normalized_text)) or " ".join(normalized_text.split()))


def text_hash(canonical_text: str) -> str:
    """32 hex characters: what ``TriageReport.text_hash`` stores (salted with the fold's version)."""
    return hashlib.blake2b(canonical_text.encode(), digest_size=16, person=FOLD_VERSION.encode()).hexdigest()


def shingles(canonical_text: str) -> np.ndarray:
    """The text's overlapping :data:`SHINGLE`-character pieces, hashed: sorted distinct uint32s.

    Each piece's hash is a polynomial of its code points (mod 2**64, then mixed and folded to
    32 bits), computed for every position at once; three times faster than hashing the pieces
    one by one. Collisions between a few hundred pieces are negligible.
    """
    points = np.frombuffer(canonical_text.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    n = len(points) - SHINGLE + 1
    if n <= 1:
        out = np.array([zlib.crc32(canonical_text.encode())], dtype=np.uint32)
    else:
        h = points[:n] * _MULTIPLIERS[0]
        for j in range(1, SHINGLE):
            h += points[j:j + n] * _MULTIPLIERS[j]
        h ^= h >> _32
        h *= _MIX
        out = np.unique((h >> _32).astype(np.uint32))
    out.flags.writeable = False
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard index of two :func:`shingles` results."""
    if not a.size or not b.size:
        return 0.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (a.size + b.size - inter)


def similar(a: np.ndarray, b: np.ndarray, *, threshold: float = SIMILARITY) -> float:
    """How near two texts are, 0 when not near: their Jaccard index when it reaches ``threshold``;
    else, when one is a shortened or reordered copy of the other (at least :data:`CONTAINMENT`
    of the shorter's shingles in the longer, and the shorter at least :data:`CONTAINED_RATIO`
    of the longer's size), that containment. A quoted sentence in a longer reply is neither.
    """
    if not a.size or not b.size:
        return 0.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    if (j := inter / (a.size + b.size - inter)) >= threshold:
        return j
    small, large = sorted((a.size, b.size))
    contained = inter / small
    return contained if contained >= CONTAINMENT and small >= CONTAINED_RATIO * large else 0.0


@cache
def _template() -> MinHash:
    # Built once (generating permutations costs more than hashing a comment), then copied.
    # The shingles arrive hashed, so the hash function is the identity; the affine32 scheme
    # mixes every input with MurmurHash3's finaliser before permuting it.
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme="affine32")


def minhash(shingle_hashes: np.ndarray) -> MinHash:
    m = _template().copy()
    m.update_batch(shingle_hashes.tolist())
    return m


def band_keys(m: MinHash) -> tuple[int, ...]:
    """One signed 64-bit key per band (the column is a BigInteger), salted with :data:`VERSION`."""
    raw, width = m.hashvalues.astype("<u4").tobytes(), 4 * ROWS
    return tuple(
        int.from_bytes(hashlib.blake2b(raw[b * width:(b + 1) * width], digest_size=8,
                                       person=_BAND_PERSON + bytes([b])).digest(), "little", signed=True)
        for b in range(BANDS)
    )


def fingerprint(normalized_text: str, *, min_words: int = MIN_WORDS) -> Fingerprint:
    canon = canonical(normalized_text)
    words = canon.count(" ") + 1 if _WORD.search(canon) else 0
    sh = shingles(canon)
    if words < min_words:
        return Fingerprint(canon, text_hash(canon), words, sh)
    m = minhash(sh)
    return Fingerprint(canon, text_hash(canon), words, sh, m, band_keys(m))


@lru_cache(maxsize=1024)
def _body_shingles(body: str) -> np.ndarray:
    return shingles(canonical(normalize(body).text))


# ---------------------------------------------------------------------------- the database
# The three queries every comment runs are plain SQL: building them with the ORM costs ~0.9 ms
# each, five times what the database takes to answer (see benchmarks/neardup.py).

_COLUMNS = ("id", "created_at", "article_id", "user_id", "author_email", "ip_address", "user_agent")


@cache
def _sql() -> dict[str, str]:
    """The statements, with names from the models; ``{in}`` becomes one placeholder per value."""
    q = connection.ops.quote_name
    c, r, b = Comment._meta, TriageReport._meta, NearDupBand._meta

    def col(meta, name: str) -> str:
        return q(meta.get_field(name).column)

    cid, rcid, bcid = col(c, "id"), col(r, "comment"), col(b, "comment")
    select = ", ".join([*(f"c.{col(c, f)}" for f in _COLUMNS), f"r.{col(r, 'campaign')}", f"r.{col(r, 'text_hash')}"])
    # only names from the models are interpolated; every value is a parameter
    return {
        # one band's most recent holders; lookups join BANDS of these with UNION ALL
        "band": (f"SELECT * FROM (SELECT {col(b, 'band')}, {bcid} FROM {q(b.db_table)} "  # noqa: S608
                 f"WHERE {col(b, 'band')} = %s AND {bcid} < %s ORDER BY {bcid} DESC LIMIT %s) AS b{{n}}"),
        "by_id": (f"SELECT {select}, c.{col(c, 'body')} "  # noqa: S608
                  f"FROM {q(c.db_table)} c LEFT JOIN {q(r.db_table)} r ON r.{rcid} = c.{cid} "
                  f"WHERE c.{cid} IN ({{in}})"),
        "copies": (f"SELECT {select} "  # noqa: S608
                   f"FROM {q(r.db_table)} r JOIN {q(c.db_table)} c ON c.{cid} = r.{rcid} "
                   f"WHERE r.{col(r, 'text_hash')} IN ({{in}}) AND c.{cid} < %s AND c.{col(c, 'created_at')} >= %s "
                   f"LIMIT %s"),
    }


def _query(name: str, values: list, params: list) -> list[tuple]:
    sql = _sql()[name].replace("{in}", ", ".join(["%s"] * len(values)))
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, *params])
        return cursor.fetchall()


@lru_cache(maxsize=4)
def _bands_sql(count: int) -> str:
    return " UNION ALL ".join(_sql()["band"].replace("{n}", str(i)) for i in range(count))


def _match(row: tuple, similarity: float, exact: bool) -> Match:
    pk, created_at, article_id, user_id, email, ip_address, user_agent, campaign_id, text_hash = row[:9]
    if timezone.is_naive(created_at):  # SQLite hands back naive UTC
        created_at = created_at.replace(tzinfo=UTC)
    return Match(comment_id=pk, similarity=similarity, exact=exact, created_at=created_at, article_id=article_id,
                 user_id=user_id, email=email, ip_address=str(ip_address) if ip_address else None,
                 user_agent=user_agent, campaign_id=campaign_id, text_hash=text_hash or "")


def band_rows(bands: Iterable[int], *, before_id: int, per_band: int = PER_BAND) -> list[tuple[int, int]]:
    """(band, comment id) for the comments holding each band, at most ``per_band`` per band (the
    most recent ones).

    One statement: for each band, a backward walk of the ``(band, comment)`` unique index
    that stops after ``per_band`` rows. However many comments share a band (a flood of
    near-copies: thousands), a lookup reads at most ``BANDS × per_band`` rows.
    """
    bands = list(bands)
    if not bands:
        return []
    with connection.cursor() as cursor:
        cursor.execute(_bands_sql(len(bands)), [v for band in bands for v in (band, before_id, per_band)])
        return cursor.fetchall()


def band_candidates(bands: Iterable[int], *, before_id: int, limit: int = CANDIDATES,
                    per_band: int = PER_BAND) -> dict[int, int]:
    """Comment id → bands shared, for the earlier comments worth verifying (:func:`select`)."""
    return select(band_rows(bands, before_id=before_id, per_band=per_band), per_band=per_band, limit=limit)


def select(rows: list[tuple[int, int]], *, per_band: int = PER_BAND, limit: int = CANDIDATES) -> dict[int, int]:
    """Comment id → bands shared: those sharing the most first, then the most recent.

    A band that filled its ``per_band`` rows is *hot*: made of very common shingles ("the o",
    "of th"), or a flood's. Of the comments found only through one hot band, only the most
    recent of each such band is kept: a flood is then still found (its copies are alike, one
    stands for all), and a common phrase's holders do not take the verification slots of a
    shortened copy, which often shares just one band.
    """
    per = Counter(band for band, _ in rows)
    hot = {band for band, n in per.items() if n >= per_band}
    shared = Counter(pk for _, pk in rows)
    keep = {pk for band, pk in rows if band not in hot or shared[pk] >= 2}
    for band in hot:
        keep.add(max((pk for b, pk in rows if b == band), key=lambda pk: (pk in keep, pk)))
    kept = [(pk, shared[pk]) for pk in keep]
    return dict(sorted(kept, key=lambda kv: (-kv[1], -kv[0]))[:limit])


def copies(similarities: dict[str, float], *, own_hash: str, before_id: int, since: datetime,
           limit: int = COPIES) -> list[Match]:
    """Earlier comments (posted since ``since``) whose text hash is a key of ``similarities``.

    Unordered: an equality lookup on the ``text_hash`` index that stops after ``limit`` rows,
    however many copies a flood left behind.
    """
    rows = _query("copies", list(similarities),
                  [before_id, connection.ops.adapt_datetimefield_value(since), limit])
    return [_match(r, similarities[r[8]], r[8] == own_hash) for r in rows]


def earliest_copy(similarities: dict[str, float], *, own_hash: str, before_id: int, since: datetime,
                  where: Q) -> Match | None:
    """The earliest of those copies that also matches ``where`` (for when :func:`copies` was cut short)."""
    pk = (Comment.objects.filter(where, triage__text_hash__in=list(similarities), pk__lt=before_id,
                                 created_at__gte=since).order_by("pk").values_list("pk", flat=True).first())
    if pk is None:
        return None
    [row] = _query("by_id", [pk], [])
    return _match(row, similarities.get(row[8], 0.0), row[8] == own_hash)


def lookup(fp: Fingerprint, *, before_id: int, since: datetime, similarity: float = SIMILARITY,
           first: Callable[[Match], bool] | None = None, enough: int | None = None) -> Lookup:
    """Earlier comments (ids below ``before_id``, posted since ``since``) with the same or a near text.

    Candidates for which ``first`` is true (the same person's, in the signal) are verified
    first and always; of the others, verification stops once ``enough`` (:data:`ENOUGH`)
    texts matched: in a flood every candidate matches, and a few say all the campaign needs.

    Queries: one on the bands (long texts only), one for the candidates' bodies (when there
    are candidates), one on ``text_hash`` for every matched text's copies.
    """
    found = Lookup()
    enough = ENOUGH if enough is None else enough
    sims: dict[str, float] = {fp.text_hash: 1.0}
    direct: list[Match] = []  # verified candidates without a stored hash (their report failed)
    if fp.bands:
        rows = band_rows(fp.bands, before_id=before_id)
        found.band_rows = len(rows)
        shared = select(rows)
        found.candidates = len(shared)
        if shared:
            ranked = sorted(((first is not None and first(_match(row, 0.0, exact=False)), row)
                             for row in _query("by_id", list(shared), [])),
                            key=lambda pair: (not pair[0], -shared[pair[1][0]], -pair[1][0]))
            for mine, row in ranked:
                pk, h, body = row[0], row[8], row[9]
                if h == fp.text_hash:
                    found.twin_indexed |= shared[pk] == BANDS
                    continue
                if (h and h in sims) or (found.verified >= enough and not mine):
                    continue
                found.checked += 1
                sim = similar(fp.shingles, _body_shingles(body), threshold=similarity)
                if not sim:
                    continue
                found.verified += 1
                if h:
                    sims[h] = sim
                elif (m := _match(row, sim, exact=False)).created_at >= since:
                    direct.append(m)
    found.similarities = sims
    matched = copies(sims, own_hash=fp.text_hash, before_id=before_id, since=since, limit=COPIES)
    found.truncated = len(matched) >= COPIES
    found.matches = sorted(matched + direct, key=lambda m: m.comment_id)
    return found


def index_add(*, comment_id: int, fingerprint: Fingerprint) -> int:
    """Store a comment's bands (idempotent). Returns the number of bands."""
    bands = list(fingerprint.bands)
    insert_ignoring_conflicts(NearDupBand, ("band", "comment"), [(band, comment_id) for band in bands])
    return len(bands)
