#!/usr/bin/env bash
# Removes what scripts/install.sh installed under a prefix (default ~/.local): the program, the
# man page and the three completion files. Folders are left in place, and so is your pipeline
# file (~/.local/share/pipedeck/pipeline.json is data, not part of the install).
#
#   scripts/uninstall.sh [--prefix DIR]
set -euo pipefail

prefix="${HOME}/.local"
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "usage: scripts/uninstall.sh [--prefix DIR]" >&2; exit 2; }; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#*=}"; shift ;;
        -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "uninstall.sh: unknown option $1" >&2; echo "usage: scripts/uninstall.sh [--prefix DIR]" >&2; exit 2 ;;
    esac
done
[ -n "$prefix" ] || { echo "uninstall.sh: --prefix is empty" >&2; exit 2; }
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac

removed=0
for f in \
    "$prefix/bin/pipedeck" \
    "$prefix/share/man/man1/pipedeck.1" \
    "$prefix/share/bash-completion/completions/pipedeck" \
    "$prefix/share/zsh/site-functions/_pipedeck" \
    "$prefix/share/fish/vendor_completions.d/pipedeck.fish"; do
    if [ -e "$f" ] || [ -L "$f" ]; then
        rm -f "$f"
        echo "removed $f"
        removed=$((removed + 1))
    fi
done
if [ "$removed" -eq 0 ]; then
    echo "nothing to remove: Pipedeck is not installed under $prefix"
fi
