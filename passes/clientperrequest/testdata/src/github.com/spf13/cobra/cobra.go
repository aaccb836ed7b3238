// Package cobra is a stub of github.com/spf13/cobra.
package cobra

type Command struct {
	RunE func(cmd *Command, args []string) error
}
