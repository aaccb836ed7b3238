package reusetrace_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/reuselint/reuselint/reusetrace"
)

// TestClientReusesConnections is the example test of docs/measure.md: it
// proves that a client keeps its connections alive.
func TestClientReusesConnections(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "hello")
	}))
	defer srv.Close()

	rec := reusetrace.New()
	client := rec.Wrap(srv.Client()) // or your own *http.Client
	for range 5 {
		resp, err := client.Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	rec.RequireReuse(t) // fails if any request after the first opened a new connection
}

func Example() {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "hello")
	}))
	defer srv.Close()

	rec := reusetrace.New()
	client := rec.Wrap(srv.Client())
	for range 3 {
		resp, err := client.Get(srv.URL)
		if err != nil {
			fmt.Println(err)
			return
		}
		resp.Body.Close() // closed before EOF: the connection is discarded
	}
	for _, r := range rec.Records() {
		fmt.Printf("#%d reused=%v\n", r.Seq, r.Reused)
	}
	fmt.Println(reusetrace.CheckReuse(rec.Records()) != nil)
	// Output:
	// #1 reused=false
	// #2 reused=false
	// #3 reused=false
	// true
}

// TestDocShowsExample keeps the example test of docs/measure.md the same as
// TestClientReusesConnections, which compiles and runs.
func TestDocShowsExample(t *testing.T) {
	readme, err := os.ReadFile("../docs/measure.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(src, []byte("func TestClientReusesConnections"))
	end := bytes.Index(src[start:], []byte("\n}\n"))
	if start < 0 || end < 0 {
		t.Fatal("TestClientReusesConnections not found in example_test.go")
	}
	if fn := src[start : start+end+3]; !bytes.Contains(readme, fn) {
		t.Errorf("docs/measure.md does not show TestClientReusesConnections as in example_test.go:\n%s", fn)
	}
}
