"""The test platform's users: {"users": {username: {"password", "sub", "claims"}}, "client": {...}},
read from the JSON file named by OIDC_PROVIDER_DIRECTORY on every request."""

import json
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from oauth2_provider.oauth2_validators import OAuth2Validator

ORGANISATION_CLAIMS = ("org_id", "org_name", "org_role", "organisations")


def directory() -> dict:
    with open(os.environ["OIDC_PROVIDER_DIRECTORY"], encoding="utf-8") as handle:
        return json.load(handle)


class DirectoryBackend(ModelBackend):
    """Signs in the directory's users with the directory's passwords (the platform's own login)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        entry = directory()["users"].get(username or "")
        if entry is None or entry["password"] != password:
            return None
        user, _created = get_user_model().objects.get_or_create(username=username)
        return user


class DirectoryClaims(OAuth2Validator):
    """The claims of the signed-in user: the directory's `sub` and claims, the organisation ones
    under the "organisation" scope."""

    oidc_claim_scope = {
        **OAuth2Validator.oidc_claim_scope,
        **dict.fromkeys(ORGANISATION_CLAIMS, "organisation"),
    }

    def get_additional_claims(self, request):
        entry = directory()["users"][request.user.username]
        return {"sub": entry["sub"], **entry.get("claims", {})}
