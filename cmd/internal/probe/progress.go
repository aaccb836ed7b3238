package probe

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progress shows how far a run is on stderr: on a terminal, one line
// rewritten in place once the run has lasted half a second; elsewhere
// (logs, tests), a plain line every ten seconds, so short runs print
// nothing.
type progress struct {
	w     io.Writer
	tty   bool
	total int

	mu    sync.Mutex
	done  int
	start time.Time
	last  time.Time
	shown bool // a terminal line is on screen
}

const (
	ttyDelay  = 500 * time.Millisecond
	ttyEvery  = 100 * time.Millisecond
	lineEvery = 10 * time.Second
)

func newProgress(w io.Writer, total int) *progress {
	now := time.Now()
	return &progress{w: w, tty: isTerminal(w), total: total, start: now, last: now}
}

// step counts one finished request.
func (p *progress) step() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	now := time.Now()
	switch {
	case p.tty && now.Sub(p.start) >= ttyDelay && now.Sub(p.last) >= ttyEvery:
		fmt.Fprintf(p.w, "\rreuselint probe: %d/%d requests\033[K", p.done, p.total)
		p.shown, p.last = true, now
	case !p.tty && now.Sub(p.last) >= lineEvery:
		fmt.Fprintf(p.w, "reuselint probe: %d/%d requests, %v\n", p.done, p.total, now.Sub(p.start).Round(time.Second))
		p.last = now
	}
}

// clear removes the terminal line, if any.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
