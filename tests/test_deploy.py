"""The files under deploy/ are real: units that systemd accepts, running commands that exist.

docs/deploy.md shows each file verbatim; this keeps the two, and the commands, in step.
"""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
INSTALL_DIR = "/opt/civility"


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None, comment_prefixes=("#", ";"))
    parser.optionxform = str  # systemd's keys are case-sensitive
    parser.read_string(path.read_text(), source=str(path))
    return parser


def test_the_units_named_by_the_docs_are_shipped():
    assert [p.name for p in UNITS] == ["civility-worker@.service", "civility.service"]


@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.name)
def test_a_unit_parses_and_names_what_exists(path):
    parsed = unit(path)
    assert parsed.sections() == ["Unit", "Service", "Install"]
    service = parsed["Service"]
    assert service["WorkingDirectory"] == INSTALL_DIR
    assert service["User"] == service["Group"] == "civility"
    assert service["Restart"] in {"on-failure", "always"} and int(service["TimeoutStopSec"]) > 30
    # the program is the console script that `make install` puts in the checkout's .venv
    program, *args = shlex.split(service["ExecStart"])
    assert program == f"{INSTALL_DIR}/.venv/bin/civility"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["civility"] == "civility.cli:main"
    assert re.search(r"^VENV\s*\?=\s*\.venv$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    # its arguments are ones the command accepts
    from django.core.management import load_command_class

    name, *options = args
    app = {"serve": "civility.web", "worker": "civility.background"}[name]
    load_command_class(app, name).create_parser("civility", name).parse_args(options)
    # the one writable path is the data directory the environment file names
    env = dict(line.split("=", 1) for line in (DEPLOY / "civility.env.example").read_text().splitlines()
               if line and not line.startswith("#"))
    assert service["ReadWritePaths"] == env["CIVILITY_DATA_DIR"] == f"{INSTALL_DIR}/var"
    assert service["EnvironmentFile"] == "/etc/civility/civility.env"
    assert (DEPLOY / "civility.env.example").read_text().startswith(f"# {service['EnvironmentFile']} ")
    if "ExecReload" in service:
        assert Path(shlex.split(service["ExecReload"])[0]).exists()
    assert parsed["Install"]["WantedBy"] == "multi-user.target"


def test_the_environment_example_sets_only_documented_variables():
    names = re.findall(r"^([A-Z_]+)=", (DEPLOY / "civility.env.example").read_text(), re.MULTILINE)
    documented = (ROOT / "docs/configuration.md").read_text()
    assert names and all(f"`{n}`" in documented for n in names), names


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.name)
def test_systemd_accepts_the_unit(path, tmp_path):
    """`systemd-analyze verify` on a copy installed under tmp_path: every key known, every value
    parsed, the program executable (the test's own virtual environment's `civility`)."""
    install = tmp_path / "opt"
    (install / ".venv/bin").mkdir(parents=True)
    (install / "var").mkdir()
    civility = Path(sys.executable).parent / "civility"
    if not civility.exists():
        pytest.skip(f"{civility} is not installed (pip install -e .)")
    (install / ".venv/bin/civility").symlink_to(civility)
    env = tmp_path / "civility.env"
    env.write_text((DEPLOY / "civility.env.example").read_text())
    text = path.read_text().replace(INSTALL_DIR, str(install)).replace("/etc/civility/civility.env", str(env))
    copy = tmp_path / path.name.replace("@.", "@1.")  # a template is verified as an instance
    copy.write_text(text)
    r = subprocess.run([shutil.which("systemd-analyze") or "", "verify", str(copy)], capture_output=True,
                       text=True, check=False, timeout=60)
    ours = [line for line in (r.stdout + r.stderr).splitlines() if copy.name in line]
    assert r.returncode == 0 and not ours, r.stdout + r.stderr


def test_the_nginx_example_proxies_to_the_app_servers_port():
    conf = (DEPLOY / "nginx/civility.conf").read_text()
    code = re.sub(r"#[^\n]*", "", conf)
    assert code.count("{") == code.count("}")
    port = shlex.split(unit(DEPLOY / "systemd/civility.service")["Service"]["ExecStart"])[-1]
    assert re.findall(r"server (\S+):(\d+);", code) == [("10.0.0.11", port), ("10.0.0.12", port)]
    for header in ("Host $host", "X-Forwarded-Proto $scheme", "X-Forwarded-For $proxy_add_x_forwarded_for",
                   "X-Request-ID $request_id"):
        assert f"proxy_set_header {header};" in code
    assert "proxy_pass http://civility;" in code and "location = /metrics" in code


def test_the_caddy_example_checks_health_where_civility_answers():
    from django.urls import resolve

    caddy = (DEPLOY / "caddy/Caddyfile").read_text()
    assert "reverse_proxy 10.0.0.11:8000 10.0.0.12:8000" in caddy
    assert resolve(re.search(r"health_uri (\S+)", caddy).group(1)).url_name == "healthz"


@pytest.mark.parametrize("path", [*UNITS, DEPLOY / "civility.env.example", DEPLOY / "nginx/civility.conf",
                                  DEPLOY / "caddy/Caddyfile"], ids=lambda p: p.name)
def test_the_docs_show_each_file_as_it_is(path):
    assert path.read_text().rstrip("\n") in (ROOT / "docs/deploy.md").read_text()
    assert str(path.relative_to(ROOT)) in (ROOT / "docs/deploy.md").read_text()
