package main

import "syscall"

// maxRSSKB returns ru_maxrss in kilobytes: macOS reports bytes.
func maxRSSKB(ru *syscall.Rusage) int64 { return int64(ru.Maxrss) / 1024 }
