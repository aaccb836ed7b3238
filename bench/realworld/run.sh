#!/usr/bin/env bash
# Runs reuselint on real modules from the module proxy and prints every
# finding, so each one can be read and judged (verdicts: bench/realworld/*.md).
#
#   bench/realworld/run.sh [-w workdir] [-c checks] [list-file | module@version ...]
#
# Without arguments it runs every module in bench/realworld/modules.txt.
# -c runs only the named checks (comma-separated, e.g. -c undrainedbody,unclosedbody).
# Findings go to <workdir>/out/<module>.txt (paths relative to the module
# cache; everything reuselint printed, load errors included, to .txt.all) and a per-module, per-check count to standard output.
# Needs only Go and the module proxy. Each module is analyzed in its own
# throwaway main module, so versions do not interfere.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${TMPDIR:-/tmp}/reuselint-realworld
checks=""
while getopts "w:c:" o; do
	case $o in
	w) work=$OPTARG ;;
	c) checks=$OPTARG ;;
	*) sed -n 2,12p "$0"; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
mkdir -p "$work/bin" "$work/out"
work=$(cd "$work" && pwd)

mods=()
# Test files are left out (-test=false): their dependencies are not
# downloaded, and the checks skip them anyway.
if [ $# -eq 0 ]; then set -- "$here/modules.txt"; fi
for a in "$@"; do
	if [ -f "$a" ]; then
		while read -r m _; do
			case $m in ""|"#"*) continue ;; esac
			mods+=("$m")
		done <"$a"
	else
		mods+=("$a")
	fi
done

(cd "$repo" && go build -o "$work/bin/reuselint" ./cmd/reuselint)
flags=()
if [ -n "$checks" ]; then
	IFS=, read -ra cs <<<"$checks"
	for c in "${cs[@]}"; do flags+=("-$c"); done
fi
modcache=$(go env GOMODCACHE)

printf '%s\t%s\t%s\n' module findings by-check
for mv in "${mods[@]}"; do
	mod=${mv%@*}
	name=$(echo "$mv" | tr '/@' '__')
	dir="$work/mods/$name"
	out="$work/out/$name.txt"
	if [ ! -f "$dir/go.mod" ]; then
		mkdir -p "$dir"
		(cd "$dir" && go mod init realworld.local/m >/dev/null 2>&1 &&
			go get "$mv" >/dev/null 2>"$dir/get.log" &&
			go get "$mod/...@${mv#*@}" >/dev/null 2>>"$dir/get.log" || true)
	fi
	set +e
	(cd "$dir" && "$work/bin/reuselint" -test=false "${flags[@]}" "$mod/..." 2>&1) |
		sed "s#$modcache/##" >"$out.all"
	grep -E '^[^ ]+:[0-9]+:[0-9]+: .* \([a-z0-9]+\)$' "$out.all" >"$out"
	set -e
	n=$(wc -l <"$out" | tr -d ' ')
	by=$(sed -E 's/.*\(([a-z0-9]+)\)$/\1/' "$out" | sort | uniq -c | awk '{printf "%s=%s ", $2, $1}')
	printf '%s\t%s\t%s\n' "$mv" "$n" "$by"
done
