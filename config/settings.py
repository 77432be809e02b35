"""One settings module, driven by environment variables.

Embedded default: SQLite, files under var/, a Celery worker on a filesystem queue under var/. Scale path: DATABASE_URL,
REDIS_URL, CELERY_BROKER_URL, BEIAN_S3_BUCKET select PostgreSQL, Redis, Celery and S3.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url

from config.logformats import FORMATTERS

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


TESTING = env_bool("BEIAN_TESTING") or "pytest" in sys.modules
_test_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if TESTING and (
    not os.environ.get("BEIAN_VAR_DIR") or os.environ.get("BEIAN_TEST_VAR_WORKER", _test_worker) != _test_worker
):
    # Tests never write into the checkout's var/: one temporary directory per test process, removed
    # at exit. xdist workers inherit the controller's environment, so a worker makes its own (the
    # marker says whose it is); processes a test starts (Celery, crash tests) inherit their worker's.
    _test_var = tempfile.mkdtemp(prefix=f"beian-test-var-{_test_worker or 'main'}-")
    os.environ["BEIAN_VAR_DIR"] = _test_var
    os.environ["BEIAN_TEST_VAR_WORKER"] = _test_worker
    atexit.register(shutil.rmtree, _test_var, ignore_errors=True)
VAR_DIR = Path(os.environ.get("BEIAN_VAR_DIR", BASE_DIR / "var"))


def _env_file(path: Path) -> None:
    """Load KEY=VALUE lines written by `make run` (generated demo secrets) without overriding."""
    if path.exists():
        for line in path.read_text().splitlines():
            if "=" in line and not line.startswith("#"):
                key, value = line.split("=", 1)
                os.environ.setdefault(key.strip(), value.strip())


_env_file(VAR_DIR / "secrets.env")


# Off unless asked for: `make run` (the demo) sets DJANGO_DEBUG=1; `make serve` and the containers leave it off.
DEBUG = env_bool("DJANGO_DEBUG", False)
# Demo tools (a signed photo of an order's own verification form, for a demo without a printer): on with DEBUG
# (and in tests)
DEMO_TOOLS = env_bool("BEIAN_DEMO_TOOLS", DEBUG or TESTING)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
SALT_KEY = os.environ.get("BEIAN_PII_KEY", "")  # field-encryption key material
BLIND_INDEX_KEY = os.environ.get("BEIAN_BLIND_INDEX_KEY", "")
if TESTING:
    SECRET_KEY = SECRET_KEY or "test-secret-key-not-for-production"
    SALT_KEY = SALT_KEY or "test-pii-key"
    BLIND_INDEX_KEY = BLIND_INDEX_KEY or "test-blind-index-key"
if not (SECRET_KEY and SALT_KEY and BLIND_INDEX_KEY):
    raise RuntimeError(
        "DJANGO_SECRET_KEY, BEIAN_PII_KEY and BEIAN_BLIND_INDEX_KEY must be set "
        "(`make run` generates them into var/secrets.env)."
    )

# Host headers: hosted sites answer on their customers' own domains, so Django cannot list every host.
# HostedSiteMiddleware (first in MIDDLEWARE) validates each request's Host instead: a platform host (the
# names in DJANGO_ALLOWED_HOSTS, plus BEIAN_PLATFORM_HOSTS) goes to the platform; any other host must be a
# hosted site's address (SiteDomain rows, `<slug>` + BEIAN_HOSTED_SUFFIX) or it gets the 404 "no site here"
# page before any view, cookie or redirect sees it. Django's own check therefore accepts any host.
PLATFORM_HOSTS = [
    h.strip().lower()
    for h in (
        os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")
        + os.environ.get("BEIAN_PLATFORM_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    )
    if h.strip() and h.strip() != "*"  # "*" would leave no host to the hosted sites
]
ALLOWED_HOSTS = ["*"]
HOSTED_SITE_SUFFIX = os.environ.get("BEIAN_HOSTED_SUFFIX", ".localhost")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_prometheus",  # request metrics for /metrics (beian.core.observability; not public)
    "axes",  # login throttling and lockout (beian.accounts.throttle)
    "django_otp",  # the optional second factor of staff (beian.accounts.two_factor)
    "django_otp.plugins.otp_totp",
    "ninja",  # its templates and static files: /api/docs serves Swagger UI from our host, not a CDN
    "beian.core",
    "beian.accounts",
    "beian.reference",
    "beian.filings",
    "beian.materials",
    "beian.regulator",
    "beian.hosting",
    "beian.integrations",
    "beian.notifications",
    "beian.monitor",
    "beian.webhooks",
    "beian.plans",
    "beian.applicant",
    "beian.review",
    "beian.operator",
    "beian.demo",
    "beian.api",
    "beian.support",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "beian.core.observability.RequestLogMiddleware",  # one JSON log line per request, whatever answers it
    "beian.hosting.middleware.HostedSiteMiddleware",  # validates the Host header first (ALLOWED_HOSTS above)
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy of platform pages (CONTENT_SECURITY_POLICY below)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # before anything reads the body (CSRF reads request.POST): refuses a body over the limit unread
    "beian.materials.middleware.RequestBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # whether the session passed the second factor
    "beian.accounts.middleware.SecondFactorMiddleware",  # staff sessions that have not: only the code page
    "beian.accounts.middleware.TenantMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # a locked-out login answers the lockout page (beian.accounts.throttle)
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "beian.accounts.context_processors.roles",
                "beian.core.context_processors.demo_tools",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'beian.sqlite3'}",
        # Persistent connections (checked before reuse): a hosted page makes one query, and opening
        # a connection per request cost more than the query (bench/gate.py).
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if TESTING and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Tests only: a commit does not wait for the WAL to reach the disk (a crash of the test server may lose
    # the last commits, which a test database never keeps anyway); the suite commits thousands of times
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
if TESTING:  # thousands of test users: a fast hash (never outside tests)
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A password chosen on a form (reset by email, the admin): at least 10 characters, not common, not all digits,
# not like the username or email (seeded demo and provisioned users are not checked)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTHENTICATION_BACKENDS = [
    # First: refuses a username+address locked out after repeated failures (django-axes), before any check
    "beian.accounts.throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
    "beian.accounts.oidc.PlatformOIDCBackend",  # 使用<平台>登录: answers only the OpenID callback, when configured
]

# Login throttling (django-axes): the web login form and POST /api/v1/auth/token lock a username from one
# address out after BEIAN_LOGIN_FAILURE_LIMIT wrong passwords, for BEIAN_LOGIN_COOLOFF_MINUTES.
AXES_ENABLED = env_bool("BEIAN_LOGIN_THROTTLE", True)
AXES_FAILURE_LIMIT = int(os.environ.get("BEIAN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("BEIAN_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "beian.accounts.throttle.lockout_response"
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # successful logins are in our audit already; keep only the failures axes counts
# Partner API tokens of users (POST /api/v1/auth/token): days until one expires
API_TOKEN_DAYS = int(os.environ.get("BEIAN_API_TOKEN_DAYS", "90"))
# Password reset links by email: seconds a link stays valid
PASSWORD_RESET_TIMEOUT = int(os.environ.get("BEIAN_PASSWORD_RESET_SECONDS", str(60 * 60 * 24)))

# Sign-in from the partner platform: OpenID Connect through mozilla-django-oidc (beian.accounts.oidc).
# Off (no button, the sign-in pages answer 404) until the client id is set; docs/partner-sign-in.md.
OIDC_RP_CLIENT_ID = os.environ.get("BEIAN_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("BEIAN_OIDC_CLIENT_SECRET", "")
OIDC_ISSUER = os.environ.get("BEIAN_OIDC_ISSUER", "").rstrip("/")  # the id token's `iss` must be this
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("BEIAN_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("BEIAN_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("BEIAN_OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("BEIAN_OIDC_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("BEIAN_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("BEIAN_OIDC_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
# Which partner platform signs its users in (beian.accounts.models.Platform.slug) and its name on the button
OIDC_PLATFORM = os.environ.get("BEIAN_OIDC_PLATFORM", "")
OIDC_PLATFORM_NAME = os.environ.get("BEIAN_OIDC_PLATFORM_NAME", "")
# The claims that carry the platform's account (organisation) of the user and the user's role in it
OIDC_ORGANISATION_ID_CLAIM = os.environ.get("BEIAN_OIDC_ORGANISATION_ID_CLAIM", "org_id")
OIDC_ORGANISATION_NAME_CLAIM = os.environ.get("BEIAN_OIDC_ORGANISATION_NAME_CLAIM", "org_name")
OIDC_ROLE_CLAIM = os.environ.get("BEIAN_OIDC_ROLE_CLAIM", "org_role")
# Launch links (/launch/?token=…): the longest lifetime (exp - iat) a link may have, in seconds
LAUNCH_LINK_MAX_SECONDS = int(os.environ.get("BEIAN_LAUNCH_LINK_MAX_SECONDS", "300"))

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if TESTING and os.environ.get("PYTEST_XDIST_WORKER"):  # parallel test workers share one Redis
    CACHES["default"]["KEY_PREFIX"] = os.environ["PYTEST_XDIST_WORKER"]
# The hosted-site gate: each process keeps what a hosted request needs while the gate stamp has not
# moved (beian.hosting.stamp): a file under VAR_DIR (one machine), or a key in the Redis cache.
GATE_STAMP = os.environ.get("BEIAN_GATE_STAMP") or ("cache" if REDIS_URL else "file")
# Seconds a process trusts what it keeps without the stamp: only the net under a lost bump
GATE_CACHE_MAX_AGE = float(os.environ.get("BEIAN_GATE_CACHE_MAX_AGE", "5"))
# The gate at the edge (beian.hosting.edge, docs/edge-nginx.md): nginx asks /_edge/auth per request with this
# shared secret in X-Beian-Edge-Secret (empty: the edge endpoints answer 404), and keeps each answer this many
# seconds (X-Accel-Expires): a gate change reaches the edge within that time, with nothing reloaded or cleared.
EDGE_SECRET = os.environ.get("BEIAN_EDGE_SECRET", "")
EDGE_CACHE_SECONDS = int(os.environ.get("BEIAN_EDGE_CACHE_SECONDS", "1"))

# Celery: material checks never run in a web request. The embedded default queues them on kombu's
# filesystem transport under var/queue, and `make run` starts `celery -A config worker` beside the
# web server; at scale CELERY_BROKER_URL names Redis (or another broker) and the same command runs
# the workers. Tests run tasks in-process (eager) unless they set BEIAN_TASKS_EAGER=0.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "") or "filesystem://"
if CELERY_BROKER_URL == "filesystem://":
    _QUEUE_DIR = VAR_DIR / "queue"
    for _folder in ("messages", "processed", "control"):
        (_QUEUE_DIR / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_QUEUE_DIR / "messages"),
        "data_folder_out": str(_QUEUE_DIR / "messages"),
        "processed_folder": str(_QUEUE_DIR / "processed"),
        "store_processed": False,
        "control_folder": str(_QUEUE_DIR / "control"),
    }
CELERY_TASK_ALWAYS_EAGER = env_bool("BEIAN_TASKS_EAGER", TESTING and not os.environ.get("CELERY_BROKER_URL"))
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged after it ran: a worker that dies mid-check leaves the message to another.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
# A material check still pending after this many minutes was lost (a crash between the upload's commit
# and its enqueue, a broker restart): the periodic job queues it again (materials.services).
MATERIAL_CHECK_STALE_MINUTES = int(os.environ.get("BEIAN_MATERIAL_CHECK_STALE_MINUTES", "5"))
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", None)
CELERY_TIMEZONE = "Asia/Shanghai"
BEIAN_EMBEDDED_SCHEDULER = env_bool("BEIAN_EMBEDDED_SCHEDULER", False)

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("BEIAN_STATIC_ROOT") or VAR_DIR / "staticfiles")  # the image: outside the var volume
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise serves from finders; the folder must exist
STATICFILES_DIRS = [BASE_DIR / "static"]

# Uploaded materials are private: never under a public URL.
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"
S3_BUCKET = os.environ.get("BEIAN_S3_BUCKET", "")
if S3_BUCKET:
    STORAGES = {
        "default": {
            "BACKEND": "beian.core.storage_s3.SealedS3Storage",  # files sealed at rest (PII)
            "OPTIONS": {
                "bucket_name": S3_BUCKET,
                "endpoint_url": os.environ.get("BEIAN_S3_ENDPOINT_URL") or None,
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
else:
    STORAGES = {
        "default": {
            "BACKEND": "beian.core.storage.SealedFileSystemStorage",  # files sealed at rest (PII)
            "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
        },
    }
# Collected static files (`make serve`, the image): `collectstatic` writes hashed, compressed copies into
# STATIC_ROOT and WhiteNoise serves them with far-future cache headers. Without it (the demo, tests, benches)
# WhiteNoise serves the source folders through the finders.
STATIC_COLLECTED = env_bool("BEIAN_STATIC_COLLECTED", False)
STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    if STATIC_COLLECTED
    else "django.contrib.staticfiles.storage.StaticFilesStorage"
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
# A request body declared larger than this is refused before it is read (beian.materials.middleware);
# raised automatically when the requirement matrix accepts a larger material.
MAX_REQUEST_BYTES = int(os.environ.get("BEIAN_MAX_REQUEST_BYTES", str(4 * 1024 * 1024 + 64 * 1024)))
SIGNED_LINK_SECONDS = int(os.environ.get("BEIAN_SIGNED_LINK_SECONDS", "300"))

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "beian@localhost")

# Regulator adapter: "sandbox" (default, realistic simulation) or "manual" (operators file by hand).
REGULATOR_ADAPTER = os.environ.get("BEIAN_REGULATOR_ADAPTER", "sandbox")
DOMAIN_REGISTRY = os.environ.get("BEIAN_DOMAIN_REGISTRY", "fixture")  # or an RDAP base URL
# What MIIT holds for filings made through other access providers: "fixture" (the sandbox; MIIT's
# own system is not reachable), reading the JSON file named here (default: the bundled one).
# SMS (beian.integrations.sms, docs/sms.md): sandbox (nothing leaves the machine), aliyun or tencent.
# Signature and templates per message are reference data (ReferenceSetting `sms_templates`).
SMS_GATEWAY = os.environ.get("BEIAN_SMS_GATEWAY", "sandbox")
SMS_ACCESS_KEY_ID = os.environ.get("BEIAN_SMS_ACCESS_KEY_ID", "")  # Aliyun AccessKey ID / Tencent SecretId
SMS_ACCESS_KEY_SECRET = os.environ.get("BEIAN_SMS_ACCESS_KEY_SECRET", "")  # AccessKey secret / SecretKey
SMS_ENDPOINT = os.environ.get("BEIAN_SMS_ENDPOINT", "")  # host or URL; empty: the provider's public endpoint
SMS_REGION = os.environ.get("BEIAN_SMS_REGION", "")  # Tencent: ap-guangzhou by default
SMS_TENCENT_SDK_APP_ID = os.environ.get("BEIAN_SMS_TENCENT_SDK_APP_ID", "")
SMS_TIMEOUT = float(os.environ.get("BEIAN_SMS_TIMEOUT", "10"))
FILING_LOOKUP_ADAPTER = os.environ.get("BEIAN_FILING_LOOKUP", "fixture")
# Payments for the assisted filing service (beian.integrations.payment): only "sandbox" (a hosted
# checkout that stays on this machine; no real gateway is reachable here).
PAYMENT_GATEWAY = os.environ.get("BEIAN_PAYMENT_GATEWAY", "sandbox")
FILING_LOOKUP_FIXTURE = os.environ.get("BEIAN_FILING_LOOKUP_FIXTURE", "")
ACCESS_PROVIDER_NAME = os.environ.get("BEIAN_ACCESS_PROVIDER_NAME", "Beian 建站云")
# Two-step verification of staff (TOTP, django-otp): optional, or mandatory for every reviewer/operator/admin
STAFF_TOTP_REQUIRED = env_bool("BEIAN_STAFF_TOTP_REQUIRED", False)
OTP_TOTP_ISSUER = os.environ.get("BEIAN_TOTP_ISSUER", ACCESS_PROVIDER_NAME)  # the name the authenticator app shows

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# HTTPS (README "Production"): on by default outside DEBUG; each one can be switched by its variable (e.g. a
# TLS-terminating proxy that redirects to https itself). Behind such a proxy set DJANGO_SECURE_PROXY_SSL_HEADER
# to the header it sets (e.g. HTTP_X_FORWARDED_PROTO) — only when the proxy overwrites that header.
_https = not DEBUG and not TESTING
# http -> https for the platform's hosts only (HostedSiteMiddleware; probes and the scraper speak http inside):
# Django's SECURE_SSL_REDIRECT would send hosted sites' customer domains to https too, whether or not the edge
# has a certificate for them. Its deployment check (W008) stands for ours while ours is on.
PLATFORM_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", _https)
# and nginx asks the gate at the edge over http inside (docs/edge-nginx.md)
PLATFORM_SSL_REDIRECT_EXEMPT = {"/healthz", "/readyz", "/metrics", "/_edge/auth", "/_edge/page"}
SECURE_SSL_REDIRECT = False
SILENCED_SYSTEM_CHECKS = ["security.W008"] if PLATFORM_SSL_REDIRECT else []
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # the queue's covering indexes (INCLUDE columns) serve PostgreSQL; SQLite keeps their key columns only,
    # as intended: no warning at every migrate of the embedded default
    SILENCED_SYSTEM_CHECKS.append("models.W040")
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", _https)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", _https)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365) if _https else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", _https)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", _https)  # lets the domain be submitted to the preload list
if os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["DJANGO_SECURE_PROXY_SSL_HEADER"], "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Content-Security-Policy of the platform's pages (django-csp; hosted sites' pages are the customers' and get
# none, beian.hosting.middleware). Scripts only from our origin (no inline script, no eval: the pages' small
# behaviours are in static/js/app.js); inline style attributes are allowed (the templates use them).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"] + [o for o in os.environ.get("BEIAN_CSP_FORM_ACTION", "").split(",") if o],
        "frame-ancestors": ["'none'"],
    }
}

# Logs: JSON lines on stderr (python-json-logger), one line per request with its method, path, status,
# duration, host and user (beian.core.observability.RequestLogMiddleware). LOG_FORMAT=text for plain lines.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": FORMATTERS,
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "beian.request": {"level": os.environ.get("REQUEST_LOG_LEVEL", "INFO" if not TESTING else "WARNING")},
        "django.request": {"level": "ERROR"},  # 4xx are in the request lines already
    },
}
# /metrics (Prometheus): answered only with `Authorization: Bearer <BEIAN_METRICS_TOKEN>`, or, when no token
# is set, only to a client at one of BEIAN_METRICS_ALLOWED_IPS (loopback by default; REMOTE_ADDR, never a
# forwarded header). README "Production".
METRICS_TOKEN = os.environ.get("BEIAN_METRICS_TOKEN", "")
METRICS_ALLOWED_IPS = [
    ip.strip() for ip in os.environ.get("BEIAN_METRICS_ALLOWED_IPS", "127.0.0.1,::1").split(",") if ip.strip()
]
MAX_IMAGE_PIXELS = int(os.environ.get("BEIAN_MAX_IMAGE_PIXELS", str(40_000_000)))
MAX_IMAGE_SIDE = int(os.environ.get("BEIAN_MAX_IMAGE_SIDE", "10000"))  # px, either side
WHITENOISE_USE_FINDERS = not STATIC_COLLECTED
WHITENOISE_MAX_AGE = 60 if DEBUG else 60 * 60  # unhashed names; hashed ones are cached forever (immutable)
# The port the development server runs on (`make run PORT=8101` passes it); the demo's links follow it.
BEIAN_PORT = os.environ.get("BEIAN_PORT", "8000")
BEIAN_PUBLIC_URL = os.environ.get("BEIAN_PUBLIC_URL") or f"http://127.0.0.1:{BEIAN_PORT}"  # links in emails and SMS
# A hosted site's own address; `{slug}` is the site's address (HostedSite.slug).
BEIAN_HOSTED_SITE_URL = os.environ.get("BEIAN_HOSTED_SITE_URL") or f"http://{{slug}}{HOSTED_SITE_SUFFIX}:{BEIAN_PORT}/"
# Webhooks to the partner platforms (beian.webhooks): seconds a receiver has to answer, and whether
# a receiver may be on http or at a private, loopback or link-local address (development and tests)
WEBHOOK_TIMEOUT = float(os.environ.get("BEIAN_WEBHOOK_TIMEOUT", "10"))
WEBHOOK_ALLOW_PRIVATE_URLS = env_bool("BEIAN_WEBHOOK_ALLOW_PRIVATE_URLS", DEBUG or TESTING)
REVIEW_CLAIM_IDLE_MINUTES = int(
    os.environ.get("BEIAN_REVIEW_CLAIM_IDLE_MINUTES", "30")
)  # an idle claim returns to the queue
