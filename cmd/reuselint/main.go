// Command reuselint reports Go code that defeats net/http's connection
// pool and TLS session resumption.
//
// Run it standalone (reuselint ./...) or under go vet
// (go vet -vettool=$(which reuselint) ./...). Run "reuselint help" for
// the list of checks and their flags.
//
// "reuselint probe [flags] [URL]" measures at run time what the checks
// are about: connection reuse, TLS handshakes and session resumption (see
// "reuselint probe -h").
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/reuselint/reuselint/analyzer"
	"github.com/reuselint/reuselint/internal/probe"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "probe" {
		os.Exit(probe.Main(os.Args[2:], os.Stdout, os.Stderr))
	}
	multichecker.Main(analyzer.Suite...)
}
