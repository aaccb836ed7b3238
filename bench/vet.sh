#!/usr/bin/env bash
# bench/vet.sh: how much reuselint costs under go vet, against stock go vet,
# bodyclose and a do-nothing floor, on the standard library's net/... and
# on k8s.io/client-go/... (a large real module at a pinned version), plus
# how the cost grows with the tree (a scaling series of k8s.io trees at
# 1x, 2x and 4x the packages).
#
# Usage: bench/vet.sh [-n rounds] [-m rss-rounds] [-g scale-rounds] [-s alone-rounds]
#                     [-c "std k8s"] [-t "floor vet bodyclose reuselint reuselint-gc100"] [-G] [-S]
#                     [-o outdir] [-k] [-w workdir] [-T results.tsv]
#
#   -n N    timed rounds per tool and corpus (default 6, the fewest with a 95%
#           interval for the paired median; the table gives medians)
#   -m N    extra rounds with every tool process measured, for the tools'
#           peak RSS and own CPU time (default 1)
#   -g N    rounds of the scaling series (default 3; 0 or -G skips it)
#   -s N    rounds of the standalone comparison (default 7)
#   -c LIST corpora: std (net/...), k8s (k8s.io/client-go/...); default both
#   -t LIST vettools, in the order of the first round; default all five ("" for none).
#           reuselint-gc100 is reuselint run with GOGC=100: the collector at
#           the default target, as the floor runs it, so its ratio to the
#           floor is the cost of the analyzers alone (reuselint itself sets
#           GOGC=200 in the processes go vet starts, see cmd/reuselint/gc.go)
#   -G      skip the scaling series: floor and reuselint on k8s1
#           (k8s.io/apimachinery/..., ~420 packages with deps), k8s (client-go,
#           ~850, from the main rounds) and k8s4 (client-go, apiserver,
#           apiextensions-apiserver, kube-aggregator: ~1640)
#   -S      skip the standalone comparison (reuselint PATTERN vs go vet PATTERN on k8s)
#   -a LIST the standalone commands: govet (go vet PATTERN), reuselint, floor; default all three
#   -o DIR  where results go (default bench/out/<date>)
#   -k      keep the work directory (build caches, binaries, modules)
#   -T FILE print the tables of an existing results.tsv (e.g. of an interrupted run) and exit
#   -w DIR  use DIR as the work directory and keep it; a later run with the
#           same DIR reuses its modules and warmed caches (they hold no result
#           of a measured tool) and rebuilds the tools
#
# Time on 2 idle cores, defaults: about 35 minutes with a warm work
# directory (-w), 43 in all on a fresh machine, where the first run also
# downloads the modules and warms one GOCACHE per corpus (compiling
# everything once). On a busy machine about 55 minutes.
#
# Needs only Go and the module proxy: it builds reuselint, the floor
# (bench/floor) and the measuring helper (bench/measure) from this
# checkout, stock vet from the installed Go (go build cmd/vet), installs
# bodyclose at a pinned version into a temporary GOBIN and fetches the
# k8s.io modules at a pinned version into temporary modules. Nothing is
# installed outside the work directory (the module cache aside).
#
# Method. Under go vet, a tool whose analyzers declare facts runs on every
# dependency, std included; go vet caches vet results in GOCACHE. So each
# corpus gets one GOCACHE warmed by a go vet run with a throwaway build of
# the floor (cgo outputs and everything go vet prepares are cached, no
# result of a measured tool is), and every run starts from a fresh copy of
# it. Tools alternate, the order rotating each round. Timed runs measure
# the wall time of go vet and the CPU time (user + system) of its whole
# process tree: go vet waits for every tool process, so the rusage of go
# vet holds theirs. Separate runs (-m) wrap the vettool so that every tool
# process records its own peak RSS and CPU time, since the peak RSS of go
# vet as a whole (what GNU time's %M reports: the largest single process
# of the tree, here often the go command itself) says little about the
# tool. The wrapper is kept out of the timed runs: it costs a few
# milliseconds per process, over a thousand processes on k8s.
set -euo pipefail

BODYCLOSE_VERSION=v0.0.0-20260723120731-857993a2939c # latest on 2026-11-27
CLIENTGO_VERSION=v0.35.10
# The scaling series' largest tree adds these k8s.io modules, at the same version.
SCALE_MODULES="k8s.io/apiserver k8s.io/apiextensions-apiserver k8s.io/kube-aggregator"

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
# paired TOOL BASE CORPUS: the per-round ratios of the go vet tree CPU of TOOL to
# that of BASE (of the wall time, for the standalone runs: corpus "alone"), over the rounds that ran both (each round runs the tools back to
# back, so a ratio within a round cancels the slow drift of the machine),
# as "median|low|high|rounds"; low-high is the distribution-free interval of
# the median for a confidence of at least 95% (order statistics of the
# binomial), "-" below 6 rounds, where no such interval exists.
function paired(tool, base, cc,    n, m, a, i, j, t, r, lo, hi, k, p, cum) {
	m = split(rl[cc], r, " ")
	n = 0
	for (i = 1; i <= m; i++) {
		if (!((tool SUBSEP cc SUBSEP r[i]) in pc) || !((base SUBSEP cc SUBSEP r[i]) in pc)) continue
		if (pc[base SUBSEP cc SUBSEP r[i]] + 0 == 0) continue
		a[++n] = pc[tool SUBSEP cc SUBSEP r[i]] / pc[base SUBSEP cc SUBSEP r[i]]
	}
	if (n == 0) return ""
	for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
	# k: the largest k with P(Binomial(n, 1/2) < k) <= 0.025.
	k = 0; p = 1; cum = 0
	for (i = 0; i < n; i++) p /= 2
	for (i = 0; i < n; i++) { cum += p; if (cum > 0.025) break; k = i + 1; p = p * (n - i) / (i + 1) }
	lo = k > 0 ? sprintf("%.3f", a[k]) : "-"; hi = k > 0 ? sprintf("%.3f", a[n + 1 - k]) : "-"
	return sprintf("%.3f|%s|%s|%d", n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2, lo, hi, n)
}
function mb(kb) { return kb == "" ? "-" : sprintf("%.0f", kb / 1024) }
function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "-" : sprintf("%.2f", a / b) }
NR == 1 { next }
{
	k = $2 SUBSEP $3
	if ($1 == "vet") { add("wall" SUBSEP k, $5); add("tree" SUBSEP k, $6); add("tcpu" SUBSEP k, $12); pc[k SUBSEP $4] = $12; if (!(($3 SUBSEP $4) in rk)) { rk[$3 SUBSEP $4]; rl[$3] = rl[$3] " " $4 }; if (!($3 in seen)) { seen[$3]; corp[++nc] = $3 }; if (!($2 in tk)) { tk[$2]; tl[++nt] = $2 }; n[k]++ }
	if ($1 == "size") size[$3] = $5
	if ($1 == "rss") { if ($7 > rss[k]) rss[k] = $7; add("cpu" SUBSEP k, $8); if ($10 > 0) failed[k] += $10 }
	if ($1 == "alone") { add("awall" SUBSEP $2, $5); if ($6 > arss[$2]) arss[$2] = $6; if (!($2 in ak)) { ak[$2]; al[++na] = $2 }; an[$2]++
		# Paired like the vet rounds, on wall time, under the corpus "alone".
		pc[$2 SUBSEP "alone" SUBSEP $4] = $5; if (!(("alone" SUBSEP $4) in rk)) { rk["alone" SUBSEP $4]; rl["alone"] = rl["alone"] " " $4 } }
}
END {
	print "| tool | corpus | runs | median wall (s) | median CPU, go vet tree (s) | tool CPU (s) | peak RSS, tool (MB) | peak RSS, go vet tree (MB) | wall / floor | CPU / floor | wall / stock vet | CPU / stock vet | RSS / bodyclose |"
	print "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	for (c = 1; c <= nc; c++) {
		cc = corp[c]
		if (cc ~ /^k8s[0-9]/) continue # the scaling series, below
		fw = median("wall" SUBSEP "floor" SUBSEP cc); vw = median("wall" SUBSEP "vet" SUBSEP cc)
		fc = median("tcpu" SUBSEP "floor" SUBSEP cc); vc = median("tcpu" SUBSEP "vet" SUBSEP cc)
		for (i = 1; i <= nt; i++) {
			k = tl[i] SUBSEP cc
			if (!(k in n)) continue
			w = median("wall" SUBSEP k); tc = median("tcpu" SUBSEP k)
			tr = ""; m = split(vals["tree" SUBSEP k], a, " "); for (j = 1; j <= m; j++) if (a[j] + 0 > tr + 0) tr = a[j]
			name = tl[i] == "vet" ? "stock vet" : tl[i]
			if (failed[k] > 0) name = name " (" failed[k] " tool failures)"
			printf "| %s | %s | %d | %.2f | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name, cc, n[k], w,
				tc == "" ? "-" : sprintf("%.1f", tc),
				median("cpu" SUBSEP k) == "" ? "-" : median("cpu" SUBSEP k), mb(rss[k]), mb(tr),
				ratio(w, fw), ratio(tc, fc), ratio(w, vw), ratio(tc, vc), ratio(rss[k], rss["bodyclose" SUBSEP cc])
		}
	}
	ns = 0
	for (c = 1; c <= 3; c++) { cc = c == 1 ? "k8s1" : c == 2 ? "k8s" : "k8s4"; if (("reuselint" SUBSEP cc) in n && ("floor" SUBSEP cc) in n) sc[++ns] = cc }
	if (ns > 1) {
		print ""
		print "| scaling: tree | packages (go list -deps) | size | runs | floor CPU (s) | reuselint CPU (s) | CPU / floor | floor wall (s) | reuselint wall (s) | wall / floor |"
		print "|---|---|---|---|---|---|---|---|---|---|"
		base = size[sc[1]]
		for (c = 1; c <= ns; c++) {
			cc = sc[c]; f = "floor" SUBSEP cc; r = "reuselint" SUBSEP cc
			fc = median("tcpu" SUBSEP f); rc = median("tcpu" SUBSEP r); fw = median("wall" SUBSEP f); rw = median("wall" SUBSEP r)
			printf "| %s | %s | %s | %d | %.1f | %.1f | %s | %.2f | %.2f | %s |\n", cc, size[cc] == "" ? "-" : size[cc],
				(size[cc] == "" || base == "") ? "-" : sprintf("%.1fx", size[cc] / base), n[r] < n[f] ? n[r] : n[f],
				fc, rc, ratio(rc, fc), fw, rw, ratio(rw, fw)
		}
	}
	np = 0
	for (c = 1; c <= nc; c++) for (i = 1; i <= nt; i++) if (tl[i] != "floor" && paired(tl[i], "floor", corp[c]) != "") np++
	if (np > 0) {
		print ""
		print "| paired, per round: tool | corpus | rounds | CPU / floor, median | 95% interval | CPU / stock vet, median | 95% interval |"
		print "|---|---|---|---|---|---|---|"
		for (c = 1; c <= nc; c++) {
			for (i = 1; i <= nt; i++) {
				if (tl[i] == "floor") continue
				f = paired(tl[i], "floor", corp[c])
				if (f == "") continue
				split(f, pf, "|")
				v = tl[i] == "vet" ? "" : paired(tl[i], "vet", corp[c])
				split(v, pv, "|")
				printf "| %s | %s | %d | %s | %s | %s | %s |\n", tl[i] == "vet" ? "stock vet" : tl[i], corp[c], pf[4], pf[1],
					pf[2] == "-" ? "-" : pf[2] " - " pf[3], v == "" ? "-" : pv[1], v == "" || pv[2] == "-" ? "-" : pv[2] " - " pv[3]
			}
		}
	}
	if (na > 0) {
		print ""
		print "| standalone on k8s | runs | median wall (s) | peak RSS (MB) | wall / go vet | paired, per round: wall / go vet, median | 95% interval |"
		print "|---|---|---|---|---|---|---|"
		gw = median("awall" SUBSEP "govet")
		for (i = 1; i <= na; i++) {
			w = median("awall" SUBSEP al[i])
			v = al[i] == "govet" ? "" : paired(al[i], "govet", "alone")
			split(v, pv, "|")
			printf "| %s | %d | %.2f | %s | %s | %s | %s |\n", al[i] == "govet" ? "go vet (stock)" : al[i] " (standalone)", an[al[i]], w, mb(arss[al[i]]), ratio(w, gw),
				v == "" ? "-" : pv[1], v == "" || pv[2] == "-" ? "-" : pv[2] " - " pv[3]
		}
	}
}' "$1"
}

runs=6
rssruns=1
scaleruns=3
aloneruns=7
corpora="std k8s"
tools="floor vet bodyclose reuselint reuselint-gc100"
alone="govet reuselint floor"
standalone=1
keep=0
out=""
workdir=""
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'; }
while getopts "n:m:g:s:c:t:GSa:o:kw:T:h" opt; do
	case $opt in
	n) runs=$OPTARG ;;
	m) rssruns=$OPTARG ;;
	g) scaleruns=$OPTARG ;;
	s) aloneruns=$OPTARG ;;
	G) scaleruns=0 ;;
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
[[ $scaleruns =~ ^[0-9]+$ ]] || { echo "vet.sh: -g wants a count" >&2; exit 2; }
[[ $aloneruns =~ ^[0-9]+$ ]] || { echo "vet.sh: -s wants a count" >&2; exit 2; }
# The scaling series runs floor and reuselint on k8s1 and k8s4; k8s (2x)
# comes from the main rounds, or from the series itself when the main
# rounds do not cover it.
scalecorpora=""
scaletools="floor reuselint"
[[ " $tools " == *" reuselint-gc100 "* ]] && scaletools="floor reuselint reuselint-gc100"
if [[ $scaleruns -gt 0 ]]; then
	scalecorpora="k8s1 k8s4"
	[[ " $corpora " == *" k8s "* && " $tools " == *" floor "* && " $tools " == *" reuselint "* ]] || scalecorpora="k8s1 k8s k8s4"
fi

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

mod4=$work/mod4
pattern() {
	case $1 in
	std) echo "net/..." ;;
	k8s) echo "k8s.io/client-go/..." ;;
	k8s1) echo "k8s.io/apimachinery/..." ;;
	k8s4) echo "k8s.io/client-go/..."; for m in $SCALE_MODULES; do echo "$m/..."; done ;;
	*) echo "vet.sh: unknown corpus $1 (want std or k8s)" >&2; exit 2 ;;
	esac
}
# moddir CORPUS: the module the corpus is vetted in.
moddir() { if [[ $1 == k8s4 ]]; then echo "$mod4"; else echo "$mod"; fi; }
for c in $corpora; do pattern "$c" >/dev/null; done

# --- tools -------------------------------------------------------------------
# The revision is read when the tools are built: edits made while the
# bench runs do not reach the measured binary.
rev=$(git -C "$repo" describe --always --dirty 2>/dev/null || echo '?')
log "building reuselint, floor, measure from $repo; vet from $(go env GOROOT)"
(
	cd "$repo"
	go build -o "$bin/reuselint" ./cmd/reuselint
	cp "$bin/reuselint" "$bin/reuselint-gc100"
	go build -o "$bin/floor" ./bench/floor
	# Same floor, different binary: warms caches under another tool ID.
	go build -ldflags=-X=main.variant=warm -o "$bin/warm" ./bench/floor
	go build -o "$bin/measure" ./bench/measure
	go build -o "$bin/vet" cmd/vet
)
# toolenv TOOL: the environment go vet runs TOOL in (as an env command).
toolenv() { if [[ $1 == reuselint-gc100 ]]; then echo env GOGC=100; fi; }
log "installing bodyclose@$BODYCLOSE_VERSION"
GOBIN=$bin go install "github.com/timakin/bodyclose@$BODYCLOSE_VERSION" >"$out/logs/bodyclose-install.log" 2>&1 || {
	cat "$out/logs/bodyclose-install.log" >&2
	exit 1
}
measure=$bin/measure

# A wrapper per tool for the RSS runs: each tool process appends a line
# (wall, peak RSS, CPU, exit) to $BENCH_TOOL_LOG.
for t in floor vet bodyclose reuselint reuselint-gc100; do
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
if [[ " $scalecorpora " == *" k8s4 "* ]]; then
	log "fetching k8s.io/client-go and $SCALE_MODULES @$CLIENTGO_VERSION into $mod4"
	mkdir -p "$mod4"
	mods=("k8s.io/client-go@$CLIENTGO_VERSION")
	for m in $SCALE_MODULES; do mods+=("$m@$CLIENTGO_VERSION"); done
	(
		cd "$mod4"
		[[ -f go.mod ]] || go mod init reuselint.bench/corpus4 >/dev/null 2>&1
		go get "${mods[@]}" >/dev/null 2>&1 || go get "${mods[@]}"
	)
fi
for c in $corpora $scalecorpora; do
	[[ -f $work/warm-$c.ok ]] && continue
	# A larger tree's cache already holds most of what k8s1 and k8s4 need.
	if [[ $c == k8s1 || $c == k8s4 ]] && [[ -f $work/warm-k8s.ok && ! -d $work/warm-$c ]]; then
		cp -R "$work/warm-k8s" "$work/warm-$c"
	fi
done
for c in $corpora $scalecorpora; do
	stamp="$(go version) $CLIENTGO_VERSION $SCALE_MODULES"
	if [[ -f $work/warm-$c.ok && $(cat "$work/warm-$c.ok") == "$stamp" ]]; then
		log "reusing the warmed GOCACHE for $c"
		continue
	fi
	log "warming GOCACHE for $c ($(pattern "$c" | tr '\n' ' '))"
	rm -f "$work/warm-$c.ok"
	# shellcheck disable=SC2046 # the patterns are words
	(cd "$(moddir "$c")" && GOCACHE=$work/warm-$c GOFLAGS="${GOFLAGS:-} -mod=mod" \
		go vet -vettool="$bin/warm" $(pattern "$c")) >"$out/logs/warm-$c.log" 2>&1 || {
		echo "vet.sh: warming $c failed, see $out/logs/warm-$c.log" >&2
		exit 1
	}
	echo "$stamp" >"$work/warm-$c.ok"
	# k8s1 and k8s4 start from k8s's cache when it is warm first.
	if [[ $c == k8s ]]; then
		for s in k8s1 k8s4; do
			[[ " $scalecorpora " == *" $s "* && ! -d $work/warm-$s ]] && cp -R "$work/warm-k8s" "$work/warm-$s"
		done
	fi
done

# --- measuring ---------------------------------------------------------------
# One line per run in results.tsv:
#   kind tool corpus run wall_s tree_rss_kb tool_rss_kb tool_cpu_s tool_procs tool_failed exit tree_cpu_s
# and one "size" line per corpus, its number of packages in wall_s.
results=$out/results.tsv
printf 'kind\ttool\tcorpus\trun\twall_s\ttree_rss_kb\ttool_rss_kb\ttool_cpu_s\ttool_procs\ttool_failed\texit\ttree_cpu_s\n' >"$results"
for c in $corpora $scalecorpora; do
	# shellcheck disable=SC2046
	n=$(cd "$(moddir "$c")" && GOFLAGS="${GOFLAGS:-} -mod=mod" go list -deps $(pattern "$c") 2>/dev/null | wc -l)
	printf 'size\t-\t%s\t0\t%s\t\t\t\t\t\t\t\n' "$c" "$n" >>"$results"
	log "$c: $n packages (go list -deps, test variants not counted)"
done

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
	(cd "$(moddir "$corpus")" && GOCACHE=$work/run-cache BENCH_TOOL_LOG=$toollog \
		"$measure" -o "$outer" -- "$@") >"$out/logs/$name.out" 2>&1 || true
	local wall tree exit treecpu rss=- cpu=- procs=- failed=-
	wall=$(field wall "$outer")
	tree=$(field maxrss_kb "$outer")
	exit=$(field exit "$outer")
	treecpu=$(awk -v u="$(field user "$outer")" -v s="$(field sys "$outer")" 'BEGIN { printf "%.2f", u + s }')
	if [[ -s $toollog ]]; then
		read -r rss cpu procs failed < <(awk '{
			for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
			if (v["maxrss_kb"] > rss) rss = v["maxrss_kb"]
			cpu += v["user"] + v["sys"]; n++
			if (v["exit"] != 0) failed++
		} END { printf "%d %.1f %d %d\n", rss, cpu, n, failed }' "$toollog")
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$tool" "$corpus" "$run" \
		"$wall" "$tree" "$rss" "$cpu" "$procs" "$failed" "$exit" "$treecpu" >>"$results"
	rm -rf "$work/run-cache"
	log "$(printf '%-10s %-10s %-4s run %s: %6ss  tree cpu %ss  exit %s  tool peak %s kB  tool cpu %ss  failed %s' \
		"$kind" "$tool" "$corpus" "$run" "$wall" "$treecpu" "$exit" "$rss" "$cpu" "$failed")"
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
# shellcheck disable=SC2046 # patterns are words
for ((r = 1; r <= runs; r++)); do
	for c in $corpora; do
		for t in $(rotate $((r - 1)) $tools); do
			measure_cmd vet "$t" "$c" "$r" /dev/null -- $(toolenv "$t") go vet -vettool="$bin/$t" $(pattern "$c")
		done
	done
done
# The scaling series: the same kind of tree at 1x, 2x, 4x the packages.
# shellcheck disable=SC2046
for ((r = 1; r <= scaleruns; r++)); do
	for c in $scalecorpora; do
		for t in $(rotate $((r - 1)) $scaletools); do
			measure_cmd vet "$t" "$c" "$r" /dev/null -- $(toolenv "$t") go vet -vettool="$bin/$t" $(pattern "$c")
		done
	done
done
for ((r = 1; r <= rssruns; r++)); do
	for c in $corpora; do
		for t in $(rotate $((r - 1)) $tools); do
			tl=$out/logs/rss-$t-$c-$r.tools
			rm -f "$tl"
			# shellcheck disable=SC2046
			measure_cmd rss "$t" "$c" "$r" "$tl" -- $(toolenv "$t") go vet -vettool="$bin/$t.wrap" $(pattern "$c")
		done
	done
done
# Standalone: the checker loads every package from source in one process.
if [[ $standalone == 1 ]]; then
	for ((r = 1; r <= aloneruns; r++)); do
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
	echo "reuselint $rev, $(go version)"
	echo "checks: $("$bin/reuselint" help 2>&1 | awk '/^Registered analyzers:/ { f = 1; next } f && NF { printf "%s ", $1 } f && !NF && n++ { exit }')"
	echo "bodyclose $BODYCLOSE_VERSION, k8s.io/client-go $CLIENTGO_VERSION; $(nproc 2>/dev/null || sysctl -n hw.ncpu) CPUs"
	echo
	cat "$out/table.md"
} | tee "$out/summary.md"
echo "results: $out" >&2
