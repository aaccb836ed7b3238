// Package together is analyzed by both fake checks at once; the
// expectations are in TestWrapSuite, not in want comments.
package together

func bad()   {}
func worse() {}
func other() {}

func f() {
	bad()
	//reuselint:ignore fakea,fakeb only fakea has a finding here
	worse()
	//reuselint:ignore fakea,fakeb both have one
	bad()
	//reuselint:ignore fakea fakeb still reports
	bad()
	//reuselint:ignore fakea,fakeb
	bad()
}
