#!/usr/bin/env bash
# Install the Debian packages named as arguments that are not installed yet (nothing
# otherwise): `bash packaging/apt-needs.sh xvfb lintian`. Used by the package build and
# by the end-to-end tests, so a fresh machine needs only python3 and make.
set -euo pipefail
missing=()
for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
