//reuselint:file-ignore fakea,fakeb this file may call bad and worse

package a

func fileIgnored() {
	bad()
	worse()
}
