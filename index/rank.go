package index

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
)

// MatchKind is how a query met a name: a normalisation level, or a fuzzy or
// partial match of its romanised words.
type MatchKind int

// The match kinds, strict to loose.
const (
	MatchNone MatchKind = iota
	MatchExact
	MatchCanonical
	MatchFolded
	MatchStripped
	MatchRomanised
	MatchSkeleton
	MatchFuzzy
	MatchPartial
)

var matchNames = [...]string{"none", "exact", "canonical", "folded", "stripped", "romanised", "skeleton", "fuzzy", "partial"}

// String returns the kind's lower-case name.
func (m MatchKind) String() string {
	if m < 0 || int(m) >= len(matchNames) {
		return "unknown"
	}
	return matchNames[m]
}

// Scores of a full match at each level. A stricter level scores higher; a
// skeleton match scores by how similar the romanised forms are.
const (
	scoreExact     = 1.0
	scoreCanonical = 0.99
	scoreFolded    = 0.97
	scoreStripped  = 0.94
	scoreRomanised = 0.90
	// A skeleton match scores as a fuzzy one plus skeletonBonus: the
	// consonants agree, which a typo or another reading of the vowels keeps.
	skeletonBonus = 0.03
	// A fuzzy match scores fuzzySpan times the similarity of the romanised
	// forms to the power fuzzyPower, if that similarity is at least
	// fuzzyMinSim.
	fuzzySpan   = 0.92
	fuzzyPower  = 1.5
	fuzzyMinSim = 0.6
	// skeletonMinSim is the least similarity of romanised forms whose
	// skeleton match can score above the Candidate threshold.
	skeletonMinSim = 0.44
	// minSkeleton is the fewest consonant classes a skeleton match needs;
	// two (Iran rn, Wasit st) meet too many unrelated words.
	minSkeleton = 3
	// surnameSpan is the most a person's family name alone scores;
	// surnameAsWrittenSpan the most when it is written (folded) as the
	// person's name writes it.
	surnameSpan          = 0.72
	surnameAsWrittenSpan = 0.96
	// familySim is the least similarity at which a one-word query is taken
	// to name a person's family (see search.sameFamily).
	familySim = 0.9
	// personWordsSpan is the most two or more words of a person's name
	// score when they are not the whole name.
	personWordsSpan = 0.75
	// A word of the query meets a word of the name when their similarity
	// is at least wordMinSim (or their skeletons are equal and similarity
	// at least wordSkeletonSim).
	wordMinSim      = 0.72
	wordSkeletonSim = 0.55
	// adjectiveSim is the similarity of an adjective to the name it is
	// formed from (normalize.AdjectiveOf), when the query names a form of
	// state: Syrian (Arab Republic) to Syria.
	adjectiveSim = 0.85
	// synonymSim is the similarity of two qualifier words of one
	// synonymous class (qualifierClass.synonymous) in different words:
	// استان and Governorate say the same of a name.
	synonymSim = 0.9
	// lowerWordWeight is how much of its weight a word left over counts
	// when written in lower case in a query with capitals.
	lowerWordWeight = 0.5
	// taMarbutaSim is the similarity of a word romanised with a final ة
	// and without it (taMarbutaPair).
	taMarbutaSim = 0.95
	// inflectedSim is the similarity of a word of a longer query with
	// endings (Zaxoyê) to the word it is without them (Zaxo).
	inflectedSim = 0.95
	// minFuzzyWord is the shortest romanised word that meets another word
	// it is not equal to.
	minFuzzyWord = 3
	// A partial match (the query covers part of the name, or the name part
	// of the query) scores at most partialSpan.
	partialSpan = 0.7
	// A name met whole inside a longer query (see nameMatch.whole) has
	// each word met at least wholeWordSim closely, and weighs at least
	// minWholeWeight (the weight of its words: five consonants, as
	// Halabja weighs; Kirkuk weighs 4.7): a shorter name such as Iraq,
	// Paris or France inside a longer text is too often part of another
	// name (at 4.3, Herêma Basurî ya Fransî, the French Southern
	// Territories, resolved to France). A name of two words or more met
	// in order needs half that weight: its common words (سوپای عێراق,
	// the Iraqi Army; Ali Bapir) together are rarely part of another.
	wholeWordSim   = 0.85
	minWholeWeight = 5.0
	// looseWordSim is the least similarity of the one word of a name of
	// two or more that may be met less closely than wholeWordSim when the
	// name is still met whole: a misspelling (Mersrûr for Mesrûr is 0.83).
	looseWordSim = 0.75
	// minIsolatedWeight is the least weight of a lighter name met whole
	// when the words on each side of it are words of the sentence, not of
	// a longer name (see prepared.isolated): Iran weighs 2.7 before its
	// informativeness (three entities hold the word) brings it to 2.2, the
	// Arabic-script Iraq (عراق, held by fifteen) 1.2. Words of the
	// sentence on both sides set a name apart whatever it weighs, down to
	// a name of about two consonants (ئێرانیش وەک وڵاتێکی دراوسێ, Iran
	// too, as a neighbouring country; … çöküyordu fakat İran). It was 2.5
	// until stop 24, chosen when isolation was first read.
	minIsolatedWeight = 1.0
	// listedSpan is the most a name scores when the query names something
	// else through it: a thing named after it (a facility word left over
	// beside it: airport, university, dam), the father of the person whose
	// name holds it (see fathersName), or another place whose two-word name
	// has it (see search.compoundName). Below the Ambiguous threshold:
	// listed, never the answer.
	listedSpan = 0.4
	// qualifierWeight scales the weight of a qualifier word (Republic,
	// Governorate, Sheikh) in a partial match: such words are shared by
	// many names, and say little of which one is meant.
	qualifierWeight = 0.25
	// langBonus is added for a name in the language the query was hinted.
	langBonus = 0.02
	// seatDiscount multiplies the score of an entity when a candidate that
	// is its capital matched as well as it did: the bare name of a
	// governorate or district means its capital city.
	seatDiscount = 0.9
)

// Thresholds decide the answer from the ranked candidates. They were chosen
// on the evaluation sets in testdata/eval (see README, "Matching quality").
type Thresholds struct {
	// Resolve is the lowest score of a resolved answer.
	Resolve float64
	// Margin is the lead the best entity needs over the next to be
	// resolved; within it, the two are ambiguous.
	Margin float64
	// WeakMargin replaces Margin when the best entity met the query only
	// loosely (skeleton, fuzzy or partial): weak evidence needs a clearer
	// lead, so that two Barzanis whose names are spelled a little
	// differently stay ambiguous. (0.12 until the glossary gained Taza
	// Khurmatu: at 0.10 Tuz Khormatu, 0.11 ahead of it, resolves, and no
	// evaluation set or CLDR row gained a wrong answer.)
	WeakMargin float64
	// Ambiguous is the lowest score at which a second entity makes the
	// answer ambiguous.
	Ambiguous float64
	// Whole is the lowest score at which a candidate that met one of its
	// names whole inside a longer query (the Kurdish city of Halabja,
	// مدينة كركوك العراقية) is resolved, below Resolve, when no other
	// entity scores Ambiguous or more: the words around the name are
	// descriptions the glossary does not know. A name a word of its kind
	// marks (قضاء سنجار in a long sentence; see nameMatch.marked) needs
	// only Ambiguous. (0.5 until stop 28: at 0.49 two-word names met whole
	// in a sentence just below it resolve (فوئاد حوسینى, Fuad Hussein,
	// 0.492), no evaluation set or CLDR row gained a wrong answer once دور
	// no longer met الدور (see prepared.bareForArticled); at 0.48 they did.)
	Whole float64
	// Candidate is the lowest score listed at all.
	Candidate float64
}

// listedOnly is the most a candidate that must never be the answer nor make
// it ambiguous scores: just below Ambiguous.
func (t Thresholds) listedOnly() float64 { return t.Ambiguous - 0.01 }

// listOnly caps c at listedOnly, saying why when explain is set: c is
// listed, never the answer nor a rival.
func (t Thresholds) listOnly(c *Candidate, why string, explain bool) {
	c.Score = min(c.Score, t.listedOnly())
	c.listed = true
	if explain {
		c.Explanation = append(c.Explanation, why)
	}
}

// DefaultThresholds are the thresholds exonym ships with.
var DefaultThresholds = Thresholds{Resolve: 0.6, Margin: 0.06, WeakMargin: 0.10, Ambiguous: 0.42, Whole: 0.49, Candidate: 0.3}

// prepared is a query with its keys computed once.
type prepared struct {
	raw      string
	keys     normalize.Keys
	upper    bool // the query has an upper-case letter
	allLower bool // every cased letter of the query is lower case
	explain  bool // say why each name matched (nameMatch.why)
	// sims remembers similarities of romanised words computed for this
	// query; a prepared query is used by one goroutine.
	sims  map[[2]string]float64
	quals map[string]qualifierClass
	// scriptClasses are the query's words whose class the script it is
	// written in decides, where qualifier must answer it so: the Latin
	// words that romanise as an Arabic-script facility word only.
	scriptClasses []scriptClass
	// known, if set, remembers qualifier classes across queries (see
	// Index.quals).
	known *cache[string, qualifierClass]
	// tokenQuals is the qualifierOf each romanised word of the query;
	// tokenSims remembers the similarities of each to the words of names
	// ranked (see tokenSimilarity).
	tokenQuals []qualifierClass
	// tokenGlosses is the English word each romanised word of the query
	// translates (glossOf), or "".
	tokenGlosses []string
	// obliqueE holds the words of a Kurmanji query written with the
	// oblique ending -ê (see obliqueEBits), once obliqueESet.
	obliqueE    uint64
	obliqueESet bool
	tokenSims   []map[string]float64
	// tokenStems holds, once stemsSet, the romanised forms of each word
	// of the query without its endings (see stemsOf).
	tokenStems [][]string
	stemsSet   bool
	// glossaryWord, if set, reports whether a romanised word is a word of
	// some name of the glossary.
	glossaryWord func(string) bool
	// lower are the words written in lower case in a query with capitals
	// (see lowerWords), as bits, once lowerSet (see lowerBits).
	lower    uint64
	lowerSet bool
	// runTogether are the long words the glossary lacks, each perhaps a
	// name's words run together (see runTogetherBits), as bits, once
	// runTogetherSet.
	runTogether    uint64
	runTogetherSet bool
	// nameLinks are the query's linking words that join the words of a
	// longer name (see linksAfterCapitals), as bits: no locatives.
	nameLinks uint64
	// locatives are the query's locative prepositions, as bits of its
	// romanised words (see locativeBits).
	locatives uint64
	// arabicInfo holds each written word's arabicWordInfo once
	// arabicInfoSet (see arabicWordInfos).
	arabicInfo    []arabicWordInfo
	arabicInfoSet bool
	// bareShort says the query may have a short word without the article
	// (see mayHaveBareShortWord), once bareShortSet.
	bareShort, bareShortSet bool
	// taMarbuta are the query's words written in the Arabic script with a
	// final ة that romanised with a t, as one does before another word
	// (see taMarbutaPair): as written they are the word without it.
	taMarbuta uint64
	// located are the query's words that say by their own ending that
	// they name a location: a Turkish locative or ablative after an
	// apostrophe (Kerkük'te, Erbil'den; see turkishLocative), or, in a
	// form of the query without its endings, a word that had the Sorani
	// -دا (in) or -ەوە (from) (set by uninflected), as bits.
	located uint64
	// caseEnded are the query's words with a Turkish case ending after an
	// apostrophe (see apostropheEnding), as bits.
	caseEnded uint64
	// conjoined are the query's Arabic words written with the conjunction
	// و and the article joined before them (والشرطة, and the police).
	conjoined uint64
	// conjunctions are the query's words that join two names (see
	// conjunctionBits), as bits.
	conjunctions uint64
	// mapSize is the size tokenSims's maps start at (see newSearch).
	mapSize    int
	tokenSkels []string // the skeleton of each romanised word of the query
	// state is set when a word of the query is a form of state (Republic,
	// جمهورية): its other words may be adjectives of a country's name
	// (Italian Republic).
	state bool
	// onlyQualifiers is set when every word of the query is a qualifier
	// other than a function word (Islamic, Democratic Party, تنظيم): the
	// query then asks for the names that hold those words, and they
	// count as fully as any other.
	onlyQualifiers bool
	// initialism is set when the query is one initialism written with
	// dots (P.K.K., پ.ک.ک): letters meant one by one, however short.
	initialism bool
	// latin is set when the query has a Latin letter.
	latin bool
	// endingCut marks, as bits, the words of a form of a query read
	// without endings whose endings were cut (see search.uninflected).
	endingCut uint64
	// stop are the query's stop words (see stopBits), as bits, once
	// stopSet.
	stop    uint64
	stopSet bool
	// quoted are the spans of words the query puts between quotation
	// marks (see quotedSpans), once quotedSet.
	quoted    []uint64
	quotedSet bool
	// indefinite holds the English indefinite articles of the query (a,
	// an), as bits, once indefiniteSet (see indefiniteBefore).
	indefinite    uint64
	indefiniteSet bool
	// breaks is breakBits, found the first time it is asked for.
	breaks    uint64
	breaksSet bool
	// punctuated holds, as bits, the words followed by a mark of
	// punctuation that ends a phrase (see endsPhrase), found with breaks.
	punctuated uint64
	// withOf says that the query is a Latin text with the English "of"
	// between words (the parliament of Kurdistan Region; see
	// turnedAroundOf).
	withOf bool
}

func prepare(s string) *prepared {
	p := &prepared{raw: s, keys: normalize.KeysOf(s), allLower: true}
	p.initialism = len(p.keys.Tokens) == 1 && normalize.IsInitialism(strings.TrimSpace(s))
	for _, r := range s {
		if unicode.IsUpper(r) {
			p.upper = true
			p.allLower = false
		}
	}
	p.tokenSkels = make([]string, len(p.keys.Tokens))
	p.tokenQuals = make([]qualifierClass, len(p.keys.Tokens))
	p.tokenSims = make([]map[string]float64, len(p.keys.Tokens))
	p.tokenGlosses = make([]string, len(p.keys.Tokens))
	p.onlyQualifiers = len(p.keys.Tokens) > 0
	latin := hasLatin(s)
	p.latin = latin
	p.withOf = latin && strings.Contains(strings.ToLower(s), " of ")
	p.locatives = locativeBits(p.keys.Tokens, latin)
	if !latin && strings.Contains(s, "به") {
		// The Persian به (to) romanises as با (with) does: it is known
		// as written (در سفر به آنکارا, on a journey to Ankara).
		p.locatives |= p.rawWordBits(func(w string) bool { return w == "به" })
	}
	if !latin && p.locatives != 0 && strings.Contains(s, "الله") {
		// الله (God, in حزب الله, Hezbollah) romanises as the preposition
		// إلى (to) does: a word of a name, no locative.
		p.locatives &^= p.rawWordBits(func(w string) bool { return strings.Contains(w, "الله") })
	}
	p.conjunctions = conjunctionBits(p.keys.Tokens, latin)
	if !latin && strings.Contains(s, "ة") {
		for _, w := range strings.Fields(s) {
			if !strings.HasSuffix(strings.TrimRightFunc(w, notLetter), "ة") {
				continue
			}
			if t := normalize.KeysOf(w).Tokens; len(t) > 0 {
				if k := slices.Index(p.keys.Tokens, t[len(t)-1]+"t"); k >= 0 {
					p.taMarbuta |= bit(k)
				}
			}
		}
	}
	if latin && strings.ContainsAny(s, "'’") {
		p.located = p.rawWordBits(turkishLocative)
		p.caseEnded = p.rawWordBits(apostropheEnding)
	}
	if latin {
		// The Turkish words for a place's people follow its name.
		for i, t := range p.keys.Tokens {
			if i > 0 && slices.Contains(turkishResidentWords, t) {
				p.located |= bit(i - 1)
			}
		}
	}
	if !latin && strings.Contains(s, "وال") {
		// والشرطة, and the police: a word of its own, not the head of a
		// compound with the name beside it (البيشمركة والشرطة, the
		// Peshmerga and the police).
		p.conjoined = p.rawWordBits(func(w string) bool {
			return strings.HasPrefix(strings.TrimLeftFunc(w, notLetter), "وال") // «والشرطة
		})
	}
	var relatives uint64
	if !latin && anyField(s, isArabicRelative) {
		// The Arabic relative pronouns (الذي, التي, الذين) are function
		// words, known as written: الذي romanises as ذي does, the Dhi of
		// Dhi Qar (الذي استهدف محافظة بابل, which targeted Babil).
		relatives = p.rawWordBits(isArabicRelative) &^ p.rawWordBits(func(w string) bool { return !isArabicRelative(w) })
	}
	// The words written in Latin letters, as bits: all of a Latin query's
	// but in one that mixes scripts (تنظيم PKK الإرهابي).
	latinWords := ^uint64(0)
	if latin && strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
		latinWords = p.rawWordBits(func(w string) bool {
			return hasLatin(w)
		})
	}
	for i, t := range p.keys.Tokens {
		p.tokenQuals[i] = qualifierOfScript(t, latinWords&bit(i) != 0 && latin)
		if latin {
			p.tokenGlosses[i] = glossOf(t) // French and German words
			if c, ok := arabicScriptQualifiers()[t]; ok && c == p.tokenQuals[i] && latinWords&bit(i) != 0 {
				if _, latinToo := latinScriptQualifiers()[t]; !latinToo {
					p.tokenQuals[i] = qualNone // Qaḑā’ is no قاعدة
					if c == qualFacility {
						// Nor is the word a thing named after a name
						// beside it: the Kurmanji ku (that) is no کوه
						// (mountain).
						p.scriptClasses = append(p.scriptClasses, scriptClass{t, qualNone})
					}
				}
			}
		} else if latinOnly()[t] {
			p.tokenQuals[i] = arabicScriptQualifiers()[t] // عضو is not du
		} else if p.tokenQuals[i] == qualTitle && latinTitleOnly(t) {
			p.tokenQuals[i] = qualNone // the Persian در (in) is no Dr
		}
		p.tokenSkels[i] = tokenSkeleton(p.keys, i)
		if relatives&bit(i) != 0 {
			p.tokenQuals[i] = qualFunction
		}
		if p.tokenQuals[i] == qualState {
			p.state = true
		}
		if c := p.tokenQuals[i]; c == qualNone || c == qualFunction {
			p.onlyQualifiers = false
		}
	}
	if p.upper && latin {
		p.nameLinks = p.linksAfterCapitals()
		p.locatives &^= p.nameLinks
	}
	return p
}

// latinLinkWords are the English words that link a longer name's words to
// a name at its end (the Islamic Resistance in Iraq), besides the
// locatives.
var latinLinkWords = map[string]bool{"in": true, "of": true, "for": true}

// linksAfterCapitals returns, as bits, the query's linking words (see
// latinLinkWords) and locatives written in lower case right after two
// capitalised words that are no numbers, the nearer no qualifier, in a
// Latin text with capitals: they join the words of one longer name (the
// Islamic Resistance in Iraq claimed responsibility: a group, not Iraq),
// so the name after them is neither marked as a location nor apart.
func (p *prepared) linksAfterCapitals() uint64 {
	var links uint64 // the linking words and locatives, wherever written
	tokens := p.keys.Tokens
	for i := 2; i < len(tokens) && i < 64; i++ {
		if p.locatives&bit(i) != 0 || latinLinkWords[tokens[i]] {
			links |= bit(i)
		}
	}
	if links == 0 {
		return 0 // most queries: the words' cases are not read
	}
	var out uint64
	lower := p.lowerBits()
	for i := 2; i < len(tokens) && i < 64; i++ {
		if links&bit(i) != 0 && lower&bit(i) != 0 && p.capitalWord(i-1) && lower&bit(i-2) == 0 && !isNumber(tokens[i-2]) {
			out |= bit(i)
		}
	}
	return out
}

// arabicWordInfo is what ainWritten and bareForArticled read of one word of
// the query as written: the query words it romanises as (bits), its
// romanised form and whether it has the article (see arabicWord; "" for a
// word not in the Arabic script), and whether it begins with ʿayn (ع) after
// its proclitics and article.
type arabicWordInfo struct {
	bits     uint64
	token    string
	articled bool
	ain      bool
}

// arabicWordInfos returns the arabicWordInfo of each word of the query as
// written, found when first asked for.
func (q *prepared) arabicWordInfos() []arabicWordInfo {
	if q.arabicInfoSet {
		return q.arabicInfo
	}
	q.arabicInfoSet = true
	for _, w := range strings.Fields(q.raw) {
		info := arabicWordInfo{bits: q.bitsOf(w)}
		info.token, info.articled = arabicWord(w)
		bare := strings.TrimLeftFunc(w, notLetter)
		if rest := normalize.StripArabicArticle(bare); rest != bare {
			bare = rest
		} else if r, size := utf8.DecodeRuneInString(bare); strings.ContainsRune("وبلف", r) {
			bare = bare[size:] // a proclitic without the article: وعقرة
		}
		info.ain = strings.HasPrefix(bare, "ع")
		q.arabicInfo = append(q.arabicInfo, info)
	}
	return q.arabicInfo
}

// mayHaveBareShortWord reports whether the query has a word in the Arabic
// script of maxBareWord+2 letters or fewer that does not begin with the
// article: one that may romanise as a short word without it (see
// prepared.bareForArticled). It reads the words as written, without
// romanising them, and is found when first asked for.
func (q *prepared) mayHaveBareShortWord() bool {
	if !q.bareShortSet {
		q.bareShortSet = true
		for _, w := range strings.Fields(q.raw) {
			w = strings.TrimFunc(w, notLetter)
			if w != "" && unicode.Is(unicode.Arabic, []rune(w)[0]) && utf8.RuneCountInString(w) <= maxBareWord+2 && normalize.StripArabicArticle(w) == w {
				q.bareShort = true
				break
			}
		}
	}
	return q.bareShort
}

// latinTitleOnly reports whether the romanised word t is a title only as
// the Latin script writes it (Dr, Mr, Ms): the Arabic-script word that
// romanises so is another (در, in; مس, copper), for no Arabic-script title
// romanises as it.
func latinTitleOnly(t string) bool {
	if _, arabic := arabicScriptQualifiers()[t]; arabic {
		return false
	}
	_, latin := latinScriptQualifiers()[t]
	return latin
}

// scriptClass is a query word's class as its script decides it.
type scriptClass struct {
	word  string
	class qualifierClass
}

// anyField reports whether any word of s, as written, is one keep
// accepts: a test that costs no allocation, made before the query's
// words are romanised one by one (rawWordBits).
func anyField(s string, keep func(string) bool) bool {
	for f := range strings.FieldsSeq(s) {
		if keep(f) {
			return true
		}
	}
	return false
}

// isArabicRelative reports whether the word as written is an Arabic
// relative pronoun, with the conjunction و or ف before it or not.
func isArabicRelative(w string) bool {
	w = strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ف")
	switch w {
	case "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي", "اللائي":
		return true
	}
	return false
}

// wordBits returns, as bits of the query's romanised words (see
// nameMatch.met), the words other than function words (of, the, و).
func (q *prepared) wordBits() uint64 {
	var b uint64
	for i, c := range q.tokenQuals {
		if c != qualFunction {
			b |= bit(i)
		}
	}
	return b
}

// bitsOf returns, as bits of the query's romanised words, those that
// text, a piece of the query as written, romanises to.
func (q *prepared) bitsOf(text string) uint64 {
	var b uint64
	for _, t := range normalize.KeysOf(text).Tokens {
		if k := slices.Index(q.keys.Tokens, t); k >= 0 {
			b |= bit(k)
		}
	}
	return b
}

// nameMatch is how well a query met one name.
type nameMatch struct {
	score float64
	kind  MatchKind
	why   []string
	// family is the skeleton of the family name when the query is a
	// person's family name alone, closely (see search.sameFamily).
	family string
	// met has bit i set when the query's word i met a word of the name,
	// for a match of words (wordMatch); 0 when the whole name met.
	met uint64
	// namedAfter holds, as met would, the words that met the name of a
	// place or person a thing beside them is named after (Kirkuk in
	// Kirkuk Airport): the candidate is only listed, and met is 0, but it
	// is still a reading of part of a longer name those words met (see
	// deferPartReadings).
	namedAfter uint64
	// whole says that a partial match met every word of the name, each
	// closely (wholeWordSim) and in the name's order, and the query has
	// words besides: the name occurs whole in a longer text (the Kurdish
	// city of Halabja).
	whole bool
	// marked says that the name met whole has a word of its kind beside
	// it or in it (قضاء سنجار, President Barzani; see markedAs).
	marked bool
	// closely says that a partial match met every word of the name, each
	// closely, however light the name (whole asks more of a short one).
	closely bool
	// exactly says that a partial match met every word of the name as the
	// name writes it (romanised alike).
	exactly bool
	// apart says that the name met whole stands apart from the words
	// around it: in Latin text with capitals, isolated (the United
	// States in the Virgin Islands of the United States is not);
	// elsewhere, its words met one after another, no other word between
	// them (not الولايات المكسيكيّة المتّحدة for الولايات المتحدة).
	apart bool
	// plainApart says that the name is apart with no facility word
	// before it in the query (a ministry of a place is no place).
	plainApart bool
	// apartInCapitals says that the name met whole is apart in a Latin
	// text with capitals: a capitalised name between words in lower case
	// (me hejmarekî baş li Parlemena Iraqê heye), which names it as a
	// word of its kind beside it does (see marked).
	apartInCapitals bool
	// besideSentenceWord says that a place's or an organisation's name of
	// one word, met as written in an Arabic-script query, stands beside a
	// word of the sentence (see sentenceWordBeside).
	besideSentenceWord bool
	// loneWord says that a place's or an organisation's name of one word
	// met one word of an Arabic-script query, as the name writes it.
	loneWord bool
	// kindBeside says that the name met whole, each word as the name
	// writes it, is marked by a word of its kind (see markedAs) rather
	// than by a locative: کشور عراق, the country Iraq.
	kindBeside bool
	// familyCued says that a person's family name, and no other word of
	// the name, met one word of the query as written or with an ending,
	// and that a title or a reporting verb marks that word as a person's
	// (see personCue).
	familyCued bool
	// longerNameBefore says that the name's one word met comes after the
	// Arabic article written apart, in lower case, and a capitalised word
	// before it, in a Latin query with capitals: a word of a longer name
	// (see prepared.articledNameBefore).
	longerNameBefore bool
	// givenNameBefore says that a person's one word met comes right after
	// a capitalised word in a Latin query with capitals, which may be a
	// given name the glossary lacks (Melania Trump; see
	// prepared.capitalBefore).
	givenNameBefore bool
}

// minAbbreviationInText is the fewest letters of an abbreviation found
// written as it is inside a longer text (see abbreviationInText): two
// letters (IS, US) are too often a word.
const minAbbreviationInText = 3

// abbreviationInText reports whether text holds the abbreviation as one of
// its words, written as the abbreviation writes it (case and letters, so
// that Abd in a name is not ABD), with at most an ending after an
// apostrophe or hyphen (PKK'nin, PKK’ê, DAIŞ-ê).
func abbreviationInText(text, abbr string) bool {
	if utf8.RuneCountInString(abbr) < minAbbreviationInText {
		return false
	}
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], abbr)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(abbr)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, size := utf8.DecodeRuneInString(text[end:])
		if (start == 0 || !unicode.IsLetter(before)) && (end == len(text) || !unicode.IsLetter(after)) {
			// ISIS-K and PKK-2 are other names; PKK-led and DAIŞ-ê are
			// the abbreviation with an ending.
			next, _ := utf8.DecodeRuneInString(text[min(len(text), end+size):])
			if after != '-' || !(unicode.IsUpper(next) || unicode.IsDigit(next)) {
				return true
			}
		}
		i = start + 1
	}
	return false
}

// initialismInText reports whether text holds, as one of its words, the
// abbreviation nk written as an initialism with dots (the P.K.K. said,
// گروه تروریستی پ.ک.ک), or as its letters written apart (پ ک ک): the dots
// or the spaces say the letters are meant one by one, whatever their case.
func initialismInText(text string, nk normalize.Keys) bool {
	words := strings.Fields(text)
	for _, w := range words {
		w = strings.TrimRightFunc(w, func(r rune) bool { return r != '.' && !unicode.IsLetter(r) })
		w = strings.TrimLeftFunc(w, notLetter)
		if normalize.IsInitialism(w) && slices.Contains(nk.Stripped, normalize.Stripped(w)) {
			return true
		}
	}
	// Written with spaces (مواضع عناصر پ ک ک, PKK positions): a run of
	// words of one letter each, which the stripped level joins into one.
	for _, key := range nk.Stripped {
		n := utf8.RuneCountInString(key)
		for i := 0; i+n <= len(words) && n >= 3; i++ {
			run := words[i : i+n]
			if !slices.ContainsFunc(run, func(w string) bool { return utf8.RuneCountInString(w) != 1 }) && normalize.Stripped(strings.Join(run, " ")) == key {
				return true
			}
		}
	}
	return false
}

// foldedAbbreviationInText is abbreviationInText for an abbreviation in
// the Arabic script, which has no case to keep: the folded text and the
// folded abbreviation, so that one typed with Arabic letters (پهكهكه for
// پەکەکە, the PKK in Sorani) is found in a sentence as the one typed with
// Sorani letters is.
func foldedAbbreviationInText(foldedText, abbr, foldedAbbr string) bool {
	r, _ := utf8.DecodeRuneInString(abbr)
	return unicode.Is(unicode.Arabic, r) && abbreviationInText(foldedText, foldedAbbr)
}

// abbreviationAsWord reports whether the query word met (met, one bit) is
// an abbreviation of minAbbreviationAsWord letters or more written as a
// word, with a capital first letter and lower-case words beside it: its
// romanised form is the abbreviation's, but its letters are not all
// capitals (metirsiyên Da’îş û, the dangers of Daesh and; Daesh, Nato for
// DAIŞ, DAESH, NATO). Lower-case it stays a common word.
func (q *prepared) abbreviationAsWord(met uint64, name string, nk normalize.Keys) bool {
	if bits.OnesCount64(met) != 1 || len(nk.Tokens) != 1 || utf8.RuneCountInString(name) < minAbbreviationAsWord {
		return false
	}
	i := bits.TrailingZeros64(met)
	if !q.upper || i >= len(q.keys.Tokens) || q.keys.Tokens[i] != nk.Tokens[0] {
		return false
	}
	// Not itself in lower case, and, as among other capitalised words it
	// is as likely a word of a name (Iris, Quad in a person's name), with
	// its neighbours in lower case.
	lower := q.lowerBits()
	if lower&met != 0 {
		return false
	}
	for _, j := range [2]int{i - 1, i + 1} {
		if j >= 0 && j < len(q.keys.Tokens) && lower&bit(j) == 0 {
			return false
		}
	}
	return true
}

// minAbbreviationAsWord is the fewest letters of an abbreviation that
// abbreviationAsWord reads in a word written with a capital only first:
// an abbreviation of four letters or more is often said as a word.
const minAbbreviationAsWord = 4

// bracketedPartMatch meets the query with a part of a name written in
// parts (normalize.Bracketed): Burma is a name of Myanmar (Burma), DRC of
// Congo (DRC), Islas Malvinas of Falkland Islands (Islas Malvinas). A part
// met at the romanised level or stricter scores as a stripped key at most;
// a part that is only qualifier words (Congo (Republic)) names nothing.
func (q *prepared) bracketedPartMatch(name string) nameMatch {
	if !normalize.HasBracket(name) {
		return nameMatch{}
	}
	outside, inside := normalize.Bracketed(name)
	for _, part := range append([]string{outside}, inside...) {
		if part == "" || onlyQualifiers(part) {
			continue
		}
		lvl := normalize.Meet(q.keys, normalize.KeysOf(part))
		if lvl == normalize.LevelNone || lvl > normalize.LevelRomanised {
			continue
		}
		score := scoreStripped
		if lvl == normalize.LevelRomanised {
			score = scoreRomanised
		}
		return nameMatch{score: score, kind: MatchStripped, why: []string{"a part of the name: " + part}}
	}
	return nameMatch{}
}

// abbreviationExtended reports whether text writes the abbreviation with a
// hyphen and a capital letter or digit after it (KDP-I, ISIS-K): the
// abbreviation of another name.
func abbreviationExtended(text, abbr string) bool {
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], abbr+"-")
		if j < 0 {
			return false
		}
		end := i + j + len(abbr) + 1
		if next, _ := utf8.DecodeRuneInString(text[end:]); unicode.IsUpper(next) || unicode.IsDigit(next) {
			return true
		}
		i = end
	}
	return false
}

// acronymCaseOK reports whether a query may match a name written in
// capitals as an acronym: a two-letter acronym (IS, US) only when the query
// is in capitals too, so that "is" and "us" stay words.
func acronymCaseOK(query, name string) bool {
	letters := 0
	for _, r := range name {
		if unicode.IsLetter(r) {
			letters++
			if letters > 2 || !unicode.IsUpper(r) {
				return true
			}
		}
	}
	if letters == 0 {
		return true
	}
	for _, r := range query {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// hasCase reports whether s has letters with case (Latin, not Arabic).
func hasCase(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// match scores a query against one name. info gives the informativeness of
// a romanised word (1 for a word of one entity, less for words many
// entities share, such as "district" or "kurdistan").
func (q *prepared) match(name string, kind glossary.Kind, ek entityKind, info func(string) float64) nameMatch {
	return q.matchKeys(name, normalize.KeysOf(name), kind, ek, info)
}

// matchKeys is match with the name's keys already computed.
func (q *prepared) matchKeys(name string, nk normalize.Keys, kind glossary.Kind, ek entityKind, info func(string) float64) nameMatch {
	if q.raw == name {
		return nameMatch{score: scoreExact, kind: MatchExact, why: []string{"exact"}}
	}
	// An abbreviation matches only at the strict levels, and a short one
	// with case only with its case: "is" and "the" are not "IS".
	if kind == glossary.KindAbbreviation {
		if !acronymCaseOK(q.raw, name) {
			return nameMatch{}
		}
		switch lvl := normalize.Meet(q.keys, nk); lvl {
		case normalize.LevelCanonical:
			return nameMatch{score: scoreCanonical, kind: MatchCanonical, why: []string{"canonical=" + nk.Canonical}}
		case normalize.LevelFolded:
			return nameMatch{score: scoreFolded, kind: MatchFolded, why: []string{"folded=" + nk.Folded}}
		case normalize.LevelStripped:
			return nameMatch{score: scoreStripped, kind: MatchStripped, why: []string{"stripped=" + strings.Join(nk.Stripped, "|")}}
		case normalize.LevelRomanised:
			if utf8.RuneCountInString(name) >= 4 {
				return nameMatch{score: scoreRomanised, kind: MatchRomanised, why: []string{"romanised=" + strings.Join(nk.Romanised, "|")}}
			}
		}
		if abbreviationExtended(q.raw, name) {
			return nameMatch{} // KDP-I and ISIS-K are other names
		}
		// The abbreviation as a word of the query, with only qualifiers
		// around it (تنظيم داعش, "the organisation Daesh").
		m := q.wordMatch(nk, ek, info)
		if m.kind == MatchFuzzy && m.score >= fuzzySpan-1e-9 {
			return m
		}
		// Written as it is, in a longer text (هێرشی داعش, the attack of
		// Daesh; Irak'ın kuzeyindeki terör örgütü PKK): a partial match,
		// met whole (see nameMatch.whole).
		if m.kind == MatchPartial && m.met != 0 && (abbreviationInText(q.raw, name) || foldedAbbreviationInText(q.keys.Folded, name, nk.Folded) || initialismInText(q.raw, nk) || q.abbreviationAsWord(m.met, name, nk)) {
			m.whole = true
			return m
		}
		return nameMatch{}
	}
	if !acronymCaseOK(q.raw, name) {
		return nameMatch{}
	}
	best := nameMatch{}
	consider := func(m nameMatch) {
		if m.score > best.score {
			best = m
		}
	}
	lvl := normalize.Meet(q.keys, nk)
	switch lvl {
	case normalize.LevelCanonical:
		return nameMatch{score: scoreCanonical, kind: MatchCanonical, why: []string{"canonical=" + nk.Canonical}}
	case normalize.LevelFolded:
		return nameMatch{score: scoreFolded, kind: MatchFolded, why: []string{"folded=" + nk.Folded}}
	case normalize.LevelStripped:
		return nameMatch{score: scoreStripped, kind: MatchStripped, why: []string{"stripped=" + strings.Join(nk.Stripped, "|")}}
	case normalize.LevelRomanised:
		return nameMatch{score: scoreRomanised, kind: MatchRomanised, why: []string{"romanised=" + strings.Join(nk.Romanised, "|")}}
	}
	if m := q.bracketedPartMatch(name); m.kind != MatchNone {
		consider(m)
	}
	// The whole romanised forms' similarity counts for a skeleton match,
	// and when one side is a single word and the other at most two
	// (Altunkupri, Altun Kupri);
	// otherwise words are aligned one by one.
	skel := lvl == normalize.LevelSkeleton && minLen(nk.Skeleton) >= minSkeleton
	whole := minLen(nk.Romanised) >= 4 && min(len(q.keys.Tokens), len(nk.Tokens)) == 1 &&
		max(len(q.keys.Tokens), len(nk.Tokens)) <= 2 && !q.isQualifier() && q.maxSimilarity(nk.Romanised) >= fuzzyMinSim
	if (skel || whole) && (q.fusedAcrossQualifier(nk) || q.facilityOutside(nk)) {
		skel, whole = false, false
	}
	skel = skel && q.coreSkeletonMeets(nk)
	if skel || whole {
		floor := fuzzyMinSim
		if skel {
			floor = skeletonMinSim
		}
		sim := q.bestPair(nk.Romanised, func(a, b string) float64 { return normalize.SimilarityAtLeast(a, b, floor) })
		var why []string
		if q.explain {
			why = []string{"romanised " + strings.Join(q.keys.Romanised, "|") + " ~ " + strings.Join(nk.Romanised, "|") + " " + ftoa(sim)}
		}
		if skel {
			m := nameMatch{score: min(scoreRomanised, fuzzyScore(sim)+skeletonBonus), kind: MatchSkeleton}
			if q.explain {
				m.why = append([]string{"skeleton=" + strings.Join(nk.Skeleton, "|")}, why...)
			}
			consider(m)
		}
		if whole && sim >= fuzzyMinSim {
			consider(nameMatch{score: fuzzyScore(sim), kind: MatchFuzzy, why: why})
		}
	}
	consider(q.wordMatch(nk, ek, info))
	return best
}

// fusedAcrossQualifier reports whether a name of more words than the query
// has a qualifier word the query lacks (استان بابل, the province of Babil):
// its skeleton, which runs the words together, meets a one-word query
// across the qualifier (Istanbul, stnbl) by chance.
func (q *prepared) fusedAcrossQualifier(nk normalize.Keys) bool {
	if len(nk.Tokens) <= len(q.keys.Tokens) {
		return false
	}
	for _, t := range nk.Tokens {
		if c := q.qualifier(t); c != qualNone && c != qualFunction && !slices.Contains(q.keys.Tokens, t) {
			return true
		}
	}
	return false
}

// facilityOutside reports whether the query has a word for a thing named
// after a place or a person that the name lacks (Darbandikhan Dam): the
// whole romanised forms, one a word longer, would meet by chance.
func (q *prepared) facilityOutside(nk normalize.Keys) bool {
	for i, c := range q.tokenQuals {
		if c == qualFacility && !slices.Contains(nk.Tokens, q.keys.Tokens[i]) {
			return true
		}
	}
	return false
}

// coreSkeletonMeets reports, for a name with a qualifier word, whether its
// other words meet the query's other words at the skeleton level, with
// enough consonants to count: Kayyare ilçesi and Akre ilçesi share a
// skeleton only through ilçesi (krlcs), and Akre alone is two consonants.
// A name without a qualifier word meets as its whole skeleton says.
func (q *prepared) coreSkeletonMeets(nk normalize.Keys) bool {
	nameCore, qualified := q.coreWords(nk.Tokens)
	if !qualified {
		return true
	}
	queryCore, _ := q.coreWords(q.keys.Tokens)
	a := normalize.SkeletonOfKey(strings.Join(nameCore, ""))
	return len(a) >= minSkeleton && a == normalize.SkeletonOfKey(strings.Join(queryCore, ""))
}

// coreWords returns the words that are no qualifier (function words aside)
// and whether there were any such qualifiers.
func (q *prepared) coreWords(tokens []string) (core []string, qualified bool) {
	for _, t := range tokens {
		if c := q.qualifier(t); c != qualNone && c != qualFunction {
			qualified = true
			continue
		}
		core = append(core, t)
	}
	return core, qualified
}

// fuzzyScore turns the similarity of two romanised forms into a score that
// falls faster than the similarity: one letter wrong in five is a weaker
// match than one in ten.
func fuzzyScore(sim float64) float64 { return fuzzySpan * math.Pow(sim, fuzzyPower) }

// wordMatch aligns the romanised words of query and name: each query word
// with its most similar name word. All words of both met is a fuzzy match;
// otherwise the score falls with the share of each side left over, each word
// weighted by its length and informativeness.
func (q *prepared) wordMatch(nk normalize.Keys, ek entityKind, info func(string) float64) nameMatch {
	qt, nt := q.keys.Tokens, nk.Tokens
	if len(qt) == 0 || len(nt) == 0 {
		return nameMatch{}
	}
	used := make([]bool, len(nt))
	at := make([]int, len(nt)) // the query word each name word met, or -1
	for j := range at {
		at[j] = -1
	}
	var heldBuf [16]int
	held := q.heldWords(nt, heldBuf[:0], used)
	metWords, metNames := 0, 0
	var qAll, qMet, nAll, nMet, simSum, simW, qInfo float64
	var met uint64        // the query's words met, as bits
	minSim := 1.0         // the least similarity of a word met
	loose := 0            // the words met less closely than wholeWordSim
	var facilities uint64 // the facility words left over, as bits (see nearFacility)
	var why []string
	skip := -1 // a query word read joined to the one before it
	for i, t := range qt {
		if i == skip || saidBefore(qt, i, met, nt, used) {
			continue // a word said twice (كوريا، جمهورية كوريا) is no more evidence
		}
		w := tokenWeight(t) * info(t)
		bestJ, bestSim := -1, 0.0
		dowlatWord := t == dowlat()
		for j, u := range nt {
			if used[j] || held[j] >= 0 && held[j] != i {
				continue
			}
			if min(len(t), len(u)) < minFuzzyWord && t != u {
				continue // two letters are too few to be misspelt: "is" is not "ISI"
			}
			if t == u && q.strayFunctionWord(i, j, nt) {
				continue // في before the name is not the في inside it
			}
			if min(len(t), len(u)) == minFuzzyWord && t != u && q.tokenQuals[i] == qualNone && (t[0] != u[0] || t[len(t)-1] != u[len(u)-1]) && !taMarbutaPair(t, u) && !(len(qt) > 1 && endingAfter(t, u) && abbreviationInText(q.raw, strings.ToUpper(u))) {
				// A name's word of three letters is misspelt only inside:
				// raqa (Raqqa) is not raq (العراق). Qualifiers meet their
				// spellings (hecî, حاج) as above; an abbreviation written
				// in capitals with an ending after an apostrophe meets
				// itself (hevkariya PDK’ê ya: PDK).
				continue
			}
			if dowlatWord && governmentSense(t, u) {
				// دولت اقلیم کردستان for حکومت اقلیم کردستان
				if synonymSim > bestSim {
					bestJ, bestSim = j, synonymSim
				}
				continue
			}
			if c := q.tokenQuals[i]; c != qualNone && c != qualifiers()[u] && (t != u || c == qualFunction) {
				// Komara (republic) is a word of its own, not a misspelling
				// of Komor; الذي (which), a function word as written, is
				// not the Dhi of Dhi Qar.
				continue
			}
			s := q.tokenSimilarity(i, u)
			if s < wordMinSim && q.tokenQuals[i].synonymous() && q.tokenQuals[i] == qualifiers()[u] && !groupMemberKeys()[t] && !groupMemberKeys()[u] {
				// استان for Governorate, ilçesi for District, ميليشيا for
				// منظمة; not officials for the تنظيم of تنظيم الدولة.
				s = synonymSim
			}
			if s < wordMinSim && q.tokenQuals[i] == qualState && sameStateSense(t, u) {
				s = synonymSim // Komara for Cumhuriyeti
			}
			if s < wordMinSim && q.state && normalize.AdjectiveOf(t, u) {
				s = adjectiveSim // Italian (Republic) for Italy
			}
			if s < wordMinSim && !(s >= wordSkeletonSim && len(t) >= 4 && q.tokenSkels[i] == tokenSkeleton(nk, j)) {
				continue
			}
			if s > bestSim {
				bestJ, bestSim = j, s
			}
		}
		if bestJ >= 0 && q.lowerBits()&bit(i) != 0 && bestSim < q.lowerWordSim() && q.tokenQuals[i] == qualNone && qualifiers()[nt[bestJ]] == qualNone && plainWords(nt) == 1 {
			// A word in lower case in a text with capitals, only near
			// the one word of a name (şehridir, a city, and Şarezûr): a
			// common word of the sentence, not the name misspelt.
			bestJ, bestSim = -1, 0
		}
		if bestSim < joinedSim && q.tokenQuals[i] == qualNone {
			if j, n, sim := q.joinedWords(i, nt, used); j >= 0 && sim > bestSim {
				// One word written as two (Viet Nam), or two as one
				// (عبدالمهدي for عبد المهدي).
				if n == 2 {
					used[j+1] = true
					at[j+1] = i
					if q.explain {
						why = append(why, t+"~"+nt[j]+"+"+nt[j+1]+" "+ftoa(sim))
					}
				} else {
					w += tokenWeight(qt[i+1]) * info(qt[i+1])
					skip = i + 1
					met |= bit(i + 1)
					if q.explain {
						why = append(why, t+"+"+qt[i+1]+"~"+nt[j]+" "+ftoa(sim))
					}
				}
				used[j] = true
				at[j] = i
				met |= bit(i)
				minSim = min(minSim, sim)
				metWords++
				metNames++
				qAll += w
				qMet += w
				simSum += sim * w
				simW += w
				// A name's two words written as one are as telling as
				// the rarer of them (عبدالواحد: الواحد, not عبد), and no
				// more than the word written.
				wordInfo := info(nt[j])
				if n == 2 {
					wordInfo = min(max(wordInfo, info(nt[j+1])), info(t))
				}
				qInfo += wordInfo * w
				continue
			}
		}
		if bestJ < 0 {
			switch c := q.qualifier(t); {
			case c.ignorable(ek):
				if q.explain {
					why = append(why, t+" qualifies")
				}
			case c == qualFacility && !(ek.person && officeWords()[t]) && !(!ek.place && eventWords()[t]) && !q.indefiniteBefore(i) && q.conjoined&bit(i) == 0:
				facilities |= bit(i)
				qAll += w
			case q.lowerBits()&bit(i) != 0:
				// A word in lower case in a text with capitals is a
				// common word of the sentence (Iraq's new Prime Minister),
				// weaker evidence of another name than a capitalised one.
				qAll += w * lowerWordWeight
			default:
				qAll += w
			}
			continue
		}
		// A qualifier met is weak evidence; one left over still counts in
		// full (a title before a place's name says it is a person).
		// A direction a name holds (South Georgia, باشووری) is a word of
		// the name like any other.
		if c := q.tokenQuals[i]; c != qualNone && c != qualDirection && !q.onlyQualifiers && !(c == qualState && ek.org) {
			w *= qualifierWeight
		} else {
			metNames++
		}
		qAll += w
		metWords++
		used[bestJ] = true
		at[bestJ] = i
		met |= bit(i)
		qMet += w
		minSim = min(minSim, bestSim)
		if bestSim < wholeWordSim {
			loose++
		}
		simSum += bestSim * w
		simW += w
		// A word met as another word is only as telling as the word
		// written: Baghdad, a word many names share, misread as
		// Baghdeda (Qaraqosh), a word of one, says no more than Baghdad.
		qInfo += min(info(nt[bestJ]), info(t)) * w
		if q.explain {
			why = append(why, t+"~"+nt[bestJ]+" "+ftoa(bestSim))
		}
	}
	if qMet == 0 {
		return nameMatch{}
	}
	// An organisation's name whose form-of-state words the query meets
	// (union, Islamic, state: اتحادیه میهنی, كۆمەڵی ئیسلامی, دولت عراق)
	// holds them as words of its own, met or not.
	ownState := false
	if ek.org {
		for j, u := range nt {
			ownState = ownState || used[j] && qualifiers()[u] == qualState
		}
	}
	for j, u := range nt {
		class := qualifiers()[u]
		if !used[j] && class == qualFunction {
			continue // "and", "of", the ezafe: Heard & McDonald Islands
		}
		w := tokenWeight(u) * info(u)
		if !(ownState && class == qualState) && (class == qualState || used[j] && class != qualNone && class != qualDirection) {
			// A form of state says little of which country is meant; a
			// province or city word left over does: the name is of
			// another kind of place than the query names.
			w *= qualifierWeight
		}
		nAll += w
		if used[j] {
			nMet += w
		}
	}
	avgSim := simSum / simW
	qCov, nCov := qMet/qAll, nMet/nAll
	if qCov > 0.999 && nCov > 0.999 {
		return nameMatch{score: fuzzyScore(avgSim), kind: MatchFuzzy, met: met, why: append([]string{"words"}, why...)}
	}
	if metNames == 0 {
		return nameMatch{} // only words such as Republic met: any country's form of state
	}
	meanInfo := qInfo / simW
	if ek.person && qCov > 0.999 && fathersName(nt, used) {
		score := personWordsSpan * avgSim * (0.7 + 0.3*meanInfo)
		return nameMatch{score: min(score, listedSpan), kind: MatchPartial, why: append([]string{"the father's name"}, why...)}
	}
	// A person is often named by the family name alone: the query is all
	// met, and it met the last word of the name, unless that word is bound
	// to the one before it (Mahdi is not the family name of Adil Abdul
	// Mahdi, nor the name of anyone the glossary knows by it alone).
	if ek.person && qCov > 0.999 && used[len(nt)-1] && !(len(nt) > 1 && boundNameWords()[nt[len(nt)-2]]) && !titledGivenName(nt) {
		// Written as the name writes it, the family name alone is nearly
		// as strong as a whole name at the romanised level: it follows the
		// spelling the person is known by (Suleimani, not Sulaimani the
		// city), and a place that meets it as well leaves the answer
		// ambiguous rather than wrong.
		family := ""
		if len(qt) == 1 && avgSim >= familySim {
			family = tokenSkeleton(nk, len(nt)-1) // برزاني and بارزاني are one family
		}
		if len(qt) == 1 && slices.Contains(surnameKeys(nk.Folded), q.keys.Folded) {
			score := surnameAsWrittenSpan * (0.85 + 0.15*meanInfo)
			return nameMatch{score: score, kind: MatchPartial, family: family, why: append([]string{"family name as written"}, why...)}
		}
		score := surnameSpan * avgSim * (0.7 + 0.3*meanInfo)
		if len(qt) == 1 && avgSim < 1 && len(qt[0]) < maxShortWord {
			// A word of four letters or fewer a letter off a family
			// name is as likely another word (Suli, for Sulaymaniyah,
			// is not Salih).
			score = min(score, knownWordSpan)
			why = append(why, "the query is a short word")
		}
		return nameMatch{score: score, kind: MatchPartial, family: family, why: append([]string{"surname"}, why...)}
	}
	// Two or more words of a person's name, and nothing else, name the
	// person (Hero Ibrahim for Hero Ibrahim Ahmed).
	if ek.person && qCov > 0.999 && metWords >= 2 {
		score := personWordsSpan * avgSim * (0.7 + 0.3*meanInfo)
		return nameMatch{score: score, kind: MatchPartial, why: append([]string{"given names"}, why...)}
	}
	// Naming all of a name (with extra words: "Kurdish Peshmerga") is
	// stronger evidence than naming part of one ("army" for Iraqi Army).
	score := partialSpan * avgSim * (0.2 + 0.3*qCov + 0.5*nCov) * (0.5 + 0.5*meanInfo)
	if !q.latin && met != 0 {
		// Arabic, Sorani and Persian put a facility word before the name
		// it is named after (مطار أربيل, فڕۆکەخانەی هەولێر, فرودگاه
		// اربیل): one after the name is a word of the sentence (در جنوب
		// بعقوبه حمله کرده, attacked in the south of Baqubah).
		facilities &= bit(bits.TrailingZeros64(met)) - 1
	} else if met != 0 {
		// Turkish puts its facility words after the name (Musul savaşı,
		// the battle of Mosul): one before it is a word of the sentence.
		for i := range bits.TrailingZeros64(met) {
			if facilities&bit(i) != 0 && turkishFacilityKeys()[qt[i]] {
				facilities &^= bit(i)
			}
		}
	}
	if facilities != 0 && met != 0 {
		// A facility word across a break from the name (Police, Zeravani
		// forces and the ministry forces; Duhok kentindeki üssü, the base
		// in the city of Duhok) names no thing after it.
		facilities &^= q.beyondBreaks(met)
	}
	if ek.person && facilities&(met<<1|met>>1) != 0 || !ek.person && !(ek.subtype == "party" && facilities&^q.organBits() == 0) && (nearFacility(facilities, met, q.titleBits()) || q.facilityChain(facilities, met)) {
		// Kirkuk Airport is not Kirkuk: listed, never the answer. (A
		// party's own organs, its council, committee or office, are the
		// party's: ئەندامی ئەنجوومەنی باڵای نەوەی نوێ, a member of New
		// Generation's supreme council, names New Generation.) A
		// thing named after a person has its word right beside the name
		// (قصر صدام حسين, Saddam Hussein's palace); one word further off
		// it is more often part of a title (رئيس مجلس النواب محمد
		// الحلبوسي, the Speaker of the Council of Representatives).
		return nameMatch{score: min(score, listedSpan), kind: MatchPartial, namedAfter: met, why: append([]string{"a thing named after it"}, why...)}
	}
	closely := nCov > 0.999 && minSim >= wholeWordSim
	// In the Arabic script a locative marks a place's name met as written
	// or with its endings, not a letter off: از حیدر (from Haidar, a given
	// name) is not از الحضر, from al-Hadar. Latin text varies its
	// spelling of a place more (Makhmour, Makhmur).
	marked := closely && q.markedAs(ek, at, nt, q.latin || minSim >= inflectedSim)
	// Marked by a word of its kind, not a locative (کشور عراق, the
	// country Iraq), and met as the name writes it.
	kindBeside := marked && minSim > 1-1e-9 && q.markedAs(ek, at, nt, false)
	// An English name's words turned around with "of", each met as the
	// name writes it, are in their order too.
	ordered := inOrder(at) || q.withOf && metNames >= 2 && minSim > 1-1e-9 && turnedAroundOf(at) && hasLatin(nk.Canonical)
	whole := closely && ((nAll >= minWholeWeight || metNames >= 2 && nAll >= minWholeWeight/2) && ordered || marked)
	if !whole && nCov > 0.999 && metNames >= 2 && loose == 1 && minSim >= looseWordSim && nAll >= minWholeWeight/2 && inOrder(at) {
		// A name of two words or more, in order, one of them misspelt
		// (Mersrûr Barzanî got; Prime Minister Mustafa Khadimi): the
		// other words, met closely, say which name the misspelt one is
		// of. Not closely: a name met so is not read as met exactly.
		whole = true
	}
	if !whole && closely && nAll >= minIsolatedWeight && inOrder(at) {
		first, last := metSpan(at)
		whole = q.isolated(first, last) || q.isQuoted(first, last) || !ek.person && q.afterSentenceStart(first, last)
	}
	m := nameMatch{score: score, kind: MatchPartial, met: met, whole: whole, marked: marked, closely: closely, exactly: closely && minSim > 1-1e-9, kindBeside: kindBeside}
	if bits.OnesCount64(met) == 1 {
		// One word of the query met: what stands beside it says whose
		// word it is.
		i := bits.TrailingZeros64(met)
		if ek.person && len(nt) >= 2 && metNames == 1 && used[len(nt)-1] && minSim >= inflectedSim && !boundNameWords()[nt[len(nt)-2]] {
			m.familyCued = q.personCue(i)
		}
		m.longerNameBefore = q.articledNameBefore(i)
		m.givenNameBefore = ek.person && q.capitalBefore(i)
		if !q.latin && (ek.place || ek.org) && m.exactly {
			m.loneWord = true
			m.besideSentenceWord = q.sentenceWordBeside(i)
		}
	}
	if whole {
		first, last := metSpan(at)
		if q.upper && q.latin {
			m.apart = q.isolated(first, last)
			m.apartInCapitals = m.apart
			if ek.place && !m.exactly && !marked && bits.OnesCount64(met) == 1 && q.capitalBeside(first, last) {
				// A place's one-word name met only with an ending or a
				// letter off, a capitalised word right beside it and no
				// word of its kind, is as often a word of another name,
				// or a family name after a given name (Dayik – Bav:
				// Şehrînaz – Selahattîn, a mother's and a father's
				// names; not Saladin): not met whole.
				m.whole, m.apart, m.apartInCapitals = false, false, false
			}
		} else {
			m.apart = contiguous(met)
			m.plainApart = m.apart && q.classBits(qualFacility)&(bit(first)-1) == 0
		}
	}
	if q.explain {
		m.why = append([]string{"partial q=" + ftoa(qCov) + " n=" + ftoa(nCov)}, why...)
	}
	return m
}

// lowerWordSim is how closely a word in lower case, in a text with
// capitals, must meet the one word of a name to be taken for it: as the
// name writes it, or with an ending, in English and Turkish, which
// capitalise every name (will visit Baghdad: visit is not Vasit); in
// Kurmanji, written with ê, î, û, whose news writes a name's common-noun
// sense in lower case (pasdarên Îranê, the Guards of Iran), closely.
func (q *prepared) lowerWordSim() float64 {
	if q.kurmanjiLetters() {
		return wholeWordSim
	}
	return inflectedSim
}

// kurmanjiLetters reports whether the query has a letter Kurmanji writes
// and English and Turkish do not (ê, î, û): the Latin text is Kurmanji.
func (q *prepared) kurmanjiLetters() bool { return strings.ContainsAny(q.raw, "êîûÊÎÛ") }

// plainWords returns how many of a name's romanised words are no
// qualifier (Sharazur District has one).
func plainWords(nt []string) int {
	n := 0
	for _, u := range nt {
		if qualifiers()[u] == qualNone {
			n++
		}
	}
	return n
}

// titledGivenName reports whether a person's name is one word after titles
// only (Mam Jalal, Kak Masoud): its last word is a given name, not a family
// name that names the person alone (Jalal is not Jalal Talabani).
func titledGivenName(nt []string) bool {
	if len(nt) < 2 {
		return false
	}
	for _, t := range nt[:len(nt)-1] {
		if qualifierOf(t) != qualTitle {
			return false
		}
	}
	return true
}

// fathersName reports whether the name words a query met (used) are a
// title inside the name and words after it, without the name's first word:
// in a Kurdish or Arab name a title after the given name begins the
// father's name (Lahur Sheikh Jangi Talabani is the son of Sheikh Jangi),
// so the query names the father, not the person.
func fathersName(nt []string, used []bool) bool {
	if len(nt) < 3 || used[0] {
		return false
	}
	first := slices.Index(used, true)
	if first < 1 || qualifiers()[nt[first]] != qualTitle {
		return false
	}
	for j := first + 1; j < len(nt); j++ {
		if used[j] && qualifiers()[nt[j]] == qualNone {
			return true
		}
	}
	return false
}

// taMarbutaPair reports whether two romanised words differ only by a final
// t after a: the Arabic ة, romanised a at the end of a phrase and t before
// the word it is construct with (حزب الدعوة: dwa; حزب الدعوة المحظور:
// dwat). Both spellings are one word.
func taMarbutaPair(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 2 && len(b) == len(a)+1 && strings.HasSuffix(a, "a") && b[len(b)-1] == 't' && strings.HasPrefix(b, a)
}

// nearFacility reports whether a facility word left over (facilities, as
// bits of the query's words) stands next to a word that met the name
// (met), or one word off (Kirkuk Airport, سد الموصل, the University of
// Duhok, Erbil International Airport, نەخۆشخانەی فریاکەوتنی سلێمانی):
// then the query names a thing named after the name. Further off it is a
// word of the sentence around the name (a massacre took place in Hawija
// district), and so it is across the words in across (as bits): a title
// (هیرو ابراهیم احمد عضو شورای رهبری, Hero Ibrahim Ahmed, member of the
// leadership council). A locative between is a break, and the caller has
// left out the facility words beyond it (see breakBits).
func nearFacility(facilities, met, across uint64) bool {
	next := met<<1 | met>>1
	oneOff := (met<<1&^across)<<1 | (met>>1&^across)>>1
	return facilities&(next|oneOff) != 0
}

// facilityChain reports whether a facility word left over (facilities, as
// bits) heads a chain of words that ends in the name met (met): before
// it, with only words the glossary does not know between, at most
// maxChainWords of them, none a locative or a conjunction. The name is
// then the last link of what the facility word names (وزارت امور مذهبی
// اقلیم کردستان عراق, the Kurdistan Region's Ministry of Religious
// Affairs), further off than nearFacility looks.
func (q *prepared) facilityChain(facilities, met uint64) bool {
	first := bits.TrailingZeros64(met)
	if facilities == 0 || met == 0 || first == 0 || q.glossaryWord == nil {
		return false
	}
	for i, n := first-1, 0; i >= 0 && n <= maxChainWords; i, n = i-1, n+1 {
		if facilities&bit(i) != 0 {
			return n > 0
		}
		if q.locatives&bit(i) != 0 || q.conjunctions&bit(i) != 0 || centreWords()[q.keys.Tokens[i]] || q.tokenQuals[i] != qualNone && q.tokenQuals[i] != qualFunction || q.glossaryWord(q.keys.Tokens[i]) {
			return false
		}
	}
	return false
}

// indefiniteBefore reports whether the English indefinite article stands
// before the query's word i, right before it or with one word between (a
// private university in Sulaimanyah), or a number right before it (12
// کەمپی پارێزگای دهۆک, 12 camps of Duhok governorate): a facility so
// written is one of many, not one named after the place the sentence then
// names.
func (q *prepared) indefiniteBefore(i int) bool {
	if !q.indefiniteSet {
		q.indefiniteSet = true
		if q.latin && !q.kurmanjiLetters() { // the Kurmanji ezafe is written a too
			q.indefinite = q.rawWordBits(func(w string) bool { return strings.EqualFold(w, "a") || strings.EqualFold(w, "an") })
		}
	}
	return i > 0 && (q.indefinite&(bit(i-1)|bit(max(0, i-2))) != 0 || isNumber(q.keys.Tokens[i-1]))
}

// officeWords are the romanised facility words for an office (office,
// مكتب, دفتر): a person's office is where he works, not a thing named
// after him, and news names it for him (في مكتب هادي العامري, in Hadi
// al-Amiri's office; بیانیه دفتر السودانی, a statement of al-Sudani's
// office).
var officeWords = sync.OnceValue(func() map[string]bool {
	return romanisedSet([]string{"office", "مكتب", "دفتر", "نووسینگەی", "nivîsgeha", "ofisi"})
})

// eventWords are the romanised facility words (see qualifierWords) that
// name an event rather than a thing: a battle, a campaign, an operation, a
// massacre. Beside an organisation's or a person's name they say what it
// did (حملات داعش, Daesh's attacks), not what is named after it.
var eventWords = sync.OnceValue(func() map[string]bool {
	return romanisedSet([]string{
		"massacre", "battle", "operation", "offensive", "campaign",
		"مجزرة", "معركة", "عملية", "حملة", "عمليات", "حملات",
		"شەڕی", "هەڵمەتی",
		"komkujiya", "kampanya",
		"کشتار", "نبرد", "کارزار", "حمله",
		"katliamı", "savaşı", "operasyonu", "kampanyası",
	})
})

// onWords are the romanised Kurdish words for "on" that follow a locative
// before a place (li ser Hewlêrê, on Erbil; بۆ سەر هەولێر): passed over
// as direction words are.
var onWords = sync.OnceValue(func() map[string]bool { return romanisedSet([]string{"ser", "سەر"}) })

// centreWords are the romanised words for the centre of a place, which
// locate what comes before them in the place after them, as a locative
// does (خیابان سرچنار وسط سلیمانیه, Sarchinar Street in the centre of
// Sulaymaniyah): no facility's chain runs across one.
var centreWords = sync.OnceValue(func() map[string]bool {
	return romanisedSet([]string{
		"centre", "center", "downtown", "وسط", "مركز", "مرکز", "ناوەند", "ناوەندی", "ناوەڕاستی",
		"navend", "navenda", "merkez", "merkezi", "merkezinde",
	})
})

// maxChainWords is the most words facilityChain passes between a facility
// word and the name it ends in.
const maxChainWords = 3

// titleBits returns, as bits of the query's romanised words (see
// nameMatch.met), the words that are titles or offices.
func (q *prepared) titleBits() uint64 { return q.classBits(qualTitle) }

// classBits returns, as bits of the query's romanised words, the words of
// qualifier class c.
func (q *prepared) classBits(c qualifierClass) uint64 {
	var b uint64
	for i, qc := range q.tokenQuals {
		if qc == c {
			b |= bit(i)
		}
	}
	return b
}

// heldWords returns, for each of a name's words nt, the query word that
// meets it exactly, alone or as a long word that runs it together with the
// next (Duhokprovince), or -1: such a name word is held for that query
// word, and another that meets it only loosely looks further. Otherwise the
// words are aligned in the query's order, and a word before the name that
// resembles one of its words would take it from the word that is it
// (شبه, a near-spelling of شعبی, before حشدالشعبی). The result is
// appended to buf (room on the caller's stack); none is all false, one
// for each name word.
func (q *prepared) heldWords(nt []string, buf []int, none []bool) []int {
	held := buf
	for range nt {
		held = append(held, -1)
	}
	for i, t := range q.keys.Tokens {
		exact := false
		for j, u := range nt {
			if t == u && held[j] < 0 && !q.strayFunctionWord(i, j, nt) {
				held[j], exact = i, true // one name word a query word: Kosrat Kosat
				break
			}
		}
		if !exact && len(nt) > 1 && q.runTogetherBits()&bit(i) != 0 && slices.ContainsFunc(nt[:len(nt)-1], func(u string) bool { return strings.HasPrefix(t, u) }) {
			if j, n, sim := q.joinedWords(i, nt, none); j >= 0 && n == 2 && sim > 1-1e-9 && held[j] < 0 && held[j+1] < 0 {
				held[j], held[j+1] = i, i
			}
		}
	}
	if len(nt) > 1 {
		// A name word the query writes twice is held for the time it
		// stands beside the query word holding the name's word before or
		// after it: Sadr Hareketi’nin yeni adının Ulusal Şia Hareketi,
		// the Sadr Movement's new name is the National Shia Movement,
		// meets Ulusal Şia Hareketi whole at its end, not at Hareketi’nin.
		aligned := func(j, i int) bool {
			return j > 0 && held[j-1] >= 0 && held[j-1] == i-1 || j+1 < len(nt) && held[j+1] >= 0 && held[j+1] == i+1
		}
		for j, u := range nt {
			if held[j] < 0 || aligned(j, held[j]) {
				continue
			}
			for i := held[j] + 1; i < len(q.keys.Tokens); i++ {
				if q.keys.Tokens[i] == u && !slices.Contains(held, i) && !q.strayFunctionWord(i, j, nt) && aligned(j, i) {
					held[j] = i
					break
				}
			}
		}
	}
	return held
}

// joinedSim is the least similarity at which a word meets two words
// joined (see joinedWords): higher than wordMinSim, as joining two words
// finds more chance likenesses than comparing one with one.
const joinedSim = 0.85

// joinedWords finds, for the query's word i, a reading as one word of what
// the other side writes as two: name words j and j+1 (n is 2: the query
// writes عبدالمهدي, the name عبد المهدي), or query words i and i+1 against
// name word j (n is 1: Viet Nam, Vietnam). The Arabic article a compound
// keeps inside (عبدالمهدي) while the romanised words drop it (عبد المهدي:
// bd, mhdi) is put back between the two. It is tried for a word that
// meets no name word alone as closely (Abubakr meets Bakr, but Abu Bakr
// better), and no word of a pair may be a qualifier, but for the last of
// a name's pair met by a long word (Duhokprovince). It returns j -1 when
// there is no such reading.
func (q *prepared) joinedWords(i int, nt []string, used []bool) (j, n int, sim float64) {
	t := q.keys.Tokens[i]
	best, bestJ, bestN := 0.0, -1, 0
	for k := 0; k+1 < len(nt); k++ {
		// A qualifier may end a name run together (Duhokprovince), not
		// begin one.
		if used[k] || used[k+1] || qualifiers()[nt[k]] != qualNone || qualifiers()[nt[k+1]] != qualNone && len(t) < minRunTogether {
			continue
		}
		a, b := nt[k], nt[k+1]
		if a[0] != t[0] || b[len(b)-1] != t[len(t)-1] {
			continue // a word written apart differs inside, not at its ends
		}
		for _, article := range [2]string{"", "al"} {
			if !joinableLengths(len(t), len(a)+len(article)+len(b)) {
				continue
			}
			if s := normalize.SimilarityAtLeast(t, a+article+b, max(joinedSim, best)); s > best {
				best, bestJ, bestN = s, k, 2
			}
		}
	}
	if i+1 < len(q.keys.Tokens) && q.tokenQuals[i+1] == qualNone {
		next := q.keys.Tokens[i+1]
		for _, article := range [2]string{"", "al"} {
			var joined string
			for k, u := range nt {
				if used[k] || u[0] != t[0] || u[len(u)-1] != next[len(next)-1] || !joinableLengths(len(t)+len(article)+len(next), len(u)) {
					continue
				}
				if joined == "" {
					joined = t + article + next
				}
				if s := normalize.SimilarityAtLeast(joined, u, max(joinedSim, best)); s > best && s > q.tokenSimilarity(i+1, u) {
					best, bestJ, bestN = s, k, 1
				}
			}
		}
	}
	return bestJ, bestN, best
}

// bit is the bit of the query's word i in nameMatch.met; the words past
// the 64th share none.
func bit(i int) uint64 {
	if i >= 64 {
		return 0
	}
	return 1 << i
}

// markedAs reports whether the query marks the name it met (at gives the
// query word each name word met) as naming an entity of kind ek: a word
// for its kind stands next to the name, or is one of the words met ("the
// northern city of Kirkuk", "the oil-rich province of Kirkuk", شاری
// کەرکووک, Kerkük kenti, "ISIS militants"). The name's other words are in
// order. A name so marked counts as met whole however light it is: the
// word of its kind says that a name of that kind stands there. A form of
// state (Republic, Cumhuriyeti) marks nothing: it is a word of the longer
// official names that hold a shorter one (Ekvatoral Gine Cumhuriyeti is
// Equatorial Guinea, not Guinea).
// A locative before a place (في كركوك, li Şingalê) marks it only when
// locative is set (see wordMatch).
func (q *prepared) markedAs(ek entityKind, at []int, nt []string, locative bool) bool {
	first, last := len(q.tokenQuals), -1
	var content []int // the query words the name's other words met, in name order
	marked := false
	for j, i := range at {
		if i < 0 {
			continue
		}
		first, last = min(first, i), max(last, i)
		c := qualifiers()[nt[j]]
		switch {
		case marks(c, ek):
			marked = true
		case c == qualNone:
			content = append(content, i)
		}
	}
	if last < 0 || len(content) == 0 || !inOrder(content) {
		return false
	}
	kindWord := func(i int) bool { return q.kindWordAt(i, ek) }
	before := first - 1
	for before >= 0 && q.passedOver(before) {
		before--
	}
	after := last + 1
	for after < len(q.tokenQuals) && q.passedOver(after) {
		after++
	}
	if ek.place && locative && (q.locativeBefore(first) || q.located&bit(last) != 0) {
		return true // li Şingalê, لە سلێمانی, في كركوك, in Kirkuk; Kerkük'te, کفریدا
	}
	return marked || before >= 0 && kindWord(before) || after < len(q.tokenQuals) && kindWord(after)
}

// locativeBefore reports whether a locative preposition comes before the
// query's word i, with only function words, directions, words for the
// centre and the Kurdish "on" between: li Şingalê, لە باکووری کەرکووک (in
// the north of Kirkuk), li bakurê Şengalê, در مرکز بعقوبه (in the centre of
// Baqubah), li ser Hewlêrê (on Erbil).
func (q *prepared) locativeBefore(i int) bool {
	j := i - 1
	for j >= 0 && (q.passedOver(j) || q.tokenQuals[j] == qualDirection || centreWords()[q.keys.Tokens[j]] || onWords()[q.keys.Tokens[j]]) {
		if isNumber(q.keys.Tokens[j]) {
			// A number between says how many: the word after it is
			// counted, no place (لە 350 هەزار, than 350 thousand).
			return false
		}
		j--
	}
	return j >= 0 && q.locatives&bit(j) != 0
}

// turkishLocative reports whether a word as written ends in an apostrophe
// and a Turkish locative or ablative ending (Kerkük'te, Erbil'de,
// Musul'dan, Kerkük'teki): the name before it is a location.
func turkishLocative(w string) bool {
	i := strings.LastIndexAny(w, "'’")
	if i <= 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(w[i:])
	switch strings.ToLower(w[i+size:]) {
	case "de", "da", "te", "ta", "den", "dan", "ten", "tan":
		return true
	}
	return slices.Contains(relativeLocativeEndings, strings.ToLower(w[i+size:]))
}

// Locative prepositions, the words before a place's name that say it is
// one (li Hewlêrê, di Kerkûkê de, لە هەولێر, في أربيل, در اربیل, in Erbil), and those of
// where from (ji Hewlêrê, من أربيل, از اربیل, from Erbil) and where to
// (إلى أربيل, بۆ هەولێر, to Erbil; the Persian به, which romanises as با,
// with, is found as written: see prepare): by script, as لە romanises as
// the French article la.
var (
	latinLocatives  = []string{"li", "di", "in", "at", "ji", "from", "to", "towards", "toward", "near", "bo"}
	arabicLocatives = []string{"لە", "له", "في", "فی", "در", "من", "از", "إلى", "الى", "نحو", "بۆ", "بو",
		// Arabic joins "and" to the word after it: وفي البصرة, and in Basra.
		"وفي", "ومن", "وإلى", "والى",
		// The verbs of arriving that take the place as their object
		// (وارد تلعفر شدند, they entered Tal Afar; گەیشتە پارێزگای
		// موسەنا, reached Muthanna governorate).
		"وارد", "گەیشتە", "گەیشتنە",
		// Towards and near (فرت باتجاه سنجار, fled towards Sinjar;
		// بالقرب من, near; Sorani بەرەو, towards; نزیک, near).
		"باتجاه", "اتجاه", "صوب", "قرب", "بالقرب", "بەرەو", "نزیک", "نزدیک"}
)

// arabicDirectionLocatives are the Arabic-script words for a direction
// from a place, before its name: like a locative they say that the name
// after them is a place's (مخيم ديباجة شمال مخمور, Debaga camp north of
// Makhmur; 15 کیلومتری جنوب حله, 15 km south of Hillah; Sorani باکووری,
// باشووری).
var arabicDirectionLocatives = []string{"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "باکووری", "باشووری"}

// residentWordLists are the words for the people who live in a place,
// before its name ([0] in the Arabic script, [1] in the Latin): like a
// locative they say that the name after them is a place's (اهالي داقوق,
// the people of Daquq; خەڵکی هەولێر; xelkê Hewlêrê; residents of
// Sulaymaniyah). Turkish puts its words after the name (see
// turkishResidentWords).
var residentWordLists = [2][]string{
	{"اهالي", "أهالي", "اهالی", "سكان", "سکان", "ساکنان", "خەڵکی", "دانیشتووانی", "دانیشتوانی"},
	{"xelkê", "niştecihên", "residents", "inhabitants"},
}

// turkishResidentWords are the romanised Turkish words for the people of a
// place, after its name (Basra sakinleri, the residents of Basra; Kerkük
// halkı): the name before them is a place's.
var turkishResidentWords = []string{"sakinleri", "halki"}

// runTogetherBits returns the query's words of minRunTogether letters or
// more, no qualifier, that the glossary lacks (when glossaryWord is set):
// a name's words run together may be such a word. Found when first asked
// for: it looks each long word up once.
func (q *prepared) runTogetherBits() uint64 {
	if !q.runTogetherSet {
		q.runTogetherSet = true
		for i, t := range q.keys.Tokens {
			if len(t) >= minRunTogether && q.tokenQuals[i] == qualNone && (q.glossaryWord == nil || !q.glossaryWord(t)) {
				q.runTogether |= bit(i)
			}
		}
	}
	return q.runTogether
}

// lowerBits returns the words written in lower case in a query with
// capitals (see lowerWords), as bits; 0 in a query without capitals. It
// is found when first asked for: it romanises each word of the query.
func (q *prepared) lowerBits() uint64 {
	if !q.lowerSet {
		q.lowerSet = true
		if q.upper {
			q.lower = lowerWords(q)
		}
	}
	return q.lower
}

// locativeKeys are the romanised forms of the locative prepositions, by
// script: [0] the Arabic script's, [1] the Latin script's.
var locativeKeys = sync.OnceValue(func() [2]map[string]bool {
	return [2]map[string]bool{
		romanisedSet(slices.Concat(arabicLocatives, arabicDirectionLocatives, residentWordLists[0])),
		romanisedSet(slices.Concat(latinLocatives, residentWordLists[1])),
	}
})

// locativeBits returns, as bits of the query's romanised words, its
// locative prepositions (latin says the query is in the Latin script).
func locativeBits(tokens []string, latin bool) uint64 {
	keys := locativeKeys()[0]
	if latin {
		keys = locativeKeys()[1]
	}
	return tokenBits(tokens, keys)
}

// tokenBits returns, as bits, the romanised words of tokens (the first 64)
// that are in set.
func tokenBits(tokens []string, set map[string]bool) uint64 {
	var b uint64
	for i, t := range tokens {
		if i < 64 && set[t] {
			b |= bit(i)
		}
	}
	return b
}

// partyWordList are the words for a party or a movement, in each
// language: words of many organisations' names, so no qualifiers, but said
// beside an organisation's name that lacks them they mark it as an
// organisation's (حزب الاتحاد الاسلامي الكردستاني, the KIU, whose name has
// no حزب; the Gorran party; بزووتنەوەی عەسایب ئەهلی حەق, the movement
// Asa'ib Ahl al-Haq; حركة النجباء).
var partyWordList = []string{"party", "حزب", "الحزب", "حزبی", "partiya", "partî", "parti", "partisi", "partiyê",
	"movement", "حركة", "بزووتنەوەی", "بزوتنەوەی", "جنبش", "tevgera", "hareketi"}

// partyWords holds the romanised forms of partyWordList.
var partyWords = sync.OnceValue(func() map[string]bool { return romanisedSet(partyWordList) })

// kindWordAt reports whether the query's word i says what kind of entity
// ek the name beside it is: a qualifier that marks it, a party word beside
// an organisation, or a word for a country beside a country.
func (q *prepared) kindWordAt(i int, ek entityKind) bool {
	return marks(q.tokenQuals[i], ek) || ek.org && partyWords()[q.keys.Tokens[i]] || ek.subtype == "country" && countryWords()[q.keys.Tokens[i]]
}

// countryWordList are the words for a country itself: forms of state, as
// the qualifiers class them (they are left over beside a country's name),
// but unlike Republic or Kingdom, which official names hold around a
// shorter name (Ekvatoral Gine Cumhuriyeti), they say what kind of name
// stands beside them (بجای کشور ترکیە, instead of the country Turkey).
var countryWordList = []string{"country", "کشور", "ولات", "وڵاتی", "welat", "welatê", "ülkesi"}

// countryWords holds the romanised forms of countryWordList.
var countryWords = sync.OnceValue(func() map[string]bool { return romanisedSet(countryWordList) })

// kindWordsBeside returns, as bits of the query's romanised words, the
// word for the kind of ek just before or after the words met (skipping
// function words), if there is one: a word of the phrase that names the
// entity, though no word of its name.
func (q *prepared) kindWordsBeside(ek entityKind, met uint64) uint64 {
	if met == 0 {
		return 0
	}
	kind := func(i int) bool { return i >= 0 && i < len(q.tokenQuals) && met&bit(i) == 0 && q.kindWordAt(i, ek) }
	var b uint64
	before := bits.TrailingZeros64(met) - 1
	for before >= 0 && q.passedOver(before) {
		before--
	}
	if kind(before) {
		b |= bit(before)
	}
	after := bits.Len64(met)
	for after < len(q.tokenQuals) && q.passedOver(after) {
		after++
	}
	if kind(after) {
		b |= bit(after)
	}
	return b
}

// passedOver reports whether the query's i-th word is passed over on the
// way from a name to the word of its kind beside it: a function word, but
// not a conjunction (the party in پارتی و یەکێتی, the KDP and the PUK, is
// another name).
func (q *prepared) passedOver(i int) bool {
	return q.tokenQuals[i] == qualFunction && q.conjunctions&bit(i) == 0
}

// marks reports whether a word of class c says what kind of entity ek
// the name beside it is (see markedAs).
func marks(c qualifierClass, ek entityKind) bool {
	return c != qualNone && c != qualFunction && c != qualState && c != qualDirection && c.ignorable(ek)
}

// inOrder reports whether the name words met (at[j] the query word name
// word j met, -1 for none) were met in the query in their order, each at
// most two words after the one before: the name is written in the query as
// it is, not its words scattered (Jamal Jaafar Ibrahimi does not hold
// Ibrahim al-Jaafari). Two name words met by one query word are a name's
// words written as one (عبدالواحد for عبد الواحد), in their order.
func inOrder(at []int) bool {
	last := -1
	for _, i := range at {
		if i < 0 {
			continue
		}
		if last >= 0 && (i < last || i-last > 2) {
			return false
		}
		last = i
	}
	return true
}

// joinableLengths reports whether words of these lengths may be
// joinedSim similar: each letter one has over the other costs at least a
// vowel's insertion, and a word weighs at most its length.
func joinableLengths(a, b int) bool {
	d := float64(max(a, b) - min(a, b))
	return d*costVowelLeast <= (1-joinedSim)*float64(max(a, b))
}

// costVowelLeast is the least a letter inserted or deleted costs in
// normalize.Distance: a vowel's.
const costVowelLeast = 0.35

// tokenWeight is the weight of a romanised word: its letters, vowels
// counting less (long words carry more evidence than short ones).
func tokenWeight(t string) float64 {
	w := 0.0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case 'a', 'e', 'i', 'o', 'u':
			w += 0.35
		default:
			w += 1
		}
	}
	return w
}

func skeletonOf(t string) string { return normalize.Skeleton(t) }

// boundNameWords are the words of an Arabic name that bind the word after
// them into one name (Abdul Mahdi "servant of the Mahdi", Abu Risha,
// ibn Saud), folded and romanised as the keys write them (عەبدول folds to
// عهبدول, عبد romanises to bd): the word after them alone is another name.
var boundNameWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"abd", "abdul", "abdel", "abdal", "abdol", "abdil", "abu", "abou", "ibn", "bin",
		"عبد", "أبو", "ابن", "بن", "عەبدول", "ئەبو",
	} {
		m[normalize.Folded(w)] = true
		for _, t := range normalize.KeysOf(w).Tokens {
			m[t] = true
		}
	}
	return m
})

// tokenSkeleton returns the skeleton of the j-th romanised word of a name:
// its SkeletonTokens when they are as many as its words (a word of vowels
// alone has none), else computed.
func tokenSkeleton(nk normalize.Keys, j int) string {
	if len(nk.SkeletonTokens) == len(nk.Tokens) {
		return nk.SkeletonTokens[j]
	}
	return skeletonOf(nk.Tokens[j])
}

// maxSimilarity bounds the similarity of the query's romanised keys to the
// closest of a name's cheaply, to skip computing it where it could not
// count.
func (q *prepared) maxSimilarity(keys []string) float64 {
	return q.bestPair(keys, normalize.MaxSimilarity)
}

// bestPair is the highest f of a romanised key of the query and one of keys.
func (q *prepared) bestPair(keys []string, f func(a, b string) float64) float64 {
	best := 0.0
	for _, x := range q.keys.Romanised {
		for _, y := range keys {
			best = max(best, f(x, y))
		}
	}
	return best
}

// isQualifier reports whether the query is one qualifier word (Republic,
// جمهورية): it is no misspelling of a name that begins with it.
func (q *prepared) isQualifier() bool {
	return len(q.keys.Tokens) == 1 && qualifierOf(q.keys.Tokens[0]) != qualNone
}

// qualifier is inflectedQualifierOf, remembered for the query: a query's
// unmatched words are looked up once per name ranked.
func (q *prepared) qualifier(word string) qualifierClass {
	if c, ok := q.quals[word]; ok {
		return c
	}
	for _, sc := range q.scriptClasses {
		if sc.word == word {
			return sc.class
		}
	}
	c, ok := qualifierClass(0), false
	if q.known != nil {
		c, ok = q.known.get(word)
	}
	if !ok {
		c = inflectedQualifierOf(word)
		if q.known != nil {
			q.known.put(word, c)
		}
	}
	if q.quals == nil {
		q.quals = map[string]qualifierClass{}
	}
	q.quals[word] = c
	return c
}

// tokenSimilarity is the similarity of the query's i-th romanised word to
// the word u, remembered for the query (one string to hash, not two); 0
// below wordSkeletonSim, the least at which words are aligned.
func (q *prepared) tokenSimilarity(i int, u string) float64 {
	m := q.tokenSims[i]
	if v, ok := m[u]; ok {
		return v
	}
	v := normalize.SimilarityAtLeast(q.keys.Tokens[i], u, wordSkeletonSim)
	if taMarbutaPair(q.keys.Tokens[i], u) {
		v = max(v, taMarbutaSim)
		if q.taMarbuta&bit(i) != 0 {
			// The query writes the word with ة, romanised t before the
			// word after it: the same letters as the name's word
			// (محافظ السليمانية شكره: the governor of Sulaymaniyah, his
			// thanks).
			v = 1
		}
	}
	if v < inflectedSim && len(q.keys.Tokens) > 1 && (endingAfter(q.keys.Tokens[i], u) || procliticBefore(q.keys.Tokens[i], u)) && slices.Contains(q.stemsOf(i), u) {
		v = inflectedSim // Zaxoyê inside a sentence: the oblique of Zaxo; بمسعود, with Masoud
	}
	if v >= wholeWordSim && v < 1 && q.obliqueEBits()&bit(i) != 0 && finalVowelSwapped(q.keys.Tokens[i], u) {
		// A Kurmanji oblique -ê after a name ending in another vowel is
		// written after -y (Amêdiyê, Zaxoyê), never in the vowel's place:
		// Amedê is Amed (Diyarbakır), not Amêdî.
		v = looseWordSim
	}
	if g := q.tokenGlosses[i]; g != "" {
		// A French, German, Spanish or Italian word meets its English
		// word, and what that word meets (Parti, party).
		v = max(v, normalize.SimilarityAtLeast(g, u, wordSkeletonSim))
	}
	if m == nil {
		m = make(map[string]float64, q.mapSize)
		q.tokenSims[i] = m
	}
	m[u] = v
	return v
}

// capitalBefore reports whether the query's word right before word i is
// capitalised in a Latin text with capitals, and no number or qualifier
// (a title, a kind word): a given name or another word of a longer name.
func (q *prepared) capitalBefore(i int) bool {
	return q.upper && q.latin && q.capitalWord(i-1)
}

// capitalWord reports whether the query's word j is capitalised (not in
// lower case), no number and no qualifier; false for no such word.
func (q *prepared) capitalWord(j int) bool {
	return j >= 0 && j < len(q.keys.Tokens) && j < 64 && q.lowerBits()&bit(j) == 0 && !isNumber(q.keys.Tokens[j]) && q.tokenQuals[j] == qualNone
}

// capitalBeside reports whether a word of the query right before first or
// right after last is capitalised: a word of a longer name, or a given name
// before a family name (Îrfan Kerkûkî).
func (q *prepared) capitalBeside(first, last int) bool {
	return q.capitalWord(first-1) || q.capitalWord(last+1)
}

// obliqueEBits returns, as bits of the query's romanised words, the words
// of a Kurmanji query (written with ê, î or û) that end in the oblique -ê.
func (q *prepared) obliqueEBits() uint64 {
	if !q.obliqueESet {
		q.obliqueESet = true
		if q.latin && q.kurmanjiLetters() {
			q.obliqueE = q.rawWordBits(func(w string) bool {
				return strings.HasSuffix(strings.TrimRightFunc(w, notLetter), "ê")
			})
		}
	}
	return q.obliqueE
}

// finalVowelSwapped reports whether the romanised word w ends in e where
// the name's word u, as long, ends in another vowel, the letters before
// the same: amede for amedi.
func finalVowelSwapped(w, u string) bool {
	n := len(w)
	return n == len(u) && n >= 3 && w[n-1] == 'e' && strings.ContainsRune("aiou", rune(u[n-1])) && w[:n-1] == u[:n-1]
}

// endingAfter reports whether the romanised word w is stem and a few
// letters more, as a word with endings is (zakhoye, zakho): the test that
// spares finding the query's stems (stemsOf) for most pairs of words.
func endingAfter(w, stem string) bool {
	return len(stem) >= minFuzzyWord && len(w) > len(stem) && len(w)-len(stem) <= maxEndingLetters && strings.HasPrefix(w, stem)
}

// procliticBefore reports whether the romanised word w is stem with an
// Arabic or Sorani preposition or conjunction joined before it (bmsud,
// بمسعود: msud).
func procliticBefore(w, stem string) bool {
	return len(stem) >= minFuzzyWord && len(w) > len(stem) && len(w)-len(stem) <= 2 && strings.ContainsRune(proclitics, rune(w[0])) && strings.HasSuffix(w, stem)
}

// maxEndingLetters is the most letters the romanised endings of a word
// add (Sorani ەکانەوە, ekanewe, is the longest met).
const maxEndingLetters = 7

// stemsOf returns the romanised forms of the query's word i without its
// endings (normalize.Uninflected of the word as written: Zaxoyê, Zaxo;
// Kerkük'ün, Kerkük; هەولێرەوە, هەولێر), found for every word the first
// time one is asked for; none for a word some name of the glossary has as
// it is. The search reads the whole query without the endings of its last
// word; this reads each word inside it.
func (q *prepared) stemsOf(i int) []string {
	if !q.stemsSet {
		q.stemsSet = true
		q.tokenStems = make([][]string, len(q.keys.Tokens))
		for _, w := range strings.Fields(q.raw) {
			b := q.bitsOf(w)
			k := bits.TrailingZeros64(b)
			if k >= len(q.keys.Tokens) || b != bit(k) {
				continue // a word that is not one word of the query's keys
			}
			if q.glossaryWord != nil && q.glossaryWord(q.keys.Tokens[k]) && !q.obliqueKurmanji(w) {
				continue // a word of the glossary's names is read as written (نیجریه is Nigeria, not نیجر + یه)
			}
			for _, form := range normalize.Uninflected(w) {
				if ts := normalize.KeysOf(form).Tokens; len(ts) == 1 && ts[0] != q.keys.Tokens[k] && !slices.Contains(q.tokenStems[k], ts[0]) {
					q.tokenStems[k] = append(q.tokenStems[k], ts[0])
				}
			}
		}
	}
	return q.tokenStems[i]
}

// obliqueKurmanji reports whether w, a word of the query as written, is a
// Kurmanji word with the oblique ending ê (Amerîkayê, Îranê): its stem is
// looked for even when the glossary has the word as written, since the
// glossary writes the oblique inside its Kurmanji names (Dewletên Yekbûyî
// yên Amerîkayê) and the name a sentence's Amerîkayê is of is Amerîka
// (Wezareta Derve ya Amerîkayê, the State Department).
func (q *prepared) obliqueKurmanji(w string) bool {
	return q.latin && q.kurmanjiLetters() && strings.HasSuffix(w, "ê")
}

// similarity is normalize.Similarity, remembered for the query: the names
// ranked for one query share many words (family names, place words).
func (q *prepared) similarity(a, b string) float64 {
	k := [2]string{a, b}
	if v, ok := q.sims[k]; ok {
		return v
	}
	v := normalize.Similarity(a, b)
	if q.sims == nil {
		q.sims = map[[2]string]float64{}
	}
	q.sims[k] = v
	return v
}

func minLen(ss []string) int {
	m := math.MaxInt
	for _, s := range ss {
		m = min(m, len(s))
	}
	if m == math.MaxInt {
		return 0
	}
	return m
}

func ftoa(f float64) string {
	return strings.TrimRight(strings.TrimRight(strconvF(f), "0"), ".")
}

// strayFunctionWord reports whether the query's word i, a function word or
// a locative preposition,
// meets the name's word j only as the same word elsewhere in the sentence:
// neither word beside it meets the name's word beside j (في الدولة
// الإسلامية في العراق: the first في, before the name, is not the name's).
func (q *prepared) strayFunctionWord(i, j int, nt []string) bool {
	if q.tokenQuals[i] != qualFunction && q.locatives&bit(i) == 0 || len(nt) < 2 {
		return false
	}
	qt := q.keys.Tokens
	if i+1 < len(qt) && j+1 < len(nt) && q.tokenSimilarity(i+1, nt[j+1]) >= wholeWordSim {
		return false
	}
	if i > 0 && j > 0 && q.tokenSimilarity(i-1, nt[j-1]) >= wholeWordSim {
		return false
	}
	return true
}

// saidBefore reports whether the query's word i was said before it: a word
// said twice is no more evidence, unless the name did not take it where it
// was first said (a stray function word, see strayFunctionWord) and has it,
// not yet met, further on (في الدولة الإسلامية في العراق).
func saidBefore(qt []string, i int, met uint64, nt []string, used []bool) bool {
	said, metThere := false, false
	for k := range i {
		if qt[k] == qt[i] {
			said = true
			metThere = metThere || met&bit(k) != 0
		}
	}
	if !said || metThere {
		return said
	}
	for j, u := range nt {
		if u == qt[i] && !used[j] {
			return false
		}
	}
	return true
}

// organBits returns, as bits of the query's romanised words, the words for
// a party's own organs (see organWordList).
func (q *prepared) organBits() uint64 { return tokenBits(q.keys.Tokens, organKeys()) }

// sentenceWordBeside reports whether a word of an Arabic-script sentence
// stands beside the query's word i, passing over function words: a stop
// word, a reporting verb or a locative (وأن زاخو, and that Zakho; عێراق لە
// بازرگانە, Iraq from the traders; وتعد كركوك من أبرز, Kirkuk is counted
// among the most prominent); or a conjunction or a mark of punctuation
// right after it, where the name's phrase ends (سوپاسی ئەمەریکا و وڵاتانی
// دۆست, the thanks of America and of friendly countries; سنوورى زاخۆ،
// مێژووى, the Zakho area, its history).
func (q *prepared) sentenceWordBeside(i int) bool {
	n := len(q.keys.Tokens)
	if i+1 < n && q.conjunctions&bit(i+1) != 0 {
		return true
	}
	if i+1 < n && i < 64 && q.punctuatedBits()&bit(i) != 0 {
		return true
	}
	open := func(j int) bool {
		return j >= 0 && j < n && j < 64 && (q.sentenceWord(j) || q.locatives&bit(j) != 0)
	}
	b, a := q.neighbours(i)
	return open(b) || open(a)
}

// villagesIn reports whether the query puts a village in the place its
// words met name: a village word before a locative right before the name
// (a village in Al-Amadiya, گوندی سەرگەلێی لە ئامێدی), or, in Turkish,
// after the name and the word for "attached to" (Zaho'ya bağlı 34 köy).
func (q *prepared) villagesIn(met uint64) bool {
	if met == 0 {
		return false
	}
	tokens := q.keys.Tokens
	first, last := bits.TrailingZeros64(met), bits.Len64(met)-1
	villages := tokenBits(tokens, villageKeys())
	if last+1 < len(tokens) && last+1 < 64 && q.classBits(qualCity)&bit(last+1) != 0 {
		return false // a village in the town of Makhmour, ... in Amadiya town
	}
	if first >= 2 && q.locatives&bit(first-1) != 0 && villages&(bit(first-1)-1) != 0 {
		return true
	}
	return last+1 < len(tokens) && attachedToKeys()[tokens[last+1]] && villages>>(last+2) != 0
}

// turnedAroundOf reports whether the query holds a name's words turned
// around as English turns them with "of" (the Parliament of Kurdistan
// Region for Kurdistan Region Parliament): at, the query's word for each
// of the name's words, runs word after word from some word of the name to
// its end and on from its first word to the word before.
func turnedAroundOf(at []int) bool {
	k := 0
	for j := 1; j < len(at); j++ {
		if at[j] < 0 || at[j-1] < 0 {
			return false
		}
		if at[j] != at[j-1]+1 {
			if k != 0 {
				return false
			}
			k = j
		}
	}
	return k > 0 && at[len(at)-1]+1 == at[0]
}

// hasLatin reports whether s has a letter of the Latin script: a query
// or a name written in it (Kurdistan Region Parliament, not الحرس الثوري).
func hasLatin(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Latin, r) })
}

// beyondBreaks returns, as bits, the query's words that a break (see
// breakBits) parts from the words met (met, as bits): before them with a
// break after the word or between, or after them with a break after the
// last word met or between.
func (q *prepared) beyondBreaks(met uint64) uint64 {
	breaks := q.breakBits()
	if breaks == 0 || met == 0 {
		return 0
	}
	first, last := bits.TrailingZeros64(met), bits.Len64(met)-1
	var out uint64
	for i := 0; i < len(q.keys.Tokens) && i < 64; i++ {
		if i < first && breaks&spanBits(i, first-1) != 0 || i > last && breaks&spanBits(last, i-1) != 0 {
			out |= bit(i)
		}
	}
	return out
}

// breakBits returns, as bits, the query's romanised words after which its
// phrase breaks: a conjunction (و, û, ve; and, or), a locative (the base
// in Anbar province, حمله به اربیل: a thing in a place, or an attack on it,
// is not named after it), a word followed by a mark of punctuation
// (Police, Zeravani), or, in a Latin query, a Turkish word with the
// locative and relative ending -daki, -deki (Duhok kentindeki üssü, the
// base in the city of Duhok). A word as written is placed among the
// romanised ones by the number of romanised words the query has up to it.
func (q *prepared) breakBits() uint64 {
	if q.breaksSet {
		return q.breaks
	}
	q.breaksSet = true
	q.breaks = q.conjunctions | q.locatives
	words := strings.Fields(q.raw)
	for k, w := range words[:max(len(words)-1, 0)] {
		punctuated := endsPhrase(w)
		if !punctuated && !englishConjunctions[strings.ToLower(w)] && !(q.latin && locativeRelative(w)) {
			continue
		}
		if n := len(normalize.KeysOf(strings.Join(words[:k+1], " ")).Tokens); n > 0 && n <= min(len(q.keys.Tokens), 64) {
			q.breaks |= bit(n - 1)
			if punctuated {
				q.punctuated |= bit(n - 1)
			}
		}
	}
	return q.breaks
}

// punctuatedBits returns, as bits, the query's words followed by a mark of
// punctuation that ends a phrase (see endsPhrase).
func (q *prepared) punctuatedBits() uint64 {
	q.breakBits()
	return q.punctuated
}

// breakMarks are the marks of punctuation that end a phrase after a word,
// in the Latin and the Arabic scripts.
const breakMarks = ",;:.!?،؛؟"

// endsPhrase reports whether w, a word as written, ends in a mark of
// punctuation that ends a phrase: not the full stop of an abbreviation, a
// word of three letters or fewer before it or another full stop inside
// (Mt. Sinjar, U.S. Consulate, پ.ک.ک.).
func endsPhrase(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	if !strings.ContainsRune(breakMarks, r) {
		return false
	}
	return r != '.' || utf8.RuneCountInString(w) > 4 && strings.Count(w, ".") == 1
}

// englishConjunctions are the English conjunctions, which a query's
// romanised words leave out.
var englishConjunctions = map[string]bool{"and": true, "or": true}

// relativeLocativeEndings are the Turkish locative endings with the
// relative -ki: the one in (Kerkük'teki, kentindeki).
var relativeLocativeEndings = []string{"deki", "daki", "teki", "taki"}

// locativeRelative reports whether w, a word as written, ends in the
// Turkish locative with the relative -ki (Duhok'taki, kentindeki: the one
// in Duhok, in the city).
func locativeRelative(w string) bool {
	w = strings.ToLower(strings.TrimRightFunc(w, unicode.IsPunct))
	for _, ending := range relativeLocativeEndings {
		if strings.HasSuffix(w, ending) && len(w) > len(ending)+2 {
			return true
		}
	}
	return false
}
