package doc

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// The labelled parts of a check's documentation, in the order its doc.go
// gives them. Each part starts with a paragraph that begins with its
// label and a colon ("Bad:", "Why it costs: ...") and runs to the next
// part. The same parts, in the same order, make the check's page
// (docs/checks/<check>.md) and what "reuselint help <check>" prints.
const (
	Bad         = "Bad"          // required: code only (tab-indented)
	Good        = "Good"         // required: code only
	WhyItCosts  = "Why it costs" // required: one paragraph
	Reported    = "Reported"     // optional: what exactly is reported
	TheFix      = "The fix"      // optional: what the suggested fix does (only for a check with fixes)
	NotReported = "Not reported" // required: the traps that stay silent
	Options     = "Options"      // optional: the check's flags (required when it has any)
	KnownLimits = "Known limits" // required
)

// Labels lists the labels in the order they must appear.
var Labels = []string{Bad, Good, WhyItCosts, Reported, TheFix, NotReported, Options, KnownLimits}

var required = []string{Bad, Good, WhyItCosts, NotReported, KnownLimits}

// A Part is one labelled part of a check's documentation: its label and
// its text in doc comment syntax (code blocks indented by a tab), without
// the label.
type Part struct {
	Label string
	Text  string
}

// labelLike matches the start of a paragraph that looks like a label: a
// capitalized phrase of up to three words and a colon. Such a paragraph
// must start a known part, so that a misspelled label fails loudly
// instead of merging into the previous part.
var labelLike = regexp.MustCompile(`^[A-Z][a-z]*(?: [a-z]+){0,2}:(?: |$)`)

// Parts splits an analyzer's Doc (the title line, a blank line, then the
// body) into its labelled parts, and checks that they follow the rules
// above.
func Parts(doc string) ([]Part, error) {
	_, body, _ := strings.Cut(doc, "\n")
	body = strings.TrimSpace(body)
	var parts []Part
	for para := range strings.SplitSeq(body, "\n\n") {
		label := ""
		if m := labelLike.FindString(para); m != "" {
			label = strings.TrimSpace(m)
			label = strings.TrimSuffix(label, ":")
			if !slices.Contains(Labels, label) {
				return nil, fmt.Errorf("unknown part %q (the parts are %s)", label+":", strings.Join(Labels, ", "))
			}
			para = strings.TrimSpace(para[len(m):])
			parts = append(parts, Part{Label: label})
		}
		if len(parts) == 0 {
			return nil, fmt.Errorf("text before the first part %q: %.40q", Bad+":", para)
		}
		p := &parts[len(parts)-1]
		if para == "" {
			continue
		}
		if p.Text != "" {
			p.Text += "\n\n"
		}
		p.Text += para
	}
	return parts, checkParts(parts)
}

// checkParts enforces the order of the parts, the required ones, and the
// shape of Bad, Good and Why it costs.
func checkParts(parts []Part) error {
	last := -1
	for _, p := range parts {
		i := slices.Index(Labels, p.Label)
		if i <= last {
			return fmt.Errorf("part %q out of order or repeated (the order is %s)", p.Label, strings.Join(Labels, ", "))
		}
		last = i
		if p.Text == "" {
			return fmt.Errorf("part %q is empty", p.Label)
		}
		switch p.Label {
		case Bad, Good:
			for line := range strings.SplitSeq(p.Text, "\n") {
				if line != "" && !strings.HasPrefix(line, "\t") {
					return fmt.Errorf("part %q must hold code only (tab-indented lines), not %q", p.Label, line)
				}
			}
		case WhyItCosts:
			if strings.Contains(p.Text, "\n\n") {
				return fmt.Errorf("part %q must be one paragraph", p.Label)
			}
		}
	}
	for _, label := range required {
		if Find(parts, label) == "" {
			return fmt.Errorf("part %q is missing", label)
		}
	}
	return nil
}

// Find returns the text of the part labelled label, or "".
func Find(parts []Part, label string) string {
	for _, p := range parts {
		if p.Label == label {
			return p.Text
		}
	}
	return ""
}
