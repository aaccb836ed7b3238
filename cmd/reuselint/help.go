package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/internal/doc"
)

// helpText is what "reuselint help" prints before the list of checks and
// their flags. It replaces the multichecker's generic text.
const helpText = `reuselint reports Go code that defeats net/http's connection pool and TLS
session resumption: a connection pool built per request, keep-alive switched
off, response bodies left open or closed unread, client TLS configs without a
session cache, hand-written transports that turn HTTP/2 off. Each makes
requests pay a new TCP connection and a full TLS handshake that a shared,
pooled client would have saved.

Run it three ways:

  reuselint [flags] [packages]                    standalone, e.g. reuselint ./...
  go vet -vettool=$(which reuselint) [packages]   under go vet, which caches results
  golangci-lint                                   as a module plugin: docs/integrations.md

and:

  reuselint sarif [flags] [packages]   findings as a SARIF 2.1.0 log (reuselint sarif -h)
  reuselint probe [flags] [URL]        measure connection reuse and TLS resumption
  reuselint help [check]               this text, or one check's documentation
  reuselint version                    the version and VCS revision (also -V)

Exit codes: 0 no findings; 3 findings (standalone, and reuselint sarif -fail);
1 could not analyze (load or type errors, a check failed), and findings under
go vet; 2 a bad flag. With -json or -fix, findings do not change the exit code.

Suppress a finding with a reason:
  //reuselint:ignore <check> <reason>        on the line above, or at its end
  //reuselint:file-ignore <check> <reason>   anywhere in the file

Documentation: https://github.com/reuselint/reuselint#readme
(each check has a page: docs/checks/<check>.md)
`

// coreFlags are the driver's flags that "reuselint help" lists, with
// their meaning for reuselint. A test checks that every flag the binary
// declares (reuselint -flags) is listed here or is a check's.
var coreFlags = [][2]string{
	{"-json", "print the findings as JSON (exit status 0 with findings)"},
	{"-c N", "print N lines of context around each finding"},
	{"-fix", "apply the suggested fixes"},
	{"-diff", "with -fix, print the fixes as a diff instead of applying them"},
	{"-test=false", "do not load test files (default: loaded)"},
	{"-V, -V=full", "print the version; -V=full in the form go vet uses for its cache"},
	{"-flags", "print the flags as JSON (for go vet)"},
	{"-<check>", "run only the named checks (repeatable); -<check>=false turns one off"},
	{"-all", "report every instance, also what the cost model leaves out by default (sets every -<check>.all)"},
}

// printHelp writes reuselint's help: the general text and the checks with
// their flags when args is empty, else the documentation of each check
// named in args. It returns the exit status.
func printHelp(w, stderr io.Writer, suite []*analysis.Analyzer, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(w, helpText)
		fmt.Fprintf(w, "\nChecks (all on by default):\n\n")
		for _, a := range suite {
			fmt.Fprintf(w, "  %-18s %s\n", a.Name, doc.Title(a.Doc))
		}
		fmt.Fprintf(w, "\nFlags:\n\n")
		for _, f := range coreFlags {
			fmt.Fprintf(w, "  %-18s %s\n", f[0], f[1])
		}
		for _, a := range suite {
			printCheckFlags(w, a)
		}
		fmt.Fprintf(w, "\nRun \"reuselint help <check>\" for a check's documentation and flags.\n")
		return 0
	}
	for i, name := range args {
		a := findCheck(suite, name)
		if a == nil {
			names := make([]string, len(suite))
			for i, a := range suite {
				names[i] = a.Name
			}
			fmt.Fprintf(stderr, "reuselint help: no check named %q (the checks are %s)\n", name, strings.Join(names, ", "))
			return 2
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		printCheck(w, a)
	}
	return 0
}

// printCheck writes one check's documentation: its title, its labelled
// parts (the text of its page), its flags and the page's address.
func printCheck(w io.Writer, a *analysis.Analyzer) {
	title, body, _ := strings.Cut(a.Doc, "\n")
	fmt.Fprintf(w, "%s: %s\n\n%s\n", a.Name, title, strings.TrimSpace(body))
	var flags strings.Builder
	printCheckFlags(&flags, a)
	if flags.Len() > 0 {
		fmt.Fprintf(w, "\nFlags:\n\n%s", flags.String())
	}
	fmt.Fprintf(w, "\nDocumentation: %s\n", a.URL)
}

// printCheckFlags lists a's flags as given on the command line.
func printCheckFlags(w io.Writer, a *analysis.Analyzer) {
	a.Flags.VisitAll(func(f *flag.Flag) {
		usage := f.Usage
		if def := f.DefValue; def != "" && def != "false" {
			usage += " (default " + def + ")"
		}
		fmt.Fprintf(w, "  -%s.%s\n      %s\n", a.Name, f.Name, usage)
	})
}

func findCheck(suite []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range suite {
		if a.Name == name {
			return a
		}
	}
	return nil
}
