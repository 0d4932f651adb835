#!/usr/bin/env bash
# Installs what is missing, then builds and serves the app with live reload.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
printf '\n\033[1;32mLSTM Explorer will be at  http://127.0.0.1:8080/  once the first build finishes.\033[0m\n\n'
exec trunk serve "$@"
