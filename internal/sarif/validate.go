package sarif

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Validate checks the rules of SARIF 2.1.0 that code scanning relies on
// in a log as written (JSON): the version and schema; a driver named and
// its rules with unique ids; every result with a message, a ruleId among
// the rules (and a matching ruleIndex), and locations whose relative URIs
// have a uriBaseId defined by the run; regions with 1-based, ordered
// lines and columns; fixes with artifact changes and replacements.
// It returns every violation found, joined.
func Validate(data []byte) error {
	var log map[string]any
	if err := json.Unmarshal(data, &log); err != nil {
		return fmt.Errorf("not a JSON object: %v", err)
	}
	v := &validator{}
	v.check(log["version"] == Version, "version: got %v, want %q", log["version"], Version)
	schema, _ := log["$schema"].(string)
	v.check(strings.Contains(schema, "sarif") && strings.Contains(schema, Version), "$schema: got %q, want a SARIF %s schema URI", schema, Version)
	runs, ok := log["runs"].([]any)
	v.check(ok && len(runs) > 0, "runs: want a non-empty array")
	for i, r := range runs {
		v.run(fmt.Sprintf("runs[%d]", i), obj(r))
	}
	return errors.Join(v.errs...)
}

type validator struct{ errs []error }

func (v *validator) check(ok bool, format string, args ...any) {
	if !ok {
		v.errs = append(v.errs, fmt.Errorf(format, args...))
	}
}

func obj(x any) map[string]any {
	m, _ := x.(map[string]any)
	return m
}

func arr(x any) []any {
	a, _ := x.([]any)
	return a
}

func str(x any) string {
	s, _ := x.(string)
	return s
}

// text reports whether m[key] is a message with non-empty text.
func text(m map[string]any, key string) bool {
	return str(obj(m[key])["text"]) != ""
}

func (v *validator) run(path string, run map[string]any) {
	driver := obj(obj(run["tool"])["driver"])
	v.check(str(driver["name"]) != "", "%s.tool.driver.name: missing", path)
	rules := make(map[string]int)
	for i, r := range arr(driver["rules"]) {
		r := obj(r)
		p := fmt.Sprintf("%s.tool.driver.rules[%d]", path, i)
		id := str(r["id"])
		v.check(id != "", "%s.id: missing", p)
		_, dup := rules[id]
		v.check(!dup, "%s.id: %q used by two rules", p, id)
		rules[id] = i
		v.check(text(r, "shortDescription") && text(r, "fullDescription") && text(r, "help"), "%s: want shortDescription, fullDescription and help texts", p)
		if u, ok := r["helpUri"]; ok {
			parsed, err := url.Parse(str(u))
			v.check(err == nil && parsed.IsAbs(), "%s.helpUri: %q is not an absolute URI", p, u)
		}
	}
	bases := make(map[string]bool)
	for name, b := range obj(run["originalUriBaseIds"]) {
		u, err := url.Parse(str(obj(b)["uri"]))
		v.check(err == nil && u.IsAbs() && strings.HasSuffix(u.Path, "/"), "%s.originalUriBaseIds.%s.uri: want an absolute URI ending in /", path, name)
		bases[name] = true
	}
	invs := arr(run["invocations"])
	v.check(len(invs) > 0, "%s.invocations: want at least one", path)
	for i, inv := range invs {
		_, ok := obj(inv)["executionSuccessful"].(bool)
		v.check(ok, "%s.invocations[%d].executionSuccessful: missing", path, i)
	}
	results, ok := run["results"].([]any)
	v.check(ok, "%s.results: want an array", path)
	for i, r := range results {
		r := obj(r)
		p := fmt.Sprintf("%s.results[%d]", path, i)
		id := str(r["ruleId"])
		idx, known := rules[id]
		v.check(known, "%s.ruleId: %q is not a rule of the driver", p, id)
		if ri, ok := r["ruleIndex"].(float64); ok {
			v.check(known && int(ri) == idx, "%s.ruleIndex: %v does not index rule %q", p, ri, id)
		}
		v.check(text(r, "message"), "%s.message.text: missing", p)
		locs := arr(r["locations"])
		v.check(len(locs) > 0, "%s.locations: want at least one", p)
		for j, l := range append(locs, arr(r["relatedLocations"])...) {
			pl := obj(obj(l)["physicalLocation"])
			lp := fmt.Sprintf("%s.locations[%d].physicalLocation", p, j)
			v.artifact(lp+".artifactLocation", obj(pl["artifactLocation"]), bases)
			v.region(lp+".region", obj(pl["region"]))
		}
		for j, f := range arr(r["fixes"]) {
			fp := fmt.Sprintf("%s.fixes[%d]", p, j)
			changes := arr(obj(f)["artifactChanges"])
			v.check(len(changes) > 0, "%s.artifactChanges: want at least one", fp)
			for k, c := range changes {
				cp := fmt.Sprintf("%s.artifactChanges[%d]", fp, k)
				v.artifact(cp+".artifactLocation", obj(obj(c)["artifactLocation"]), bases)
				reps := arr(obj(c)["replacements"])
				v.check(len(reps) > 0, "%s.replacements: want at least one", cp)
				for m, rep := range reps {
					v.region(fmt.Sprintf("%s.replacements[%d].deletedRegion", cp, m), obj(obj(rep)["deletedRegion"]))
				}
			}
		}
	}
}

// artifact checks a location: a relative URI with a known uriBaseId, or
// an absolute URI.
func (v *validator) artifact(path string, loc map[string]any, bases map[string]bool) {
	raw := str(loc["uri"])
	u, err := url.Parse(raw)
	if !v.checked(raw != "" && err == nil, "%s.uri: %q is not a URI", path, raw) {
		return
	}
	if base, ok := loc["uriBaseId"]; ok {
		v.check(bases[str(base)], "%s.uriBaseId: %q is not in originalUriBaseIds", path, base)
		v.check(!u.IsAbs() && !strings.HasPrefix(u.Path, "/") && !strings.HasPrefix(u.Path, "../"), "%s.uri: %q must be relative to its uriBaseId", path, raw)
	} else {
		v.check(u.IsAbs(), "%s.uri: %q is relative but has no uriBaseId", path, raw)
	}
}

func (v *validator) checked(ok bool, format string, args ...any) bool {
	v.check(ok, format, args...)
	return ok
}

// region checks a text region's lines and columns, or a binary one.
func (v *validator) region(path string, r map[string]any) {
	if _, ok := r["byteOffset"]; ok {
		n, _ := r["byteOffset"].(float64)
		v.check(n >= 0, "%s.byteOffset: negative", path)
		return
	}
	num := func(key string, def float64) float64 {
		n, ok := r[key].(float64)
		if !ok {
			return def
		}
		return n
	}
	sl, sc := num("startLine", 0), num("startColumn", 1)
	el, ec := num("endLine", sl), num("endColumn", sc)
	v.check(sl >= 1 && sc >= 1, "%s: want startLine and startColumn >= 1, got %v:%v", path, sl, sc)
	v.check(el > sl || (el == sl && ec >= sc), "%s: end %v:%v before start %v:%v", path, el, ec, sl, sc)
}
