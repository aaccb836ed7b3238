package flags

func bad()   {}
func worse() {}

func f() {
	bad()   // -funcs=worse: not reported
	worse() // want `^worse called \(fakea\)$`
}
