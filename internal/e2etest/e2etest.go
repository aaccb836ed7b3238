// Package e2etest holds what the end-to-end tests of cmd/reuselint and
// plugin share: running commands and copying the demo module.
package e2etest

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Run runs name with args in dir, outside any go.work and without the
// caller's GOFLAGS, and returns stdout, stderr and the exit status.
func Run(t testing.TB, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return o.String(), e.String(), code
}

// MustRun is Run failing the test on a non-zero exit status; it returns
// stdout.
func MustRun(t testing.TB, dir, name string, args ...string) string {
	t.Helper()
	stdout, stderr, code := Run(t, dir, name, args...)
	if code != 0 {
		t.Fatalf("%s %s: exit %d\n%s\n%s", name, strings.Join(args, " "), code, stdout, stderr)
	}
	return stdout
}

// CopyDemo copies the demo module of the checkout at repo to a temporary
// directory, pointing its replace directive at repo, and returns the
// copy's path.
func CopyDemo(t testing.TB, repo string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "demo")
	if err := os.CopyFS(dst, os.DirFS(filepath.Join(repo, "demo"))); err != nil {
		t.Fatal(err)
	}
	MustRun(t, dst, "go", "mod", "edit", "-replace=github.com/reuselint/reuselint="+repo)
	return dst
}
