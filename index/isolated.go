package index

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/lang/ckb"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/fa"
	"github.com/blevesearch/bleve/v2/analysis/lang/tr"
)

// stopKeys are the romanised forms of the stop words of Bleve's Arabic,
// Sorani and Persian lists, with soraniMoreStopWords ([0], the Arabic
// script's), and of its English and Turkish lists ([1], the Latin
// script's): the most common words of running text (از, را, که, لە, في,
// bir, olarak), none of them part of a name.
var stopKeys = sync.OnceValue(func() [2]map[string]bool {
	arabic := stopSet(ar.ArabicStopWords, ckb.SoraniStopWords, fa.PersianStopWords)
	maps.Copy(arabic, romanisedSet(soraniMoreStopWords))
	return [2]map[string]bool{arabic, stopSet(en.EnglishStopWords, tr.TurkishStopWords)}
})

// soraniMoreStopWords are common words of Sorani running text that Bleve's
// short Sorani list (mostly prepositions) lacks: conjunctions (بەڵام,
// but; چونکە, because; هەرچەندە, although), adverbs of time and degree
// (ئێستا, now; دوێنێ, yesterday; تەنها, only; زۆر, very) and the commonest
// forms of to be (بوو, was; نییە, is not; هەیە, there is). As with
// Bleve's words, stopBits leaves out any that a glossary name holds.
var soraniMoreStopWords = []string{
	"بەڵام", "چونکە", "ئەگەر", "هەرچەندە", "کاتێک", "کاتێ", "بۆیە", "یان", "یاخود", "هەتا", "ئینجا", "پاشان",
	"ئێستا", "ئەمڕۆ", "دوێنێ", "دواتر", "پێشتر", "هێشتا", "تەنها", "تەنیا", "زۆر", "هەموو", "هیچ",
	"بوو", "بووە", "دەبێت", "نییە", "هەیە", "ئەوە", "ئەمە",
}

// stopSet reads Bleve's stop word lists (one word a line, comments after
// # or |) into a set of romanised words.
func stopSet(lists ...[]byte) map[string]bool {
	var words []string
	for _, list := range lists {
		m := analysis.NewTokenMap()
		if err := m.LoadBytes(list); err != nil {
			panic("index: a stop word list compiled into Bleve does not load: " + err.Error())
		}
		for w := range m {
			words = append(words, w)
		}
	}
	return romanisedSet(words)
}

// stopBits returns, as bits of the query's romanised words, the words of
// its script's stop lists that are neither a qualifier nor a word of any
// glossary name. Computed once per query.
func (q *prepared) stopBits() uint64 {
	if q.stopSet {
		return q.stop
	}
	q.stopSet = true
	keys := stopKeys()[0]
	if q.latin {
		keys = stopKeys()[1]
	}
	for i, t := range q.keys.Tokens {
		if i >= 64 {
			break
		}
		if keys[t] && q.tokenQuals[i] == qualNone && (q.glossaryWord == nil || !q.glossaryWord(t)) {
			q.stop |= bit(i)
		}
	}
	return q.stop
}

// isolated reports whether the query's words first to last, a name met,
// stand apart from the words around them: on each side the query ends, or
// the nearest word that is not a function word (the ezafe a, ya, ی; and)
// is a word of the sentence rather than of a longer name. In Latin text
// with capitals that is a word in lower case (hewl dide ku Hewlêrê
// bişkîne; Kerkük bir Türkmen şehridir), not a capitalised one, which
// makes the name part of another's (Rêveberiya Xweser a Şengalê, the
// Sinjar administration; Şengal Savunma Güçleri); elsewhere, a stop word
// (از مردم نینوا را آواره کرد) or a reporting verb (see reportingVerbList).
func (q *prepared) isolated(first, last int) bool {
	open := func(i int) bool {
		if q.upper && q.latin {
			return q.lowerBits()&bit(i) != 0
		}
		return q.sentenceWord(i)
	}
	n := len(q.keys.Tokens)
	if first < 0 || last >= n || last >= 64 {
		return false
	}
	before := first - 1
	postposition := false // a Turkish postposition right before the name
	for before >= 0 && q.tokenQuals[before] == qualFunction {
		if q.latin && postpositionKeys()[q.keys.Tokens[before]] {
			postposition = true
			break
		}
		if q.conjunctions&bit(before) == 0 {
			// A linking word before the name (the ezafe a, ya, yên; of)
			// makes it the possessor of the words before: of a name,
			// when they are capitalised (Rêveberiya Xweser a Şengalê,
			// the Sinjar administration), and so the name is a part of
			// it; of a common word, in lower case in a text with
			// capitals, and so the sentence names it (guhertinên dawiyê
			// yên Sûriyeyê, the latest changes of Syria).
			if before == 0 || !(q.upper && q.latin && q.lowerBits()&bit(before-1) != 0) {
				return false
			}
			before--
			break
		}
		before--
	}
	after := last + 1
	for after < n && q.tokenQuals[after] == qualFunction {
		after++
	}
	if q.articledNameBefore(first) || before >= 0 && q.nameLinks&bit(before) != 0 {
		return false // a word of a longer name: Muhammed Sadık es Sadr; the Islamic Resistance in Iraq
	}
	if before < 0 && after >= n {
		return false // the name alone, or with function words only: not a sentence
	}
	if q.upper && q.latin && q.lowerBits()&spanBits(first, last) != 0 {
		return false // written in lower case in a text with capitals: a common word (hile, trick; not Hilla)
	}
	kurmanji := q.latin && q.kurmanjiLetters()
	if kurmanji && (q.rawWordBits(obliqueEnding)|q.endingCut)&bit(last) == 0 && !(after == last+1 && after < n && q.lowerBits()&bit(after) != 0) {
		// In Kurmanji a name that is a word of the sentence has its
		// case or ezafe ending (Hewlêrê, Hewlêra); one without may be
		// the first word of a longer name, unless a word in lower case
		// follows it right away: a longer name goes on in capitals, so
		// the name is a subject of the sentence (Hewlêr yek ji
		// kevintirîn bajarên cîhanê ye, Erbil is one of the oldest
		// cities of the world).
		return false
	}
	if after == last+1 && after < n && q.latin && !kurmanji && q.stopBits()&bit(after) == 0 && q.caseEnded&bit(last) == 0 && !(q.lowerBits()&bit(after) != 0 && reportingVerbKeys()[1][q.keys.Tokens[after]]) {
		// English and Turkish put a compound's head after the name, in
		// lower case too (Kirkuk police, Kerkük polisi): there only a stop
		// word after the name (Erbil on Monday, Kerkük bir …) leaves it
		// apart, as does a function word right after it (Erbil hakkında
		// açıklama, a statement about Erbil: no compound's head follows a
		// postposition), or a reporting verb (Gorran said). Kurmanji,
		// written with ê, î, û, puts the head first. A
		// Turkish name with its case ending after an apostrophe is a noun
		// phrase of its own, never a compound's first word (ancak
		// Bağdat’ın sorumluluklarını, but Baghdad's responsibilities).
		return false
	}
	if postposition || before >= 0 && q.latin && !kurmanji && q.caseEnded&bit(before) != 0 {
		// A Turkish word before the name with its case ending after an
		// apostrophe closes a noun phrase of its own, however it is
		// written (23 Ağustos'ta Ankara'ya, to Ankara on 23 August), as
		// a postposition closes the phrase before it (Daha önce
		// Ankara'nın, earlier Ankara's): the name begins another.
		return after >= n || open(after)
	}
	return (before < 0 || open(before)) && (after >= n || open(after))
}

// articledNameBefore reports whether the query's word i comes right after
// the Arabic article written apart in lower case, itself after a
// capitalised word, in a Latin query with capitals: the article and the
// word belong to a longer name (Muhammed Sadık es Sadr'ın üçüncü oğlu, the
// third son of Muhammad Sadiq al-Sadr, not Muqtada al-Sadr, whose family
// name it is too).
func (q *prepared) articledNameBefore(i int) bool {
	a := i - 1
	return q.upper && q.latin && a >= 1 && a < 64 && q.lowerBits()&(bit(a)|bit(a-1)) == bit(a) && articleWordKeys[q.keys.Tokens[a]]
}

// articleWordKeys are the romanised forms of the Arabic article as Latin
// text writes it apart from the name (al, el; Turkish es, eş, ed before
// the sun letters): es Sadr, el Hekim.
var articleWordKeys = map[string]bool{
	"al": true, "el": true, "ul": true, "as": true, "es": true, "ash": true, "esh": true, "ad": true, "ed": true,
	"an": true, "ar": true, "at": true, "az": true,
}

// sentenceWord reports whether the query's word i is a word of the
// sentence rather than of a name where capitals cannot tell: a stop word,
// or in the Arabic script a reporting verb.
func (q *prepared) sentenceWord(i int) bool {
	return q.stopBits()&bit(i) != 0 || !q.latin && reportingVerbKeys()[0][q.keys.Tokens[i]]
}

// personCue reports whether the query's word i is marked as a person's
// name by the words beside it, passing over function words: a title just
// before it (الشيخ حمودي, Sheikh Hamoudi), or a reporting verb just before
// it in the Arabic script (وأوضح الصدر, al-Sadr explained) or just after it
// (Kadhimi said; الفیاض گفت) with nothing before it that may be a given
// name of its own: the start of the query, a stop word, a locative, or in
// a Latin text with capitals a word in lower case. Either way no word
// after it may be a name of its own.
func (q *prepared) personCue(i int) bool {
	n := len(q.keys.Tokens)
	if i >= n || i >= 64 {
		return false
	}
	verbs := reportingVerbKeys()[0]
	if q.latin {
		verbs = reportingVerbKeys()[1]
	}
	b, a := q.neighbours(i)
	open := func(j int) bool {
		return j < 0 || j >= n || j >= 64 || q.stopBits()&bit(j) != 0 || q.locatives&bit(j) != 0 || q.upper && q.latin && q.lowerBits()&bit(j) != 0
	}
	verbAfter := a < n && a < 64 && verbs[q.keys.Tokens[a]] && (!q.latin || q.lowerBits()&bit(a) != 0)
	if !verbAfter && !open(a) {
		return false // a word that may be a name of its own after it (سەرکردە ڕەسوڵ مامەند, the leader Rasul Mamand)
	}
	if b >= 0 && (q.tokenQuals[b] == qualTitle || !q.latin && verbs[q.keys.Tokens[b]]) {
		return true
	}
	return verbAfter && open(b)
}

// neighbours returns the query's nearest words before and after its word
// i, passing over function words: -1 for none before, the number of words
// for none after.
func (q *prepared) neighbours(i int) (before, after int) {
	before = i - 1
	for before >= 0 && q.tokenQuals[before] == qualFunction {
		before--
	}
	after = i + 1
	for after < len(q.keys.Tokens) && q.tokenQuals[after] == qualFunction {
		after++
	}
	return before, after
}

// notLetter reports whether r is no letter: the punctuation, quotes and
// digits a word of running text is trimmed of (strings.TrimFunc(w,
// notLetter)).
func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// apostropheEnding reports whether a word as written ends in an apostrophe
// and letters: a Turkish case ending after a name (Bağdat’ın, Kerkük'ü,
// Musul'a).
func apostropheEnding(w string) bool {
	i := strings.LastIndexAny(w, "'’")
	return i > 0 && strings.IndexFunc(w[i:], unicode.IsLetter) > 0
}

// metSpan returns the first and last query words the name's words met
// (at[j] the query word name word j met, -1 for none).
func metSpan(at []int) (first, last int) {
	first, last = -1, -1
	for _, i := range at {
		if i < 0 {
			continue
		}
		if first < 0 || i < first {
			first = i
		}
		last = max(last, i)
	}
	return first, last
}

// spanBits returns the bits of the query's words first to last.
func spanBits(first, last int) uint64 {
	var b uint64
	for i := first; i <= last; i++ {
		b |= bit(i)
	}
	return b
}

// obliqueEnding reports whether a Kurmanji word as written ends in the
// oblique -ê or the ezafe -a, after a name of three letters or more.
func obliqueEnding(w string) bool {
	w = strings.TrimRightFunc(w, notLetter)
	for _, e := range []string{"ê", "a"} {
		if stem, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(stem) >= 3 {
			return true
		}
	}
	return false
}

// cutEndings returns the words of form that are the word of text in the
// same place with letters cut from its end: koçberî Hewlêr for koçberî
// Hewlêrê; PKK in ji ber hebûna PKK di dema borî, a form of ji ber hebûna
// PKKê di dema borî de (its circumposition's de dropped too).
func cutEndings(text, form string) []string {
	tw, fw := strings.Fields(text), strings.Fields(form)
	var out []string
	for i := 0; i < len(tw) && i < len(fw); i++ {
		if len(fw[i]) < len(tw[i]) && strings.HasPrefix(tw[i], fw[i]) {
			out = append(out, fw[i])
		}
	}
	return out
}

// isQuoted reports whether the query's words first to last, a name met,
// are all the words between a pair of quotation marks (از مردم «نینوا» را
// آواره کرد; the so-called "Sinjar" administration): a writer quotes a
// name to set it apart from the sentence around it.
func (q *prepared) isQuoted(first, last int) bool {
	if first < 0 || last >= 64 || first > last {
		return false
	}
	if !q.quotedSet {
		q.quotedSet = true
		for _, span := range quotedSpans(q.raw) {
			q.quoted = append(q.quoted, q.bitsOf(span))
		}
	}
	return slices.Contains(q.quoted, spanBits(first, last))
}

// quotedSpans returns the texts text holds between a pair of quotation
// marks: guillemets (« », ‹ ›), typographic quotes (“ ”, „ “) and straight
// double quotes. Single quotes are left alone: the apostrophe is a letter
// of many romanised names (Asa'ib) and sets off Turkish endings (Erbil'de).
func quotedSpans(text string) []string {
	var out []string
	for i := 0; i < len(text); {
		open, size := utf8.DecodeRuneInString(text[i:])
		i += size
		closer, ok := quotePairs[open]
		if !ok {
			continue
		}
		end := strings.IndexRune(text[i:], closer)
		if end < 0 {
			break
		}
		if span := strings.TrimSpace(text[i : i+end]); span != "" {
			out = append(out, span)
		}
		i += end + utf8.RuneLen(closer)
	}
	return out
}

// quotePairs maps each opening quotation mark to its closing one.
var quotePairs = map[rune]rune{'«': '»', '‹': '›', '“': '”', '„': '“', '"': '"'}

// afterSentenceStart reports whether the query's words first to last, a
// name met, come right after the query's first word, written with a capital
// as a sentence begins but no word of the glossary nor a qualifier, and
// stand apart from the words after them as isolated reads them (Cenazenin
// Bağdat'a getirilerek, the body being brought to Baghdad). Said of a
// person it would be a given name the glossary lacks before a family name
// (Melania Trump), so wordMatch asks it only of places and organisations.
func (q *prepared) afterSentenceStart(first, last int) bool {
	if first != 1 || !q.upper || !q.latin || q.lowerBits()&bit(0) != 0 || q.glossaryWord == nil || q.tokenQuals[0] != qualNone || q.glossaryWord(q.keys.Tokens[0]) {
		return false
	}
	after := last + 1
	for after < len(q.keys.Tokens) && q.tokenQuals[after] == qualFunction {
		after++
	}
	if after >= len(q.keys.Tokens) {
		return false // two words only: perhaps one name
	}
	return q.lowerBits()&bit(after) != 0
}

// reportingVerbList are the verbs news writes beside the name of whoever
// speaks, by script: [0] the Arabic script's, Arabic before him (وقال,
// أعلن), Sorani and Persian after him (ڕایگەیاند, گوتی, گفت; not the
// Persian کرد, did, which is also Kurd); [1] the Latin script's, English,
// after him in lower case (Gorran said, the KRG announced). Words of the
// sentence beside a name, as stop words are, though no stop words.
var reportingVerbList = [2][]string{
	{"قال", "وقال", "أعلن", "وأعلن", "اعلن", "واعلن", "أكد", "وأكد", "اكد", "واكد", "ذكر", "وذكر", "أفاد", "وأفاد", "صرح", "وصرح",
		"ڕایگەیاند", "ڕایانگەیاند", "وتی", "گوتی", "ووتی", "دەڵێت", "دەڵێن", "ڕاگەیاند",
		"گفت", "اعلام", "افزود", "نوشت",
		// Explained, added, pointed out, stressed, called for.
		"أوضح", "وأوضح", "اوضح", "واوضح", "أضاف", "وأضاف", "اضاف", "واضاف", "أشار", "وأشار", "اشار", "واشار", "شدد", "وشدد",
		"دعا", "ودعا"},
	{"said", "says", "told", "announced", "reported", "added", "stated", "claimed", "denied", "confirmed", "warned", "called", "declared",
		"asked", "stressed", "noted", "explained", "urged", "emphasized", "emphasised", "insisted", "affirmed"},
}

// reportingVerbKeys holds the romanised forms of reportingVerbList, by
// script as it is.
var reportingVerbKeys = sync.OnceValue(func() [2]map[string]bool {
	return [2]map[string]bool{romanisedSet(reportingVerbList[0]), romanisedSet(reportingVerbList[1])}
})
