package doc

import (
	"flag"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Page returns the Markdown page of a check, docs/checks/<name>.md: its
// title, then its labelled parts in order, each under a heading named by
// its label, with a table of the check's flags under Options.
func Page(a *analysis.Analyzer) (string, error) {
	parts, err := Parts(a.Doc)
	if err != nil {
		return "", fmt.Errorf("%s: %v", a.Name, err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- Generated from passes/%s/doc.go by `go test ./analyzer -run TestDocs -update`; DO NOT EDIT. -->\n\n", a.Name)
	fmt.Fprintf(&b, "# %s\n\n%s: %s. `reuselint help %s` prints this page.\n", a.Name, a.Name, Title(a.Doc), a.Name)
	for _, p := range parts {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n", p.Label, capitalize(Markdown(p.Text)))
		if p.Label == Options {
			b.WriteString("\n" + FlagTable(a))
		}
	}
	fmt.Fprintf(&b, "\n---\n\n[All checks](../../README.md#checks)\n")
	return b.String(), nil
}

// FlagTable returns a Markdown table of a's flags, as they are given on the
// command line (-<check>.<flag>), or "" when it has none.
func FlagTable(a *analysis.Analyzer) string {
	var b strings.Builder
	a.Flags.VisitAll(func(f *flag.Flag) {
		if b.Len() == 0 {
			b.WriteString("| flag | default | meaning |\n|---|---|---|\n")
		}
		def := f.DefValue
		if def == "" {
			def = "none"
		}
		fmt.Fprintf(&b, "| `-%s.%s` | %s | %s |\n", a.Name, f.Name, def, f.Usage)
	})
	return b.String()
}

// FlagNames returns a's flags as given on the command line.
func FlagNames(a *analysis.Analyzer) []string {
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) {
		names = append(names, "-"+a.Name+"."+f.Name)
	})
	return names
}

// capitalize upper-cases the first letter of text, which follows a label
// ("Why it costs: an http.Client...") in doc.go and starts a section on
// the page.
func capitalize(text string) string {
	if text != "" && 'a' <= text[0] && text[0] <= 'z' {
		return string(text[0]-'a'+'A') + text[1:]
	}
	return text
}
