package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
)

// Suggestion is one completion of a prefix.
type Suggestion struct {
	Text        string
	Lang        string
	EntityID    string
	Type        glossary.Type
	DisplayName string
}

// Suggest completes a prefix in any script to names of the glossary, one per
// entity: names whose folded, stripped or romanised form starts with the
// prefix's. Preferred names come before others, then shorter names.
//
// The completions are read from the key fields' term dictionaries: at most
// completionScan times limit terms per key, in dictionary order, of which
// the shortest (the closest completions; among equals, the ones more
// entities share) are looked up.
func (ix *Index) Suggest(ctx context.Context, prefix string, types []glossary.Type, lang language.Tag, limit int) ([]Suggestion, error) {
	if limit <= 0 {
		limit = 10
	}
	k := normalize.KeysOf(prefix)
	keys := prefixTerms(k)
	if sugg, ok, err := ix.suggestFromTable(ctx, keys, types, lang, limit); ok || err != nil {
		return sugg, err
	}
	type completion struct {
		term
		count int
	}
	var terms []completion
	// The keys read and the completions found are kept apart: a key is
	// its own first completion (the whole name typed).
	seenKey, seenTerm := map[term]bool{}, map[term]bool{}
	for _, key := range keys {
		if key.text == "" || seenKey[key] {
			continue
		}
		seenKey[key] = true
		if err := ix.snap.completions(key.field, key.text, completionScan*limit, func(t string, count int) {
			c := term{key.field, t}
			if !seenTerm[c] {
				seenTerm[c] = true
				terms = append(terms, completion{c, count})
			}
		}); err != nil {
			return nil, fmt.Errorf("index: suggest %q: %w", prefix, err)
		}
	}
	slices.SortFunc(terms, func(a, b completion) int {
		return cmp.Or(cmp.Compare(len(a.text), len(b.text)), cmp.Compare(b.count, a.count), cmp.Compare(a.text, b.text), cmp.Compare(a.field, b.field))
	})
	terms = terms[:min(len(terms), 4*limit)]

	type scored struct {
		Suggestion
		rank int
	}
	best := map[string]scored{}
	docs := map[uint64]bool{}
	for _, t := range terms {
		found, err := ix.snap.unseen(ctx, t.field, t.text, 2*limit, docs)
		if err != nil {
			return nil, err
		}
		for _, d := range found {
			en, err := ix.entry(d)
			if err != nil {
				return nil, err
			}
			e := &en.e
			if len(types) > 0 && !slices.Contains(types, e.Type) {
				continue
			}
			for i, n := range e.Names {
				if n.Kind == glossary.KindMisspelling || (lang != language.Und && n.Lang != lang) {
					continue
				}
				// A name the prefix starts as written (folded) comes first,
				// then one it starts without its article, then one it starts
				// only once both are romanised; within each, preferred
				// names, then shorter ones.
				nk := en.keys[i]
				rank := utf8.RuneCountInString(n.Text)
				if n.Kind != glossary.KindPreferred {
					rank += 100
				}
				switch {
				case strings.HasPrefix(nk.Folded, k.Folded):
				case hasPrefixAny(nk.Stripped, k.Stripped):
					rank += 1000
				case hasPrefixAny(nk.Romanised, k.Romanised):
					rank += 2000
				default:
					continue
				}
				if s, seen := best[e.ID]; seen && s.rank <= rank {
					continue
				}
				best[e.ID] = scored{Suggestion{Text: n.Text, Lang: n.Lang.String(), EntityID: e.ID, Type: e.Type, DisplayName: e.DisplayName()}, rank}
			}
		}
	}
	out := make([]scored, 0, len(best))
	for _, s := range best {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.Text, b.Text), cmp.Compare(a.EntityID, b.EntityID))
	})
	sugg := make([]Suggestion, 0, min(limit, len(out)))
	for i := 0; i < len(out) && i < limit; i++ {
		sugg = append(sugg, out[i].Suggestion)
	}
	return sugg, nil
}

// prefixTerms returns the keys a prefix is completed by: its folded key,
// and its stripped and romanised keys when it is one word (they drop
// spaces, and would cross a word boundary wrongly).
func prefixTerms(k normalize.Keys) []term {
	keys := []term{{fFolded, k.Folded}}
	if !strings.Contains(k.Folded, " ") {
		for _, v := range k.Stripped {
			keys = append(keys, term{fStripped, v})
		}
		for _, v := range k.Romanised {
			keys = append(keys, term{fRomanised, v})
		}
	}
	return keys
}

// completionScan bounds the terms of the dictionary read for one prefix
// key, per suggestion asked for.
const completionScan = 8

// hasPrefixAny reports whether any of keys starts with any of prefixes.
func hasPrefixAny(keys, prefixes []string) bool {
	for _, k := range keys {
		for _, p := range prefixes {
			if p != "" && strings.HasPrefix(k, p) {
				return true
			}
		}
	}
	return false
}

// suggestFromTable completes a short prefix from the table of the best
// completions recorded at build (prefixes.go). It does not answer (ok
// false) when a key of the prefix is longer than the table's prefixes,
// when more suggestions are asked for than it keeps, or when the
// suggestions are filtered by type or language, which its lists ignore.
func (ix *Index) suggestFromTable(ctx context.Context, keys []term, types []glossary.Type, lang language.Tag, limit int) ([]Suggestion, bool, error) {
	t := ix.prefixes
	if t == nil || limit > tableSize || len(types) > 0 || lang != language.Und {
		return nil, false, nil
	}
	best := map[uint32]prefixRef{}
	for _, key := range keys {
		if key.text == "" {
			continue
		}
		kind, longest := tableKindOf(key.field)
		if utf8.RuneCountInString(key.text) > longest {
			return nil, false, nil
		}
		for _, r := range t.list(string(kind) + key.text) {
			if old, ok := best[r.id]; !ok || r.rank < old.rank {
				best[r.id] = r
			}
		}
	}
	refs := slices.SortedFunc(maps.Values(best), func(a, b prefixRef) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(t.id(a.id), t.id(b.id)))
	})
	out := make([]Suggestion, 0, min(limit, len(refs)))
	for _, r := range refs[:min(limit, len(refs))] {
		en, err := ix.entityByID(ctx, t.id(r.id))
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, true, err
		}
		e := &en.e
		if int(r.name) >= len(e.Names) {
			continue
		}
		n := e.Names[r.name]
		out = append(out, Suggestion{Text: n.Text, Lang: n.Lang.String(), EntityID: e.ID, Type: e.Type, DisplayName: e.DisplayName()})
	}
	return out, true, nil
}
