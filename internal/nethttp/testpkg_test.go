package nethttp

import "testing"

func TestIsTestPackage(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/hashicorp/nomad/api/internal/testutil":         true,
		"github.com/prometheus/client_golang/prometheus/testutil":  true,
		"example.com/x/testing/fake":                               true,
		"github.com/x/latest":                                      false,
		"github.com/x/contest/testutility":                         false,
		"github.com/redis/go-redis/v9/maintnotifications/e2e":      true,
		"github.com/x/e2ee/crypto":                                 false,
		"github.com/google/go-containerregistry/internal/httptest": true,
		"github.com/x/httptestify":                                 false,
		"net/http/httptest":                                        true,
		"net/http/httputil":                                        false,
		"testing":                                                  false,
		"github.com/slack-go/slack":                                false,
	} {
		if got := IsTestPackage(path); got != want {
			t.Errorf("IsTestPackage(%q) = %v, want %v", path, got, want)
		}
	}
}
