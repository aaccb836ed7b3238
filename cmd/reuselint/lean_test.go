package main_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLeanVettool checks that the binary go vet starts for every package
// links the analyzers and their drivers only: not the probe, nor what it
// brings (net/http's server side, crypto/tls), nor any command's code
// but the SARIF writer. Each process start costs that much less.
func TestLeanVettool(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	deps := make(map[string]bool)
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	if !deps["github.com/reuselint/reuselint/analyzer"] {
		t.Fatalf("go list -deps does not list the analyzer package:\n%s", out)
	}
	for _, p := range []string{
		"net/http",
		"crypto/tls",
		"crypto/x509",
		"github.com/reuselint/reuselint/cmd/internal/probe",
		"github.com/reuselint/reuselint/reusetrace",
	} {
		if deps[p] {
			t.Errorf("cmd/reuselint links %s; keep it out of the binary go vet starts for every package", p)
		}
	}
	for p := range deps {
		if strings.HasPrefix(p, "github.com/reuselint/reuselint/cmd/internal/") && p != "github.com/reuselint/reuselint/cmd/internal/sarif" {
			t.Errorf("cmd/reuselint links %s", p)
		}
	}
}
