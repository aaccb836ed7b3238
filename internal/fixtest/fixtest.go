// Package fixtest checks what analysistest does not about suggested
// fixes: analysistest formats the fixed source before comparing it with
// the golden file, so a fix that leaves bad indentation, a stray blank
// line or trailing blanks still passes. Gofmt applies every fix of every
// diagnostic to the test packages and requires the result to be gofmt
// output, up to the column alignment of neighbouring lines (removing the
// longest key of an aligned block changes its neighbours' padding; the
// x/tools drivers, go vet -fix included, gofmt the files they fix).
package fixtest

import (
	"bytes"
	"go/format"
	"os"
	"regexp"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Gofmt runs a on the packages matching patterns under dir (as
// analysistest.Run does, so the // want comments are checked too), applies
// all suggested fixes and fails unless each edited file is gofmt-clean as
// produced. With FIXTEST_WRITE=1 in the environment it also writes the
// fixed files as <file>.golden, to be reviewed before committing.
func Gofmt(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) {
	t.Helper()
	edits := make(map[string][]analysis.TextEdit)
	for _, r := range analysistest.Run(t, dir, a, patterns...) {
		for _, d := range r.Diagnostics {
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					name := r.Pass.Fset.File(e.Pos).Name()
					edits[name] = append(edits[name], e)
				}
			}
		}
		for name, es := range edits {
			tf := r.Pass.Fset.File(es[0].Pos)
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			slices.SortStableFunc(es, func(x, y analysis.TextEdit) int { return int(x.Pos) - int(y.Pos) })
			var out bytes.Buffer
			last := 0
			for _, e := range es {
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
			formatted, err := format.Source(out.Bytes())
			if err != nil {
				t.Errorf("%s: fixed source does not parse: %v\n%s", name, err, out.Bytes())
				continue
			}
			if !bytes.Equal(unaligned(formatted), unaligned(out.Bytes())) {
				t.Errorf("%s: fixed source is not gofmt-clean:\n%s", name, out.Bytes())
			}
			if os.Getenv("FIXTEST_WRITE") == "1" {
				if err := os.WriteFile(name+".golden", out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		clear(edits)
	}
}

var innerBlanks = regexp.MustCompile(`(\S)[ \t]+`)

// unaligned collapses the blanks after the indentation of each line, so
// that two sources that differ only in alignment padding compare equal.
func unaligned(src []byte) []byte {
	return innerBlanks.ReplaceAll(src, []byte("$1 "))
}
