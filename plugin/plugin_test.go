package plugin

import (
	"encoding/json"
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/analyzer"
)

// fakeSuite returns two checks with flags of each kind, standing in for
// the real suite so the decoding is tested whatever checks exist.
func fakeSuite() []*analysis.Analyzer {
	mk := func(name string) *analysis.Analyzer {
		a := &analysis.Analyzer{Name: name, Doc: name, Run: func(*analysis.Pass) (any, error) { return nil, nil }}
		return a
	}
	a, b := mk("alpha"), mk("beta")
	a.Flags.Bool("strict", false, "strict mode")
	a.Flags.String("constructors", "", "comma-separated extra pool constructors")
	a.Flags.Int("maxIdle", 2, "an int")
	return []*analysis.Analyzer{a, b}
}

func get(t *testing.T, a *analysis.Analyzer, name string) string {
	t.Helper()
	f := a.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("%s has no flag %s", a.Name, name)
	}
	return f.Value.String()
}

// decode parses settings written in JSON into the maps, lists and
// scalars golangci-lint hands a plugin (the integration test covers the
// real .golangci.yml path).
func decode(t *testing.T, src string) any {
	t.Helper()
	if src == "" {
		return nil
	}
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return v
}

func TestConfigure(t *testing.T) {
	suite := fakeSuite()
	// golangci-lint lowercases keys: maxidle sets maxIdle.
	got, err := configure(decode(t, `{"checks": {
		"alpha": {"options": {
			"strict": true,
			"constructors": ["example.com/pool.New", "example.com/pool.(*Factory).Client"],
			"maxidle": 7}},
		"beta": {"enabled": false}}}`), suite)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != suite[0] {
		t.Fatalf("enabled checks = %v, want only alpha", got)
	}
	for flag, want := range map[string]string{
		"strict":       "true",
		"constructors": "example.com/pool.New,example.com/pool.(*Factory).Client",
		"maxIdle":      "7",
	} {
		if v := get(t, suite[0], flag); v != want {
			t.Errorf("alpha.%s = %q, want %q", flag, v, want)
		}
	}
}

func TestConfigureEmpty(t *testing.T) {
	for _, src := range []string{"", "{}", `{"checks": {}}`, `{"checks": null}`, `{"checks": {"alpha": {}}}`, `{"checks": {"alpha": {"enabled": true}}}`} {
		suite := fakeSuite()
		got, err := configure(decode(t, src), suite)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if !slices.Equal(got, suite) {
			t.Errorf("%q: enabled %d checks, want all %d", src, len(got), len(suite))
		}
		if v := get(t, suite[0], "maxIdle"); v != "2" {
			t.Errorf("%q: maxIdle = %s, want the default 2", src, v)
		}
	}
}

// TestConfigureErrors checks that every mistake fails with a message
// naming the key at fault.
func TestConfigureErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`{"chekcs": {}}`, `reuselint settings: unknown key "chekcs"; the keys are all and checks`},
		{`{"all": "yes"}`, `reuselint settings: all: want true or false, got "yes"`},
		{`[1, 2]`, `reuselint settings: want a mapping with key checks, got a list`},
		{`{"checks": ["alpha"]}`, `checks: want a mapping from check names to their settings, got a list`},
		{`{"checks": {"alpah": {}}}`, `checks: unknown check "alpah"; the checks are alpha, beta`},
		{`{"checks": {"alpha": false}}`, `checks.alpha: want a mapping with keys enabled and options, got false`},
		{`{"checks": {"alpha": {"enable": false}}}`, `unknown key "enable" in checks.alpha; the keys are enabled and options`},
		{`{"checks": {"alpha": {"enabled": "no"}}}`, `checks.alpha.enabled: want true or false, got "no"`},
		{`{"checks": {"alpha": {"options": {"stric": true}}}}`, `checks.alpha.options.stric: unknown option; the options of alpha are constructors, maxIdle, strict`},
		{`{"checks": {"beta": {"options": {"strict": true}}}}`, `checks.beta.options.strict: unknown option: beta has no options`},
		{`{"checks": {"alpha": {"options": {"maxidle": "lots"}}}}`, `checks.alpha.options.maxidle: invalid value "lots": parse error`},
		{`{"checks": {"alpha": {"options": {"maxidle": 1.5}}}}`, `checks.alpha.options.maxidle: invalid value "1.5"`},
		{`{"checks": {"alpha": {"options": {"strict": "maybe"}}}}`, `checks.alpha.options.strict: invalid value "maybe"`},
		{`{"checks": {"alpha": {"options": {"constructors": {"a": "b"}}}}}`, `checks.alpha.options.constructors: want a boolean, number, string or a list of those, got a mapping`},
		{`{"checks": {"alpha": {"options": {"constructors": ["a", ["b"]]}}}}`, `checks.alpha.options.constructors: item 1: want a boolean, number, string or a list of those, got a list`},
		{`{"checks": {"alpha": {"options": ["strict"]}}}`, `checks.alpha.options: want a mapping from option names to values, got a list`},
	} {
		_, err := configure(decode(t, c.src), fakeSuite())
		if err == nil {
			t.Errorf("%q: no error, want %q", c.src, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q:\n got %q\nwant %q", c.src, err, c.want)
		}
	}
}

// TestConfigureAll checks that the top-level all switch sets the all
// flag of every check of the real suite that has one.
func TestConfigureAll(t *testing.T) {
	suite, err := configure(decode(t, `{"all": true}`), analyzer.NewForGolangci())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range suite {
		if f := a.Flags.Lookup("all"); f != nil {
			n++
			if f.Value.String() != "true" {
				t.Errorf("%s: all is %s, want true", a.Name, f.Value)
			}
		}
	}
	if n < 3 {
		t.Errorf("%d checks have an all flag, want at least 3 (clientperrequest's pool checks)", n)
	}
}

// TestConfigureAllErrors checks that every problem is reported at once.
func TestConfigureAllErrors(t *testing.T) {
	_, err := configure(decode(t, `{"x": 1, "checks": {"gamma": {}, "alpha": {"options": {"nope": 1}}}}`), fakeSuite())
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`"x"`, `"gamma"`, `nope`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

// TestPlugin checks the registered plugin against the real suite: fresh
// instances on every build, type information, bad settings rejected by
// New, and every check's flags reachable as options.
func TestPlugin(t *testing.T) {
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := p.GetLoadMode(); m != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", m, register.LoadModeTypesInfo)
	}
	first, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	second, _ := p.BuildAnalyzers()
	if len(first) != len(analyzer.Suite) {
		t.Fatalf("built %d checks, want the %d of the suite", len(first), len(analyzer.Suite))
	}
	for i, a := range first {
		if a == second[i] || a == analyzer.Suite[i] {
			t.Errorf("%s: instance reused across builds or shared with analyzer.Suite", a.Name)
		}
		if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
			t.Error(err)
		}
	}
	if _, err := newPlugin(map[string]any{"checks": map[string]any{"nosuchcheck": map[string]any{}}}); err == nil ||
		!strings.Contains(err.Error(), `unknown check "nosuchcheck"`) {
		t.Errorf("New with an unknown check: err = %v, want one naming it", err)
	}

	// Each check can be disabled, and each of its flags set to its
	// own default through the settings.
	for _, a := range analyzer.Suite {
		opts := map[string]any{}
		a.Flags.VisitAll(func(f *flag.Flag) { opts[f.Name] = f.DefValue })
		settings := map[string]any{"checks": map[string]any{a.Name: map[string]any{"enabled": false, "options": opts}}}
		p, err := newPlugin(settings)
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		built, _ := p.BuildAnalyzers()
		for _, b := range built {
			if b.Name == a.Name {
				t.Errorf("%s: still built when disabled", a.Name)
			}
		}
	}
}

// TestConfigureAnyKeys accepts the map[any]any some YAML decoders produce.
func TestConfigureAnyKeys(t *testing.T) {
	suite := fakeSuite()
	settings := map[any]any{"checks": map[any]any{"alpha": map[any]any{"options": map[any]any{"strict": true}}}}
	if _, err := configure(settings, suite); err != nil {
		t.Fatal(err)
	}
	if v := get(t, suite[0], "strict"); v != "true" {
		t.Errorf("strict = %s, want true", v)
	}
	if _, err := configure(map[any]any{1: "x"}, suite); err == nil {
		t.Error("a non-string key was accepted")
	}
}
