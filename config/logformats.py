"""Log line formats shared by the settings (LOGGING) and the server (config/gunicorn.conf.py): `json` (JSON
lines, python-json-logger: level, logger, message, an ISO-8601 UTC timestamp and any `extra` fields) and
`text`. Imports nothing of Django's: gunicorn's master reads it before the application is loaded."""

FORMATTERS = {
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(levelname)s %(name)s %(message)s",
        "rename_fields": {"levelname": "level", "name": "logger"},
        "timestamp": True,
    },
    "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
}
