#!/usr/bin/env bash
# System tools `make package` needs besides python3: dpkg-deb and dpkg-shlibdeps (the
# Depends line is computed from the bundle), readelf and strip (tidy_bundle.py).
set -euo pipefail
# The Wayland client libraries: not bundled, so the build machine must have them for
# dpkg-shlibdeps to compute the versions the bundled Wayland platform plugin needs.
packages=(dpkg-dev binutils libwayland-client0 libwayland-cursor0 libwayland-egl1)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
