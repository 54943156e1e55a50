#!/usr/bin/env bash
# Installs the Debian packages the end-to-end suites drive: Chromium (browser extension, Outlook task pane) and
# Thunderbird (the MailExtension), and PostgreSQL (the audit store). Idempotent; does nothing when they are already there. Needs root (CI runs as root).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v thunderbird >/dev/null 2>&1 || need+=(thunderbird)
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
# PostgreSQL for the audit store tests (test/server/postgres.ts starts its own server with initdb and pg_ctl).
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-deps: missing ${need[*]}; run as root: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "install-system-deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
