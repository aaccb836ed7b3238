// Package a gives the floor something to type-check; it must report
// nothing here.
package a

import "net/http"

func Get(u string) error {
	_, err := http.Get(u) // a real leak, but the floor looks at nothing
	return err
}
