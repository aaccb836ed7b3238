// Package aws is a stub of github.com/aws/aws-sdk-go/aws.
package aws

import "net/http"

type Config struct {
	Region     *string
	HTTPClient *http.Client
}

func String(v string) *string { return &v }

func (c *Config) WithHTTPClient(client *http.Client) *Config { c.HTTPClient = client; return c }
