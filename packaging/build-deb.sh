#!/usr/bin/env bash
# Builds target/parkwatch_<version>_amd64.deb with jpackage: the jar and its libraries (native code for Linux
# x86-64 only), a Java runtime trimmed by jlink, an icon and a .desktop entry, plus the kiosk's systemd unit, a
# configuration template and /usr/bin/parkwatch.
#   bash packaging/build-deb.sh              builds the jar first (mvn package, no tests)
#   bash packaging/build-deb.sh --no-build   packages the jar already in target/ (as the tests do)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

need=()
command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot)
command -v dpkg-deb >/dev/null 2>&1 || need+=(dpkg-dev)
command -v zip >/dev/null 2>&1 || need+=(zip)
command -v objcopy >/dev/null 2>&1 || need+=(binutils)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "build-deb.sh: install ${need[*]} first (apt-get install ${need[*]})" >&2; exit 1; }
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

if [ "${1:-}" != "--no-build" ]; then
  mvn -B -q -DskipTests package
fi
[ -f target/parkwatch.jar ] || { echo "build-deb.sh: target/parkwatch.jar is missing; run without --no-build" >&2; exit 1; }
version=$(unzip -p target/parkwatch.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')

work=target/deb-work
rm -rf "$work" target/parkwatch_*.deb
mkdir -p "$work/input/lib" "$work/resources"

# The application: the jar and its class path, with other platforms' native libraries taken out.
cp target/parkwatch.jar "$work/input/"
cp target/lib/*.jar "$work/input/lib/"
zip -q -d "$work/input/lib/opencv-"*.jar 'nu/pattern/opencv/osx/*' 'nu/pattern/opencv/windows/*' \
  'nu/pattern/opencv/linux/ARMv7/*' 'nu/pattern/opencv/linux/ARMv8/*'
sqlite_jar=$(ls "$work"/input/lib/sqlite-jdbc-*.jar)
zip -q -d "$sqlite_jar" $(unzip -Z1 "$sqlite_jar" 'org/sqlite/native/*' | grep -v '^org/sqlite/native/Linux/x86_64/' | grep -v '/$')

# A runtime with only the JDK modules the application uses (jdeps), and elliptic-curve TLS for https streams.
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 \
  --class-path "$work/input/lib/*" "$work/input/parkwatch.jar")
jlink --add-modules "$modules,jdk.crypto.ec" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$work/runtime"

cp packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm packaging/debian/control "$work/resources/"
# Uncompressed here: the package is unpacked below and compressed once at the end.
DPKG_DEB_COMPRESSOR_TYPE=none jpackage --type deb --dest "$work/jpackage" --name parkwatch --app-version "$version" \
  --description "Parking-lot occupancy kiosk: which spots are free, live from a camera" \
  --vendor "ParkWatch" --copyright "ParkWatch" --about-url "https://example.invalid/parkwatch" \
  --input "$work/input" --main-jar parkwatch.jar --main-class com.parkwatch.app.Main \
  --runtime-image "$work/runtime" --java-options "$(cat packaging/jvm.options)" --icon packaging/parkwatch.png --resource-dir "$work/resources" \
  --linux-package-name parkwatch --linux-app-category misc --linux-menu-group "Utility" --linux-shortcut \
  --linux-package-deps "libgtk-3-0, openssl" --linux-deb-maintainer parkwatch@example.invalid

# jpackage (JDK 17) cannot place files outside /opt/parkwatch: add the unit, the templates, the command and the
# menu entry (as a file, where jpackage would run xdg-desktop-menu, which fails on a box without a desktop).
deb=$(ls "$work"/jpackage/parkwatch_*.deb)
tree="$work/tree"
dpkg-deb -R "$deb" "$tree"
install -D -m 644 packaging/systemd/parkwatch-kiosk.service "$tree/lib/systemd/system/parkwatch-kiosk.service"
install -D -m 644 packaging/parkwatch.conf "$tree/usr/share/parkwatch/parkwatch.conf"
install -D -m 644 packaging/autostart/parkwatch-kiosk.desktop "$tree/usr/share/parkwatch/parkwatch-kiosk.desktop"
install -D -m 644 "$tree/opt/parkwatch/lib/parkwatch-parkwatch.desktop" "$tree/usr/share/applications/parkwatch.desktop"
mkdir -p "$tree/usr/bin"
ln -s /opt/parkwatch/bin/parkwatch "$tree/usr/bin/parkwatch"
size=$(du -sk --exclude=DEBIAN "$tree" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$tree/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz --build "$tree" "target/$(basename "$deb")" >/dev/null
rm -rf "$work"
echo "built target/$(basename "$deb") ($(du -h "target/$(basename "$deb")" | cut -f1))"
