package main_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/reuselint/reuselint/analyzer"
	"github.com/reuselint/reuselint/cmd/internal/sarif"
	"github.com/reuselint/reuselint/cmd/internal/sariftest"
	"github.com/reuselint/reuselint/internal/e2etest"
)

// copyDemo copies the demo module, pointing its replace at this checkout.
func copyDemo(t *testing.T) string {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return e2etest.CopyDemo(t, repo)
}

// A finding of the -json report.
type finding struct {
	check, file, message string
	line                 int
}

// jsonFindings runs "bin -json ./..." in dir and returns its findings,
// each once (a package and its test variant report the same ones).
func jsonFindings(t *testing.T, bin, dir string) []finding {
	t.Helper()
	stdout, stderr, code := run(t, dir, bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("reuselint -json: exit %d\n%s", code, stderr)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("reuselint -json: %v\n%s", err, stdout)
	}
	seen := make(map[finding]bool)
	var fs []finding
	for _, byCheck := range tree {
		for check, raw := range byCheck {
			var ds []struct{ Posn, Message string }
			if err := json.Unmarshal(raw, &ds); err != nil {
				t.Fatalf("check %s failed: %s", check, raw)
			}
			for _, d := range ds {
				m := regexp.MustCompile(`^(.*):(\d+):\d+$`).FindStringSubmatch(d.Posn)
				if m == nil {
					t.Fatalf("bad posn %q", d.Posn)
				}
				line, _ := strconv.Atoi(m[2])
				f := finding{check: check, file: m[1], line: line, message: d.Message}
				if !seen[f] {
					seen[f] = true
					fs = append(fs, f)
				}
			}
		}
	}
	sort.Slice(fs, func(i, j int) bool {
		return fmt.Sprint(fs[i]) < fmt.Sprint(fs[j])
	})
	return fs
}

// insertLines inserts text before the given 1-based lines of file.
func insertLines(t *testing.T, file string, before map[int]string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	var b strings.Builder
	for i, l := range lines {
		if text, ok := before[i+1]; ok {
			b.WriteString(text + "\n")
		}
		b.WriteString(l)
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkBoth runs the binary standalone and under go vet in dir and
// checks that both print exactly want (as "file:line:col: message" with
// base names, sorted) with the documented exit statuses.
func checkBoth(t *testing.T, bin, dir string, want []string) {
	t.Helper()
	wantCode, wantVet := 3, 1
	if len(want) == 0 {
		wantCode, wantVet = 0, 0
	}
	_, out, code := run(t, dir, bin, "./...")
	if got := findings(out); code != wantCode || !slices.Equal(got, want) {
		t.Errorf("reuselint ./...: exit %d, want %d; findings:\n%s\nwant:\n%s\noutput:\n%s", code, wantCode, strings.Join(got, "\n"), strings.Join(want, "\n"), out)
	}
	_, out, code = run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if got := findings(out); code != wantVet || !slices.Equal(got, want) {
		t.Errorf("go vet -vettool: exit %d, want %d; findings:\n%s\nwant:\n%s\noutput:\n%s", code, wantVet, strings.Join(got, "\n"), strings.Join(want, "\n"), out)
	}
}

// TestDirectives checks that every finding on the demo ends with the
// name of its check, suppresses them all with //reuselint:ignore lines,
// then with //reuselint:file-ignore, and checks that stale and malformed
// directives are reported, standalone and under go vet alike, and that
// -fix removes a stale one.
func TestDirectives(t *testing.T) {
	bin := buildTool(t)
	orig := copyDemo(t)
	fs := jsonFindings(t, bin, orig)
	if len(fs) == 0 {
		t.Skip("no check reports on the demo module yet")
	}
	for _, f := range fs {
		if !strings.HasSuffix(f.message, " ("+f.check+")") {
			t.Errorf("%s:%d: message %q does not end with (%s)", f.file, f.line, f.message, f.check)
		}
		if strings.Count(f.message, "("+f.check+")") != 1 {
			t.Errorf("%s:%d: message %q names its check more than once; the wrapper adds the name", f.file, f.line, f.message)
		}
	}

	// One directive above each line with findings, naming its checks.
	t.Run("ignore", func(t *testing.T) {
		dir := copyDemo(t)
		checks := make(map[string]map[int][]string) // file → line → checks
		for _, f := range fs {
			rel, _ := filepath.Rel(orig, f.file)
			file := filepath.Join(dir, rel)
			if checks[file] == nil {
				checks[file] = make(map[int][]string)
			}
			if !slices.Contains(checks[file][f.line], f.check) {
				checks[file][f.line] = append(checks[file][f.line], f.check)
			}
		}
		for file, byLine := range checks {
			before := make(map[int]string)
			for line, cs := range byLine {
				before[line] = "//reuselint:ignore " + strings.Join(cs, ",") + " tested by TestDirectives"
			}
			insertLines(t, file, before)
		}
		checkBoth(t, bin, dir, nil)
	})

	// One file-ignore directive per file, naming the checks reporting there.
	t.Run("file-ignore", func(t *testing.T) {
		dir := copyDemo(t)
		checks := make(map[string][]string)
		for _, f := range fs {
			rel, _ := filepath.Rel(orig, f.file)
			file := filepath.Join(dir, rel)
			if !slices.Contains(checks[file], f.check) {
				checks[file] = append(checks[file], f.check)
			}
		}
		for file, cs := range checks {
			insertLines(t, file, map[int]string{1: "//reuselint:file-ignore " + strings.Join(cs, ",") + " tested by TestDirectives\n"})
		}
		checkBoth(t, bin, dir, nil)
	})

	// Stale, reasonless and misspelled directives for every check, in a
	// file of their own; the demo's findings stay.
	t.Run("problems", func(t *testing.T) {
		dir := copyDemo(t)
		var src strings.Builder
		src.WriteString("package demo\n\nfunc directives() {\n")
		want := findingsOf(t, bin, dir) // the demo's own findings stay
		line := 4
		for _, a := range analyzer.Suite {
			fmt.Fprintf(&src, "\t//reuselint:ignore %s stale on purpose\n\t_ = 0\n", a.Name)
			want = append(want, fmt.Sprintf("zz_directives.go:%d:2: reuselint:ignore directive suppresses no %s finding on the next line; remove it (%s)", line, a.Name, a.Name))
			line += 2
			fmt.Fprintf(&src, "\t_ = 1 //reuselint:ignore %s\n", a.Name)
			want = append(want, fmt.Sprintf("zz_directives.go:%d:8: reuselint:ignore directive needs a reason after the check names (%s)", line, a.Name))
			line++
			fmt.Fprintf(&src, "\t//reuselint:ignore %sx misspelled\n\t_ = 2\n", a.Name)
			want = append(want, fmt.Sprintf(`zz_directives.go:%d:2: reuselint:ignore directive names "%sx", which is not a check; the closest is %s (%s)`, line, a.Name, a.Name, a.Name))
			line += 2
		}
		src.WriteString("}\n")
		file := filepath.Join(dir, "zz_directives.go")
		if err := os.WriteFile(file, []byte(src.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		slices.Sort(want)
		checkBoth(t, bin, dir, want)

		// -fix removes the stale directives (and applies the checks' fixes).
		if _, stderr, code := run(t, dir, bin, "-fix", "./..."); code != 0 {
			t.Fatalf("reuselint -fix: exit %d\n%s", code, stderr)
		}
		fixed, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(fixed), "stale on purpose") {
			t.Errorf("reuselint -fix left the stale directives:\n%s", fixed)
		}
		if _, stderr, code := e2etest.Run(t, dir, "go", "build", "./..."); code != 0 {
			t.Errorf("the fixed demo does not build:\n%s", stderr)
		}
	})
}

// findingsOf returns the text findings of the binary on dir.
func findingsOf(t *testing.T, bin, dir string) []string {
	t.Helper()
	_, out, _ := run(t, dir, bin, "./...")
	return findings(out)
}

// TestSARIF runs "reuselint sarif" on the demo where the README does and
// checks the log's structure, that it holds exactly the findings of the
// text output, and the documented exit statuses.
func TestSARIF(t *testing.T) {
	bin := buildTool(t)
	demo, err := filepath.Abs("../../demo")
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, demo, bin, "sarif", "./...")
	if code != sarif.ExitOK {
		t.Fatalf("reuselint sarif: exit %d, want %d\n%s", code, sarif.ExitOK, stderr)
	}
	if err := sariftest.Validate([]byte(stdout)); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, stdout)
	}
	var log sarif.Log
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	run0 := log.Runs[0]
	var rules []string
	for _, r := range run0.Tool.Driver.Rules {
		rules = append(rules, r.ID)
	}
	var names []string
	for _, a := range analyzer.Suite {
		names = append(names, a.Name)
	}
	if !slices.Equal(rules, names) {
		t.Errorf("rules %q, want one per check %q", rules, names)
	}
	if !run0.Invocations[0].ExecutionSuccessful {
		t.Errorf("invocation unsuccessful: %+v", run0.Invocations[0])
	}
	// The same findings as the text output, in the repository's terms:
	// URIs relative to the checkout (the directory holding .git).
	prefix := ""
	for dir := demo; filepath.Dir(dir) != dir; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			rel, _ := filepath.Rel(dir, demo)
			prefix = filepath.ToSlash(rel) + "/"
			break
		}
	}
	var got []string
	for _, r := range run0.Results {
		loc := r.Locations[0].PhysicalLocation
		if rest, ok := strings.CutPrefix(loc.ArtifactLocation.URI, prefix); !ok || strings.Contains(rest, "/") {
			t.Errorf("URI %q is not relative to the repository root", loc.ArtifactLocation.URI)
		}
		if !strings.HasSuffix(r.Message.Text, " ("+r.RuleID+")") {
			t.Errorf("result of %s with message %q", r.RuleID, r.Message.Text)
		}
		got = append(got, fmt.Sprintf("%s:%d:%d: %s", filepath.Base(loc.ArtifactLocation.URI), loc.Region.StartLine, loc.Region.StartColumn, r.Message.Text))
	}
	slices.Sort(got)
	if want := findingsOf(t, bin, demo); !slices.Equal(got, want) {
		t.Errorf("SARIF results:\n%s\nwant the text findings:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// -fail: 3 when there are results, 0 otherwise.
	wantFail := sarif.ExitOK
	if len(got) > 0 {
		wantFail = sarif.ExitFindings
	}
	if _, stderr, code := run(t, demo, bin, "sarif", "-fail", "./..."); code != wantFail {
		t.Errorf("reuselint sarif -fail on the demo: exit %d, want %d\n%s", code, wantFail, stderr)
	}
	clean, _ := filepath.Abs("testdata/clean")
	stdout, stderr, code = run(t, clean, bin, "sarif", "-fail", "-root", clean, "./...")
	if code != sarif.ExitOK {
		t.Errorf("reuselint sarif -fail on a clean module: exit %d, want 0\n%s", code, stderr)
	}
	if err := sariftest.Validate([]byte(stdout)); err != nil || !strings.Contains(stdout, `"results": []`) {
		t.Errorf("clean module: want a valid log with no results, got %v\n%s", err, stdout)
	}
	if _, stderr, code := run(t, demo, bin, "sarif", "-fix", "./..."); code != sarif.ExitUsage {
		t.Errorf("reuselint sarif -fix: exit %d, want %d\n%s", code, sarif.ExitUsage, stderr)
	}
}

// TestExitCodes checks the documented exit status of every mode on a
// module that does not compile: 1 everywhere but -json, whose report
// holds the error (and the SARIF log marks the run failed).
func TestExitCodes(t *testing.T) {
	bin := buildTool(t)
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod":    "module example.com/broken\n\ngo 1.26.0\n",
		"broken.go": "package broken\n\nfunc f() { undefined() }\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{bin, "./..."}, 1},
		{[]string{bin, "-json", "./..."}, 1},
		{[]string{"go", "vet", "-vettool=" + bin, "./..."}, 1},
		{[]string{bin, "sarif", "./..."}, sarif.ExitError},
		{[]string{bin, "-fix", "./..."}, 1},
		{[]string{bin, "-nosuchflag", "./..."}, 2},
		{[]string{"go", "vet", "-vettool=" + bin, "-nosuchflag", "./..."}, 2},
		{[]string{bin, "sarif", "-nosuchflag", "./..."}, 2},
	} {
		stdout, stderr, code := run(t, dir, c.args[0], c.args[1:]...)
		if code != c.want {
			t.Errorf("%q: exit %d, want %d\n%s", c.args[1:], code, c.want, stderr)
		}
		if c.args[1] == "sarif" && c.want == sarif.ExitError {
			if err := sariftest.Validate([]byte(stdout)); err != nil {
				t.Errorf("sarif on a broken module: %v\n%s", err, stdout)
			}
			if !strings.Contains(stdout, `"executionSuccessful": false`) {
				t.Errorf("sarif on a broken module: the run is not marked failed:\n%s", stdout)
			}
		}
	}
}
