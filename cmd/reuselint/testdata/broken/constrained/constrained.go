//go:build never

package constrained
