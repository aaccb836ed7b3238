//go:build unix && !darwin

package main

import "syscall"

// maxRSSKB returns ru_maxrss in kilobytes, the unit Linux and the BSDs use.
func maxRSSKB(ru *syscall.Rusage) int64 { return int64(ru.Maxrss) }
