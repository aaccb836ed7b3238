package upgrade

import (
	"crypto/tls"

	"github.com/go-ldap/ldap/v3"
)

var ldapTLS = &tls.Config{ClientSessionCache: tls.NewLRUClientSessionCache(0)}

func loginShared(url, user, pass string) error {
	l, err := ldap.DialURL(url)
	if err != nil {
		return err
	}
	defer l.Close()
	if err := l.StartTLS(ldapTLS); err != nil { // trap: one cache for every login
		return err
	}
	return l.Bind(user, pass)
}

func loginWith(url string, cfg *tls.Config) error {
	l, err := ldap.DialURL(url)
	if err != nil {
		return err
	}
	defer l.Close()
	return l.StartTLS(cfg) // trap: the caller's config
}

// probeLDAPS dials and closes: the handshake is all it wants.
func probeLDAPS(addr string) error {
	l, err := ldap.DialTLS("tcp", addr, &tls.Config{}) // trap: a one-shot probe
	if err != nil {
		return err
	}
	return l.Close()
}
