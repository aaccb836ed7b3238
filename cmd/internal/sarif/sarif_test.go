package sarif

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/cmd/internal/sariftest"
)

var suite = []*analysis.Analyzer{
	{Name: "alpha", Doc: "reports alpha things\n\nWhy alpha matters:\n\n\talpha()\n", URL: "https://example.com/alpha"},
	{Name: "beta", Doc: "reports beta things\n\nWhy beta matters.\n", URL: "https://example.com/beta"},
}

// report builds a -json report on a file of a temporary root, the way
// reuselint -json writes it: a finding twice (package and test variant),
// one with a fix and related information, a failed check.
func report(t *testing.T) (root string, tree map[string]map[string]json.RawMessage) {
	t.Helper()
	root = t.TempDir()
	file := filepath.Join(root, "sub dir", "a.go")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	// Line 3 holds two 2-byte runes before the finding at byte column 9
	// (code-point column 7).
	src := "package a\n\nvar s = \"éé\"; var t = 1\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "b.go")
	start := strings.Index(src, "var t")
	data := `{
	"example.com/a": {
		"alpha": [{"posn": "FILE:3:17", "end": "FILE:3:26", "message": "t is bad (alpha)",
			"suggested_fixes": [{"message": "Remove t", "edits": [{"filename": "FILE", "start": START, "end": END, "new": ""}]}],
			"related": [{"posn": "FILE:1:1", "end": "FILE:1:8", "message": "declared here"}]}],
		"beta": [{"posn": "OUTSIDE:4:2", "end": "OUTSIDE:4:2", "message": "elsewhere (beta)"}]
	},
	"example.com/a [example.com/a.test]": {
		"alpha": [{"posn": "FILE:3:17", "end": "FILE:3:26", "message": "t is bad (alpha)",
			"suggested_fixes": [{"message": "Remove t", "edits": [{"filename": "FILE", "start": START, "end": END, "new": ""}]}],
			"related": [{"posn": "FILE:1:1", "end": "FILE:1:8", "message": "declared here"}]}],
		"beta": {"error": "beta exploded"}
	}
}`
	data = strings.NewReplacer("FILE", file, "OUTSIDE", outside, "START", itoa(start), "END", itoa(start+len("var t = 1"))).Replace(data)
	if err := json.Unmarshal([]byte(data), &tree); err != nil {
		t.Fatal(err)
	}
	return root, tree
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestConvert(t *testing.T) {
	root, tree := report(t)
	log := Convert(tree, suite, root)
	data, err := json.Marshal(log)
	if err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(data); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, data)
	}
	run := log.Runs[0]
	if got := len(run.Tool.Driver.Rules); got != 2 {
		t.Fatalf("%d rules, want one per check", got)
	}
	r := run.Tool.Driver.Rules[0]
	if r.ID != "alpha" || r.ShortDescription.Text != "reports alpha things" || r.FullDescription.Text != "Why alpha matters:\n\n\talpha()" ||
		r.Help.Text != suite[0].Doc || r.HelpURI != suite[0].URL {
		t.Errorf("rule alpha = %+v", r)
	}
	if want := "reports alpha things\n\nWhy alpha matters:\n\n```go\nalpha()\n```"; r.Help.Markdown != want {
		t.Errorf("rule alpha's help in Markdown:\n%s\nwant:\n%s", r.Help.Markdown, want)
	}
	if len(run.Results) != 2 {
		t.Fatalf("%d results, want 2 (the test variant's duplicate dropped):\n%s", len(run.Results), data)
	}
	a, b := run.Results[0], run.Results[1]
	if a.RuleID != "alpha" {
		a, b = b, a
	}
	loc := a.Locations[0].PhysicalLocation
	if a.RuleID != "alpha" || a.Message.Text != "t is bad (alpha)" || loc.ArtifactLocation.URI != "sub%20dir/a.go" || loc.ArtifactLocation.URIBaseID != SrcRoot {
		t.Errorf("result = %+v", a)
	}
	if want := (Region{StartLine: 3, StartColumn: 15, EndLine: 3, EndColumn: 24}); loc.Region != want {
		t.Errorf("region = %+v, want %+v (columns in code points)", loc.Region, want)
	}
	if len(a.Fixes) != 1 || a.Fixes[0].Description.Text != "Remove t" {
		t.Fatalf("fixes = %+v", a.Fixes)
	}
	rep := a.Fixes[0].ArtifactChanges[0].Replacements[0]
	if want := (Region{StartLine: 3, StartColumn: 15, EndLine: 3, EndColumn: 24}); rep.DeletedRegion != want {
		t.Errorf("deleted region = %+v, want %+v", rep.DeletedRegion, want)
	}
	if len(a.RelatedLocations) != 1 || a.RelatedLocations[0].Message.Text != "declared here" {
		t.Errorf("related = %+v", a.RelatedLocations)
	}
	if u := b.Locations[0].PhysicalLocation.ArtifactLocation; !strings.HasPrefix(u.URI, "file:///") || u.URIBaseID != "" {
		t.Errorf("a file outside the root: location %+v, want an absolute file URI", u)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 ||
		!strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "beta exploded") {
		t.Errorf("invocation = %+v, want a failed run naming the error", inv)
	}
	if base := run.OriginalURIBaseIDs[SrcRoot].URI; base != "file://"+filepath.ToSlash(root)+"/" {
		t.Errorf("%s = %q", SrcRoot, base)
	}
}

// TestValidateRejects checks that the validator (the SARIF 2.1.0 schema,
// then the rules it cannot express) catches each kind of broken log, so
// the tests that rely on it can fail.
func TestValidateRejects(t *testing.T) {
	root, tree := report(t)
	good, err := json.Marshal(Convert(tree, suite, root))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		break_ func(m map[string]any)
		want   string
	}{
		// What the schema says.
		{"version", func(m map[string]any) { m["version"] = "2.0.0" }, "version"},
		{"region", func(m map[string]any) { region(m)["startLine"] = 0 }, "startLine"},
		{"message", func(m map[string]any) { delete(result(m), "message") }, "message"},
		{"fix", func(m map[string]any) {
			result(m)["fixes"].([]any)[0].(map[string]any)["artifactChanges"] = []any{}
		}, "artifactChanges"},
		{"unknown property", func(m map[string]any) { result(m)["nosuchproperty"] = 1 }, "nosuchproperty"},
		// What it cannot say.
		{"unknown rule", func(m map[string]any) { result(m)["ruleId"] = "gamma" }, `"gamma" is not a rule`},
		{"rule index", func(m map[string]any) { result(m)["ruleIndex"] = 1.0 }, "ruleIndex"},
		{"absolute with base", func(m map[string]any) { artifact(m)["uri"] = "file:///abs/a.go" }, "must be relative"},
		{"rooted with base", func(m map[string]any) { artifact(m)["uri"] = "/abs/a.go" }, "must be relative"},
		{"relative without base", func(m map[string]any) { delete(artifact(m), "uriBaseId") }, "no uriBaseId"},
		{"unknown base", func(m map[string]any) { artifact(m)["uriBaseId"] = "NOPE" }, "not in originalUriBaseIds"},
		{"base without slash", func(m map[string]any) {
			run0(m)["originalUriBaseIds"].(map[string]any)[SrcRoot].(map[string]any)["uri"] = "file:///src"
		}, "ending in /"},
		{"region order", func(m map[string]any) { region(m)["endLine"] = 1 }, "ends before it starts"},
		{"duplicate rule", func(m map[string]any) { rules(m)[1].(map[string]any)["id"] = "alpha" }, "used by two rules"},
		{"no location", func(m map[string]any) { delete(result(m), "locations") }, "locations"},
	} {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		c.break_(m)
		data, _ := json.Marshal(m)
		err := sariftest.Validate(data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Validate = %v, want an error mentioning %q", c.name, err, c.want)
		}
	}
}

func run0(m map[string]any) map[string]any { return m["runs"].([]any)[0].(map[string]any) }
func rules(m map[string]any) []any {
	return run0(m)["tool"].(map[string]any)["driver"].(map[string]any)["rules"].([]any)
}

// result returns alpha's result, the one with a relative location and a fix.
func result(m map[string]any) map[string]any {
	for _, r := range run0(m)["results"].([]any) {
		if r := r.(map[string]any); r["ruleId"] == "alpha" {
			return r
		}
	}
	panic("no alpha result")
}
func physical(m map[string]any) map[string]any {
	return result(m)["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
}
func artifact(m map[string]any) map[string]any {
	return physical(m)["artifactLocation"].(map[string]any)
}
func region(m map[string]any) map[string]any { return physical(m)["region"].(map[string]any) }

func TestParseArgs(t *testing.T) {
	for _, c := range []struct {
		args     []string
		fail     bool
		root     string
		pass     []string
		errMatch string
	}{
		{args: []string{"./..."}, pass: []string{"./..."}},
		{args: []string{"-fail", "-test=false", "-keepalive", "-root", "/r", "./..."}, fail: true, root: "/r", pass: []string{"-test=false", "-keepalive", "./..."}},
		{args: []string{"--fail=false", "-root=/x", "-json", "p", "-fail"}, root: "/x", pass: []string{"p", "-fail"}},
		{args: []string{"-fix", "./..."}, errMatch: "-fix does not apply"},
		{args: []string{"-diff"}, errMatch: "-diff does not apply"},
		{args: []string{"-root"}, errMatch: "-root needs a directory"},
		{args: []string{"-fail=maybe"}, errMatch: "invalid value"},
		{args: []string{"-h"}, errMatch: "help"},
	} {
		o, pass, err := parseArgs(c.args)
		if c.errMatch != "" {
			if err == nil || !strings.Contains(err.Error(), c.errMatch) {
				t.Errorf("%q: err = %v, want %q", c.args, err, c.errMatch)
			}
			continue
		}
		if err != nil || o.fail != c.fail || o.root != c.root || !slices.Equal(pass, c.pass) {
			t.Errorf("%q: got %+v %q %v, want fail=%v root=%q pass=%q", c.args, o, pass, err, c.fail, c.root, c.pass)
		}
	}
}

func TestSplitPosn(t *testing.T) {
	for _, c := range []struct {
		posn      string
		file      string
		line, col int
	}{{"/a/b.go:3:4", "/a/b.go", 3, 4}, {`C:\x\b.go:10:2`, `C:\x\b.go`, 10, 2}, {"b.go:7", "b.go", 7, 0}, {"-", "-", 0, 0}} {
		f, l, col := splitPosn(c.posn)
		if f != c.file || l != c.line || col != c.col {
			t.Errorf("splitPosn(%q) = %q, %d, %d", c.posn, f, l, col)
		}
	}
}
