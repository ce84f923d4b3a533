"""Repeated comments and copy-paste campaigns.

The published policy says that submitting the same comment more than once may get it
identified as spam. Two things are found, both through :mod:`civility.triage.neardup`:

- **a repeat**: the same person (same account, same e-mail, or same address *and* browser
  within ``ip_window_hours``) posted the same or a near-identical text within
  ``window_days``. A ``duplicate`` finding (0.9 identical, 0.75 near-identical; the policy
  also counts it as spam) says "repeats comment #12 by the same person (near-identical, 92%
  similar)", and ``doc.attrs["duplicate_of"]`` is the earliest such comment;
- **a campaign**: the text matches comments by other people. Once the comment is stored
  (``remember``) it joins their campaign (:mod:`civility.triage.campaigns`),
  ``doc.attrs["campaign"]`` is ``{"id", "size"}``, and from two people on a ``spam`` finding
  "posted by 7 accounts on 3 articles" grows with the number of people.

Texts under ``min_words`` words ("+1", "Agree!", "Thank you") only count as repeats when
identical, and never make a campaign. Texts are compared whatever their diacritics and
script (``Şəhər`` = ``Seher``, ``дорогу`` = ``dorogu``), and a shortened or reordered copy
counts; quoting a sentence inside a longer reply does not (see :mod:`civility.triage.neardup`).

Also assigned: ``doc.attrs["text_hash"]`` (stored on the report, for exact duplicates) and
``doc.attrs["minhash"]`` (the text's ``datasketch.MinHash``; None for a short text). A bare
text (no stored comment: the CLI, the widget's draft check) gets these two and nothing else,
so the public draft check cannot be used to probe what others posted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from civility.triage import campaigns, neardup
from civility.triage.registry import Signal
from civility.triage.types import Doc, Finding, Identity

#: the duplicate finding's score: identical text, near-identical text
SCORE = {"identical": 0.9, "near": 0.75}
#: the campaign's spam score is 1 - DECAY ** (people - 1): 2 → 0.3, 3 → 0.51, 5 → 0.76, 7 → 0.88
CAMPAIGN_DECAY = 0.7
CAMPAIGN_MAX = 0.95
_STATE = "_duplicates"  # private: what __call__ found, for remember()


@dataclass(frozen=True)
class _Found:
    fingerprint: neardup.Fingerprint
    lookup: neardup.Lookup
    since: datetime


def campaign_score(size: int) -> float:
    return round(min(CAMPAIGN_MAX, 1 - CAMPAIGN_DECAY ** (size - 1)), 4) if size >= 2 else 0.0


def campaign_finding(campaign_id: int, size: int, article_count: int, *, signal: str) -> Finding:
    """The spam evidence of a campaign: stronger the more people post the text."""
    return Finding(
        "spam", campaign_score(size),
        f"posted by {_plural(size, 'account')} on {_plural(article_count, 'article')}",
        evidence={"campaign": campaign_id, "accounts": size, "articles": article_count},
        signal=signal,
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Duplicates(Signal):
    requires = ("normalized",)
    assigns = ("duplicate_of", "campaign", "text_hash", "minhash")
    labels = ("duplicate", "spam")

    def __init__(self, *, window_days: float = 30, ip_window_hours: float = 24,
                 similarity: float = neardup.SIMILARITY, min_words: int = neardup.MIN_WORDS) -> None:
        super().__init__()
        for option, value in (("window_days", window_days), ("ip_window_hours", ip_window_hours),
                              ("similarity", similarity)):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(f"{option} must be a number")
        if isinstance(min_words, bool) or not isinstance(min_words, int):
            raise TypeError("min_words must be an integer")
        if not 0 < window_days <= 3650:
            raise ValueError("window_days must be more than 0 and at most 3650")
        if not 0 <= ip_window_hours <= window_days * 24:
            raise ValueError("ip_window_hours must be between 0 (off) and window_days × 24")
        if not 0.5 <= similarity <= 1:
            raise ValueError("similarity must be between 0.5 and 1 (the bands are tuned for 0.7)")
        if not 2 <= min_words <= 100:
            raise ValueError("min_words must be between 2 and 100")
        self.window = timedelta(days=window_days)
        self.ip_window = timedelta(hours=ip_window_hours)
        self.similarity = float(similarity)
        self.min_words = min_words

    @property
    def version(self) -> str:
        return f"{self.name}+{neardup.VERSION}"

    def __call__(self, doc: Doc) -> None:
        fp = neardup.fingerprint(doc.attrs["normalized"].text, min_words=self.min_words)
        doc.attrs["text_hash"] = fp.text_hash
        doc.attrs["minhash"] = fp.minhash
        subject = doc.subject
        if subject.comment_id is None:
            return
        at = subject.created_at or timezone.now()
        since = at - self.window
        found = neardup.lookup(fp, before_id=subject.comment_id, since=since, similarity=self.similarity,
                               first=lambda m: bool(self._same_person(m, subject.identity, at)))
        doc.attrs[_STATE] = _Found(fp, found, since)

        same = [(m, how) for m in found.matches if (how := self._same_person(m, subject.identity, at))]
        if found.truncated and (where := self._person_q(subject.identity, at)) is not None:
            # more copies than one lookup returns: ask for this person's earliest directly
            m = neardup.earliest_copy(found.similarities, own_hash=fp.text_hash, before_id=subject.comment_id,
                                      since=since, where=where)
            if m and m.comment_id not in {s.comment_id for s, _ in same} and \
                    (how := self._same_person(m, subject.identity, at)):
                same.append((m, how))
        if not same:
            return
        same.sort(key=lambda pair: pair[0].comment_id)
        original, how = same[0]
        identical = any(m.exact for m, _ in same)
        similar = "identical" if original.exact else f"near-identical, {original.similarity:.0%} similar"
        doc.attrs["duplicate_of"] = original.comment_id
        doc.add(Finding(
            "duplicate", SCORE["identical" if identical else "near"],
            f"repeats comment #{original.comment_id} by the same person ({similar})",
            evidence={"original": original.comment_id, "similarity": round(original.similarity, 4),
                      "same": how, "repeats": len(same)},
            signal=self.name,
        ))

    def remember(self, doc: Doc) -> None:
        state: _Found | None = doc.attrs.get(_STATE)
        subject = doc.subject
        if state is None or subject.comment_id is None:
            return
        fp, found = state.fingerprint, state.lookup
        if fp.bands and not found.twin_indexed:
            neardup.index_add(comment_id=subject.comment_id, fingerprint=fp)
        if fp.short or not found.matches:
            return
        identity = subject.identity
        info = campaigns.campaign_join(
            comment_id=subject.comment_id, identity=campaigns.identity_of(identity.user_id, identity.email),
            matches=found.matches, article_id=subject.article_id,
            hashes=sorted(found.similarities) if found.truncated else (), since=state.since,
        )
        if info is None:
            return
        doc.attrs["campaign"] = info.public()
        if info.size >= 2:
            doc.add(campaign_finding(info.id, info.size, info.article_count, signal=self.name))

    # -------------------------------------------------------------------- who is the same person

    def _same_person(self, m: neardup.Match, who: Identity, at: datetime) -> str:
        """How ``m`` is by the same person ("account", "email", "address") or "" when it is not."""
        if who.user_id is not None and m.user_id == who.user_id:
            return "account"
        if who.email and m.email and m.email.strip().lower() == who.email.strip().lower():
            return "email"
        if (who.ip_address and who.user_agent and m.ip_address == who.ip_address
                and m.user_agent == who.user_agent and m.created_at >= at - self.ip_window):
            return "address"
        return ""

    def _person_q(self, who: Identity, at: datetime) -> Q | None:
        parts = []
        if who.user_id is not None:
            parts.append(Q(user_id=who.user_id))
        if who.email:
            email = who.email.strip()  # stored lower-cased, or as the account has it: no LIKE, the index serves
            parts.append(Q(author_email__in=sorted({email, email.lower()})))
        if who.ip_address and who.user_agent:
            parts.append(Q(ip_address=who.ip_address, user_agent=who.user_agent, created_at__gte=at - self.ip_window))
        if not parts:
            return None
        q = parts[0]
        for part in parts[1:]:
            q |= part
        return q
