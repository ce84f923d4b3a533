"""Defect 4 of the hardening issue: a handful of slow clients took the server down.

Gunicorn's gthread worker gave a connection to a thread at its first byte, and the thread
then waited for the rest: 2 connections sending their headers a byte a second stopped
``serve --production --workers 2`` (one thread per worker), 8 stopped plain ``serve``. Here
10 such connections are open while ordinary requests must still be answered (each within
a few seconds: a bound on waiting, not a speed measurement), against real servers.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from civility.web.httpworker import READ_TIMEOUT, expects_continue, request_complete
from tests.test_ratelimit import redis_url  # noqa: F401 (fixture)
from tests.web.test_serve import PRODUCTION_ENV, _civility, _free_port, _get, _wait_for

SLOW = 10


def migrate(env: dict[str, str], tmp_path: Path) -> None:
    cmd, environment = _civility("migrate", "--verbosity", "0", env={**env, "CIVILITY_DATA_DIR": str(tmp_path)})
    subprocess.run(cmd, env=environment, check=True, timeout=120)


@contextmanager
def server(args: list[str], env: dict[str, str], tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    cmd, environment = _civility(*args, "--port", str(port), env={**env, "CIVILITY_DATA_DIR": str(tmp_path)})
    log = tmp_path / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, env=environment, stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(lambda: _get(f"{base}/healthz")[0] == 200, "/healthz", proc, log)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=60)


@contextmanager
def slow_connections(base: str, count: int = SLOW) -> Iterator[list[socket.socket]]:
    """``count`` connections that send a request's head one byte a second (until told to stop)."""
    host, port = base.removeprefix("http://").split(":")
    head = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"x" * 60 + b"\r\n\r\n"
    socks = [socket.create_connection((host, int(port)), timeout=5) for _ in range(count)]
    stop = threading.Event()

    def drip() -> None:
        for i in range(len(head) - 2):  # never the final CRLF
            for s in socks:
                with contextlib.suppress(OSError):  # the server gave up on it, as it should
                    s.send(head[i:i + 1])
            if stop.wait(1.0):
                return

    dripping = threading.Thread(target=drip, daemon=True)
    dripping.start()
    try:
        stop.wait(1.5)  # every connection has begun its request
        yield socks
    finally:
        stop.set()
        dripping.join(timeout=5)
        for s in socks:
            s.close()


def ordinary_requests_answer(base: str, n: int = 5) -> None:
    for _ in range(n):
        with urllib.request.urlopen(f"{base}/healthz", timeout=5) as r:  # noqa: S310 (our own local server)
            assert r.status == 200


def test_production_serves_while_ten_connections_dribble(tmp_path, redis_url):  # noqa: F811
    env = {**PRODUCTION_ENV, "REDIS_URL": redis_url}
    migrate(env, tmp_path)
    with server(["serve", "--production", "--workers", "2"], env, tmp_path) as base:
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=READ_TIMEOUT + 10) as late:
            late.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the rest
            with slow_connections(base):
                ordinary_requests_answer(base)
            # a connection that has not sent its whole request in time is answered 408 and closed
            answer = b""
            while chunk := late.recv(1000):
                answer += chunk
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 408") and b"Content-Length: %d" % len(body) in head


def test_plain_serve_serves_while_ten_connections_dribble(tmp_path):
    with server(["serve", "--no-worker", "--no-demo"], {"DATABASE_URL": ""}, tmp_path) as base, \
            slow_connections(base):
        ordinary_requests_answer(base)


def test_a_slow_body_does_not_hold_a_thread_either(tmp_path, redis_url):  # noqa: F811
    """The head arrives at once, the body never: the request is not given to a thread."""
    env = {**PRODUCTION_ENV, "REDIS_URL": redis_url}
    migrate(env, tmp_path)
    with server(["serve", "--production", "--workers", "1"], env, tmp_path) as base:
        host, port = base.removeprefix("http://").split(":")
        stuck = [socket.create_connection((host, int(port)), timeout=5) for _ in range(4)]
        try:
            for s in stuck:
                s.sendall(b"POST /api/v1/articles/x/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"body\": ")
            ordinary_requests_answer(base)
        finally:
            for s in stuck:
                s.close()


@pytest.mark.parametrize(("data", "whole"), [
    (b"GET / HTTP/1.1\r\nHost: a\r\n", False),
    (b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", True),
    (b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nabc", False),
    (b"POST / HTTP/1.1\r\ncontent-length:  5\r\n\r\nabcde", True),
    (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", False),
    (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", True),
    (b"GET /" + b"a" * (1024 * 1024), True),  # too large to hold: the parser will refuse it
])
def test_when_a_request_is_whole(data, whole):
    assert request_complete(data) is whole


@pytest.mark.parametrize(("data", "expects"), [
    (b"POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n", True),
    (b"POST / HTTP/1.1\r\nexpect:100-Continue\r\n\r\n", True),
    (b"POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n", False),  # the head is not whole yet
    (b"POST / HTTP/1.0\r\nExpect: 100-continue\r\n\r\n", False),  # HTTP/1.0 ignores it (RFC 9110)
    (b"POST / HTTP/1.1\r\nX-Expect: 100-continue\r\n\r\n", False),
])
def test_which_requests_wait_for_100_continue(data, expects):
    assert expects_continue(data) is expects


def test_a_client_that_waits_for_100_continue_gets_it_and_its_answer(tmp_path):
    with server(["serve", "--no-worker", "--no-demo"], {"DATABASE_URL": ""}, tmp_path) as base:
        host, port = base.removeprefix("http://").split(":")
        body = b'{"body": "x"}'
        with socket.create_connection((host, int(port)), timeout=5) as s:
            s.sendall(b"POST /api/v1/articles/nowhere/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      b"Content-Type: application/json\r\nExpect: 100-continue\r\n"
                      b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n")
            assert s.recv(100).startswith(b"HTTP/1.1 100 Continue")
            s.sendall(body)
            answer = b""
            while chunk := s.recv(65536):
                answer += chunk
    assert b"HTTP/1.1 404" in answer  # the request reached the app (no such article)


def _raw(base: str, data: bytes) -> bytes:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(data)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    return answer


def test_requests_gunicorn_refuses_get_the_json_error_shape(tmp_path):
    """414 and 431 are answered by the server before Django runs: in our JSON shape too."""
    import json

    with server(["serve", "--no-worker", "--no-demo"], {"DATABASE_URL": ""}, tmp_path) as base:
        long_line = _raw(base, b"GET /api/v1/counts?keys=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        many_headers = _raw(base, b"GET /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + b"".join(b"X-H%d: v\r\n" % i for i in range(150)) + b"\r\n")
        garbage = _raw(base, b"NOT HTTP AT ALL\r\n\r\n")
    for answer, status, code in ((long_line, b"414", "uri_too_long"), (many_headers, b"431", "headers_too_large"),
                                 (garbage, b"400", "bad_request")):
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 " + status), answer[:200]
        assert b"Content-Type: application/json" in head
        assert json.loads(body)["error"]["code"] == code
