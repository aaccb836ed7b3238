package a

func bad()   {}
func worse() {}
func other() {}

func findings() {
	bad() // want `^bad called \(fakea\)$`

	//reuselint:ignore fakea bad is what this test is about
	bad()

	bad() //reuselint:ignore fakea a trailing directive covers its own line

	//reuselint:ignore fakeb,fakea either check may name it, in any order
	worse()

	//reuselint:ignore fakeb only fakeb is silenced
	bad() // want `^bad called \(fakea\)$`

	other() // fakea does not report other
}

func trailingCoversOnlyItsLine() {
	_ = 1 //reuselint:ignore fakea reason // want `^reuselint:ignore directive suppresses no fakea finding on this line; remove it \(fakea\)$`
	bad() // want `^bad called \(fakea\)$`
}

func ownLineCoversOnlyTheNextLine() {
	//reuselint:ignore fakea reason // want `^reuselint:ignore directive suppresses no fakea finding on the next line; remove it \(fakea\)$`

	bad() // want `^bad called \(fakea\)$`
}

func malformed() {
	bad() /* want `^reuselint:ignore directive needs a reason after the check names \(fakea\)$` `^bad called \(fakea\)$` */ //reuselint:ignore fakea

	//reuselint:ignore fakeaa typo in the name // want `^reuselint:ignore directive names "fakeaa", which is not a check; the closest is fakea \(fakea\)$`
	bad() // want `^bad called \(fakea\)$`

	//reuselint:ignroe fakea reason // want `^unknown directive reuselint:ignroe; use reuselint:ignore or reuselint:file-ignore \(fakea\)$`
	bad() // want `^bad called \(fakea\)$`

	bad() /* want `^reuselint:ignore directive needs check names and a reason \(fakea\)$` `^bad called \(fakea\)$` */ //reuselint:ignore

	//reuselint:ignore fakea,,fakeb reason // want `^reuselint:ignore directive has an empty check name; separate names with commas only \(fakea\)$`
	bad()

	// reuselint:ignore fakea with a space it is an ordinary comment
	bad() // want `^bad called \(fakea\)$`
}

func staleWithOthers() {
	//reuselint:ignore fakea,fakeb reason // want `^reuselint:ignore directive suppresses no fakea finding on the next line; remove fakea from it \(fakea\)$`
	other()
}
