"""Settings of bench/gate.py's server: the production settings, with the bench's URLconf.

Only ROOT_URLCONF changes, and it only matters for platform hosts (127.0.0.1): it adds the plain
page the gated page is compared with. Hosted-site requests are routed by HostedSiteMiddleware to
config.urls_hosted exactly as in production. Everything else (DEBUG, hosts, database, connection
age) comes from the environment the bench sets, read by config.settings.
"""

from config.settings import *  # noqa: F403  (the production settings, unchanged but for the URLconf)

ROOT_URLCONF = "bench.gate_urls"
