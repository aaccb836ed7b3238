#!/usr/bin/env bash
# Compares two runs of bench/realworld/run.sh (their work directories'
# out/ folders) finding by finding, so a refactor can show that it changed
# nothing, and a behaviour change can name what it removed and added.
#
#   bench/realworld/diff.sh BEFORE_WORKDIR AFTER_WORKDIR
#
# Prints, per module, the findings only in BEFORE ("-") and only in AFTER
# ("+"), as path:line:col (check), then the totals. Exit status 1 when the
# runs differ.
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,10p "$0"; exit 2; }
before=$1/out after=$2/out
strip() { sed -E 's/^([^ ]+:[0-9]+:[0-9]+): .* \(([a-z0-9]+)\)$/\1 (\2)/' "$1" | sort; }
removed=0 added=0
for f in "$before"/*.txt "$after"/*.txt; do
	[ -f "$f" ] || continue
	basename "$f"
done | grep -v '\.all$' | sort -u | while read -r name; do
	b=$before/$name a=$after/$name
	[ -f "$b" ] || b=/dev/null
	[ -f "$a" ] || a=/dev/null
	d=$(diff <(strip "$b") <(strip "$a") | grep '^[<>]' | sed 's/^</-/; s/^>/+/' || true)
	if [ -n "$d" ]; then
		echo "== ${name%.txt}"
		echo "$d"
	fi
done | tee /tmp/realworld-diff.$$
removed=$(grep -c '^-' /tmp/realworld-diff.$$ || true)
added=$(grep -c '^+' /tmp/realworld-diff.$$ || true)
rm -f /tmp/realworld-diff.$$
echo "removed $removed, added $added"
[ "$removed" -eq 0 ] && [ "$added" -eq 0 ]
