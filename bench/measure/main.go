//go:build unix

// Command measure runs a command and appends one line to a log file with
// the command's wall time, peak resident set size and CPU time:
//
//	wall=1.234 maxrss_kb=56789 user=2.345 sys=0.123 exit=0 argv0=go
//
// bench/vet.sh uses it twice: around go vet (wall time of the whole run),
// and as a wrapper around the vettool itself, so that each of the many
// tool processes go vet starts appends its own line and the log holds the
// tool's peak memory and total CPU time.
//
// The peak RSS is the kernel's ru_maxrss for the waited-for child: the
// largest RSS reached by the child or by any single descendant it waited
// for (the maximum over the process tree, not the sum of processes
// running at the same time). It is what GNU time's %M reports; measure
// exists so the benchmark needs nothing but Go.
//
// Usage:
//
//	measure -o log -- command [args...]
//
// The command's standard streams and exit status are passed through.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

func main() {
	log := flag.String("o", "", "append the measurement to this file (default: standard error)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: measure [-o log] -- command [args...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	code, line, err := run(flag.Args())
	if err != nil {
		fmt.Fprintf(os.Stderr, "measure: %v\n", err)
		os.Exit(2)
	}
	if err := appendLine(*log, line); err != nil {
		fmt.Fprintf(os.Stderr, "measure: %v\n", err)
		os.Exit(2)
	}
	os.Exit(code)
}

// run starts args, waits for it and returns its exit code and the
// measurement line.
func run(args []string) (int, string, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return 0, "", err
	}
	st := cmd.ProcessState
	ru, ok := st.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, "", fmt.Errorf("no resource usage for %s on this system", args[0])
	}
	line := fmt.Sprintf("wall=%.3f maxrss_kb=%d user=%.3f sys=%.3f exit=%d argv0=%s\n",
		wall.Seconds(), maxRSSKB(ru), st.UserTime().Seconds(), st.SystemTime().Seconds(),
		st.ExitCode(), filepath.Base(args[0]))
	return st.ExitCode(), line, nil
}

// appendLine appends line to the file name, or writes it to standard
// error when name is empty. One write on an O_APPEND file keeps the lines
// of concurrent tool processes whole.
func appendLine(name, line string) error {
	if name == "" {
		_, err := os.Stderr.WriteString(line)
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(line); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
