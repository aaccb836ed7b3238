package main_test

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/analyzer"
	"github.com/reuselint/reuselint/internal/doc"
)

// TestHelp checks that "reuselint help" is reuselint's own text, not the
// multichecker's: what it finds, the three ways to run it, the exit
// codes, where the docs are, every check, and every flag the binary
// declares (the list go vet reads with -flags).
func TestHelp(t *testing.T) {
	bin := buildTool(t)
	out, stderr, code := run(t, ".", bin, "help")
	if code != 0 {
		t.Fatalf("reuselint help: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{
		"reuselint reports Go code that defeats net/http's connection pool",
		"reuselint [flags] [packages]",
		"go vet -vettool=$(which reuselint)",
		"golangci-lint",
		"Exit codes: 0 no findings; 3 findings",
		"Documentation: https://github.com/reuselint/reuselint",
		"reuselint version",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("reuselint help does not say %q:\n%s", want, out)
		}
	}
	// The multichecker's generic text is gone.
	for _, generic := range []string{"Printf call", "strings.Split", "-fixtool"} {
		if strings.Contains(out, generic) {
			t.Errorf("reuselint help still prints the generic %q", generic)
		}
	}
	for _, a := range analyzer.Suite {
		if !regexp.MustCompile(`(?m)^  ` + a.Name + ` +` + regexp.QuoteMeta(doc.Title(a.Doc)) + `$`).MatchString(out) {
			t.Errorf("reuselint help does not list check %s with its title", a.Name)
		}
	}
	flagsJSON, stderr, code := run(t, ".", bin, "-flags")
	if code != 0 {
		t.Fatalf("reuselint -flags: exit %d\n%s", code, stderr)
	}
	var flags []struct{ Name, Usage string }
	if err := json.Unmarshal([]byte(flagsJSON), &flags); err != nil || len(flags) == 0 {
		t.Fatalf("reuselint -flags: %v\n%s", err, flagsJSON)
	}
	if !strings.Contains(out, "-<check>") {
		t.Error("reuselint help does not say that -<check> selects checks")
	}
	for _, f := range flags {
		if strings.Contains(f.Usage, "no effect (deprecated)") || slices.ContainsFunc(analyzer.Suite, func(a *analysis.Analyzer) bool { return a.Name == f.Name }) {
			continue // a check's own flag is -<check>
		}
		if !strings.Contains(out, "-"+f.Name) {
			t.Errorf("reuselint help does not list the flag -%s (%s)", f.Name, f.Usage)
		}
	}
}

// TestHelpCheck checks that "reuselint help <check>" prints the check's
// labelled parts in order (the text of its page), its flags and the
// address of its page, and that an unknown check is a usage error.
func TestHelpCheck(t *testing.T) {
	bin := buildTool(t)
	for _, a := range analyzer.Suite {
		out, stderr, code := run(t, ".", bin, "help", a.Name)
		if code != 0 {
			t.Fatalf("reuselint help %s: exit %d\n%s", a.Name, code, stderr)
		}
		if want := a.Name + ": " + doc.Title(a.Doc) + "\n"; !strings.HasPrefix(out, want) {
			t.Errorf("reuselint help %s starts with %.60q, want %q", a.Name, out, want)
		}
		parts, err := doc.Parts(a.Doc)
		if err != nil {
			t.Fatal(err)
		}
		at := 0
		for _, p := range parts {
			i := strings.Index(out[at:], p.Label+":")
			if i < 0 {
				t.Errorf("reuselint help %s: part %q missing or out of order", a.Name, p.Label)
				break
			}
			at += i
			if !strings.Contains(out, p.Text) {
				t.Errorf("reuselint help %s does not print the text of part %q", a.Name, p.Label)
			}
		}
		for _, f := range doc.FlagNames(a) {
			if !strings.Contains(out, "\n  "+f+"\n") {
				t.Errorf("reuselint help %s does not list its flag %s", a.Name, f)
			}
		}
		if !strings.HasSuffix(out, "Documentation: "+doc.URL(a.Name)+"\n") {
			t.Errorf("reuselint help %s does not end with the address of its page", a.Name)
		}
	}
	if _, stderr, code := run(t, ".", bin, "help", "nosuchcheck"); code != 2 || !strings.Contains(stderr, `no check named "nosuchcheck"`) {
		t.Errorf("reuselint help nosuchcheck: exit %d, want 2 and a message\n%s", code, stderr)
	}
}

// versionRE matches what "reuselint version" and "reuselint -V" print.
var versionRE = regexp.MustCompile(`^reuselint version (\S+)(?: revision ([0-9a-f]+)( \(modified\))?)?, built with go\S+ \S+/\S+\n$`)

// TestVersion checks that "reuselint version" and "reuselint -V" print
// the module version and VCS revision the build recorded (from a clone:
// "(devel)" or a pseudo-version, and the checkout's commit).
func TestVersion(t *testing.T) {
	// -buildvcs=true: stamp the revision even where GOFLAGS turns it off
	// (it is on by default: "auto").
	bin := buildTool(t, "-buildvcs=true")
	out, stderr, code := run(t, ".", bin, "version")
	if code != 0 {
		t.Fatalf("reuselint version: exit %d\n%s", code, stderr)
	}
	m := versionRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("reuselint version printed %q, want it to match %s", out, versionRE)
	}
	info, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	// From a clone, the go command records "(devel)", or since Go 1.24 a
	// pseudo-version made from the revision ("+dirty" with local changes).
	mod := regexp.MustCompile(`(?m)^\tmod\tgithub.com/reuselint/reuselint\t(\S+)`).FindSubmatch(info)
	if mod == nil || m[1] != string(mod[1]) {
		t.Errorf("reuselint version: module version %q, want the build info's %q", m[1], mod)
	}
	rev := regexp.MustCompile(`(?m)^\tbuild\tvcs.revision=(\S+)$`).FindSubmatch(info)
	// cmd/go stamps the revision when the module's root holds a .git
	// directory (not a git worktree's .git file).
	if fi, err := os.Stat("../../.git"); err == nil && fi.IsDir() && rev == nil {
		t.Errorf("the binary built from a git clone records no vcs.revision:\n%s", info)
	}
	if rev != nil && m[2] != string(rev[1]) {
		t.Errorf("reuselint version: revision %q, want %q from the build info", m[2], rev[1])
	}
	if rev == nil && m[2] != "" {
		t.Errorf("reuselint version: revision %q, but the build info has none", m[2])
	}
	modified := regexp.MustCompile(`(?m)^\tbuild\tvcs.modified=true$`).Match(info)
	if modified != (m[3] != "") {
		t.Errorf("reuselint version: %q, but the build info says vcs.modified=%v", out, modified)
	}

	v, stderr, code := run(t, ".", bin, "-V")
	if code != 0 || v != out {
		t.Errorf("reuselint -V: exit %d, %q; want exit 0 and what reuselint version prints, %q\n%s", code, v, out, stderr)
	}
}

// TestVersionFull checks "reuselint -V=full" the way cmd/go's toolID reads
// it (cmd/go/internal/work/buildid.go): "<name> version <v> ...", and when
// the third field contains "devel", a last field "buildID=<id>" whose part
// after the last "/" becomes the tool's ID in go vet's cache keys. The ID
// must be the hash of the binary, so that it changes with the binary and
// only with it.
func TestVersionFull(t *testing.T) {
	bin := buildTool(t)
	out, stderr, code := run(t, ".", bin, "-V=full")
	if code != 0 {
		t.Fatalf("reuselint -V=full: exit %d\n%s", code, stderr)
	}
	f := strings.Fields(out)
	if len(f) < 3 || f[1] != "version" || !strings.Contains(f[2], "devel") || !strings.HasPrefix(f[len(f)-1], "buildID=") {
		t.Fatalf("reuselint -V=full printed %q: cmd/go would reject it or use the whole line as the tool's ID", out)
	}
	id := f[len(f)-1][strings.LastIndex(f[len(f)-1], "/")+1:]
	id = strings.TrimPrefix(id, "buildID=")
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(data); id != hex.EncodeToString(sum[:]) {
		t.Errorf("reuselint -V=full: ID %s, want the binary's SHA-256 %x", id, sum)
	}
	if again, _, _ := run(t, ".", bin, "-V=full"); again != out {
		t.Errorf("reuselint -V=full is not stable: %q then %q", out, again)
	}
}

// TestVetCache checks that go vet caches reuselint's results: on a
// package without findings, whose source is new to the cache, a first
// go vet -vettool run starts the tool on it (go vet -x prints the command
// with the package's vet.cfg), and a second run starts it on nothing.
func TestVetCache(t *testing.T) {
	bin := buildTool(t)
	dir := filepath.Join(t.TempDir(), "clean")
	if err := os.CopyFS(dir, os.DirFS("testdata/clean")); err != nil {
		t.Fatal(err)
	}
	// A comment no earlier run has seen, so the first run cannot be
	// served from the cache.
	f, err := os.OpenFile(filepath.Join(dir, "clean.go"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "\n// %s\n", rand.Text())
	f.Close()

	toolRuns := func() int {
		t.Helper()
		_, stderr, code := run(t, dir, "go", "vet", "-x", "-vettool="+bin, "./...")
		if code != 0 {
			t.Fatalf("go vet -vettool: exit %d\n%s", code, stderr)
		}
		n := 0
		for line := range strings.Lines(stderr) {
			if strings.Contains(line, bin) && strings.Contains(line, "vet.cfg") {
				n++
			}
		}
		return n
	}
	if n := toolRuns(); n == 0 {
		t.Fatal("first go vet -x run started the tool on no package: the test cannot tell a cache hit")
	}
	if n := toolRuns(); n != 0 {
		t.Errorf("second go vet run started the tool %d times; want 0: its results were not cached (is -V=full stable?)", n)
	}
}

// TestStandaloneOrder checks that standalone text output lists findings
// by file, line and column, whatever check found them (testdata/order has
// a later check's finding first, and two findings on one line).
func TestStandaloneOrder(t *testing.T) {
	bin := buildTool(t)
	dir, err := filepath.Abs("testdata/order")
	if err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("reuselint ./...: exit %d, want 3\n%s", code, stderr)
	}
	var got []string
	for _, m := range findingRE.FindAllStringSubmatch(stderr, -1) {
		if strings.HasPrefix(m[4], "\t") {
			continue // a related location
		}
		got = append(got, m[1]+":"+m[2]+":"+m[3]+" "+strings.TrimSuffix(m[4][strings.LastIndex(m[4], "(")+1:], ")"))
	}
	want := []string{"order.go:17:2 undrainedbody", "order.go:24:12 clientperrequest", "order.go:35:39 transportdefaults", "order.go:35:72 tlssessioncache"}
	if strconv.Quote(strings.Join(got, "\n")) != strconv.Quote(strings.Join(want, "\n")) {
		t.Errorf("findings in this order:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSubsetDirectiveProblem runs one check (-keepalive): a directive
// misspelling another check is still reported, by the check that runs.
func TestSubsetDirectiveProblem(t *testing.T) {
	bin := buildTool(t)
	dir, err := filepath.Abs("testdata/subset")
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"-keepalive", "./..."}, {"./..."}} {
		_, stderr, code := run(t, dir, bin, args...)
		if code != 3 || !strings.Contains(stderr, `names "unclosedbdy", which is not a check; the closest is unclosedbody`) {
			t.Errorf("reuselint %s: exit %d, want 3 and the directive's problem:\n%s", strings.Join(args, " "), code, stderr)
		}
	}
}

// TestAll checks the suite's -all switch standalone and under go vet: the
// transport that Handle in testdata/order builds per request gets
// transportdefaults' finding only with -all (by default, one finding:
// clientperrequest's).
func TestAll(t *testing.T) {
	bin := buildTool(t)
	dir, err := filepath.Abs("testdata/order")
	if err != nil {
		t.Fatal(err)
	}
	const perCall = "order.go:24:37: http.Transport sets TLSClientConfig but not ForceAttemptHTTP2"
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"./..."}, false},
		{[]string{"-all", "./..."}, true},
	} {
		_, stderr, _ := run(t, dir, bin, c.args...)
		if got := strings.Contains(stderr, perCall); got != c.want {
			t.Errorf("reuselint %s: per-call transport reported %v, want %v\n%s", strings.Join(c.args, " "), got, c.want, stderr)
		}
		vetArgs := append([]string{"vet", "-vettool=" + bin}, c.args...)
		_, stderr, _ = run(t, dir, "go", vetArgs...)
		if got := strings.Contains(stderr, perCall); got != c.want {
			t.Errorf("go %s: per-call transport reported %v, want %v\n%s", strings.Join(vetArgs, " "), got, c.want, stderr)
		}
	}
}
