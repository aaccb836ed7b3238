// Command reuselint reports Go code that defeats net/http's connection
// pool and TLS session resumption.
//
// Run it standalone (reuselint ./...) or under go vet
// (go vet -vettool=$(which reuselint) ./...). Run "reuselint help" for
// what it finds, how to run it, its exit codes, the checks and their
// flags, and "reuselint help <check>" for one check (help.go).
//
// "reuselint version" and "reuselint -V" print the module version and VCS
// revision; "reuselint -V=full" prints the line go vet keys its cache on
// (version.go).
//
// "reuselint probe [flags] [URL]" measures at run time what the checks
// are about: connection reuse, TLS handshakes and session resumption (see
// "reuselint probe -h"). It runs the reuselint-probe binary, installed
// next to this one: go vet starts this binary for every package, so it
// links only the analyzers and their drivers, not the probe's net/http
// server side and crypto/tls.
//
// In the processes go vet starts, the garbage collector runs at GOGC=200
// unless GOGC is set (see gc.go).
//
// "reuselint sarif [flags] [packages]" writes the findings as a SARIF
// 2.1.0 log for code scanning (see "reuselint sarif -h").
package main

import (
	"flag"
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/reuselint/reuselint/analyzer"
	"github.com/reuselint/reuselint/cmd/internal/sarif"
)

func main() {
	os.Args = analyzer.ExpandAll(os.Args, analyzer.Suite)
	if len(os.Args) == 1 {
		fmt.Fprintf(os.Stderr, "usage: reuselint [flags] [packages]\nRun \"reuselint help\" for what it finds, how to run it and its flags.\n")
		os.Exit(1)
	}
	switch os.Args[1] {
	case "probe":
		os.Exit(runProbe(os.Args[2:], os.Stderr))
	case "sarif":
		os.Exit(sarif.Main(os.Args[2:], analyzer.Suite, os.Stdout, os.Stderr))
	case "help":
		os.Exit(printHelp(os.Stdout, os.Stderr, analyzer.Suite, os.Args[2:]))
	case "version":
		printVersion(os.Stdout)
		os.Exit(0)
	}
	if standalone(os.Args[1:]) {
		os.Exit(runStandalone(os.Args[1:], analyzer.Suite, os.Stdout, os.Stderr))
	}
	tuneGC(os.Args[1:], os.Getenv)
	// Registered before multichecker.Main, which then keeps it.
	flag.Var(versionFlag{}, "V", "print the version and exit; -V=full: the form go vet keys its cache on")
	multichecker.Main(analyzer.Suite...)
}
