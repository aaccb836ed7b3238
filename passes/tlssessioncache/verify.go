package tlssessioncache

import (
	"go/ast"

	"github.com/reuselint/reuselint/internal/nethttp"
)

// The security rule: a resumed session does not call
// VerifyPeerCertificate again (VerifyConnection runs on every
// connection), so a config that relies on VerifyPeerCertificate alone
// must not simply gain a cache, and its SessionTicketsDisabled stays.
// A session also keeps the client certificate it was authenticated
// with, so a cache shared by configs of different identities could
// resume one identity's session for another.

// settings is what a config ends up with, from its literal and from the
// assignments the analysis followed.
type settings struct {
	cache                  bool
	verifyPeer, verifyConn bool // callbacks set (non-nil)
	clientCert             bool // Certificates or GetClientCertificate set
	ticketsElt             int  // SessionTicketsDisabled: true in the literal, or -1
}

// settings merges the fields of o's literal (or its fact) with what the
// followed uses in total assign.
func (a *checker) settings(o origin, total *segment) settings {
	set := settings{
		cache:      total.cache,
		verifyPeer: total.verifyPeer,
		verifyConn: total.verifyConn,
		clientCert: total.clientCert,
		ticketsElt: -1,
	}
	switch {
	case o.lit != nil:
		for i, elt := range o.lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch name := keyName(kv); {
			case name == "ClientSessionCache":
				set.cache = true
			case name == "VerifyPeerCertificate" && !a.isNil(kv.Value):
				set.verifyPeer = true
			case name == "VerifyConnection" && !a.isNil(kv.Value):
				set.verifyConn = true
			case name == "Certificates", name == "GetClientCertificate" && !a.isNil(kv.Value):
				set.clientCert = true
			case name == "SessionTicketsDisabled" && nethttp.IsTrue(a.pass.TypesInfo, kv.Value):
				set.ticketsElt = i
			}
		}
	case o.fact != nil:
		set.verifyPeer = set.verifyPeer || o.fact.VerifyPeer
	}
	return set
}
