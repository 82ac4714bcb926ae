"""Local accounts for the UI: a users file of salted password hashes and roles. No file means single-person mode."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

import yaml

from assistant.settings import Settings

ROLES = ("mentee", "mentor", "trainer", "admin")  # admin: a programme administrator
ITERATIONS = 200_000


def users_path(settings: Settings) -> Path:
    return settings.users_file or settings.data_dir / "users.yaml"


def _hash(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), ITERATIONS).hex()


def load_users(settings: Settings) -> dict[str, dict]:
    path = users_path(settings)
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text()) or {}


def add_user(settings: Settings, name: str, password: str, role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise ValueError("use a password of at least 8 characters")
    users = load_users(settings)
    salt = secrets.token_hex(16)
    users[name] = {"salt": salt, "hash": _hash(password, salt), "role": role}
    path = users_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(users))
    os.chmod(path, 0o600)


def verify(settings: Settings, name: str, password: str) -> dict | None:
    user = load_users(settings).get(name)
    if not user:
        _hash(password, "00" * 16)  # same work either way, so timing does not reveal who exists
        return None
    return user if hmac.compare_digest(user["hash"], _hash(password, user["salt"])) else None


def auth_secret(settings: Settings) -> str:
    """The secret Chainlit signs sessions with, created once per data folder."""
    path = settings.ensure_data_dir() / "auth_secret"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        os.chmod(path, 0o600)
    return path.read_text().strip()
