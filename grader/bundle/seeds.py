"""Per-candidate secret seeds: each candidate's variant comes from a team secret and their name.

    seed = first 8 bytes of HMAC-SHA256(secret, "<profile>\\n<normalised candidate name>") mod 2³¹

so anyone on the team holding the secret re-derives a candidate's variant from their name, while
a candidate (who could own the generator — it is no secret) cannot: the seed is not in their
bundle. Names are normalised (Unicode NFKC, case-folded, inner whitespace collapsed), so "Ada
Lovelace" and "ada  lovelace" are one candidate.

The secret comes from `--secret-file`, else the environment variable `TAKEHOME_TEAM_SECRET`,
else the file `~/.config/takehome/team_secret`, created (32 random bytes as hex, mode 0600) the
first time it is needed. Share that file with whoever grades; losing it only means keys must be
kept (every key records its seed).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ENV = "TAKEHOME_TEAM_SECRET"
DEFAULT_FILE = Path("~/.config/takehome/team_secret")
MIN_SECRET_BYTES = 16
SEED_MODULUS = 2**31
# A profile asks for more of some kind of fact than a rare world holds (about 1 seed in 20 on
# medium); the next derived seeds are tried, up to this many in all.
SEED_ATTEMPTS = 8


class SecretError(ValueError):
    """The team secret cannot be read or is too short; the message says what to do."""


@dataclass(frozen=True)
class TeamSecret:
    value: bytes
    source: str  # where it came from, for messages (never the value)
    created: bool = False  # True when this call wrote a new default file


def normalise(candidate: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", candidate).casefold().split())


def derive_seed(secret: TeamSecret, candidate: str, profile: str, attempt: int = 0) -> int:
    """The candidate's seed; `attempt` n > 0 gives the n-th fallback, for a profile the first
    seed's world cannot supply (`SEED_ATTEMPTS`): the same sequence for everyone deriving it."""
    message = f"{profile}\n{normalise(candidate)}" + (f"\n{attempt}" if attempt else "")
    message = message.encode()
    digest = hmac.new(secret.value, message, hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big") % SEED_MODULUS


def load_secret(path: Path | None = None, *, create: bool = True) -> TeamSecret:
    """The team secret from `path`, the environment, or the default file (see the docstring)."""
    if path is not None:
        return _from_file(Path(path), f"--secret-file {path}")
    value = os.environ.get(ENV)
    if value is not None:
        return _check(value.strip().encode(), f"${ENV}")
    default = DEFAULT_FILE.expanduser()
    if default.is_file():
        return _from_file(default, str(default))
    if not create:
        raise SecretError(f"no team secret: pass --secret-file, set {ENV}, or create {default}")
    default.parent.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(32)
    descriptor = os.open(default, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    return TeamSecret(token.encode(), str(default), created=True)


def _from_file(path: Path, source: str) -> TeamSecret:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SecretError(f"cannot read the team secret ({source}): {exc.strerror or exc}") from exc
    return _check(raw.strip(), source)


def _check(value: bytes, source: str) -> TeamSecret:
    if len(value) < MIN_SECRET_BYTES:
        raise SecretError(
            f"the team secret from {source} is {len(value)} bytes; use at least "
            f"{MIN_SECRET_BYTES} (e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`)"
        )
    return TeamSecret(value, source)
