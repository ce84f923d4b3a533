"""WSGI entry point for gunicorn and other servers.

Django's handler with the thread fast path in front (``civility.api.fastpath``).
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civility.settings.base")
django.setup(set_prefix=False)

from civility.api.fastpath import Handler  # noqa: E402  (needs the apps loaded)

application = Handler()
