"""Repeated comments: the index (unit) and the same person's repeats through the HTTP API."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civility.comments.models import Comment
from civility.publishing.models import Article
from civility.triage import neardup, pipeline
from civility.triage.models import NearDupBand, TriageReport
from civility.triage.normalize import normalize
from civility.triage.pipeline import ConfigError, Pipeline
from civility.triage.services import subject_for, triage_text
from civility.triage.signals.duplicates import Duplicates
from tests.conftest import make_user, submit, token_api
from tests.triage.api import post, queue

CONFIG = [{"signal": "normalize.v1"}, {"signal": "duplicates.v1"}]
ORIGINAL = ("The corridor closure has left thousands of families without medicine, and both governments "
            "keep pretending that nobody is responsible for it.")
#: one word changed, case, spacing and punctuation
NEAR = ("the corridor closure has left THOUSANDS of families without food   and both governments "
        "keep pretending that nobody is responsible for it!!")
#: only case, spacing and punctuation
SAME = "THE CORRIDOR CLOSURE has left thousands of families without medicine; and both governments " \
       "keep pretending... that nobody is responsible for it"
UNRELATED = ("I grew up two villages from the border and the bus to school used that road every morning "
             "until the checkpoint appeared.")
#: quotes the original's first sentence inside a longer reply of its own
QUOTING = ("You say the corridor closure has left thousands of families without medicine, but my cousin "
           "runs a pharmacy in Stepanakert and she told me the shelves were stocked until March; the real "
           "shortage was fuel for the ambulances, which nobody in this thread has mentioned at all.")


def fp(text: str) -> neardup.Fingerprint:
    return neardup.fingerprint(normalize(text).text)


@pytest.fixture
def dup(settings):
    settings.CIVILITY_TRIAGE_PIPELINE = CONFIG
    settings.CIVILITY_SUBMIT_RATE_PER_IP = None
    settings.CIVILITY_SUBMIT_RATE_PER_EMAIL = None


def labels(triage: dict) -> set[str]:
    return {f["label"] for f in triage["flags"]}


# ---------------------------------------------------------------------------- the fingerprint


def test_case_spacing_and_punctuation_make_the_same_text_hash():
    assert fp(ORIGINAL).text_hash == fp(SAME).text_hash
    assert fp(ORIGINAL).text_hash != fp(NEAR).text_hash
    assert len(fp(ORIGINAL).text_hash) == 32  # TriageReport.text_hash is 32 characters


def test_a_changed_word_stays_near_and_shares_bands():
    a, b = fp(ORIGINAL), fp(NEAR)
    assert neardup.jaccard(a.shingles, b.shingles) >= neardup.SIMILARITY
    assert len(a.bands) == len(b.bands) == neardup.BANDS
    assert set(a.bands) & set(b.bands)


def test_unrelated_texts_and_quotes_are_not_near():
    a = fp(ORIGINAL)
    for other in (UNRELATED, QUOTING):
        assert neardup.jaccard(a.shingles, fp(other).shingles) < 0.5
    assert not set(a.bands) & set(fp(UNRELATED).bands)


@pytest.mark.parametrize("text", ["+1", "Agree!", "Thank you", "Well said, totally agree with you."])
def test_short_texts_get_a_hash_but_no_bands(text):
    f = fp(text)
    assert f.short and f.minhash is None and f.bands == ()
    assert f.text_hash == fp(text.upper() + "!!").text_hash


def test_a_text_without_words_still_has_a_hash():
    assert fp("👍👍").text_hash != fp("👎").text_hash
    assert fp("👍  👍").text_hash == fp("👍 👍").text_hash


# ---------------------------------------------------------------------------- the index


def stored(article: Article, text: str, **kw) -> tuple[Comment, neardup.Fingerprint]:
    """A comment indexed the way remember() does it (the default pipeline has no duplicates signal)."""
    comment = submit(article, text, **kw)
    f = fp(text)
    TriageReport.objects.filter(comment=comment).update(text_hash=f.text_hash)
    neardup.index_add(comment_id=comment.pk, fingerprint=f)
    return comment, f


@pytest.mark.django_db
def test_lookup_finds_exact_and_near_copies_but_not_unrelated_texts(article):
    original, _ = stored(article, ORIGINAL)
    stored(article, UNRELATED)
    since = timezone.now() - timedelta(days=1)
    for text, exact in ((SAME, True), (NEAR, False)):
        found = neardup.lookup(fp(text), before_id=10**9, since=since)
        [match] = found.matches
        assert match.comment_id == original.pk
        assert match.exact is exact
        assert (match.similarity == 1.0) is exact
        assert match.similarity >= neardup.SIMILARITY
    assert neardup.lookup(fp(QUOTING), before_id=10**9, since=since).matches == []


@pytest.mark.django_db
def test_lookup_respects_the_window_and_only_looks_back(article):
    original, _ = stored(article, ORIGINAL)
    Comment.objects.filter(pk=original.pk).update(created_at=timezone.now() - timedelta(days=40))
    since = timezone.now() - timedelta(days=30)
    assert neardup.lookup(fp(NEAR), before_id=10**9, since=since).matches == []
    assert neardup.lookup(fp(NEAR), before_id=original.pk, since=since - timedelta(days=30)).matches == []


@pytest.mark.django_db
def test_short_texts_match_only_identical_ones(article):
    short, _ = stored(article, "Agree with this!")
    since = timezone.now() - timedelta(days=1)
    [match] = neardup.lookup(fp("agree with this"), before_id=10**9, since=since).matches
    assert match.comment_id == short.pk and match.exact
    assert neardup.lookup(fp("Agree with that!"), before_id=10**9, since=since).matches == []
    assert not NearDupBand.objects.exists()


@pytest.mark.django_db
def test_an_indexed_twin_is_reported_so_copies_add_no_bands(article):
    stored(article, ORIGINAL)
    found = neardup.lookup(fp(SAME), before_id=10**9, since=timezone.now() - timedelta(days=1))
    assert found.twin_indexed
    assert not neardup.lookup(fp(NEAR), before_id=10**9, since=timezone.now() - timedelta(days=1)).twin_indexed


# ---------------------------------------------------------------------------- the signal's options


@pytest.mark.parametrize("options", [
    {"window_days": 0}, {"window_days": "30"}, {"similarity": 0.2}, {"similarity": True}, {"min_words": 1},
    {"min_words": 8.5}, {"ip_window_hours": -1}, {"ip_window_hours": 24 * 31}, {"colour": "red"},
])
def test_bad_options_are_a_configuration_error(options):
    with pytest.raises(ConfigError) as exc:
        Pipeline.from_config([{"signal": "normalize.v1"}, {"signal": "duplicates.v1", "options": options}])
    assert exc.value.code == "T004"


def test_options_and_version():
    signal = Duplicates(window_days=7, ip_window_hours=2, similarity=0.8, min_words=12)
    assert signal.window == timedelta(days=7) and signal.ip_window == timedelta(hours=2)
    assert signal.version == f"duplicates.v1+{neardup.VERSION}"
    with pytest.raises(ConfigError, match="T003"):
        Pipeline.from_config([{"signal": "duplicates.v1"}])  # needs the normalised text


@pytest.mark.django_db
def test_a_bare_text_is_never_compared_with_stored_comments(dup, article, django_assert_num_queries):
    submit(article, ORIGINAL)
    with django_assert_num_queries(0):
        report = triage_text(ORIGINAL)
    assert report.duplicate_of is None and report.flags == []


# ---------------------------------------------------------------------------- end to end, over HTTP


@pytest.mark.django_db
def test_same_email_repeats_are_flagged_and_linked_to_the_first(dup, article, client, mod_api):
    first = post(client, ORIGINAL, ip="198.51.100.1")
    exact = post(client, ORIGINAL, ip="198.51.100.2", ua="Chrome/126")
    near = post(client, NEAR, ip="198.51.100.3")
    other = post(client, UNRELATED)
    items = queue(mod_api)
    assert items[first]["duplicate_of"] is None and labels(items[first]) == set()
    assert items[other]["duplicate_of"] is None and labels(items[other]) == set()
    assert items[exact]["duplicate_of"] == first
    assert items[exact]["scores"]["duplicate"] == 0.9
    assert labels(items[exact]) == {"duplicate", "spam"}  # the policy: a repeat counts as spam
    assert items[near]["duplicate_of"] == first
    assert items[near]["scores"]["duplicate"] == 0.75
    [flag] = [f for f in items[near]["flags"] if f["label"] == "duplicate"]
    assert flag["reason"].startswith(f"repeats comment #{first} by the same person (near-identical, ")
    assert flag["reason"].endswith("% similar)")
    # one person alone is no campaign
    assert all(items[i]["campaign"] is None for i in (first, exact, near, other))
    report = TriageReport.objects.get(comment_id=near)
    assert report.duplicate_of_id == first
    evidence = next(f for f in report.report["findings"] if f["label"] == "duplicate")["evidence"]
    assert evidence["original"] == first and evidence["same"] == "email" and evidence["repeats"] == 2
    assert TriageReport.objects.get(comment_id=exact).text_hash == TriageReport.objects.get(comment_id=first).text_hash


@pytest.mark.django_db
def test_same_account_repeats_are_flagged(dup, article, client, mod_api):
    writer = make_user("author", "columnist")
    token = token_api(writer).headers["Authorization"].split()[1]
    first = post(client, ORIGINAL, token=token, ip="198.51.100.1", ua="A")
    again = post(client, SAME, token=token, ip="198.51.100.9", ua="B")
    someone = post(client, UNRELATED, token=token)
    items = queue(mod_api)
    assert items[again]["duplicate_of"] == first
    assert "duplicate" in labels(items[again])
    assert items[someone]["duplicate_of"] is None
    evidence = next(f for f in TriageReport.objects.get(comment_id=again).report["findings"]
                    if f["label"] == "duplicate")["evidence"]
    assert evidence["same"] == "account"


@pytest.mark.django_db
def test_same_address_and_browser_within_a_day_is_the_same_person(dup, article, client, mod_api):
    first = post(client, ORIGINAL, email="one@example.org", ip="192.0.2.10", ua="Mobile Safari/17")
    same_device = post(client, NEAR, email="two@example.org", ip="192.0.2.10", ua="Mobile Safari/17")
    other_browser = post(client, SAME, email="three@example.org", ip="192.0.2.10", ua="Firefox/128")
    items = queue(mod_api)
    assert items[same_device]["duplicate_of"] == first
    assert items[other_browser]["duplicate_of"] is None  # another browser behind the same address: not proven
    # a day later the same address and browser may well be someone else (reassigned, shared NAT)
    Comment.objects.filter(pk__in=[first, same_device]).update(created_at=timezone.now() - timedelta(hours=30))
    later = post(client, ORIGINAL, email="four@example.org", ip="192.0.2.10", ua="Mobile Safari/17")
    assert queue(mod_api)[later]["duplicate_of"] is None


@pytest.mark.django_db
def test_repeats_outside_the_window_are_not_flagged(dup, article, client, mod_api):
    first = post(client, ORIGINAL)
    Comment.objects.filter(pk=first).update(created_at=timezone.now() - timedelta(days=31))
    again = post(client, ORIGINAL)
    assert queue(mod_api)[again]["duplicate_of"] is None


@pytest.mark.django_db
def test_the_window_is_an_option(settings, dup, article, client, mod_api):
    settings.CIVILITY_TRIAGE_PIPELINE = [{"signal": "normalize.v1"},
                                         {"signal": "duplicates.v1", "options": {"window_days": 60}}]
    first = post(client, ORIGINAL)
    Comment.objects.filter(pk=first).update(created_at=timezone.now() - timedelta(days=31))
    again = post(client, NEAR)
    assert queue(mod_api)[again]["duplicate_of"] == first


@pytest.mark.django_db
def test_short_texts_repeat_only_when_identical(dup, article, client, mod_api):
    first = post(client, "Thank you!")
    again = post(client, "thank you")
    other = post(client, "Thank you all")
    items = queue(mod_api)
    assert items[again]["duplicate_of"] == first
    assert items[other]["duplicate_of"] is None
    assert not NearDupBand.objects.exists()


@pytest.mark.django_db
def test_quoting_inside_a_longer_reply_is_not_a_repeat(dup, article, client, mod_api):
    post(client, ORIGINAL)
    reply = post(client, QUOTING)
    assert queue(mod_api)[reply]["duplicate_of"] is None


@pytest.mark.django_db
def test_the_index_survives_a_restart(dup, article, client, mod_api):
    first = post(client, ORIGINAL)
    assert NearDupBand.objects.filter(comment_id=first).count() == neardup.BANDS
    # a new process: nothing cached, a new pipeline built from the settings
    pipeline._configured.cache_clear()
    neardup._template.cache_clear()
    neardup._body_shingles.cache_clear()
    again = post(client, NEAR)
    assert queue(mod_api)[again]["duplicate_of"] == first
    # and a pipeline built by hand, as another app server would
    doc = Pipeline.from_config(CONFIG).run(subject_for(Comment.objects.get(pk=again)))
    assert doc.attrs["duplicate_of"] == first


@pytest.mark.django_db
def test_copies_add_no_bands_and_rerun_is_idempotent(dup, article, client):
    from django.core.management import call_command

    first = post(client, ORIGINAL)
    post(client, SAME)
    post(client, SAME, email="someone@example.org", ip="192.0.2.99")
    assert NearDupBand.objects.count() == neardup.BANDS
    assert set(NearDupBand.objects.values_list("comment_id", flat=True)) == {first}
    call_command("triage", "rerun")
    assert NearDupBand.objects.count() == neardup.BANDS
    assert TriageReport.objects.filter(duplicate_of_id=first).count() == 1


@pytest.mark.django_db
def test_a_flood_of_copies_still_links_to_the_persons_first(dup, article, client, mod_api, monkeypatch):
    monkeypatch.setattr(neardup, "COPIES", 3)  # a lookup returns only 3 copies
    for i in range(4):
        post(client, SAME, email=f"bot{i}@example.org", ip=f"192.0.2.{10 + i}")
    mine = post(client, ORIGINAL, email="me@example.org", ip="192.0.2.1")
    real, calls = neardup.earliest_copy, []

    def spy(*args, **kwargs):
        calls.append(kwargs["where"])
        return real(*args, **kwargs)

    monkeypatch.setattr(neardup, "earliest_copy", spy)
    again = post(client, NEAR, email="me@example.org", ip="192.0.2.2")
    assert calls  # the copies were cut short, so this person's earliest was asked for directly
    assert queue(mod_api)[again]["duplicate_of"] == mine
