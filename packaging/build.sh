#!/usr/bin/env bash
# Build the standalone bundle (dist/act-gui/) and the Debian package (dist/act-gui_*.deb).
# Needs python3 and Debian's packaging tools (installed below if missing); works
# offline once the packages are in pip's and apt's caches.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=${VENV:-.venv}
VERSION=$("$VENV/bin/python" -c "import act_gui; print(act_gui.__version__)")
ARCH=$(dpkg --print-architecture)
# Debian's packaging tools: dpkg-shlibdeps computes Depends, readelf and strip tidy the bundle.
# The Wayland client libraries are not bundled: dpkg-shlibdeps needs them here to compute
# the versions the bundled Wayland platform plugin requires.
bash packaging/apt-needs.sh dpkg-dev binutils libwayland-client0 libwayland-cursor0 libwayland-egl1

"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[package]"  # PyInstaller, as declared

echo "== bundle"
start=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/act-gui.spec
# Leftover libraries out, shared objects 644, binaries stripped (see tidy_bundle.py).
"$VENV/bin/python" packaging/tidy_bundle.py dist/act-gui
echo "bundle built in $(( $(date +%s) - start )) s: $(du -sm dist/act-gui | cut -f1) MB unpacked"

echo "== debian package"
ID=io.github.act_gui.ActivationExplorer  # one reverse-DNS id: desktop file, AppStream, icon
STAGE=build/deb/act-gui_${VERSION}_${ARCH}
DOC=$STAGE/usr/share/doc/act-gui
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/metainfo" "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/man/man1" \
         "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/icons/hicolor/scalable/mimetypes" \
         "$STAGE/usr/share/lintian/overrides" "$DOC"
cp -a dist/act-gui "$STAGE/opt/act-gui"
cat > "$STAGE/usr/bin/act-gui" <<'LAUNCHER'
#!/bin/sh
exec /opt/act-gui/act-gui "$@"
LAUNCHER
chmod 755 "$STAGE/usr/bin/act-gui"
cp "resources/desktop/$ID.desktop" "$STAGE/usr/share/applications/"
cp "resources/desktop/$ID.metainfo.xml" "$STAGE/usr/share/metainfo/"
cp resources/desktop/act-gui-mime.xml "$STAGE/usr/share/mime/packages/act-gui.xml"
cp resources/icons/act-gui.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/$ID.svg"
cp resources/icons/act-gui.svg "$STAGE/usr/share/icons/hicolor/scalable/mimetypes/application-x-act-gui-session.svg"
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" packaging/render_icons.py "$STAGE/usr/share/icons/hicolor"
for dir in "$STAGE"/usr/share/icons/hicolor/*x*; do
    mkdir -p "$dir/apps" "$dir/mimetypes"
    cp "$dir/act-gui.png" "$dir/mimetypes/application-x-act-gui-session.png"
    mv "$dir/act-gui.png" "$dir/apps/$ID.png"
done
"$VENV/bin/python" packaging/man_page.py build/act-gui.1
gzip -9n < build/act-gui.1 > "$STAGE/usr/share/man/man1/act-gui.1.gz"
gzip -9n < packaging/debian/changelog > "$DOC/changelog.gz"
# The copyright file: the app's licence, then what the bundle carries (texts in third-party/).
{
    echo "Activation Explorer (act-gui) is distributed under the MIT licence:"
    echo
    cat LICENSE
    echo
    echo "The bundle in /opt/act-gui carries these, under their own licences (full texts in"
    echo "/usr/share/doc/act-gui/third-party/):"
    echo
    "$VENV/bin/python" packaging/licences.py "$DOC/third-party"
    echo
    echo "On Debian systems, the complete texts of the GNU Lesser General Public License version 3"
    echo "and the GNU General Public License versions 2 and 3 are in /usr/share/common-licenses/LGPL-3,"
    echo "/usr/share/common-licenses/GPL-2 and /usr/share/common-licenses/GPL-3."
} > "$DOC/copyright"
cp packaging/debian/lintian-overrides "$STAGE/usr/share/lintian/overrides/act-gui"

# Depends, computed from the bundle by dpkg-shlibdeps: the system libraries its binaries
# need and do not carry, at the versions their symbols require (glibc's included). The
# bundle's own libraries are declared in shlibs.local as needing nothing, so a library it
# carries is never asked of the system.
SHLIBS=build/deb/shlibs
rm -rf "$SHLIBS" && mkdir -p "$SHLIBS/debian"
ln -s "$ROOT/$STAGE" "$SHLIBS/debian/act-gui"
printf 'Source: act-gui\n\nPackage: act-gui\nArchitecture: any\n' > "$SHLIBS/debian/control"
cd "$SHLIBS"
mapfile -t ELVES < <(find debian/act-gui/opt/act-gui -type f \( -name '*.so*' -o -name act-gui \) \
                     -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
for elf in "${ELVES[@]}"; do readelf -d "$elf" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p'; done | sort -u \
    | sed -n 's/^\(.*\)\.so\.\([0-9.]*\)$/\1 \2/p; s/^\(.*\)-\([0-9.]*\)\.so$/\1 \2/p' > debian/shlibs.local
mapfile -t LIBDIRS < <(find debian/act-gui/opt/act-gui -type d -printf '-l%p\n')
DEPENDS=$(dpkg-shlibdeps -O --ignore-missing-info "${LIBDIRS[@]}" "${ELVES[@]/#/-e}" 2>shlibdeps.log \
          | sed -n 's/^shlibs:Depends=//p')
cd "$ROOT"
[ -n "$DEPENDS" ] || { cat "$SHLIBS/shlibdeps.log" >&2; echo "dpkg-shlibdeps found no dependencies" >&2; exit 1; }
echo "Depends: $DEPENDS"

SIZE_KB=$(du -sk "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE_KB/" -e "s/@DEPENDS@/$DEPENDS/" \
    packaging/debian/control.in > "$STAGE/DEBIAN/control"
find "$STAGE" -type d -exec chmod 755 {} +
start=$(date +%s)
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "dist/act-gui_${VERSION}_${ARCH}.deb" >/dev/null
echo "deb built in $(( $(date +%s) - start )) s: $(du -m "dist/act-gui_${VERSION}_${ARCH}.deb" | cut -f1) MB"
