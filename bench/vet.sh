#!/usr/bin/env bash
# bench/vet.sh: how much reuselint costs under go vet, against stock go vet,
# bodyclose and a do-nothing floor, on the standard library's net/... and
# on k8s.io/client-go/... (a large real module at a pinned version).
#
# Usage: bench/vet.sh [-n runs] [-m rss-runs] [-c "std k8s"] [-t "floor vet bodyclose reuselint"]
#                     [-S] [-o outdir] [-k]
#
#   -n N    timed runs per tool and corpus (default 3; the table gives medians)
#   -m N    extra runs per tool and corpus with every tool process measured,
#           for peak RSS and CPU time (default 1)
#   -c LIST corpora: std (net/...), k8s (k8s.io/client-go/...); default both
#   -t LIST vettools, in the order of the first run; default all four ("" for none)
#   -S      skip the standalone comparison (reuselint PATTERN vs go vet PATTERN on k8s)
#   -a LIST the standalone commands: govet (go vet PATTERN), reuselint, floor; default all three
#   -o DIR  where results go (default bench/out/<date>)
#   -k      keep the work directory (build caches, binaries, module)
#   -T FILE print the table of an existing results.tsv (e.g. of an interrupted run) and exit
#   -w DIR  use DIR as the work directory and keep it; a later run with the
#           same DIR reuses its module and warmed caches (they hold no result
#           of a measured tool) and rebuilds the tools
#
# Needs only Go and the module proxy: it builds reuselint, the floor
# (bench/floor) and the measuring helper (bench/measure) from this
# checkout, stock vet from the installed Go (go build cmd/vet), installs
# bodyclose at a pinned version into a temporary GOBIN and fetches
# k8s.io/client-go at a pinned version into a temporary module. Nothing is
# installed outside the work directory (the module cache aside).
#
# Method. Under go vet, a tool whose analyzers declare facts runs on every
# dependency, std included; go vet caches vet results in GOCACHE. So each
# corpus gets one GOCACHE warmed by a go vet run with a throwaway build of
# the floor (cgo outputs and everything go vet prepares are cached, no
# result of a measured tool is), and every run starts from a fresh copy of
# it. Tools alternate, the order rotating each run. Timed runs measure the
# wall time of go vet; separate runs (-m) wrap the vettool so that every
# tool process records its own peak RSS and CPU time, since the peak RSS
# of go vet as a whole (what GNU time's %M reports: the largest single
# process of the tree, here often the go command itself) says little about
# the tool. The wrapper is kept out of the timed runs: it costs a few
# milliseconds per process, over a thousand processes on k8s.
set -euo pipefail

BODYCLOSE_VERSION=v0.0.0-20260723120731-857993a2939c # latest on 2026-11-27
CLIENTGO_VERSION=v0.35.10

# table RESULTS: the markdown table of a results.tsv. Medians of the timed
# runs; peak RSS (the largest tool process) and the median total tool CPU
# from the wrapped runs.
table() {
	awk -F'\t' '
function median(key,    n, i, j, t, a) {
	n = split(vals[key], a, " ")
	for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
	if (n == 0) return ""
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function add(key, v) { vals[key] = vals[key] (vals[key] == "" ? "" : " ") v }
function mb(kb) { return kb == "" ? "-" : sprintf("%.0f", kb / 1024) }
function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "-" : sprintf("%.2f", a / b) }
NR == 1 { next }
{
	k = $2 SUBSEP $3
	if ($1 == "vet") { add("wall" SUBSEP k, $5); add("tree" SUBSEP k, $6); if (!($3 in seen)) { seen[$3]; corp[++nc] = $3 }; if (!($2 in tk)) { tk[$2]; tl[++nt] = $2 }; n[k]++ }
	if ($1 == "rss") { if ($7 > rss[k]) rss[k] = $7; add("cpu" SUBSEP k, $8); if ($10 > 0) failed[k] += $10 }
	if ($1 == "alone") { add("awall" SUBSEP $2, $5); if ($6 > arss[$2]) arss[$2] = $6; if (!($2 in ak)) { ak[$2]; al[++na] = $2 }; an[$2]++ }
}
END {
	print "| tool | corpus | runs | median wall (s) | tool CPU (s) | peak RSS, tool (MB) | peak RSS, go vet tree (MB) | wall / floor | wall / stock vet | RSS / bodyclose |"
	print "|---|---|---|---|---|---|---|---|---|---|"
	for (c = 1; c <= nc; c++) {
		cc = corp[c]
		fw = median("wall" SUBSEP "floor" SUBSEP cc); vw = median("wall" SUBSEP "vet" SUBSEP cc)
		for (i = 1; i <= nt; i++) {
			k = tl[i] SUBSEP cc
			if (!(k in n)) continue
			w = median("wall" SUBSEP k)
			tr = ""; m = split(vals["tree" SUBSEP k], a, " "); for (j = 1; j <= m; j++) if (a[j] + 0 > tr + 0) tr = a[j]
			name = tl[i] == "vet" ? "stock vet" : tl[i]
			if (failed[k] > 0) name = name " (" failed[k] " tool failures)"
			printf "| %s | %s | %d | %.2f | %s | %s | %s | %s | %s | %s |\n", name, cc, n[k], w,
				median("cpu" SUBSEP k) == "" ? "-" : median("cpu" SUBSEP k), mb(rss[k]), mb(tr),
				ratio(w, fw), ratio(w, vw), ratio(rss[k], rss["bodyclose" SUBSEP cc])
		}
	}
	if (na > 0) {
		print ""
		print "| standalone on k8s | runs | median wall (s) | peak RSS (MB) | wall / go vet |"
		print "|---|---|---|---|---|"
		gw = median("awall" SUBSEP "govet")
		for (i = 1; i <= na; i++) {
			w = median("awall" SUBSEP al[i])
			printf "| %s | %d | %.2f | %s | %s |\n", al[i] == "govet" ? "go vet (stock)" : al[i] " (standalone)", an[al[i]], w, mb(arss[al[i]]), ratio(w, gw)
		}
	}
}' "$1"
}

runs=3
rssruns=1
corpora="std k8s"
tools="floor vet bodyclose reuselint"
alone="govet reuselint floor"
standalone=1
keep=0
out=""
workdir=""
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'; }
while getopts "n:m:c:t:Sa:o:kw:T:h" opt; do
	case $opt in
	n) runs=$OPTARG ;;
	m) rssruns=$OPTARG ;;
	c) corpora=$OPTARG ;;
	t) tools=$OPTARG ;;
	S) standalone=0 ;;
	a) alone=$OPTARG ;;
	o) out=$OPTARG ;;
	k) keep=1 ;;
	w) workdir=$OPTARG keep=1 ;;
	T) table "$OPTARG"; exit ;;
	h) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "vet.sh: -n wants a positive count" >&2; exit 2; }
[[ $rssruns =~ ^[0-9]+$ ]] || { echo "vet.sh: -m wants a count" >&2; exit 2; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${out:-$repo/bench/out/$(date +%Y%m%dT%H%M%S)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
if [[ -n $workdir ]]; then
	mkdir -p "$workdir"
	work=$(cd "$workdir" && pwd)
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/reuselint-bench.XXXXXX")
fi
cleanup() {
	if [[ $keep == 1 ]]; then
		echo "work directory kept: $work" >&2
	else
		chmod -R u+w "$work" 2>/dev/null || true
		rm -rf "$work"
	fi
}
trap cleanup EXIT
bin=$work/bin
mod=$work/mod
mkdir -p "$bin" "$mod" "$out/logs"
log() { echo "== $*" >&2; }

pattern() {
	case $1 in
	std) echo "net/..." ;;
	k8s) echo "k8s.io/client-go/..." ;;
	*) echo "vet.sh: unknown corpus $1 (want std or k8s)" >&2; exit 2 ;;
	esac
}
for c in $corpora; do pattern "$c" >/dev/null; done

# --- tools -------------------------------------------------------------------
log "building reuselint, floor, measure from $repo; vet from $(go env GOROOT)"
(
	cd "$repo"
	go build -o "$bin/reuselint" ./cmd/reuselint
	go build -o "$bin/floor" ./bench/floor
	# Same floor, different binary: warms caches under another tool ID.
	go build -ldflags=-X=main.variant=warm -o "$bin/warm" ./bench/floor
	go build -o "$bin/measure" ./bench/measure
	go build -o "$bin/vet" cmd/vet
)
log "installing bodyclose@$BODYCLOSE_VERSION"
GOBIN=$bin go install "github.com/timakin/bodyclose@$BODYCLOSE_VERSION" >"$out/logs/bodyclose-install.log" 2>&1 || {
	cat "$out/logs/bodyclose-install.log" >&2
	exit 1
}
measure=$bin/measure

# A wrapper per tool for the RSS runs: each tool process appends a line
# (wall, peak RSS, CPU, exit) to $BENCH_TOOL_LOG.
for t in floor vet bodyclose reuselint; do
	printf '#!/bin/sh\nexec "%s" -o "$BENCH_TOOL_LOG" -- "%s" "$@"\n' "$measure" "$bin/$t" >"$bin/$t.wrap"
	chmod +x "$bin/$t.wrap"
done

# --- corpus module and warm caches ---------------------------------------------
log "fetching k8s.io/client-go@$CLIENTGO_VERSION into $mod"
(
	cd "$mod"
	[[ -f go.mod ]] || go mod init reuselint.bench/corpus >/dev/null 2>&1
	go get "k8s.io/client-go@$CLIENTGO_VERSION" >/dev/null 2>&1 ||
		go get "k8s.io/client-go@$CLIENTGO_VERSION"
)
for c in $corpora; do
	stamp="$(go version) $CLIENTGO_VERSION"
	if [[ -f $work/warm-$c.ok && $(cat "$work/warm-$c.ok") == "$stamp" ]]; then
		log "reusing the warmed GOCACHE for $c"
		continue
	fi
	log "warming GOCACHE for $c ($(pattern "$c"))"
	rm -rf "$work/warm-$c" "$work/warm-$c.ok"
	(cd "$mod" && GOCACHE=$work/warm-$c GOFLAGS="${GOFLAGS:-} -mod=mod" \
		go vet -vettool="$bin/warm" "$(pattern "$c")") >"$out/logs/warm-$c.log" 2>&1 || {
		echo "vet.sh: warming $c failed, see $out/logs/warm-$c.log" >&2
		exit 1
	}
	echo "$stamp" >"$work/warm-$c.ok"
done

# --- measuring ---------------------------------------------------------------
# One line per run in results.tsv:
#   kind tool corpus run wall_s tree_rss_kb tool_rss_kb tool_cpu_s tool_procs tool_failed exit
results=$out/results.tsv
printf 'kind\ttool\tcorpus\trun\twall_s\ttree_rss_kb\ttool_rss_kb\ttool_cpu_s\ttool_procs\ttool_failed\texit\n' >"$results"

# field NAME FILE: the value of NAME=value in a measure line.
field() { awk -v k="$1" '{ for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) print substr($i, length(k) + 2) }' "$2"; }

# fresh_cache CORPUS: a copy of the corpus's warm GOCACHE, in $work/run-cache.
fresh_cache() {
	rm -rf "$work/run-cache"
	cp -R "$work/warm-$1" "$work/run-cache"
}

# measure_cmd KIND TOOL CORPUS RUN TOOLLOG -- COMMAND...: run COMMAND in the
# corpus module on a fresh cache and append its line to results.tsv.
measure_cmd() {
	local kind=$1 tool=$2 corpus=$3 run=$4 toollog=$5
	shift 6
	local name=$kind-$tool-$corpus-$run
	fresh_cache "$corpus"
	local outer=$out/logs/$name.time
	rm -f "$outer"
	(cd "$mod" && GOCACHE=$work/run-cache BENCH_TOOL_LOG=$toollog \
		"$measure" -o "$outer" -- "$@") >"$out/logs/$name.out" 2>&1 || true
	local wall tree exit rss=- cpu=- procs=- failed=-
	wall=$(field wall "$outer")
	tree=$(field maxrss_kb "$outer")
	exit=$(field exit "$outer")
	if [[ -s $toollog ]]; then
		read -r rss cpu procs failed < <(awk '{
			for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
			if (v["maxrss_kb"] > rss) rss = v["maxrss_kb"]
			cpu += v["user"] + v["sys"]; n++
			if (v["exit"] != 0) failed++
		} END { printf "%d %.1f %d %d\n", rss, cpu, n, failed }' "$toollog")
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$tool" "$corpus" "$run" \
		"$wall" "$tree" "$rss" "$cpu" "$procs" "$failed" "$exit" >>"$results"
	rm -rf "$work/run-cache"
	log "$(printf '%-10s %-10s %-4s run %s: %6ss  exit %s  tool peak %s kB  tool cpu %ss  failed %s' \
		"$kind" "$tool" "$corpus" "$run" "$wall" "$exit" "$rss" "$cpu" "$failed")"
	if grep -q -e '^panic:' -e 'fatal error:' -e 'internal error' "$out/logs/$name.out"; then
		echo "vet.sh: WARNING: $name crashed, see $out/logs/$name.out" >&2
	fi
}

# rotate I WORDS...: the words, starting at the I-th (0-based, modulo).
rotate() {
	local i=$1
	shift
	local a=("$@") n=$# k
	for ((k = 0; k < n; k++)); do printf '%s ' "${a[(i + k) % n]}"; done
}

log "machine: $(nproc 2>/dev/null || sysctl -n hw.ncpu) CPUs; $(uptime)"
for ((r = 1; r <= runs; r++)); do
	for c in $corpora; do
		for t in $(rotate $((r - 1)) $tools); do
			measure_cmd vet "$t" "$c" "$r" /dev/null -- go vet -vettool="$bin/$t" "$(pattern "$c")"
		done
	done
done
for ((r = 1; r <= rssruns; r++)); do
	for c in $corpora; do
		for t in $(rotate $((r - 1)) $tools); do
			tl=$out/logs/rss-$t-$c-$r.tools
			rm -f "$tl"
			measure_cmd rss "$t" "$c" "$r" "$tl" -- go vet -vettool="$bin/$t.wrap" "$(pattern "$c")"
		done
	done
done
# Standalone: the checker loads every package from source in one process.
if [[ $standalone == 1 ]]; then
	for ((r = 1; r <= runs; r++)); do
		for t in $(rotate $((r - 1)) $alone); do
			case $t in
			govet) measure_cmd alone govet k8s "$r" /dev/null -- go vet "$(pattern k8s)" ;;
			*) measure_cmd alone "$t" k8s "$r" /dev/null -- "$bin/$t" "$(pattern k8s)" ;;
			esac
		done
	done
fi
log "done: $(uptime)"

# --- table -------------------------------------------------------------------
table "$results" >"$out/table.md"
{
	echo "reuselint $(git -C "$repo" describe --always --dirty 2>/dev/null || echo '?'), $(go version)"
	echo "checks: $("$bin/reuselint" help 2>&1 | awk '/^Registered analyzers:/ { f = 1; next } f && NF { printf "%s ", $1 } f && !NF && n++ { exit }')"
	echo "bodyclose $BODYCLOSE_VERSION, k8s.io/client-go $CLIENTGO_VERSION; $(nproc 2>/dev/null || sysctl -n hw.ncpu) CPUs"
	echo
	cat "$out/table.md"
} | tee "$out/summary.md"
echo "results: $out" >&2
