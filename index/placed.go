package index

import (
	"context"
	"errors"
	"slices"
	"strings"

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
		headWords := words[:split]
		if len(headWords) > 1 && isLinkWord(headWords[len(headWords)-1]) {
			headWords = headWords[:len(headWords)-1] // Kirkuk in Iraq
		}
		head := strings.Join(headWords, " ")
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
		c.Score = roundScore(c.Score * headSpan)
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
// containerRelations up from place at most maxContainerDepth steps. A
// capital stands for what it is the capital of, as news writes it: Tal
// Afar is in Mosul (Musul'a bağlı Telafer), Penjwen in Sulaymaniyah, the
// cities' governorates.
func (ix *Index) within(ctx context.Context, place, container string) (bool, error) {
	stands, err := ix.standsFor(ctx, container)
	if err != nil {
		return false, err
	}
	return ix.withinAny(ctx, place, stands)
}

// withinAny is within for a container already looked up: stands is the
// container and what it stands for (see standsFor).
func (ix *Index) withinAny(ctx context.Context, place string, stands []string) (bool, error) {
	if place == stands[0] {
		return false, nil
	}
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
					if slices.Contains(stands, target) && target != place {
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

// standsFor returns id and what it is the capital of: what news may
// mean by its name (Kirkuk's governor is the governorate's).
func (ix *Index) standsFor(ctx context.Context, id string) ([]string, error) {
	en, err := ix.entityByID(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return []string{id}, nil
	}
	if err != nil {
		return nil, err
	}
	return append([]string{id}, en.e.Related("capital-of")...), nil
}

// raise puts c among cands (see keepBest) and sorts them again.
func raise(cands []Candidate, c Candidate) []Candidate {
	cands = keepBest(cands, c)
	sortCandidates(cands)
	return cands
}
