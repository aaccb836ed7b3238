package nethttp

import (
	"go/ast"
	"go/types"
)

// SMTP is net/smtp, whose Client.StartTLS upgrades a mail connection.
const SMTP = "net/smtp"

// connConfigArgs are the functions and methods outside crypto/tls that
// start or upgrade one client connection with the *tls.Config argument
// at the index given, keyed "pkgpath.Func" or "pkgpath.Type.Method": the
// STARTTLS of mail, directory and IMAP clients, and their one-connection
// TLS dials. A mail sender or an LDAP login calls them once per message
// or per bind, against the same server.
var connConfigArgs = map[string]int{
	SMTP + ".Client.StartTLS":                              0,
	"github.com/emersion/go-smtp.Client.StartTLS":          0, // before v0.22
	"github.com/emersion/go-smtp.DialTLS":                  1,
	"github.com/emersion/go-smtp.DialStartTLS":             1,
	"github.com/emersion/go-smtp.NewClientStartTLS":        1,
	"github.com/wneessen/go-mail/smtp.Client.StartTLS":     0, // go-mail's fork of net/smtp
	"github.com/go-ldap/ldap/v3.Conn.StartTLS":             0,
	"github.com/go-ldap/ldap/v3.DialTLS":                   2,
	"gopkg.in/ldap.v3.Conn.StartTLS":                       0,
	"gopkg.in/ldap.v3.DialTLS":                             2,
	"github.com/emersion/go-imap/client.Client.StartTLS":   0,
	"github.com/emersion/go-imap/client.DialTLS":           1,
	"github.com/emersion/go-imap/client.DialWithDialerTLS": 2,
}

// ConnTLSConfigArg returns the index of the argument of fn that is the
// *tls.Config of one client connection, or -1: tls.Dial, tls.DialWithDialer
// and tls.Client start one client handshake with it, and the functions of
// connConfigArgs ((*smtp.Client).StartTLS, ldap's (*Conn).StartTLS, ...)
// one connection each. A config built for such a call serves that
// connection only.
func ConnTLSConfigArg(fn *types.Func) int {
	switch {
	case IsFunc(fn, TLS, "Dial"):
		return 2
	case IsFunc(fn, TLS, "DialWithDialer"):
		return 3
	case IsFunc(fn, TLS, "Client"):
		return 1
	}
	name, ok := MemberName(fn)
	if !ok {
		return -1
	}
	idx, ok := connConfigArgs[fn.Pkg().Path()+"."+name]
	// Another version of the module may have moved the argument.
	if !ok || idx >= fn.Signature().Params().Len() || !IsTLSConfig(fn.Signature().Params().At(idx).Type()) {
		return -1
	}
	return idx
}

// IsStartTLS reports whether fn upgrades an existing client connection
// to TLS (a StartTLS method of connConfigArgs): the client goes on over
// the new connection, so it always carries data.
func IsStartTLS(fn *types.Func) bool {
	return fn != nil && fn.Name() == "StartTLS" && fn.Signature().Recv() != nil && ConnTLSConfigArg(fn) == 0
}

// IsServerTLSConfigArg reports whether argument idx of fn is the config
// of a TLS server (tls.Server, tls.NewListener, tls.Listen): session
// caches there are the server's business.
func IsServerTLSConfigArg(fn *types.Func, idx int) bool {
	switch {
	case IsFunc(fn, TLS, "Server"), IsFunc(fn, TLS, "NewListener"):
		return idx == 1
	case IsFunc(fn, TLS, "Listen"):
		return idx == 2
	}
	return false
}

// IsTLSDialMethod reports whether fn is (*tls.Dialer).Dial or
// DialContext, which start one client connection with the Dialer's
// Config.
func IsTLSDialMethod(fn *types.Func) bool {
	return IsMethod(fn, TLS, "Dialer", "Dial") || IsMethod(fn, TLS, "Dialer", "DialContext")
}

// IsNewTLSConfig reports whether call is new(tls.Config): a zero client
// config, as fresh as an empty literal.
func IsNewTLSConfig(info *types.Info, call *ast.CallExpr) bool {
	return IsNew(info, call) && len(call.Args) == 1 &&
		IsNamed(info.TypeOf(call.Args[0]), TLS, "Config")
}

// IsFreshTLSConfig reports whether e (parentheses and one & aside) builds
// a new tls.Config on the spot: a composite literal or new(tls.Config).
func IsFreshTLSConfig(info *types.Info, e ast.Expr) bool {
	switch e := Unaddr(e).(type) {
	case *ast.CompositeLit:
		return IsNamed(info.TypeOf(e), TLS, "Config")
	case *ast.CallExpr:
		return IsNewTLSConfig(info, e)
	}
	return false
}

// probeConnMethods are the methods of *tls.Conn that handshake, inspect
// or close a connection without exchanging application data.
var probeConnMethods = map[string]bool{
	"Close": true, "CloseWrite": true, "ConnectionState": true, "Handshake": true,
	"HandshakeContext": true, "OCSPResponse": true, "VerifyHostname": true,
	"SetDeadline": true, "SetReadDeadline": true, "SetWriteDeadline": true,
	"LocalAddr": true, "RemoteAddr": true, "NetConn": true,
}

// IsProbeConnMethod reports whether a call of the method name on a TLS
// connection only handshakes, inspects or closes it. A connection used
// only so is a one-shot probe (client-go's GetClientCANames reads the CA
// names a server asks for): it needs a full handshake, not a session.
func IsProbeConnMethod(name string) bool { return probeConnMethods[name] }
