package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Standalone runs ("reuselint ./...") go through a child process: the
// child is the plain multichecker driver, always asked for -json, and
// the parent writes its report in the form the user asked for.
//
// The multichecker driver reports a package that does not load or
// type-check once per analyzer, internal ones included, e.g.
// "bodyflow: analysis skipped due to errors in package" and
// "unclosedbody: failed prerequisites: bodyflow@example.com/broken". The
// parent keeps the package's errors (the child prints them on stderr)
// and replaces that noise with one line per package, in text and -json
// alike:
//
//	example.com/broken: not analyzed because of the errors above
//
// go vet runs never take this path: go vet reports such packages itself.

// childEnv marks the child process, which runs the plain driver.
const childEnv = "REUSELINT_DRIVER_CHILD=1"

// Messages of the multichecker driver for an analyzer it did not run.
const (
	msgSkipped      = "analysis skipped due to errors in package"
	prefixPrereqErr = "failed prerequisites: "
)

// isChild reports whether this process is the child of a standalone run.
func isChild() bool { return slices.Contains(os.Environ(), childEnv) }

// standalone reports whether args ask for a standalone analysis whose
// report the parent must rewrite: not go vet's protocol (-V=full, -flags,
// a .cfg file), not help or usage, not -fix or -diff (which print no
// report).
func standalone(args []string) bool {
	if len(args) == 0 || isChild() {
		return false
	}
	if args[0] == "help" {
		return false
	}
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && (name == "V" || name == "flags" || name == "fix" || name == "diff" || name == "h" || name == "help") {
			return false
		}
	}
	// go vet runs the tool as "reuselint [flags] .../vet.cfg".
	return !strings.HasSuffix(args[len(args)-1], ".cfg")
}

// reportOptions are the flags of the user's command line that decide the
// form of the report.
type reportOptions struct {
	json    bool
	context int // lines of context around a finding; -1 for none
}

// parseReportOptions finds -json and -c among args. The child parses (and
// validates) the whole command line.
func parseReportOptions(args []string) reportOptions {
	o := reportOptions{context: -1}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "json":
			o.json = true
			if hasValue {
				o.json, _ = strconv.ParseBool(value)
			}
		case "c":
			if !hasValue && i+1 < len(args) {
				i++
				value = args[i]
			}
			if n, err := strconv.Atoi(value); err == nil {
				o.context = n
			}
		}
	}
	return o
}

// withoutJSON returns args without their -json flags (-json=false
// included): the child always writes JSON.
func withoutJSON(args []string) []string {
	var out []string
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && name == "json" {
			continue
		}
		out = append(out, a)
	}
	return out
}

// runStandalone runs the child with -json and writes its report, and
// returns the exit status: 1 when a package was not analyzed or a check
// failed, else 3 with findings (text only, like the driver), else 0.
func runStandalone(args []string, suite []*analysis.Analyzer, stdout, stderr io.Writer) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "reuselint: %v\n", err)
		return 1
	}
	cmd := exec.Command(self, append([]string{"-json"}, withoutJSON(args)...)...)
	cmd.Env = append(os.Environ(), childEnv)
	var out bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, &out, stderr
	// Ctrl-C reaches the child too (same process group): let it end and
	// report what it did. (Catch the signal rather than ignore it: an
	// ignored signal stays ignored in the child.)
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
	runErr := cmd.Run()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(runErr, &exit):
		code = exit.ExitCode()
	case runErr != nil:
		fmt.Fprintf(stderr, "reuselint: %v\n", runErr)
		return 1
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &tree); err != nil {
		// No report: a usage error or a failure before analysis, which
		// the child explained on stderr.
		stdout.Write(out.Bytes())
		return max(code, 1)
	}
	r := clean(tree, suite)
	for _, pkg := range r.notAnalyzed {
		fmt.Fprintf(stderr, "%s: not analyzed because of the errors above\n", pkg)
	}
	if len(r.notAnalyzed) > 0 {
		code = max(code, 1)
	}
	opts := parseReportOptions(args)
	if opts.json {
		data, err := json.MarshalIndent(r.tree, "", "\t")
		if err != nil {
			fmt.Fprintf(stderr, "reuselint: %v\n", err)
			return 1
		}
		stdout.Write(append(data, '\n'))
		return code
	}
	failed, findings := printText(stderr, r.tree, suite, opts.context)
	switch {
	case failed:
		code = max(code, 1)
	case code == 0 && findings > 0:
		code = 3
	}
	return code
}

// A cleaned report: the tree without the driver's noise about packages
// that were not analyzed and without internal analyzers, and the paths of
// those packages.
type cleaned struct {
	tree        map[string]map[string]json.RawMessage
	notAnalyzed []string
}

// clean rewrites the -json tree of the child (package ID → analyzer →
// diagnostics or {"error": ...}). A package skipped because it (or a
// dependency) has errors is named once in notAnalyzed; its entries go.
// An internal analyzer that failed for another reason shows as the
// failure of the checks that required it.
func clean(tree map[string]map[string]json.RawMessage, suite []*analysis.Analyzer) cleaned {
	isCheck := make(map[string]bool)
	for _, a := range suite {
		isCheck[a.Name] = true
	}
	var r cleaned
	r.tree = make(map[string]map[string]json.RawMessage)
	seen := make(map[string]bool)
	for id, byAnalyzer := range tree {
		entries := make(map[string]json.RawMessage)
		for name, raw := range byAnalyzer {
			msg, isErr := errorOf(raw)
			switch {
			case !isErr:
				if isCheck[name] {
					entries[name] = raw
				}
			case msg == msgSkipped:
				r.addNotAnalyzed(pathOf(id), seen)
			case isCheck[name]:
				if cause := failure(tree, msg, isCheck, 0); cause != "" {
					entries[name] = errorJSON(cause)
				} else {
					// Every cause is a package with errors: a dependency's
					// (a missing import) when the check needs its facts.
					r.addNotAnalyzed(pathOf(id), seen)
				}
			}
		}
		if len(entries) > 0 {
			r.tree[id] = entries
		}
	}
	slices.Sort(r.notAnalyzed)
	return r
}

// addNotAnalyzed records path once.
func (r *cleaned) addNotAnalyzed(path string, seen map[string]bool) {
	if !seen[path] {
		seen[path] = true
		r.notAnalyzed = append(r.notAnalyzed, path)
	}
}

// failure returns the error of an analyzer that failed for a reason other
// than its package's errors, following failed prerequisites, or "" when
// every failure goes back to packages that were not analyzed.
func failure(tree map[string]map[string]json.RawMessage, msg string, isCheck map[string]bool, depth int) string {
	list, ok := strings.CutPrefix(msg, prefixPrereqErr)
	if !ok {
		return msg
	}
	if depth > 32 {
		return ""
	}
	// Each item is analyzer@package.
	for _, item := range strings.Split(list, ", ") {
		name, pkg, ok := strings.Cut(item, "@")
		if !ok {
			continue
		}
		for id, byAnalyzer := range tree {
			if pathOf(id) != pkg {
				continue
			}
			if m, isErr := errorOf(byAnalyzer[name]); isErr && m != msgSkipped {
				if cause := failure(tree, m, isCheck, depth+1); cause != "" {
					return cause
				}
			}
		}
	}
	return ""
}

// errorOf returns the message of an {"error": ...} entry.
func errorOf(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 || raw[0] != '{' {
		return "", false
	}
	var e struct {
		Error string `json:"error"`
	}
	if json.Unmarshal(raw, &e) != nil || e.Error == "" {
		return "", false
	}
	return e.Error, true
}

func errorJSON(msg string) json.RawMessage {
	b, _ := json.Marshal(struct {
		Error string `json:"error"`
	}{msg})
	return b
}

// pathOf returns the import path of a package ID such as
// "example.com/p [example.com/p.test]".
func pathOf(id string) string {
	path, _, _ := strings.Cut(id, " ")
	return path
}

// A diagnostic of the -json report.
type jsonDiagnostic struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
	Related []struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	} `json:"related"`
}

// printText writes the report the way the driver's text mode does
// ("file:line:col: message", with context lines when asked), each finding
// once although a package and its test variant both report it, sorted by
// file, line and column (then check and message); a check's failure comes
// first. It returns whether a check failed and the number of findings.
func printText(w io.Writer, tree map[string]map[string]json.RawMessage, suite []*analysis.Analyzer, context int) (failed bool, findings int) {
	type finding struct {
		check string
		d     jsonDiagnostic
	}
	type key struct{ posn, end, check, message string }
	seen := make(map[key]bool)
	var all []finding
	var buf bytes.Buffer
	for _, id := range sortedKeys(tree) {
		for _, a := range suite {
			raw, ok := tree[id][a.Name]
			if !ok {
				continue
			}
			if msg, isErr := errorOf(raw); isErr {
				fmt.Fprintf(&buf, "%s: %s\n", a.Name, msg)
				failed = true
				continue
			}
			var diags []jsonDiagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				fmt.Fprintf(&buf, "%s: unreadable report: %v\n", a.Name, err)
				failed = true
				continue
			}
			for _, d := range diags {
				k := key{d.Posn, d.End, a.Name, d.Message}
				if seen[k] {
					continue
				}
				seen[k] = true
				all = append(all, finding{a.Name, d})
			}
		}
	}
	slices.SortStableFunc(all, func(x, y finding) int {
		return cmp.Or(comparePosn(x.d.Posn, y.d.Posn), cmp.Compare(x.check, y.check), cmp.Compare(x.d.Message, y.d.Message))
	})
	for _, f := range all {
		printPlain(&buf, f.d.Posn, f.d.End, f.d.Message, context)
		for _, rel := range f.d.Related {
			printPlain(&buf, rel.Posn, rel.End, "\t"+rel.Message, context)
		}
	}
	w.Write(buf.Bytes())
	return failed, len(all)
}

// comparePosn orders "file:line:col" positions by file, then line and
// column as numbers.
func comparePosn(x, y string) int {
	xfile, xline, xcol := splitPosn(x)
	yfile, yline, ycol := splitPosn(y)
	return cmp.Or(cmp.Compare(xfile, yfile), cmp.Compare(xline, yline), cmp.Compare(xcol, ycol))
}

// printPlain prints one position and message, and with context >= 0 the
// lines from posn to end with that many lines around them.
func printPlain(w io.Writer, posn, end, message string, context int) {
	fmt.Fprintf(w, "%s: %s\n", posn, message)
	if context < 0 {
		return
	}
	file, line, _ := splitPosn(posn)
	_, endLine, _ := splitPosn(end)
	if endLine < line {
		endLine = line
	}
	data, _ := os.ReadFile(file)
	lines := strings.Split(string(data), "\n")
	for i := line - context; i <= endLine+context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// splitPosn splits "file:line:col" (file may hold colons) into the file,
// the line and the column.
func splitPosn(posn string) (file string, line, col int) {
	rest, c, ok := cutLast(posn, ":")
	if !ok {
		return posn, 0, 0
	}
	file, l, ok := cutLast(rest, ":")
	if !ok {
		return posn, 0, 0
	}
	line, _ = strconv.Atoi(l)
	col, _ = strconv.Atoi(c)
	return file, line, col
}

func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
