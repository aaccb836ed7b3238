package analyzer

import (
	"slices"
	"testing"
)

func TestExpandAll(t *testing.T) {
	for _, c := range []struct{ in, want []string }{
		{[]string{"reuselint", "-all", "./..."}, []string{"reuselint", "-keepalive.all=true", "-tlssessioncache.all=true", "-transportdefaults.all=true", "-unclosedbody.all=true", "-undrainedbody.all=true", "./..."}},
		{[]string{"reuselint", "--all=false", "x"}, []string{"reuselint", "-keepalive.all=false", "-tlssessioncache.all=false", "-transportdefaults.all=false", "-unclosedbody.all=false", "-undrainedbody.all=false", "x"}},
		{[]string{"reuselint", "-allx", "-keepalive.all", "all"}, []string{"reuselint", "-allx", "-keepalive.all", "all"}},
	} {
		if got := ExpandAll(c.in, Suite); !slices.Equal(got, c.want) {
			t.Errorf("ExpandAll(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
