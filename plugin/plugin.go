// Package plugin is reuselint's golangci-lint module plugin.
//
// Build a custom golangci-lint with it (see docs/integrations.md's golangci-lint
// section), then enable the linter named reuselint:
//
//	linters:
//	  enable: [reuselint]
//	  settings:
//	    custom:
//	      reuselint:
//	        type: module
//	        settings:
//	          all: false
//	          checks:
//	            tlssessioncache:
//	              enabled: false
//	            <check>:
//	              options:
//	                <flag>: <value>
//
// settings.all (a boolean, false by default) reports every instance, also
// what the cost model leaves out by default, like reuselint -all.
// settings.checks maps a check's name to its settings: enabled (a
// boolean, true by default) and options, the check's own flags as listed
// by "reuselint help <check>" without the "<check>." prefix. An option's
// value is a boolean, a number, a string, or a list of those, passed on as
// one comma-separated value, exactly as "-<check>.<flag>=a,b" would be.
// Option names match flag names ignoring case (golangci-lint lowercases
// the keys of its configuration). Any other key, an unknown check or
// option, or a value the flag rejects fails with a message naming it.
package plugin

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/analyzer"
)

// Name is the linter's name in golangci-lint's configuration.
const Name = "reuselint"

func init() {
	register.Plugin(Name, New)
}

// New returns the plugin for golangci-lint's settings of reuselint,
// failing when they are not valid for the suite.
func New(settings any) (register.LinterPlugin, error) {
	p := &plugin{settings: settings, suite: analyzer.NewForGolangci}
	if _, err := p.BuildAnalyzers(); err != nil {
		return nil, err
	}
	return p, nil
}

type plugin struct {
	settings any
	suite    func() []*analysis.Analyzer
}

// BuildAnalyzers returns fresh instances of the enabled checks, their
// flags set from the options.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return configure(p.settings, p.suite())
}

// GetLoadMode asks for type information: the checks need types.
func (p *plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// configure applies settings to suite and returns the enabled checks.
// Every problem in settings is reported, each naming its key.
func configure(settings any, suite []*analysis.Analyzer) ([]*analysis.Analyzer, error) {
	byName := make(map[string]*analysis.Analyzer, len(suite))
	for _, a := range suite {
		byName[a.Name] = a
	}
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("reuselint settings: "+format, args...))
	}
	disabled := make(map[string]bool)

	top, ok := asMap(settings)
	if !ok {
		return nil, fmt.Errorf("reuselint settings: want a mapping with key checks, got %s", describe(settings))
	}
	for _, key := range sortedKeys(top) {
		if key == "all" {
			on, ok := top[key].(bool)
			if !ok {
				fail("all: want true or false, got %s", describe(top[key]))
				continue
			}
			if err := analyzer.SetAll(suite, on); err != nil {
				fail("all: %v", err)
			}
			continue
		}
		if key != "checks" {
			fail("unknown key %q; the keys are all and checks", key)
			continue
		}
		checks, ok := asMap(top[key])
		if !ok {
			fail("checks: want a mapping from check names to their settings, got %s", describe(top[key]))
			continue
		}
		for _, name := range sortedKeys(checks) {
			a, ok := byName[name]
			if !ok {
				fail("checks: unknown check %q; the checks are %s", name, names(suite))
				continue
			}
			cs, ok := asMap(checks[name])
			if !ok {
				fail("checks.%s: want a mapping with keys enabled and options, got %s", name, describe(checks[name]))
				continue
			}
			for _, key := range sortedKeys(cs) {
				path := "checks." + name + "." + key
				switch key {
				case "enabled":
					on, ok := cs[key].(bool)
					if !ok {
						fail("%s: want true or false, got %s", path, describe(cs[key]))
						continue
					}
					disabled[name] = !on
				case "options":
					opts, ok := asMap(cs[key])
					if !ok {
						fail("%s: want a mapping from option names to values, got %s", path, describe(cs[key]))
						continue
					}
					for _, opt := range sortedKeys(opts) {
						if err := setFlag(a, opt, opts[opt]); err != nil {
							fail("%s.%s: %v", path, opt, err)
						}
					}
				default:
					fail("unknown key %q in checks.%s; the keys are enabled and options", key, name)
				}
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var enabled []*analysis.Analyzer
	for _, a := range suite {
		if !disabled[a.Name] {
			enabled = append(enabled, a)
		}
	}
	// The running checks report the problems of malformed directives,
	// those of disabled checks included.
	analyzer.Running(enabled)
	return enabled, nil
}

// setFlag sets a's flag named opt (ignoring case) to value.
func setFlag(a *analysis.Analyzer, opt string, value any) error {
	var flags []string
	name := ""
	a.Flags.VisitAll(func(f *flag.Flag) {
		flags = append(flags, f.Name)
		if f.Name == opt || (name == "" && strings.EqualFold(f.Name, opt)) {
			name = f.Name
		}
	})
	if name == "" {
		if len(flags) == 0 {
			return fmt.Errorf("unknown option: %s has no options", a.Name)
		}
		return fmt.Errorf("unknown option; the options of %s are %s", a.Name, strings.Join(flags, ", "))
	}
	s, err := flagValue(value)
	if err != nil {
		return err
	}
	if err := a.Flags.Set(name, s); err != nil {
		return fmt.Errorf("invalid value %q: %v", s, err)
	}
	return nil
}

// flagValue renders a settings value the way it would be written on the
// command line.
func flagValue(v any) (string, error) {
	if list, ok := v.([]any); ok {
		parts := make([]string, len(list))
		for i, e := range list {
			s, err := scalar(e)
			if err != nil {
				return "", fmt.Errorf("item %d: %v", i, err)
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	}
	return scalar(v)
}

func scalar(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case bool:
		return strconv.FormatBool(v), nil
	case int:
		return strconv.Itoa(v), nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case uint64:
		return strconv.FormatUint(v, 10), nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	}
	return "", fmt.Errorf("want a boolean, number, string or a list of those, got %s", describe(v))
}

// asMap returns v as a string-keyed map; nil is an empty one.
// golangci-lint's configuration loaders produce map[string]any, YAML
// decoders sometimes map[any]any.
func asMap(v any) (map[string]any, bool) {
	switch v := v.(type) {
	case nil:
		return map[string]any{}, true
	case map[string]any:
		return v, true
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			ks, ok := k.(string)
			if !ok {
				return nil, false
			}
			m[ks] = e
		}
		return m, true
	}
	return nil, false
}

func sortedKeys(m map[string]any) []string {
	return slices.Sorted(maps.Keys(m))
}

func names(suite []*analysis.Analyzer) string {
	ns := make([]string, len(suite))
	for i, a := range suite {
		ns[i] = a.Name
	}
	return strings.Join(ns, ", ")
}

// describe names the kind of a settings value for an error message.
func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing"
	case string:
		return strconv.Quote(v)
	case bool, int, int64, uint64, float64:
		return fmt.Sprint(v)
	case []any:
		return "a list"
	case map[string]any, map[any]any:
		return "a mapping"
	}
	return fmt.Sprintf("%T", v)
}
