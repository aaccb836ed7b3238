package main

import (
	"fmt"
	"net/http"
	"os"
)

// Returning from main ends the process: nothing to reuse after that.
func main() {
	resp, err := http.Get(os.Args[1])
	if err != nil {
		return
	}
	fmt.Println(resp.Status)
	for _, u := range os.Args[2:] {
		r, err := http.Get(u) // want `r.Body is not closed before the next iteration calls http.Get again`
		if err != nil {
			continue
		}
		fmt.Println(r.Status)
	}
}

func notMain(u string) {
	resp, err := http.Get(u) // want `resp.Body is not closed when the function ends`
	if err != nil {
		return
	}
	fmt.Println(resp.Status)
}
