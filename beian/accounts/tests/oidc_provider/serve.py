"""Run the test OpenID provider: `python -m beian.accounts.tests.oidc_provider.serve`.

Binds 127.0.0.1 on a free port, migrates its own SQLite database, registers the directory's client
(an application that skips the consent screen, as a platform's own first-party client does) and
prints "PORT <n>" once it serves. Environment: OIDC_PROVIDER_DIRECTORY, OIDC_PROVIDER_DATABASE,
OIDC_PROVIDER_RSA_KEY."""

import os

from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler


def main() -> None:
    server = ThreadedWSGIServer(("127.0.0.1", 0), WSGIRequestHandler)
    port = server.server_address[1]
    os.environ["OIDC_PROVIDER_ISSUER"] = f"http://127.0.0.1:{port}/o"
    os.environ["DJANGO_SETTINGS_MODULE"] = "beian.accounts.tests.oidc_provider.settings"

    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    from beian.accounts.tests.oidc_provider.directory import directory

    call_command("migrate", verbosity=0)
    client = directory()["client"]
    Application.objects.update_or_create(
        client_id=client["client_id"],
        defaults={
            "name": "Beian",
            "client_secret": client["client_secret"],
            "client_type": Application.CLIENT_CONFIDENTIAL,
            "authorization_grant_type": Application.GRANT_AUTHORIZATION_CODE,
            "redirect_uris": " ".join(client["redirect_uris"]),
            "algorithm": Application.RS256_ALGORITHM,
            "skip_authorization": True,
        },
    )
    server.set_app(get_wsgi_application())
    print(f"PORT {port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
