package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
)

// probeBinary is the command that implements "reuselint probe". It is
// not linked into reuselint: go vet starts reuselint for every package,
// and the probe would bring net/http's server side and crypto/tls with
// it.
const probeBinary = "reuselint-probe"

const probeInstall = "go install github.com/reuselint/reuselint/cmd/...@latest"

// runProbe runs reuselint-probe with args (those after "probe"),
// found next to this executable (where go install puts both) or else in
// PATH, and returns its exit status.
func runProbe(args []string, stderr io.Writer) int {
	path, err := findProbe()
	if err != nil {
		fmt.Fprintf(stderr, "reuselint probe: %v; install it with %s\n", err, probeInstall)
		return 1
	}
	cmd := exec.Command(path, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	// Ctrl-C reaches the probe too (same process group): it stops and
	// prints what it measured. Catch the signal rather than ignore it: an
	// ignored signal stays ignored in the child.
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
	err = cmd.Run()
	if exit, ok := errors.AsType[*exec.ExitError](err); ok {
		return exit.ExitCode()
	}
	if err != nil {
		fmt.Fprintf(stderr, "reuselint probe: %v\n", err)
		return 1
	}
	return 0
}

func findProbe() (string, error) {
	name := probeBinary
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if self, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(self), name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath(probeBinary); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("%s is neither next to reuselint nor in PATH", probeBinary)
}
