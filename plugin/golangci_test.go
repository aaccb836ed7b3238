package plugin_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/reuselint/reuselint/analyzer"
	"github.com/reuselint/reuselint/internal/e2etest"
)

// golangciVersion is the golangci-lint the plugin is built into; its
// go.mod pins the plugin-module-register version this module requires.
const golangciVersion = "v2.15.0"

// TestGolangci builds a real custom golangci-lint with the plugin, the
// way "golangci-lint custom" would but offline (module proxy only), and
// runs it on a copy of the demo module: the findings must be standalone
// reuselint's, --fix must apply the same fixes, settings must reach the
// checks, exclusions and //nolint must work, and a bad setting must fail
// naming the key. It takes minutes on a cold cache, so it runs only with
// REUSELINT_GOLANGCI=1 (as .ci/run sets).
func TestGolangci(t *testing.T) {
	if os.Getenv("REUSELINT_GOLANGCI") != "1" {
		t.Skip("set REUSELINT_GOLANGCI=1 to build a custom golangci-lint " + golangciVersion + " and test the plugin in it")
	}
	if len(analyzer.Suite) == 0 {
		t.Skip("the suite has no checks")
	}
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	gcl := buildGolangci(t, repo)
	t.Run("test-only deps", func(t *testing.T) {
		// The JSON Schema validator the SARIF tests use must not reach
		// golangci-lint through the plugin. golangci-lint links the same
		// modules itself (it validates its configuration with them), so
		// each must be in the binary at the version golangci-lint
		// requires, not one raised by this module's go.mod; and the
		// plugin's packages must not import them (TestNoTestOnlyDeps).
		out := e2etest.MustRun(t, repo, "go", "version", "-m", gcl)
		if !strings.Contains(out, "\tdep\tgithub.com/reuselint/reuselint\t") {
			t.Fatalf("go version -m does not list the plugin's module:\n%s", out)
		}
		own := golangciRequires(t)
		for _, m := range testOnlyModules {
			for line := range strings.Lines(out) {
				f := strings.Fields(line)
				if len(f) < 3 || f[0] != "dep" || !strings.HasPrefix(f[1], m) {
					continue
				}
				if own[f[1]] != f[2] {
					t.Errorf("custom golangci-lint links %s %s; golangci-lint %s itself requires %q: the plugin brought it", f[1], f[2], golangciVersion, own[f[1]])
				}
			}
		}
	})
	reuselint := filepath.Join(t.TempDir(), "reuselint")
	e2etest.MustRun(t, repo, "go", "build", "-o", reuselint, "./cmd/reuselint")

	demo := e2etest.CopyDemo(t, repo)
	// Two checks reporting on one line, which golangci-lint's default
	// issues.uniq-by-line: true would cut to one.
	if err := os.WriteFile(filepath.Join(demo, "zz_sameline.go"), []byte(sameLine), 0o644); err != nil {
		t.Fatal(err)
	}
	want := standaloneFindings(t, reuselint, demo)
	if len(want) == 0 {
		t.Fatal("standalone reuselint reports nothing on the demo module")
	}
	if !sharesLine(want) {
		t.Fatalf("no two findings on one line; the uniq-by-line comparison would check nothing:\n%s", strings.Join(want, "\n"))
	}

	t.Run("findings", func(t *testing.T) {
		// With docs/integrations.md's issues.uniq-by-line: false, the same
		// findings as standalone, each showing the check's name once
		// (golangci-lint's prefix, no " (<check>)" suffix).
		writeConfig(t, demo, "")
		got := golangciFindings(t, gcl, demo, 1)
		if !slices.Equal(got, want) {
			t.Errorf("golangci-lint findings (%d):\n%s\nwant standalone reuselint's (%d):\n%s", len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
		}
		for _, f := range got {
			_, text, _ := strings.Cut(f, ": ") // after file:line:col (file names may hold check names)
			for _, a := range analyzer.Suite {
				if n := strings.Count(text, a.Name); n > 1 {
					t.Errorf("check name %s shown %d times: %s", a.Name, n, f)
				}
			}
		}
	})
	t.Run("uniq-by-line default", func(t *testing.T) {
		// Why docs/integrations.md recommends uniq-by-line: false: golangci-lint's
		// default keeps one finding per line.
		writeConfigIssues(t, demo, "", "", "")
		if got := golangciFindings(t, gcl, demo, 1); len(got) >= len(want) {
			t.Errorf("with golangci-lint's default uniq-by-line, %d findings; want fewer than standalone's %d (the test no longer shows why docs/integrations.md sets it)", len(got), len(want))
		}
	})

	first := analyzer.Suite[0].Name
	var others []string // want without first's findings
	for _, f := range want {
		if !strings.Contains(f, ": "+first+": ") {
			others = append(others, f)
		}
	}
	t.Run("disable", func(t *testing.T) {
		writeConfig(t, demo, "checks:\n  "+first+":\n    enabled: false\n")
		if got := golangciFindings(t, gcl, demo, -1); !slices.Equal(got, others) {
			t.Errorf("with %s disabled, findings:\n%s\nwant:\n%s", first, strings.Join(got, "\n"), strings.Join(others, "\n"))
		}
	})
	t.Run("options", func(t *testing.T) {
		// Every option of every check, set to its default through the
		// YAML settings, must be accepted and change nothing.
		var b strings.Builder
		b.WriteString("checks:\n")
		for _, a := range analyzer.Suite {
			fmt.Fprintf(&b, "  %s:\n    enabled: true\n    options: {", a.Name)
			sep := ""
			a.Flags.VisitAll(func(f *flag.Flag) {
				fmt.Fprintf(&b, "%s%s: %q", sep, f.Name, f.DefValue)
				sep = ", "
			})
			b.WriteString("}\n")
		}
		writeConfig(t, demo, b.String())
		if got := golangciFindings(t, gcl, demo, -1); !slices.Equal(got, want) {
			t.Errorf("with default options, findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
	t.Run("exclusions", func(t *testing.T) {
		// docs/integrations.md's per-check exclusion: match the check's name that
		// golangci-lint puts before the message.
		writeConfigExtra(t, demo, "", "  exclusions:\n    rules:\n      - linters: [reuselint]\n        text: '^"+first+": '\n")
		if got := golangciFindings(t, gcl, demo, -1); !slices.Equal(got, others) {
			t.Errorf("excluding %s, findings:\n%s\nwant:\n%s", first, strings.Join(got, "\n"), strings.Join(others, "\n"))
		}
	})
	t.Run("docs", func(t *testing.T) {
		// The .golangci.yml of docs/integrations.md must be one
		// golangci-lint accepts.
		readme, err := os.ReadFile(filepath.Join(repo, "docs", "integrations.md"))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile("(?s)```yaml\n(version: \"2\"\n.*?)```").FindSubmatch(readme)
		if m == nil {
			t.Fatal("docs/integrations.md has no .golangci.yml example (a yaml block starting with version: \"2\")")
		}
		if !bytes.Contains(m[1], []byte("\n  uniq-by-line: false\n")) {
			t.Errorf("the .golangci.yml of docs/integrations.md does not set issues.uniq-by-line: false, which the findings subtest relies on:\n%s", m[1])
		}
		dir := e2etest.CopyDemo(t, repo)
		if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), m[1], 0o644); err != nil {
			t.Fatal(err)
		}
		if stdout, stderr, code := e2etest.Run(t, dir, gcl, "run", "./..."); code > 1 {
			t.Errorf("golangci-lint rejects the .golangci.yml of docs/integrations.md: exit %d\n%s\n%s", code, stdout, stderr)
		}
	})
	t.Run("bad settings", func(t *testing.T) {
		for _, c := range []struct{ settings, want string }{
			// (golangci-lint's configuration loader drops empty mappings
			// such as "nosuchcheck: {}" before the plugin sees them.)
			{"checks:\n  nosuchcheck:\n    enabled: true\n", `unknown check "nosuchcheck"`},
			{"checks:\n  " + first + ":\n    enable: false\n", `unknown key "enable" in checks.` + first},
			{"checks:\n  " + first + ":\n    options:\n      nosuchoption: 1\n", `checks.` + first + `.options.nosuchoption: unknown option`},
			{"chekcs:\n  " + first + ":\n    enabled: false\n", `unknown key "chekcs"`},
			{"checks:\n  " + first + ":\n    options:\n      " + "x: [1, [2]]\n", `checks.` + first + `.options.x`},
		} {
			writeConfig(t, demo, c.settings)
			stdout, stderr, code := e2etest.Run(t, demo, gcl, "run", "./...")
			if code != 3 || !strings.Contains(stderr, c.want) {
				t.Errorf("settings %q: exit %d, want 3 and an error naming %q\nstdout:\n%s\nstderr:\n%s", c.settings, code, c.want, stdout, stderr)
			}
		}
	})
	t.Run("fix", func(t *testing.T) {
		// A stale directive per check gives every check a fix to apply,
		// whatever the checks' own fixes are.
		var src strings.Builder
		src.WriteString("package demo\n\nfunc staleDirectives() {\n")
		for _, a := range analyzer.Suite {
			fmt.Fprintf(&src, "\t//reuselint:ignore %s stale on purpose\n\t_ = 0\n", a.Name)
		}
		src.WriteString("}\n")
		byStandalone, byGolangci := e2etest.CopyDemo(t, repo), e2etest.CopyDemo(t, repo)
		for _, dir := range []string{byStandalone, byGolangci} {
			if err := os.WriteFile(filepath.Join(dir, "zz_stale.go"), []byte(src.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		e2etest.MustRun(t, byStandalone, reuselint, "-fix", "./...")
		writeConfig(t, byGolangci, "")
		if stdout, stderr, code := e2etest.Run(t, byGolangci, gcl, "run", "--fix", "./..."); code != 0 && code != 1 {
			t.Fatalf("golangci-lint run --fix: exit %d\n%s\n%s", code, stdout, stderr)
		}
		for _, name := range goFiles(t, byStandalone) {
			a, errA := os.ReadFile(filepath.Join(byStandalone, name))
			b, errB := os.ReadFile(filepath.Join(byGolangci, name))
			if err := errors.Join(errA, errB); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("%s: golangci-lint --fix gives\n%s\nreuselint -fix gives\n%s", name, b, a)
			}
		}
		if fixed, _ := os.ReadFile(filepath.Join(byGolangci, "zz_stale.go")); bytes.Contains(fixed, []byte("stale on purpose")) {
			t.Errorf("golangci-lint --fix left the stale directives:\n%s", fixed)
		}
		e2etest.MustRun(t, byGolangci, "go", "build", "./...")
	})
	t.Run("nolint", func(t *testing.T) {
		// //nolint:reuselint on the line above a finding silences every
		// check there.
		dir := e2etest.CopyDemo(t, repo)
		if err := os.WriteFile(filepath.Join(dir, "zz_sameline.go"), []byte(sameLine), 0o644); err != nil {
			t.Fatal(err)
		}
		writeConfig(t, dir, "")
		var file string
		var line int
		if _, err := fmt.Sscanf(strings.Replace(want[0], ":", " ", 2), "%s %d", &file, &line); err != nil {
			t.Fatalf("bad finding %q: %v", want[0], err)
		}
		path := filepath.Join(dir, file)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(string(data), "\n")
		// Indented like the line: golangci-lint applies a directive on
		// its own line to the node starting below it at the same column.
		indent := lines[line-1][:len(lines[line-1])-len(strings.TrimLeft(lines[line-1], " \t"))]
		lines = slices.Insert(lines, line-1, indent+"//nolint:reuselint // tested\n")
		if err := os.WriteFile(path, []byte(strings.Join(lines, "")), 0o644); err != nil {
			t.Fatal(err)
		}
		got := golangciFindings(t, gcl, dir, -1)
		for _, f := range got {
			if strings.HasPrefix(f, fmt.Sprintf("%s:%d:", file, line+1)) {
				t.Errorf("//nolint:reuselint left %s", f)
			}
		}
		if len(got) >= len(want) {
			t.Errorf("//nolint:reuselint silenced nothing: %d findings, %d without it", len(got), len(want))
		}
	})
}

// buildGolangci builds golangci-lint with the plugin in a temporary
// module and returns the binary.
func buildGolangci(t *testing.T, repo string) string {
	t.Helper()
	dir := t.TempDir()
	start := time.Now()
	out := e2etest.MustRun(t, dir, "go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
	var mod struct{ Dir string }
	if err := json.Unmarshal([]byte(out), &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	mainGo, err := os.ReadFile(filepath.Join(mod.Dir, "cmd", "golangci-lint", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod": "module example.com/custom-gcl\n\ngo 1.26.0\n\n" +
			"require (\n\tgithub.com/golangci/golangci-lint/v2 " + golangciVersion + "\n\tgithub.com/reuselint/reuselint v0.0.0\n)\n\n" +
			"replace github.com/reuselint/reuselint => " + repo + "\n",
		"main.go":    string(mainGo),
		"plugins.go": "package main\n\nimport _ \"github.com/reuselint/reuselint/plugin\"\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e2etest.MustRun(t, dir, "go", "mod", "tidy")
	tidied := time.Now()
	bin := filepath.Join(dir, "golangci-lint")
	e2etest.MustRun(t, dir, "go", "build", "-o", bin, ".")
	t.Logf("custom golangci-lint %s: go mod tidy %v, go build %v", golangciVersion, tidied.Sub(start).Round(time.Second), time.Since(tidied).Round(time.Second))
	return bin
}

func goFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			rel, _ := filepath.Rel(dir, path)
			names = append(names, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// writeConfig writes a .golangci.yml enabling only reuselint with the
// given settings (YAML under settings:).
func writeConfig(t *testing.T, dir, settings string) {
	writeConfigExtra(t, dir, settings, "")
}

func writeConfigExtra(t *testing.T, dir, settings, linters string) {
	t.Helper()
	writeConfigIssues(t, dir, settings, linters, "  uniq-by-line: false\n")
}

// sameLine is a file where two checks report on one line.
const sameLine = `package demo

import (
	"crypto/tls"
	"net/http"
)

// sameLineClient's transport turns HTTP/2 off and its TLS config has no
// session cache: two checks report on the same line.
var sameLineClient = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{ServerName: "example.com"}}}
`

// sharesLine reports whether two findings ("file:line:col: ...") are on
// one line.
func sharesLine(fs []string) bool {
	seen := make(map[string]bool)
	for _, f := range fs {
		parts := strings.SplitN(f, ":", 3)
		key := parts[0] + ":" + parts[1]
		if seen[key] {
			return true
		}
		seen[key] = true
	}
	return false
}

// writeConfigIssues writes the configuration with issues settings
// (YAML under issues:) added to the ones showing every finding.
func writeConfigIssues(t *testing.T, dir, settings, linters, issues string) {
	t.Helper()
	indented := ""
	for l := range strings.Lines(settings) {
		indented += "          " + l
	}
	cfg := `version: "2"
linters:
  default: none
  enable: [reuselint]
  settings:
    custom:
      reuselint:
        type: module
        description: connection reuse and TLS resumption
        settings:
` + indented + linters + `issues:
  max-issues-per-linter: 0
  max-same-issues: 0
` + issues
	if settings == "" {
		cfg = strings.Replace(cfg, "        settings:\n", "", 1)
	}
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
}

// standaloneFindings returns reuselint's findings on dir, each once, as
// "file:line:col: check: message" (golangci-lint's form: the check's name
// before the message instead of after it).
func standaloneFindings(t *testing.T, bin, dir string) []string {
	t.Helper()
	stdout, stderr, code := e2etest.Run(t, dir, bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("reuselint -json: exit %d\n%s", code, stderr)
	}
	var tree map[string]map[string][]struct{ Posn, Message string }
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("reuselint -json: %v\n%s", err, stdout)
	}
	var fs []string
	for _, byCheck := range tree {
		for check, ds := range byCheck {
			for _, d := range ds {
				rel, err := filepath.Rel(dir, d.Posn)
				if err != nil {
					t.Fatal(err)
				}
				msg := strings.TrimSuffix(d.Message, " ("+check+")")
				if f := rel + ": " + check + ": " + msg; !slices.Contains(fs, f) {
					fs = append(fs, f)
				}
			}
		}
	}
	slices.Sort(fs)
	return fs
}

// golangciFindings runs golangci-lint on dir and returns its findings as
// "file:line:col: text"; wantCode -1 accepts 0 and 1 (findings or none).
func golangciFindings(t *testing.T, bin, dir string, wantCode int) []string {
	t.Helper()
	stdout, stderr, code := e2etest.Run(t, dir, bin, "run", "--output.json.path=stdout", "--show-stats=false", "./...")
	if code != wantCode && (wantCode != -1 || code > 1) {
		t.Fatalf("golangci-lint run: exit %d, want %d\n%s\n%s", code, wantCode, stdout, stderr)
	}
	var report struct {
		Issues []struct {
			FromLinter, Text string
			Pos              struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s", err, stdout)
	}
	var fs []string
	for _, i := range report.Issues {
		if strings.Contains(i.Text, "(related information): ") {
			// golangci-lint shows each related location of a finding
			// (the return where a body leaks) as an issue of its own.
			continue
		}
		if i.FromLinter != "reuselint" {
			t.Errorf("issue from %s: %s", i.FromLinter, i.Text)
		}
		fs = append(fs, fmt.Sprintf("%s:%d:%d: %s", i.Pos.Filename, i.Pos.Line, i.Pos.Column, i.Text))
	}
	slices.Sort(fs)
	return fs
}

// testOnlyModules are modules only tests use (the SARIF tests' JSON
// Schema validator and what it requires, the YAML parser of
// cmd/reuselint's TestAction).
var testOnlyModules = []string{"github.com/santhosh-tekuri/jsonschema", "golang.org/x/text", "gopkg.in/yaml.v3"}

// TestNoTestOnlyDeps checks that the plugin's packages (what golangci-lint
// links) import no test-only module; TestGolangci checks the built
// golangci-lint with go version -m.
func TestNoTestOnlyDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{.Path}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "golang.org/x/tools\n") {
		t.Fatalf("go list -deps lists no module of the plugin's dependencies:\n%s", out)
	}
	for _, m := range testOnlyModules {
		if strings.Contains(string(out), m) {
			t.Errorf("the plugin depends on test-only module %s", m)
		}
	}
}

// golangciRequires returns the module versions golangci-lint's own go.mod
// requires.
func golangciRequires(t *testing.T) map[string]string {
	t.Helper()
	out := e2etest.MustRun(t, t.TempDir(), "go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
	var mod struct{ GoMod string }
	if err := json.Unmarshal([]byte(out), &mod); err != nil || mod.GoMod == "" {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	data, err := os.ReadFile(mod.GoMod)
	if err != nil {
		t.Fatal(err)
	}
	req := make(map[string]string)
	for line := range strings.Lines(string(data)) {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) >= 2 && strings.Contains(f[0], ".") && strings.HasPrefix(f[1], "v") {
			req[f[0]] = f[1]
		}
	}
	if len(req) == 0 {
		t.Fatalf("no requirement read from %s", mod.GoMod)
	}
	return req
}
