package b

func bad()   {}
func worse() {}
func other() {}

func findings() {
	bad()   // want `^bad called \(fakeb\)$`
	other() // want `^other called \(fakeb\)$`
	worse() // fakeb does not report worse

	//reuselint:ignore fakea,fakeb both silenced
	bad()

	//reuselint:ignore fakea only fakea is silenced
	other() // want `^other called \(fakeb\)$`

	//reuselint:ignore fakeb2 reason // want `^reuselint:ignore directive names "fakeb2", which is not a check; the closest is fakeb \(fakeb\)$`
	other() // want `^other called \(fakeb\)$`

	//reuselint:ignore fakeaa not fakeb's to report
	other() // want `^other called \(fakeb\)$`
}
