"""WSGI entry point for gunicorn and other servers.

Django's handler with the thread fast path in front (``civility.api.fastpath``), timed for
``/metrics``, each request with an id for the logs (``X-Request-ID``).
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civility.settings.base")
django.setup(set_prefix=False)

from civility.api.fastpath import Handler  # noqa: E402  (needs the apps loaded)
from civility.observability.logs import with_request_id  # noqa: E402
from civility.observability.metrics import observed  # noqa: E402

application = with_request_id(observed(Handler()))
