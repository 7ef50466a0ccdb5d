#!/usr/bin/env bash
# Installs the system libraries Faultline builds against (Debian/Ubuntu), when missing.
set -euo pipefail
packages=(libxml2-dev zlib1g-dev libsqlite3-dev pkg-config sqlite3)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
