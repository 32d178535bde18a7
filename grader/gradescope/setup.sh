#!/usr/bin/env bash
# The RAG take-home's Gradescope setup: run once, as root, in /autograder/source. Idempotent: a
# second run with the same harness and key does nothing.
set -euo pipefail
SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${AUTOGRADER_ROOT:-/autograder}"
VENV="$ROOT/venv"
STAMP="$VENV/.takehome-setup"

python_ok() { "$1" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }
find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}

if [ "${TAKEHOME_SETUP_APT:-yes}" != "no" ] && command -v apt-get >/dev/null 2>&1; then
  missing=""
  find_python >/dev/null || missing="python3 python3-venv"
  command -v bwrap >/dev/null 2>&1 || missing="$missing bubblewrap"
  command -v setpriv >/dev/null 2>&1 || missing="$missing util-linux"
  if [ -n "$missing" ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  fi
fi
PYTHON="$(find_python)" || { echo "setup.sh: no Python >= 3.11 with venv here; install one" >&2; exit 1; }

want="$(cd "$SOURCE" && find harness key settings.json -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  echo "setup.sh: already set up ($VENV)"
else
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  if [ -d "$SOURCE/wheels" ]; then
    pip_args=(--no-index --find-links "$SOURCE/wheels")
  else
    pip_args=(@INDEX_ARGS@)
  fi
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-input "${pip_args[@]}" -e "$SOURCE/harness"
  "$VENV/bin/python" -c "import torch; assert not torch.version.cuda, 'a CUDA torch was installed'"
  "$VENV/bin/takehome" --version
  echo "$want" > "$STAMP"
fi
# An unzip may drop the scripts' executable bits.
chmod 0755 "$SOURCE/setup.sh" "$SOURCE/run_autograder"
# The key and the grader's own code: root's alone (a submission runs as another uid).
chmod 0700 "$SOURCE"
chmod 0755 "$ROOT"
echo "setup.sh: done"
