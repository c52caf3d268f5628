#!/usr/bin/env bash
# Build the standalone bundle (dist/act-gui/) and the Debian package (dist/act-gui_*.deb).
# Needs only python3 and dpkg-deb; works offline once the packages are in pip's cache.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=${VENV:-.venv}
VERSION=$("$VENV/bin/python" -c "import act_gui; print(act_gui.__version__)")
ARCH=$(dpkg --print-architecture)

"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "pyinstaller>=6.10,<7"

echo "== bundle"
start=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/act-gui.spec
# libpython carries its debug symbols (about 18 MB); numpy's OpenBLAS is left untouched.
strip --strip-debug dist/act-gui/_internal/libpython3*.so* 2>/dev/null || true
echo "bundle built in $(( $(date +%s) - start )) s: $(du -sm dist/act-gui | cut -f1) MB unpacked"

echo "== debian package"
STAGE=build/deb/act-gui_${VERSION}_${ARCH}
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/metainfo" "$STAGE/usr/share/mime/packages" \
         "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/act-gui"
cp -a dist/act-gui "$STAGE/opt/act-gui"
cat > "$STAGE/usr/bin/act-gui" <<'LAUNCHER'
#!/bin/sh
exec /opt/act-gui/act-gui "$@"
LAUNCHER
chmod 755 "$STAGE/usr/bin/act-gui"
cp resources/desktop/act-gui.desktop "$STAGE/usr/share/applications/act-gui.desktop"
cp resources/desktop/act-gui.metainfo.xml "$STAGE/usr/share/metainfo/io.github.act_gui.ActivationExplorer.metainfo.xml"
cp resources/desktop/act-gui-mime.xml "$STAGE/usr/share/mime/packages/act-gui.xml"
cp resources/icons/act-gui.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/act-gui.svg"
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" packaging/render_icons.py "$STAGE/usr/share/icons/hicolor"
for dir in "$STAGE"/usr/share/icons/hicolor/*x*; do mkdir -p "$dir/apps"; mv "$dir/act-gui.png" "$dir/apps/"; done
cp LICENSE "$STAGE/usr/share/doc/act-gui/copyright"
SIZE_KB=$(du -sk "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE_KB/" \
    packaging/debian/control.in > "$STAGE/DEBIAN/control"
find "$STAGE" -type d -exec chmod 755 {} +
start=$(date +%s)
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "dist/act-gui_${VERSION}_${ARCH}.deb" >/dev/null
echo "deb built in $(( $(date +%s) - start )) s: $(du -m "dist/act-gui_${VERSION}_${ARCH}.deb" | cut -f1) MB"
