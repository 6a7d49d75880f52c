"""Who may write: the decaan role for importing, deleting and undoing the school's own lists.

Reading is open to everyone. Writing needs the decaan role, decided by :func:`decide` from the
app's bind address and its Streamlit secrets (``.streamlit/secrets.toml``):

* **locally**: the app is bound to loopback (``lob-kompas app --address 127.0.0.1``) and nothing is
  configured: the one person at this computer is the decaan;
* **school login** (OpenID Connect through Streamlit's ``st.login``): an ``[auth]`` section as
  Streamlit documents it, plus the decanen's e-mail addresses in ``[lob_kompas] decaan_emails``;
  a logged-in user whose address is on that list has the role (a pupil or parent with an account
  at the same provider does not);
* **a decaan password**: ``[lob_kompas] decaan_password_hash``, made with
  ``lob-kompas decaan-wachtwoord`` (scrypt; the password itself is never stored). The decaan
  also types a name, which is recorded with each list.

Configured ways apply also on loopback. On a server (any other bind address, the default of
``lob-kompas app`` so that phones can join an informatieavond) without any of them, importing is
shown as unavailable with the reason.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MAX_PASSWORD_TRIES = 5  # per session, then a pause
PAUSE_SECONDS = 60


@dataclass(frozen=True)
class Access:
    """The outcome for one session: may this user write, who is it, how was that decided."""

    allowed: bool
    who: str | None
    how: str  # lokaal | oidc | wachtwoord | geen
    reason: str | None  # initiatives.access.<reason> when not allowed
    login_available: bool = False  # st.login is configured
    password_available: bool = False  # a decaan password is configured


def is_loopback(address: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost'; False for '', None, 0.0.0.0 and other addresses."""
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


def _section(secrets: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    try:
        value = secrets.get(name) if name in secrets else None
    except Exception:  # Streamlit raises when there is no secrets file at all
        return {}
    return value if isinstance(value, Mapping) else {}


def oidc_configured(secrets: Mapping[str, Any]) -> bool:
    auth = _section(secrets, "auth")
    return bool(auth.get("client_id") or any(isinstance(v, Mapping) and v.get("client_id") for v in auth.values()))


def decide(
    server_address: str | None,
    secrets: Mapping[str, Any],
    *,
    user_email: str | None = None,
    logged_in: bool = False,
    password_name: str | None = None,
    local_name: str = "decaan",
) -> Access:
    """The decaan role for this session (see the module doc).

    ``user_email``/``logged_in``: from ``st.user`` after ``st.login``; ``password_name``: the name typed
    with a correct decaan password in this session (None when not given).
    """
    own = _section(secrets, "lob_kompas")
    login = oidc_configured(secrets)
    emails = {str(e).strip().lower() for e in own.get("decaan_emails", []) or []}
    has_password = bool(own.get("decaan_password_hash"))
    if password_name and has_password:
        return Access(True, f"{password_name} (wachtwoord)", "wachtwoord", None, login, has_password)
    if login and logged_in:
        if not emails:
            return Access(False, user_email, "geen", "no_decaan_emails", login, has_password)
        if user_email and user_email.strip().lower() in emails:
            return Access(True, user_email, "oidc", None, login, has_password)
        return Access(False, user_email, "geen", "not_a_decaan", login, has_password)
    if login or has_password:
        return Access(False, None, "geen", "login_needed", login, has_password)
    if is_loopback(server_address):
        return Access(True, f"{local_name} (lokaal)", "lokaal", None)
    return Access(False, None, "geen", "server_no_config")


def hash_password(password: str, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash`` (base64), for ``decaan_password_hash`` in the secrets."""
    if len(password) < 10:
        raise ValueError("kies een wachtwoord van minstens 10 tekens")
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return "$".join(
        [
            "scrypt",
            str(SCRYPT_N),
            str(SCRYPT_R),
            str(SCRYPT_P),
            base64.b64encode(salt).decode(),
            base64.b64encode(digest).decode(),
        ]
    )


def check_password(password: str, stored: str) -> bool:
    """True when ``password`` matches a :func:`hash_password` string (constant-time comparison)."""
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        got = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(base64.b64decode(digest)),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


__all__ = ["Access", "check_password", "decide", "hash_password", "is_loopback", "oidc_configured"]
