package analyzer

import (
	"flag"
	"go/ast"
	"go/token"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
)

// Suppression directives, written like other Go directives (no space
// after the slashes):
//
//	//reuselint:ignore <check>[,<check>] <reason>
//	//reuselint:file-ignore <check>[,<check>] <reason>
//
// An ignore directive alone on its line applies to findings that start on
// the next line; at the end of a line of code it applies to findings that
// start on that line. A file-ignore directive applies to the whole file.
const (
	directivePrefix = "//reuselint:"
	verbIgnore      = "ignore"
	verbFileIgnore  = "file-ignore"
)

// wrap returns a copy of a (same name, doc, URL, flags, facts and result
// type; its requirements plus directiveComments) whose Run honours the
// suppression directives and, with tag, appends " (<name>)" to every
// message, so a reader and a filter (grep) can tell the checks apart. (golangci-lint prefixes each
// message with the name itself: its plugin wraps without tag.)
//
// Each wrapped check also reports, in the files it analyzed, the
// directives naming it that lack a reason or suppress nothing, and the
// directives naming an unknown check whose closest known name is its
// own. known lists the names of every check of the suite.
func wrap(a *analysis.Analyzer, known []string, tag bool) *analysis.Analyzer {
	return wrapIn(a, &suiteRun{names: known}, tag)
}

// wrapIn wraps a as a check of the suite run.
func wrapIn(a *analysis.Analyzer, suite *suiteRun, tag bool) *analysis.Analyzer {
	known := suite.names
	w := *a
	w.Requires = append(slices.Clip(a.Requires), directiveComments)
	run := a.Run
	suffix := ""
	if tag {
		suffix = " (" + a.Name + ")"
	}
	w.Run = func(pass *analysis.Pass) (any, error) {
		var (
			mu    sync.Mutex
			diags []analysis.Diagnostic
		)
		inner := *pass
		inner.Report = func(d analysis.Diagnostic) {
			mu.Lock()
			diags = append(diags, d)
			mu.Unlock()
		}
		res, err := run(&inner)

		mu.Lock()
		defer mu.Unlock()
		s := newSuppressor(pass, a.Name, known, suite.running(), pass.ResultOf[directiveComments].([]directiveComment))
		for _, d := range diags {
			if s.suppress(d) {
				continue
			}
			d.Message += suffix
			pass.Report(d)
		}
		for _, d := range s.problems() {
			d.Message += suffix
			pass.Report(d)
		}
		return res, err
	}
	suites.Store(&w, suite)
	return &w
}

// suiteRun is what the checks of one suite know of each other: every
// check's name, and which of them run. A malformed directive is reported
// by one running check, so that running a subset (reuselint -keepalive,
// golangci-lint with checks disabled) still reports it.
type suiteRun struct {
	names []string     // every check of the suite
	only  atomic.Value // []string: the checks that run, when a driver said (Running)
}

// suites maps each wrapped check to its suite.
var suites sync.Map // *analysis.Analyzer -> *suiteRun

// Running tells the suite of the wrapped checks as that exactly they run
// (the golangci-lint plugin, once its settings disable some).
func Running(as []*analysis.Analyzer) {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
	}
	for _, a := range as {
		if run, ok := suites.Load(a); ok {
			run.(*suiteRun).only.Store(names)
		}
	}
}

// running returns the checks that run: those a driver named (Running),
// else those the x/tools drivers run given the command line's -<check>
// flags (any true: only those; else any false: all but those), else all.
func (r *suiteRun) running() []string {
	if only, ok := r.only.Load().([]string); ok {
		return only
	}
	if !flag.Parsed() {
		return r.names
	}
	var on, off []string
	flag.Visit(func(f *flag.Flag) {
		if slices.Contains(r.names, f.Name) {
			if f.Value.String() == "true" {
				on = append(on, f.Name)
			} else {
				off = append(off, f.Name)
			}
		}
	})
	switch {
	case len(on) > 0:
		return on
	case len(off) > 0:
		return slices.DeleteFunc(slices.Clone(r.names), func(n string) bool { return slices.Contains(off, n) })
	}
	return r.names
}

// A directive is one //reuselint: comment.
type directive struct {
	c        *ast.Comment
	tf       *token.File
	verb     string   // verbIgnore, verbFileIgnore, or what was written
	checks   []string // the check names, as written
	reason   string
	line     int  // for ignore: the line whose findings it suppresses (and the next one when src is nil)
	ownLine  bool // nothing but blanks before the comment on its line
	used     bool // suppressed at least one finding of this check
	src      []byte
	problems []string // malformed parts this check must report
}

// suppressor holds the directives of one pass's files.
type suppressor struct {
	pass    *analysis.Pass
	name    string // the check's name
	known   []string
	running []string // the checks that run: the owners of problems
	dirs    []*directive
}

func newSuppressor(pass *analysis.Pass, name string, known, running []string, comments []directiveComment) *suppressor {
	s := &suppressor{pass: pass, name: name, known: known, running: running}
	for _, dc := range comments {
		if d := s.parse(dc.c, dc.tf, dc.src, dc.rest); d != nil {
			s.dirs = append(s.dirs, d)
		}
	}
	return s
}

// directiveComments finds the package's //reuselint: comments once, for
// all the wrapped checks: each check scanning every comment of every
// package itself (the standard library's and every dependency's too, for
// facts) was about a tenth of the suite's own CPU time in a standalone run
// on k8s.io/client-go/....
var directiveComments = &analysis.Analyzer{
	Name:             "reuselintdirectives",
	Doc:              "find the //reuselint: comments of the package's files",
	URL:              "https://pkg.go.dev/github.com/reuselint/reuselint/analyzer",
	Run:              func(pass *analysis.Pass) (any, error) { return findDirectiveComments(pass), nil },
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[[]directiveComment](),
}

// A directiveComment is a comment that starts with "//reuselint:".
type directiveComment struct {
	c    *ast.Comment
	tf   *token.File
	src  []byte // the file's content, or nil (see readFile)
	rest string // the text after the prefix
}

// findDirectiveComments returns the //reuselint: comments of pass's files.
func findDirectiveComments(pass *analysis.Pass) []directiveComment {
	var out []directiveComment
	for _, f := range pass.Files {
		var (
			src  []byte // read once per file, only if it has directives
			read bool
		)
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, directivePrefix)
				if !ok {
					continue
				}
				tf := pass.Fset.File(c.Pos())
				if tf == nil {
					continue
				}
				if !read {
					src, read = readFile(pass, tf), true
				}
				out = append(out, directiveComment{c: c, tf: tf, src: src, rest: rest})
			}
		}
	}
	return out
}

// readFile returns the content of a file of the package, or nil when it
// cannot be read or is not what was parsed. Without the source, an ignore
// directive covers its own line and the next (it cannot tell whether code
// precedes it), and stale ones get no fix.
func readFile(pass *analysis.Pass, tf *token.File) []byte {
	read := pass.ReadFile
	if read == nil {
		read = os.ReadFile
	}
	b, err := read(tf.Name())
	if err != nil || len(b) != tf.Size() {
		return nil
	}
	return b
}

// parse returns the directive in comment c, whose text after
// "//reuselint:" is rest, or nil when it concerns neither this check nor
// an unknown name this check must answer for.
func (s *suppressor) parse(c *ast.Comment, tf *token.File, src []byte, rest string) *directive {
	verb, args := rest, ""
	if i := strings.IndexAny(rest, " \t"); i >= 0 {
		verb, args = rest[:i], rest[i:]
	}
	d := &directive{c: c, tf: tf, verb: verb, src: src}
	fields := strings.Fields(args)
	if len(fields) > 0 {
		d.checks = strings.Split(fields[0], ",")
		d.reason = strings.Join(fields[1:], " ")
	}
	line := tf.PositionFor(c.Pos(), false).Line
	d.ownLine = src != nil && onlyBlanks(src[tf.Offset(tf.LineStart(line)):tf.Offset(c.Pos())])
	d.line = line
	if d.ownLine {
		d.line = line + 1
	}

	mine := slices.Contains(d.checks, s.name)
	// Problems not tied to one known check are reported by an owner:
	// the first known check named, else the check closest to the first
	// name, else the first check of the suite.
	owner := s.owner(d.checks)
	switch {
	case verb != verbIgnore && verb != verbFileIgnore:
		if owner == s.name {
			d.problems = append(d.problems, "unknown directive reuselint:"+verb+"; use reuselint:ignore or reuselint:file-ignore")
		}
		return d.orNil()
	case len(d.checks) == 0:
		if owner == s.name {
			d.problems = append(d.problems, "reuselint:"+verb+" directive needs check names and a reason")
		}
		return d.orNil()
	}
	for _, n := range d.checks {
		switch {
		case n == "":
			if owner == s.name {
				d.problems = append(d.problems, "reuselint:"+verb+" directive has an empty check name; separate names with commas only")
			}
		case !slices.Contains(s.known, n) && closest(n, s.running) == s.name:
			d.problems = append(d.problems, "reuselint:"+verb+" directive names "+strconv.Quote(n)+", which is not a check; the closest is "+closest(n, s.known))
		}
	}
	if mine && d.reason == "" {
		d.problems = append(d.problems, "reuselint:"+verb+" directive needs a reason after the check names")
	}
	if !mine && len(d.problems) == 0 {
		return nil
	}
	if !mine {
		d.used = true // nothing to suppress for this check: never stale
	}
	return d
}

func (d *directive) orNil() *directive {
	if len(d.problems) == 0 {
		return nil
	}
	d.used = true
	return d
}

// active reports whether d suppresses findings of this check.
func (d *directive) active(name string) bool {
	return d.reason != "" && slices.Contains(d.checks, name) &&
		(d.verb == verbIgnore || d.verb == verbFileIgnore)
}

// owner returns the check that reports the problems of a directive
// naming checks that are not all known.
func (s *suppressor) owner(checks []string) string {
	for _, n := range checks {
		if slices.Contains(s.running, n) {
			return n
		}
	}
	if len(checks) > 0 && checks[0] != "" {
		return closest(checks[0], s.running)
	}
	if len(s.running) > 0 {
		return s.running[0]
	}
	return s.name
}

// suppress reports whether a directive suppresses d, and marks the
// directives that do as used.
func (s *suppressor) suppress(diag analysis.Diagnostic) bool {
	tf := s.pass.Fset.File(diag.Pos)
	if tf == nil {
		return false
	}
	line := tf.PositionFor(diag.Pos, false).Line
	suppressed := false
	for _, d := range s.dirs {
		if d.tf != tf || !d.active(s.name) {
			continue
		}
		if d.verb == verbFileIgnore || d.line == line || (d.src == nil && d.line+1 == line) {
			d.used = true
			suppressed = true
		}
	}
	return suppressed
}

// problems returns the diagnostics about the directives themselves:
// malformed ones, and active ones that suppressed nothing.
func (s *suppressor) problems() []analysis.Diagnostic {
	var diags []analysis.Diagnostic
	for _, d := range s.dirs {
		for _, msg := range d.problems {
			diags = append(diags, analysis.Diagnostic{Pos: d.c.Pos(), End: d.c.End(), Message: msg})
		}
		if d.used || !d.active(s.name) {
			continue
		}
		where := "on the next line"
		switch {
		case d.verb == verbFileIgnore:
			where = "in this file"
		case d.src == nil:
			where = "on this or the next line"
		case !d.ownLine:
			where = "on this line"
		}
		diag := analysis.Diagnostic{
			Pos:     d.c.Pos(),
			End:     d.c.End(),
			Message: "reuselint:" + d.verb + " directive suppresses no " + s.name + " finding " + where + "; remove it",
		}
		if len(d.checks) > 1 {
			diag.Message = "reuselint:" + d.verb + " directive suppresses no " + s.name + " finding " + where + "; remove " + s.name + " from it"
		} else if edit, ok := d.removal(); ok {
			diag.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "Remove the stale reuselint:" + d.verb + " directive",
				TextEdits: []analysis.TextEdit{edit},
			}}
		}
		diags = append(diags, diag)
	}
	return diags
}

// removal returns the edit deleting the directive: its whole line when
// it is alone on it (and one of the blank lines around it when both
// neighbours are blank), else the comment and the blanks before it.
func (d *directive) removal() (analysis.TextEdit, bool) {
	if d.src == nil {
		return analysis.TextEdit{}, false
	}
	tf := d.tf
	line := tf.PositionFor(d.c.Pos(), false).Line
	if !d.ownLine {
		start := tf.Offset(d.c.Pos())
		for start > 0 && (d.src[start-1] == ' ' || d.src[start-1] == '\t') {
			start--
		}
		return analysis.TextEdit{Pos: tf.Pos(start), End: d.c.End()}, true
	}
	// The comment ends its line: "//" comments always do.
	blank := func(l int) bool {
		if l < 1 || l > tf.LineCount() {
			return false
		}
		start := tf.Offset(tf.LineStart(l))
		end := len(d.src)
		if l < tf.LineCount() {
			end = tf.Offset(tf.LineStart(l + 1))
		}
		return onlyBlanks(d.src[start:end])
	}
	last := line
	if blank(line-1) && blank(line+1) {
		last = line + 1
	}
	end := d.c.End()
	if last < tf.LineCount() {
		end = tf.LineStart(last + 1)
	}
	return analysis.TextEdit{Pos: tf.LineStart(line), End: end}, true
}

func onlyBlanks(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// closest returns the name in known nearest to n by edit distance,
// the first one on ties.
func closest(n string, known []string) string {
	best, bestDist := "", -1
	for _, k := range known {
		if d := editDistance(n, k); bestDist < 0 || d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
