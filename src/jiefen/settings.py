"""The one settings module. Everything a deployment changes comes from environment variables."""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from jiefen import secrets as jiefen_secrets
from jiefen.env import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("JIEFEN_DATA_DIR", str(Path.cwd() / "var"))).resolve()

_secrets = jiefen_secrets.load_or_create(
    Path(env_str("JIEFEN_SECRETS_FILE", str(DATA_DIR / "secrets.json")))
)
SECRET_KEY = _secrets["secret_key"]
JIEFEN_FIELD_KEYS = _secrets["field_keys"]
JIEFEN_ACTIVE_FIELD_KEY = _secrets["active_field_key"]
JIEFEN_HASH_KEY = _secrets["hash_key"]

DEBUG = env_bool("JIEFEN_DEBUG", False)
ALLOWED_HOSTS = env_list("JIEFEN_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("JIEFEN_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "jiefen.core",
    "jiefen.org",
    "jiefen.cases",
    "jiefen.triage",
    "jiefen.archive",
    "jiefen.workbench",
    "jiefen.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before our middleware: the idle logout leaves the user a message.
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "jiefen.org.middleware.IdleLogoutMiddleware",
    "jiefen.org.middleware.PasswordPolicyMiddleware",
    "jiefen.org.middleware.AdminTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Axes last, as its documentation asks: it turns a lockout into our Chinese lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "jiefen.urls"
WSGI_APPLICATION = "jiefen.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
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

# --- database -----------------------------------------------------------------------------
_default_db = f"sqlite:///{DATA_DIR / 'jiefen.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(env_str("DATABASE_URL", _default_db), conn_max_age=60)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock at BEGIN so
        # two writers queue instead of failing with "database is locked" half-way through.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- accounts and the security baseline (DOMAIN.md §8; every value configurable) ----------
AUTH_USER_MODEL = "org.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
JIEFEN_PASSWORD_MIN_LENGTH = env_int("JIEFEN_PASSWORD_MIN_LENGTH", 10)
JIEFEN_PASSWORD_MAX_AGE_DAYS = env_int("JIEFEN_PASSWORD_MAX_AGE_DAYS", 90)
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "jiefen.org.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": JIEFEN_PASSWORD_MIN_LENGTH},
    },
    {"NAME": "jiefen.org.passwords.CharacterClassValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "jiefen.org.passwords.NotUsernameValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AXES_FAILURE_LIMIT = env_int("JIEFEN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("JIEFEN_LOCKOUT_MINUTES", 30))
# Lock the account, not the address: a whole township office sits behind one NAT address, and
# one clerk's typos must not lock out every colleague (so axes.W006 is silenced on purpose).
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "jiefen.org.views.auth.lockout_response"
AXES_VERBOSE = False
JIEFEN_IDLE_TIMEOUT = timedelta(minutes=env_int("JIEFEN_IDLE_MINUTES", 30))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workbench"
LOGOUT_REDIRECT_URL = "login"

JIEFEN_HTTPS = env_bool("JIEFEN_HTTPS", False)
SESSION_COOKIE_SECURE = JIEFEN_HTTPS
CSRF_COOKIE_SECURE = JIEFEN_HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 12 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if JIEFEN_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

OTP_TOTP_ISSUER = "解纷 jiefen"

# --- language and time -------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- static files: vendored, served by WhiteNoise (no CDN, ever) --------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every start without it
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"

# --- case handling (DOMAIN.md §6; configurable) --------------------------------------------
JIEFEN_GROUP_THRESHOLD = env_int("JIEFEN_GROUP_THRESHOLD", 10)  # people: a group dispute
JIEFEN_UPLOAD_MAX_MB = env_int("JIEFEN_UPLOAD_MAX_MB", 20)
DATA_UPLOAD_MAX_MEMORY_SIZE = (JIEFEN_UPLOAD_MAX_MB + 5) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "jiefen": {"handlers": ["console"], "level": env_str("JIEFEN_LOG_LEVEL", "INFO")},
        "axes": {"handlers": ["console"], "level": "WARNING"},
    },
}
