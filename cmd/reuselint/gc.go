package main

import (
	"runtime/debug"
	"strings"
)

// vetGCPercent is the garbage collector's target (GOGC) of a process that
// go vet starts for one package. Such a process lives for a fraction of a
// second to a few seconds, and most of its heap (syntax, types, the
// imported packages' export data) stays live until it exits, so at the
// default of 100 the collector marks that heap again and again for
// little memory back: on k8s.io/client-go/... about a tenth of the tool's
// CPU time goes to marking. At 200 it runs about half as often. Measured
// per package (bench/vet.sh, the Cost section of bench/README.md): 1% to 25%
// less CPU time than at 100, peak RSS within a few MB. cmd/compile does the
// same for the same reason (base.AdjustStartingHeap).
const vetGCPercent = 200

// tuneGC sets vetGCPercent when args are those of a go vet unit run (the
// last one a vet.cfg file) and the user has not chosen GOGC, and reports
// whether it did. Standalone runs keep the default: they hold every
// package of the pattern in one process, where a higher target would cost
// memory in proportion to the whole tree.
func tuneGC(args []string, getenv func(string) string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") || getenv("GOGC") != "" {
		return false
	}
	debug.SetGCPercent(vetGCPercent)
	return true
}
