//go:build unix

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

func TestRunPassesExitCodeAndMeasures(t *testing.T) {
	code, line, err := run([]string{"sh", "-c", "exit 3"})
	if err != nil {
		t.Fatal(err)
	}
	if code != 3 {
		t.Errorf("exit code %d, want 3", code)
	}
	re := regexp.MustCompile(`^wall=[0-9.]+ maxrss_kb=[1-9][0-9]* user=[0-9.]+ sys=[0-9.]+ exit=3 argv0=sh\n$`)
	if !re.MatchString(line) {
		t.Errorf("line %q does not match %s", line, re)
	}
}

func TestRunMissingCommand(t *testing.T) {
	if _, _, err := run([]string{"/nonexistent/command"}); err == nil {
		t.Error("no error for a command that cannot start")
	}
}

func TestAppendLineAppends(t *testing.T) {
	name := filepath.Join(t.TempDir(), "log")
	for _, l := range []string{"a\n", "b\n"} {
		if err := appendLine(name, l); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "a\nb\n" {
		t.Errorf("log holds %q, want both lines in order", got)
	}
}
