"""gunicorn's own log lines (start-up, workers, the access log) in Civility's format.

``civility serve`` names :class:`Logger` as gunicorn's ``logger_class``: gunicorn sets up its
handlers as usual, then each gets the request-id filter, and the JSON formatter when
``CIVILITY_LOG_FORMAT=json``. Text access lines end with the request id.
"""

from __future__ import annotations

from django.conf import settings
from gunicorn import glogging

from civility.log import EscapeControls
from civility.observability.logs import ACCESS_ATOM, JsonFormatter, RequestIdFilter

#: gunicorn's default access format, and the request id
ACCESS_FORMAT = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(' + ACCESS_ATOM + ')s'


class Logger(glogging.Logger):
    def setup(self, cfg) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.addFilter(RequestIdFilter())
                handler.addFilter(EscapeControls())
                if settings.CIVILITY_LOG_FORMAT == "json":
                    handler.setFormatter(JsonFormatter())
