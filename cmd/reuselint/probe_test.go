package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestProbeCommand runs "reuselint probe" the way the README does, on the
// local server, and once with a bad URL.
func TestProbeCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	// As go install ./cmd/... puts them: side by side.
	dir := t.TempDir()
	bin := filepath.Join(dir, "reuselint")
	if out, err := exec.Command("go", "build", "-o", dir, ".", "../reuselint-probe").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	probe := func(args ...string) (stdout, stderr string, code int) {
		cmd := exec.Command(bin, append([]string{"probe"}, args...)...)
		cmd.Env = append(os.Environ(), "PATH=") // only the binary next to reuselint
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		if exit, ok := errors.AsType[*exec.ExitError](err); ok {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return o.String(), e.String(), code
	}

	stdout, stderr, code := probe("-n", "3", "-json")
	var rep struct {
		Modes []struct {
			Summary struct {
				Reused int `json:"reused"`
			} `json:"summary"`
		} `json:"modes"`
	}
	if code != 0 || stderr != "" {
		t.Fatalf("probe -json: exit %d, stderr %q", code, stderr)
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || len(rep.Modes) != 3 || rep.Modes[1].Summary.Reused != 2 {
		t.Fatalf("probe -json: %v, %+v\n%s", err, rep, stdout)
	}

	stdout, stderr, code = probe("ftp://example.com/")
	if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, `scheme "ftp" is not http or https`) {
		t.Errorf("probe ftp://: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	// Without reuselint-probe: one line saying how to install it.
	if err := os.Remove(filepath.Join(dir, "reuselint-probe")); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code = probe("-n", "1")
	if code != 1 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "go install github.com/reuselint/reuselint/cmd/...@latest") {
		t.Errorf("probe without reuselint-probe: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
