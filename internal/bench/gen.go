// Package bench generates large synthetic glossaries and query sets from
// the real name parts of the seed glossary, and measures a running server
// against the floor of an RPC that does nothing.
package bench

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/exonym/exonym/glossary"
)

// part is one word of a name in each script it is written in: English (or
// Latin), Arabic, Sorani, and Kurmanji where known.
type part struct {
	en, ar, ckb, kmr string
}

// Parts are the name parts a generator combines, taken from a real
// glossary: words of preferred names aligned across languages.
type Parts struct {
	Person []part // words of person names
	Place  []part // words of place names
	Org    []part // words of organisation names
}

var (
	langEn  = language.English
	langAr  = language.Arabic
	langCkb = language.MustParse("ckb")
	langKmr = language.MustParse("kmr")
)

// PartsOf collects the words of a glossary's preferred names whose
// English, Arabic and Sorani forms have the same number of words, aligned
// word by word (and the Kurmanji where it has that number too). Words that
// are articles or qualifiers alone are kept: they occur in real names.
func PartsOf(g *glossary.Glossary) Parts {
	var ps Parts
	seen := map[string]bool{}
	for _, e := range g.Entities {
		en, ok1 := e.Preferred(langEn)
		ar, ok2 := e.Preferred(langAr)
		ckb, ok3 := e.Preferred(langCkb)
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		ew, aw, cw := strings.Fields(en.Text), strings.Fields(ar.Text), strings.Fields(ckb.Text)
		if len(ew) != len(aw) || len(ew) != len(cw) {
			continue
		}
		var kw []string
		if k, ok := e.Preferred(langKmr); ok && len(strings.Fields(k.Text)) == len(ew) {
			kw = strings.Fields(k.Text)
		}
		for i := range ew {
			p := part{en: ew[i], ar: aw[i], ckb: cw[i]}
			if kw != nil {
				p.kmr = kw[i]
			}
			if !isWord(p.en) || seen[e.Type.String()+p.en+p.ar] {
				continue
			}
			seen[e.Type.String()+p.en+p.ar] = true
			switch e.Type {
			case glossary.TypePerson:
				ps.Person = append(ps.Person, p)
			case glossary.TypePlace:
				ps.Place = append(ps.Place, p)
			case glossary.TypeOrganization:
				ps.Org = append(ps.Org, p)
			}
		}
	}
	return ps
}

func isWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// GenOptions configure Generate.
type GenOptions struct {
	Entities int    // how many entities
	Seed     uint64 // the same seed gives the same glossary
}

// Entity is a generated entity.
type Entity struct {
	id    string
	typ   glossary.Type
	names []glossary.Name
}

// Generator makes synthetic entities deterministically from name parts.
type Generator struct {
	parts Parts
	rng   *rand.Rand
	used  map[string]bool
	n     int
}

// NewGenerator returns a generator of entities from parts.
func NewGenerator(parts Parts, seed uint64) (*Generator, error) {
	if len(parts.Person) < 10 || len(parts.Place) < 10 || len(parts.Org) < 5 {
		return nil, fmt.Errorf("bench: too few name parts (%d person, %d place, %d organisation words)", len(parts.Person), len(parts.Place), len(parts.Org))
	}
	return &Generator{parts: parts, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), used: map[string]bool{}}, nil
}

// pick returns a random part.
func (g *Generator) pick(ps []part) part { return ps[g.rng.IntN(len(ps))] }

// Next returns the next entity. Persons (half) are a given name, often a
// father's name, and a family name, so family names are shared as in real
// glossaries; places (a third) are one to three words; organisations the
// rest, with an abbreviation.
func (g *Generator) Next() Entity {
	g.n++
	for attempt := 0; ; attempt++ {
		var words []part
		var typ glossary.Type
		switch r := g.rng.IntN(6); {
		case r < 3:
			typ = glossary.TypePerson
			words = []part{g.pick(g.parts.Person)}
			if g.rng.IntN(3) > 0 || attempt > 3 {
				words = append(words, g.pick(g.parts.Person))
			}
			words = append(words, g.pick(g.parts.Person))
		case r < 5:
			typ = glossary.TypePlace
			for range 1 + g.rng.IntN(3) + min(attempt/4, 2) {
				words = append(words, g.pick(g.parts.Place))
			}
		default:
			typ = glossary.TypeOrganization
			for range 2 + g.rng.IntN(2) + min(attempt/4, 2) {
				words = append(words, g.pick(g.parts.Org))
			}
			words = append(words, g.pick(g.parts.Place))
		}
		key := typ.String()
		for _, w := range words {
			key += " " + w.en
		}
		if g.used[key] && attempt < 20 {
			continue
		}
		g.used[key] = true
		return g.entity(typ, words)
	}
}

func join(words []part, f func(part) string) string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		out = append(out, f(w))
	}
	return strings.Join(out, " ")
}

func (g *Generator) entity(typ glossary.Type, words []part) Entity {
	prefix := map[glossary.Type]string{glossary.TypePerson: "person", glossary.TypePlace: "place", glossary.TypeOrganization: "org"}[typ]
	e := Entity{id: fmt.Sprintf("%s/gen-%d", prefix, g.n), typ: typ}
	add := func(text string, lang language.Tag, kind glossary.Kind) {
		if text == "" {
			return
		}
		for _, n := range e.names {
			if n.Text == text && n.Lang == lang {
				return
			}
		}
		e.names = append(e.names, glossary.Name{Text: text, Lang: lang, Kind: kind})
	}
	en := join(words, func(p part) string { return p.en })
	add(en, langEn, glossary.KindPreferred)
	add(join(words, func(p part) string { return p.ar }), langAr, glossary.KindPreferred)
	add(join(words, func(p part) string { return p.ckb }), langCkb, glossary.KindPreferred)
	kmr := true
	for _, w := range words {
		kmr = kmr && w.kmr != ""
	}
	if kmr {
		add(join(words, func(p part) string { return p.kmr }), langKmr, glossary.KindPreferred)
	}
	// Romanisation variants of the English name, as the press writes it
	// (the seed glossary has about seven names an entity).
	add(Variant(en, g.rng), langEn, glossary.KindAlias)
	add(Variant(Variant(en, g.rng), g.rng), langEn, glossary.KindAlias)
	if typ == glossary.TypeOrganization {
		var ab strings.Builder
		for _, w := range words {
			r := []rune(w.en)
			ab.WriteRune(unicode.ToUpper(r[0]))
		}
		add(ab.String(), langEn, glossary.KindAbbreviation)
	}
	return e
}

// variantRules are spelling variants of English romanisations.
var variantRules = [][2]string{
	{"ou", "u"}, {"u", "ou"}, {"ai", "ay"}, {"ay", "ai"}, {"ei", "ai"}, {"ee", "i"}, {"i", "ee"},
	{"q", "k"}, {"k", "q"}, {"kh", "x"}, {"sh", "ş"}, {"ch", "ç"}, {"iya", "iyah"}, {"a", "e"}, {"e", "a"},
	{"Al-", "al-"}, {"al-", "Al "}, {"ss", "s"}, {"s", "ss"}, {"dh", "z"},
}

// Variant returns s with one spelling-variant rule applied where it
// matches, or s itself.
func Variant(s string, rng *rand.Rand) string {
	for range 6 {
		r := variantRules[rng.IntN(len(variantRules))]
		if i := strings.Index(s, r[0]); i >= 0 {
			return s[:i] + r[1] + s[i+len(r[0]):]
		}
	}
	return s
}

// Typo returns s with one letter deleted, doubled or swapped with the next,
// away from the first letter.
func Typo(s string, rng *rand.Rand) string {
	r := []rune(s)
	if len(r) < 5 {
		return s
	}
	i := 1 + rng.IntN(len(r)-2)
	switch rng.IntN(3) {
	case 0:
		return string(append(r[:i:i], r[i+1:]...))
	case 1:
		return string(slices.Insert(r, i, r[i]))
	default:
		r[i], r[i+1] = r[i+1], r[i]
		return string(r)
	}
}

// WriteGlossary writes n generated entities as a CSV glossary.
func (g *Generator) WriteGlossary(w io.Writer, n int, each func(Entity)) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := csv.NewWriter(bw)
	if err := cw.Write([]string{"id", "type", "lang", "kind", "text"}); err != nil {
		return err
	}
	for range n {
		e := g.Next()
		for _, nm := range e.names {
			if err := cw.Write([]string{e.id, e.typ.String(), nm.Lang.String(), nm.Kind.String(), nm.Text}); err != nil {
				return err
			}
		}
		if each != nil {
			each(e)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// Query is one benchmark query: the workload it belongs to and the name.
type Query struct {
	Workload string
	Text     string
	Want     string // the entity meant, or "" for a miss
}

// Queries draws queries from generated entities: names as stored (exact),
// upper-cased or stripped of diacritics (folded), the Arabic-script name
// read through a Latin variant (romanised), the consonant skeleton's
// neighbours (skeleton: a vowel changed), typos (fuzzy), and misses.
func Queries(sample []Entity, seed uint64, perWorkload int) []Query {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	var out []Query
	pickName := func(e Entity, lang language.Tag) string {
		for _, n := range e.names {
			if n.Lang == lang && n.Kind == glossary.KindPreferred {
				return n.Text
			}
		}
		return e.names[0].Text
	}
	for i := 0; i < perWorkload && len(sample) > 0; i++ {
		e := sample[rng.IntN(len(sample))]
		langs := []language.Tag{langEn, langAr, langCkb}
		name := pickName(e, langs[rng.IntN(len(langs))])
		out = append(out, Query{"resolve-exact", name, e.id})
		en := pickName(e, langEn)
		out = append(out, Query{"resolve-folded", strings.ToUpper(en), e.id})
		// The Sorani name typed with Arabic letters folds to the same key.
		ckb := strings.NewReplacer("ی", "ي", "ک", "ك", "ە", "ه").Replace(pickName(e, langCkb))
		out = append(out, Query{"resolve-folded", ckb, e.id})
		out = append(out, Query{"resolve-romanised", romanisedVariant(en), e.id})
		out = append(out, Query{"resolve-skeleton", vowelShift(en, rng), e.id})
		out = append(out, Query{"resolve-fuzzy", Typo(en, rng), e.id})
		out = append(out, Query{"resolve-miss", missName(rng), ""})
		out = append(out, Query{"search", strings.Fields(en)[0], ""})
		if r := []rune(en); len(r) >= 3 {
			out = append(out, Query{"suggest", string(r[:3]), ""})
		}
	}
	return out
}

// romanisedVariant writes a Latin name as Kurmanji does (sh → ş, ch → ç,
// kh → x, final -iyah → -iye), which meets it at the romanised level.
func romanisedVariant(s string) string {
	return strings.NewReplacer("sh", "ş", "ch", "ç", "kh", "x", "oo", "û", "ee", "î").Replace(s)
}

// vowelShift changes one vowel of a name for another.
func vowelShift(s string, rng *rand.Rand) string {
	r := []rune(s)
	var at []int
	for i, c := range r {
		if i > 0 && strings.ContainsRune("aeiou", c) {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return s
	}
	i := at[rng.IntN(len(at))]
	vowels := []rune("aeiou")
	for {
		v := vowels[rng.IntN(len(vowels))]
		if v != r[i] {
			r[i] = v
			return string(r)
		}
	}
}

// missName makes a name from letters no glossary part has: a query that
// should find nothing.
func missName(rng *rand.Rand) string {
	const consonants = "bdfgklmnprstvz"
	const vowels = "aeiou"
	var b strings.Builder
	for w := range 2 {
		if w > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(consonants[rng.IntN(len(consonants))] - 32)
		for range 2 + rng.IntN(2) {
			b.WriteByte(vowels[rng.IntN(len(vowels))])
			b.WriteByte(consonants[rng.IntN(len(consonants))])
		}
		b.WriteString("ov")
	}
	return b.String()
}

// Sample keeps a uniform random sample of the entities it is shown
// (reservoir sampling), to draw queries from a glossary too large to keep.
type Sample struct {
	size int
	seen int
	rng  *rand.Rand
	es   []Entity
}

// NewSample returns an empty sample of at most size entities.
func NewSample(size int, seed uint64) *Sample {
	return &Sample{size: size, rng: rand.New(rand.NewPCG(seed, ^seed))}
}

// Add shows the sample one more entity.
func (s *Sample) Add(e Entity) {
	s.seen++
	if len(s.es) < s.size {
		s.es = append(s.es, e)
		return
	}
	if i := s.rng.IntN(s.seen); i < s.size {
		s.es[i] = e
	}
}

// Entities returns the sample.
func (s *Sample) Entities() []Entity { return s.es }

// writeFile writes data to path, for tests and tools.
func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }
