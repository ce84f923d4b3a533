"""Which language a comment is written in: ``doc.attrs["lang"]``.

An ISO 639-1 code (``"az"``, ``"hy"``…) or ``"und"`` (undetermined) when the text is too
short or the detector is unsure. The policy uses it for per-language thresholds, the queue
for filtering.

We use Lingua (``lingua-language-detector``) in its high-accuracy mode, restricted to the
languages our readers write in: it tells Azerbaijani from Turkish in three-word comments and
in Azerbaijani typed without "ə", where py3langid does not (docs/spam.md has the numbers).
Its models ship inside the wheel and load once per process, on the first comment (about
3 s and 270 MiB for the default nine languages; ``low_accuracy`` needs 30 MiB but errs on
short texts). Each language costs memory: list only those your readers use, plus one or two
"absorbers" (German here) that keep foreign or transliterated text from being forced into
one of yours.

Russian or Armenian typed in Latin letters ("privet, kak dela", "barev dzez") is recognised
by no detector we tried: about half comes out "und", the rest as a Latin-script language
(often Turkish or English).

    LanguageId(languages=["en", "ru", "az"], min_confidence=0.5)
"""

from __future__ import annotations

import re
import threading
from typing import Any

from civility.triage.registry import Signal
from civility.triage.types import Doc

UNDETERMINED = "und"
DEFAULT_LANGUAGES: tuple[str, ...] = ("en", "ru", "tr", "az", "hy", "uk", "ka", "fa", "de")

#: longer comments are judged on their start: enough to tell, and it bounds the time
_MAX_CHARS = 1000
#: what says nothing about the language: links, e-mail addresses, @handles
_NOISE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|@\w+", re.IGNORECASE)

_detectors: dict[tuple[tuple[str, ...], bool], Any] = {}
_lock = threading.Lock()


def _detector(languages: tuple[str, ...], low_accuracy: bool) -> Any:
    """One Lingua detector per configuration and process, built on first use (thread-safe)."""
    key = (languages, low_accuracy)
    detector = _detectors.get(key)
    if detector is None:
        with _lock:
            detector = _detectors.get(key)
            if detector is None:
                from lingua import IsoCode639_1, LanguageDetectorBuilder

                builder = LanguageDetectorBuilder.from_iso_codes_639_1(
                    *(getattr(IsoCode639_1, code.upper()) for code in languages))
                if low_accuracy:
                    builder = builder.with_low_accuracy_mode()
                detector = _detectors[key] = builder.with_preloaded_language_models().build()
    return detector


class LanguageId(Signal):
    """Sets ``doc.attrs["lang"]``; adds no findings."""

    assigns = ("lang",)

    def __init__(self, *, languages: list[str] | tuple[str, ...] = DEFAULT_LANGUAGES, min_confidence: float = 0.5,
                 min_letters: int = 3, low_accuracy: bool = False) -> None:
        super().__init__()
        from lingua import IsoCode639_1  # the module only (fast); its models load on first use

        if isinstance(languages, str) or not isinstance(languages, list | tuple):
            raise TypeError("languages must be a list of ISO 639-1 codes, like ['en', 'ru', 'az']")
        codes = tuple(dict.fromkeys(str(code).strip().lower() for code in languages))
        unknown = [code for code in codes if not hasattr(IsoCode639_1, code.upper()) or len(code) != 2]
        if unknown:
            raise ValueError(f"languages: unknown ISO 639-1 code(s): {', '.join(unknown)}")
        if len(codes) < 2:
            raise ValueError("languages: give at least two languages to choose between")
        if isinstance(min_confidence, bool) or not isinstance(min_confidence, int | float):
            raise TypeError("min_confidence must be a number between 0 and 1")
        if not 0 <= min_confidence < 1:
            raise ValueError("min_confidence must be at least 0 and below 1")
        if isinstance(min_letters, bool) or not isinstance(min_letters, int):
            raise TypeError("min_letters must be an integer")
        if min_letters < 0:
            raise ValueError("min_letters cannot be negative")
        if not isinstance(low_accuracy, bool):
            raise TypeError("low_accuracy must be true or false")
        self.languages = codes
        self.min_confidence = float(min_confidence)
        self.min_letters = min_letters
        self.low_accuracy = low_accuracy

    def detect(self, text: str) -> str:
        """The language of ``text``: an ISO 639-1 code, or ``"und"``."""
        text = _NOISE.sub(" ", text[:_MAX_CHARS])
        if sum(ch.isalpha() for ch in text) < max(self.min_letters, 1):
            return UNDETERMINED
        best = _detector(self.languages, self.low_accuracy).compute_language_confidence_values(text)[0]
        if best.value < self.min_confidence or best.value <= 0:
            return UNDETERMINED
        return best.language.iso_code_639_1.name.lower()

    def __call__(self, doc: Doc) -> None:
        doc.attrs["lang"] = self.detect(doc.text)
