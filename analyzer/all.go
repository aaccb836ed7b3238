package analyzer

import (
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// AllUsage explains the suite's -all switch.
const AllUsage = "report every instance, also what the cost model leaves out by default: " +
	"settings of pools that die with their call, deliberate opt-outs such as SessionTicketsDisabled"

// ExpandAll rewrites the suite's switch -all (also --all, -all=<bool>) in
// a command line into the "all" flag of every check in as that has one
// (-keepalive.all=true ...). The x/tools drivers keep -all for itself, a
// legacy vet flag with no effect, so it cannot be a flag of its own.
func ExpandAll(args []string, as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range args {
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "all" {
			out = append(out, a)
			continue
		}
		if !hasVal {
			val = "true"
		}
		for _, c := range as {
			if c.Flags.Lookup("all") != nil {
				out = append(out, "-"+c.Name+".all="+val)
			}
		}
	}
	return out
}

// SetAll sets the "all" flag of every check in as that has one.
func SetAll(as []*analysis.Analyzer, on bool) error {
	for _, a := range as {
		if a.Flags.Lookup("all") != nil {
			if err := a.Flags.Set("all", strconv.FormatBool(on)); err != nil {
				return err
			}
		}
	}
	return nil
}
