"""The translations are complete: every string of the code in every language, none fuzzy.

English is the language of the message ids; ru, az, tr and hy must translate each one, with
the same placeholders, and the committed .mo files must say what the .po files say (they are
what Django reads; a fresh checkout has no gettext tools to compile them).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "civility" / "locale"
TRANSLATED = ("ru", "az", "tr", "hy")
DOMAINS = ("django", "djangojs")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|\{\w*\}")

#: a script that only some languages may use is a slip: Azerbaijani is written in Latin letters
SCRIPTS = {
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "hy": re.compile(r"[\u0531-\u058f]"),
}
NOT_IN = {
    "az": re.compile(r"[\u0400-\u04ff\u0531-\u058f]"),
    "tr": re.compile(r"[\u0400-\u04ff\u0531-\u058f]"),
}


def catalog(language: str, domain: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.po"))


def translations(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_and_none_is_fuzzy(language, domain):
    po = catalog(language, domain)
    assert len(po) > 30
    untranslated = [e.msgid for e in po if not e.obsolete and not all(translations(e))]
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]
    assert untranslated == [], f"{language}/{domain}: untranslated"
    assert fuzzy == [], f"{language}/{domain}: fuzzy"
    assert not po.metadata_is_fuzzy and po.metadata["Language"] == language


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_placeholders_and_their_script(language, domain):
    for entry in catalog(language, domain):
        wanted = sorted(set(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid)))
        for text in translations(entry):
            assert sorted(set(PLACEHOLDER.findall(text))) == wanted, (language, entry.msgid, text)
            if language in SCRIPTS and any(c.isalpha() for c in PLACEHOLDER.sub("", entry.msgid)):
                assert SCRIPTS[language].search(text) or entry.msgid == text or "/api/" in text, (language, text)
            if language in NOT_IN:
                assert not NOT_IN[language].search(text), (language, text)


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", TRANSLATED)
def test_committed_mo_files_match_the_po_files(language, domain):
    po = catalog(language, domain)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.mo"))
    compiled = {(e.msgctxt, e.msgid): translations(e) for e in mo if e.msgid}
    written = {(e.msgctxt, e.msgid): translations(e) for e in po if not e.obsolete}
    assert compiled == written, f"run `make messages`: {language}/{domain}.mo is stale"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_catalogs_hold_every_string_of_the_code(tmp_path):
    """makemessages over a copy of the code finds no string the catalogs lack (or no longer need)."""
    copy = tmp_path / "civility"
    shutil.copytree(ROOT / "civility", copy, ignore=shutil.ignore_patterns(
        "__pycache__", "*.npz", "*.bin", "data", "migrations"))
    for domain, extra in (("django", []), ("djangojs", [])):
        subprocess.run(
            [sys.executable, "-m", "django", "makemessages", "-l", "ru", "-d", domain, "--no-obsolete",
             "--no-location", *extra],
            cwd=copy, check=True, capture_output=True, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin",
                                                             "DJANGO_SETTINGS_MODULE": "civility.settings.base",
                                                             "CIVILITY_DATA_DIR": str(tmp_path / "var")},
        )
        fresh = {(e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale/ru/LC_MESSAGES" / f"{domain}.po"))}
        committed = {(e.msgctxt, e.msgid) for e in catalog("ru", domain) if not e.obsolete}
        assert fresh - committed == set(), f"new strings not in {domain}.po: run `make messages` and translate them"
        assert committed - fresh == set(), f"strings no longer in the code: run `make messages` ({domain})"
