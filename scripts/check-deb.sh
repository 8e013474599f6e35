#!/usr/bin/env bash
# Checks the Debian package end to end: builds it (scripts/package-deb.sh), installs it with
# `dpkg -i --root` into a scratch root, and runs the installed `ehcp --version` from there.
#
#   scripts/check-deb.sh [--binary PATH]      # PATH: package an ehcp already built instead
#
# Prints why it skipped, and exits 0, when dpkg-deb is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dpkg-deb >/dev/null || ! command -v dpkg >/dev/null; then
    echo "check-deb.sh: skipped: dpkg-deb is not installed, so the Debian package is not checked"
    exit 0
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
deb="$(scripts/package-deb.sh --output "$scratch/out" "$@")"
root="$scratch/root"
mkdir -p "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/info"
touch "$root/var/lib/dpkg/status"
# The scratch root has no libxml2 or libyaml packages of its own: the host's libraries serve.
dpkg --root="$root" --force-depends --force-not-root --log=/dev/null -i "$deb" >"$scratch/dpkg.log" 2>&1 \
    || { cat "$scratch/dpkg.log" >&2; echo "check-deb.sh: dpkg -i failed" >&2; exit 1; }
installed="$("$root/usr/bin/ehcp" --version)"
expected="$(dpkg-deb --field "$deb" Version)"
[ "$installed" = "$expected" ] || { echo "check-deb.sh: the installed ehcp says $installed, the package $expected" >&2; exit 1; }
for file in usr/share/man/man1/ehcp.1.gz usr/share/bash-completion/completions/ehcp \
            usr/share/zsh/vendor-completions/_ehcp usr/share/fish/vendor_completions.d/ehcp.fish; do
    [ -s "$root/$file" ] || { echo "check-deb.sh: the package does not install $file" >&2; exit 1; }
done
echo "check-deb.sh: $(basename "$deb") installs into a scratch root and runs: ehcp $installed"
