package index

import (
	"context"
	"errors"
	"maps"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
)

// A query is often more than a name: a phrase from a news text, with the
// name's place, a gloss in brackets, or a second entity beside it. This
// file reads such a phrase: its parts apart (Kirkuk, Iraq; Kirkuk
// (Kerkûk)), and the entities it names as context for the one it is about
// (فيلق القدس التابع للحرس الثوري; Iraq's Kirkuk).

// queryParts are the parts of a query read apart (see partsOf).
type queryParts struct {
	head      string   // the name the query is about; may be empty
	after     []string // the parts after commas
	bracketed []string // the parts in brackets
}

// partsOf splits a query into its head, the name it is about, and the parts
// that qualify it or name it again: the words outside its brackets
// (normalize.Bracketed) up to the first comma (normalize.CommaParts) are
// the head; then come the parts after commas and the bracketed parts.
// Kirkuk (Iraq), Kirkuk, Iraq and Taiwan, Province of China have a head
// and one more part.
func partsOf(text string) queryParts {
	outside, inside := normalize.Bracketed(text)
	p := queryParts{head: text, bracketed: inside}
	if inside != nil {
		p.head = outside
	}
	if parts := normalize.CommaParts(p.head); parts != nil {
		p.head, p.after = parts[0], parts[1:]
	}
	// A list longer than a name's parts (a text pasted whole) is read no
	// further than its first parts: each part read is a search.
	p.after = p.after[:min(len(p.after), maxQueryParts)]
	p.bracketed = p.bracketed[:min(len(p.bracketed), maxQueryParts)]
	return p
}

// maxQueryParts bounds the parts after commas, and the bracketed parts,
// that partsOf returns.
const maxQueryParts = 4

// onlyQualifiers reports whether every romanised word of text is a
// qualifier (Republic of, Komara): such a part names no entity.
func onlyQualifiers(text string) bool {
	tokens := normalize.KeysOf(text).Tokens
	return !slices.ContainsFunc(tokens, func(t string) bool { return qualifierOf(t) == qualNone })
}

// Spans of the readings of a query's parts (see readPartsApart): the head
// names what the query means, at most as strongly as a stripped key; a
// part after it may be another name of the same entity, or only words that
// tell it from a namesake or place it (Kirkuk (Iraq), Kirkuk, Iraq), and
// scores lower, so that what the head names comes first.
const (
	headSpan = scoreStripped
	partSpan = 0.85
)

// readPartsApart adds to the candidates of a query those of its parts read
// apart (see partsOf), each part read as a query of its own (the reading
// ends: every part is shorter than the text it came from). A candidate
// another one is meant instead of (a governorate whose capital the part
// names) counts as met by none of them.
//
//   - An entity the head and every other part that met anything all meet
//     (Talabany, Jalal; Grava Kokos (Kîlîng)) is named by the whole query:
//     it takes its best reading's score at the head's span, as a stripped
//     match.
//   - An entity only the head meets takes the head's span too (Kirkuk in
//     Kirkuk, Iraq), or the lower part span when another entity is met by
//     every part (the other Talabanis).
//   - An entity only another part meets is where the head is (Iraq in
//     Kirkuk, Iraq): listed, never the answer nor a rival to it; unless
//     that part is in brackets and the head met nothing, when it may be
//     another name of the same (Holy See (Vatikan Şehir Devleti)).
func (ix *Index) readPartsApart(ctx context.Context, q Query, floor float64, exhaustive bool, cands []Candidate, p queryParts) ([]Candidate, error) {
	type reading struct {
		best      Candidate
		head      bool // met by the head
		parts     int  // how many other parts met it
		bracketed bool // met by a bracketed part
	}
	readings := map[string]*reading{}
	headTop := 0.0  // the best score the head's reading found
	partsFound := 0 // how many parts other than the head met anything
	read := func(part string, isHead, isBracketed bool) error {
		if !isHead && onlyQualifiers(part) {
			return nil // Korea, Republic of: "Republic of" names nothing
		}
		pq := q
		pq.Text = part
		found, err := ix.candidates(ctx, pq, floor*partSpan, exhaustive)
		if err != nil {
			return err
		}
		if isHead && len(found) > 0 {
			headTop = found[0].Score
		}
		if !isHead && len(found) > 0 {
			partsFound++
		}
		for _, c := range found {
			c.met = 0 // words of the part, not of the query
			r := readings[c.EntityID]
			if r == nil {
				r = &reading{best: Candidate{Score: -1}}
				readings[c.EntityID] = r
			}
			if c.Score > r.best.Score {
				r.best = c
				if q.Explain {
					r.best.Explanation = append([]string{"read apart: " + part}, c.Explanation...)
				}
			}
			if c.deferTo != "" {
				continue
			}
			switch {
			case isHead:
				r.head = true
			case isBracketed:
				r.parts++
				r.bracketed = true
			default:
				r.parts++
			}
		}
		return nil
	}
	if p.head != "" {
		if err := read(p.head, true, false); err != nil {
			return nil, err
		}
	}
	for _, part := range p.after {
		if err := read(part, false, false); err != nil {
			return nil, err
		}
	}
	for _, part := range p.bracketed {
		if err := read(part, false, true); err != nil {
			return nil, err
		}
	}
	named := func(r *reading) bool { return r.head && partsFound > 0 && r.parts >= partsFound }
	someNamed := false
	for _, r := range readings {
		someNamed = someNamed || named(r)
	}
	// A head that holds a title or office before a part that names a
	// person (رئيس الحكومة، عادل عبد المهدي; Speaker of the parliament,
	// Mohammed Halbousi; rêberê şoreşa Kurdistanê (Mela Mistefa Barzanî))
	// is that person's title: the part names what the query means, and
	// what the head's other words name is context.
	personAfter := func(r *reading) bool {
		return !r.head && r.parts > 0 && r.best.Type == glossary.TypePerson
	}
	titled := false
	if titledHead(p) {
		for r := range maps.Values(readings) {
			titled = titled || personAfter(r)
		}
	}
	for _, r := range readings {
		c := r.best
		c.Match = max(c.Match, MatchStripped)
		switch {
		case titled && personAfter(r):
			c.Score *= headSpan
		case titled && r.head && !named(r):
			c.Score = min(c.Score*partSpan, ix.Thresholds.listedOnly())
			c.listed = true
		case named(r):
			c.Score *= headSpan
			c.Match = MatchStripped
		case r.head && !someNamed:
			c.Score *= headSpan
		case r.head:
			c.Score *= partSpan
		case r.bracketed && headTop < ix.Thresholds.Candidate:
			c.Score *= partSpan
		default:
			c.Score = min(c.Score*partSpan, ix.Thresholds.listedOnly())
			c.listed = true
		}
		c.Score = roundScore(c.Score)
		if c.Score >= floor {
			cands = keepBest(cands, c)
		}
	}
	sortCandidates(cands)
	return cands, nil
}

// unknownAfter reports whether the words after the last one c met, up to
// the first common noun in lower case, may name something else: words
// written with a capital (PKK's Cemil Bayık names Cemil Bayık), not
// qualifiers of c's kind. A direction
// after a town in the genitive (Kerkük'ün güneyinde, south of Kirkuk)
// says where, and lower-case words say what of c is meant (Maliki's rule,
// Saddam Hüseyin'in emriyle, by Saddam Hussein's order): the query names
// c itself. lower is lowerWords of the query.
func unknownAfter(q *prepared, c *Candidate, lower uint64) bool {
	ek := kindOfType(c.Type, c.Subtype)
	for k := bits.Len64(c.met); k < len(q.tokenQuals); k++ {
		if lower&bit(k) == 0 && !q.tokenQuals[k].ignorable(ek) {
			return true
		}
		if lower&bit(k) != 0 && q.tokenQuals[k] == qualNone {
			// A common noun in lower case is what c has (Telafer'in
			// kurtarılmasının ardından, after Tal Afar's liberation); a
			// capitalised word after it begins another phrase.
			return false
		}
	}
	return false
}

// lowerWords returns, as bits of the query's romanised words (see
// nameMatch.met), the words written in lower case only: in a script with
// capitals, common nouns rather than names.
func lowerWords(q *prepared) uint64 {
	return q.rawWordBits(startsLower)
}

// rawWordBits returns, as bits of the query's romanised words (see
// nameMatch.met), the words of the query as written that keep reports.
func (q *prepared) rawWordBits(keep func(word string) bool) uint64 {
	var out uint64
	for _, w := range strings.Fields(q.raw) {
		if keep(w) {
			out |= q.bitsOf(w)
		}
	}
	return out
}

// startsLower reports whether the first letter of w is a lower-case one.
func startsLower(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

// titledHead reports whether the head of a query read in parts has a word
// for a title or office and parts after it or in brackets (Speaker of the
// parliament, Mohammed Halbousi).
func titledHead(p queryParts) bool {
	return p.head != "" && len(p.after)+len(p.bracketed) > 0 && slices.Contains(prepare(p.head).tokenQuals, qualTitle)
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
	if len(cands) == 0 {
		return nil
	}
	n := min(len(cands), maxContextCandidates)
	marked := false
	// A name after "led by" (به رهبری, التي يرأسها; before liderliğindeki)
	// is said of the name on the other side: the organisation is meant.
	if head, leader, near := ledBySides(q); head != 0 {
		for i := range n {
			a := &cands[i]
			if a.met == 0 || a.met&^head != 0 || a.deferTo != "" || !ix.Thresholds.named(a) {
				continue
			}
			if a.met&near == 0 {
				continue // met too far from the phrase to be what it is said of
			}
			for j := range n {
				if b := &cands[j]; j != i && b.met != 0 && b.met&^leader == 0 && b.deferTo == "" {
					deferAsContext(b, a, "named as the leader of "+a.EntityID, explain)
					marked = true
					// The leader the glossary relates to a tells a from a
					// namesake the same words meet (the KDP, not the KDPI,
					// led by Masoud Barzani).
					in, err := ix.belongsTo(ctx, b.EntityID, a.EntityID)
					if err != nil {
						return err
					}
					if !in {
						continue
					}
					for k := range n {
						if c := &cands[k]; k != i && k != j && c.Type == a.Type && c.met == a.met && c.deferTo == "" {
							deferAsContext(c, a, "its namesake "+a.EntityID+" is the one "+b.EntityID+" leads", explain)
						}
					}
					// The leader confirmed, a is read from its side of the
					// phrase alone, as a part before a comma is.
					if err := ix.rescoreFromWords(ctx, q, a, head, explain); err != nil {
						return err
					}
				}
			}
		}
	}
	// A name in the genitive before another (Iraq's, IKBY'nin) is its
	// possessor: context for what follows.
	if gen := genitiveWords(q); gen != 0 {
		lower := lowerWords(q)
		for i := range n {
			b := &cands[i]
			if b.met == 0 || gen&bit(bits.Len64(b.met)-1) == 0 || b.deferTo != "" {
				continue // the name's last word met is not in the genitive
			}
			possessed := false
			for j := range n {
				a := &cands[j]
				if i == j || a.met == 0 || a.met&b.met != 0 || a.met < b.met || !ix.Thresholds.named(a) {
					continue // a must meet words after b's, and be named by them
				}
				deferAsContext(b, a, "in the genitive before "+a.EntityID, explain)
				possessed, marked = true, true
				break
			}
			if !possessed && unknownAfter(q, b, lower) {
				// What it possesses is named after it, and the glossary
				// does not know it (PKK's Cemil Bayık, Erdoğan's AKP):
				// listed, not the answer.
				ix.Thresholds.listOnly(b, "in the genitive before words the glossary does not know", explain)
				marked = true
			}
		}
	}
	// A candidate met by some of the words that met another's whole name,
	// and by no others, is a reading of part of that name, whichever
	// scores higher: the longer name is meant (Sulaimani the city in Qassem
	// Soleimani; Ibrahim Ahmed in Hero Ibrahim Ahmed; Iraq in hêzên artêşa
	// Iraqê, the forces of the Iraqi Army).
	// A person's name met whole may have a word of the query inside it,
	// a middle name the glossary omits (Nouri Kamel al-Maliki): a
	// candidate met only by such words is no rival either. Every other
	// candidate is compared (words met, no lookup): a rival further down
	// met by part of the name would make the answer ambiguous.
	for i := range n {
		a := &cands[i]
		if !a.metWhole() || a.deferTo != "" {
			continue
		}
		words := a.met
		if a.Type == glossary.TypePerson {
			words = spanOf(a.met)
		}
		// The word of its kind beside it belongs to the phrase that names
		// it (حزب in حزب الاتحاد الاسلامي الكردستاني).
		words |= q.kindWordsBeside(kindOfType(a.Type, a.Subtype), a.met)
		marked = deferPartReadings(cands, i, words, 0, explain) || marked
		// The same words, meeting every word of a's name closely and only
		// part of b's, read a (Partiya Demokrat a Kurdistanê is the KDP;
		// the KDPI's name goes on: Kurdistana Îranê).
		// Of three words or more, and of one type: a name of one or two
		// words is too often part of another (سلێمانی, Qasem Soleimani).
		if !a.closely || bits.OnesCount64(a.met) < 3 {
			continue
		}
		for j := range n {
			if b := &cands[j]; j != i && b.Type == a.Type && b.met == a.met && b.Match == MatchPartial && !b.closely && b.deferTo == "" {
				deferAsContext(b, a, "the same words, all of the name of "+a.EntityID+" and part of its own", explain)
				marked = true
			}
		}
	}
	// A name met whole, word after word and each word as the name writes
	// it, is meant over a reading whose words lie scattered over the
	// sentence, two or more other words between them, one of them a word
	// of the whole name: the reading borrows it (The Iraqi parliament has
	// voted … to oblige the federal government: the Council of
	// Representatives, not an Iraqi federal government; در جریان یورش
	// هواداران مقتدی صدر, during the storming by Muqtada al-Sadr's
	// supporters: Muqtada, not the Sadrist Movement, جریان صدر, read
	// from جریان, during, and his صدر).
	for i := range n {
		a := &cands[i]
		if !a.whole || !a.exactly || a.deferTo != "" || bits.OnesCount64(a.met) < 2 || spanOf(a.met) != a.met || !ix.Thresholds.named(a) {
			continue
		}
		for j := range n {
			if b := &cands[j]; j != i && scatteredOver(b, a) {
				deferAsContext(b, a, "its words scattered, one of them a word of "+a.EntityID+", met whole", explain)
				marked = true
			}
		}
	}
	// Of two readings of the same words, one that meets every word of a
	// name as the name writes it, word after word, with a word of its kind
	// beside it (قضاء, شاری, kenti), is meant over one that meets them only
	// nearly (قضاء طوزخورماتو is the district of Tuz
	// Khurmatu, not Taza Khurmatu, a letter off), and a place met whole so
	// over a place whose name they only begin (سلێمانی is Sulaymaniyah, not
	// Sulaiman Bek read from سلێمان). This comes before context is
	// marked, so that the near reading is not taken for what the exact
	// one is context of (the central government in Baghdad: Baghdad, the
	// government's seat, not Baghdeda, Qaraqosh). Beside a word of its
	// kind, a name met closely (every word at wholeWordSim) counts as met
	// exactly against one met less closely: شاری بەغداد, the city of
	// Baghdad written with the Arabic final د, which the Sorani بەغدا
	// lacks, is still not Baghdeda.
	for i := range n {
		a := &cands[i]
		if !(a.exactly || a.marked && a.closely) || a.met == 0 || spanOf(a.met) != a.met || a.deferTo != "" || !ix.Thresholds.named(a) {
			continue // met exactly, or closely beside a word of its kind, word after word
		}
		for j := range n {
			// Without a word of its kind beside it, a name met exactly
			// is still meant over a name the same words meet whole but a
			// letter off (زیر آفتاب تند بغداد, under Baghdad's hot sun:
			// Baghdad, not Baghdeda).
			if b := &cands[j]; j != i && b.deferTo == "" && (a.marked || b.closely) && readsLessClosely(a, b) {
				deferAsContext(b, a, "the same words, met less closely than a name of "+a.EntityID, explain)
				marked = true
			}
		}
	}
	marked = adjectiveOverLikeness(q, cands, n, explain) || marked
	for i := range n {
		a := &cands[i]
		if a.met == 0 || a.deferTo != "" || !ix.Thresholds.named(a) {
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
			deferAsContext(b, a, "named beside "+a.EntityID+", which belongs to it", explain)
			if a.closely && !a.whole {
				// The context confirms a light name met closely
				// (اربیل مرکز اقلیم کردستان, Erbil, centre of the
				// Kurdistan Region): it is meant whole.
				a.whole = true
				if explain {
					a.Explanation = append(a.Explanation, "its context confirms it")
				}
			}
			marked = true
		}
	}
	marked = placeByLinkWord(q, cands[:n], explain) || marked
	marked = adjectiveOfPlace(ix.Thresholds, q, cands[:n], explain) || marked
	marked = ix.Thresholds.placeOfUnknown(q, cands, explain) || marked
	marked = ix.Thresholds.likenessBesideName(q, cands[:n], explain) || marked
	// A name met whole with a word of its kind beside it (قضاء سنجار,
	// President Barzani, the city of Halabja) is what the query names: a
	// candidate met by other words and marked by none is said of it (the
	// Iraqi-Syrian border near Sinjar district, KDP leader Masoud
	// Barzani). Every other candidate is compared (a comparison of words
	// met, no lookup): a rival further down met by the same other words
	// (PUK and KIG by Kurdistanê in birêz Mesûd Barzanî Serokê Herêma
	// Kurdistanê) would make the answer ambiguous. A candidate marked too,
	// met by words on both sides of the name, took the name's kind word
	// across it (Kerkük'ün Dakuk ilçesi: Kirkuk's Daquq district, not
	// Kirkuk district).
	for i := range n {
		a := &cands[i]
		if !a.marked || !a.metWhole() || a.deferTo != "" {
			continue
		}
		for j := range cands {
			b := &cands[j]
			if i == j || b.met == 0 || b.met&a.met != 0 || b.deferTo != "" {
				continue
			}
			switch {
			case !b.marked && fullNameBesidePlace(a, b):
				// A person's name met whole, two words or more as it
				// writes them, is no description of the place beside it
				// (برهم صالح در سفر به تهران, Barham Salih on a trip to
				// Tehran): the query names both.
			case !b.marked:
				deferAsContext(b, a, "named beside "+a.EntityID+", which a word of its kind marks", explain)
				marked = true
			case j < n && straddles(b.met, a.met):
				deferAsContext(b, a, "met by words on both sides of "+a.EntityID, explain)
				marked = true
			}
		}
	}
	// Two places each met whole with a word of its kind beside it (وبلدة
	// خورمال بمحافظة السليمانية, the town of Khurmal in Sulaymaniyah
	// governorate; Kerkük'ün Dakuk ilçesi): the smaller is what the query
	// names, the larger where it lies, whether or not the glossary places
	// it there (Khurmal has been in Halabja governorate since 2014).
	for i := range n {
		a := &cands[i]
		if !a.marked || !a.metWhole() || a.deferTo != "" || placeRank(a) == 0 {
			continue
		}
		for j := range n {
			b := &cands[j]
			if i == j || !b.marked || !b.metWhole() || b.deferTo != "" || b.met&a.met != 0 || placeRank(b) <= placeRank(a) {
				continue
			}
			deferAsContext(b, a, "named beside "+a.EntityID+", a smaller place a word of its kind marks", explain)
			marked = true
		}
	}
	// A place with a title word beside it (محافظ السليمانية, the governor
	// of Sulaymaniyah; Kerkük Valisi) among words the glossary does not know
	// names the office's holder, whom the glossary lacks (وهفال ابوبكر
	// محافظ السليمانية): the place is listed, not the answer. So is a
	// place with nothing but titles beside it (رئیس جمهور ترکیه, Türkiye
	// Cumhurbaşkanı, the President of Turkey): the holder is meant, and not
	// named.
	titles := q.classWords(qualTitle)
	if unknown := unknownWords(q, cands); unknown != 0 || titles != 0 {
		for i := range cands {
			c := &cands[i]
			if c.Type != glossary.TypePlace || c.met == 0 || c.deferTo != "" || !titleBeside(c.met, titles) {
				continue
			}
			if unknown == 0 && !onlyTitlesBeside(q, c.met, titles) {
				continue
			}
			if q.locativeBefore(bits.TrailingZeros64(c.met)) {
				continue // a place the query puts something in (لە بەغدا باڵیۆزی ٤٠ وڵاتی, in Baghdad ... the ambassadors of 40 countries), not an office's seat
			}
			ix.Thresholds.listOnly(c, "a title of the place beside words the glossary does not know: a holder of the office it lacks", explain)
			marked = true
		}
	}
	marked = listGivenNamePlaces(ix.Thresholds, q, cands, explain) || marked
	// A person's name with a word for a relative just before it (Birayê
	// Rêber Apo, brother of the leader Apo; شقيق, نجل, برای, brother of, son
	// of) or just after it (Öcalan'ın kardeşi, Talabani's son) names that
	// relative, whom the glossary may lack: the person is listed, not the
	// answer. A relative the glossary has is met by its own words.
	if kin := kinshipWordBits(q); kin != 0 {
		titles := q.classWords(qualTitle)
		for i := range cands {
			c := &cands[i]
			if c.Type != glossary.TypePerson || c.met == 0 || c.deferTo != "" || !titleBeside(spanWith(c.met, titles), kin) {
				continue
			}
			ix.Thresholds.listOnly(c, "a word for a relative beside the name: the relative is meant", explain)
			marked = true
		}
	}
	// A place that is no country with a word for a state or its government
	// just before it (دولت اقلیم کردستان, the Government of the Kurdistan
	// Region; Dewleta Kurdistanê, a state of Kurdistan) names that state or
	// government, not the place: listed, not the answer.
	if states := stateNounWords(q); states != 0 {
		for i := range cands {
			c := &cands[i]
			lo := bits.TrailingZeros64(c.met)
			if c.Type != glossary.TypePlace || c.met == 0 || c.deferTo != "" || strings.EqualFold(c.Subtype, "country") || lo == 0 || states&bit(lo-1) == 0 {
				continue
			}
			ix.Thresholds.listOnly(c, "a word for a state before a place that is no country: the state or its government", explain)
			marked = true
		}
	}
	// Likewise a rival met only by part of the words that name what was
	// made context of the best candidate (حكومة, the Government of Iraq, in
	// رئيس حكومة إقليم كردستان مسرور بارزاني: the words of the KRG's name).
	if marked {
		for i := range n {
			if a := &cands[i]; i > 0 && a.whole && a.met != 0 && a.deferTo == cands[0].EntityID {
				deferPartReadings(cands[:n], i, a.met, 1, explain) // the best is no part of its context
			}
		}
		followDeferrals(cands)
		sortCandidates(cands)
	}
	return nil
}

// fullNameBesidePlace reports whether b, beside the place a, is a person
// met whole by two or more words, each as his name writes it.
func fullNameBesidePlace(a, b *Candidate) bool {
	return a.Type == glossary.TypePlace && b.Type == glossary.TypePerson && b.whole && b.exactly && bits.OnesCount64(b.met) >= 2
}

// deferPartReadings makes context for cands[i] every other candidate from
// cands[from] on met by some of the given words of the query and by no
// others (see markContext), and reports whether it made any.
func deferPartReadings(cands []Candidate, i int, words uint64, from int, explain bool) bool {
	a := &cands[i]
	marked := false
	for j := from; j < len(cands); j++ {
		b := &cands[j]
		bm := b.met
		if bm == 0 {
			bm = b.namedAfter // Amerîka in Wezareta Derve ya Amerîkayê
		}
		if j != i && bm != 0 && bm&^words == 0 && bm != a.met && !covers(bm, a.met) && b.deferTo == "" {
			deferAsContext(b, a, "met by part of the words that name "+a.EntityID, explain)
			marked = true
		}
	}
	return marked
}

// scatteredOver reports whether b, not met whole, met a word of a's name
// and two or more words apart from both names between its own: a reading
// of words scattered over the sentence that borrows one of a's.
func scatteredOver(b, a *Candidate) bool {
	return !b.whole && b.deferTo == "" && b.met&a.met != 0 && !covers(b.met, a.met) && bits.OnesCount64(spanOf(b.met)&^b.met&^a.met) >= 2
}

// readsLessClosely reports whether b reads the words a met exactly less
// closely than a: its name met whole but a letter off, or, for two places,
// only begun by them while a's is met whole.
func readsLessClosely(a, b *Candidate) bool {
	if b.met != a.met || b.Match != MatchPartial {
		return false
	}
	if b.closely {
		return !b.exactly
	}
	// A name met whole with a word of its kind beside it is meant over any
	// other name the same words only begin (the city of Sulaimani, not
	// Qasem Soleimani, whose name goes on).
	return a.whole && (a.marked || a.Type == glossary.TypePlace && b.Type == glossary.TypePlace)
}

// covers reports whether the words of met include all of those of part
// and more: a reading that meets them is the longer one, no part of the
// other (محافظة أربيل, the governorate, against أربيل, its capital).
func covers(met, part uint64) bool {
	return met&part == part && met != part
}

// spanOf returns the bits from the lowest to the highest of met: the words
// of the query from the first a name met to the last.
func spanOf(met uint64) uint64 {
	if met == 0 {
		return 0
	}
	low := bits.TrailingZeros64(met)
	return (bit(bits.Len64(met)) - 1) &^ (bit(low) - 1)
}

// deferAsContext makes b context for a: deferring to it, listed just below
// it, and saying why when explain is set.
func deferAsContext(b, a *Candidate, why string, explain bool) {
	b.deferTo = a.EntityID
	b.Score = min(b.Score, max(0, a.Score-contextGap))
	if explain {
		b.Explanation = append(b.Explanation, why)
	}
}

// followDeferrals points each candidate that defers to one that defers in
// turn (Iran to the IRGC, the IRGC to the Quds Force) to the end of the
// chain, so that it is no rival of the one meant, and lists it below that
// one (Duhok, context of its governorate, which is in turn context of the
// Zakho district named beside it).
func followDeferrals(cands []Candidate) {
	byID := make(map[string]string, len(cands))
	scores := make(map[string]float64, len(cands))
	for _, c := range cands {
		byID[c.EntityID] = c.deferTo
		scores[c.EntityID] = c.Score
	}
	for i := range cands {
		for range len(cands) { // a chain is no longer than the candidates
			next := byID[cands[i].deferTo]
			if next == "" || next == cands[i].EntityID {
				break
			}
			cands[i].deferTo = next
		}
		if to, ok := scores[cands[i].deferTo]; ok && byID[cands[i].deferTo] == "" {
			cands[i].Score = min(cands[i].Score, max(0, to-contextGap))
		}
	}
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
// nameMatch.met), the words written in the genitive with an apostrophe
// (Iraq's, Irak'ın, IKBY’nin), and the names of English compound
// adjectives before another word (IS-held Mosul, KDP-led government):
// both say whose or by whom, and name what follows.
func genitiveWords(q *prepared) uint64 {
	if !strings.ContainsAny(q.raw, "'’-") {
		return 0
	}
	var gen uint64
	fields := strings.Fields(q.raw)
	for fi, w := range fields {
		if name, ok := normalize.CompoundModifier(w); ok && fi < len(fields)-1 {
			gen |= q.bitsOf(name)
			continue
		}
		i := strings.LastIndexAny(w, "'’")
		if i <= 0 {
			continue
		}
		_, size := utf8.DecodeRuneInString(w[i:])
		if slices.Contains(genitiveEndings, strings.ToLower(w[i+size:])) {
			gen |= q.bitsOf(w)
		}
	}
	return gen
}

// placeOfUnknown lists, not answers, the places met after a link word (in,
// of, في, در) when before it stands a place the glossary lacks, said to be
// one by the word of its kind before its name (او متولد شهر مهاباد در
// ایران, he was born in the city of Mahabad in Iran): the place met is
// where the place meant lies. It reports whether it listed any.
func (t Thresholds) placeOfUnknown(q *prepared, cands []Candidate, explain bool) bool {
	if q.glossaryWord == nil || !slices.ContainsFunc(q.tokenQuals, placeKindWord) {
		return false
	}
	fields := strings.Fields(q.raw)
	listed := false
	for k := 1; k+1 < len(fields); k++ {
		if !isLinkWord(fields[k]) {
			continue
		}
		before := q.bitsOf(strings.Join(fields[:k], " "))
		after := q.bitsOf(strings.Join(fields[k+1:], " ")) &^ before
		listed = t.placeOfUnknownAt(q, cands, before, after, explain) || listed
	}
	return listed
}

// placeOfUnknownAt is placeOfUnknown for the words before and after one
// link word, as bits.
func (t Thresholds) placeOfUnknownAt(q *prepared, cands []Candidate, before, after uint64, explain bool) bool {
	if before == 0 || after == 0 {
		return false
	}
	i, unknown := bits.Len64(before)-1, 0
	for i >= 0 && unknown < maxChainWords && q.tokenQuals[i] == qualNone && !q.glossaryWord(q.keys.Tokens[i]) {
		i--
		unknown++
	}
	if unknown == 0 || i < 0 {
		return false
	}
	if !placeKindWord(q.tokenQuals[i]) {
		return false
	}
	listed := false
	for k := range cands {
		c := &cands[k]
		if c.Type != glossary.TypePlace || c.met == 0 || c.met&^after != 0 || c.deferTo != "" {
			continue
		}
		t.listOnly(c, "where a place the glossary lacks lies (a word of its kind before an unknown name, then a link word)", explain)
		listed = true
	}
	return listed
}

// placeKindWord reports whether a word of class c names a kind of place:
// a city, province, district or island.
func placeKindWord(c qualifierClass) bool {
	switch c {
	case qualCity, qualProvince, qualDistrict, qualIsland:
		return true
	}
	return false
}

// linkSides returns the query's words before and after its first word
// that places what comes before it in what comes after (of, in, في), as
// bits (see bit); 0, 0 when no such word stands between two others.
func linkSides(q *prepared) (before, after uint64) {
	// Most queries have no such word: found without splitting the text.
	at, i := -1, 0
	for f := range strings.FieldsSeq(q.raw) {
		if at < 0 && i > 0 && isLinkWord(f) {
			at = i
		}
		i++
	}
	if at < 0 || at == i-1 {
		return 0, 0
	}
	fields := strings.Fields(q.raw)
	before = q.bitsOf(strings.Join(fields[:at], " "))
	after = q.bitsOf(strings.Join(fields[at+1:], " ")) &^ before
	return before, after
}

// isLinkWord reports whether a word of a query, as written, is one of the
// words linkSides looks for: English of and in, Arabic في, Persian در, and
// the Kurmanji ezafe particles that link a noun to the name after it (Hong
// Kong Herêma Îdariya Taybet a Çîn, Hong Kong, Special Administrative
// Region of China).
func isLinkWord(w string) bool {
	switch w {
	case "في", "در", "a", "ya", "yê", "yên", "ên":
		return true
	}
	return strings.EqualFold(w, "of") || strings.EqualFold(w, "in")
}

// contextGap is how far below the entity that belongs to it a context
// entity is listed.
const contextGap = 0.01

// belongsTo reports whether entity a is a member, leader, founder or part
// of b, affiliated with it, or a place b contains, or is so related to an
// entity b contains.
func (ix *Index) belongsTo(ctx context.Context, a, b string) (bool, error) {
	en, err := ix.entityByID(ctx, a)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	stands, err := ix.standsFor(ctx, b)
	if err != nil {
		return false, err
	}
	for _, rel := range memberRelations {
		targets := en.e.Related(rel)
		for _, t := range targets {
			if slices.Contains(stands, t) {
				return true, nil // the governor of Kirkuk, its governorate's
			}
		}
		// A leader of the KRG belongs to the Kurdistan Region, where the
		// KRG is.
		for _, t := range targets {
			if in, err := ix.withinAny(ctx, t, stands); in || err != nil {
				return in, err
			}
		}
	}
	return ix.withinAny(ctx, a, stands)
}

// placeRank orders the kinds of place by size, 0 for a candidate that is
// no place of a known kind: a town or city, a district, a governorate, a
// region, a country.
func placeRank(c *Candidate) int {
	if c.Type != glossary.TypePlace {
		return 0
	}
	switch c.Subtype {
	case "town", "city":
		return 1
	case "district":
		return 2
	case "governorate":
		return 3
	case "region":
		return 4
	case "country":
		return 5
	}
	return 0
}

// straddles reports whether the words outer met (as bits) lie on both
// sides of those inner met.
func straddles(outer, inner uint64) bool {
	lo, hi := bits.TrailingZeros64(inner), bits.Len64(inner)-1
	return outer&(bit(lo)-1) != 0 && outer>>(hi+1) != 0
}

// unknownWords returns, as bits of the query's romanised words (see
// nameMatch.met), the words no candidate met that are no qualifier or
// function word: words of a name the glossary does not know, or of the
// sentence around one. It is 0 when a candidate met the query as a whole
// name, its words then not known one by one.
func unknownWords(q *prepared, cands []Candidate) uint64 {
	var met uint64
	for _, c := range cands {
		if c.met == 0 && c.Match < MatchSkeleton {
			return 0
		}
		met |= c.met
	}
	var out uint64
	for i, t := range q.keys.Tokens {
		if i < 64 && met&bit(i) == 0 && q.qualifier(t) == qualNone {
			out |= bit(i)
		}
	}
	return out
}

// rescoreFromWords scores candidate c against the words of the query
// that words holds (as bits; see nameMatch.met) alone, and keeps that score
// at headSpan if it is higher: the rest of the query is accounted for (a
// leader the glossary relates to c, after led by).
func (ix *Index) rescoreFromWords(ctx context.Context, q *prepared, c *Candidate, words uint64, explain bool) error {
	var kept []string
	for _, w := range strings.Fields(q.raw) {
		if b := q.bitsOf(w); b != 0 && b&^words == 0 {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	text := strings.Join(kept, " ")
	hc, err := ix.scoreFor(ctx, Query{Text: text}, text, c.EntityID)
	if err != nil || hc == nil {
		return err
	}
	if score := roundScore(hc.Score * headSpan); score > c.Score {
		c.Score = score
		if explain {
			c.Explanation = append(c.Explanation, "read from its side of the phrase: "+text)
		}
	}
	return nil
}

// familyNameBits returns the query's words, as bits, written as an Arabic
// family name or nisba: the article, then a word ending in ي (not the
// feminine ية of an adjective after a place: كركوك النفطية), as الأيوبي
// or al-Husseini.
func familyNameBits(q *prepared) uint64 {
	return q.rawWordBits(isFamilyNameForm)
}

// isFamilyNameForm reports whether word is written as an Arabic family
// name: الـ or al-/el- before at least three letters, ending in ي or i/y.
func isFamilyNameForm(word string) bool {
	lower := strings.ToLower(word)
	for _, art := range []string{"ال", "al-", "el-"} {
		rest, ok := strings.CutPrefix(lower, art)
		if !ok || utf8.RuneCountInString(rest) < 4 {
			continue
		}
		if art == "ال" {
			return strings.HasSuffix(rest, "ي") && !strings.HasSuffix(rest, "ية")
		}
		return strings.HasSuffix(rest, "i") || strings.HasSuffix(rest, "y")
	}
	return false
}

// onlyTitlesBeside reports whether every word of the query outside those
// a name met (met) is a title (titles) or a function word.
func onlyTitlesBeside(q *prepared, met, titles uint64) bool {
	for i := range q.keys.Tokens {
		if i >= 64 || met&bit(i) != 0 || titles&bit(i) != 0 || q.tokenQuals[i] == qualFunction {
			continue
		}
		return false
	}
	return true
}

// titleBeside reports whether a word of titles stands just before or just
// after the words met.
func titleBeside(met, titles uint64) bool {
	lo, hi := bits.TrailingZeros64(met), bits.Len64(met)-1
	return lo > 0 && titles&bit(lo-1) != 0 || hi+1 < 64 && titles&bit(hi+1) != 0
}

// stateNouns are the romanised nouns for a state among the forms of state
// (not the adjectives, such as federal or democratic, which a region's
// name may take: the federal Kurdistan Region).
var stateNouns = sync.OnceValue(func() map[string]bool {
	return romanisedSet([]string{
		"state", "دولة", "دولت", "dewlet", "dewleta", "devlet", "devleti",
		"republic", "جمهورية", "جمهوری", "کۆماری", "komara", "cumhuriyeti",
		"kingdom", "مملكة", "پادشاهی", "krallığı",
	})
})

// stateNounWords returns, as bits, the query's words that are nouns for a
// state (stateNouns).
func stateNounWords(q *prepared) uint64 {
	states := q.classWords(qualState)
	for i, t := range q.keys.Tokens {
		if i < 64 && !stateNouns()[t] {
			states &^= bit(i)
		}
	}
	return states
}

// kinshipWords are the words news writes for a person's relative beside
// the person's name, in English, Arabic, Sorani, Kurmanji, Turkish and
// Persian. Not ابن or بن (son of), which are parts of many names, nor Abu.
var kinshipWords = sync.OnceValue(func() map[string]bool {
	return romanisedSet([]string{
		"brother", "sister", "son", "daughter", "wife", "husband", "father", "mother", "nephew", "cousin",
		"شقيق", "شقيقة", "نجل", "ابنة", "زوجة", "والد", "والدة", "أخو",
		"برای", "خوشکی", "کوڕی", "کچی", "ژنی", "هاوسەری", "باوکی", "دایکی",
		"birayê", "xwişka", "kurê", "keça", "jina", "hevjîna", "bavê", "diya",
		"kardeşi", "oğlu", "kızı", "eşi", "babası", "annesi", "yeğeni",
		"برادر", "خواهر", "پسر", "دختر", "همسر", "پدر", "مادر",
		// A family, named by its family name: the Sadr family is not
		// Muqtada al-Sadr (ünlü Sadr ailesine mensup, belonging to the
		// famous Sadr family; عائلة الصدر; بنەماڵەی بارزانی; malbata
		// Barzanî; خاندان بارزانی).
		"family", "ailesi", "ailesine", "ailesinin", "ailesinden", "عائلة", "أسرة", "اسرة",
		"بنەماڵەی", "بنەماڵە", "malbata", "malbatê", "binemala", "خاندان", "خانواده",
	})
})

// soraniKinshipWords are the kinship words Sorani writes as Persian writes
// another word: برای, brother of, is the Persian for.
var soraniKinshipWords = sync.OnceValue(func() map[string]bool { return romanisedSet([]string{"برای"}) })

// kinshipWordBits returns, as bits, the query's words for a relative; a
// word of soraniKinshipWords only in a query with a letter only Kurdish
// writes (حکم پنج ماه حبس برای شاسوار عبدالواحد is a sentence for Shaswar
// Abdulwahid, not his brother).
func kinshipWordBits(q *prepared) uint64 {
	sorani := normalize.HasKurdishLetter(q.raw)
	var out uint64
	for i, t := range q.keys.Tokens {
		if i < 64 && kinshipWords()[t] && (sorani || !soraniKinshipWords()[t]) {
			out |= bit(i)
		}
	}
	return out
}

// spanWith returns met with the words of extra that stand next to it, one
// after another, on either side: a name with the titles written before or
// after it (Rêber Apo, the leader Apo).
func spanWith(met, extra uint64) uint64 {
	for lo := bits.TrailingZeros64(met); lo > 0 && extra&bit(lo-1) != 0; lo-- {
		met |= bit(lo - 1)
	}
	for hi := bits.Len64(met) - 1; hi+1 < 64 && extra&bit(hi+1) != 0; hi++ {
		met |= bit(hi + 1)
	}
	return met
}

// placeByLinkWord makes context of a place named after "of" or "in" (في)
// when a place is met before it, whole or every word of its name exactly:
// the first is what the query names, the second where it lies (Hong Kong
// Special Administrative Region of China; Makhmur in Erbil province),
// whether or not the glossary places it there. A title beside the first
// (محافظ كركوك في قضاء الحويجة, the governor of Kirkuk in Hawija district)
// makes it part of the office's name, and a place smaller than the first
// cannot hold it. It reports whether it made any candidate context.
func placeByLinkWord(q *prepared, cands []Candidate, explain bool) bool {
	before, after := linkSides(q)
	if before == 0 || after == 0 {
		return false
	}
	marked := false
	titles := q.classWords(qualTitle)
	for i := range cands {
		a := &cands[i]
		if a.Type != glossary.TypePlace || !a.metWhole() && !a.exactly || a.met == 0 || a.met&^before != 0 || a.deferTo != "" || titleBeside(a.met, titles) {
			continue
		}
		placed := false
		for j := range cands {
			b := &cands[j]
			if i == j || b.Type != glossary.TypePlace || b.met == 0 || b.met&^after != 0 || b.deferTo != "" || placeRank(b) < placeRank(a) {
				continue
			}
			deferAsContext(b, a, "named after a word that places "+a.EntityID+" in it", explain)
			placed, marked = true, true
		}
		if placed && !a.whole {
			// Placed, a light name met exactly is meant whole (Ankawa in
			// Erbil; سنجار في نينوى).
			a.whole = true
			if explain {
				a.Explanation = append(a.Explanation, "the place after it confirms it")
			}
		}
	}
	return marked
}

// listGivenNamePlaces lists, not as the answer, a place named whole with no
// word of its kind beside it just before a family name the glossary does
// not know (صلاح الدين الأيوبي, Saladin the Ayyubid; Said Sadiq
// al-Husseini): the place is a person's given names. It reports whether it
// listed any.
func listGivenNamePlaces(t Thresholds, q *prepared, cands []Candidate, explain bool) bool {
	unknown := unknownWords(q, cands)
	if unknown == 0 {
		return false
	}
	family := familyNameBits(q) & unknown
	if family == 0 {
		return false
	}
	listed := false
	for i := range cands {
		c := &cands[i]
		if c.Type != glossary.TypePlace || c.met == 0 || c.marked || c.deferTo != "" || family&bit(bits.Len64(c.met)) == 0 {
			continue
		}
		t.listOnly(c, "a family name after it: a person's given names", explain)
		listed = true
	}
	return listed
}

// markCoordinated marks the best candidate coordinated when the query
// joins two names with a conjunction (و, û, ve) and another candidate,
// named as well (see Thresholds.named) and context of nothing, is named on
// the other side of it: "پارتی و یەکێتی", the KDP and the PUK, names two parties, and
// the answer is ambiguous however the two score. A name that holds the
// conjunction itself (Trinidad and Tobago) meets both sides and is not
// coordinated.
func (t Thresholds) markCoordinated(q *prepared, cands []Candidate, explain bool) {
	if len(cands) < 2 || cands[0].deferTo != "" || cands[0].met == 0 {
		return
	}
	conj := q.conjunctions
	if conj == 0 {
		return
	}
	a := &cands[0]
	for c := conj; c != 0; c &= c - 1 {
		at := c & -c
		before, after := at-1, ^(at<<1 - 1)
		var other uint64
		switch {
		case a.met&^before == 0:
			other = after
		case a.met&^after == 0:
			other = before
		default:
			continue
		}
		for i := 1; i < len(cands); i++ {
			b := &cands[i]
			if b.met == 0 || b.met&^other != 0 || b.deferTo != "" || !t.named(b) {
				continue
			}
			a.coordinated = true
			if explain {
				a.Explanation = append(a.Explanation, "named beside "+b.EntityID+", joined by a conjunction: the query names both")
			}
			return
		}
	}
}

// conjunctionBits returns, as bits, the words of a query (its romanised
// tokens, latin when it is written in the Latin script) that join two
// names: the Kurmanji û, the Turkish ve, and in the Arabic script the و
// written apart (the keys leave the English and out).
func conjunctionBits(tokens []string, latin bool) uint64 {
	var out uint64
	for i, t := range tokens {
		if i >= 64 {
			break
		}
		if !latin && t == "w" || latin && (t == "u" || t == "ve") {
			out |= bit(i)
		}
	}
	return out
}

// adjectiveOfPlace makes context of a person or an organisation named
// whole every place met only by an adjective of its name, one word, beside
// that name (حسن روحانی همتای ایرانی, Hassan Rouhani, his Iranian
// counterpart; الحشد الشعبي العراقي, the Iraqi PMF): the adjective says
// whose the person or organisation is. It reports whether it made any.
func adjectiveOfPlace(t Thresholds, q *prepared, cands []Candidate, explain bool) bool {
	marked := false
	for i := range cands {
		a := &cands[i]
		if a.Type == glossary.TypePlace || !a.metWhole() || a.deferTo != "" || !t.named(a) {
			continue
		}
		lo, hi := bits.TrailingZeros64(a.met), bits.Len64(a.met)-1
		for j := range cands {
			b := &cands[j]
			if i == j || b.Type != glossary.TypePlace || bits.OnesCount64(b.met) != 1 || b.deferTo != "" || a.met&b.met != 0 {
				continue
			}
			w := bits.TrailingZeros64(b.met)
			if w >= len(q.keys.Tokens) || w < lo-maxAdjectiveGap || w > hi+maxAdjectiveGap {
				continue
			}
			if !adjectiveOfAny(matchedTokens(b), q.keys.Tokens[w]) {
				continue
			}
			if slices.ContainsFunc(cands, func(c Candidate) bool {
				return c.Type == a.Type && c.EntityID != a.EntityID && c.met&b.met != 0 && c.met&a.met != 0
			}) {
				// Another name of a's kind holds the adjective with a's
				// words (الحزب الديمقراطي الكردي الايراني: the KDPI's
				// name has Iran, the KDP's has not): it is a word of that
				// name, not said of a.
				continue
			}
			deferAsContext(b, a, "an adjective of its name said of "+a.EntityID, explain)
			marked = true
		}
	}
	return marked
}

// likenessBesideName lists only, in a text without capitals (Arabic
// script), a one-word name that one word of the query only resembles when
// the best candidate's name of two words or more is met there word for
// word by other words: ابعاد (dimensions) a letter off Abadi beside حشد
// الشعبی, the PMF. In such a text nothing else tells a name from a common
// word, and a name met exactly is the better evidence. It reports whether
// it listed any.
func (t Thresholds) likenessBesideName(q *prepared, cands []Candidate, explain bool) bool {
	if len(cands) < 2 || q.latin {
		return false
	}
	a := &cands[0]
	if !a.exactly || bits.OnesCount64(a.met) < 2 || a.deferTo != "" {
		return false
	}
	marked := false
	for j := 1; j < len(cands); j++ {
		b := &cands[j]
		if b.deferTo != "" || b.exactly || bits.OnesCount64(b.met) != 1 || b.met&a.met != 0 {
			continue
		}
		bt := matchedTokens(b)
		if k := bits.TrailingZeros64(b.met); len(bt) != 1 || k >= len(q.keys.Tokens) || adjectiveOfAny(bt, q.keys.Tokens[k]) {
			continue // an adjective of the name is no likeness (الايراني: Iran)
		}
		t.listOnly(b, "one word only like its name, beside the name of "+a.EntityID+" met word for word", explain)
		marked = true
	}
	return marked
}

// matchedTokens returns the romanised words of the name c matched.
func matchedTokens(c *Candidate) []string { return normalize.KeysOf(c.MatchedName).Tokens }

// adjectiveOfAny reports whether the romanised word w is an adjective of
// one of the words ts (normalize.AdjectiveOf: الايراني, ایران).
func adjectiveOfAny(ts []string, w string) bool {
	return slices.ContainsFunc(ts, func(u string) bool { return normalize.AdjectiveOf(w, u) })
}

// adjectiveOverLikeness defers, of two places met by the same one word of
// the query, the one whose name the word only resembles to the one whose
// name it is an adjective of (normalize.AdjectiveOf): الإيراني, the
// Iranian, is of Iran, not a misspelling of Ranya (رانیه) that it is as
// many letters off. A name written as the word, or one the word is an
// adjective of too, is left as it is. The places deferred are among the
// first n candidates (those markContext compares); the place of the
// adjective may be anywhere in cands. It reports whether it deferred any.
func adjectiveOverLikeness(q *prepared, cands []Candidate, n int, explain bool) bool {
	marked := false
	for j := range n {
		b := &cands[j]
		if b.Type != glossary.TypePlace || bits.OnesCount64(b.met) != 1 || b.deferTo != "" || b.exactly {
			continue
		}
		k := bits.TrailingZeros64(b.met)
		if k >= len(q.keys.Tokens) {
			continue
		}
		w := q.keys.Tokens[k]
		if bt := matchedTokens(b); slices.Contains(bt, w) || adjectiveOfAny(bt, w) {
			continue
		}
		for i := range cands {
			a := &cands[i]
			if i == j || a.Type != glossary.TypePlace || a.met != b.met || a.deferTo != "" {
				continue
			}
			if at := matchedTokens(a); !slices.Contains(at, w) && adjectiveOfAny(at, w) {
				deferAsContext(b, a, "its name only like the word, an adjective of the name of "+a.EntityID, explain)
				marked = true
				break
			}
		}
	}
	return marked
}

// maxAdjectiveGap is the most words between a name and the adjective of a
// place said of it (همتای ایرانی, his Iranian counterpart: one).
const maxAdjectiveGap = 2
