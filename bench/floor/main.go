// Command floor is the do-nothing vettool that bench/vet.sh uses as the
// cost floor of any go vet analyzer that declares facts.
//
// It runs one analyzer that reports nothing and exports nothing, but
// declares one fact type. Under go vet, a tool whose analyzers declare
// facts is run on every dependency of the packages being checked (the
// standard library included), and each run parses and type-checks its
// package and writes a vetx file. The floor pays exactly that and nothing
// more, so a real analyzer's time above the floor is the cost of its own
// work.
//
//	go build -o /tmp/floor ./bench/floor
//	go vet -vettool=/tmp/floor net/...
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

// variant is set with -ldflags=-X main.variant=... to give a second
// build of the floor a different binary, hence a different go vet tool
// ID, so warming a build cache with it caches none of the floor's own
// results. It changes nothing else.
var variant string

// unusedFact is never exported; declaring it is what makes go vet run the
// floor on every dependency.
type unusedFact struct{}

func (*unusedFact) AFact()         {}
func (*unusedFact) String() string { return "unused" }

// Analyzer declares one fact type and does no work.
var Analyzer = &analysis.Analyzer{
	Name:      "floor",
	Doc:       "floor does nothing: it declares one fact type so go vet runs it on every dependency, which measures what loading and type-checking cost",
	FactTypes: []analysis.Fact{new(unusedFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	_ = variant
	multichecker.Main(Analyzer)
}
