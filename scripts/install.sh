#!/usr/bin/env bash
# Builds Pipedeck in release mode and installs, under a prefix (default ~/.local):
#   PREFIX/bin/pipedeck                                   the program
#   PREFIX/share/man/man1/pipedeck.1                      the man page (generated from the commands)
#   PREFIX/share/bash-completion/completions/pipedeck     bash completion
#   PREFIX/share/zsh/site-functions/_pipedeck             zsh completion
#   PREFIX/share/fish/vendor_completions.d/pipedeck.fish  fish completion
# scripts/uninstall.sh removes exactly these files. Your pipeline file is never touched.
#
#   scripts/install.sh [--prefix DIR]
#   scripts/install.sh --binary PATH [--man PATH] [--prefix DIR]   install an already built binary
set -euo pipefail

usage() {
    echo "usage: scripts/install.sh [--prefix DIR] [--binary PATH [--man PATH]]" >&2
    exit 2
}

prefix="${HOME}/.local"
binary=""
man=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || usage; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#*=}"; shift ;;
        --binary) [ $# -ge 2 ] || usage; binary="$2"; shift 2 ;;
        --man) [ $# -ge 2 ] || usage; man="$2"; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; usage ;;
    esac
done
[ -n "$prefix" ] || { echo "install.sh: --prefix is empty" >&2; exit 2; }
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac

root="$(cd "$(dirname "$0")/.." && pwd)"
generated_man="$root/.build/plugins/GenerateManual/outputs/pipedeck/pipedeck.1"

if [ -z "$binary" ]; then
    # One release build of the package; swift-argument-parser's generate-manual plugin then
    # writes the man page from the command definitions.
    echo "building Pipedeck (release) and its man page…"
    (cd "$root" && swift package generate-manual --configuration release)
    binary="$root/.build/release/pipedeck"
    man="$generated_man"
elif [ -z "$man" ] && [ -f "$generated_man" ]; then
    man="$generated_man"
fi
[ -x "$binary" ] || { echo "install.sh: no program at $binary" >&2; exit 1; }

bin_dir="$prefix/bin"
man_dir="$prefix/share/man/man1"
bash_dir="$prefix/share/bash-completion/completions"
zsh_dir="$prefix/share/zsh/site-functions"
fish_dir="$prefix/share/fish/vendor_completions.d"

# Everything is generated first, then put in place, so a failure installs nothing.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$binary" --version >/dev/null
"$binary" --generate-completion-script bash >"$work/bash"
"$binary" --generate-completion-script zsh >"$work/zsh"
"$binary" --generate-completion-script fish >"$work/fish"

mkdir -p "$bin_dir" "$bash_dir" "$zsh_dir" "$fish_dir"
install -m 755 "$binary" "$bin_dir/pipedeck"
install -m 644 "$work/bash" "$bash_dir/pipedeck"
install -m 644 "$work/zsh" "$zsh_dir/_pipedeck"
install -m 644 "$work/fish" "$fish_dir/pipedeck.fish"
if [ -n "$man" ]; then
    [ -f "$man" ] || { echo "install.sh: no man page at $man" >&2; exit 1; }
    mkdir -p "$man_dir"
    install -m 644 "$man" "$man_dir/pipedeck.1"
else
    echo "note: no man page installed (run without --binary to generate one, or give --man PATH)"
fi

echo "installed $("$bin_dir/pipedeck" --version) in $prefix:"
echo "  $bin_dir/pipedeck"
[ -n "$man" ] && echo "  $man_dir/pipedeck.1"
echo "  completions for bash, zsh and fish"

# Hints for what the shell does not find on its own.
case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "note: $bin_dir is not on your PATH; add it, e.g. in ~/.profile: export PATH=\"$bin_dir:\$PATH\"" ;;
esac
echo "note: for zsh completion, have $zsh_dir in fpath before compinit, e.g. in ~/.zshrc: fpath=($zsh_dir \$fpath)"
