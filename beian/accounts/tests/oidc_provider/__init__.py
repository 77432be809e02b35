"""A real OpenID Connect provider for the sign-in tests: django-oauth-toolkit with OIDC on, its own
settings and SQLite database, served by `serve.py` in a separate process on a loopback port. Who may
sign in, with which password and which claims, is read from a JSON directory file on every request,
so a test changes a user's account (organisation) on the platform by rewriting that file."""
