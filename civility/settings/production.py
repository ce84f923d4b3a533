"""Production settings: HTTPS only, SECRET_KEY and hosts required from the environment.

``civility check --deploy`` is clean under these settings.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from civility.settings.base import *  # noqa: F403
from civility.settings.env import env_bool, env_list

if not os.environ.get("SECRET_KEY", "").strip():
    raise ImproperlyConfigured("SECRET_KEY must be set in production (50+ random characters).")
if not os.environ.get("CIVILITY_ALLOWED_HOSTS", "").strip():
    raise ImproperlyConfigured("CIVILITY_ALLOWED_HOSTS must list the host names Civility serves.")

ALLOWED_HOSTS = env_list("CIVILITY_ALLOWED_HOSTS")
DEBUG = False
SECURE_SSL_REDIRECT = env_bool("CIVILITY_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Load balancers probe app servers over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]  # and so does Prometheus
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The widget runs on the newspaper's own domain: a logged-in author's session
# cookie must travel on its cross-site requests.
SESSION_COOKIE_SAMESITE = "None"
CSRF_COOKIE_SAMESITE = "None"
