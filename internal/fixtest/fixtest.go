// Package fixtest checks what analysistest does not about suggested
// fixes: analysistest formats the fixed source before comparing it with
// the golden file, so a fix that leaves bad indentation, a stray blank
// line or trailing blanks still passes. Gofmt applies every fix of every
// diagnostic to the test packages and requires the result to be gofmt
// output, up to the column alignment of neighbouring lines (removing the
// longest key of an aligned block changes its neighbours' padding; the
// x/tools drivers, go vet -fix included, gofmt the files they fix), and
// then that the fixed package compiles.
package fixtest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Check runs a on the packages matching patterns under dir (as
// analysistest.Run does, so the // want comments are checked too), applies
// all suggested fixes, and fails unless each edited file is gofmt-clean
// as produced and each fixed package (test files included) compiles with
// go vet. The packages may import only the standard library. With
// FIXTEST_WRITE=1 in the environment it also writes the fixed files as
// <file>.golden, to be reviewed before committing.
func Check(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) {
	t.Helper()
	edits := make(map[string][]analysis.TextEdit)
	fixed := make(map[string][]byte) // file name -> fixed content
	var files []string               // every file of the packages
	for _, r := range analysistest.Run(t, dir, a, patterns...) {
		for _, f := range r.Pass.Files {
			files = append(files, r.Pass.Fset.File(f.FileStart).Name())
		}
		for _, d := range r.Diagnostics {
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					name := r.Pass.Fset.File(e.Pos).Name()
					edits[name] = append(edits[name], e)
				}
			}
		}
		for name, es := range edits {
			out := Apply(t, r.Pass.Fset.File(es[0].Pos), name, es)
			fixed[name] = out
			formatted, err := format.Source(out)
			if err != nil {
				t.Errorf("%s: fixed source does not parse: %v\n%s", name, err, out)
				continue
			}
			if !bytes.Equal(unaligned(formatted), unaligned(out)) {
				t.Errorf("%s: fixed source is not gofmt-clean:\n%s", name, out)
			}
			if os.Getenv("FIXTEST_WRITE") == "1" {
				if err := os.WriteFile(name+".golden", out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		clear(edits)
	}
	compiles(t, files, fixed)
}

// compiles copies the files (fixed where fixed says so) into a module in
// a temporary directory, one package per directory, and runs go vet.
func compiles(t *testing.T, files []string, fixed map[string][]byte) {
	t.Helper()
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module fixtest\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	seen := make(map[string]bool)
	for _, name := range files {
		if seen[name] {
			continue // a package and its test variant share files
		}
		seen[name] = true
		content, ok := fixed[name]
		if !ok {
			var err error
			if content, err = os.ReadFile(name); err != nil {
				t.Fatal(err)
			}
		}
		dir := filepath.Join(root, filepath.Base(filepath.Dir(name)))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("fixed packages do not compile: %v\n%s", err, out)
	}
}

var innerBlanks = regexp.MustCompile(`(\S)[ \t]+`)

// unaligned collapses the blanks after the indentation of each line, so
// that two sources that differ only in alignment padding compare equal.
func unaligned(src []byte) []byte {
	return innerBlanks.ReplaceAll(src, []byte("$1 "))
}

// Without returns t as an analysistest.Testing that drops the unmatched
// expectations of one kind, "fact" or "diagnostic". One testdata tree
// then tests two analyzers that share it: the pool analysis (facts, no
// diagnostics) and clientperrequest (diagnostics, no facts of its own).
// Everything else analysistest finds wrong still fails the test.
func Without(t *testing.T, kind string) analysistest.Testing {
	return without{t, "no " + kind + " was reported matching"}
}

type without struct {
	t    *testing.T
	drop string
}

func (w without) Errorf(format string, args ...any) {
	w.t.Helper()
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, w.drop) {
		w.t.Error(msg)
	}
}

// SilentMark is what a testdata function's doc comment says when a
// check must report nothing in it by default (its // want comments hold
// what -all reports).
const SilentMark = "Silent by default"

// CheckSilent fails for each diagnostic of results (a default run, made
// with Without(t, "diagnostic") so that -all's expectations are not
// required) reported inside a function whose doc comment says
// SilentMark.
func CheckSilent(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, f := range r.Pass.Files {
				for _, decl := range f.Decls {
					fd, ok := decl.(*ast.FuncDecl)
					if ok && fd.Pos() <= d.Pos && d.Pos < fd.End() && fd.Doc != nil && strings.Contains(fd.Doc.Text(), SilentMark) {
						t.Errorf("%s: reported by default in %s (%s): %s", r.Pass.Fset.Position(d.Pos), fd.Name.Name, SilentMark, d.Message)
					}
				}
			}
		}
	}
}

var atLine = regexp.MustCompile(`at line (\d+)`)

// CheckRelatedLines fails for each diagnostic of results whose message
// names a line ("... on the return at line 297") without a related
// location on that line: the site must be one a driver, SARIF or an
// editor can jump to. It fails too when no diagnostic names a line.
func CheckRelatedLines(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			m := atLine.FindStringSubmatch(d.Message)
			if m == nil {
				continue
			}
			n++
			ok := false
			for _, rel := range d.Related {
				if strconv.Itoa(r.Pass.Fset.Position(rel.Pos).Line) == m[1] {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s: %q has no related location at line %s", r.Pass.Fset.Position(d.Pos), d.Message, m[1])
			}
		}
	}
	if n == 0 {
		t.Error("no diagnostic names a line: nothing checked")
	}
}

// Apply returns the content of the file name (tf in the file set) with
// the edits es applied, failing t on overlapping edits. Identical edits
// of several fixes count once, as the drivers merge them.
func Apply(t *testing.T, tf *token.File, name string, es []analysis.TextEdit) []byte {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortStableFunc(es, func(x, y analysis.TextEdit) int { return int(x.Pos) - int(y.Pos) })
	var out bytes.Buffer
	last := 0
	for i, e := range es {
		if i > 0 && e.Pos == es[i-1].Pos && e.End == es[i-1].End && bytes.Equal(e.NewText, es[i-1].NewText) {
			continue
		}
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		if start < last {
			t.Errorf("%s: overlapping edits at offset %d", name, start)
			continue
		}
		out.Write(src[last:start])
		out.Write(e.NewText)
		last = end
	}
	out.Write(src[last:])
	return out.Bytes()
}
