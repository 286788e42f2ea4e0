package index

import (
	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
)

// SameNameThreshold is the lowest Compare score at which two names are
// taken to be the same. It sits at the Resolve threshold: a pair that would
// resolve one to the other is the same name.
const SameNameThreshold = 0.6

// Comparison says whether two names are the same name.
type Comparison struct {
	Score  float64
	Same   bool
	Match  MatchKind         // how they met, as Resolve would report it
	Levels []normalize.Level // every level at which their keys are equal
}

// Compare scores two names against each other, neither of which need be in
// the glossary, with the ranking Resolve uses. Both directions are scored
// and the better kept, as either may be the fuller form; words are all
// equally informative, as there is no glossary to count them in. A person
// type lets a family name alone meet the full name.
func Compare(a, b string, t glossary.Type) Comparison {
	flat := func(string) float64 { return 1 }
	ek := kindOfType(t, "")
	m := compareOneWay(a, b, ek, flat)
	if r := compareOneWay(b, a, ek, flat); r.score > m.score {
		m = r
	}
	c := Comparison{Score: round3(m.score), Match: m.kind, Levels: normalize.Levels(normalize.KeysOf(a), normalize.KeysOf(b))}
	c.Same = c.Score >= SameNameThreshold
	return c
}

// compareOneWay scores name as a name of an entity and query as a query
// for it, and no match when the words that met are, as written, other
// words than the name's (see prepared.writtenApart: القرى is not عقرة).
func compareOneWay(query, name string, ek entityKind, info func(string) float64) nameMatch {
	q := prepare(query)
	m := q.match(name, glossary.KindAlias, ek, info)
	if m.kind != MatchNone && q.writtenApart(name, m, func() []string { return []string{name} }) {
		return nameMatch{}
	}
	return m
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
