"""``civility --help``: Civility's own commands first, each with one line saying what it does."""

from __future__ import annotations

import pytest

from civility import cli


@pytest.mark.parametrize("args", [[], ["--help"], ["-h"], ["help"]])
def test_help_lists_civilitys_commands_first(capsys, args):
    cli.main(args)
    out = capsys.readouterr().out
    ours, django = out.split("Django's commands:")
    for name in ("serve", "worker", "user", "article", "triage", "model"):
        line = next(line for line in ours.splitlines() if line.strip().startswith(f"{name} "))
        assert len(line.split(None, 1)[1]) > 20, line  # a description, not just the name
    assert "migrate" in django and "migrate" not in ours
    assert out.index("Civility's commands:") < out.index("Django's commands:")


def test_help_for_one_command_is_still_djangos(capsys):
    cli.main(["help", "serve"])
    assert "--production" in capsys.readouterr().out
