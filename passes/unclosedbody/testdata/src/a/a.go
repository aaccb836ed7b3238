package a

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"

	"helpers"
)

var client = &http.Client{}

// ---- true positives ----

func statusBeforeDefer(url string) error {
	resp, err := client.Get(url) // want `resp.Body is not closed on the return at line 25: its connection stays busy and is never reused`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(new(any))
}

func neverClosed(url string) (int, error) {
	resp, err := http.Get(url) // want `resp.Body is not closed on the return at line 36`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func dropped(url string) error {
	_, err := http.Get(url) // want `response of http.Get is discarded, so its body is never closed`
	return err
}

func droppedStatement(req *http.Request) {
	client.Do(req) // want `response of client.Do is discarded`
}

func deferInLoop(urls []string) {
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		defer resp.Body.Close() // want `resp.Body is closed by a defer inside the loop, which runs only when the function returns`
	}
}

func oneBranch(url string, verbose bool) {
	resp, err := http.Get(url) // want `resp.Body is not closed when the function ends at line 67`
	if err != nil {
		return
	}
	if verbose {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func loopLeak(req *http.Request) {
	for i := 0; i < 3; i++ {
		resp, err := client.Do(req) // want `resp.Body is not closed before the next iteration calls client.Do again`
		if err != nil {
			continue
		}
		if resp.StatusCode == http.StatusOK {
			resp.Body.Close()
			return
		}
	}
}

func reassigned(a, b string) error {
	resp, err := http.Get(a) // want `resp.Body is not closed before resp is reassigned at line 87`
	if err != nil {
		return err
	}
	resp, err = http.Get(b)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func borrowingHelperOnly(url string) byte {
	resp, err := http.Get(url) // want `resp.Body is not closed`
	if err != nil {
		return 0
	}
	return helpers.Peek(resp.Body)
}

func errOrStatus(url string) error {
	resp, err := http.Get(url) // want `resp.Body is not closed on the return at line 106`
	if err != nil || resp.StatusCode != http.StatusOK {
		return errors.New("failed")
	}
	resp.Body.Close()
	return nil
}

// ---- traps: silent ----

func closedRight(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	return nil
}

func closeHelper(resp *http.Response) {
	if resp.Body != nil {
		resp.Body.Close()
	}
}

func helperSamePackage(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer closeHelper(resp)
}

func helperOtherPackage(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer helpers.CloseResponse(resp)
	return nil
}

func drainHelperOtherPackage(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return helpers.DrainAndClose(resp.Body)
}

func deferredClosureArg(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer func(b io.ReadCloser) {
		if err := b.Close(); err != nil {
			log.Print(err)
		}
	}(resp.Body)
}

func deferredClosureCapture(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer func() {
		_ = resp.Body.Close()
	}()
}

func closeAfterIf(url string, a bool) error {
	var resp *http.Response
	var err error
	if a {
		resp, err = http.Get(url)
		if err != nil {
			return err
		}
	} else {
		resp = &http.Response{Body: http.NoBody}
	}
	defer resp.Body.Close()
	return nil
}

func aliasOutsideIf(url string) {
	var rc io.ReadCloser
	if true {
		resp, err := http.Get(url)
		if err != nil {
			return
		}
		rc = resp.Body
	}
	defer rc.Close()
}

func alias(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	b := resp.Body
	defer b.Close()
}

type gzipBody struct{ io.ReadCloser }

func wrapperReplacesBody(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	resp.Body = gzipBody{resp.Body}
	defer resp.Body.Close()
}

func returnedAfterStatus(url string) (*http.Response, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return resp, fmt.Errorf("status %s", resp.Status)
	}
	return resp, nil
}

func returnsBody(url string) (io.ReadCloser, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

type holder struct{ resp *http.Response }

var global *http.Response

func storedInField(h *holder, url string) {
	var err error
	h.resp, err = http.Get(url)
	_ = err
}

func storedLater(h *holder, m map[string]*http.Response, s []*http.Response, url string) {
	r1, err := http.Get(url)
	if err != nil {
		return
	}
	h.resp = r1
	r2, err := http.Get(url)
	if err != nil {
		return
	}
	m[url] = r2
	r3, err := http.Get(url)
	if err != nil {
		return
	}
	s = append(s, r3)
	r4, err := http.Get(url)
	if err != nil {
		return
	}
	global = r4
	_ = s
}

func sentOnChannel(ch chan<- *http.Response, url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	ch <- resp
}

func unknownFunction(handle func(*http.Response), url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	handle(resp)
}

type handler interface{ Handle(io.Reader) }

func interfaceMethod(h handler, url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	h.Handle(resp.Body)
}

func keptByHelper(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	helpers.Keep(resp.Body)
}

func recorder() {
	w := httptest.NewRecorder()
	resp := w.Result()
	_, _ = io.ReadAll(resp.Body)
}

func testServer() {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		return
	}
	_ = resp.StatusCode
	req, _ := http.NewRequest("GET", srv.URL+"/x", nil)
	resp2, err := http.DefaultClient.Do(req)
	if err != nil {
		return
	}
	_ = resp2
}

func closurePerIteration(urls []string) {
	for _, u := range urls {
		func() {
			resp, err := http.Get(u)
			if err != nil {
				return
			}
			defer resp.Body.Close()
		}()
	}
}

func nilCheckFirst(url string) error {
	resp, err := http.Get(url)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return err
	}
	return nil
}

func closureVar(url string) {
	res, _ := http.Get(url)
	closer := func(c io.Closer) { c.Close() }
	closer(res.Body)
}

func helperEachBranch(urls chan string, done chan bool) bool {
	for {
		select {
		case <-done:
			return false
		case u := <-urls:
			response, err := http.Get(u)
			if err != nil {
				continue
			}
			if response.StatusCode == http.StatusOK {
				closeBody(response.Body)
				return true
			}
			closeBody(response.Body)
		}
	}
}

func closeBody(b io.Closer) {
	if err := b.Close(); err != nil {
		log.Print(err)
	}
}

func headNotReported(url string) int {
	resp, err := http.Head(url)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func headRequest(url string) int {
	req, _ := http.NewRequest(http.MethodHead, url, nil)
	resp, err := client.Do(req)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func fatalOnError(url string) {
	resp, err := http.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	if resp.StatusCode != 200 {
		log.Fatalf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
}

func goroutine(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	go func() {
		defer resp.Body.Close()
		io.Copy(io.Discard, resp.Body)
	}()
}

type myResp struct{ resp *http.Response }

func (r *myResp) Response() *http.Response { return r.resp }

func fieldThenMethod(url string) {
	tmp := &myResp{}
	var err error
	tmp.resp, err = http.Get(url)
	if err != nil {
		fmt.Println(err)
	}
	defer tmp.Response().Body.Close()
}

func readThenReplace(url string) (*http.Response, error) {
	r, err := http.DefaultClient.Get(url)
	if err != nil {
		return r, err
	}
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		return r, err
	}
	r.Body.Close()
	r.Body = io.NopCloser(nil)
	_ = raw
	return r, nil
}

func switchOnErr(url string) error {
	resp, err := http.Get(url)
	switch {
	case err != nil:
		return err
	case resp.StatusCode != 200:
		resp.Body.Close()
		return errors.New("bad status")
	}
	defer resp.Body.Close()
	return nil
}

func closedInLoopBody(urls []string) {
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func respNotNilCheck(url string) {
	resp, err := http.Get(url)
	if err == nil && resp != nil {
		defer resp.Body.Close()
	}
}

func printed(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	fmt.Println(resp)
}

// Read to EOF: net/http returns the connection to the pool without Close.
func readAllNoClose(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// A Transport of its own: its pool dies with the function.
func ownTransport(req *http.Request) error {
	t := &http.Transport{}
	defer t.CloseIdleConnections()
	_, err := t.RoundTrip(req)
	c := &http.Client{Transport: &http.Transport{}}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	_ = resp
	return err
}

var srv = httptest.NewServer(nil)

func queryTestServer(endpoint string) error {
	url := srv.URL + endpoint
	r, err := http.Get(url)
	if err != nil {
		return err
	}
	if r.StatusCode != http.StatusOK {
		return errors.New(r.Status)
	}
	r.Body.Close()
	return nil
}

func retry(c *http.Client, req *http.Request) error {
	var resp *http.Response
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		resp, err = c.Do(req)
		if err == nil && resp.StatusCode < 500 {
			break
		}
		if resp != nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func closerInterface(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	var c io.Closer = resp.Body
	defer c.Close()
}

func joinedClose(url string) (err error) {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, resp.Body.Close()) }()
	return nil
}
