// Package sarif implements "reuselint sarif": it runs the suite with
// -json (the same driver, flags and findings as "reuselint -json") and
// writes the report as a SARIF 2.1.0 log for code scanning.
package sarif

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/internal/doc"
)

// Exit statuses of Main.
const (
	ExitOK       = 0 // the log was written (with or without results)
	ExitError    = 1 // packages failed to load or a check failed; the log, if written, says so
	ExitUsage    = 2 // bad command line
	ExitFindings = 3 // with -fail: the log has results
)

// Schema and Version identify the SARIF format written.
const (
	Schema  = "https://json.schemastore.org/sarif-2.1.0.json"
	Version = "2.1.0"
)

// SrcRoot is the uriBaseId of every relative artifact location.
const SrcRoot = "%SRCROOT%"

const usage = `usage: reuselint sarif [-fail] [-root dir] [flags] [packages]

Runs the checks like "reuselint -json [flags] [packages]" and writes the
findings to standard output as a SARIF 2.1.0 log for code scanning (GitHub's
upload-sarif action, or any SARIF viewer). Every other flag (-test, a check's
name to select it, -<check>.<option>) is passed on; see "reuselint help".

File locations are relative to the root (uriBaseId %SRCROOT%): by default the
repository root, the nearest directory up from the working directory that
holds .git, or else the working directory.

Exit status: 0 when the log was written, 3 instead with -fail when it has
results, 1 when packages failed to load or a check failed (the log says so),
2 on a bad command line.

`

// Main runs "reuselint sarif" with args (those after "sarif") for the
// checks of suite; the running binary must be reuselint itself.
func Main(args []string, suite []*analysis.Analyzer, stdout, stderr io.Writer) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "reuselint sarif: %v\n", err)
		return ExitError
	}
	opts, pass, err := parseArgs(args)
	if errors.Is(err, errHelp) {
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "reuselint sarif: %v (see reuselint sarif -h)\n", err)
		return ExitUsage
	}
	root := opts.root
	if root == "" {
		if root, err = defaultRoot(); err != nil {
			fmt.Fprintf(stderr, "reuselint sarif: %v\n", err)
			return ExitError
		}
	}
	if root, err = filepath.Abs(root); err != nil {
		fmt.Fprintf(stderr, "reuselint sarif: %v\n", err)
		return ExitError
	}

	cmd := exec.Command(self, append([]string{"-json"}, pass...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, stderr
	runErr := cmd.Run()
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		fmt.Fprintf(stderr, "reuselint sarif: %v\n", runErr)
		return ExitError
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &tree); err != nil {
		// No report: a usage error or a failure before analysis, which
		// the run explained on stderr.
		if exit != nil {
			return exit.ExitCode()
		}
		fmt.Fprintf(stderr, "reuselint sarif: reading the -json report: %v\n", err)
		return ExitError
	}
	log := Convert(tree, suite, root)
	if exit != nil {
		inv := &log.Runs[0].Invocations[0]
		inv.ExecutionSuccessful = false
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, Notification{
			Level:   "error",
			Message: Message{Text: fmt.Sprintf("reuselint -json exited with status %d: packages failed to load (details on standard error)", exit.ExitCode())},
		})
	}
	data, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "reuselint sarif: %v\n", err)
		return ExitError
	}
	if _, err := stdout.Write(append(data, '\n')); err != nil {
		fmt.Fprintf(stderr, "reuselint sarif: %v\n", err)
		return ExitError
	}
	switch {
	case !log.Runs[0].Invocations[0].ExecutionSuccessful:
		return ExitError
	case opts.fail && len(log.Runs[0].Results) > 0:
		return ExitFindings
	}
	return ExitOK
}

var errHelp = errors.New("help requested")

type options struct {
	fail bool
	root string
}

// parseArgs takes this command's own flags out of args and returns the
// rest, to be passed to the -json run. Its flags may appear anywhere
// before the packages.
func parseArgs(args []string) (options, []string, error) {
	var o options
	var pass []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if !strings.HasPrefix(arg, "-") || arg == "--" {
			pass = append(pass, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		switch name {
		case "h", "help":
			return o, nil, errHelp
		case "fail":
			o.fail = true
			if hasValue {
				b, err := strconv.ParseBool(value)
				if err != nil {
					return o, nil, fmt.Errorf("invalid value %q for -fail", value)
				}
				o.fail = b
			}
		case "root":
			if !hasValue {
				if i+1 == len(args) {
					return o, nil, errors.New("-root needs a directory")
				}
				i++
				value = args[i]
			}
			o.root = value
		case "fix", "diff":
			return o, nil, fmt.Errorf("-%s does not apply to a SARIF report; run reuselint -%s", name, name)
		case "json":
			// The run uses -json anyway.
		default:
			pass = append(pass, arg)
		}
	}
	return o, pass, nil
}

// defaultRoot returns the nearest directory up from the working
// directory that holds .git, or else the working directory.
func defaultRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd, nil
		}
		dir = parent
	}
}

// jsonDiagnostic is one finding of the -json report.
type jsonDiagnostic struct {
	Posn           string `json:"posn"`
	End            string `json:"end"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
	Related []struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	} `json:"related"`
}

// Convert turns a -json report (package ID → check → findings or
// {"error": ...}) into a SARIF log with one rule per check of suite and
// file locations relative to root. Findings reported twice (a package
// and its test variant) appear once.
func Convert(tree map[string]map[string]json.RawMessage, suite []*analysis.Analyzer, root string) *Log {
	c := &converter{root: root, files: make(map[string][]byte)}
	driver := Driver{
		Name:           "reuselint",
		InformationURI: "https://pkg.go.dev/github.com/reuselint/reuselint",
		Rules:          []Rule{},
	}
	ruleIndex := make(map[string]int)
	for _, a := range suite {
		title := doc.Title(a.Doc)
		_, body, _ := strings.Cut(a.Doc, "\n")
		ruleIndex[a.Name] = len(driver.Rules)
		driver.Rules = append(driver.Rules, Rule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     Message{Text: title},
			FullDescription:      Message{Text: cmp.Or(strings.TrimSpace(body), title)},
			Help:                 Message{Text: a.Doc, Markdown: doc.Markdown(strings.TrimSpace(a.Doc))},
			HelpURI:              a.URL,
			DefaultConfiguration: Configuration{Level: "warning"},
		})
	}

	inv := Invocation{ExecutionSuccessful: true, ToolExecutionNotifications: []Notification{}}
	results := []Result{}
	seen := make(map[string]bool)
	for _, pkg := range slices.Sorted(maps.Keys(tree)) {
		for _, check := range slices.Sorted(maps.Keys(tree[pkg])) {
			raw := tree[pkg][check]
			var failed struct {
				Error string `json:"error"`
			}
			if json.Unmarshal(raw, &failed) == nil && failed.Error != "" {
				inv.ExecutionSuccessful = false
				inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, Notification{
					Level:      "error",
					Message:    Message{Text: fmt.Sprintf("%s failed on %s: %s", check, pkg, failed.Error)},
					Descriptor: &Reference{ID: check},
				})
				continue
			}
			var diags []jsonDiagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				inv.ExecutionSuccessful = false
				inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, Notification{
					Level:   "error",
					Message: Message{Text: fmt.Sprintf("unreadable findings of %s on %s: %v", check, pkg, err)},
				})
				continue
			}
			for _, d := range diags {
				r := c.result(check, d)
				if i, ok := ruleIndex[check]; ok {
					r.RuleIndex = &i
				}
				key, _ := json.Marshal(r)
				if seen[string(key)] {
					continue
				}
				seen[string(key)] = true
				results = append(results, r)
			}
		}
	}
	slices.SortStableFunc(results, func(a, b Result) int {
		la, lb := a.Locations[0].PhysicalLocation, b.Locations[0].PhysicalLocation
		return cmp.Or(
			strings.Compare(la.ArtifactLocation.URI, lb.ArtifactLocation.URI),
			cmp.Compare(la.Region.StartLine, lb.Region.StartLine),
			cmp.Compare(la.Region.StartColumn, lb.Region.StartColumn),
			strings.Compare(a.RuleID, b.RuleID),
			strings.Compare(a.Message.Text, b.Message.Text))
	})

	return &Log{
		Schema:  Schema,
		Version: Version,
		Runs: []Run{{
			Tool: Tool{Driver: driver},
			OriginalURIBaseIDs: map[string]ArtifactLocation{
				SrcRoot: {URI: fileURI(root, true)},
			},
			ColumnKind:  "unicodeCodePoints",
			Invocations: []Invocation{inv},
			Results:     results,
		}},
	}
}

type converter struct {
	root  string
	files map[string][]byte // content by file name, nil when unreadable
}

func (c *converter) result(check string, d jsonDiagnostic) Result {
	r := Result{
		RuleID:    check,
		Level:     "warning",
		Message:   Message{Text: d.Message},
		Locations: []Location{{PhysicalLocation: c.location(d.Posn, d.End)}},
	}
	for _, rel := range d.Related {
		r.RelatedLocations = append(r.RelatedLocations, Location{
			PhysicalLocation: c.location(rel.Posn, rel.End),
			Message:          &Message{Text: rel.Message},
		})
	}
	for _, f := range d.SuggestedFixes {
		fix := Fix{Description: Message{Text: f.Message}}
		byFile := make(map[string]int) // index in fix.ArtifactChanges
		for _, e := range f.Edits {
			i, ok := byFile[e.Filename]
			if !ok {
				i = len(fix.ArtifactChanges)
				byFile[e.Filename] = i
				fix.ArtifactChanges = append(fix.ArtifactChanges, ArtifactChange{ArtifactLocation: c.artifact(e.Filename)})
			}
			region := c.offsetRegion(e.Filename, e.Start, e.End)
			fix.ArtifactChanges[i].Replacements = append(fix.ArtifactChanges[i].Replacements, Replacement{
				DeletedRegion:   region,
				InsertedContent: &ArtifactContent{Text: e.New},
			})
		}
		r.Fixes = append(r.Fixes, fix)
	}
	return r
}

// location turns "file:line:col" positions into a physical location.
func (c *converter) location(posn, end string) PhysicalLocation {
	file, line, col := splitPosn(posn)
	region := Region{StartLine: max(line, 1), StartColumn: c.column(file, line, col)}
	if efile, eline, ecol := splitPosn(end); efile == file && eline > 0 && (eline > line || ecol > col) {
		region.EndLine = eline
		region.EndColumn = c.column(file, eline, ecol)
	}
	return PhysicalLocation{ArtifactLocation: c.artifact(file), Region: region}
}

// splitPosn splits "file:line:col" (the file name may hold colons).
func splitPosn(posn string) (file string, line, col int) {
	rest, c, ok := cutLast(posn, ":")
	if !ok {
		return posn, 0, 0
	}
	file, l, ok := cutLast(rest, ":")
	if !ok {
		return rest, atoi(c), 0
	}
	return file, atoi(l), atoi(c)
}

func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// artifact returns the location of file: relative to the root when it is
// under it, else an absolute file URI.
func (c *converter) artifact(file string) ArtifactLocation {
	if rel, err := filepath.Rel(c.root, file); err == nil && filepath.IsAbs(file) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: SrcRoot}
	}
	return ArtifactLocation{URI: fileURI(file, false)}
}

func fileURI(path string, dir bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// content returns the bytes of file, read once.
func (c *converter) content(file string) []byte {
	b, ok := c.files[file]
	if !ok {
		b, _ = os.ReadFile(file)
		c.files[file] = b
	}
	return b
}

// column converts Go's 1-based byte column on line to SARIF's 1-based
// column in Unicode code points. Without the file, bytes are kept.
func (c *converter) column(file string, line, col int) int {
	if col < 1 {
		return 1
	}
	b := c.content(file)
	start, ok := lineStart(b, line)
	if !ok || start+col-1 > len(b) {
		return col
	}
	return utf8.RuneCount(b[start:start+col-1]) + 1
}

// offsetRegion returns the region between two byte offsets of file, by
// line and column, and with the byte offsets when the file is unreadable.
func (c *converter) offsetRegion(file string, start, end int) Region {
	b := c.content(file)
	if b == nil || start > end || end > len(b) {
		return Region{ByteOffset: &start, ByteLength: ptr(end - start)}
	}
	sl, sc := lineCol(b, start)
	el, ec := lineCol(b, end)
	return Region{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}
}

func ptr(n int) *int { return &n }

// lineStart returns the byte offset where 1-based line starts in b.
func lineStart(b []byte, line int) (int, bool) {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(b[off:], '\n')
		if i < 0 {
			return 0, false
		}
		off += i + 1
	}
	return off, true
}

// lineCol returns the 1-based line and code-point column of offset in b.
func lineCol(b []byte, offset int) (line, col int) {
	lineStart := bytes.LastIndexByte(b[:offset], '\n') + 1
	return bytes.Count(b[:offset], []byte("\n")) + 1, utf8.RuneCount(b[lineStart:offset]) + 1
}
