"""Settings for the embedded deployment: one machine, SQLite in WAL mode.

Everything an operator may change comes from environment variables, all listed
in docs/configuration.md (a test keeps that page and this module in step).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from civility.notifications.email_url import parse_email_url
from civility.settings.env import (
    env_bool,
    env_choice,
    env_days,
    env_hours,
    env_list,
    env_networks,
    env_rate,
    env_seconds,
    env_str,
    secret_key,
)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("CIVILITY_DATA_DIR", "var")).resolve()

SECRET_KEY = secret_key(DATA_DIR)
DEBUG = env_bool("CIVILITY_DEBUG", False)
ALLOWED_HOSTS = env_list("CIVILITY_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CIVILITY_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "civility.accounts",
    "civility.publishing",
    "civility.comments",
    "civility.moderation",
    "civility.people",
    "civility.triage",
    "civility.classify",
    "civility.background",
    "civility.learning",
    "civility.web",
    "civility.notifications",
    "civility.portability",
    "civility.db",
    "civility.observability",
    "civility.i18n",
    "civility.readers",
]

MIDDLEWARE = [
    # First: every error under /api/ leaves in the API's JSON shape, whoever produced it.
    "civility.api.middleware.ApiErrors",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # the language of the answer: ?lang=, the switcher's cookie (pages only), Accept-Language
    "civility.i18n.middleware.RequestLanguage",
    "django.middleware.common.CommonMiddleware",
    # 413 / 415 / NUL characters under /api/ (and NUL in pages' addresses), before CSRF,
    # authentication or any view.
    "civility.api.middleware.InputGuard",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # answers a locked-out log-in with the page below (it must come last: docs of django-axes)
    "axes.middleware.AxesMiddleware",
    # notes the matched route for the request-latency metric (process_view only)
    "civility.observability.middleware.RouteTag",
]

ROOT_URLCONF = "civility.urls"
WSGI_APPLICATION = "civility.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_default_db = f"sqlite:///{DATA_DIR / 'civility.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL", _default_db), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run while a comment is being written; IMMEDIATE avoids
    # "database is locked" upgrades when two writers meet; our backend retries a waiting
    # writer's BEGIN every 2 ms at most instead of SQLite's sleeps of up to 100 ms.
    DATABASES["default"]["ENGINE"] = "civility.db.sqlite3"
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
# Connections are kept between requests (opening one costs the PRAGMAs above, a fifth of a
# cached thread request's time); a broken one is replaced before use.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Log-in throttling (django-axes, failures recorded in the database, so every app server sees
# them): after 10 failed log-ins within 15 minutes for one user name, or from one address,
# further attempts are refused until 15 minutes pass without one, or an admin unlocks
# (`civility user unlock NAME`, or the admin's "Access attempts"). docs/deploy.md.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out attempt before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own, not the pair
AXES_CLIENT_IP_CALLABLE = "civility.accounts.throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "civility.accounts.throttle.locked_out"
AXES_USERNAME_CALLABLE = "civility.accounts.throttle.username_of"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "after-login"
LOGOUT_REDIRECT_URL = "login"

# The site's default language (any of LANGUAGES); readers and staff get their own
# (civility.i18n, docs/languages.md).
LANGUAGE_CODE = env_str("CIVILITY_LANGUAGE", "en")
LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("az", "Azərbaycanca"),
    ("tr", "Türkçe"),
    ("hy", "Հայերեն"),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Only needed for `collectstatic`; unset, static files are served from the packages.
STATIC_ROOT = env_str("CIVILITY_STATIC_ROOT", "") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the packages' static folders: no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# One process (the embedded deployment): the cache lives in its memory. With REDIS_URL
# every process and machine shares it: rate-limit counters, cached thread pages,
# embed origins. Short socket timeouts keep a Redis outage from hanging requests.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "civility",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions stay in the database (shared by every process already); only staff log in,
# so they are few, and a Redis restart never logs moderators out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Security headers (production.py adds the HTTPS-only ones) ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A refused form says what to do in our words, not Django's reason ("CSRF token missing.").
CSRF_FAILURE_VIEW = "civility.web.views.csrf_failure"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# --- Embedding (CORS). Origins come from this list plus each site's own list
# (Admin → Sites), checked in civility.publishing.cors.
CIVILITY_EMBED_ORIGINS = env_list("CIVILITY_EMBED_ORIGINS")
CORS_URLS_REGEX = r"^/api/v1/(articles|counts|session|triage)"
CORS_ALLOW_CREDENTIALS = True
# The widget reads Retry-After to tell a reader how long to wait.
CORS_EXPOSE_HEADERS = ["Retry-After"]

# --- Readers' own comments (civility/readers): how long after posting a reader may edit or
# delete a comment from the same browser (a signed token the widget keeps).
CIVILITY_READER_EDIT_WINDOW = env_seconds("CIVILITY_READER_EDIT_WINDOW", 15 * 60)

# --- Submission rate limits ("5/min", "100/h", "off") ---
CIVILITY_SUBMIT_RATE_PER_IP = env_rate("CIVILITY_SUBMIT_RATE_PER_IP", "10/min")
CIVILITY_SUBMIT_RATE_PER_EMAIL = env_rate("CIVILITY_SUBMIT_RATE_PER_EMAIL", "5/min")
# Draft checks from the widget (POST /api/v1/triage) per client address.
CIVILITY_TRIAGE_RATE_PER_IP = env_rate("CIVILITY_TRIAGE_RATE_PER_IP", "30/min")
# Readers' reports of published comments per client address (civility/readers).
CIVILITY_REPORT_RATE_PER_IP = env_rate("CIVILITY_REPORT_RATE_PER_IP", "10/h")
RATELIMIT_USE_CACHE = "default"
# The embedded deployment runs one server process, so a process-local cache
# counts every request; with several processes set REDIS_URL (`civility serve
# --production` refuses several workers without it).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
# Number of proxies in front of us whose X-Forwarded-For we trust (0: use REMOTE_ADDR).
CIVILITY_TRUSTED_PROXIES = int(env_str("CIVILITY_TRUSTED_PROXIES", "0"))

# --- Background tasks (django-tasks; docs/deploy.md, "The worker") ---
# "database": tasks are rows in DATABASE_URL's database, run by `civility worker` (plain
# `civility serve` starts one for you). "immediate": run inline, where they are enqueued.
CIVILITY_TASKS_BACKEND = env_choice("CIVILITY_TASKS_BACKEND", "database", ("database", "immediate"))
TASKS = {"default": {"BACKEND": {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}[CIVILITY_TASKS_BACKEND]}}
# A worker that has not reported for this long is taken for dead: its running task is
# queued again (at most CIVILITY_TASK_MAX_ATTEMPTS attempts in all).
CIVILITY_WORKER_LEASE = env_seconds("CIVILITY_WORKER_LEASE", 30)
CIVILITY_TASK_MAX_ATTEMPTS = 3
# Every this many seconds a worker triages the comments stored since its last look that have
# no triage report (a crash between storing and triaging; civility.triage.recovery).
CIVILITY_TRIAGE_RECOVERY_EVERY = env_seconds("CIVILITY_TRIAGE_RECOVERY_EVERY", 60)
# Days after which `civility worker` clears comments' IP addresses and user agents
# (civility.portability.retention; docs/portability.md). 0 keeps them.
CIVILITY_IP_RETENTION_DAYS = env_days("CIVILITY_IP_RETENTION_DAYS", 90)

# Periodic work: every worker queues each of these tasks every so many seconds (unless one
# is still waiting), e.g. notifications' retries and moderators' alerts.
CIVILITY_PERIODIC_TASKS = {"civility.notifications.tasks.notifications_tick": 60}

# --- Email (civility/notifications; docs/notifications.md) ---
# One URL: smtp://user:pass@host:port, smtp+tls://…, smtps://…, console:, file:///folder.
# Unset, messages are written as files under the data directory, so nothing is sent by accident.
EMAIL_URL = env_str("EMAIL_URL", f"file://{DATA_DIR / 'mail'}")
_email = parse_email_url(EMAIL_URL)
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_FILE_PATH = _email.get("EMAIL_FILE_PATH")
EMAIL_HOST = _email.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = _email.get("EMAIL_TIMEOUT")
DEFAULT_FROM_EMAIL = env_str("CIVILITY_EMAIL_FROM", "Civility <civility@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in messages (unsubscribe, "your comment is live") start with this address.
CIVILITY_BASE_URL = env_str("CIVILITY_BASE_URL", "http://127.0.0.1:8000")
# A message or webhook call that keeps failing is tried this many times (backoff 1, 2, 4… minutes).
CIVILITY_NOTIFY_MAX_ATTEMPTS = 8

# --- Metrics: GET /metrics in the Prometheus text format (docs/deploy.md, "Metrics and logs").
# Off until one of these is set; either one lets a scraper in.
CIVILITY_METRICS_TOKEN = env_str("CIVILITY_METRICS_TOKEN", "")
CIVILITY_METRICS_ALLOWED_ADDRESSES = env_networks("CIVILITY_METRICS_ALLOWED_ADDRESSES")

# Adapt the classifier to moderators' decisions on a schedule (civility.learning.runs; off by
# default): the workers queue one `civility model adapt` run every CIVILITY_MODEL_ADAPT_HOURS.
CIVILITY_MODEL_ADAPT = env_bool("CIVILITY_MODEL_ADAPT", False)
CIVILITY_MODEL_ADAPT_HOURS = env_hours("CIVILITY_MODEL_ADAPT_HOURS", 24)

# --- Demo data created by `civility serve` ---
CIVILITY_DEMO = env_bool("CIVILITY_DEMO", True)

# "text" (the message alone) or "json" (one object per line, with the request id; docs/deploy.md)
CIVILITY_LOG_FORMAT = env_choice("CIVILITY_LOG_FORMAT", "text", ("text", "json"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # control characters from requests (a NUL in a path) are escaped, never written raw;
    # every record carries the id of the request it was written in (civility.observability.logs)
    "filters": {"escape_controls": {"()": "civility.log.EscapeControls"},
                "request_id": {"()": "civility.observability.logs.RequestIdFilter"}},
    "formatters": {"text": {"format": "%(message)s"},
                   "json": {"()": "civility.observability.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id", "escape_controls"],
                             "formatter": CIVILITY_LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env_str("CIVILITY_LOG_LEVEL", "INFO")},
    # django-axes announces itself at every start, commands included; its failures and
    # lockouts (warnings) still show
    "loggers": {"axes.apps": {"level": "WARNING"}},
}

# --- Triage: the signals every comment passes through, in order (docs/triage.md) ---
CIVILITY_TRIAGE_PIPELINE = [
    {"signal": "normalize.v1"},
    # low_accuracy keeps the language models at ~25 MB instead of ~265 MB per process
    {"signal": "langid.v1", "options": {"low_accuracy": True}},
    {"signal": "wordlist.v1"},
    # the shipped model (docs/MODEL.md): toxic, hate, insult, threat and obscene scores; after
    # the word lists, so that a clearly toxic comment they have not labelled gets its label by
    # whom it is aimed at (civility/classify/signal.py), and before spam.v2, which reads its spam head
    {"signal": "classifier.v1", "options": {"heads": ["toxic", "hate", "insult", "threat", "obscene"]}},
    # spam evidence: contact channels × commercial cues (docs/spam.md)
    {"signal": "spam.v2"},
    {"signal": "history.v1"},
    {"signal": "duplicates.v1"},
]
# A second, slower stage run by the worker after the comment is stored and queued with the
# report above (e.g. [{"signal": "akismet.v1", "options": {...}}]); its findings are merged
# into the stored report. It starts from the stored report's lang, first_timer,
# duplicate_of and campaign; list normalize.v1 again if a signal needs the normalised text.
CIVILITY_TRIAGE_BACKGROUND: list[dict] = []
# The widget's nudge ("this draft may read as a personal attack"): per label, the score a
# draft must reach. None: the policy's measured levels (civility/triage/policy.py NUDGE_AT,
# docs/triage.md); {} turns the nudge off.
CIVILITY_NUDGE_AT: dict[str, float] | None = None
