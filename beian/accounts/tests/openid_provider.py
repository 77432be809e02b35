"""Start the test OpenID provider (oidc_provider/) in its own process, and sign in through it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import TextIO
from urllib.parse import urljoin, urlsplit

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings

CLIENT_ID = "beian-filing"
CLIENT_SECRET = "beian-filing-client-secret-for-tests"


class OpenIDProvider:
    """The platform's OpenID provider on 127.0.0.1:<free port>, with its own RS256 key (made here),
    database and user directory (`user()` adds or changes a user at any time)."""

    def __init__(self, folder: Path, *, redirect_uris: list[str]):
        self.folder = folder
        self.directory_path = folder / "directory.json"
        self.directory: dict = {
            "client": {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uris": redirect_uris},
            "users": {},
        }
        self.process: subprocess.Popen | None = None
        self.log: TextIO | None = None
        self.base_url = ""

    def user(self, username: str, *, sub: str, password: str = "pw-platform", **claims) -> None:
        self.directory["users"][username] = {"password": password, "sub": sub, "claims": claims}
        self._write()

    def _write(self) -> None:
        self.directory_path.write_text(json.dumps(self.directory, ensure_ascii=False), encoding="utf-8")

    def start(self) -> OpenIDProvider:
        self._write()
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        env = {
            **os.environ,
            "OIDC_PROVIDER_DIRECTORY": str(self.directory_path),
            "OIDC_PROVIDER_DATABASE": str(self.folder / "provider.sqlite3"),
            "OIDC_PROVIDER_RSA_KEY": pem,
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)
        self.log = open(self.folder / "provider.log", "w")  # noqa: SIM115 (closed in stop)
        self.process = process = subprocess.Popen(
            [sys.executable, "-m", "beian.accounts.tests.oidc_provider.serve"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
        )
        line: list[str] = []
        output = process.stdout
        assert output is not None
        reader = threading.Thread(target=lambda: line.append(output.readline()), daemon=True)
        reader.start()
        reader.join(timeout=60)
        if not line or not line[0].startswith("PORT "):
            self.stop()
            raise RuntimeError(f"the OpenID provider did not start:\n{(self.folder / 'provider.log').read_text()}")
        self.base_url = f"http://127.0.0.1:{int(line[0].split()[1])}"
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        if self.log is not None:
            self.log.close()

    @property
    def issuer(self) -> str:
        return f"{self.base_url}/o"

    def relying_party_settings(self, **overrides) -> dict:
        """Our settings (config/settings.py names) for signing in through this provider."""
        return {
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_ISSUER": self.issuer,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.issuer}/authorize/",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.issuer}/token/",
            "OIDC_OP_USER_ENDPOINT": f"{self.issuer}/userinfo/",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.issuer}/.well-known/jwks.json",
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_RP_SCOPES": "openid email profile organisation",
            "OIDC_PLATFORM": "sitebuilder",
            "OIDC_PLATFORM_NAME": "示例建站平台",
            **overrides,
        }

    def authorize(self, authorize_url: str, *, username: str, password: str = "pw-platform") -> str:
        """What a browser does at the provider: open the authorization URL our login sent it to, log
        in on the provider's page, and return the URL the provider sends it back to (our callback,
        with the code and state; or with an error)."""
        browser = requests.Session()
        url = authorize_url
        for _hop in range(10):
            if not url.startswith(self.base_url):
                return url  # back to the relying party
            response = browser.get(url, allow_redirects=False, timeout=10)
            if response.status_code == 200 and urlsplit(url).path == "/login/":
                csrf = browser.cookies.get("provider_csrftoken")
                response = browser.post(
                    url,
                    data={"username": username, "password": password, "csrfmiddlewaretoken": csrf},
                    allow_redirects=False,
                    timeout=10,
                )
                if response.status_code == 200:
                    raise AssertionError("the provider refused the password")
            assert response.status_code in (301, 302), (url, response.status_code, response.text[:500])
            url = urljoin(url, response.headers["Location"])
        raise AssertionError("too many redirects at the provider")
