package a

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"helpers"
)

var client = &http.Client{}

// ---- true positives ----

// A success path: a missing resource is no error here.
func successPath(req *http.Request, v any) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `resp.Body is closed without being read when the function returns at line 31: net/http closes the connection instead of returning it to the pool`
	if resp.StatusCode == http.StatusNotFound {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func closeRightAway(url string) error {
	resp, err := http.Post(url, "text/plain", strings.NewReader("x"))
	if err != nil {
		return err
	}
	resp.Body.Close() // want `resp.Body is closed without being read: net/http closes`
	return nil
}

func closeInIfInit(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	if err := resp.Body.Close(); err != nil { // want `resp.Body is closed without being read`
		return err
	}
	return nil
}

// An error return after a status check: one connection per error
// response, reported only with -errorpaths.
func errorBranch(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		resp.Body.Close()
		return nil, errors.New("failed")
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func alias(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	b := resp.Body
	b.Close() // want `b is closed without being read`
}

func helperCloses(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return helpers.JustClose(resp.Body) // want `resp.Body is closed without being read`
}

func deferredHelper(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer helpers.JustClose(resp.Body) // want `resp.Body is closed without being read when the function ends at line 94`
}

// ---- traps: silent ----

func readThenClose(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func decoded(url string, v any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func drained(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer func() {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
}

func drainingHelper(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer helpers.DrainClose(resp)
}

func head(url string) {
	resp, err := http.Head(url)
	if err != nil {
		return
	}
	resp.Body.Close()
}

func headRequest(url string) {
	req, _ := http.NewRequest("HEAD", url, nil)
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}

func methodUnknown(method, url string) {
	req, _ := http.NewRequest(method, url, nil)
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}

func noContent(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNoContent {
		return nil
	}
	_, err = io.ReadAll(resp.Body)
	return err
}

func neverClosedIsNotThisCheck(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	_ = resp.StatusCode
}

func testServer() {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		return
	}
	resp.Body.Close()
}

func deferInLoop(urls []string) {
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		defer resp.Body.Close()
	}
}

func readOnEveryPath(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return errors.New(string(b))
	}
	return nil
}

func ownTransport(req *http.Request) {
	tr := &http.Transport{}
	go func() {
		resp, err := tr.RoundTrip(req)
		if err != nil {
			return
		}
		resp.Body.Close()
	}()
}

// A clone of a transport, used through a client literal of a variable:
// the pool dies with the function, as in net/http's ExampleProtocols_http1or2.
func ownClonedTransport() {
	t := http.DefaultTransport.(*http.Transport).Clone()
	cli := &http.Client{Transport: t}
	res, err := cli.Get("https://example.com/robots.txt")
	if err != nil {
		return
	}
	res.Body.Close()
}

// A Transport variable set on a client literal (net/http's transport_test.go:1837 shape).
func ownTransportVariable(req *http.Request) {
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr}
	res, err := c.Do(req)
	if err == nil {
		res.Body.Close()
	}
}

// A request built elsewhere and never read here may be a HEAD or a
// CONNECT (net/http clientserver_test.go:1012 closes CONNECT tunnels
// this way): nothing to drain.
func requestFromTable(reqs []*http.Request) {
	for _, req := range reqs {
		res, err := client.Do(req)
		if err != nil {
			continue
		}
		res.Body.Close()
	}
}

// A CONNECT response's body is the tunnel: draining it would block.
func connectTunnel() error {
	req, err := http.NewRequest(http.MethodConnect, "https://proxy.example:3128", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// ---- paths where the function carries on as normal ----

func statusOnly(url string) bool {
	resp, err := http.Get(url)
	if err != nil {
		return false
	}
	resp.Body.Close() // want `resp.Body is closed without being read: net/http closes`
	return resp.StatusCode == http.StatusOK
}

// Every retry throws a connection away, just when the server struggles.
func retryLoop(url string) ([]byte, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		resp, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusServiceUnavailable && attempt < 3 {
			resp.Body.Close() // want `resp.Body is closed without being read`
			time.Sleep(time.Second)
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("status %s", resp.Status)
		}
		return io.ReadAll(resp.Body)
	}
}

// ---- error paths: silent by default ----

func errorAfterStatus(name, url string, v any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", name, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

type apiError struct{ code int }

func (e *apiError) Error() string { return "api error" }

func errorValue(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return 0, &apiError{resp.StatusCode}
	}
	defer resp.Body.Close()
	var n int
	err = json.NewDecoder(resp.Body).Decode(&n)
	return n, err
}

func panics(url string) []byte {
	resp, err := http.Get(url)
	if err != nil {
		panic(err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		panic(resp.Status)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

func fatal(url string) []byte {
	resp, err := http.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		log.Fatalf("status %s", resp.Status)
	}
	b, _ := io.ReadAll(resp.Body)
	return b
}

// ---- the connection is not for the pool ----

func connectionClose(url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Connection", "close")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func requestClose(url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Close = true
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// The non-101 answer to a WebSocket handshake: the request was never
// one for the pool.
func upgrade(url string) (io.ReadWriteCloser, bool) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, false
	}
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "websocket")
	resp, err := client.Do(req)
	if err != nil {
		return nil, false
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		resp.Body.Close()
		return nil, false
	}
	rwc, _ := resp.Body.(io.ReadWriteCloser)
	return rwc, true
}

// A Transport the function builds and installs by assignment: its pool
// dies with the function.
func ownTransportAssigned(url string) {
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	c := &http.Client{Timeout: time.Second}
	c.Transport = tr
	resp, err := c.Get(url)
	if err != nil {
		return
	}
	resp.Body.Close()
}

// A test helper outside a _test.go file: reported only with -tests.
func checkUp(t *testing.T, url string) {
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// Reads the body on errors only, and returns a bare nil on success: the
// answer is a 204 (a DELETE, a ping), with nothing to drain.
func deleteThing(url string) error {
	req, err := http.NewRequest(http.MethodDelete, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode > 299 {
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		return errors.New(string(b))
	}
	return nil
}

// The error of os.Create is an error return, though err is later
// assigned the error of reading the body.
func download(url, dest string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	f, err := os.Create(dest)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, resp.Body)
	return err
}
