# Sourced by the setup scripts: run one named step, and when it fails say which step and how to fix it.
# Usage: step "what it does" "how to fix it when it fails" command [args...]

step() {
  local what="$1" fix="$2" code=0
  shift 2
  printf '[%s] %s\n' "${STEP_TAG:-setup}" "$what" >&2
  "$@" || code=$?
  if [ "$code" -ne 0 ]; then
    printf '[%s] FAILED (exit %s): %s\n' "${STEP_TAG:-setup}" "$code" "$what" >&2
    printf '[%s] fix: %s\n' "${STEP_TAG:-setup}" "$fix" >&2
    exit "$code"
  fi
}

# Runs a noisy command, showing its output only when it fails.
quietly() {
  local out code=0
  out="$(mktemp)"
  "$@" >"$out" 2>&1 || code=$?
  [ "$code" -eq 0 ] || tail -n 40 "$out" >&2
  rm -f "$out"
  return "$code"
}

# Anything that fails outside step() still names the line, never a silent stop.
set -o errtrace
trap 'code=$?; printf "[%s] FAILED (exit %s) at %s line %s: %s\n" "${STEP_TAG:-setup}" "$code" "${BASH_SOURCE[0]##*/}" "$LINENO" "$BASH_COMMAND" >&2' ERR
