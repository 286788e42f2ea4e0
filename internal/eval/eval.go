// Package eval scores a resolver on rows of expected answers: top-1
// accuracy, precision of resolved answers, wrong confident answers, and the
// same broken down by language, script and match level.
//
// A row is tab-separated: expected id (or "-" for "must not resolve", or
// "~" for "must be reported ambiguous"), query, optional type, optional
// language hint, and an optional note on where the spelling was seen. Lines
// starting with # and blank lines are skipped.
package eval

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
)

// Expectations other than an entity id.
const (
	MustNotResolve  = "-"
	MustBeAmbiguous = "~"
)

// Row is one test query.
type Row struct {
	File   string
	Line   int
	Want   string // an entity id, MustNotResolve or MustBeAmbiguous
	Query  string
	Type   glossary.Type // TypeUnknown for none
	Lang   string
	Source string
}

// Parse reads rows from r; file names r in error messages.
func Parse(r io.Reader, file string) ([]Row, error) {
	var rows []Row
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !utf8.ValidString(text) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8", file, line)
		}
		f := strings.Split(text, "\t")
		if len(f) < 2 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			return nil, fmt.Errorf("%s:%d: want expected_id<TAB>query[<TAB>type[<TAB>lang[<TAB>source]]]", file, line)
		}
		row := Row{File: file, Line: line, Want: strings.TrimSpace(f[0]), Query: f[1]}
		if len(f) > 2 && strings.TrimSpace(f[2]) != "" {
			t, err := glossary.ParseType(strings.TrimSpace(f[2]))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", file, line, err)
			}
			row.Type = t
		}
		if len(f) > 3 {
			row.Lang = strings.TrimSpace(f[3])
		}
		if len(f) > 4 {
			row.Source = strings.TrimSpace(strings.Join(f[4:], " "))
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return rows, nil
}

// Answer is what a resolver said about one row.
type Answer struct {
	ResolvedID string
	Ambiguous  bool
	TopID      string // the best candidate, resolved or not
	Match      string // how the best candidate matched
}

// Resolver answers one row.
type Resolver func(ctx context.Context, r Row) (Answer, error)

// Outcome is a row with its answer and verdict.
type Outcome struct {
	Row
	Answer
	OK bool
}

// Tally counts outcomes of one group of rows.
type Tally struct {
	Rows     int // rows in the group
	OK       int // rows answered as expected
	Positive int // rows expecting an entity
	Correct  int // positive rows resolved to it
	Resolved int // rows resolved to some entity
	Wrong    int // rows resolved to an entity other than the expected one
}

func (t *Tally) add(o Outcome) {
	t.Rows++
	if o.OK {
		t.OK++
	}
	if o.ResolvedID != "" {
		t.Resolved++
		if o.ResolvedID != o.Want {
			t.Wrong++
		}
	}
	if o.Want != MustNotResolve && o.Want != MustBeAmbiguous {
		t.Positive++
		if o.ResolvedID == o.Want {
			t.Correct++
		}
	}
}

// Accuracy is the share of rows answered as expected.
func (t Tally) Accuracy() float64 { return ratio(t.OK, t.Rows) }

// Precision is the share of resolved answers that were right.
func (t Tally) Precision() float64 { return ratio(t.Resolved-t.Wrong, t.Resolved) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report holds every outcome and the tallies.
type Report struct {
	Outcomes []Outcome
	All      Tally
	ByFile   map[string]*Tally
	ByLang   map[string]*Tally
	ByScript map[string]*Tally
	ByMatch  map[string]*Tally
}

// Run answers every row and tallies the outcomes.
func Run(ctx context.Context, rows []Row, resolve Resolver) (*Report, error) {
	rep := &Report{ByFile: map[string]*Tally{}, ByLang: map[string]*Tally{}, ByScript: map[string]*Tally{}, ByMatch: map[string]*Tally{}}
	for _, r := range rows {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, err := resolve(ctx, r)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %q: %w", r.File, r.Line, r.Query, err)
		}
		o := Outcome{Row: r, Answer: a}
		switch r.Want {
		case MustNotResolve:
			o.OK = a.ResolvedID == ""
		case MustBeAmbiguous:
			o.OK = a.Ambiguous
		default:
			o.OK = a.ResolvedID == r.Want
		}
		rep.Outcomes = append(rep.Outcomes, o)
		rep.All.add(o)
		lang := r.Lang
		if lang == "" {
			lang = "(no hint)"
		}
		match := a.Match
		if match == "" {
			match = "(no candidate)"
		}
		for _, g := range []struct {
			m   map[string]*Tally
			key string
		}{{rep.ByFile, r.File}, {rep.ByLang, lang}, {rep.ByScript, normalize.Script(r.Query)}, {rep.ByMatch, match}} {
			m, key := g.m, g.key
			t := m[key]
			if t == nil {
				t = &Tally{}
				m[key] = t
			}
			t.add(o)
		}
	}
	return rep, nil
}

// Print writes the report as Markdown tables, then the failing rows.
func (rep *Report) Print(w io.Writer, failures bool) {
	fmt.Fprintf(w, "rows %d · accuracy %.1f%% · resolved %d · precision %.1f%% · wrong confident answers %d\n",
		rep.All.Rows, 100*rep.All.Accuracy(), rep.All.Resolved, 100*rep.All.Precision(), rep.All.Wrong)
	for _, g := range []struct {
		title string
		m     map[string]*Tally
	}{{"file", rep.ByFile}, {"script", rep.ByScript}, {"language hint", rep.ByLang}, {"match level of the best candidate", rep.ByMatch}} {
		fmt.Fprintf(w, "\n| %s | rows | accuracy | top-1 on positives | resolved | precision | wrong |\n|---|---:|---:|---:|---:|---:|---:|\n", g.title)
		keys := make([]string, 0, len(g.m))
		for k := range g.m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			t := g.m[k]
			fmt.Fprintf(w, "| %s | %d | %.1f%% | %s | %d | %.1f%% | %d |\n", k, t.Rows, 100*t.Accuracy(), pct(t.Correct, t.Positive), t.Resolved, 100*t.Precision(), t.Wrong)
		}
	}
	if !failures {
		return
	}
	var failed []Outcome
	for _, o := range rep.Outcomes {
		if !o.OK {
			failed = append(failed, o)
		}
	}
	slices.SortStableFunc(failed, func(a, b Outcome) int { return cmp.Compare(a.File, b.File) })
	fmt.Fprintf(w, "\nfailing rows (%d):\n", len(failed))
	for _, o := range failed {
		got := o.ResolvedID
		switch {
		case got == "" && o.Ambiguous:
			got = "ambiguous"
		case got == "":
			got = "unresolved"
		}
		fmt.Fprintf(w, "%s:%d\t%q\twant %s\tgot %s\ttop %s (%s)\n", o.File, o.Line, o.Query, o.Want, got, o.TopID, o.Match)
	}
}

func pct(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*ratio(a, b))
}

// SideBySide prints, for the same rows, the accuracy of two reports by
// script and by the match level the first one reached.
func SideBySide(w io.Writer, a, b *Report) {
	type pair struct{ a, b Tally }
	groups := []struct {
		title string
		key   func(Outcome) string
	}{
		{"script", func(o Outcome) string { return normalize.Script(o.Query) }},
		{"file", func(o Outcome) string { return o.File }},
		{"exonym's match level", func(o Outcome) string {
			if o.Match == "" {
				return "(no candidate)"
			}
			return o.Match
		}},
	}
	for _, g := range groups {
		m := map[string]*pair{}
		for i, o := range a.Outcomes {
			if i >= len(b.Outcomes) {
				break
			}
			k := g.key(o)
			p := m[k]
			if p == nil {
				p = &pair{}
				m[k] = p
			}
			p.a.add(o)
			p.b.add(b.Outcomes[i])
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		fmt.Fprintf(w, "\n| %s | rows | exonym accuracy | baseline accuracy | exonym wrong | baseline wrong |\n|---|---:|---:|---:|---:|---:|\n", g.title)
		for _, k := range keys {
			p := m[k]
			fmt.Fprintf(w, "| %s | %d | %.1f%% | %.1f%% | %d | %d |\n", k, p.a.Rows, 100*p.a.Accuracy(), 100*p.b.Accuracy(), p.a.Wrong, p.b.Wrong)
		}
	}
}
