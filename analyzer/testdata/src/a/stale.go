package a

//reuselint:file-ignore fakea nothing to suppress here // want `^reuselint:file-ignore directive suppresses no fakea finding in this file; remove it \(fakea\)$`

func stale() {
	x := 1

	//reuselint:ignore fakea stale between blank lines // want `^reuselint:ignore directive suppresses no fakea finding on the next line; remove it \(fakea\)$`

	_ = x // reuselint:ignore is only a directive without the space
	_ = x //reuselint:ignore fakea stale trailing // want `^reuselint:ignore directive suppresses no fakea finding on this line; remove it \(fakea\)$`
}
