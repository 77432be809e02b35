# Beian — `make run` serves the demo on http://127.0.0.1:8000 (DEBUG on), `make serve` the production server
# (gunicorn, DEBUG off; README "Production"), `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run serve worker collectstatic test lint install migrate demo bench messages clean client demo-sitebuilder edge-nginx

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt requirements-nodeps.txt constraints.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt -c constraints.txt
	$(PY) -m pip install --disable-pip-version-check -q --no-deps -r requirements-nodeps.txt -c constraints.txt
	touch $(STAMP)

install: $(STAMP)

var/secrets.env: | $(PY)
	@mkdir -p var
	@$(PY) -c 'import secrets; print("DJANGO_SECRET_KEY=" + secrets.token_urlsafe(48)); print("BEIAN_PII_KEY=" + secrets.token_urlsafe(32)); print("BEIAN_BLIND_INDEX_KEY=" + secrets.token_urlsafe(32))' > $@
	@chmod 600 $@
	@echo "Generated demo secrets in $@"

migrate: install var/secrets.env
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_reference

demo: migrate
	DJANGO_DEBUG=1 BEIAN_PORT=$(PORT) $(PY) manage.py seed_demo --port $(PORT)

# The demo (DEBUG on: the settings' default is off) and, beside the web server, the Celery worker that runs
# the material checks (the embedded default queues them under var/queue; at scale CELERY_BROKER_URL names the
# broker and `make worker` is the same command). Ctrl-C stops both.
WORKER := $(PY) -m celery -A config worker --loglevel=INFO --without-gossip --without-mingle
run: demo
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(WORKER) --pool=solo & worker=$$!; \
	DJANGO_DEBUG=1 BEIAN_PORT=$(PORT) BEIAN_EMBEDDED_SCHEDULER=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The production server (config/gunicorn.conf.py; README "Production"): DEBUG off, static files collected
# (hashed, compressed, served by WhiteNoise), JSON logs, the periodic jobs in one worker unless a Celery broker
# is configured (then `celery -A config worker` and `celery -A config beat` run beside it). Plain http on
# 127.0.0.1 here, so the https-only settings are off unless set in the environment; behind TLS leave them on.
# The material checks run in the Celery worker started beside gunicorn (as `make run` does).
collectstatic: install var/secrets.env
	BEIAN_STATIC_COLLECTED=1 $(PY) manage.py collectstatic --noinput -v 0

serve: migrate collectstatic
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DJANGO_DEBUG=0 $(WORKER) & worker=$$!; \
	DJANGO_DEBUG=0 BEIAN_STATIC_COLLECTED=1 BEIAN_PORT=$(PORT) GUNICORN_BIND=127.0.0.1:$(PORT) \
	BEIAN_EMBEDDED_SCHEDULER=$${BEIAN_EMBEDDED_SCHEDULER:-$$([ -n "$$CELERY_BROKER_URL" ] && echo 0 || echo 1)} \
	DJANGO_SECURE_SSL_REDIRECT=$${DJANGO_SECURE_SSL_REDIRECT:-0} DJANGO_SECURE_HSTS_SECONDS=$${DJANGO_SECURE_HSTS_SECONDS:-0} \
	DJANGO_SESSION_COOKIE_SECURE=$${DJANGO_SESSION_COOKIE_SECURE:-0} DJANGO_CSRF_COOKIE_SECURE=$${DJANGO_CSRF_COOKIE_SECURE:-0} \
	$(VENV)/bin/gunicorn -c config/gunicorn.conf.py

worker: migrate
	$(WORKER)

# Parallel over the cores (pytest-xdist), whole files per worker (the 20 slowest tests are listed at the end, for
# keeping CI fast): the browser journeys share one
# Chromium per worker. `make test PYTEST_WORKERS=0` runs in one process; PYTEST_ARGS are appended.
PYTEST_WORKERS ?= auto
test: install
	BEIAN_TESTING=1 $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder --durations=20 $(PYTEST_ARGS)

# The tooling gate (also .pre-commit-config.yaml and .ci/run): lint, format, types, import contracts,
# Django's checks and no missing migration. Each command says what is wrong and where.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	BEIAN_TESTING=1 $(VENV)/bin/mypy
	BEIAN_TESTING=1 $(PY) manage.py check --fail-level WARNING
	BEIAN_TESTING=1 $(PY) manage.py makemigrations --check --dry-run

# The compose example of the edge's nginx config (docs/edge-nginx.md); other upstreams: `manage.py edge_nginx_config --help`
edge-nginx: install
	BEIAN_TESTING=1 $(PY) manage.py edge_nginx_config --platform-host localhost --platform-host '$${BEIAN_SERVER_NAMES}' --output deploy/nginx/beian.conf

bench: install
	$(PY) bench/rules.py
	$(PY) bench/materials.py
	$(PY) bench/gate.py
	$(PY) bench/monitor.py
	$(PY) bench/load.py

messages: install
	$(PY) manage.py makemessages -l zh_Hans -l en --no-obsolete -i var -i bench -i docs -i .venv
	$(PY) manage.py compilemessages -l zh_Hans -l en -i .venv

# The partner API's Python client, generated from the OpenAPI document (tests/test_api_client.py fails
# when it is stale). openapi-python-client is a development dependency (requirements.txt, Tooling).
client: install
	BEIAN_TESTING=1 $(PY) manage.py export_openapi_schema --api beian.api.api.api --sorted --indent 1 --output var/openapi.json
	$(VENV)/bin/openapi-python-client generate --path var/openapi.json --meta none --overwrite \
		--config clients/python/config.yaml --output-path clients/python/beian_client

# The reference site builder (examples/sitebuilder) against the Beian of `make run` (start that first):
# issues it a platform token and serves it on http://127.0.0.1:8100/ — click 备案 there.
SITEBUILDER_PORT ?= 8100
demo-sitebuilder: migrate
	$(PY) examples/sitebuilder/sitebuilder.py --beian http://127.0.0.1:$(PORT) --port $(SITEBUILDER_PORT) \
		--state var/sitebuilder.json --token "$$($(PY) manage.py platform_token_issue --platform sitebuilder \
		--scopes provisioning,webhooks,launch --name "reference site builder" --key-only)"

clean:
	rm -rf $(VENV) var
