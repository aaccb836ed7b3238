package pools

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var versionElem = regexp.MustCompile(`/v[0-9]+`)

// TestCatalogDocumented checks that clientperrequest's page names every
// package and constructor of the catalog: adding a driver is one entry
// here and a few words there, and this test says when the words are
// missing. A path may be written with its major version apart ("its
// /v8", "and /v4").
func TestCatalogDocumented(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "passes", "clientperrequest", "doc.go"))
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Join(strings.Fields(strings.ReplaceAll(string(src), "//", " ")), " ")
	for path, members := range catalog {
		if !strings.Contains(doc, path) {
			// Written with its version apart: the path up to the version
			// element, then "/v8" or "/v4/pgxpool".
			loc := versionElem.FindStringIndex(path)
			if loc == nil || !strings.Contains(doc, path[:loc[0]]) ||
				!strings.Contains(doc, path[loc[0]:]) && !strings.Contains(doc, path[loc[0]:loc[1]]) {
				t.Errorf("catalog package %s is not in clientperrequest's doc", path)
			}
		}
		for name := range members {
			if typ, method, ok := strings.Cut(name, "."); ok {
				name = "(*" + typ + ")." + method
			}
			if !strings.Contains(doc, name) {
				t.Errorf("catalog constructor %s.%s is not in clientperrequest's doc", path, name)
			}
		}
	}
}
