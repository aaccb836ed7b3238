// Command reuselint reports Go code that defeats net/http's connection
// pool and TLS session resumption.
//
// Run it standalone (reuselint ./...) or under go vet
// (go vet -vettool=$(which reuselint) ./...). Run "reuselint help" for
// the list of checks and their flags.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/reuselint/reuselint/analyzer"
)

func main() {
	multichecker.Main(analyzer.Suite...)
}
