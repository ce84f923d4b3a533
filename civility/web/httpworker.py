"""Gunicorn's gthread worker, with requests read in full before a thread takes them.

gthread gives a connection to a thread as soon as its first byte arrives, and the thread
then reads the rest of the request, however slowly it comes. A client that sends its
headers a byte a second holds that thread for as long as it likes: with ``--production``'s
one thread per worker, two such connections stopped a two-worker server, and eight stopped
plain ``civility serve`` (eight threads).

:class:`BufferingThreadWorker` reads in the worker's main loop instead, without blocking
(as nginx buffers requests for the app servers behind it): a connection's bytes are
collected until the request's head and its body (``Content-Length`` or chunked, up to
:data:`MAX_BUFFERED` bytes) have arrived, and only then is it given to a thread, which
parses it from memory. A slow connection costs a socket and its bytes, not a thread; it
gets :data:`READ_TIMEOUT` seconds to send a whole request, then ``408`` and is closed.
The worker holds at most ``worker_connections`` (1,000) connections at a time, as gthread.

It depends on gthread's internals (``TConn``, the poller callbacks), so gunicorn is pinned
to one major version in ``pyproject.toml``; tests/hardening/test_slow_clients.py drives a
real server with slow connections.
"""

from __future__ import annotations

import contextlib
import errno
import json
import re
import selectors
import time
from functools import partial

from gunicorn.http import errors as http_errors
from gunicorn.http2 import negotiation
from gunicorn.workers.gthread import TConn, ThreadWorker

#: seconds a connection has to send a whole request (head and body), from its first byte
#: (a new connection: from when it was accepted)
READ_TIMEOUT = 10.0
#: a request larger than this is given to a thread once this much has arrived (the app
#: refuses bodies of that size anyway)
MAX_BUFFERED = 1024 * 1024
#: bytes read at a time
CHUNK = 64 * 1024

_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:[ \t]*(\d{1,12})[ \t]*\r\n", re.IGNORECASE)
_CHUNKED = re.compile(rb"\r\ntransfer-encoding:[^\r\n]*chunked", re.IGNORECASE)
_EXPECT_CONTINUE = re.compile(rb"^[^\r\n]* HTTP/1\.1\r\n(?:.*\r\n)?expect:[ \t]*100-continue[ \t]*\r\n",
                              re.IGNORECASE | re.DOTALL)
_CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
_LATE = b"The request did not arrive in time. Please retry.\n"
#: requests gunicorn refuses before the application sees them, answered in the API's error
#: shape (``{"error": {code, message, fields}}``) rather than gunicorn's HTML page
_REFUSED: tuple[tuple[type[Exception], int, str, str, str], ...] = (
    (http_errors.LimitRequestLine, 414, "URI Too Long", "uri_too_long",
     "The address is too long. Send long data in a request body."),
    (http_errors.LimitRequestHeaders, 431, "Request Header Fields Too Large", "headers_too_large",
     "The request's headers are too many or too large."),
    (http_errors.ForbiddenProxyRequest, 403, "Forbidden", "forbidden", "This proxy may not send requests here."),
    (http_errors.UnsupportedTransferCoding, 501, "Not Implemented", "unsupported_transfer_coding",
     "This transfer coding is not supported."),
)
_CLIENT_ERRORS = (
    http_errors.InvalidRequestLine, http_errors.InvalidRequestMethod, http_errors.InvalidHTTPVersion,
    http_errors.InvalidHeader, http_errors.InvalidHeaderName, http_errors.InvalidProxyLine,
    http_errors.InvalidSchemeHeaders, http_errors.ObsoleteFolding, http_errors.InvalidChunkSize,
    http_errors.ChunkMissingTerminator, http_errors.InvalidChunkExtension,
    *(kind for kind, *_ in _REFUSED),
)


def refusal(exc: Exception) -> bytes | None:
    """The JSON answer to a request gunicorn could not parse or accept; None for other errors."""
    if not isinstance(exc, _CLIENT_ERRORS):
        return None
    status, reason, code, message = 400, "Bad Request", "bad_request", "The request is not valid HTTP."
    for kind, *answer in _REFUSED:
        if isinstance(exc, kind):
            status, reason, code, message = answer
            break
    body = json.dumps({"error": {"code": code, "message": message, "fields": {}}}).encode()
    return (b"HTTP/1.1 %d %s\r\nConnection: close\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (status, reason.encode(), len(body), body))


_TIMED_OUT = (b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n"
              b"Content-Length: %d\r\n\r\n%s" % (len(_LATE), _LATE))


def request_complete(data: bytes | bytearray) -> bool:
    """Has a whole HTTP/1 request (head, and body if any) arrived, or enough to hand over?"""
    if len(data) >= MAX_BUFFERED:
        return True
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return False
    head = bytes(data[:end + 2])
    if _CHUNKED.search(head):
        return data.endswith(b"0\r\n\r\n")  # the last chunk (with no trailers)
    length = _CONTENT_LENGTH.search(head)
    return length is None or len(data) >= end + 4 + int(length.group(1))


def expects_continue(data: bytes | bytearray) -> bool:
    """Does a client wait for ``100 Continue`` before it sends the body (its head has arrived)?"""
    end = data.find(b"\r\n\r\n")
    return end >= 0 and _EXPECT_CONTINUE.match(bytes(data[:end + 2])) is not None


class BufferingThreadWorker(ThreadWorker):
    """gthread whose main loop reads each request in full before a thread handles it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.reading: dict[TConn, float] = {}  # connection -> its deadline

    def _buffers(self, client) -> bool:
        # TLS and HTTP/2 with prior knowledge read the socket themselves in conn.init()
        return not self.cfg.is_ssl and not negotiation.prior_knowledge_allowed(self.cfg, client)

    def accept(self, listener) -> None:
        try:
            client_sock, client_addr = listener.accept()
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = TConn(self.cfg, client_sock, client_addr, listener.getsockname())  # (non-blocking)
        if self._buffers(client_addr):
            self._begin(conn)
        else:
            client_sock.setblocking(True)
            self.enqueue_req(conn)

    def on_client_socket_readable(self, conn, client) -> None:
        """A kept-alive connection's next request has begun: read it here, as a new one's."""
        if not self._buffers(conn.client):
            return super().on_client_socket_readable(conn, client)
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        conn.sock.setblocking(False)
        self._begin(conn)

    def _begin(self, conn: TConn) -> None:
        conn.civility_buffer, conn.civility_deadline = bytearray(), time.monotonic() + READ_TIMEOUT
        self._read(conn)

    def _read(self, conn: TConn, _fileobj=None) -> None:
        """Collect what has arrived; give the connection to a thread once the request is whole.
        Until then it waits in the poller (``self.reading``) for more."""
        buffered = conn.civility_buffer
        closed = complete = False
        try:
            while not complete:
                data = conn.sock.recv(CHUNK)
                if not data:
                    closed = True
                    break
                buffered += data
                complete = request_complete(buffered)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            closed = True
        if closed and not buffered:
            self._drop(conn)
        elif closed or complete:
            # (a client that closed its side may still read the answer to what it sent)
            if self.reading.pop(conn, None) is not None:
                self.poller.unregister(conn.sock)
            self.enqueue_req(conn)
        else:
            if conn not in self.reading:
                self.reading[conn] = conn.civility_deadline
                self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._read, conn))
            if not getattr(conn, "civility_continued", False) and expects_continue(buffered):
                # the client waits for this before sending its body; gunicorn sends another
                # once a thread has the request, which clients ignore (RFC 9110, 15.2)
                conn.civility_continued = True
                with contextlib.suppress(OSError):
                    conn.sock.send(_CONTINUE)

    def handle(self, conn: TConn):
        """In a thread: the parser starts from the bytes the main loop read."""
        buffered = getattr(conn, "civility_buffer", None)
        if buffered is not None:
            conn.civility_buffer, conn.civility_continued = None, False
            conn.sock.setblocking(True)
            conn.init()
            conn.parser.unreader.unread(bytes(buffered))
        return super().handle(conn)

    def handle_error(self, req, client, addr, exc) -> None:
        """Malformed or oversized requests get the API's JSON error shape, not gunicorn's HTML."""
        answer = refusal(exc)
        if answer is None:
            return super().handle_error(req, client, addr, exc)
        self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
        with contextlib.suppress(Exception):
            client.sendall(answer)
        return None

    def _drop(self, conn: TConn, answer: bytes = b"") -> None:
        if self.reading.pop(conn, None) is not None:
            with contextlib.suppress(OSError, KeyError, ValueError):
                self.poller.unregister(conn.sock)
        if answer:
            with contextlib.suppress(OSError):
                conn.sock.send(answer)
        self.nr_conns -= 1
        conn.close()

    def murder_pending(self) -> None:
        """Also close the connections that did not send their request in time (all of them
        once the worker is stopping)."""
        super().murder_pending()
        now = time.monotonic()
        for conn, deadline in list(self.reading.items()):
            if deadline <= now or not self.alive:
                self._drop(conn, _TIMED_OUT if conn.civility_buffer else b"")
