package main

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// The floor must make go vet run it on every dependency (one fact type)
// and must not report anything, or it would stop being a floor.
func TestFloor(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{Analyzer}); err != nil {
		t.Fatal(err)
	}
	if n := len(Analyzer.FactTypes); n != 1 {
		t.Errorf("floor declares %d fact types, want 1", n)
	}
	if len(Analyzer.Requires) != 0 {
		t.Errorf("floor requires %v, want nothing: its cost must be loading and type-checking alone", Analyzer.Requires)
	}
	analysistest.Run(t, analysistest.TestData(), Analyzer, "a")
}
