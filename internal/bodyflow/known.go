package bodyflow

import (
	"go/types"
)

// known lists standard-library functions that borrow a reader without
// ever closing or retaining ownership of it, keyed by full name, with
// what they do to it. Anything else that receives a body, and has no
// Fact, is assumed to take ownership.
var known = map[string]Effect{
	// Read to EOF.
	"io.ReadAll":               Reads | Drains,
	"io/ioutil.ReadAll":        Reads | Drains,
	"io.Copy":                  Reads | Drains,
	"io.CopyBuffer":            Reads | Drains,
	"(*bytes.Buffer).ReadFrom": Reads | Drains,
	"(*bufio.Writer).ReadFrom": Reads | Drains,
	"(*os.File).ReadFrom":      Reads | Drains,

	// Read part of it, or wrap it in a reader that reads on demand.
	"io.ReadFull":                   Reads,
	"io.ReadAtLeast":                Reads,
	"io.CopyN":                      Reads,
	"io.LimitReader":                Reads,
	"io.TeeReader":                  Reads,
	"io.MultiReader":                Reads,
	"bufio.NewReader":               Reads,
	"bufio.NewReaderSize":           Reads,
	"bufio.NewScanner":              Reads,
	"encoding/json.NewDecoder":      Reads,
	"encoding/xml.NewDecoder":       Reads,
	"encoding/gob.NewDecoder":       Reads,
	"encoding/csv.NewReader":        Reads,
	"encoding/base64.NewDecoder":    Reads,
	"encoding/hex.NewDecoder":       Reads,
	"compress/gzip.NewReader":       Reads,
	"compress/zlib.NewReader":       Reads,
	"compress/flate.NewReader":      Reads,
	"compress/bzip2.NewReader":      Reads,
	"compress/lzw.NewReader":        Reads,
	"archive/tar.NewReader":         Reads,
	"mime/multipart.NewReader":      Reads,
	"net/textproto.NewReader":       Reads,
	"image.Decode":                  Reads,
	"image.DecodeConfig":            Reads,
	"image/png.Decode":              Reads,
	"image/jpeg.Decode":             Reads,
	"image/gif.Decode":              Reads,
	"(*bufio.Reader).Reset":         Reads,
	"(*compress/gzip.Reader).Reset": Reads,

	// Neither read nor owned.
	"io.NopCloser":        0,
	"io/ioutil.NopCloser": 0,
}

// printers are the fmt and log functions: they format their operands
// and keep none of them.
var printers = map[string]bool{
	"fmt":      true,
	"log":      true,
	"log/slog": true,
}

// knownEffect returns the effect of the standard function fn on its
// argument, and whether fn is known at all.
func knownEffect(fn *types.Func) (Effect, bool) {
	if e, ok := known[fn.FullName()]; ok {
		return e, true
	}
	if fn.Pkg() != nil && printers[fn.Pkg().Path()] {
		return 0, true
	}
	return 0, false
}
