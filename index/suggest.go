package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
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
func (ix *Index) Suggest(ctx context.Context, prefix string, types []glossary.Type, lang language.Tag, limit int) ([]Suggestion, error) {
	if limit <= 0 {
		limit = 10
	}
	k := normalize.KeysOf(prefix)
	keys := []string{k.Folded}
	// The stripped and romanised keys drop spaces; only a prefix of one word
	// can use them without crossing a word boundary wrongly.
	if !strings.Contains(k.Folded, " ") {
		keys = append(keys, k.Stripped...)
		keys = append(keys, k.Romanised...)
	}
	// The prefix's completions are read from the field's term dictionary,
	// at most maxCompletions per key, then looked up as terms: a Bleve
	// prefix query would expand to every completion at once.
	var qs []query.Query
	seen := map[string]bool{}
	for _, v := range keys {
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		terms, err := ix.completions(v)
		if err != nil {
			return nil, err
		}
		for _, t := range terms {
			tq := bleve.NewTermQuery(t)
			tq.SetField(fPrefix)
			qs = append(qs, tq)
		}
	}
	if len(qs) == 0 {
		return nil, nil
	}
	var q query.Query = bleve.NewDisjunctionQuery(qs...)
	var filters []query.Query
	if len(types) > 0 {
		var tq []query.Query
		for _, t := range types {
			tt := bleve.NewTermQuery(t.String())
			tt.SetField(fType)
			tq = append(tq, tt)
		}
		filters = append(filters, bleve.NewDisjunctionQuery(tq...))
	}
	if lang != language.Und {
		lq := bleve.NewTermQuery(lang.String())
		lq.SetField(fLang)
		filters = append(filters, lq)
	}
	if len(filters) > 0 {
		q = bleve.NewConjunctionQuery(append([]query.Query{q}, filters...)...)
	}
	req := bleve.NewSearchRequestOptions(q, min(maxHits, 20*limit), 0, false)
	req.Fields = []string{fEntity, fLang, fKind, fText}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: suggest %q: %w", prefix, err)
	}
	type scored struct {
		Suggestion
		rank int
	}
	best := map[string]scored{}
	for _, hit := range res.Hits {
		id, _ := hit.Fields[fEntity].(string)
		text, _ := hit.Fields[fText].(string)
		l, _ := hit.Fields[fLang].(string)
		kindStr, _ := hit.Fields[fKind].(string)
		kind, _ := glossary.ParseKind(kindStr)
		e, ok := ix.entities[id]
		if !ok || kind == glossary.KindMisspelling {
			continue
		}
		// A name the prefix starts as written (folded) comes first, then one
		// it starts without its article, then one it starts only once both
		// are romanised; within each, preferred names, then shorter ones.
		rank := utf8.RuneCountInString(text)
		if kind != glossary.KindPreferred {
			rank += 100
		}
		switch {
		case strings.HasPrefix(normalize.Folded(text), k.Folded):
		case hasPrefixAny(normalize.KeysOf(text).Stripped, k.Stripped):
			rank += 1000
		default:
			rank += 2000
		}
		if s, seen := best[id]; seen && s.rank <= rank {
			continue
		}
		best[id] = scored{Suggestion{Text: text, Lang: l, EntityID: id, Type: e.Type, DisplayName: e.DisplayName()}, rank}
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

// maxCompletions bounds the terms one prefix key is completed to.
const maxCompletions = 200

// completions returns up to maxCompletions terms of the prefix field that
// start with prefix, in dictionary order.
func (ix *Index) completions(prefix string) ([]string, error) {
	dict, err := ix.bleve.FieldDictPrefix(fPrefix, []byte(prefix))
	if err != nil {
		return nil, fmt.Errorf("index: suggest %q: %w", prefix, err)
	}
	defer dict.Close()
	var terms []string
	for len(terms) < maxCompletions {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("index: suggest %q: %w", prefix, err)
		}
		if e == nil {
			break
		}
		terms = append(terms, e.Term)
	}
	return terms, nil
}

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
