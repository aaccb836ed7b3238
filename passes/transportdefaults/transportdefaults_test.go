package transportdefaults_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/internal/fixtest"
	"github.com/reuselint/reuselint/passes/transportdefaults"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), transportdefaults.New(), "a")
}

func TestFixesGofmtCleanAndCompile(t *testing.T) {
	fixtest.Check(t, analysistest.TestData(), transportdefaults.New(), "a")
}

// TestPerCall: transports that die with their call are silent by
// default (the first run drops only the expectations, so a finding on
// them fails) and reported with -all; kept transports are reported both
// ways.
func TestPerCall(t *testing.T) {
	fixtest.CheckSilent(t, analysistest.Run(fixtest.Without(t, "diagnostic"), analysistest.TestData(), transportdefaults.New(), "percall"))
	a := transportdefaults.New()
	if err := a.Flags.Set("all", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "percall")
}

// TestSilent covers the transports configured where the check looks
// beyond the literal: http2.ConfigureTransport(s), callers in the same
// package, other packages' functions, a package that reads the decider
// fields, a user's hook, test-support packages.
func TestSilent(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), transportdefaults.New(), "http2user", "escape", "reads", "hook", "example.com/testutil")
}

// TestReturned reports transports that leave their function when no
// function of the package settles HTTP/2.
func TestReturned(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), transportdefaults.New(), "returned")
}
