package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// buildVersion describes the binary from its build information: the
// module version ("v1.2.3" from go install ...@v1.2.3, "(devel)" when
// built from a clone) and, when the build recorded it, the VCS revision
// and whether the tree had local changes.
type buildVersion struct {
	module   string
	revision string
	modified bool
}

func readVersion() buildVersion {
	v := buildVersion{module: "(devel)"}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if info.Main.Version != "" {
		v.module = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.revision = s.Value
		case "vcs.modified":
			v.modified = s.Value == "true"
		}
	}
	return v
}

// String is the version as "reuselint version" prints it, e.g.
// "v1.2.3" or "(devel) revision 1b7c3f1... (modified)".
func (v buildVersion) String() string {
	s := v.module
	if v.revision != "" {
		s += " revision " + v.revision
		if v.modified {
			s += " (modified)"
		}
	}
	return s
}

// printVersion writes what "reuselint version" and "reuselint -V" print.
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "reuselint version %s, built with %s %s/%s\n", readVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// printFullVersion writes what "reuselint -V=full" prints: go vet runs
// the tool that way and keys its build cache on the answer. cmd/go
// (toolID in cmd/go/internal/work/buildid.go) requires "<name> version
// <v> ...": when the third field contains "devel" the last must be
// "buildID=<id>", and the part after its last "/" is the tool's ID, else
// the whole line is. "devel" is always the third field here, so the ID is
// the hash of this executable: any change to the binary (a new version,
// a local edit under the same version) invalidates go vet's cached
// results, and the same binary keeps them. This is the form of
// x/tools' analysisflags, which -V=full replaces, with the module
// version and revision added in between for people reading it.
func printFullVersion(w io.Writer) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(self)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	v := readVersion()
	fields := []string{"reuselint", "version", "devel", strings.ReplaceAll(v.module, " ", "")}
	if v.revision != "" {
		fields = append(fields, "revision="+v.revision)
	}
	fmt.Fprintf(w, "%s buildID=%x\n", strings.Join(fields, " "), h.Sum(nil))
	return nil
}

// versionFlag is -V. multichecker leaves a -V flag registered before it
// starts alone, so this one replaces x/tools' (which accepts only -V=full
// and prints "version devel comments-go-here").
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) String() string   { return "" }
func (versionFlag) Set(s string) error {
	switch s {
	case "true":
		printVersion(os.Stdout)
	case "full":
		if err := printFullVersion(os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "reuselint: %v\n", err)
			os.Exit(1)
		}
	default:
		return fmt.Errorf("use -V or -V=full")
	}
	os.Exit(0)
	return nil
}
