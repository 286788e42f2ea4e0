package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
)

// maxHits bounds the entities one query's keys find before ranking;
// maxWordHits those its words or typo forms find, which match more loosely.
// The word stages' documents come best first (see wordDocs), and ranking
// them is most of a loose query's cost: on the benchmark's queries at 100k
// and 1M entities, 100, 50 and 30 resolved the same rows, and each step
// down cut the typo queries' p99 by a third to a half. At 20, so did the
// benchmark's queries, and the typo p99 fell by 15% more, but an answer of
// the news3 evaluation set was lost (Qezaya Zaxoyê ser bi parêzgeha
// Duhokê: the district's name shares its words with many).
//
// The second word stage, typos of the words the glossary has, runs only
// when the first left no confident answer, and takes maxTypoHits: its
// documents share a word's likeness rather than the word, and the name
// meant comes near the top by their weight. At 15 instead of 30 the
// benchmark's typo queries at a million entities resolved the same rows
// with a p99 lower by a tenth or more, and no evaluation row changed.
const (
	maxHits     = 400
	maxWordHits = 30
	maxTypoHits = 15
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
	// family is the skeleton of the family name the query is, when this
	// person matched by it alone (see sameFamily).
	family string
	// whole says that the query holds one of this entity's names whole,
	// with other words besides (see nameMatch.whole); marked that a word
	// of its kind stands beside it (nameMatch.marked); closely that every
	// word of the name met closely (nameMatch.closely); exactly that every
	// word met as the name writes it (nameMatch.exactly).
	whole, marked, closely, exactly bool
	// apart says that the name met whole stands apart from the words
	// around it (nameMatch.apart); apartInCapitals, in a Latin text
	// with capitals (nameMatch.apartInCapitals); plainApart, apart with
	// no facility word before it (nameMatch.plainApart).
	apart, apartInCapitals, plainApart bool
	// kindBeside is nameMatch.kindBeside: a word of its kind beside the
	// name met exactly.
	kindBeside bool
	// besideSentenceWord is nameMatch.besideSentenceWord: a place's or an
	// organisation's one-word name met as written beside a word of the
	// sentence.
	besideSentenceWord bool
	// loneWord is nameMatch.loneWord: a place's or an organisation's name
	// of one word met as written in an Arabic-script query.
	loneWord bool
	// familyCued is nameMatch.familyCued: a person's family name alone,
	// marked as a person's by a title or a reporting verb beside it.
	familyCued bool
	// longerNameBefore is nameMatch.longerNameBefore: the one word met
	// is the last of a longer name (Muhammed Sadık es Sadr).
	longerNameBefore bool
	// givenNameBefore is nameMatch.givenNameBefore: a person's one word
	// met may follow a given name the glossary lacks (Melania Trump).
	givenNameBefore bool
	// coordinated says that another candidate, named as well, is named on
	// the other side of a conjunction (و, û, ve) from this one (see
	// markCoordinated): the query names both, and neither is the answer.
	coordinated bool
	// met is the query's words the matched name met (nameMatch.met), 0
	// when not known.
	met uint64
	// namedAfter is nameMatch.namedAfter: the words of a thing's name
	// beside which made the candidate only listed.
	namedAfter uint64
	// listed says that the query names something else through this
	// candidate (see Thresholds.listOnly): listed, never the answer.
	listed bool
}

// metWhole reports whether the query holds a name of c whole, and which
// of its words that name met is known: met whole inside a longer text, or
// every word of both met.
func (c *Candidate) metWhole() bool {
	return c.met != 0 && (c.whole || c.Match == MatchFuzzy)
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
	var rival *Candidate // the best candidate after the first not deferring to it
	for i := 1; i < len(cands); i++ {
		if holdsOnly(&cands[0], &cands[i]) {
			continue
		}
		if !defersTo(cands, cands[i], cands[0].EntityID) {
			rival = &cands[i]
			second = rival.Score
			break
		}
	}
	if cands[0].deferTo != "" {
		return "", false // another candidate is meant instead, and scores less
	}
	if cands[0].coordinated {
		return "", true
	}
	margin := t.Margin
	if cands[0].Match >= MatchSkeleton {
		margin = t.WeakMargin
	}
	if second >= t.Ambiguous && top-second < margin {
		if !t.outmet(cands, margin) {
			return "", true
		}
		// Every close rival met fewer other words of the query than the
		// best candidate's name, none beside it and none whole: a
		// likeness elsewhere in the sentence, no doubt about the name.
		second = 0
	}
	if rival != nil && (disjointLonger(&cands[0], rival) || inflectedLikeness(&cands[0], rival)) {
		// However far behind, a best rival that met fewer other words of
		// the query, none beside the name and none whole, is a likeness
		// elsewhere in the sentence (Nêçirvan Barzanî 4 roj beriya
		// hilbijartinên parlamenta: the parliament's elections, not a
		// second name).
		// So is one met through an ending only, apart from the name (see
		// inflectedLikeness).
		second = 0
	}
	if top >= t.Resolve || cands[0].whole && (top >= t.Whole || (cands[0].marked || cands[0].apartInCapitals || longWhole(&cands[0])) && top >= t.Ambiguous) && second < t.Ambiguous {
		return cands[0].EntityID, false
	}
	if c := &cands[0]; c.whole && second < t.Candidate && ((c.apartInCapitals || c.kindBeside) && !c.listed && c.namedAfter == 0 || c.exactly && longWhole(c)) {
		// With no rival listed, a name met whole is what the sentence
		// names however long it is, when it stands apart in a Latin text
		// with capitals (words in lower case on each side) and names
		// nothing else through it (Telafer'in kurtarılmasının ardından …,
		// after the liberation of Tal Afar: 0.41; rewşa giştî ya Iraqê),
		// or when it is long and met word for word as it is written
		// (Lahur Şeyh Cengi'nin Debaşan’daki ikametgahını tanklarla, Lahur
		// Sheikh Jangi's residence in Dabashan: 0.41); and, naming nothing
		// else through it, when a word of its kind stands beside it, each
		// word met as written (راهی کشور عراق شده اند, have left for the
		// country Iraq: 0.38).
		return c.EntityID, false
	}
	if c := &cands[0]; c.familyCued && (second < t.Candidate || second < t.Ambiguous && rival != nil && rival.Type != glossary.TypePerson && rival.met&c.met == 0) && !c.listed && c.namedAfter == 0 {
		// A person's family name alone, a title or a reporting verb
		// beside it and no given name of another person, with no rival
		// listed at all (وقال الشيخ الخزعلي في كلمة, Sheikh al-Khazali
		// said in a speech: 0.42), or none but a weak one that is no
		// person and met other words (For his part, Kadhimi asked: part
		// is a letter off Parti, the KDP).
		return c.EntityID, false
	}
	if c := &cands[0]; c.Type == glossary.TypePerson && c.exactly && bits.OnesCount64(c.met) == 1 && (second < t.Candidate || !c.givenNameBefore && t.weakDisjointRival(c, rival)) && !c.listed && c.namedAfter == 0 && !c.longerNameBefore && top >= t.Ambiguous {
		// A word of a person's name met as the name writes it, scoring as
		// an ambiguous answer would, with no other candidate listed at
		// all: no other person the glossary knows shares it (در بیانیه
		// دفتر السودانی آمده است, al-Sudani's office said in a statement:
		// 0.54; Saddam rejimi, Saddam's regime), or none but a weak
		// likeness elsewhere in the sentence (ترەمپ هۆشداریی دا, Trump
		// warned: see weakDisjointRival) when no capitalised word before
		// the name may be a given name the glossary lacks (Melania Trump
		// said, and said a letter off Said Sadiq).
		return c.EntityID, false
	}
	loneOrg := cands[0].loneWord && cands[0].Type == glossary.TypeOrganization
	if c := &cands[0]; (c.besideSentenceWord || loneOrg) && (second < t.Candidate || loneOrg && t.weakDisjointRival(c, rival)) && !c.listed && c.namedAfter == 0 && top >= t.Ambiguous {
		// A place's or an organisation's one-word name met as written
		// beside a word of the sentence, with no rival listed at all
		// (لاسيما وأن زاخو تزخر, especially as Zakho abounds: 0.48;
		// هەرچەندە یەکێتی جەختی, although the PUK insisted). Below the
		// Ambiguous score such a light name is as often part of a longer
		// one (مقاومت اسلامی در عراق, the Islamic Resistance in Iraq).
		// An organisation's one-word name needs no sentence word beside
		// it (کۆگای چەک و تەقەمنی حەشد, the PMF's store of weapons and
		// ammunition): a place's may be a word of something named after
		// it that the glossary lacks. Nor does it need to be alone: a
		// weak likeness elsewhere in the sentence is no rival (see
		// weakDisjointRival).
		return c.EntityID, false
	}
	if c := &cands[0]; c.whole && c.exactly && c.apart && top >= t.Whole && top-second >= 2*t.Margin && !(rival != nil && (rival.closely || rival.whole)) {
		// A name met whole, each word as the name writes it, apart from
		// the words around it, is the answer when every rival is twice
		// the margin behind and none met closely: a loose likeness
		// (PYD's party for the KDP's پارتی دیموکراتی کوردستان, met word
		// for word in a sentence) is no reason for doubt.
		return c.EntityID, false
	}
	return "", false
}

// weakDisjointRival reports whether rival, the best candidate after c that
// does not defer to it, is a likeness elsewhere in the sentence: below the
// Ambiguous score and at least twice the margin behind c, met neither whole
// nor closely, and on none of c's words (هاوسەرۆکی یەکێتی لە پەیامەکەیدا,
// the PUK's co-president in his message: 0.54, the best rival 0.36).
func (t Thresholds) weakDisjointRival(c, rival *Candidate) bool {
	return rival != nil && rival.Score < t.Ambiguous && c.Score-rival.Score >= 2*t.Margin && rival.met != 0 && rival.met&c.met == 0 && !rival.whole && !rival.closely
}

// holdsOnly reports whether rival met no word of the query but words of
// c's name, which c met as its name writes it, one word or a name met whole
// with no other word between its words, and met them neither whole nor
// closely: a longer name holding c's (حکومت عراق, the Government of Iraq,
// for عراق) whose other words the query lacks is no second reading of
// those words (امسال سفر به کشور عراق, this year's trip to the country
// Iraq; الولايات المتّحدة الأميركيّة, the United States of America, not
// the United States Minor Outlying Islands). A person's one word may be
// another person's family name, and is left to the rules for persons.
func holdsOnly(c, rival *Candidate) bool {
	return c.Type != glossary.TypePerson && c.exactly && (bits.OnesCount64(c.met) == 1 || c.whole && c.apart) && rival.met != 0 && rival.met&^c.met == 0 && !rival.whole && !rival.closely
}

// disjointLonger reports whether c met two or more of the query's words,
// whole and closely (as written or with an ending), and rival, not met
// whole, fewer other words, none beside c's: a name of the sentence and a
// likeness elsewhere in it (نەوشیروان مستەفا … خەباتی سیاسی: Nawshirwan
// Mustafa, and political struggle, not Khabat; بەشداری کۆبوونەوەی
// پەرلەمانی کوردستانی کرد, took part in the Kurdistan Parliament's
// meeting: participation is no Pshdar). A rival beside c may be a word of a longer name
// with c's (الحزب الديمقراطي الكردي الايراني, the Iranian KDP), and one met
// whole is a second name the query holds: both stay ambiguous.
func disjointLonger(c, rival *Candidate) bool {
	return !rival.whole && c.whole && c.closely && (c.met|c.met<<1|c.met>>1)&rival.met == 0 && rival.met != 0 &&
		bits.OnesCount64(c.met) >= 2 && bits.OnesCount64(c.met) > bits.OnesCount64(rival.met)
}

// inflectedLikeness reports whether rival met one word of the query only
// with an ending or a proclitic, neither whole nor beside the name c met
// whole and exactly: a word of the sentence like a name (اتوبوسهای ایرانی
// به کربلا, Iranian buses to Karbala: ایرانی, Iranian, is Iran with an
// ending), no second name. A rival beside c may be a word of a longer name
// with c's (الحزب الديمقراطي الكردي الايراني, the Iranian KDP).
func inflectedLikeness(c, rival *Candidate) bool {
	return c.exactly && c.whole && rival.closely && !rival.exactly && !rival.whole && bits.OnesCount64(rival.met) == 1 && (c.met|c.met<<1|c.met>>1)&rival.met == 0
}

// outmet reports whether every candidate that would make cands[0]
// ambiguous met other words of the query than it, and fewer, or is a
// likeness through an ending (see inflectedLikeness).
func (t Thresholds) outmet(cands []Candidate, margin float64) bool {
	for i := 1; i < len(cands); i++ {
		if cands[i].Score < t.Ambiguous || cands[0].Score-cands[i].Score >= margin || defersTo(cands, cands[i], cands[0].EntityID) || holdsOnly(&cands[0], &cands[i]) {
			continue
		}
		if !disjointLonger(&cands[0], &cands[i]) && !inflectedLikeness(&cands[0], &cands[i]) {
			return false
		}
	}
	return true
}

// longWhole reports whether c's name was met whole by minLongWhole words
// of the query or more (minLongWholeOrg for an organisation's name): a name that long, met closely word after word, is
// what the sentence around it names however many words that sentence has
// (ماڵپەڕی فەرمیی پارتی دیموکراتی کوردستانی ڕایگەیاند, the KDP's official
// website announced), as a name with a word of its kind beside it is. A
// place's name of two words met so, each as the name writes it, its words
// together and no facility word before them, is too (انتخابات کردستان
// عراق, elections of Iraqi Kurdistan; not وزارت امور مذهبی اقلیم کردستان
// عراق, the Kurdistan Region's ministry of religious affairs).
func longWhole(c *Candidate) bool {
	n := minLongWhole
	if c.Type == glossary.TypeOrganization || c.Type == glossary.TypePlace && c.exactly && c.plainApart {
		n = minLongWholeOrg
	}
	return c.closely && bits.OnesCount64(c.met) >= n
}

// minLongWhole is the fewest words of a place's or a person's name met
// whole that longWhole takes as naming it in any sentence; minLongWholeOrg,
// of an organisation's (كۆنترۆڵی سوپای عێراق, the control of the Iraqi
// Army), and of a place's met exactly and apart with no facility word
// before it. Two words of a place's name are otherwise as often inside the
// name of something of the place (وزارت امور مذهبی اقلیم کردستان عراق,
// the Kurdistan Region's Ministry of Religious Affairs), and two of a
// person's inside another person's longer name (Mustafa Ghazi Ibrahim is
// not Ghazi Ibrahim).
const (
	minLongWhole    = 3
	minLongWholeOrg = 2
)

// named reports whether the query names c well enough for another
// candidate to be context for it: c scores as much as an ambiguous answer
// would, or the query holds one of its names whole. A loose likeness (kadar,
// "as far as", for al-Hadar) makes nothing its context.
func (t Thresholds) named(c *Candidate) bool {
	return c.Score >= t.Ambiguous || c.metWhole()
}

// defersTo reports whether c defers to the candidate id, directly or
// through others (a district to its capital, the capital to the
// governorate the query asks for).
func defersTo(cands []Candidate, c Candidate, id string) bool {
	for range cands {
		if c.deferTo == "" {
			return false
		}
		if c.deferTo == id {
			return true
		}
		i := slices.IndexFunc(cands, func(d Candidate) bool { return d.EntityID == c.deferTo })
		if i < 0 {
			return false
		}
		c = cands[i]
	}
	return false
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
// first, one per entity, down to the given score. Unless exhaustive it
// looks only as far as deciding the answer needs (Resolve); exhaustive, it
// looks for every match (Search), within bounds that do not depend on the
// page asked for (see wordHits), so that pages of one query agree.
func (ix *Index) candidates(ctx context.Context, q Query, floor float64, exhaustive bool) ([]Candidate, error) {
	// A sentence that marks a vowel here and there (في مُحافظة البصرة)
	// is read without its marks: its words are met by their romanised
	// forms, which the marks would change.
	q.Text = normalize.SentenceWithoutHarakat(q.Text)
	cands, err := ix.candidatesAsWritten(ctx, q, floor, exhaustive)
	if err != nil {
		return nil, err
	}
	if len(cands) > 0 && cands[0].Score >= strongScore {
		return cands, nil
	}
	if p := partsOf(q.Text); p.after != nil || p.bracketed != nil {
		return ix.readPartsApart(ctx, q, floor, exhaustive, cands, p)
	}
	return ix.readPlacedIn(ctx, q, floor, cands)
}

// roundScore rounds a score to the three decimals candidates carry, so that
// scores that differ only below them tie (and sort by match and id).
func roundScore(s float64) float64 { return math.Round(s*1000) / 1000 }

// keepBest puts c among cands: in place of the same entity's candidate
// when c scores higher, after them when the entity is not among them.
func keepBest(cands []Candidate, c Candidate) []Candidate {
	for i := range cands {
		if cands[i].EntityID == c.EntityID {
			if cands[i].Score < c.Score {
				cands[i] = c
			}
			return cands
		}
	}
	return append(cands, c)
}

// sortCandidates orders candidates best first: by score, then by how
// closely they matched, then by id, so that the order is stable.
func sortCandidates(cands []Candidate) {
	slices.SortFunc(cands, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Match, b.Match), cmp.Compare(a.EntityID, b.EntityID))
	})
}

// candidatesAsWritten is candidates for the query's text as a whole.
func (ix *Index) candidatesAsWritten(ctx context.Context, q Query, floor float64, exhaustive bool) ([]Candidate, error) {
	s := ix.newSearch(ctx, q, exhaustive)
	if s.p.keys.Folded == "" {
		return nil, nil
	}
	if err := s.find(); err != nil {
		return nil, err
	}
	if !exhaustive {
		if err := s.surnames(); err != nil {
			return nil, err
		}
	}
	// A name inflected by the sentence it was taken from (کەرکووکدا, li
	// Hewlêrê, وكركوك, KDP-led), when the text as written met nothing
	// strongly.
	if s.topScore() < strongScore {
		if err := s.uninflected(); err != nil {
			return nil, err
		}
	}
	if s.topScore() >= strongScore {
		if err := s.addSeats(); err != nil {
			return nil, err
		}
	}
	s.sameFamily()
	s.discountSeats()
	if class := queryQualifier(s.p); class != qualNone {
		if err := s.transferSeats(class); err != nil {
			return nil, err
		}
	}
	// A Search lists every name that holds all the query's words, however
	// common they are: in a large glossary a name met only by a word many
	// others share ("Islamic" among thousands) scores below the floor,
	// and is still a match.
	all := uint64(0)
	if exhaustive {
		all = s.p.wordBits()
	}
	out := make([]Candidate, 0, len(s.best))
	for _, c := range s.best {
		c.Score = roundScore(c.Score)
		if lists(c, floor, all) {
			out = append(out, *c)
		}
	}
	sortCandidates(out)
	if err := ix.markContext(ctx, s.p, out, q.Explain); err != nil {
		return nil, err
	}
	ix.Thresholds.markCoordinated(s.p, out, q.Explain)
	return out, nil
}

// newSearch starts answering q; exhaustive for a Search, which wants every
// match.
func (ix *Index) newSearch(ctx context.Context, q Query, exhaustive bool) *search {
	// A Search scores a few dozen entities (29 on average over the
	// benchmark's searches at a million entities): its maps start at about
	// that size rather than grow to it (growing them took a tenth of a
	// Search's time; starting them at 128 took more).
	size := 0
	if exhaustive {
		size = searchMapSize
	}
	s := &search{
		ix: ix, ctx: ctx, q: q, p: prepare(q.Text), exhaustive: exhaustive,
		best: make(map[string]*Candidate, size), ents: make(map[string]*entry, size),
		seen: make(map[uint64]bool, size), infos: make(map[string]float64, size),
	}
	s.p.mapSize = size
	s.p.explain = q.Explain
	s.p.known = ix.quals
	s.p.glossaryWord = func(w string) bool { return ix.wordCount(ctx, w) > 0 }
	s.namesOverEndings()
	return s
}

// namesOverEndings reads as a name, not a qualifier, each query word that
// is a qualifier only once an ending is cut and is a whole name of the
// glossary as it stands: Koya and Koyê (Koya) are no Turkish köy (a
// village) with an ending (clashes in Koya on Monday; li Koyê). A term
// lookup for each such word, which few queries have; one that fails leaves
// the word as prepare read it.
func (s *search) namesOverEndings() {
	for i, t := range s.p.keys.Tokens {
		if c := s.p.tokenQuals[i]; c == qualNone || c == qualFunction {
			continue
		}
		if _, listed := listedClass(t); listed || procliticQualifier(t) != qualNone {
			continue
		}
		if n, err := s.ix.snap.count(s.ctx, fRomanised, t); err == nil && n > 0 {
			s.p.tokenQuals[i] = qualNone
		}
	}
}

// find looks the query up: the whole name's keys first, a few term
// lookups; words and typos only when nothing met the query strongly (or
// when every match is wanted, as Search does).
func (s *search) find() error {
	if err := s.keyLevels(); err != nil {
		return err
	}
	if !s.exhaustive && s.topScore() >= strongScore {
		return nil
	}
	// Words, and typos of the words the glossary lacks; then, if that left
	// no confident answer, typos of the words it has too (Ekvator is a
	// word of Gîneya Ekvatorî, and a misspelling of Ekuador).
	known, unknown := s.splitWords()
	if err := s.scoreDocs(s.wordDocs(true, unknown)); err != nil {
		return err
	}
	// A Search goes on to typos of known words only while it has found
	// less than a page of candidates.
	if len(known) > 0 && s.topScore() < s.ix.Thresholds.Resolve && (!s.exhaustive || s.listed() < searchPage) {
		return s.scoreDocs(s.wordDocs(false, known))
	}
	return nil
}

// wordHits is the most documents one pass of wordDocs returns: maxWordHits
// for a Resolve (maxTypoHits in its stage of typos of known words, the pass
// without words), searchWordHits for a Search. The documents come best first
// by the weight of the terms they hold, so a page of results needs fewer
// of them scored than a decision between close candidates does; the number
// does not depend on the page asked for, so that pages of one query agree.
//
// window is how far a group of documents tied with the last one taken is
// read to take its first by their entities' IDs (see wordDocs): twice
// maxWordHits for both stages of a Resolve, so that the stage of typos,
// which takes fewer, answers the same whatever order a build gave the
// documents of a large tie group (Qezaya Zaxoyê ser bi parêzgeha Duhokê:
// qezaya, a word of every Kurmanji district name).
func (s *search) wordHits(words bool) (hits, window int) {
	if !s.exhaustive {
		if !words {
			return maxTypoHits, 2 * maxWordHits
		}
		return maxWordHits, 2 * maxWordHits
	}
	return searchWordHits, 2 * searchWordHits
}

// searchWordHits is the most documents a Search scores per pass of
// wordDocs, searchKeyHits the most its whole-name keys find (a Resolve
// takes maxHits: it stops at the first strong level, while a Search goes
// on to the skeletons, which a short name shares with hundreds of others
// in a large glossary); searchPage the candidates it needs before it stops
// looking for typos of the query's known words; searchMapSize the entities
// its maps are made for. Twenty documents (forty when tied) fill two pages
// of the default size; scoring them is most of a Search's time (at 40, the
// median at a million entities was half as long again).
const (
	searchMapSize  = 32
	searchWordHits = 20
	searchKeyHits  = 100
	searchPage     = 10
)

// listed returns how many candidates a Search lists so far: those that
// score at least the Candidate threshold or met every word of the query.
func (s *search) listed() int {
	n, all := 0, s.p.wordBits()
	for _, c := range s.best {
		if lists(c, s.ix.Thresholds.Candidate, all) {
			n++
		}
	}
	return n
}

// lists reports whether a Search lists c: it scores floor or more, or it
// met all the query's words (all, as wordBits gives them; 0 for a
// Resolve, which lists by score alone).
func lists(c *Candidate, floor float64, all uint64) bool {
	return c.Score >= floor || all != 0 && c.met&all == all
}

// sameFamily gives the persons the query names by their shared family
// name the best score among them: one of the Barzanis may have his name
// written exactly as the query writes it (برزاني) and another with an alef
// (بارزاني), but the query names the family, not the one.
func (s *search) sameFamily() {
	best := map[string]float64{}
	for _, c := range s.best {
		if c.family != "" {
			best[c.family] = max(best[c.family], c.Score)
		}
	}
	for _, c := range s.best {
		if c.family != "" && c.Score < best[c.family] {
			c.Score = best[c.family]
			if s.q.Explain {
				c.Explanation = append(c.Explanation, "of the family the query names")
			}
		}
	}
}

// maxSurnameHits bounds the persons a family name brings.
const maxSurnameHits = 20

// surnames scores the persons whose family name is the query, as written
// (folded), when the query is one word and what it met best is neither a
// person nor an exact name: Suleimani is how the spymaster's name is
// written, and also meets the city Sulaimani at the romanised level.
// Without this lookup the key levels' strong match would hide him.
func (s *search) surnames() error {
	if len(s.p.keys.Tokens) != 1 || strings.Contains(s.p.keys.Folded, " ") {
		return nil
	}
	top := 0.0
	person := false
	for _, c := range s.best {
		if c.Score > top {
			top, person = c.Score, c.Type == glossary.TypePerson
		}
	}
	if person || top >= scoreExact {
		return nil
	}
	docs, err := s.ix.snap.unseen(s.ctx, fSurname, s.p.keys.Folded, maxSurnameHits, s.seen)
	if err != nil {
		return err
	}
	return s.scoreDocs(docs, nil)
}

// uninflectedSpan is the most a match of the query with its affixes
// removed scores: they were removed by rule, as a stripped key removes
// articles.
const uninflectedSpan = scoreStripped

// markedWordForms returns the forms of text with a word that marks says
// is a name read without its affixes, inside the sentence as at its end:
// the word after a word for a kind of place (placeKindWordBefore: سەردانی
// شاری بەغدادیان دەکرد, they visited the city of Baghdad), or inside a
// Sorani circumposition (circumposedForms).
func markedWordForms(text string, marks func(before, w string) bool) []string {
	return wordForms(text, marks, func(w string) []string {
		cuts := normalize.Uninflected(w)
		return cuts[max(0, len(cuts)-1):]
	})
}

// circumposedForms returns the forms of text with a word inside a Sorani
// circumposition (soraniCircumposition: لەلایەن داعشەوە, by Daesh; بە
// ئاسایشەوە, with the Asayish) read without its postposition, a certain
// cut; and, as guesses, without the endings before it too (لە
// پارتییەوە, from the KDP: پارتیی, then پارتی). The word without every
// ending it may have (ئاسا, as if ئاسایش ended in the additive -یش) is
// one guess among them, not the only form.
func circumposedForms(text string) (certain, guessed []string) {
	stemOf := func(w string) string {
		for _, post := range soraniPostpositions {
			if stem, ok := strings.CutSuffix(w, post); ok {
				return stem
			}
		}
		return ""
	}
	certain = wordForms(text, soraniCircumposition, func(w string) []string { return []string{stemOf(w)} })
	guessed = wordForms(text, soraniCircumposition, func(w string) []string { return normalize.Uninflected(stemOf(w)) })
	return certain, guessed
}

// wordForms returns the forms of text with each word that marks says is a
// name (given the word before it) replaced by each of its forms, from the
// second word to the last but one.
func wordForms(text string, marks func(before, w string) bool, formsOf func(w string) []string) []string {
	words := strings.Fields(text)
	var out []string
	for i := 1; i < len(words)-1 && i < 64; i++ {
		if !marks(words[i-1], words[i]) {
			continue
		}
		for _, f := range formsOf(words[i]) {
			if f == "" || strings.Contains(f, " ") {
				continue
			}
			form := strings.Join(slices.Concat(words[:i], []string{f}, words[i+1:]), " ")
			if !slices.Contains(out, form) {
				out = append(out, form)
			}
		}
	}
	return out
}

// zwnjStemForms returns the forms of text with each word that ends, after a
// ZWNJ, in a Persian plural, ezafe or comparative ending read without it
// (پیشمرگه‌های کرد, the Kurdish Peshmerga: پیشمرگه): Persian writes the
// ZWNJ at the end of the stem, so the cut is certain, inside the sentence
// as at its end.
func zwnjStemForms(text string) []string {
	if !strings.ContainsRune(text, '\u200c') {
		return nil
	}
	words := strings.Fields(text)
	var out []string
	for i, w := range words {
		j := strings.LastIndex(w, "\u200c")
		if j <= 0 || !persianZWNJEndings[w[j+len("\u200c"):]] {
			continue
		}
		form := strings.Join(slices.Concat(words[:i], []string{w[:j]}, words[i+1:]), " ")
		if !slices.Contains(out, form) {
			out = append(out, form)
		}
	}
	return out
}

// persianZWNJEndings are the Persian endings written after a ZWNJ: the
// plural (ها), with the ezafe or the indefinite (های, هایی), the ezafe
// after a final ه (ای, ی), and the comparative and superlative (تر, ترین).
var persianZWNJEndings = map[string]bool{
	"ها": true, "های": true, "هایی": true, "ای": true, "ی": true, "تر": true, "ترین": true,
}

// soraniCircumposition reports whether a Sorani preposition and the word
// after it, ending in the postposition that completes it, make a
// circumposition (لە … ەوە from, لە … دا in, بە … ەوە with, لەلایەن … ەوە
// by: لەلایەن داعشەوە, by Daesh): the word between is a noun, a name with
// the postposition to cut.
func soraniCircumposition(prep, w string) bool {
	switch prep {
	case "لە", "له", "بە", "به", "لەلایەن", "لەلایەنی", "لەگەڵ":
	default:
		return false
	}
	for _, post := range soraniPostpositions {
		if stem, ok := strings.CutSuffix(w, post); ok && utf8.RuneCountInString(stem) >= 3 {
			return true
		}
	}
	return false
}

// soraniPostpositions are the postpositions that complete a Sorani
// circumposition: -ەوە (also written -هوه) and -دا.
var soraniPostpositions = []string{"ەوە", "هوه", "دا"}

// placeKindWordBefore reports whether the word before w is a word for a
// kind of place (see markedWordForms).
func placeKindWordBefore(before, _ string) bool { return placeKindWordText(before) }

// placeKindWordText reports whether a word as written is a word for a city,
// a province or a district (شاری, parêzgeha, ilçesi): a placeKindWord other
// than an island's.
func placeKindWordText(w string) bool {
	toks := normalize.KeysOf(w).Tokens
	if len(toks) != 1 {
		return false
	}
	c := qualifiers()[toks[0]]
	return c != qualIsland && placeKindWord(c)
}

// uninflected looks up the query's forms without the affixes of running
// text (normalize.Uninflected) and keeps each entity they meet if it
// scores better than the text as written did. Such a match is at best a
// stripped one.
func (s *search) uninflected() error {
	forms := normalize.Uninflected(s.q.Text)
	// Forms whose cut the text makes certain (a Sorani circumposition, a
	// ZWNJ) are capped at a stripped match, not discounted as a guess at
	// the query's last word is. The word after a kind word keeps the
	// discount: capped, its forms outscored the text as written where the
	// word had no affix to cut (في مدينة بعقوبة).
	certain := map[string]bool{}
	if slices.ContainsFunc(s.p.tokenQuals, placeKindWord) {
		// Each word is romanised to find the kind words: only when the
		// query has one.
		for _, f := range markedWordForms(s.q.Text, placeKindWordBefore) {
			if !slices.Contains(forms, f) {
				forms = append(forms, f)
			}
		}
	}
	circumposed, circumposedGuesses := circumposedForms(s.q.Text)
	for _, f := range append(circumposed, zwnjStemForms(s.q.Text)...) {
		if !slices.Contains(forms, f) {
			forms = append(forms, f)
			certain[f] = true
		}
	}
	for _, f := range circumposedGuesses {
		if !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	// Sorani written with ه for ە (older sites, Arabic keyboards) in a
	// text with a letter only Kurdish writes (ههڵهبجه, with ڵ): Kurdish,
	// so the reading is no guess (دروستكردنی ناوچهی بازاڕی ئازاده له
	// ههڵهبجه, building a free market zone in Halabja: له is لە, in).
	// Only the form itself is capped as a cut the text makes certain;
	// its forms without affixes are weighed as the other such forms.
	var legacyForms []string
	if legacy := normalize.SoraniVowelForm(s.q.Text); legacy != "" {
		legacyForms = append([]string{legacy}, normalize.Uninflected(legacy)...)
	}
	kurdish := normalize.HasKurdishLetter(s.q.Text)
	if kurdish && len(legacyForms) > 0 {
		for _, f := range legacyForms {
			if !slices.Contains(forms, f) {
				forms = append(forms, f)
			}
		}
		certain[legacyForms[0]] = true
	}
	ruled := len(forms)
	// Elsewhere the reading of ه as ە, and its forms without affixes,
	// are a guess, weighed as a joined form is.
	var guessed []string
	if !kurdish {
		for _, f := range legacyForms {
			if !slices.Contains(forms, f) && !slices.Contains(guessed, f) {
				guessed = append(guessed, f)
			}
		}
	}
	if !s.lastWordLegacySorani() {
		// A glossary word in the older spelling is read as that word, not
		// as a shorter word and endings (ههڵهبجه is Halabja, not ههڵه,
		// Hillah, and بجه).
		forms = append(forms, s.joinedForms(append(append([]string{s.q.Text}, forms...), guessed...))...)
	}
	forms = append(forms, guessed...)
	facilities := []*prepared{s.p}      // the readings so far, least changed first
	titles := s.p.classWords(qualTitle) // in the query's script: در is no Dr
	for i, form := range forms {
		span := uninflectedSpan
		if i >= ruled {
			span *= joinedSpan
		}
		q := s.q
		q.Text = form
		sub := s.ix.newSearch(s.ctx, q, s.exhaustive)
		if sub.p.keys.Folded == "" || changesFacilityWord(facilities, sub.p) {
			continue
		}
		facilities = append(facilities, sub.p)
		if n := len(sub.p.keys.Tokens); n > 0 && n <= 64 && cutSoraniLocative(s.q.Text, form) {
			sub.p.located |= bit(n - 1) // کفریدا, in Kifri: a location
		}
		for _, w := range cutEndings(s.q.Text, form) {
			sub.p.endingCut |= sub.p.bitsOf(w) // koçberî Hewlêr(ê), PKK(ê): the word had its ending
		}
		if err := sub.find(); err != nil {
			return err
		}
		if len(sub.best) == 0 {
			continue
		}
		named, err := s.namedByDropped(sub.p.keys.Tokens)
		if err != nil {
			return err
		}
		titled := titles != 0 && s.dropsTitle(titles, sub.p.keys.Tokens)
		for id, c := range sub.best {
			score := c.Score * span
			if certain[form] {
				score = min(c.Score, span)
			}
			if len(named) > 0 && !named[id] {
				score *= namingHeadSpan
			}
			if len(sub.p.keys.Tokens) < len(s.p.keys.Tokens) && s.dropsOtherKind(sub.p.keys.Tokens, sub.ents[id]) {
				// The form dropped a word for another kind of entity
				// than this one (girava Îmraliyê, the island of Imrali:
				// Amirli is a town): that word says what the name
				// left is, and it is not this.
				score *= namingHeadSpan
			}
			if titled && c.Type == glossary.TypePlace {
				// The form dropped a title before the place (Parêzgarê
				// Kerkûkê, the governor of Kirkuk; Serokkomarê Iraqê):
				// the phrase names the office's holder, as محافظ كركوك
				// does, and the place is listed, not the answer.
				score *= namingHeadSpan
			}
			if old := s.best[id]; old != nil && old.Score >= score {
				// Read as written it scores higher, but only without its
				// affixes is the name met whole (لحزب الدعوة: حزب الدعوة).
				if c.whole && !old.whole && old.met != 0 && len(sub.p.keys.Tokens) == len(s.p.keys.Tokens) {
					old.whole, old.marked = true, old.marked || c.marked
				}
				continue
			}
			nc := *c
			nc.Score = score
			if len(sub.p.keys.Tokens) != len(s.p.keys.Tokens) {
				// The form dropped or joined words: its words are not the
				// query's. The words the matched name meets in the query
				// as written are.
				nc.met = s.metBy(nc.MatchedName, sub.ents[id])
			}
			nc.Match = max(c.Match, MatchStripped)
			if s.q.Explain {
				nc.Explanation = append([]string{"uninflected: " + form}, c.Explanation...)
			}
			s.best[id] = &nc
			s.ents[id] = sub.ents[id]
		}
	}
	return nil
}

// cutSoraniLocative reports whether form is text with the Sorani -دا (in)
// or -ەوە/-وە (from) cut from its last word (کفریدا, هەولێرەوە), endings
// that say the word names a location.
func cutSoraniLocative(text, form string) bool {
	tw, fw := strings.Fields(text), strings.Fields(form)
	if len(tw) == 0 || len(fw) == 0 {
		return false
	}
	last, stem := tw[len(tw)-1], fw[len(fw)-1]
	for _, end := range []string{"دا", "ەوە", "وە", "هوه"} {
		if strings.HasSuffix(last, end) && strings.HasPrefix(last, stem) && len(last)-len(stem) <= len(end)+len("ی") {
			return true
		}
	}
	return false
}

// changesFacilityWord reports whether a form of the query changed a word
// that the query, or a less changed form of it (earlier), has for a thing
// named after a place (see qualFacility) into another word: وزارة
// (ministry) is no و (and) before زارة, in ووزارة as in وزارة.
func changesFacilityWord(earlier []*prepared, form *prepared) bool {
	ft := form.keys.Tokens
	for _, e := range earlier {
		et := e.keys.Tokens
		if len(et) != len(ft) {
			continue // a word dropped whole (li Hewlêrê), not changed
		}
		for i, t := range et {
			if ft[i] != t && e.tokenQuals[i] == qualFacility {
				return true
			}
		}
	}
	return false
}

// dropsTitle reports whether a form of the query (its romanised words,
// kept) leaves out a word of the query that is a title or office (titles,
// as bits; see prepared.classWords).
func (s *search) dropsTitle(titles uint64, kept []string) bool {
	for i, t := range s.p.keys.Tokens {
		if i < 64 && titles&bit(i) != 0 && !slices.Contains(kept, t) {
			return true
		}
	}
	return false
}

// metBy returns the words of the query that a name of en meets, as bits
// (see nameMatch.met); 0 when it meets none of them as words. The name's
// keys come from the record when it is one of en's names as written.
func (s *search) metBy(name string, en *entry) uint64 {
	if en == nil {
		return 0
	}
	var keys normalize.Keys
	if i := slices.IndexFunc(en.e.Names, func(n glossary.Name) bool { return n.Text == name }); i >= 0 {
		keys = en.keys[i]
	} else {
		keys = normalize.KeysOf(name) // the display name, for a misspelling matched
	}
	return s.p.wordMatch(keys, en.kind, s.info).met
}

// dropsOtherKind reports whether the query has, among the words a form
// of it does not keep (kept), a word for a kind of place (a city, a
// province, a district, an island) that the place en is not. A group's
// word says nothing of the place after it (milîsên Îraqê, Iraq's
// militias).
//
// A word for a thing named after a place or a person (Zanîngeha Duhokê,
// the University of Duhok; Balafirgeha Hewlêrê) says the same of any
// entity the form reads.
func (s *search) dropsOtherKind(kept []string, en *entry) bool {
	if en == nil {
		return false
	}
	for i, t := range s.p.keys.Tokens {
		if i >= 64 || slices.Contains(kept, t) {
			continue
		}
		c := s.p.tokenQuals[i]
		if c == qualFacility || placeKindWord(c) && en.kind.place && !s.p.kindWordAt(i, en.kind) {
			return true
		}
	}
	return false
}

// namingHeadSpan scales the score of a form's candidate when a word the
// form drops is the name of another entity (see namedByDropped): below the
// Resolve threshold, so that such a reading is listed but not taken for the
// answer.
const namingHeadSpan = 0.6

// namedByDropped returns the entities named by the words of the query that
// a reading of it without some of its words (kept, its romanised words)
// drops: entities with a one-word name that is the word, or nearly
// (namingWordSim). In a Kurmanji
// ezafe phrase the head may be such a name (pasdarên Îranê is Iran's
// Guards, the Pasdaran), rather than a common noun (xelkê Hewlêrê, the
// people of Erbil; navîna Iraqê, central Iraq). A word of the form with an
// ending or a clitic cut is kept, not dropped.
func (s *search) namedByDropped(kept []string) (map[string]bool, error) {
	var named map[string]bool
	add := func(word string) error {
		var docs []uint64
		if _, err := s.ix.snap.postings(s.ctx, fRomanised, word, maxNamedByDropped, func(d uint64) { docs = append(docs, d) }); err != nil {
			return err
		}
		for _, d := range docs {
			en, err := s.ix.entry(d)
			if err != nil {
				return err
			}
			if named == nil {
				named = map[string]bool{}
			}
			named[en.e.ID] = true
		}
		return nil
	}
	for _, t := range s.p.keys.Tokens {
		if len(t) < minFuzzy || qualifierOf(t) != qualNone || slices.ContainsFunc(kept, func(k string) bool {
			return strings.Contains(t, k) || strings.Contains(k, t)
		}) {
			continue
		}
		if err := add(t); err != nil {
			return nil, err
		}
		near, err := s.fuzzyWords([]string{t})
		if err != nil {
			return nil, err
		}
		for _, w := range near {
			if w.weight >= namingWordSim {
				if err := add(w.text); err != nil {
					return nil, err
				}
			}
		}
	}
	return named, nil
}

// maxNamedByDropped bounds the entities one dropped word is taken to name;
// namingWordSim is the least similarity at which it is taken for a name it
// is not equal to (pasdarên, pasdaran: a vowel apart).
const (
	maxNamedByDropped = 10
	namingWordSim     = 0.9
)

// Arabic-script writers join clitics to a name in ways no list of affixes
// foresees: stacked Sorani endings typed with Arabic letters (پێشمهرگهن,
// داعشم), or a word run into the name without a space (چەکدارانیداعش).
// joinedForms finds such a name by the glossary's own words: the last word
// of a form with up to maxJoinedEnding letters cut from its end, or with
// the letters before a word of the glossary at its end cut (a word of five
// letters or more, or one after a word of its own: see knownHead), when
// what is left is a word of the glossary, unless the last word is one
// itself. Such a form is weaker evidence than one cut by rule: its match
// scores joinedSpan times as much.
func (s *search) joinedForms(texts []string) []string {
	var out []string
	add := func(words []string, last string) {
		v := strings.Join(append(words[:len(words)-1:len(words)-1], last), " ")
		if !slices.Contains(out, v) && !slices.Contains(texts, v) && len(out) < maxJoinedForms {
			out = append(out, v)
		}
	}
	for _, text := range texts {
		words := strings.Fields(text)
		if len(words) == 0 {
			continue
		}
		last := []rune(words[len(words)-1])
		if !arabicScript(last) || s.isWord(string(last)) {
			// A word of the glossary's names is read as written: عراق
			// is Iraq, not عرا and a letter more.
			continue
		}
		for cut := 1; cut <= maxJoinedEnding && len(last)-cut >= minJoinedWord; cut++ {
			if stem := string(last[:len(last)-cut]); s.isWord(stem) {
				add(words, stem)
			}
		}
		for cut := minJoinedWord; len(last)-cut >= minJoinedName; cut++ {
			if head := string(last[:cut]); strings.HasPrefix(head, "ال") && cut-utf8.RuneCountInString("ال") < minJoinedWord {
				// The article belongs to the word it begins: الايراني
				// (the Iranian) is no الاي joined to Ranya's راني.
				continue
			}
			if tail := string(last[cut:]); s.isWord(tail) && (len(last)-cut >= minJoinedLongName || knownHead(string(last[:cut]))) {
				add(words, tail)
			}
		}
	}
	return out
}

// The letters joinedForms cuts and keeps.
const (
	maxJoinedEnding = 3 // the most letters cut from the end of a word
	minJoinedWord   = 3 // the fewest letters of a word left, or cut before a name
	minJoinedName   = 4 // the fewest letters of a name found at the end of a word
	// minJoinedLongName is the fewest letters of a name found at the end
	// of a word after letters that are no word of their own: fewer are
	// as often the end of a longer word (هەڵبژاردن, election, is no
	// هەڵبژ joined to اردن, Jordan).
	minJoinedLongName = 5
	maxJoinedForms    = 6
	// joinedSpan scales the score of a match of a form found by
	// joinedForms.
	joinedSpan = 0.9
)

// knownHead reports whether the letters joinedForms cut before a name at
// the end of a word are a word of their own: a function word, a stop word,
// a qualifier, a locative or a reporting verb of the Arabic script
// (چەکدارانیداعش, Daesh's gunmen), or letters and a mark of punctuation
// (هولير/أربيل).
func knownHead(head string) bool {
	if strings.IndexFunc(head, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) >= 0 {
		return true
	}
	t := normalize.KeysOf(head).Tokens
	if len(t) != 1 {
		return false
	}
	return qualifierOfScript(t[0], false) != qualNone || stopKeys()[0][t[0]] || locativeKeys()[0][t[0]] || reportingVerbKeys()[0][t[0]]
}

// isWord reports whether text is one romanised word that names of the
// glossary have.
func (s *search) isWord(text string) bool {
	t := normalize.KeysOf(text).Tokens
	return len(t) == 1 && s.ix.wordCount(s.ctx, t[0]) > 0
}

// arabicScript reports whether every letter of word is of the Arabic script.
func arabicScript(word []rune) bool {
	for _, r := range word {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Arabic, r) {
			return false
		}
	}
	return len(word) > 0
}

// search is one query being answered: its keys, and the entities found and
// scored so far.
type search struct {
	ix   *Index
	ctx  context.Context
	q    Query
	p    *prepared
	best map[string]*Candidate // the best name of each entity met
	ents map[string]*entry     // the entities scored, by id
	seen map[uint64]bool       // the documents found
	// infos remembers the informativeness of words (see info).
	infos map[string]float64
	// exhaustive is set for a Search, which wants every match.
	exhaustive bool
	// adjectiveOf are the glossary words the query is an adjective of; nil
	// until looked up (see adjectiveQuery).
	adjectiveOf []string
}

// scoreDocs scores the entities of docs.
func (s *search) scoreDocs(docs []uint64, err error) error {
	if err != nil {
		return err
	}
	for _, d := range docs {
		en, err := s.ix.entry(d)
		if err != nil {
			return err
		}
		s.scoreEntity(en)
	}
	return nil
}

// keyLevels looks the query's whole-name keys up level by level, strict to
// loose, and scores the entities each level finds (at most maxHits in all,
// searchKeyHits for a Search). Unless every match is wanted, it stops
// before a level whose best possible score falls short of the best
// candidate's by the margin or more: what that level finds could change
// neither the answer nor whether it is ambiguous.
func (s *search) keyLevels() error {
	k := s.p.keys
	var skeletons []string
	for _, v := range k.Skeleton {
		if len(v) >= 2 {
			skeletons = append(skeletons, v)
		}
	}
	levels := []struct {
		field string
		keys  []string
		best  float64 // the most a name met at this level scores
	}{
		{fFolded, []string{k.Folded}, scoreExact},
		{fStripped, k.Stripped, scoreStripped},
		{fRomanised, k.Romanised, scoreRomanised},
		{fSkeleton, skeletons, scoreRomanised},
	}
	bonus := 0.0
	if s.q.Lang != language.Und {
		bonus = langBonus
	}
	found, limit := 0, maxHits
	if s.exhaustive {
		limit = searchKeyHits
	}
	for _, lv := range levels {
		if !s.exhaustive && s.topScore()-(lv.best+bonus) >= s.ix.Thresholds.Margin-1e-9 {
			return nil
		}
		for _, key := range lv.keys {
			if found >= limit {
				return nil
			}
			if s.exhaustive && lv.field == fSkeleton {
				// A Search skips a skeleton shared by more documents than
				// it can score (rk: Iraq, Irak, Arak, Erik... 2,492 at 1M
				// entities): the first ones, in index order, would be an
				// arbitrary few, and a skeleton is only a hint that
				// similarity must confirm. The word stages find the
				// spellings close enough to list.
				n, err := s.ix.snap.count(s.ctx, lv.field, key)
				if err != nil {
					return err
				}
				if n > limit-found {
					continue
				}
			}
			docs, err := s.ix.snap.unseen(s.ctx, lv.field, key, limit-found, s.seen)
			if err != nil {
				return err
			}
			found += len(docs)
			if err := s.scoreDocs(docs, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// strongScore is the score above which the key lookups' best candidate is
// taken to be good enough that words and typos cannot change the answer: a
// match of words scores at most fuzzySpan times a similarity below 1.
const strongScore = scoreRomanised

func (s *search) topScore() float64 {
	top := 0.0
	for _, c := range s.best {
		top = max(top, c.Score)
	}
	return top
}

// entry returns the decoded entity of a document, from the cache or the
// index.
func (ix *Index) entry(doc uint64) (*entry, error) {
	if en, ok := ix.entries.get(doc); ok {
		return en, nil
	}
	rec, err := ix.snap.record(doc)
	if err != nil {
		return nil, err
	}
	en, err := decodeRecord(rec, ix.tags)
	if err != nil {
		return nil, fmt.Errorf("index: document %d: %w", doc, err)
	}
	ix.entries.put(doc, en)
	return en, nil
}

// entityByID returns the decoded entity with the given id, or ErrNotFound.
func (ix *Index) entityByID(ctx context.Context, id string) (*entry, error) {
	doc, ok := ix.docs.get(id)
	if !ok {
		var err error
		doc, ok, err = ix.snap.docOf(ctx, id)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("%w: %q", ErrNotFound, id)
		}
		ix.docs.put(id, doc)
	}
	return ix.entry(doc)
}

// scoreEntity scores the query against every name of en and keeps the best
// as en's candidate, if en is of a type the query allows.
func (s *search) scoreEntity(en *entry) {
	if len(s.q.Types) > 0 && !slices.Contains(s.q.Types, en.e.Type) {
		return
	}
	s.ents[en.e.ID] = en
	// A name equal to the query once folded or stripped outscores every
	// name that is not: when there is one, only such names are scored
	// (unless none of them counts, as an abbreviation in the wrong case).
	near := make([]bool, len(en.e.Names))
	anyNear := false
	for i := range en.e.Names {
		if lvl := normalize.Meet(s.p.keys, en.keys[i]); lvl != normalize.LevelNone && lvl <= normalize.LevelStripped {
			near[i], anyNear = true, true
		}
	}
	for pass := range 2 {
		for i, n := range en.e.Names {
			if anyNear && near[i] != (pass == 0) {
				continue
			}
			s.scoreName(en, n, en.keys[i])
			if c := s.best[en.e.ID]; c != nil && c.Score >= scoreExact {
				return // no name scores higher
			}
		}
		if !anyNear || s.best[en.e.ID] != nil {
			return
		}
	}
}

// pluralAbbreviation reports whether text is one word of two capital
// letters or more and a final lower-case s, after any brackets or quotes
// around it: an abbreviation in the English plural (IDPs, NGOs, MPs).
func pluralAbbreviation(text string) bool {
	w := strings.TrimFunc(text, notLetter)
	body, ok := strings.CutSuffix(w, "s")
	if !ok || utf8.RuneCountInString(body) < 2 {
		return false
	}
	for _, r := range body {
		if !unicode.IsUpper(r) || !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// writtenApart reports whether the query's words that matched name (as m)
// are, as written in the Arabic script, other words than the name's, though
// they romanise alike: a one-word name beginning with ʿayn met by a word
// without it (see ainWritten: القرى, the villages, is not عقرة, Akre), or a
// short word without the article met where every Arabic-script name of the
// entity (names gives them, when asked) has it (see bareForArticled: دور is
// not الدور). Matches at the exact and folded levels compare the writing
// itself and are never apart.
func (q *prepared) writtenApart(name string, m nameMatch, names func() []string) bool {
	if q.latin || m.kind <= MatchFolded {
		return false
	}
	if q.mayHaveBareShortWord() && q.bareForArticled(names, m.met) {
		return true
	}
	return strings.HasPrefix(name, "ع") && !strings.Contains(name, " ") && !q.ainWritten(m.met)
}

// ainWritten reports whether each of the query's words a name beginning
// with ʿayn (ع) met (met, as bits; 0 for a one-word query met whole) begins
// with it too, after its proclitics and article (وعقرة, and Akre).
func (q *prepared) ainWritten(met uint64) bool {
	words := q.arabicWordInfos()
	if met == 0 && len(words) > 1 {
		return true // a likeness of whole keys, not of one word
	}
	for _, w := range words {
		if met != 0 && w.bits&met == 0 {
			continue
		}
		if !w.ain {
			return false
		}
	}
	return true
}

// bareForArticled reports whether a short word of the query the match met
// (met; every word of a one-word query when 0), of maxBareWord romanised
// letters or fewer, is written in the Arabic script without the article
// while every Arabic-script name among names (an entity's, asked for only
// when such a word met) that holds the word writes it with the article: a common word like the name, not the
// name (دور, a role, and in Persian far, is not الدور, al-Daur). A longer
// word without its article is as often the name as Persian writes it (عماره
// for العمارة, Amarah).
func (q *prepared) bareForArticled(names func() []string, met uint64) bool {
	words := q.arabicWordInfos()
	if met == 0 && len(words) > 1 {
		return false
	}
	for _, w := range words {
		if met != 0 && w.bits&met == 0 || w.token == "" || w.articled || len(w.token) > maxBareWord {
			continue
		}
		withArticle, without := false, false
		for _, n := range names() {
			if !strings.ContainsFunc(n, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
				continue
			}
			for _, nw := range strings.Fields(n) {
				if u, a := arabicWord(nw); u == w.token {
					withArticle = withArticle || a
					without = without || !a
				}
			}
		}
		if withArticle && !without {
			return true
		}
	}
	return false
}

// maxBareWord is the longest romanised word bareForArticled looks at.
const maxBareWord = 3

// arabicWord returns the romanised form of a word in the Arabic script and
// whether it is written with the article, after a proclitic or not
// (والدور, بالدور, للدور); "" for any other word.
func arabicWord(w string) (token string, articled bool) {
	w = strings.TrimFunc(w, notLetter)
	if w == "" || !unicode.Is(unicode.Arabic, []rune(w)[0]) {
		return "", false
	}
	k := normalize.KeysOf(w).Tokens
	if len(k) != 1 {
		return "", false
	}
	return k[0], normalize.StripArabicArticle(w) != w
}

// nameTexts returns the texts of the entity's names.
func (en *entry) nameTexts() []string {
	texts := make([]string, len(en.e.Names))
	for i, n := range en.e.Names {
		texts[i] = n.Text
	}
	return texts
}

// heldAround reports whether the query words a name met (longer) are
// together and hold every word another name met (met): the longer name is
// met around the shorter.
func heldAround(met, longer uint64) bool {
	return met != 0 && met&^longer == 0 && contiguous(longer)
}

// scoreName scores the query against one name of en and keeps it in best
// if it is en's best so far.
func (s *search) scoreName(en *entry, n glossary.Name, keys normalize.Keys) {
	e := &en.e
	m := s.p.matchKeys(n.Text, keys, n.Kind, en.kind, s.info)
	if m.kind == MatchNone {
		return
	}
	if s.p.writtenApart(n.Text, m, en.nameTexts) {
		return
	}
	score := m.score
	if (m.kind == MatchSkeleton || m.kind == MatchFuzzy) && pluralAbbreviation(s.p.raw) {
		// IDPs, NGOs: an abbreviation's letters with the English plural,
		// met by no name's consonants (IDPs is not الدبس, Dibis).
		return
	}
	if m.kind == MatchSkeleton || m.kind == MatchFuzzy {
		why := ""
		switch {
		case s.knownElsewhere(en, keys):
			why = "the query is a word of other names"
		case s.adjectiveQuery(en):
			why = "the query is an adjective of a name"
		case len(s.p.keys.Tokens) == 1 && len(s.p.keys.Tokens[0]) <= maxShortWord && !s.p.initialism:
			// An initialism written with dots (پ.ک.ک, the PKK in Persian)
			// is letters meant one by one, not a short word.
			why = "the query is a short word"
		}
		if why != "" {
			score = min(score, knownWordSpan)
			if s.q.Explain {
				m.why = append(m.why, why)
			}
		}
	}
	if en.kind.place && m.kind == MatchPartial && s.compoundName(m.met) {
		score = min(score, listedSpan)
		m.whole, m.marked, m.closely = false, false, false
		if s.q.Explain {
			m.why = append(m.why, "one word of a name of two: another place")
		}
	}
	if s.q.Lang != language.Und && sameBase(s.q.Lang, n.Lang) {
		score = math.Min(1, score+langBonus)
	}
	if c := s.best[e.ID]; c != nil && c.Score >= score {
		// The query holds this name whole, though another name of the
		// entity scores higher: a rarer spelling of the same word (Karkūk
		// for Kirkuk) weighs more, and meets the query less closely; or
		// a longer name, its words together around those the better one
		// met (State of Kuwait, where Kuwait scores higher).
		if m.whole && !c.whole && (m.met == c.met || heldAround(c.met, m.met)) {
			c.whole, c.marked = true, c.marked || m.marked
			if s.q.Explain {
				c.Explanation = append(c.Explanation, "the query holds its name "+n.Text+" whole")
			}
		}
		if m.closely && m.met == c.met {
			c.closely = true
		}
		if m.exactly && m.met == c.met {
			c.exactly = true
		}
		return
	}
	lang := n.Lang.String()
	matched := n.Text
	if n.Kind == glossary.KindMisspelling {
		matched = e.DisplayName() // matched, never displayed
	}
	nc := Candidate{
		EntityID: e.ID, Type: e.Type, Subtype: e.Subtype, DisplayName: e.DisplayName(),
		MatchedName: matched, MatchedLang: lang, Match: m.kind, Score: score, family: m.family, whole: m.whole, marked: m.marked, closely: m.closely, exactly: m.exactly, met: m.met, namedAfter: m.namedAfter, apart: m.apart, apartInCapitals: m.apartInCapitals, plainApart: m.plainApart, kindBeside: m.kindBeside, besideSentenceWord: m.besideSentenceWord, loneWord: m.loneWord, familyCued: m.familyCued, longerNameBefore: m.longerNameBefore, givenNameBefore: m.givenNameBefore,
	}
	if s.q.Explain {
		nc.Explanation = append([]string{"query " + strings.Join(s.p.keys.Romanised, "|") + " / " + strings.Join(s.p.keys.Skeleton, "|")}, m.why...)
	}
	if old := s.best[e.ID]; old != nil && (old.met == nc.met || old.whole && heldAround(nc.met, old.met)) { // as above, the other way round
		if old.whole {
			nc.whole, nc.marked = true, nc.marked || old.marked
		}
		nc.closely = nc.closely || old.closely
		nc.exactly = nc.exactly || old.exactly
	}
	s.best[e.ID] = &nc
}

// compoundName reports whether the query is two words, one of them the
// word a place's name met (met, as bits of the query's words) and the other
// a word no name of the glossary has and no qualifier: a name of two words
// of which the glossary knows one, most often another place (روسيا البيضاء,
// "White Russia", is Belarus; New Baghdad a district of Baghdad; Sinjar
// Mountain not the town). In a query with capitals the other word is
// capitalised: a lower-case one is a word of a sentence.
func (s *search) compoundName(met uint64) bool {
	qt := s.p.keys.Tokens
	if len(qt) != 2 || bits.OnesCount64(met) != 1 {
		return false
	}
	i := 1 - bits.TrailingZeros64(met)
	if i < 0 {
		return false
	}
	word := qt[i]
	if len(word) < minFuzzyWord || s.p.qualifier(word) != qualNone || latinOnly()[word] || locativeKeys()[0][word] || locativeKeys()[1][word] {
		return false
	}
	if s.p.upper && s.p.lowerBits()&bit(i) != 0 {
		return false
	}
	return s.ix.wordCount(s.ctx, word) == 0
}

// maxShortWord is the longest romanised one-word query that a loose match
// (skeleton or fuzzy) does not resolve: it scores at most knownWordSpan,
// listed but not taken for the answer. The world has too many short names
// a letter or a vowel from one in the glossary: Mosel (the river) is not
// Mosul, nor Amed (Diyarbakır) Amedi. A short misspelling of a glossary
// name (Kikuk) is listed first, unresolved.
const maxShortWord = 5

// knownWordSpan is the most a one-word query scores by a loose match
// (skeleton or fuzzy) to a name that lacks the word, when the word is in
// other names of the glossary: "party" is the common word of Dawa Party,
// not a misspelling of Parti (the KDP's Kurdish short name). Below the
// Resolve threshold, so such a match is listed but never resolved. A
// capitalised query, or one in a script without case, is held to this
// only when the names of several entities have it (Party, as a sentence
// begins; حكومة): one only a single name has may be a variant of another
// name.
const knownWordSpan = 0.55

// knownElsewhere reports whether the query is one romanised word that the
// name and the other names of its entity en lack and some name of the
// glossary has (several names, when the query is capitalised or in a script
// without case).
func (s *search) knownElsewhere(en *entry, name normalize.Keys) bool {
	qt := s.p.keys.Tokens
	if len(qt) != 1 || slices.Contains(name.Tokens, qt[0]) {
		return false
	}
	// The entity's own names do not count (الحكمة, hkma, is al-Hikma's:
	// تيار الحكمة has it in construct).
	word, construct := qt[0], constructForm(qt[0])
	others := s.sharedBy(word)
	if en.hasToken(func(t string) bool { return t == word || construct != "" && t == construct }) {
		others--
	}
	if s.p.allLower && hasCase(s.p.raw) {
		return others > 0
	}
	return others >= minSharedWord
}

// hasToken reports whether a romanised word of one of en's names matches.
func (en *entry) hasToken(match func(string) bool) bool {
	for _, k := range en.keys {
		for _, t := range k.Tokens {
			if match(t) {
				return true
			}
		}
	}
	return false
}

// constructForm returns the romanised form an Arabic word ending in ta
// marbuta takes in construct before another word (حكومة hkuma, حكومة إقليم
// hkumat), or "" for a word that has none.
func constructForm(word string) string {
	if strings.HasSuffix(word, "a") {
		return word + "t"
	}
	return ""
}

// plainForm returns the form an Arabic word romanised in its construct
// form (see constructForm) has alone, and whether it is one: hlat, hla.
func plainForm(word string) (string, bool) {
	stem, ok := strings.CutSuffix(word, "at")
	if !ok || len(stem) < 2 {
		return "", false
	}
	return stem + "a", true
}

// sharedBy returns how many entities' names have a romanised word, alone or
// in its construct form (see constructForm); an entity with both counts
// twice.
func (s *search) sharedBy(word string) int {
	n := s.ix.wordCount(s.ctx, word)
	if c := constructForm(word); c != "" {
		n += s.ix.wordCount(s.ctx, c)
	}
	return n
}

// minSharedWord is how many entities' names must share a capitalised
// one-word query, or one in a script without case, for it to be taken as
// that word (Party, at the start of a sentence; حكومة, government) rather
// than a misspelling of another name (پارتی, the KDP; al-Hikma): a word
// only one name has may be a variant of another name.
const minSharedWord = 2

// adjectiveQuery reports whether the query is one romanised word that is
// an adjective of words of the glossary (normalize.AdjectiveOf) and en has
// neither it nor any of those words: Syrian is of Syria, not a variant of
// Soran. Such a loose match is listed but never resolved. (Bağdatı, which
// may be "of Bağdat", still meets Baghdad, whose names have Bağdat.)
func (s *search) adjectiveQuery(en *entry) bool {
	qt := s.p.keys.Tokens
	if len(qt) != 1 {
		return false
	}
	if s.adjectiveOf == nil {
		s.adjectiveOf = []string{}
		for _, n := range normalize.AdjectiveNames(qt[0]) {
			if s.ix.wordCount(s.ctx, n) > 0 {
				s.adjectiveOf = append(s.adjectiveOf, n)
			}
		}
	}
	if len(s.adjectiveOf) == 0 {
		return false
	}
	return !en.hasToken(func(t string) bool { return t == qt[0] || slices.Contains(s.adjectiveOf, t) })
}

// info is the informativeness of a romanised word: 1 for a word of one
// entity, falling towards 0.15 as more entities share it. It is remembered
// for the query: the names ranked for one query share many words.
func (s *search) info(word string) float64 {
	if v, ok := s.infos[word]; ok {
		return v
	}
	v := 1.0
	if df := s.ix.wordCount(s.ctx, word); df > 1 {
		n := float64(max(s.ix.entityCount, 2))
		v = math.Max(0.15, math.Min(1, math.Log(n/float64(df))/math.Log(n)))
	}
	s.infos[word] = v
	return v
}

// wordCount returns how many entities use a romanised word; 0 when the
// index cannot say.
func (ix *Index) wordCount(ctx context.Context, word string) int {
	if n, ok := ix.words.get(word); ok {
		return n
	}
	n, err := ix.snap.count(ctx, fTokens, word)
	if err != nil {
		return 0
	}
	ix.words.put(word, n)
	return n
}

// addSeats scores the entities that strong candidates are the capital of
// (a city's governorate and district) against the query, by their names,
// with no search: they belong among the candidates of the bare name.
func (s *search) addSeats() error {
	var strong []string
	for id, c := range s.best {
		if c.Score >= strongScore {
			strong = append(strong, id)
		}
	}
	slices.Sort(strong)
	for _, id := range strong {
		for _, target := range s.ents[id].e.Related("capital-of") {
			if s.best[target] != nil {
				continue
			}
			en, err := s.ix.entityByID(s.ctx, target)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			s.scoreEntity(en)
		}
	}
	return nil
}

// discountSeats lowers the score of an entity whose capital (a candidate
// related to it by capital-of) matched at least as well: "Kirkuk" means the
// city, and the governorate stays among the candidates, deferring to it (it
// does not make the answer ambiguous).
func (s *search) discountSeats() {
	for id, c := range s.best {
		score := c.Score // as matched, before a district it defers to lowers it
		for _, seatOf := range s.ents[id].e.Related("capital-of") {
			if g, ok := s.best[seatOf]; ok && g.Score <= score+1e-9 {
				if g.Subtype == "district" && g.met == c.met && s.p.villagesIn(c.met) {
					// Villages put in it (a village in Al-Amadiya):
					// the district is meant, and the town defers to it.
					c.Score = min(c.Score, g.Score*seatDiscount)
					c.deferTo = seatOf
					if s.q.Explain {
						c.Explanation = append(c.Explanation, "villages are put in it: its district "+seatOf+" is meant")
					}
					continue
				}
				if g.marked && c.met != 0 && covers(g.met, c.met) {
					// Its name met with a word of its kind beside the
					// capital's (ومركز قضاء في محافظة أربيل): the query
					// asks for it, not for the capital.
					continue
				}
				g.Score = min(g.Score, score*seatDiscount)
				g.deferTo = id
				if s.q.Explain {
					g.Explanation = append(g.Explanation, "its capital "+id+" matched as well")
				}
			}
		}
	}
}

func sameBase(t, tag language.Tag) bool {
	a, _ := t.Base()
	b, _ := tag.Base()
	return a == b
}

// weighted is a document and the weight of the query's terms it holds.
type weighted struct {
	doc uint64
	w   float64
}

// wordScratch is the working space of one wordDocs, kept in a pool
// (Index.scratch): at a million entities a common word brings hundreds of
// documents a query, and a new map and slices for each would be most of
// what a Search allocates.
type wordScratch struct {
	weight map[uint64]float64
	cands  []uint64
	ws     []weighted
}

// maxFreshDocs is the most candidates one word or typo form brings.
const maxFreshDocs = 500

// term is a term of a field.
type term struct{ field, text string }

// fuzzyWords returns the glossary's words within about one edit of the
// given words of the query (two for long words), as terms of the entity
// documents that hold them, each weighted by its similarity: the words of
// the typo table that share a form of the deletion neighbourhood, kept when
// the weighted similarity says they are close.
func (s *search) fuzzyWords(words []string) ([]weightedTerm, error) {
	var out []weightedTerm
	seen := map[uint32]bool{}
	for _, q := range words {
		if err := s.ctx.Err(); err != nil {
			return nil, err
		}
		var near []weightedTerm
		for _, f := range neighbourhood(q) {
			s.ix.typos.near(f, maxFreshDocs, func(wi uint32) {
				if seen[wi] {
					return
				}
				seen[wi] = true
				w := s.ix.typos.word(wi)
				if w == "" || w == q {
					return
				}
				if sim := s.p.similarity(q, w); sim >= wordSkeletonSim {
					near = append(near, weightedTerm{term{fTokens, w}, sim})
				}
			})
		}
		// The closest few: a short word of a large glossary has many
		// neighbours, and each brings its entities.
		slices.SortFunc(near, func(a, b weightedTerm) int {
			return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(a.text, b.text))
		})
		out = append(out, near[:min(len(near), maxTypoWords)]...)
	}
	return out, nil
}

// maxTypoWords bounds the glossary words taken as typos of one query word.
const maxTypoWords = 5

// weightedTerm is a term and how much a document holding it counts.
type weightedTerm struct {
	term
	weight float64
}

// splitWords returns the query's romanised words long enough to have
// typos looked for, split into those the glossary has and those it lacks.
func (s *search) splitWords() (known, unknown []string) {
	for _, t := range s.p.keys.Tokens {
		switch {
		case len(t) < minFuzzy:
		case s.ix.wordCount(s.ctx, t) > 0:
			known = append(known, t)
		default:
			unknown = append(unknown, t)
		}
	}
	return known, unknown
}

// minRunTogether is the length of the shortest romanised word the glossary
// lacks that wordDocs also looks up as a whole name run together: two
// words of four letters.
const minRunTogether = 8

// wordDocs returns the documents that no earlier stage found holding the
// query's romanised words and their skeletons (with words), or the words
// within a typo or two of the given words (typos). As these terms are
// loose, only the wordHits documents that hold the most of them are
// returned, rarer and closer terms counting more.
func (s *search) wordDocs(words bool, typos []string) ([]uint64, error) {
	k := s.p.keys
	var terms []weightedTerm
	if words {
		for i, t := range k.Tokens {
			terms = append(terms, weightedTerm{term{fTokens, t}, 1})
			if plain, ok := plainForm(t); !s.p.latin && ok {
				// An Arabic word ending in ta marbuta, read in construct
				// with the word after it: the name as the glossary writes
				// it alone (في الحلة يوم الاثنين: hlat, Hillah's hla).
				terms = append(terms, weightedTerm{term{fTokens, plain}, taMarbutaSim})
			}
			if g := s.p.tokenGlosses[i]; g != "" {
				terms = append(terms, weightedTerm{term{fTokens, g}, 1})
			}
			// A word of a sentence without its endings, as wordMatch
			// reads it (سەردانى هەڵەبجەیان كرد, visited Halabja:
			// هەڵەبجە), so that the names it is of are found as well as
			// scored. (A query of one word is read without its endings
			// whole; see uninflected.)
			if len(k.Tokens) > 1 {
				for _, st := range s.p.stemsOf(i) {
					terms = append(terms, weightedTerm{term{fTokens, st}, inflectedSim})
				}
			}
		}
		for _, t := range k.SkeletonTokens {
			if len(t) >= 3 {
				terms = append(terms, weightedTerm{term{fSkelTok, t}, 1})
			}
		}
		// Two words a name writes as one (Viet Nam; see joinedWords).
		for i := 0; i+1 < len(k.Tokens); i++ {
			if s.p.tokenQuals[i] == qualNone && s.p.tokenQuals[i+1] == qualNone {
				terms = append(terms, weightedTerm{term{fTokens, k.Tokens[i] + k.Tokens[i+1]}, 1})
			}
		}
		// A word the glossary lacks may be a whole name of several words
		// run together (NechirvanBarzani, Duhokprovince, a hashtag's
		// words): the romanised key of a name is its words without
		// spaces.
		for _, t := range typos {
			if len(t) >= minRunTogether {
				terms = append(terms, weightedTerm{term{fRomanised, t}, 1})
			}
		}
		if s.p.state {
			// The names a word of an official name may be an adjective of
			// (Lebanese Republic: Lebanon); most are no word at all.
			for _, t := range k.Tokens {
				for _, n := range normalize.AdjectiveNames(t) {
					terms = append(terms, weightedTerm{term{fTokens, n}, adjectiveSim})
				}
			}
		}
	}
	if len(typos) > 0 {
		ts, err := s.fuzzyWords(typos)
		if err != nil {
			return nil, err
		}
		terms = append(terms, ts...)
	}
	// Rare terms first: they bring the candidates; a term more than
	// maxFreshDocs entities share only adds weight to candidates a rarer
	// term brought, unless there are none yet: then its first maxFreshDocs
	// documents are the candidates, so that a lone common word ("Barzani"
	// in a large glossary) is still answered, as ambiguous.
	type counted struct {
		weightedTerm
		n int
	}
	var cs []counted
	for _, t := range terms {
		n, err := s.ix.snap.count(s.ctx, t.field, t.text)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			cs = append(cs, counted{t, n})
		}
	}
	slices.SortStableFunc(cs, func(a, b counted) int { return cmp.Compare(a.n, b.n) })
	sc := s.ix.scratch.Get().(*wordScratch)
	defer s.ix.scratch.Put(sc)
	clear(sc.weight)
	weight := sc.weight
	var cands []uint64 // the candidates in order, once no term brings more
	for _, c := range cs {
		w := c.weight / math.Log(2+float64(c.n))
		if c.n <= maxFreshDocs || len(weight) == 0 {
			if _, err := s.ix.snap.postings(s.ctx, c.field, c.text, maxFreshDocs, func(d uint64) {
				if !s.seen[d] {
					weight[d] += w
				}
			}); err != nil {
				return nil, err
			}
			cands = nil
			continue
		}
		if cands == nil {
			cands = slices.AppendSeq(sc.cands[:0], maps.Keys(weight))
			slices.Sort(cands)
			sc.cands = cands
		}
		if err := s.ix.snap.holding(s.ctx, c.field, c.text, cands, func(d uint64) { weight[d] += w }); err != nil {
			return nil, err
		}
	}
	ws := sc.ws[:0]
	for d, w := range weight {
		ws = append(ws, weighted{d, w})
	}
	sc.ws = ws
	// Documents of equal weight come in document order, which differs
	// from one build of a glossary to the next (Bleve numbers a batch's
	// documents in the order their analysis ends): of the documents tied
	// with the last one taken, those taken are the first by their
	// entities' IDs, so that the answer does not depend on the build
	// (Qezaya Zaxoyê: qezaya is a word of every Kurmanji district name).
	// The window bounds the tie group read (scoring every document of it
	// took a tenth of the typo tail at a million entities).
	hits, window := s.wordHits(words)
	ws = bestFirst(ws, window, func(a, b weighted) int { return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(a.doc, b.doc)) })
	if len(ws) > hits {
		if ws[hits].w == ws[hits-1].w {
			if err := s.byEntityID(ws, hits); err != nil {
				return nil, err
			}
		}
		ws = ws[:hits]
	}
	docs := make([]uint64, 0, len(ws))
	for _, x := range ws {
		docs = append(docs, x.doc)
		s.seen[x.doc] = true
	}
	return docs, nil
}

// byEntityID orders the documents of ws tied with ws[hits-1] by the IDs of
// their entities, which do not change from one build to the next.
func (s *search) byEntityID(ws []weighted, hits int) error {
	start, end := hits-1, hits
	for start > 0 && ws[start-1].w == ws[hits-1].w {
		start--
	}
	for end < len(ws) && ws[end].w == ws[hits-1].w {
		end++
	}
	type tied struct {
		id string
		x  weighted
	}
	group := make([]tied, 0, end-start)
	for _, x := range ws[start:end] {
		en, err := s.ix.entry(x.doc)
		if err != nil {
			return err
		}
		group = append(group, tied{en.e.ID, x})
	}
	slices.SortFunc(group, func(a, b tied) int { return strings.Compare(a.id, b.id) })
	for i, t := range group {
		ws[start+i] = t.x
	}
	return nil
}

func strconvF(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

// kindOfType is what ranking knows of an entity of type t and the given
// subtype when its names are not at hand (see kindOf).
func kindOfType(t glossary.Type, subtype string) entityKind {
	return entityKind{
		person: t == glossary.TypePerson, org: t == glossary.TypeOrganization,
		place: t == glossary.TypePlace, subtype: strings.ToLower(subtype),
	}
}

// kindOf returns what ranking needs to know of an entity; keys are the
// keys of its names, in order.
func kindOf(e *glossary.Entity, keys []normalize.Keys) entityKind {
	k := kindOfType(e.Type, e.Subtype)
	if k.place {
		for _, nk := range keys {
			for _, t := range nk.Tokens {
				if qualifiers()[t] == qualIsland {
					k.island = true
				}
			}
		}
	}
	return k
}

// contiguous reports whether the bits of m, at least one, are one run.
func contiguous(m uint64) bool {
	if m == 0 {
		return false
	}
	m >>= bits.TrailingZeros64(m)
	return m&(m+1) == 0
}

// lastWordLegacySorani reports whether the query's last word is a word of
// the glossary's names once written with Sorani's ە where older sites and
// Arabic keyboards write ه (see normalize.SoraniVowelForm).
func (s *search) lastWordLegacySorani() bool {
	words := strings.Fields(s.q.Text)
	if len(words) == 0 {
		return false
	}
	alt := normalize.SoraniVowelForm(words[len(words)-1])
	return alt != "" && s.isWord(alt)
}
