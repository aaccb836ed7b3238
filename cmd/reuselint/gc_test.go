package main

import (
	"runtime/debug"
	"testing"
)

// TestTuneGC: only a go vet unit run without GOGC gets vetGCPercent.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "GOGC" {
				return v
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name string
		args []string
		gogc string
		want bool
	}{
		{"go vet unit run", []string{"/tmp/b001/vet.cfg"}, "", true},
		{"go vet unit run with flags", []string{"-keepalive", "/tmp/b001/vet.cfg"}, "", true},
		{"user chose GOGC", []string{"/tmp/b001/vet.cfg"}, "100", false},
		{"standalone", []string{"./..."}, "", false},
		{"help", []string{"help"}, "", false},
		{"no arguments", nil, "", false},
	} {
		debug.SetGCPercent(100)
		got := tuneGC(tc.args, env(tc.gogc))
		now := debug.SetGCPercent(100)
		if got != tc.want {
			t.Errorf("%s: tuneGC = %v, want %v", tc.name, got, tc.want)
		}
		if want := map[bool]int{true: vetGCPercent, false: 100}[tc.want]; now != want {
			t.Errorf("%s: GC percent %d, want %d", tc.name, now, want)
		}
	}
}
