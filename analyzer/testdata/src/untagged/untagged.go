package untagged

func bad() {}

func f() {
	bad() // want `^bad called$`

	//reuselint:ignore fakea reason // want `^reuselint:ignore directive suppresses no fakea finding on the next line; remove it$`
	_ = 1
}
