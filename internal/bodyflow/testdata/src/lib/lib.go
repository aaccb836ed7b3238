package lib // want package:"bodyHelpers"

import (
	"encoding/json"
	"io"
	"net/http"
)

func Close(resp *http.Response) { // want Close:"closesBody\\(resp\\)"
	resp.Body.Close()
}

func DeferClose(resp *http.Response) error { // want DeferClose:"closesBody\\(resp\\)"
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return nil
	}
	return nil
}

func Drain(b io.ReadCloser) { // want Drain:"drainsBody\\(b\\)"
	io.Copy(io.Discard, b)
	b.Close()
}

func DecodeAndClose(b io.ReadCloser, v any) error { // want DecodeAndClose:"readsAndClosesBody\\(b\\)"
	defer b.Close()
	return json.NewDecoder(b).Decode(v)
}

func ReadAll(r io.Reader) ([]byte, error) { // want ReadAll:"readsAllBody\\(r\\)"
	return io.ReadAll(r)
}

func Peek(r io.Reader) { // want Peek:"readsBody\\(r\\)"
	var b [1]byte
	r.Read(b[:])
}

func Status(resp *http.Response) int { // want Status:"borrowsBody\\(resp\\)"
	return resp.StatusCode
}

func Sometimes(resp *http.Response) { // want Sometimes:"keepsBody\\(resp\\)"
	if resp.StatusCode != 200 {
		resp.Body.Close()
	}
}

var kept []io.Closer

func Keep(c io.Closer) { // want Keep:"keepsBody\\(c\\)"
	kept = append(kept, c)
}

func NilSafe(resp *http.Response) { // want NilSafe:"closesBody\\(resp\\)"
	if resp == nil || resp.Body == nil {
		return
	}
	resp.Body.Close()
}

func Via(resp *http.Response) { // want Via:"closesBody\\(resp\\)"
	Close(resp)
}

func Two(a io.Reader, b io.Closer, n int) { // want Two:"readsBody\\(a\\) closesBody\\(b\\)"
	Peek(a)
	b.Close()
}

func Recursive(resp *http.Response, n int) { // want Recursive:"keepsBody\\(resp\\)"
	if n > 0 {
		Recursive(resp, n-1)
		return
	}
	resp.Body.Close()
}

func Get(url string) (*http.Response, error) { // want Get:"returnsResponse"
	return http.Get(url)
}

func Fetch(c *http.Client, req *http.Request) (*http.Response, error) { // want Fetch:"returnsResponse"
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == 999 {
		return nil, nil // leaks, reported in Fetch itself
	}
	return resp, nil
}

func Again(url string) (*http.Response, error) { // want Again:"returnsResponse"
	return Get(url)
}

// ReadNoOp reads and closes the body and returns a copy: not fresh.
func ReadNoOp(url string) (*http.Response, error) {
	r, err := http.Get(url)
	if err != nil {
		return r, err
	}
	raw, err := io.ReadAll(r.Body)
	r.Body.Close()
	r.Body = io.NopCloser(nil)
	_ = raw
	return r, nil
}

// Stored keeps a copy: not fresh.
func Stored(url string) (*http.Response, error) {
	r, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	last = r
	return r, nil
}

var last *http.Response
