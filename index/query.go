package index

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/language"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
)

// maxHits bounds the names Bleve returns for one query's keys before
// ranking; maxWordHits those for its words or fuzzy forms, which match more
// loosely and come ranked by Bleve's own score.
const (
	maxHits     = 400
	maxWordHits = 100
)

// Query is a name to resolve or search for.
type Query struct {
	Text    string
	Lang    language.Tag    // a hint; language.Und for none
	Types   []glossary.Type // empty for any
	Limit   int             // candidates to return; 0 means 5
	Explain bool            // fill Candidate.Explanation
}

// Candidate is an entity that may be meant by a query.
type Candidate struct {
	EntityID    string
	Type        glossary.Type
	Subtype     string
	DisplayName string
	MatchedName string
	MatchedLang string
	Match       MatchKind
	Score       float64
	Explanation []string
	// deferTo is set when another candidate (that id) is meant instead:
	// this entity's capital matched as well, or the query qualified this
	// capital to ask for its governorate. Such a candidate does not make
	// the answer ambiguous.
	deferTo string
}

// Result is the answer to a Resolve.
type Result struct {
	Query      string
	ResolvedID string // empty unless one candidate is confident and clearly ahead
	Ambiguous  bool
	Candidates []Candidate
}

// Resolve finds the entity a name refers to.
func (ix *Index) Resolve(ctx context.Context, q Query) (Result, error) {
	cands, err := ix.candidates(ctx, q, ix.Thresholds.Candidate, false)
	if err != nil {
		return Result{}, err
	}
	res := Result{Query: q.Text}
	res.ResolvedID, res.Ambiguous = ix.Thresholds.decide(cands)
	limit := q.Limit
	if limit <= 0 {
		limit = 5
	}
	if len(cands) > limit {
		cands = cands[:limit]
	}
	res.Candidates = cands
	return res, nil
}

// decide returns the resolved id, or whether the top candidates are
// ambiguous.
func (t Thresholds) decide(cands []Candidate) (resolved string, ambiguous bool) {
	if len(cands) == 0 {
		return "", false
	}
	top := cands[0].Score
	second := 0.0
	for _, c := range cands[1:] {
		if c.deferTo != cands[0].EntityID {
			second = c.Score
			break
		}
	}
	margin := t.Margin
	if cands[0].Match >= MatchSkeleton {
		margin = t.WeakMargin
	}
	if second >= t.Ambiguous && top-second < margin {
		return "", true
	}
	if top >= t.Resolve {
		return cands[0].EntityID, false
	}
	return "", false
}

// Search returns the candidates of a query from offset on, at most size of
// them, and the number there are in all.
func (ix *Index) Search(ctx context.Context, q Query, offset, size int) ([]Candidate, int, error) {
	cands, err := ix.candidates(ctx, q, ix.Thresholds.Candidate, true)
	if err != nil {
		return nil, 0, err
	}
	total := len(cands)
	if offset >= total {
		return nil, total, nil
	}
	return cands[offset:min(total, offset+size)], total, nil
}

// candidates finds, scores and ranks the entities a query may mean, best
// first, one per entity, down to the given score.
func (ix *Index) candidates(ctx context.Context, q Query, floor float64, exhaustive bool) ([]Candidate, error) {
	p := prepare(q.Text)
	if p.keys.Folded == "" {
		return nil, nil
	}
	best := map[string]*Candidate{}
	seen := map[string]bool{}
	// The whole name's keys first: a few term lookups. Words and fuzzy
	// queries only when nothing met the query strongly (or when every
	// match is wanted, as Search does); after a strong match, the entities
	// it is the capital of are scored directly, so that "Kirkuk" lists
	// Kirkuk Governorate too.
	for st := stageKeys; st <= stageFuzzy; st++ {
		if err := ix.collect(ctx, p, q, st, best, seen); err != nil {
			return nil, err
		}
		if !exhaustive && topScore(best) >= strongScore {
			ix.addSeats(p, q, best)
			break
		}
	}
	ix.discountSeats(best, q.Explain)
	if class := queryQualifier(p.keys.Tokens); class != qualNone {
		ix.transferSeats(best, class, q.Explain)
	}
	out := make([]Candidate, 0, len(best))
	for _, c := range best {
		c.Score = math.Round(c.Score*1000) / 1000
		if c.Score >= floor {
			out = append(out, *c)
		}
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Match, b.Match), cmp.Compare(a.EntityID, b.EntityID))
	})
	return out, nil
}

// strongScore is the score above which the term lookups' best candidate
// is taken to be good enough that fuzzy queries cannot change the answer:
// a fuzzy match scores at most fuzzySpan times a similarity below 1.
const strongScore = scoreRomanised

func topScore(best map[string]*Candidate) float64 {
	top := 0.0
	for _, c := range best {
		top = max(top, c.Score)
	}
	return top
}

// collect runs the term lookups of a query (or, with fuzzy, its fuzzy
// queries) and scores the names found that were not seen before, keeping
// the best name of each entity in best.
func (ix *Index) collect(ctx context.Context, p *prepared, q Query, st stage, best map[string]*Candidate, seen map[string]bool) error {
	bq := ix.bleveQuery(p, q.Types, "", st)
	if bq == nil {
		return nil
	}
	// Bleve ranks names that share more and rarer keys and words with the
	// query first; only the best of them are ranked here.
	hits := maxHits
	if st != stageKeys {
		hits = maxWordHits
	}
	req := bleve.NewSearchRequestOptions(bq, hits, 0, false)
	req.Fields = []string{fEntity, fLang, fKind, fText}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return fmt.Errorf("index: search %q: %w", q.Text, err)
	}
	for _, hit := range res.Hits {
		if seen[hit.ID] {
			continue
		}
		seen[hit.ID] = true
		id, _ := hit.Fields[fEntity].(string)
		text, _ := hit.Fields[fText].(string)
		lang, _ := hit.Fields[fLang].(string)
		kindStr, _ := hit.Fields[fKind].(string)
		e, ok := ix.entities[id]
		if !ok {
			continue
		}
		kind, _ := glossary.ParseKind(kindStr)
		ix.scoreName(p, q, e, glossary.Name{Text: text, Kind: kind}, lang, best)
	}
	return nil
}

// scoreName scores the query against one name of e and keeps it in best if
// it is e's best so far.
func (ix *Index) scoreName(p *prepared, q Query, e *glossary.Entity, n glossary.Name, lang string, best map[string]*Candidate) {
	m := p.matchKeys(n.Text, ix.keys.get(n.Text), n.Kind, kindOf(e), ix.info)
	if m.kind == MatchNone {
		return
	}
	score := m.score
	if q.Lang != language.Und && sameBase(q.Lang, lang) {
		score = math.Min(1, score+langBonus)
	}
	if c := best[e.ID]; c != nil && c.Score >= score {
		return
	}
	matched := n.Text
	if n.Kind == glossary.KindMisspelling {
		matched = e.DisplayName() // matched, never displayed
	}
	nc := Candidate{
		EntityID: e.ID, Type: e.Type, Subtype: e.Subtype, DisplayName: e.DisplayName(),
		MatchedName: matched, MatchedLang: lang, Match: m.kind, Score: score,
	}
	if q.Explain {
		nc.Explanation = append([]string{"query " + strings.Join(p.keys.Romanised, "|") + " / " + strings.Join(p.keys.Skeleton, "|")}, m.why...)
	}
	best[e.ID] = &nc
}

// addSeats scores the entities that strong candidates are the capital of
// (a city's governorate and district) against the query, by their names,
// with no search: they belong among the candidates of the bare name.
func (ix *Index) addSeats(p *prepared, q Query, best map[string]*Candidate) {
	var strong []string
	for id, c := range best {
		if c.Score >= strongScore {
			strong = append(strong, id)
		}
	}
	for _, id := range strong {
		for _, target := range ix.entities[id].Related("capital-of") {
			g, ok := ix.entities[target]
			if !ok || best[target] != nil || (len(q.Types) > 0 && !slices.Contains(q.Types, g.Type)) {
				continue
			}
			for _, n := range g.Names {
				ix.scoreName(p, q, g, n, n.Lang.String(), best)
			}
		}
	}
}

// discountSeats lowers the score of an entity whose capital (a candidate
// related to it by capital-of) matched at least as well: "Kirkuk" means the
// city, and the governorate stays among the candidates.
func (ix *Index) discountSeats(best map[string]*Candidate, explain bool) {
	for id, c := range best {
		e := ix.entities[id]
		for _, seatOf := range e.Related("capital-of") {
			if g, ok := best[seatOf]; ok && g.Score <= c.Score+1e-9 && g.Score > c.Score*seatDiscount-1e-9 {
				g.Score = c.Score * seatDiscount
				g.deferTo = id
				if explain {
					g.Explanation = append(g.Explanation, "its capital "+id+" matched as well")
				}
			}
		}
	}
}

func sameBase(t language.Tag, lang string) bool {
	tag, err := language.Parse(lang)
	if err != nil {
		return false
	}
	a, _ := t.Base()
	b, _ := tag.Base()
	return a == b
}

// bleveQuery finds every name that meets the query at some level: equal
// keys at each level, equal romanised words or word skeletons, and
// romanised words within a small edit distance.
// stage is a step of candidate generation, cheap to dear.
type stage int

const (
	stageKeys  stage = iota // the whole name's keys at each level: a few term lookups
	stageWords              // its romanised words and their skeletons: partial matches
	stageFuzzy              // romanised forms and words within an edit distance
)

// maxWordEntities is the most entities a word may name and still be looked
// up on its own: a word that common ("district", a frequent family name in
// a large glossary) finds too many names to rank and tells little.
const maxWordEntities = 5000

func (ix *Index) bleveQuery(p *prepared, types []glossary.Type, lang string, st stage) query.Query {
	var qs []query.Query
	term := func(field, v string) {
		if v == "" {
			return
		}
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		qs = append(qs, t)
	}
	fuzzy := func(field, v string) {
		f := bleve.NewFuzzyQuery(v)
		f.SetField(field)
		f.SetFuzziness(fuzziness(v))
		qs = append(qs, f)
	}
	switch st {
	case stageKeys:
		term(fCanonical, p.keys.Canonical)
		term(fFolded, p.keys.Folded)
		for _, v := range p.keys.Stripped {
			term(fStripped, v)
		}
		for _, v := range p.keys.Romanised {
			term(fRomanised, v)
		}
		for _, v := range p.keys.Skeleton {
			if len(v) >= 2 {
				term(fSkeleton, v)
			}
		}
	case stageWords:
		for _, t := range p.keys.Tokens {
			if ix.wordEntities[t] <= maxWordEntities {
				term(fTokens, t)
			}
		}
		for _, t := range p.keys.SkeletonTokens {
			if len(t) >= 3 {
				term(fSkelTok, t)
			}
		}
	case stageFuzzy:
		for _, v := range p.keys.Romanised {
			if len(v) >= 5 {
				fuzzy(fRomanised, v)
			}
		}
		for _, t := range p.keys.Tokens {
			if len(t) >= 4 {
				fuzzy(fTokens, t)
			}
		}
	}
	if len(qs) == 0 {
		return nil
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
	if lang != "" {
		lq := bleve.NewTermQuery(lang)
		lq.SetField(fLang)
		filters = append(filters, lq)
	}
	if len(filters) > 0 {
		q = bleve.NewConjunctionQuery(append([]query.Query{q}, filters...)...)
	}
	return q
}

// fuzziness bounds the edit distance by word length: none below 4 letters,
// one up to 7, two beyond.
func fuzziness(t string) int {
	switch {
	case len(t) < 4:
		return 0
	case len(t) <= 7:
		return 1
	}
	return 2
}

// info is the informativeness of a romanised word: 1 for a word of one
// entity, falling towards 0.15 as more entities share it.
func (ix *Index) info(word string) float64 {
	df := ix.wordEntities[word]
	if df <= 1 {
		return 1
	}
	n := float64(max(len(ix.entities), 2))
	v := math.Log(n/float64(df)) / math.Log(n)
	return math.Max(0.15, math.Min(1, v))
}

func strconvF(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

// countWords counts, for each romanised word, the entities that use it.
func countWords(g *glossary.Glossary) map[string]int {
	counts := map[string]int{}
	for _, e := range g.Entities {
		seen := map[string]bool{}
		for _, n := range e.Names {
			for _, t := range normalize.KeysOf(n.Text).Tokens {
				if !seen[t] {
					seen[t] = true
					counts[t]++
				}
			}
		}
	}
	return counts
}

// kindOf returns what ranking needs to know of an entity.
func kindOf(e *glossary.Entity) entityKind {
	return entityKind{
		person: e.Type == glossary.TypePerson, org: e.Type == glossary.TypeOrganization,
		place: e.Type == glossary.TypePlace, subtype: strings.ToLower(e.Subtype),
	}
}
