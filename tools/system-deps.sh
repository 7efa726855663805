#!/usr/bin/env bash
# Install the Debian packages the project needs, when missing.
#   tools/system-deps.sh PKG...          install what is missing (as root, with apt-get)
#   tools/system-deps.sh --check PKG...  only check; exit 1 naming what is missing
set -euo pipefail
check_only=0
if [[ "${1:-}" == "--check" ]]; then check_only=1; shift; fi
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $check_only -eq 1 ]]; then
  echo "missing Debian packages: ${missing[*]} (run: make deps)" >&2
  exit 1
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "missing Debian packages: ${missing[*]}; run as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "==> apt-get install ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
