#!/usr/bin/env bash
# Installs every Debian package tuyenvan needs to build, test, run and benchmark.
# Idempotent: a second run installs nothing new. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql postgresql-contrib
  libsodium-dev libicu-dev libspdlog-dev libfmt-dev libkainjow-mustache-dev
  libtoml11-dev libcli11-dev libgtest-dev libgmock-dev
  libbrotli-dev zlib1g-dev brotli
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libvips-dev
  clang libclang-rt-14-dev
  chromium nodejs
  wrk curl procps python3 nginx
  libxml2-utils
  libcurl4-openssl-dev libxlsxwriter-dev
  python3-aiosmtpd python3-icalendar
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup: cần quyền root hoặc sudo để cài gói" >&2; exit 1; }
  SUDO="sudo"
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# npm comes with NodeSource's nodejs where that is installed; Debian's npm only where it is not.
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all Debian packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
