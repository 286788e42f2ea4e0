package index

import (
	"context"
	"errors"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
)

// News and users name a place with the larger place it is in written
// after it, without a comma: Kirkuk Iraq, the Persian ezafe کرکوکِ عراق,
// Hewlêr Kurdistan. Read whole, such a query meets neither place fully;
// read as a place and a place that contains it (by the glossary's
// located-in, part-of and capital-of relations), it names the first.

// maxPlacedWords bounds the words of a query read as a place and the place
// it is in; maxPlacedTail the words of the containing place's name;
// maxContainerDepth the relations followed up from a place to find what
// contains it (a city, its district, its governorate, the region, the
// country).
const (
	maxPlacedWords    = 6
	maxPlacedTail     = 3
	maxContainerDepth = 5
)

// containerRelations are the relations that lead from a place to one that
// contains it.
var containerRelations = []string{"located-in", "part-of", "capital-of"}

// readPlacedIn adds to the candidates of a query the place its first words
// name when its last words name a place that contains it: that place, at
// the head's span (see readPartsApart). A tail is read only when its
// romanised words are, joined, a name of the glossary, and only when the
// query read whole met a place best: a query of other words costs nothing
// or a key lookup or three.
func (ix *Index) readPlacedIn(ctx context.Context, q Query, floor float64, cands []Candidate) ([]Candidate, error) {
	words := strings.Fields(q.Text)
	if len(words) < 2 || len(words) > maxPlacedWords || len(cands) == 0 || cands[0].Type != glossary.TypePlace {
		return cands, nil // read whole, it met a place best, if it names one
	}
	tokens := normalize.KeysOf(q.Text).Tokens
	for n := 1; n <= maxPlacedTail && n < len(tokens); n++ {
		count, err := ix.snap.count(ctx, fRomanised, strings.Join(tokens[len(tokens)-n:], ""))
		if err != nil {
			return nil, err
		}
		if count == 0 {
			continue
		}
		// The raw words whose romanised words are that tail.
		split := 0
		for m := 1; m < len(words); m++ {
			if slices.Equal(normalize.KeysOf(strings.Join(words[m:], " ")).Tokens, tokens[len(tokens)-n:]) {
				split = m
				break
			}
		}
		if split == 0 {
			continue
		}
		tail := strings.Join(words[split:], " ")
		tq := q
		tq.Text, tq.Types = tail, []glossary.Type{glossary.TypePlace}
		tc, err := ix.candidatesAsWritten(ctx, tq, floor, false)
		if err != nil {
			return nil, err
		}
		container, _ := ix.Thresholds.decide(tc)
		if container == "" {
			continue
		}
		// The places the whole query met that the container holds,
		// scored against the words before it alone: no search of their
		// own, as the whole query found them already.
		head := strings.Join(words[:split], " ")
		var best *Candidate
		for _, c := range cands[:min(len(cands), maxPlacedCandidates)] {
			if c.Type != glossary.TypePlace || c.deferTo != "" || c.EntityID == container {
				continue
			}
			in, err := ix.within(ctx, c.EntityID, container)
			if err != nil {
				return nil, err
			}
			if !in {
				continue
			}
			hc, err := ix.scoreFor(ctx, q, head, c.EntityID)
			if err != nil {
				return nil, err
			}
			if hc != nil && hc.Score >= ix.Thresholds.Resolve && (best == nil || hc.Score > best.Score) {
				best = hc
			}
		}
		if best == nil {
			continue
		}
		c := *best
		c.Score = math.Round(c.Score*headSpan*1000) / 1000
		c.Match = max(c.Match, MatchStripped)
		if q.Explain {
			c.Explanation = append([]string{"in " + container + ": " + tail}, c.Explanation...)
		}
		return raise(cands, c), nil
	}
	return cands, nil
}

// maxPlacedCandidates is how many of the query's best candidates
// readPlacedIn tries as the place the head names.
const maxPlacedCandidates = 3

// scoreFor scores the entity id against text as a query of its own (q's
// hints kept), without a search: nil when no name of it meets the text.
func (ix *Index) scoreFor(ctx context.Context, q Query, text, id string) (*Candidate, error) {
	en, err := ix.entityByID(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	q.Text = text
	s := ix.newSearch(ctx, q, false)
	s.scoreEntity(en)
	return s.best[id], nil
}

// within reports whether the entity container contains place, following
// containerRelations up from place at most maxContainerDepth steps.
func (ix *Index) within(ctx context.Context, place, container string) (bool, error) {
	seen := map[string]bool{place: true}
	level := []string{place}
	for range maxContainerDepth {
		var next []string
		for _, id := range level {
			en, err := ix.entityByID(ctx, id)
			if errors.Is(err, ErrNotFound) {
				continue // a relation to an entity the glossary lacks
			}
			if err != nil {
				return false, err
			}
			for _, rel := range containerRelations {
				for _, target := range en.e.Related(rel) {
					if target == container {
						return true, nil
					}
					if !seen[target] {
						seen[target] = true
						next = append(next, target)
					}
				}
			}
		}
		if len(next) == 0 {
			break
		}
		level = next
	}
	return false, nil
}

// raise puts c among cands, in place of the same entity's candidate when c
// scores higher, and sorts them again.
func raise(cands []Candidate, c Candidate) []Candidate {
	for i := range cands {
		if cands[i].EntityID == c.EntityID {
			if cands[i].Score < c.Score {
				cands[i] = c
			}
			sortCandidates(cands)
			return cands
		}
	}
	cands = append(cands, c)
	sortCandidates(cands)
	return cands
}

// A news phrase often names an entity and, beside it, the one it belongs
// to: فيلق القدس التابع للحرس الثوري (the Quds Force of the Revolutionary
// Guards), Masrour Barzani, head of the KRG; شهر موصل مرکز استان نینوا
// (Mosul, centre of Nineveh province). The phrase is about the first; the
// second places it.

// maxContextCandidates is how many of the best candidates markContext
// compares pairwise.
const maxContextCandidates = 4

// memberRelations are the relations that make an entity's name beside
// another's context for it, besides a place's containment (see within).
var memberRelations = []string{"part-of", "member-of", "leader-of", "founder-of", "affiliated-with"}

// markContext finds, among the best candidates (sorted best first), pairs
// that met different words of the query (their words met are known and
// apart, and their names share no word), where one belongs to the other (a
// member, leader or part of it, or a place it contains): the other is
// context, listed below the one and deferring to it, so that it is neither
// the answer nor a rival. It sorts cands again when it marks any.
func (ix *Index) markContext(ctx context.Context, q *prepared, cands []Candidate, explain bool) error {
	n := min(len(cands), maxContextCandidates)
	marked := false
	// A name in the genitive before another (Iraq's, IKBY'nin) is its
	// possessor: context for what follows.
	if gen := genitiveWords(q); gen != 0 {
		for i := range n {
			b := &cands[i]
			if b.met == 0 || gen&bit(bits.Len64(b.met)-1) == 0 || b.deferTo != "" {
				continue // the name's last word met is not in the genitive
			}
			possessed := false
			for j := range n {
				a := &cands[j]
				if i == j || a.met == 0 || a.met&b.met != 0 || a.met < b.met {
					continue // a must meet words after b's
				}
				b.deferTo = a.EntityID
				b.Score = min(b.Score, max(0, a.Score-contextGap))
				if explain {
					b.Explanation = append(b.Explanation, "in the genitive before "+a.EntityID)
				}
				possessed, marked = true, true
				break
			}
			if !possessed && bits.Len64(b.met) < len(q.keys.Tokens) {
				// What it possesses is named after it, and the glossary
				// does not know it (PKK's Cemil Bayık, Erdoğan's AKP):
				// listed, not the answer.
				b.Score = min(b.Score, ix.Thresholds.Ambiguous-0.01)
				if explain {
					b.Explanation = append(b.Explanation, "in the genitive before words the glossary does not know")
				}
				marked = true
			}
		}
	}
	for i := range n {
		a := &cands[i]
		if a.met == 0 || a.deferTo != "" {
			continue
		}
		for j := range n {
			b := &cands[j]
			if i == j || b.met == 0 || b.deferTo != "" || a.met&b.met != 0 {
				continue
			}
			in, err := ix.belongsTo(ctx, a.EntityID, b.EntityID)
			if err != nil {
				return err
			}
			if !in || !disjointNames(a.MatchedName, b.MatchedName) {
				continue
			}
			b.deferTo = a.EntityID
			b.Score = min(b.Score, max(0, a.Score-contextGap))
			if explain {
				b.Explanation = append(b.Explanation, "named beside "+a.EntityID+", which belongs to it")
			}
			marked = true
		}
	}
	if marked {
		sortCandidates(cands)
	}
	return nil
}

// disjointNames reports whether two names share no romanised word.
func disjointNames(a, b string) bool {
	bt := normalize.KeysOf(b).Tokens
	return !slices.ContainsFunc(normalize.KeysOf(a).Tokens, func(t string) bool { return slices.Contains(bt, t) })
}

// genitiveEndings are the endings that put a name in the genitive after an
// apostrophe: the English possessive and the Turkish genitive.
var genitiveEndings = []string{"s", "nin", "nın", "nun", "nün", "in", "ın", "un", "ün"}

// genitiveWords returns, as bits of the query's romanised words (see
// nameMatch.met), the words written in the genitive with an apostrophe:
// Iraq's, Irak'ın, IKBY’nin.
func genitiveWords(q *prepared) uint64 {
	if !strings.ContainsAny(q.raw, "'’") {
		return 0
	}
	var gen uint64
	for _, w := range strings.Fields(q.raw) {
		i := strings.LastIndexAny(w, "'’")
		if i <= 0 {
			continue
		}
		_, size := utf8.DecodeRuneInString(w[i:])
		if !slices.Contains(genitiveEndings, strings.ToLower(w[i+size:])) {
			continue
		}
		for _, t := range normalize.KeysOf(w).Tokens {
			if k := slices.Index(q.keys.Tokens, t); k >= 0 {
				gen |= bit(k)
			}
		}
	}
	return gen
}

// contextGap is how far below the entity that belongs to it a context
// entity is listed.
const contextGap = 0.01

// belongsTo reports whether entity a is a member, leader, founder or part
// of b, affiliated with it, or a place b contains.
func (ix *Index) belongsTo(ctx context.Context, a, b string) (bool, error) {
	en, err := ix.entityByID(ctx, a)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	for _, rel := range memberRelations {
		if slices.Contains(en.e.Related(rel), b) {
			return true, nil
		}
	}
	return ix.within(ctx, a, b)
}
