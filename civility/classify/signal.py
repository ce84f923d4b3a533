"""``classifier.v1``: the shipped classifier as a triage signal.

Adds one finding per head (toxic, hate, insult, threat by default) with the head's
*calibrated* score: the policy flags a label at its ``FLAG_AT`` level, and the model's
calibration puts the threshold chosen on validation data exactly there. A head that
reaches its flag level also names the words that weighed most, as ``spans`` in the
original text (through ``normalize``'s offsets) so the moderator sees them highlighted.

    {"signal": "normalize.v1"},
    {"signal": "classifier.v1", "options": {"heads": ["toxic", "hate", "insult", "threat"]}},

A comment made only of listed given names, surnames and place names, or that is one listed
name of several words (:mod:`civility.triage.names`: "Nikol", "Burdur", "Hrant Dink", "Нагорный
Карабах") gets no finding: a bare name
carries no evidence, and a short text is where a bag of n-grams is least reliable.

Every head's calibrated score, reported or not, is left in ``doc.attrs["classifier"]`` for the
signals after it: ``spam.v2`` takes the spam head's reading as one commercial cue.

A comment the toxic head reads as clearly toxic (:data:`TARGETED_AT`) that nothing labels
(no head of its own, no word list: run the classifier after ``wordlist.v1``) says *whom* it is
aimed at: a comment about a people, a religion or a
group (the cue lists' ``identity`` words) is flagged hate, and one said to someone (``you``,
``ты``, ``sen``, ``դու``) or about a named politician is flagged insult, with the group or
address word and the toxic head's words highlighted. The policy forbids hate and personal
attacks, not "toxicity"; on nine writers the model never read this caught 46 more of 2,372
must-reject comments for 5 more flags on 2,578 civil ones (docs/MODEL.md, *Sixth round*). The finding's score is
held under the nudge levels (:data:`TARGETED_SCORE`): it is a moderator's flag, not something
to tell a reader.

Options: ``heads`` (any of toxic, hate, insult, threat, obscene, spam), ``min_score`` (findings
below it are not added; default 0.05, to keep reports short), ``explain_top`` (words to
highlight, default 3).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from civility.classify.model import Model, get_model
from civility.triage.names import names
from civility.triage.names import phrases as name_phrases
from civility.triage.names import version as names_version
from civility.triage.policy import only_courtesy, threshold
from civility.triage.registry import Signal
from civility.triage.types import Doc, Finding

DEFAULT_HEADS: tuple[str, ...] = ("toxic", "hate", "insult", "threat")
KNOWN_HEADS: tuple[str, ...] = ("toxic", "hate", "insult", "threat", "obscene", "spam")
#: the toxic score from which a comment's target decides its label (chosen on left-out writers)
TARGETED_AT = 0.7
#: the score a target-derived finding carries at most: flagged, but under every nudge level
TARGETED_SCORE = 0.75
#: A reply of at most this many words that addresses no one and names no violence, no group and
#: no politician ("Still waiting.", "Keep going", "Next time", "Amin, inşallah") carries no
#: evidence of a threat: the veiled-threat writers gave single words ("waiting", "next",
#: "keep") large weights, and on a two-word text one word is the whole score. Its threat score
#: is held at SHORT_THREAT_AT_MOST, under the flag (the other heads are unchanged).
SHORT_REPLY_WORDS = 3
SHORT_THREAT_AT_MOST = 0.45
_AIMED = frozenset({"you", "violence", "threat", "slur", "dehuman", "identity", "politician", "insult", "obscene"})
_POLICY_LABELS = ("hate", "insult", "threat", "obscene")
#: cue categories naming whom a comment is aimed at → the label a clearly toxic comment gets
_TARGETS = (("hate", ("identity",)), ("insult", ("you", "politician")))
_REASONS = {
    "toxic": "classifier: toxic", "hate": "classifier: hate speech", "insult": "classifier: insult",
    "threat": "classifier: threat", "obscene": "classifier: obscene", "spam": "classifier: spam",
}


class Classifier(Signal):
    requires = ("normalized",)
    labels = DEFAULT_HEADS

    def __init__(self, *, heads: Sequence[str] = DEFAULT_HEADS, min_score: float = 0.05, explain_top: int = 3,
                 **options: Any) -> None:
        super().__init__(**options)
        if isinstance(heads, str) or not isinstance(heads, list | tuple):
            raise TypeError("heads must be a list, like ['toxic', 'hate']")
        unknown = [h for h in heads if h not in KNOWN_HEADS]
        if unknown:
            raise ValueError(f"heads: unknown head(s) {', '.join(map(str, unknown))}; known: {', '.join(KNOWN_HEADS)}")
        if isinstance(min_score, bool) or not isinstance(min_score, int | float) or not 0 <= min_score <= 1:
            raise ValueError("min_score must be a number between 0 and 1")
        if isinstance(explain_top, bool) or not isinstance(explain_top, int) or explain_top < 0:
            raise ValueError("explain_top must be a whole number ≥ 0")
        self.heads = tuple(dict.fromkeys(heads))
        self.labels = self.heads  # type: ignore[misc]  # per instance: what this one may add
        self.min_score = float(min_score)
        self.explain_top = explain_top

    @property
    def model(self) -> Model:
        """The model in use, asked for on every comment: an installed version is picked up without a restart."""
        return get_model()

    @property
    def version(self) -> str:
        try:
            return f"{self.name}+model.{self.model.version}+names.{names_version()}"
        except Exception:  # the model could not load: the failure is reported by __call__
            return self.name

    def __call__(self, doc: Doc) -> None:
        model = self.model
        normalized = doc.attrs["normalized"]
        words = [t.text for t in normalized.tokens]
        listed = names()
        # names alone, or greetings and thanks alone ("Ողջույն բոլորին" read hate 0.54 with the model
        # of the eleventh round: the hate data's "all of them"), are nothing the model may judge
        if words and (all(w in listed for w in words) or " ".join(words) in name_phrases() or only_courtesy(words)):
            return
        item = model.extract(normalized)
        raw = model.raw_items([item])
        scores = model.calibrated(raw)
        short = _short_and_aimless(words, item, doc.text)
        if short and "threat" in scores:
            scores["threat"] = scores["threat"].clip(max=SHORT_THREAT_AT_MOST)
        # every head's score, reported or not, for the signals after this one (spam.v2 reads "spam")
        doc.attrs["classifier"] = {h: round(float(v[0]), 4) for h, v in scores.items()}
        flagged = [h for h in self.heads if float(scores[h][0]) >= model.flag_at[h]] if self.explain_top else []
        explained = model.explain_heads(item, flagged, self.explain_top) if flagged else {}
        for head in self.heads:
            score = float(scores[head][0])
            if score < self.min_score:
                continue
            if head == "toxic" and score >= TARGETED_AT:
                self._aimed(doc, item, scores, model, explained.get("toxic", ()))
            spans: list[tuple[int, int]] = []
            words: list[str] = []
            weights: list[float] = []
            for start, end, weight in explained.get(head, ()):
                spans.append((start, end))  # token offsets are the original text's
                words.append(doc.text[start:end])
                weights.append(round(float(weight), 3))
            doc.add(Finding(
                label=head, score=score, reason=_REASONS[head], spans=spans,
                evidence={"raw": round(float(raw[head][0]), 4), "threshold": model.thresholds[head],
                          "model": model.version, **({"words": words, "weights": weights} if words else {}),
                          **({"short_reply": True} if short and head == "threat" else {})},
                signal=self.name,
            ))

    def _aimed(self, doc: Doc, item: Any, scores: dict[str, Any], model: Model, toxic_words) -> None:
        """A clearly toxic comment, labelled by whom it is aimed at (see the module's docstring)."""
        toxic = float(scores["toxic"][0])
        lang = doc.attrs.get("lang")
        labelled = {f.label for f in doc.findings if f.label in _POLICY_LABELS
                    and f.score >= threshold(f.label, lang, f.signal)}
        labelled |= {h for h in _POLICY_LABELS if h in scores and float(scores[h][0]) >= threshold(h, lang, self.name)}
        if labelled:
            return  # labelled already, by the word lists (which run first) or by a head of its own
        # a country's name is no people: "Qarabağ Azərbaycandır" claims land, it attacks no one
        countries = {(m.start, m.end) for m in item.matches if m.category == "country"}
        for label, categories in _TARGETS:
            if label not in self.heads:
                continue
            at = [m for m in item.matches if m.category in categories and (m.start, m.end) not in countries]
            if not at:
                continue
            first = at[0]
            target = (item.tokens[first.start].start, item.tokens[first.end - 1].end)
            spans = [target] + [(start, end) for start, end, _ in toxic_words]
            # the target word weighs nothing: whether the finding is excused (a quoted slur,
            # a report of deaths) is decided by the toxic head's own words, as for that head
            weights = [0.0] + [round(float(w), 3) for _, _, w in toxic_words]
            doc.add(Finding(
                label=label, score=min(toxic, TARGETED_SCORE),
                reason=f"classifier: toxic, {'about a group' if label == 'hate' else 'aimed at someone'} "
                       f"(«{doc.text[target[0]:target[1]]}»)",
                spans=spans,
                evidence={"toxic": round(toxic, 4), "target": doc.text[target[0]:target[1]], "model": model.version,
                          "words": [doc.text[a:b] for a, b in spans], "weights": weights},
                signal=self.name,
            ))
            return  # one label: a comment about a people said to a reader is hate, not also insult


def _short_and_aimless(words: list[str], item: Any, text: str) -> bool:
    """At most SHORT_REPLY_WORDS words, no cue of an address, violence, a group or a politician,
    and no @mention."""
    return (0 < len(words) <= SHORT_REPLY_WORDS and "@" not in text
            and not any(m.category in _AIMED for m in item.matches))
