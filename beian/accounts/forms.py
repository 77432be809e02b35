"""Forms of the accounts pages that Django's auth views take."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from django.contrib.auth.forms import PasswordResetForm

from beian.accounts.models import User, users_with_email


class EmailPasswordResetForm(PasswordResetForm):
    """Django's form, finding the account through the sealed email's blind index (its own lookup,
    `email__iexact`, compares the ciphertext and finds nobody)."""

    def get_users(self, email: str) -> Iterator[User]:
        wanted = _folded(email)
        for user in users_with_email(User.objects.filter(is_active=True), email):
            # the index ignores spaces; the address itself must match, letter case aside (as Django's form)
            if user.has_usable_password() and _folded(user.email) == wanted:
                yield user


def _folded(email: str) -> str:
    return unicodedata.normalize("NFKC", email).casefold()
