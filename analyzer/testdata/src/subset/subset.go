package subset

func bad() {}

func f() {
	//reuselint:ignore fakebb a typo of the check that does not run // want `^reuselint:ignore directive names "fakebb", which is not a check; the closest is fakeb \(fakea\)$`
	bad() // want `^bad called \(fakea\)$`
}
