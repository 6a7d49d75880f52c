"""Who may write: the decaan role from the bind address and the Streamlit secrets (app/access.py)."""

from __future__ import annotations

import pytest

from app.access import check_password, decide, hash_password, is_loopback

OIDC = {
    "auth": {
        "redirect_uri": "https://lob.school.example/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "lob",
        "client_secret": "s",
        "server_metadata_url": "https://idp.example/.well-known",
    }
}


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("", False),
        (None, False),
        ("192.168.1.10", False),
        ("lob.school.example", False),
    ],
)
def test_loopback(address, loopback):
    assert is_loopback(address) is loopback


def test_locally_without_configuration_the_single_user_is_the_decaan():
    access = decide("127.0.0.1", {}, local_name="decaan@pc")
    assert access.allowed and access.how == "lokaal" and access.who == "decaan@pc (lokaal)"


def test_a_server_without_configuration_cannot_import():
    for address in ("0.0.0.0", None, "10.0.0.5"):
        access = decide(address, {})
        assert not access.allowed and access.reason == "server_no_config"
        assert not access.login_available and not access.password_available


def test_school_login_needs_an_address_on_the_list():
    secrets = OIDC | {"lob_kompas": {"decaan_emails": ["Decaan@School.example"]}}
    assert decide("0.0.0.0", secrets).reason == "login_needed"
    assert decide("0.0.0.0", secrets).login_available
    ok = decide("0.0.0.0", secrets, logged_in=True, user_email="decaan@school.example")
    assert ok.allowed and ok.how == "oidc" and ok.who == "decaan@school.example"
    pupil = decide("0.0.0.0", secrets, logged_in=True, user_email="leerling@school.example")
    assert not pupil.allowed and pupil.reason == "not_a_decaan"
    no_list = decide("0.0.0.0", OIDC, logged_in=True, user_email="decaan@school.example")
    assert not no_list.allowed and no_list.reason == "no_decaan_emails"
    # configured login applies on loopback too
    assert decide("127.0.0.1", secrets).reason == "login_needed"


def test_decaan_password_is_stored_hashed():
    stored = hash_password("correct paard batterij")
    assert stored.startswith("scrypt$") and "correct" not in stored
    assert check_password("correct paard batterij", stored)
    assert not check_password("correct paard batterij!", stored) and not check_password("x", "kapot")
    assert hash_password("correct paard batterij") != stored  # salted
    with pytest.raises(ValueError, match="10 tekens"):
        hash_password("kort")
    secrets = {"lob_kompas": {"decaan_password_hash": stored}}
    assert decide("0.0.0.0", secrets).reason == "login_needed" and decide("0.0.0.0", secrets).password_available
    ok = decide("0.0.0.0", secrets, password_name="J. de Vries")
    assert ok.allowed and ok.how == "wachtwoord" and ok.who == "J. de Vries (wachtwoord)"
