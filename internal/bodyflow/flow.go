package bodyflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/reuselint/reuselint/internal/nethttp"
)

// flow follows one response (or one parameter, or the variables a
// closure captures) through one function body.
type flow struct {
	p    *pkgState
	info *types.Info
	body *ast.BlockStmt
	t    *tree

	resp    map[*types.Var]bool // variables holding the response
	bodies  map[*types.Var]bool // variables holding its body
	errVar  *types.Var          // the call's error variable
	call    *ast.CallExpr       // the client call; nil in summary mode
	primary *types.Var          // the variable the call assigns
	sig     *types.Signature    // of the function; nil in summary mode

	// mark is a close that is not deferred, whose paths are being
	// followed: it sets sMarkUnread and sMarkUndrained, and markUnread
	// and markUndrained tell whether a path so marked carries on as
	// normal (see normalExit), or makes the call again.
	mark                      ast.Node
	markUnread, markUndrained bool
	markValued                bool // a marked path that is not a bare success (see bareSuccess)

	summary bool
	evcache map[ast.Node][]event

	// deferHeld records that the call is made again (a loop's next
	// iteration, a reassignment) while the body is still open but for a
	// deferred close: the defer keeps that connection busy until the
	// function returns.
	deferHeld bool

	// Results.
	leaks     map[ast.Node]bool
	closes    map[ast.Node]*Close
	moved     bool
	returned  bool
	handedOff bool // moved other than by a return
	anyRead   bool
	anyDrain  bool
	normRead  bool // read on a path that returns no error
	assigns   map[*types.Var]int
	// Summary mode: what the exits look like.
	exitSeen   int
	exitOpen   bool
	exitClosed bool
}

func (p *pkgState) newFlow(body *ast.BlockStmt, t *tree) *flow {
	return &flow{
		p:       p,
		info:    p.pass.TypesInfo,
		body:    body,
		t:       t,
		resp:    make(map[*types.Var]bool),
		bodies:  make(map[*types.Var]bool),
		evcache: make(map[ast.Node][]event),
		leaks:   make(map[ast.Node]bool),
		closes:  make(map[ast.Node]*Close),
		assigns: make(map[*types.Var]int),
	}
}

type evKind uint8

const (
	evCall         evKind = iota + 1 // the client call binds a fresh response
	evRespReassign                   // the response variable gets another value
	evErrReassign                    // the error variable gets another value
	evRead
	evDrain
	evClose
	evDeferClose
	evMove
)

type event struct {
	kind          evKind
	reads, drains bool // a closing helper reads (to EOF) before closing
	direct        bool
	ret           bool // a move by a return statement
	site          ast.Node
	body          ast.Expr
}

// local reports whether v is a variable declared in the body (not a
// parameter, named result or captured variable).
func (f *flow) local(v *types.Var) bool {
	return v != nil && within(v.Pos(), f.body)
}

// aliases adds to resp and bodies the local variables assigned from
// them (b := resp.Body, r := resp), and counts assignments.
func (f *flow) aliases() {
	for changed := true; changed; {
		changed = false
		ast.Inspect(f.body, func(n ast.Node) bool {
			var lhs []ast.Expr
			var rhs []ast.Expr
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				lhs, rhs = n.Lhs, n.Rhs
			case *ast.ValueSpec:
				lhs, rhs = identExprs(n.Names), n.Values
			default:
				return true
			}
			if len(lhs) != len(rhs) {
				return true
			}
			for i, r := range rhs {
				id, ok := lhs[i].(*ast.Ident)
				if !ok {
					continue
				}
				v := identVar(f.info, id)
				if !f.local(v) || f.resp[v] || f.bodies[v] {
					continue
				}
				isResp, isBody := f.tracked(r)
				switch {
				case isResp:
					f.resp[v] = true
					changed = true
				case isBody:
					f.bodies[v] = true
					changed = true
				}
			}
			return true
		})
	}
}

// reassigned reports whether a response or body variable is assigned
// more than once (counting its definition).
func (f *flow) reassigned() bool {
	count := make(map[*types.Var]int)
	ast.Inspect(f.body, func(n ast.Node) bool {
		var lhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs = n.Lhs
		case *ast.ValueSpec:
			lhs = identExprs(n.Names)
		}
		for _, l := range lhs {
			if id, ok := l.(*ast.Ident); ok {
				if v := identVar(f.info, id); f.resp[v] || f.bodies[v] {
					count[v]++
				}
			}
		}
		return true
	})
	for _, c := range count {
		if c > 1 {
			return true
		}
	}
	return false
}

// tracked reports whether e is a response variable, or a body: a body
// variable or X.Body of a response variable X.
func (f *flow) tracked(e ast.Expr) (isResp, isBody bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := f.info.Uses[e].(*types.Var)
		return f.resp[v], f.bodies[v]
	case *ast.SelectorExpr:
		if e.Sel.Name != "Body" {
			return false, false
		}
		if id, ok := ast.Unparen(e.X).(*ast.Ident); ok {
			v, _ := f.info.Uses[id].(*types.Var)
			return false, f.resp[v]
		}
	}
	return false, false
}

// solve propagates the abstract states over the function's CFG from
// init at entry.
func (f *flow) solve(init state) {
	g := f.p.cfg(f.body)
	if len(g.Blocks) == 0 {
		return
	}
	in := make([]stateSet, len(g.Blocks))
	in[0].add(init)
	queued := make([]bool, len(g.Blocks))
	work := []int32{0}
	queued[0] = true
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		queued[i] = false
		b := g.Blocks[i]
		cur := in[i]
		for _, n := range b.Nodes {
			cur = f.transfer(cur, n)
		}
		if ret := b.Return(); ret != nil {
			f.exit(&cur, ret)
			continue
		}
		for k, succ := range b.Succs {
			out := cur
			if len(b.Succs) == 2 && len(b.Nodes) > 0 {
				if cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok && f.t.conds[cond] {
					out = f.filter(&cur, cond, k == 0)
				}
			}
			if in[succ.Index].union(&out) && !queued[succ.Index] {
				queued[succ.Index] = true
				work = append(work, succ.Index)
			}
		}
	}
}

func (f *flow) transfer(in stateSet, n ast.Node) stateSet {
	evs := f.events(n)
	if len(evs) == 0 {
		return in
	}
	var out stateSet
	for _, s := range in.states() {
		for i := range evs {
			s = f.apply(s, &evs[i])
		}
		out.add(s)
	}
	return out
}

func (f *flow) apply(s state, e *event) state {
	switch e.kind {
	case evCall:
		if open(s) && s&sDrained == 0 {
			f.leaks[e.site] = true
		}
		f.noteDeferHeld(s)
		f.markedNormal(s, false) // a retry
		return sLive | sErrTied
	case evRespReassign:
		if open(s) && s&sDrained == 0 {
			f.leaks[e.site] = true
		}
		f.noteDeferHeld(s)
		f.markedNormal(s, false)
		if s&sMoved != 0 {
			return s
		}
		if s&sLive != 0 {
			f.runDefers(s, nil)
		}
		return 0
	}
	if s&sLive == 0 || s&sMoved != 0 {
		return s
	}
	switch e.kind {
	case evErrReassign:
		s &^= sErrTied
	case evRead:
		s |= sRead
		f.anyRead = true
	case evDrain:
		s |= sRead | sDrained
		f.anyRead, f.anyDrain = true, true
	case evMove:
		f.moved = true
		if !e.ret {
			f.handedOff = true
		}
		return sMoved | s&sMarks
	case evClose:
		s |= f.helperReads(e, sRead, sDrained)
		c := f.close(e)
		if s&sClosed == 0 {
			c.Unread = c.Unread || s&sRead == 0
			c.Undrained = c.Undrained || s&sDrained == 0
			if e.site == f.mark {
				if s&sRead == 0 {
					s |= sMarkUnread
				}
				if s&sDrained == 0 {
					s |= sMarkUndrained
				}
			}
		}
		s |= sClosed
	case evDeferClose:
		s |= f.helperReads(e, sDeferRead, sDeferDrained)
		f.close(e)
		s |= sDeferClosed
	}
	return s
}

// noteDeferHeld sets deferHeld when the body in state s, about to be
// replaced by another response, is open but for a deferred close.
func (f *flow) noteDeferHeld(s state) {
	if s&sLive != 0 && s&(sMoved|sClosed|sDrained) == 0 && s&sDeferClosed != 0 {
		f.deferHeld = true
	}
}

// helperReads returns the read and drained bits that a closing helper
// or closure sets by reading before it closes.
func (f *flow) helperReads(e *event, read, drained state) state {
	var s state
	if e.reads {
		s |= read
		f.anyRead = true
	}
	if e.drains {
		s |= read | drained
		f.anyRead, f.anyDrain = true, true
	}
	return s
}

func (f *flow) close(e *event) *Close {
	c := f.closes[e.site]
	if c == nil {
		_, deferred := e.site.(*ast.DeferStmt)
		c = &Close{Site: e.site, Deferred: deferred, Direct: e.direct, Body: e.body}
		f.closes[e.site] = c
	}
	return c
}

// exit handles the states reaching a return.
func (f *flow) exit(cur *stateSet, ret *ast.ReturnStmt) {
	for _, s := range cur.states() {
		f.exitSeen++
		if s&sMarks != 0 && f.normalExit(s, ret) {
			f.markedNormal(s, f.bareSuccess(ret))
		}
		if s&sLive == 0 || s&sMoved != 0 {
			continue
		}
		if !f.summary && s&(sRead|sDeferRead) != 0 && f.normalExit(s, ret) {
			f.normRead = true
		}
		if s&(sClosed|sDeferClosed) == 0 {
			f.exitOpen = true
			if !f.summary && s&sDrained == 0 {
				f.leaks[ret] = true
			}
			continue
		}
		f.exitClosed = true
		f.runDefers(s, ret)
	}
}

// runDefers records whether the deferred closes, which close the body
// as it is in state s (at a return, or when the variable is reassigned
// and the body can no longer be read through it), find it unread.
func (f *flow) runDefers(s state, ret *ast.ReturnStmt) {
	if s&sClosed != 0 || s&sDeferClosed == 0 {
		return
	}
	unread := s&(sRead|sDeferRead) == 0
	undrained := s&(sDrained|sDeferDrained) == 0
	if !unread && !undrained {
		return
	}
	// A reassignment (ret == nil) is a retry or a next request: normal.
	normal := ret == nil || f.normalExit(s, ret)
	for _, c := range f.closes {
		if !c.Deferred {
			continue
		}
		c.Unread = c.Unread || unread
		c.Undrained = c.Undrained || undrained
		if normal {
			c.NormalUnread = c.NormalUnread || unread
			c.NormalUndrained = c.NormalUndrained || undrained
			if unread && (ret == nil || !f.bareSuccess(ret)) {
				c.valued = true
			}
		}
		if ret == nil {
			continue
		}
		if better(ret, unread, c.Exit, c.exitUnread) {
			c.Exit, c.exitUnread = ret, unread
		}
		if normal && better(ret, unread, c.NormalExit, c.normalExitUnread) {
			c.NormalExit, c.normalExitUnread = ret, unread
		}
	}
}

// better reports whether ret, where the body is unread (or only
// undrained), names the close's exit better than old: one where it is
// unread first, then the earliest.
func better(ret *ast.ReturnStmt, unread bool, old ast.Node, oldUnread bool) bool {
	if old == nil || unread != oldUnread {
		return old == nil || unread
	}
	return ret.Pos() < old.Pos()
}

// markedNormal records that a path marked by f.mark carries on as
// normal.
func (f *flow) markedNormal(s state, bare bool) {
	f.markUnread = f.markUnread || s&sMarkUnread != 0
	f.markUndrained = f.markUndrained || s&sMarkUndrained != 0
	f.markValued = f.markValued || s&sMarkUnread != 0 && !bare
}

// markNormal sets c.NormalUnread and c.NormalUndrained, for c a close
// that is not deferred, by following its paths once more with c marked.
func (f *flow) markNormal(c *Close) {
	g := f.p.newFlow(f.body, f.t)
	g.resp, g.bodies = f.resp, f.bodies
	g.errVar, g.call, g.primary, g.sig = f.errVar, f.call, f.primary, f.sig
	g.evcache = f.evcache
	g.mark = c.Site
	g.solve(0)
	c.NormalUnread, c.NormalUndrained = g.markUnread, g.markUndrained
	c.valued = g.markValued
}

// filter keeps the states possible on the branch of cond taken when
// cond is truth: on the err != nil branch, or the resp == nil branch,
// there is no response; on the StatusCode == 204 (or 304, or
// ContentLength == 0) branch, there is nothing to read.
func (f *flow) filter(cur *stateSet, cond ast.Expr, truth bool) stateSet {
	k := f.implies(cond, truth)
	if !k.ifTied && !k.noBody {
		return *cur
	}
	var out stateSet
	for _, s := range cur.states() {
		if s&sLive != 0 && s&sMoved == 0 {
			if k.always || k.ifTied && s&sErrTied != 0 {
				s = 0
			} else if k.noBody {
				s |= sRead | sDrained
			}
		}
		out.add(s)
	}
	return out
}

// knowledge is what a branch condition tells about the response.
type knowledge struct {
	always bool // there is no response (resp == nil)
	ifTied bool // no response while err still holds the call's error
	noBody bool // the response has an empty body
}

// both is what two conditions that both hold tell; either is what one
// of two conditions, unknown which, tells.
func (k knowledge) both(o knowledge) knowledge {
	return knowledge{k.always || o.always, k.ifTied || o.ifTied, k.noBody || o.noBody}
}

func (k knowledge) either(o knowledge) knowledge {
	return knowledge{k.always && o.always, k.ifTied && o.ifTied, k.noBody && o.noBody}
}

// implies reports what cond being truth implies: no response when resp
// == nil, or, while the call's error variable still holds the call's
// error, when err != nil (a client call returns a non-nil response
// exactly when its error is nil); an empty body when the status is 204
// or 304 or the content length is 0.
func (f *flow) implies(cond ast.Expr, truth bool) knowledge {
	switch c := ast.Unparen(cond).(type) {
	case *ast.CallExpr:
		if truth && f.errorTest(c) {
			return knowledge{ifTied: true}
		}
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			return f.implies(c.X, !truth)
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND, token.LOR:
			k1, k2 := f.implies(c.X, truth), f.implies(c.Y, truth)
			if (c.Op == token.LAND) == truth {
				return k1.both(k2)
			}
			return k1.either(k2)
		case token.EQL, token.NEQ:
			eq := (c.Op == token.EQL) == truth
			if eq && (f.emptyBody(c.X, c.Y) || f.emptyBody(c.Y, c.X)) {
				return knowledge{noBody: true}
			}
			x, y := c.X, c.Y
			if isNil(f.info, x) {
				x, y = y, x
			}
			if !isNil(f.info, y) {
				return knowledge{}
			}
			if _, isBody := f.tracked(x); isBody && eq {
				return knowledge{always: true, ifTied: true} // no body to close
			}
			id, ok := ast.Unparen(x).(*ast.Ident)
			if !ok {
				return knowledge{}
			}
			v, _ := f.info.Uses[id].(*types.Var)
			switch {
			case v == nil:
			case f.resp[v] && eq:
				return knowledge{always: true, ifTied: true}
			case v == f.errVar && !eq:
				return knowledge{ifTied: true}
			}
		}
	}
	return knowledge{}
}

// emptyBody reports whether x == y says the response has no body:
// resp.StatusCode == 204 or 304, resp.ContentLength == 0.
func (f *flow) emptyBody(x, y ast.Expr) bool {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || !f.resp[identVar(f.info, id)] {
		return false
	}
	tv := f.info.Types[y]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	n, _ := constant.Int64Val(tv.Value)
	switch sel.Sel.Name {
	case "StatusCode":
		return n == 204 || n == 304
	case "ContentLength":
		return n == 0
	}
	return false
}

// events returns what node n does to the tracked response, in order.
func (f *flow) events(n ast.Node) []event {
	if evs, ok := f.evcache[n]; ok {
		return evs
	}
	var evs []event
	f.walk(n, &evs)
	f.evcache[n] = evs
	return evs
}

func (f *flow) walk(n ast.Node, evs *[]event) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			f.closure(n, evs)
			return false
		case *ast.AssignStmt:
			f.assignment(n.Lhs, n.Rhs, evs)
			return false
		case *ast.ValueSpec:
			f.assignment(identExprs(n.Names), n.Values, evs)
			return false
		case *ast.CallExpr:
			if n == f.call {
				f.walk(n.Fun, evs)
				for _, a := range n.Args {
					f.walk(a, evs)
				}
				*evs = append(*evs, event{kind: evCall, site: n})
				return false
			}
			if lit, roots := f.localClosure(n); lit != nil {
				for _, a := range n.Args {
					f.walk(a, evs)
				}
				f.closureCall(lit, n, roots, evs)
				return false
			}
		case *ast.Ident:
			if v, ok := f.info.Uses[n].(*types.Var); ok {
				if f.resp[v] {
					f.classify(n, false, evs)
				} else if f.bodies[v] {
					f.classify(n, true, evs)
				}
			}
		}
		return true
	})
}

// assignment walks the right side, then the left side, of an
// assignment or variable declaration.
func (f *flow) assignment(lhs, rhs []ast.Expr, evs *[]event) {
	for _, r := range rhs {
		f.walk(r, evs)
	}
	for _, l := range lhs {
		f.assign(l, rhs, evs)
	}
}

// assign handles l, an assigned expression of a statement whose right
// side is rhs.
func (f *flow) assign(l ast.Expr, rhs []ast.Expr, evs *[]event) {
	id, ok := l.(*ast.Ident)
	if !ok {
		f.walk(l, evs) // resp.Body = x, x.f = ...: uses
		return
	}
	v := identVar(f.info, id)
	if v == nil {
		return
	}
	fromCall := len(rhs) == 1 && f.call != nil && ast.Unparen(rhs[0]) == f.call
	switch {
	case fromCall:
	case (f.resp[v] || f.bodies[v]) && f.summary && !f.local(v):
		*evs = append(*evs, event{kind: evMove, site: id}) // a helper or closure replaces what it was given
	case v == f.primary:
		*evs = append(*evs, event{kind: evRespReassign, site: id})
	case v == f.errVar:
		*evs = append(*evs, event{kind: evErrReassign})
	}
}

// classify turns a use e of a response (isBody false) or of a body into
// an event, by looking at the expressions around it.
func (f *flow) classify(e ast.Expr, isBody bool, evs *[]event) {
	emit := func(k evKind) { *evs = append(*evs, event{kind: k, site: e}) }
	for {
		switch p := f.t.parent[e].(type) {
		case *ast.ParenExpr:
			e = p
			continue
		case *ast.SelectorExpr:
			call, called := f.t.parent[p].(*ast.CallExpr)
			called = called && call.Fun == p
			if !isBody {
				sel := f.info.Selections[p]
				if sel != nil && sel.Kind() == types.FieldVal {
					if p.Sel.Name != "Body" {
						return // StatusCode, Header...: metadata
					}
					if f.isLHS(p) {
						emit(evMove) // the body is replaced: whoever did it owns the old one
						return
					}
					e, isBody = p, true
					continue
				}
				switch {
				case !called:
					emit(evMove)
				case p.Sel.Name == "Write": // writes the body out and closes it
					f.closeEvent(call, e, true, true, false, evs)
				}
				return
			}
			switch {
			case called && p.Sel.Name == "Close":
				f.closeEvent(call, e, false, false, true, evs)
			case called && p.Sel.Name == "Read":
				emit(evRead)
			default:
				emit(evMove)
			}
			return
		case *ast.CallExpr:
			if p.Fun == e {
				emit(evMove)
				return
			}
			for i, a := range p.Args {
				if a == e {
					f.argument(p, i, e, isBody, evs)
				}
			}
			return
		case *ast.BinaryExpr:
			if p.Op != token.EQL && p.Op != token.NEQ {
				emit(evMove)
			}
			return
		case *ast.ReturnStmt:
			f.returned = true
			*evs = append(*evs, event{kind: evMove, ret: true, site: e})
			return
		case *ast.AssignStmt:
			if !f.toAlias(p.Lhs, p.Rhs, e) {
				emit(evMove)
			}
			return
		case *ast.ValueSpec:
			if !f.toAlias(identExprs(p.Names), p.Values, e) {
				emit(evMove)
			}
			return
		case *ast.ExprStmt:
			return
		default:
			emit(evMove)
			return
		}
	}
}

// toAlias reports whether e, one of rhs, is assigned to the blank
// identifier or a tracked local variable.
func (f *flow) toAlias(lhs, rhs []ast.Expr, e ast.Expr) bool {
	for i, r := range rhs {
		if r == e && len(lhs) == len(rhs) && f.isAlias(lhs[i]) {
			return true
		}
	}
	return false
}

func identExprs(ids []*ast.Ident) []ast.Expr {
	es := make([]ast.Expr, len(ids))
	for i, id := range ids {
		es[i] = id
	}
	return es
}

// isAlias reports whether l is the blank identifier or a tracked local
// variable.
func (f *flow) isAlias(l ast.Expr) bool {
	id, ok := l.(*ast.Ident)
	if !ok {
		return false
	}
	if id.Name == "_" {
		return true
	}
	v := identVar(f.info, id)
	return f.local(v) && (f.resp[v] || f.bodies[v])
}

func (f *flow) isLHS(e ast.Expr) bool {
	as, ok := f.t.parent[e].(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, l := range as.Lhs {
		if l == e {
			return true
		}
	}
	return false
}

// deferOf returns the defer statement whose call is call, if any.
func (f *flow) deferOf(call *ast.CallExpr) *ast.DeferStmt {
	if d, ok := f.t.parent[call].(*ast.DeferStmt); ok && d.Call == call {
		return d
	}
	return nil
}

func (f *flow) goOf(call *ast.CallExpr) bool {
	g, ok := f.t.parent[call].(*ast.GoStmt)
	return ok && g.Call == call
}

// closeEvent records that call closes the body (body: the closed
// expression), deferred when call is the call of a defer statement.
func (f *flow) closeEvent(call *ast.CallExpr, body ast.Expr, reads, drains, direct bool, evs *[]event) {
	if f.goOf(call) {
		*evs = append(*evs, event{kind: evMove})
		return
	}
	ev := event{kind: evClose, reads: reads, drains: drains, direct: direct, site: call, body: body}
	if d := f.deferOf(call); d != nil {
		ev.kind, ev.site = evDeferClose, d
	}
	*evs = append(*evs, ev)
}

// argument handles e, a response or body passed as argument i of call.
func (f *flow) argument(call *ast.CallExpr, i int, e ast.Expr, isBody bool, evs *[]event) {
	move := func() { *evs = append(*evs, event{kind: evMove, site: e}) }
	if tv, ok := f.info.Types[call.Fun]; ok && tv.IsType() {
		// A conversion, e.g. io.Reader(resp.Body): same value.
		f.classify(call, isBody, evs)
		return
	}
	fun := ast.Unparen(call.Fun)
	if id, ok := fun.(*ast.Ident); ok {
		if b, ok := f.info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" {
				move()
			}
			return
		}
	}
	if f.goOf(call) {
		move()
		return
	}
	var eff Effect
	known := false
	if lit, ok := fun.(*ast.FuncLit); ok {
		sig, _ := f.info.Types[lit].Type.(*types.Signature)
		if sig != nil && !sig.Variadic() && i < sig.Params().Len() {
			if v := sig.Params().At(i); v.Name() != "" && v.Name() != "_" {
				eff = f.p.summarize(lit.Body, f.t, map[*types.Var]bool{v: !isBody})
				known = true
			} else {
				known = true // unnamed parameter: unused
			}
		}
	} else if fn := f.callee(call); fn != nil {
		if sel, ok := fun.(*ast.SelectorExpr); ok {
			if s := f.info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
				i-- // T.M(recv, args...)
			}
		}
		if ke, ok := knownEffect(fn); ok {
			eff, known = ke, true
		} else if fact := f.p.factOf(fn); fact != nil && i >= 0 {
			eff, known = fact.Param(i, fn.Signature().Variadic())
		}
	}
	if !known || eff&Keeps != 0 {
		move()
		return
	}
	if eff&Closes != 0 {
		f.closeEvent(call, e, eff&Reads != 0, eff&Drains != 0, false, evs)
		return
	}
	if f.deferOf(call) != nil {
		return // reads at exit: too late to matter
	}
	switch {
	case eff&Drains != 0:
		*evs = append(*evs, event{kind: evDrain, site: e})
	case eff&Reads != 0:
		*evs = append(*evs, event{kind: evRead, site: e})
	}
}

func (f *flow) callee(call *ast.CallExpr) *types.Func {
	fn := nethttp.Callee(f.info, call)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// closure handles a function literal in the function: if it captures
// the response or its body, it is summarized when called on the spot
// or deferred, and takes ownership otherwise.
func (f *flow) closure(lit *ast.FuncLit, evs *[]event) {
	roots := f.captured(lit)
	if len(roots) == 0 {
		return
	}
	var e ast.Expr = lit
	for {
		pe, ok := f.t.parent[e].(*ast.ParenExpr)
		if !ok {
			break
		}
		e = pe
	}
	call, ok := f.t.parent[e].(*ast.CallExpr)
	if !ok || call.Fun != e || f.goOf(call) {
		*evs = append(*evs, event{kind: evMove, site: lit})
		return
	}
	f.closureCall(lit, call, roots, evs)
}

// closureCall records what calling the function literal lit at call
// does to the captured response or body variables roots.
func (f *flow) closureCall(lit *ast.FuncLit, call *ast.CallExpr, roots map[*types.Var]bool, evs *[]event) {
	eff := f.p.summarize(lit.Body, f.t, roots)
	switch {
	case eff&Keeps != 0:
		*evs = append(*evs, event{kind: evMove, site: lit})
	case eff&Closes != 0:
		f.closeEvent(call, nil, eff&Reads != 0, eff&Drains != 0, false, evs)
	case f.deferOf(call) != nil:
	case eff&Drains != 0:
		*evs = append(*evs, event{kind: evDrain, site: lit})
	case eff&Reads != 0:
		*evs = append(*evs, event{kind: evRead, site: lit})
	}
}

// localClosure returns the function literal that call calls through a
// local variable assigned only that literal (process := func() error
// {...; defer resp.Body.Close() ...}; ...; process()), with the response
// and body variables it captures; nil when there is none or it captures
// neither. The literal's own site took ownership when it was written
// after the call; called later, it acts where it is called.
func (f *flow) localClosure(call *ast.CallExpr) (*ast.FuncLit, map[*types.Var]bool) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || f.body == nil {
		return nil, nil
	}
	v, ok := f.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil, nil
	}
	if _, ok := v.Type().Underlying().(*types.Signature); !ok {
		return nil, nil
	}
	var lit *ast.FuncLit
	n := 0
	ast.Inspect(f.body, func(node ast.Node) bool {
		as, ok := node.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, lhs := range as.Lhs {
			lid, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok || f.info.ObjectOf(lid) != v {
				continue
			}
			n++
			if len(as.Lhs) == len(as.Rhs) {
				lit, _ = ast.Unparen(as.Rhs[i]).(*ast.FuncLit)
			}
		}
		return true
	})
	if n != 1 || lit == nil {
		return nil, nil
	}
	roots := f.captured(lit)
	if len(roots) == 0 {
		return nil, nil
	}
	return lit, roots
}

// captured returns the response (true) and body (false) variables the
// function literal lit uses.
func (f *flow) captured(lit *ast.FuncLit) map[*types.Var]bool {
	roots := make(map[*types.Var]bool)
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := f.info.Uses[id].(*types.Var); ok && (f.resp[v] || f.bodies[v]) {
				roots[v] = f.resp[v]
			}
		}
		return true
	})
	return roots
}
