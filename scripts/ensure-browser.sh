#!/usr/bin/env bash
# Headless Chromium (with CJK fonts, or Chinese renders as boxes) for the dashboard's browser test.
# From Debian's packages: a test tool's own browser download does not work on this network.
set -euo pipefail
STEP_TAG=browser
source "$(dirname "${BASH_SOURCE[0]}")/lib/step.sh"
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'noto.*cjk'; then exit 0; fi
echo "[browser] installing Debian chromium and fonts-noto-cjk" >&2
sudo=""
[ "$(id -u)" = "0" ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
