#!/usr/bin/env bash
# System packages the end-to-end test needs: a virtual X display, a way to drive it,
# the libraries Qt's xcb platform loads, the desktop-metadata validators, and librsvg (the
# SVG renderer of GNOME's viewers) to check exported SVGs, shared-mime-info (its install
# trigger registers the .actx type) and lintian (the package is checked as Debian checks it).
set -euo pipefail
bash "$(dirname "$0")/../../packaging/apt-needs.sh" \
    xvfb xdotool libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
    libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 \
    desktop-file-utils shared-mime-info appstream librsvg2-bin lintian
