#!/usr/bin/env bash
# Builds a Debian package of ehcp: ehcp_<version>_<arch>.deb with the binary (the Swift runtime
# linked in), the man page and bash, zsh and fish completions. A school's IT installs it with
# `apt install ./ehcp_<version>_amd64.deb`, which also brings in libxml2 and libyaml.
#
#   scripts/package-deb.sh [--binary PATH] [--output DIR] [--compression xz|gzip]
#
# Without --binary it builds one first: swift build -c release --static-swift-stdlib.
# The package is written to DIR (default .build/packages) and its path printed on stdout.
# xz (the default) makes the smallest package; gzip is quicker, for tests. DEB_MAINTAINER sets
# the Maintainer field ("Name <address>") for whoever publishes the package.
set -euo pipefail
cd "$(dirname "$0")/.."

binary="" output=".build/packages" compression="xz"
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary="${2:?--binary needs a path}"; shift 2 ;;
        --output) output="${2:?--output needs a folder}"; shift 2 ;;
        --compression) compression="${2:?--compression needs xz or gzip}"; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "package-deb.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
command -v dpkg-deb >/dev/null || { echo "package-deb.sh: dpkg-deb is needed (Debian's dpkg package)" >&2; exit 2; }

if [ -z "$binary" ]; then
    swift build -c release --static-swift-stdlib >&2
    binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/ehcp"
fi
[ -x "$binary" ] || { echo "package-deb.sh: $binary is not an executable" >&2; exit 2; }
if ldd "$binary" | grep -q 'libswiftCore'; then
    echo "package-deb.sh: warning: $binary loads the Swift runtime from the system; build it with --static-swift-stdlib for machines without Swift" >&2
fi

version="$("$binary" --version)"
arch="$(dpkg --print-architecture)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/ehcp_${version}_${arch}"

install -D -m 0755 "$binary" "$root/usr/bin/ehcp"
strip --strip-unneeded "$root/usr/bin/ehcp" 2>/dev/null || true
install -d "$root/usr/share/man/man1"
gzip -9n < docs/ehcp.1 > "$root/usr/share/man/man1/ehcp.1.gz"
chmod 0644 "$root/usr/share/man/man1/ehcp.1.gz"
install -d "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
    "$root/usr/share/fish/vendor_completions.d" "$root/usr/share/doc/ehcp"
"$binary" --generate-completion-script bash > "$root/usr/share/bash-completion/completions/ehcp"
"$binary" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_ehcp"
"$binary" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/ehcp.fish"
install -m 0644 README.md "$root/usr/share/doc/ehcp/README.md"
chmod 0644 "$root"/usr/share/*/*/ehcp "$root"/usr/share/zsh/vendor-completions/_ehcp "$root"/usr/share/fish/vendor_completions.d/ehcp.fish

# Run-time dependencies: the Debian package of every shared library the binary loads from the
# system (libxml2, libyaml, libc…), never a library of the Swift toolchain.
depends="$(ldd "$binary" | awk '$3 ~ /^\// { print $3 }' | grep -v '^/opt/\|/swift/' | while read -r library; do
    dpkg -S "$library" 2>/dev/null || dpkg -S "$(readlink -f "$library")" 2>/dev/null \
        || dpkg -S "/usr$library" 2>/dev/null || true
done | cut -d: -f1 | sort -u | paste -sd, - | sed 's/,/, /g')"

install -d "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: ehcp
Version: $version
Architecture: $arch
Maintainer: ${DEB_MAINTAINER:-ehcp maintainers <maintainers@ehcp.invalid>}
Section: utils
Priority: optional
Installed-Size: $(du -sk "$root/usr" | cut -f1)
Depends: ${depends:-libc6}
Description: check requests for an EHC needs assessment in England
 ehcp checks a request for an Education, Health and Care needs assessment
 before it is sent to a local authority: what is missing, out of date or
 wrong, against the law, statutory guidance and each authority's published
 evidence requirements. It converts between the canonical request format
 and the authorities' own formats.
CONTROL

mkdir -p "$output"
deb="$output/ehcp_${version}_${arch}.deb"
case "$compression" in xz|gzip) ;; *) echo "package-deb.sh: --compression is xz or gzip" >&2; exit 2 ;; esac
dpkg-deb --root-owner-group "-Z$compression" --build "$root" "$deb.partial" >&2
mv "$deb.partial" "$deb"
echo "$deb"
