// Package sariftest checks SARIF logs in tests: against the official
// SARIF 2.1.0 JSON schema, then against the few rules the schema cannot
// express that GitHub code scanning relies on.
//
// Only tests import it, so its JSON Schema library never reaches the
// reuselint binary or the golangci-lint plugin (cmd/reuselint's
// TestTestOnlyDeps checks that with go version -m).
package sariftest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaJSON is the OASIS SARIF 2.1.0 schema (errata 01,
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
// copied from github.com/owenrumney/go-sarif/v3@v3.3.1, which ships it
// for its own Validate.
//
//go:embed sarif-schema-2.1.0.json
var schemaJSON []byte

const schemaURL = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

var schema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri, uri-reference, date-time...
	if err := c.AddResource(schemaURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(schemaURL)
})

// Validate checks a SARIF log as written (JSON) against the SARIF 2.1.0
// schema, then checks what the schema cannot say:
//   - every result's ruleId names a rule of the driver, and its ruleIndex
//     (if any) is that rule's index; rule ids are unique;
//   - every result has a location (code scanning rejects results without);
//   - an artifact URI with a uriBaseId is relative and stays below it, and
//     the run defines the base in originalUriBaseIds as an absolute URI
//     ending in "/" (SARIF §3.4.4, §3.14.14); one without is absolute;
//   - a region does not end before it starts.
//
// It returns every violation found, joined.
func Validate(data []byte) error {
	sch, err := schema()
	if err != nil {
		return fmt.Errorf("compiling the SARIF schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("SARIF 2.1.0 schema: %v", err)
	}
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		return err
	}
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	for i, run := range log.Runs {
		p := fmt.Sprintf("runs[%d]", i)
		rules := make(map[string]int)
		for j, r := range run.Tool.Driver.Rules {
			if _, dup := rules[r.ID]; dup {
				fail("%s.tool.driver.rules[%d].id: %q used by two rules", p, j, r.ID)
			}
			rules[r.ID] = j
		}
		for name, b := range run.OriginalURIBaseIDs {
			if u, err := url.Parse(b.URI); err != nil || !u.IsAbs() || !strings.HasSuffix(u.Path, "/") {
				fail("%s.originalUriBaseIds.%s.uri: %q is not an absolute URI ending in /", p, name, b.URI)
			}
		}
		for j, r := range run.Results {
			rp := fmt.Sprintf("%s.results[%d]", p, j)
			idx, known := rules[r.RuleID]
			if !known {
				fail("%s.ruleId: %q is not a rule of the driver", rp, r.RuleID)
			}
			if r.RuleIndex != nil && (!known || *r.RuleIndex != idx) {
				fail("%s.ruleIndex: %d does not index rule %q", rp, *r.RuleIndex, r.RuleID)
			}
			if len(r.Locations) == 0 {
				fail("%s.locations: want at least one", rp)
			}
			check := func(where string, loc artifactLocation, reg *region) {
				u, err := url.Parse(loc.URI)
				switch {
				case err != nil:
					// The schema checked the uri-reference format.
				case loc.URIBaseID != "":
					if _, ok := run.OriginalURIBaseIDs[loc.URIBaseID]; !ok {
						fail("%s.artifactLocation.uriBaseId: %q is not in originalUriBaseIds", where, loc.URIBaseID)
					}
					if u.IsAbs() || strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "../") {
						fail("%s.artifactLocation.uri: %q must be relative to its uriBaseId", where, loc.URI)
					}
				case !u.IsAbs():
					fail("%s.artifactLocation.uri: %q is relative but has no uriBaseId", where, loc.URI)
				}
				if reg != nil && reg.ends() < reg.starts() {
					fail("%s.region: ends before it starts", where)
				}
			}
			for k, l := range append(r.Locations, r.RelatedLocations...) {
				check(fmt.Sprintf("%s.locations[%d].physicalLocation", rp, k), l.PhysicalLocation.ArtifactLocation, l.PhysicalLocation.Region)
			}
			for k, f := range r.Fixes {
				for m, c := range f.ArtifactChanges {
					for n, rep := range c.Replacements {
						check(fmt.Sprintf("%s.fixes[%d].artifactChanges[%d].replacements[%d]", rp, k, m, n), c.ArtifactLocation, &rep.DeletedRegion)
					}
				}
			}
		}
	}
	return errors.Join(errs...)
}

// The parts of a log the checks above read.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID string `json:"id"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Results []struct {
			RuleID           string     `json:"ruleId"`
			RuleIndex        *int       `json:"ruleIndex"`
			Locations        []location `json:"locations"`
			RelatedLocations []location `json:"relatedLocations"`
			Fixes            []struct {
				ArtifactChanges []struct {
					ArtifactLocation artifactLocation `json:"artifactLocation"`
					Replacements     []struct {
						DeletedRegion region `json:"deletedRegion"`
					} `json:"replacements"`
				} `json:"artifactChanges"`
			} `json:"fixes"`
		} `json:"results"`
	} `json:"runs"`
}

type location struct {
	PhysicalLocation struct {
		ArtifactLocation artifactLocation `json:"artifactLocation"`
		Region           *region          `json:"region"`
	} `json:"physicalLocation"`
}

type artifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

// region is a text region (1-based lines and columns; an absent end is
// the start) or a binary one (byte offsets).
type region struct {
	StartLine   *int `json:"startLine"`
	StartColumn *int `json:"startColumn"`
	EndLine     *int `json:"endLine"`
	EndColumn   *int `json:"endColumn"`
	ByteOffset  *int `json:"byteOffset"`
	ByteLength  *int `json:"byteLength"`
}

// starts and ends return comparable positions of the region's start and
// end (line, column packed; or the byte offsets).
func (r *region) starts() int {
	if r.ByteOffset != nil {
		return *r.ByteOffset
	}
	return pack(or(r.StartLine, 0), or(r.StartColumn, 1))
}

func (r *region) ends() int {
	if r.ByteOffset != nil {
		return *r.ByteOffset + or(r.ByteLength, 0)
	}
	line := or(r.EndLine, or(r.StartLine, 0))
	col := or(r.EndColumn, 1<<20) // an absent endColumn is the end of the line
	if r.EndLine == nil && r.EndColumn == nil {
		col = or(r.StartColumn, 1)
	}
	return pack(line, col)
}

func pack(line, col int) int { return line<<21 | col }

func or(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}
