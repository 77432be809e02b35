# Beian's production image: gunicorn (config/gunicorn.conf.py) serving config.wsgi, DEBUG off, static files
# collected at build time (WhiteNoise serves them, hashed and compressed). The same image runs the Celery worker
# and beat (compose.yaml; README "Production"). Secrets and hosts come from the environment at run time.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_DEBUG=0 \
    BEIAN_STATIC_COLLECTED=1 \
    BEIAN_STATIC_ROOT=/app/staticfiles \
    BEIAN_VAR_DIR=/var/lib/beian \
    GUNICORN_BIND=0.0.0.0:8000 \
    LOG_FORMAT=json

# OpenCV (the material checks) needs GLib; onnxruntime needs OpenMP
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libglib2.0-0 libgomp1 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
RUN groupadd --system --gid 10001 beian \
    && useradd --system --uid 10001 --gid beian --home-dir /app --no-create-home beian \
    && mkdir -p /var/lib/beian \
    && chown beian:beian /var/lib/beian

# The runtime part of requirements.txt (above its "# Tests" heading), pinned by constraints.txt
COPY requirements.txt requirements-nodeps.txt constraints.txt ./
RUN sed '/^# Tests/,$d' requirements.txt > requirements-runtime.txt \
    && pip install -r requirements-runtime.txt -c constraints.txt \
    && pip install --no-deps -r requirements-nodeps.txt -c constraints.txt

COPY . .
# collectstatic reads the settings, which need keys: throwaway ones, and a throwaway var folder (the real one
# stays empty and the runtime user's)
RUN DJANGO_SECRET_KEY=collectstatic BEIAN_PII_KEY=collectstatic BEIAN_BLIND_INDEX_KEY=collectstatic \
    BEIAN_VAR_DIR=/tmp/build-var python manage.py collectstatic --noinput -v 0 \
    && rm -rf /tmp/build-var

USER 10001:10001
EXPOSE 8000
VOLUME ["/var/lib/beian"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen(urllib.request.Request('http://127.0.0.1:8000/healthz', headers={'Host': 'localhost'}), timeout=4).status == 200 else 1)"]
CMD ["gunicorn", "-c", "config/gunicorn.conf.py"]
