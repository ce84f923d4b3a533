"""Near-duplicate lookup against a million stored comments.

    .venv/bin/python -m benchmarks.neardup [--n 1000000] [--queries 500] [--workers 2] [--keep]

1. Generates ``--n`` comment-like texts (seeded: 10–80 words drawn from a Zipf-distributed
   vocabulary of common English words and made-up ones, with sentences, capitals and
   punctuation), fingerprints them in ``--workers`` processes and bulk-loads them, as a restore
   would, into a throw-away SQLite database made by the project's migrations: comments, their
   triage reports (``text_hash``) and ``BANDS`` ``NearDupBand`` rows each.
2. Adds 1,000 more comments' bands one at a time, the way ``remember()`` does after a
   comment is stored.
3. Times the duplicates signal on ``--queries`` texts of each kind: exact copies (case,
   spacing and punctuation changed), near copies (one word changed, plus case or punctuation
   changes), shortened copies (the first 60% of the words), reordered copies (two parts
   swapped, one word changed), and two kinds that must match nothing: the same words
   shuffled (another comment with the same vocabulary) and unrelated texts. Each lookup is
   fingerprint + band query + verification + copies query.

Prints the timings (p50/p99), recall on exact and near copies, false candidates (texts the
bands proposed that verification then rejected), the query plans, and the database's size.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np

from benchmarks.triage import percentile

CHUNK = 20_000
ARTICLES = 1_000
HELD_BACK = 1_000  # indexed one by one, through the ORM, after the bulk load
_COMMON_WORDS = (
    "the of and to a in is that it for on was with he as i his be at by this had not are but from or have "
    "an they which one you were her all she there would their we him been has when who will more no if "
    "out so said what up its about into than them can only other new some could time these two may then "
    "do first any my now such like our over man me even most made after also did many before must through "
    "back years where much your way well down should because each just those people how too little state "
    "good very make world still own see men work long get here between both life being under never day "
    "same another know while last might us great old year off come since against go came right used take "
    "three government border corridor war peace road families minister president article newspaper why "
    "nobody everyone really think want"
)
_SYLLABLES = ("ka ri to men al ve sin or da lu pe tion con ex pro ment ing er ly an ste bor gal nu mi qua res ta vo "
              "lin ar ne sho kur dag ev zan")
COMMON = _COMMON_WORDS.split()
SYLLABLES = _SYLLABLES.split()


# ---------------------------------------------------------------------------- synthetic comments


def _vocabulary(size: int = 30_000) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20240229)
    words = list(dict.fromkeys(COMMON))
    seen = set(words)
    while len(words) < size:
        w = "".join(rng.choice(SYLLABLES, size=int(rng.integers(1, 5))))
        if w not in seen:
            seen.add(w)
            words.append(w)
    weights = 1.0 / np.arange(1, size + 1) ** 1.05  # Zipf: "the" is ~7% of all words
    cdf = np.cumsum(weights) / weights.sum()
    return np.array(words, dtype=object), np.array([w.capitalize() for w in words], dtype=object), cdf


WORDS, CAPITALISED, CDF = _vocabulary()
MARKS = np.array([".", ",", "!", "?", ",", "."], dtype=object)


def texts(seed: int, count: int) -> list[str]:
    """``count`` comment-like texts, the same ones for the same seed."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(10, 81, count)
    total = int(lengths.sum())
    ids = np.minimum(np.searchsorted(CDF, rng.random(total)), len(WORDS) - 1)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    marked = rng.random(total) < 0.08
    marks = MARKS[rng.integers(0, len(MARKS), total)]
    capital = np.zeros(total, dtype=bool)
    capital[starts] = True
    sentence_end = marked & np.isin(marks, [".", "!", "?"])
    capital[1:] |= sentence_end[:-1]
    tokens = np.where(capital, CAPITALISED[ids], WORDS[ids])
    tokens[marked] = tokens[marked] + marks[marked]
    tokens[ends - 1] = tokens[ends - 1] + "."
    return [" ".join(tokens[s:e]) for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]


def near_copy(text: str, rng: random.Random) -> str:
    """One word replaced, and case or punctuation changed."""
    words = text.split()
    i = rng.randrange(len(words))
    words[i] = str(WORDS[rng.randrange(300, len(WORDS))])
    out = " ".join(words)
    return rng.choice([out.upper(), out.replace(",", "").replace(".", "!"), out.lower(), "  ".join(out.split())])


def shortened_copy(text: str, rng: random.Random) -> str:
    """The first 60% of the words (a campaign text cut short), case changed."""
    words = text.split()
    return rng.choice([str.upper, str.lower])(" ".join(words[:max(1, round(len(words) * 0.6))]))


def reordered_copy(text: str, rng: random.Random) -> str:
    """The text's two parts swapped at a random word (sentences reordered), one word replaced."""
    words = text.split()
    cut = rng.randrange(1, len(words))
    words = words[cut:] + words[:cut]
    words[rng.randrange(len(words))] = str(WORDS[rng.randrange(300, len(WORDS))])
    return " ".join(words)


def shuffled_words(text: str, rng: random.Random) -> str:
    """The same words in another order: another comment on the topic, not a copy (must not match)."""
    words = text.split()
    rng.shuffle(words)
    return " ".join(words)


def exact_copy(text: str, rng: random.Random) -> str:
    """Only case, spacing and punctuation changed."""
    return rng.choice([text.upper(), text.replace(",", " ,").replace(".", "!!"), text.lower() + " ...",
                       "\n".join(text.split())])


def _fingerprint_chunk(args: tuple[int, int, int]) -> tuple[int, list[str], list[str], np.ndarray, float]:
    """Worker: generate a chunk and fingerprint it. The texts are ASCII, where the normaliser's
    text is the case-folded text (checked on a sample in main)."""
    from civility.triage import neardup

    chunk, seed, count = args
    batch = texts(seed * 1_000_003 + chunk, count)
    started = time.process_time()
    fps = [neardup.fingerprint(t.casefold()) for t in batch]
    cpu = time.process_time() - started
    bands = np.array([fp.bands or (0,) * neardup.BANDS for fp in fps], dtype=np.int64)
    return chunk, batch, [fp.text_hash for fp in fps], bands, cpu


# ---------------------------------------------------------------------------- measuring


@dataclass
class _Tally:
    ms: list[float] = field(default_factory=list)
    found: int = 0  # the source comment was matched
    in_bands: int = 0  # the source comment shared a band
    above: int = 0  # the pair's exact similarity reaches the threshold
    found_above: int = 0
    sims: list[float] = field(default_factory=list)
    false_candidates: list[int] = field(default_factory=list)
    false_matches: int = 0
    verified: list[int] = field(default_factory=list)  # candidate bodies the lookup compared (its real cost)


def _row(name: str, ms: list[float], note: str = "") -> str:
    return f"| {name:<44} | {len(ms):>7} | {percentile(ms, 50):>8.3f} | {percentile(ms, 99):>8.3f} | {note}"


def _insert_sql(table: str, columns: list[str]) -> str:
    # table and column names come from the models, never from input
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"  # noqa: S608


def _size(path: str) -> str:
    total = sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))
    return f"{total / 2**20:,.0f} MiB"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000, help="stored comments")
    parser.add_argument("--queries", type=int, default=500, help="lookups of each kind")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="fingerprinting processes")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the database (its path is printed)")
    args = parser.parse_args(argv)
    if args.n < HELD_BACK + args.queries:
        parser.error(f"--n must be at least {HELD_BACK + args.queries}")

    tmp = tempfile.mkdtemp(prefix="civility-neardup-")
    db_path = os.path.join(tmp, "bench.sqlite3")
    os.environ.update({"CIVILITY_DATA_DIR": tmp, "DATABASE_URL": f"sqlite:///{db_path}",
                       "DJANGO_SETTINGS_MODULE": "civility.settings.base", "CIVILITY_LOG_LEVEL": "ERROR"})
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from civility.comments.models import Comment
    from civility.publishing.models import Article, Site
    from civility.triage import neardup, registry
    from civility.triage.models import NearDupBand, TriageReport
    from civility.triage.normalize import normalize
    from civility.triage.types import Doc, Identity, Subject

    call_command("migrate", verbosity=0)
    site = Site.objects.create(name="Bench", slug="bench")
    Article.objects.bulk_create([Article(site=site, key=f"a{i}", title=f"Article {i}") for i in range(ARTICLES)])
    article_ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))

    sample = texts(args.seed, 2000)
    assert all(neardup.canonical(normalize(t).text) == neardup.canonical(t.casefold()) for t in sample), \
        "the normaliser changes these ASCII texts beyond case: fingerprint them with normalize()"

    rng = random.Random(args.seed)
    n_bulk = args.n - HELD_BACK
    sources = sorted(rng.sample(range(n_bulk), 5 * args.queries))
    wanted = set(sources)
    source_text: dict[int, str] = {}
    held: list[tuple[int, str]] = []

    now = datetime.now(UTC)
    span = timedelta(days=20)  # all inside the 30-day window: every candidate counts
    comment_cols = [Comment._meta.get_field(f).column for f in (
        "id", "article", "author_name", "author_email", "body", "status", "created_at", "ip_address",
        "user_agent", "risk", "lang")]
    report_cols = [TriageReport._meta.get_field(f).column for f in (
        "comment", "report", "flag_labels", "complete", "text_hash", "updated_at")]
    comment_sql = _insert_sql(Comment._meta.db_table, comment_cols)
    report_sql = _insert_sql(TriageReport._meta.db_table, report_cols)

    connection.close()
    raw = sqlite3.connect(db_path, isolation_level=None)
    raw.execute("PRAGMA journal_mode=OFF")
    raw.execute("PRAGMA synchronous=OFF")
    raw.execute("PRAGMA cache_size=-1000000")  # 1 GB
    # a restore's trick: load without the secondary indexes, then build each one in a single sort
    tables = (Comment._meta.db_table, TriageReport._meta.db_table, NearDupBand._meta.db_table)
    indexes = raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                          "AND tbl_name IN (?, ?, ?)", tables).fetchall()
    for name, _sql in indexes:
        raw.execute(f'DROP INDEX "{name}"')
    all_bands = np.zeros((args.n, neardup.BANDS), dtype=np.int64)
    chunks = [(c, args.seed, min(CHUNK, args.n - c * CHUNK)) for c in range((args.n + CHUNK - 1) // CHUNK)]
    insert_s, cpu_s = 0.0, 0.0
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for chunk, batch, hashes, bands, cpu in pool.map(_fingerprint_chunk, chunks):
            cpu_s += cpu
            base = chunk * CHUNK
            all_bands[base:base + len(batch)] = bands
            t0 = time.perf_counter()
            comments, reports = [], []
            for j, text in enumerate(batch):
                i = base + j
                pk = i + 1
                at = (now - span + span * (i / args.n)).replace(tzinfo=None).isoformat(" ")  # as Django stores it
                comments.append((pk, article_ids[i % ARTICLES], f"Reader {i % 200_000}",
                                 f"reader{i % 200_000}@example.org", text, "pending", at,
                                 f"10.{i % 250}.{(i // 250) % 250}.{i % 97}", "Mozilla/5.0", 0.0, ""))
                reports.append((pk, "{}", "", 1, hashes[j], at))
                if i in wanted:
                    source_text[pk] = text
                if i >= n_bulk:
                    held.append((pk, text))
            raw.execute("BEGIN")
            raw.executemany(comment_sql, comments)
            raw.executemany(report_sql, reports)
            raw.execute("COMMIT")
            insert_s += time.perf_counter() - t0
            done = base + len(batch)
            if chunk % 10 == 0 or done == args.n:
                print(f"\r  {done:,} comments fingerprinted and stored", end="", file=sys.stderr, flush=True)
    load_wall = time.perf_counter() - started
    print(file=sys.stderr)

    # bands in key order: every index then grows at its end
    t0 = time.perf_counter()
    keys = all_bands[:n_bulk].ravel()
    owners = np.repeat(np.arange(1, n_bulk + 1, dtype=np.int64), neardup.BANDS)
    order = np.lexsort((owners, keys))
    keys, owners = keys[order], owners[order]
    band_sql = _insert_sql(NearDupBand._meta.db_table, ["band", "comment_id"])
    raw.execute("BEGIN")
    step = 500_000
    for s in range(0, len(keys), step):
        raw.executemany(band_sql, zip(keys[s:s + step].tolist(), owners[s:s + step].tolist(), strict=True))
        print(f"\r  {min(s + step, len(keys)):,} bands stored", end="", file=sys.stderr, flush=True)
    raw.execute("COMMIT")
    band_s = time.perf_counter() - t0
    print(file=sys.stderr)
    band_rows = len(keys)
    del all_bands, keys, owners, order
    t0 = time.perf_counter()
    for _name, sql in indexes:
        raw.execute(sql)
    index_s = time.perf_counter() - t0
    raw.close()

    # the per-comment path: remember() storing one comment's bands through the ORM
    remember_ms = []
    for pk, text in held:
        fp = neardup.fingerprint(normalize(text).text)
        t0 = time.perf_counter()
        with transaction.atomic():
            neardup.index_add(comment_id=pk, fingerprint=fp)
        remember_ms.append((time.perf_counter() - t0) * 1000)
    band_rows += len(held) * neardup.BANDS

    # lookups
    normalize_signal, signal = registry.get("normalize.v1")(), registry.get("duplicates.v1")()
    qrng = random.Random(args.seed + 1)
    ids = list(source_text)
    qrng.shuffle(ids)
    q = args.queries
    kinds = {
        "exact copy": [(exact_copy(source_text[i], qrng), i) for i in ids[:q]],
        "near copy": [(near_copy(source_text[i], qrng), i) for i in ids[q:2 * q]],
        "shortened": [(shortened_copy(source_text[i], qrng), i) for i in ids[2 * q:3 * q]],
        "reordered": [(reordered_copy(source_text[i], qrng), i) for i in ids[3 * q:4 * q]],
        # negatives: nothing may match (the shuffled text's own source included)
        "same words": [(shuffled_words(source_text[i], qrng), None) for i in ids[4 * q:5 * q]],
        "unrelated": [(t, None) for t in texts(args.seed + 99, q)],
    }
    def run(text: str) -> tuple[Doc, float, float]:
        doc = Doc(subject=Subject(text=text, comment_id=args.n + 1, article_id=article_ids[0],
                                  identity=Identity(email="someone.new@example.org"), created_at=now))
        t0 = time.perf_counter()
        normalize_signal(doc)
        t1 = time.perf_counter()
        signal(doc)
        return doc, (t1 - t0) * 1000, (time.perf_counter() - t1) * 1000

    for text in texts(args.seed + 98, 100):  # warm-up: the pages a running server would have cached
        run(text)
    results = {kind: _Tally() for kind in kinds}
    fingerprint_ms, normalise_ms = [], []
    mixed = [(kind, text, source) for kind, queries in kinds.items() for text, source in queries]
    qrng.shuffle(mixed)  # kinds interleaved: none of them pays for a colder cache
    for kind, text, source in mixed:
        tally = results[kind]
        doc, norm_ms, signal_ms = run(text)
        normalise_ms.append(norm_ms)
        tally.ms.append(signal_ms)
        t0 = time.perf_counter()
        fp = neardup.fingerprint(doc.attrs["normalized"].text)
        fingerprint_ms.append((time.perf_counter() - t0) * 1000)
        matched = {m.comment_id for m in doc.attrs["_duplicates"].lookup.matches}
        tally.verified.append(doc.attrs["_duplicates"].lookup.checked)
        candidates = neardup.band_candidates(fp.bands, before_id=args.n + 1, limit=10_000, per_band=10_000)
        if source is not None:
            tally.found += source in matched
            tally.in_bands += source in candidates
            tally.sims += [m.similarity for m in doc.attrs["_duplicates"].lookup.matches if m.comment_id == source]
            if neardup.similar(fp.shingles, neardup.fingerprint(source_text[source].casefold()).shingles):
                tally.above += 1
                tally.found_above += source in matched
        tally.false_candidates.append(len(set(candidates) - {source}))
        tally.false_matches += len(matched - {source})

    with connection.cursor() as cur:
        plans = {}
        probe = neardup.fingerprint(normalize(source_text[ids[0]]).text)
        since = connection.ops.adapt_datetimefield_value(now - timedelta(days=30))
        for name, sql, params in (
                ("bands", neardup._bands_sql(neardup.BANDS),
                 [v for band in probe.bands for v in (band, args.n, neardup.PER_BAND)]),
                ("copies", neardup._sql()["copies"].replace("{in}", "%s"),
                 [probe.text_hash, args.n, since, neardup.COPIES])):
            cur.execute("EXPLAIN QUERY PLAN " + sql, params)
            plans[f"{name} query"] = "; ".join(r[-1] for r in cur.fetchall())
        cur.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")
        objects = cur.fetchall()
    connection.close()

    # ---------------------------------------------------------------------------- the report
    n_bands = band_rows
    print()
    print(f"Near-duplicate benchmark: {args.n:,} stored comments, {args.queries} lookups of each kind")
    print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs "
          f"(load average {os.getloadavg()[0]:.1f}), {args.workers} fingerprinting workers; "
          f"shingles {neardup.SHINGLE} chars, MinHash {neardup.NUM_PERM} permutations, "
          f"{neardup.BANDS} bands × {neardup.ROWS} rows (≤ {neardup.PER_BAND} rows read per band), "
          f"similarity ≥ {neardup.SIMILARITY}, or containment ≥ {neardup.CONTAINMENT} "
          f"at ≥ {neardup.CONTAINED_RATIO:.0%} of the size")
    print()
    bulk_bands = n_bands - len(held) * neardup.BANDS
    print(f"Loading: {load_wall + band_s + index_s:,.0f} s in all")
    print(f"  generate + fingerprint + store comments and reports: {load_wall:,.0f} s wall "
          f"(fingerprinting {cpu_s / args.n * 1000:.3f} ms CPU per text, {cpu_s:,.0f} s CPU over {args.workers} "
          f"workers; inserting {insert_s:,.0f} s)")
    print(f"  insert {bulk_bands:,} band rows (sorted by key): {band_s:,.0f} s ({bulk_bands / band_s:,.0f} rows/s)")
    print(f"  build the {len(indexes)} secondary indexes of the three tables: {index_s:,.0f} s")
    print()
    print(f"| {'measurement':<44} | {'n':>7} | {'p50 ms':>8} | {'p99 ms':>8} | notes")
    print(f"|{'-' * 46}|{'-' * 9}|{'-' * 10}|{'-' * 10}|{'-' * 40}")
    print(_row("remember(): store one comment's bands", remember_ms, "ORM bulk_create + commit"))
    print(_row("fingerprint only (canonical, MinHash, bands)", fingerprint_ms, "CPU"))
    for kind, tally in results.items():
        print(_row(f"duplicates signal: {kind}", tally.ms, "fingerprint + queries + verification"))
    print(_row("(normalize.v1 signal, for comparison)", normalise_ms))
    print()
    print(f"| {'kind':<12} | {'found (recall)':>18} | {'found if near':>16} | "
          f"{'in a band':>9} | {'J min/median':>12} | {'false candidates mean/p99/max':>29} | "
          f"{'compared mean/p99':>17} | {'false matches':>13} |")
    print(f"|{'-' * 14}|{'-' * 20}|{'-' * 18}|{'-' * 11}|{'-' * 14}|{'-' * 31}|{'-' * 19}|{'-' * 15}|")
    for kind, t in results.items():
        total = len(t.ms)
        related = kind not in ("unrelated", "same words")
        recall = f"{t.found}/{total} ({t.found / total:.1%})" if related else "-"
        recall_above = f"{t.found_above}/{t.above}" if related else "-"
        banded = f"{t.in_bands / total:.1%}" if related else "-"
        sim = f"{min(t.sims):.2f} / {percentile(t.sims, 50):.2f}" if t.sims else "-"
        fc = t.false_candidates
        print(f"| {kind:<12} | {recall:>18} | {recall_above:>16} | {banded:>9} | {sim:>12} | "
              f"{np.mean(fc):>11.2f} / {percentile(fc, 99):>5} / {max(fc):>5} | "
              f"{np.mean(t.verified):>9.2f} / {percentile(t.verified, 99):>5} | {t.false_matches:>13} |")
    print()
    print("Query plans (SQLite, no ANALYZE)")
    for name, plan in plans.items():
        print(f"  {name}: {plan}")
    print()
    print(f"Database: {_size(db_path)} for {args.n:,} comments and {n_bands:,} band rows")
    for name, size in objects[:12]:
        print(f"  {name:<48} {size / 2**20:>9,.0f} MiB")
    if args.keep:
        print(f"\nkept: {db_path}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
