package normalize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names in running text carry the grammar of the sentence around them:
// Sorani attaches postpositions, the definite article and the izafe to the
// word (کەرکووکدا "in Kirkuk", هەولێرەوە "from Erbil", پێشمەرگەکان "the
// Peshmerga"), Kurmanji puts the name in the oblique case after a
// preposition (li Hewlêrê, ji Kerkûkê), Arabic joins a conjunction or
// preposition to it (وكركوك, لأربيل), and English news writes compounds
// (KDP-led). Uninflected undoes these, so that such a form meets the name
// as the glossary writes it.
//
// The affixes below are from the grammars of each language; a variant is
// only a candidate form, which the index tries when the text as written met
// no name strongly.

// leadingWords are prepositions and conjunctions written as separate words
// before a name, compared in lower case: Sorani, Kurmanji, Arabic, Persian
// and English.
var leadingWords = map[string]bool{
	// Sorani: in/from, to/for, with/by, until, and; near, around.
	"لە": true, "له": true, "بۆ": true, "بو": true, "بە": true, "به": true, "لەگەڵ": true, "تا": true, "هەتا": true, "و": true,
	"سەر": true, "دژی": true, "le": true, "be": true, "نزیک": true, "نزیکی": true, "دەوروبەری": true,
	// by (لە لایەن ... ەوە).
	"لایەن": true, "لایەنی": true,
	// Badini (Kurmanji in Arabic script): in, from.
	"ل": true, "ژ": true,
	// Kurmanji: in, from, with, in (di ... de), for, until, and.
	"li": true, "ji": true, "bi": true, "di": true, "bo": true, "heta": true, "û": true, "ser": true, "dijî": true,
	"wek": true, "weke": true, "nêzîkî": true, "nêzikî": true, "nêzî": true, "dora": true, "derdora": true,
	// Arabic: in, from, to, on, about, with, and; near, around.
	"في": true, "من": true, "إلى": true, "الى": true, "على": true, "عن": true, "مع": true, "قرب": true, "بالقرب": true,
	"حول": true, "قبل": true, // من قبل, by
	// Persian: in, from, to, with; near, around.
	"در": true, "از": true, "با": true, "نزدیک": true, "نزدیکی": true, "اطراف": true, "توسط": true,
	// English.
	"in": true, "from": true, "to": true, "at": true, "near": true, "the": true, "around": true, "outside": true,
}

// trailingWords are Kurmanji postpositions written as separate words after
// the name (di Kerkûkê de, ji Hewlêrê ve, bi Bexdayê re), the Persian
// object marker را (کرکوک را), and the Turkish postpositions after a name in
// the dative (Kürt Bölgesel Yönetimi'ne bağlı, "attached to"; Musul'a
// kadar, "as far as"; Erbil'e doğru, "towards").
var trailingWords = map[string]bool{"de": true, "da": true, "re": true, "ra": true, "ve": true, "va": true, "را": true,
	"bağlı": true, "kadar": true, "doğru": true, "karşı": true, "göre": true}

// compoundPrefixes are the English words joined by a hyphen before a name
// (anti-PKK, pro-Iran).
var compoundPrefixes = map[string]bool{"anti": true, "pro": true, "post": true, "pre": true}

// compoundSuffixes are the English words joined by a hyphen after a name
// that make a compound adjective of it (KDP-led, Iran-backed, IS-held).
var compoundSuffixes = map[string]bool{
	"led": true, "backed": true, "held": true, "controlled": true, "run": true, "allied": true,
	"affiliated": true, "aligned": true, "based": true, "dominated": true, "linked": true,
	"supported": true, "occupied": true, "administered": true, "sponsored": true, "funded": true,
}

// CompoundModifier returns the name in an English compound adjective
// written with a hyphen (IS-held, KDP-led, Iran-backed), and whether w is
// one.
//
//	CompoundModifier("IS-held") == "IS", true
//	CompoundModifier("Kata'ib") == "", false
func CompoundModifier(w string) (string, bool) {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || !compoundSuffixes[strings.ToLower(w[i+1:])] {
		return "", false
	}
	return w[:i], true
}

// soraniSuffixes are the endings Sorani attaches to a noun, longest first:
// the postpositions -دا (in) and -ەوە/-وە (from), the definite -ەکە/-ەکان,
// the plural -ان, the additive -یش/-ش (also), the izafe -ی, the copula
// -یە/-ە (it is), the indefinite -یەک/-ێک (a, one: پێشمەرگەیەک, a
// Peshmerga), the possessive -مان (our: هەرێمەکەمان, our Region), the
// Badini oblique -ێ/-یێ (بەغدایێ) and the Persian plural -ها with its ezafe
// -های (پیشمرگه‌ها, the Peshmerga). They are stripped one at a time, so
// that chains (پێشمەرگەکانیش, پێشمەرگەیەکیشمان) come apart.
var soraniSuffixes = []string{"یەوە", "ەکان", "ەکە", "ەوە", "کان", "های", "یەک", "مان", "یش", "وە", "دا", "کە", "یە", "یێ", "ێک", "ان", "ها", "ش", "ی", "ە", "ێ"}

// latinSuffixes are the oblique and ezafe endings Kurmanji puts on a name
// (Kerkûkê, Zaxoyê, Kurdên, Pêşmergeyan), and the Sorani endings as
// written in Latin script (le Êraqewe, Talebanîyekan), longest first. Of
// the Kurmanji endings only those written with ê count, and -yan but not
// -an: a plain e, a or an ends too many names.
var latinSuffixes = []string{"yekan", "ekan", "yewe", "ewe", "eke", "yên", "yan", "ên", "yê", "ê"}

// arabicProclitics are the one-letter conjunctions and prepositions Arabic
// joins to the following word: and, so, with/in, to/for, like.
var arabicProclitics = []string{"و", "ف", "ب", "ل", "ك"}

// minStem is the fewest letters a word keeps when an affix is removed;
// minStemShort applies to one-letter affixes, which more words merely end
// with.
const (
	minStem      = 3
	minStemShort = 4
	// maxUninflected bounds the variants of one text.
	maxUninflected = 4
)

// Uninflected returns the forms of s with the affixes of running text
// removed, the least changed first, at most four of them; none when s
// has no such affix. Each variant is in canonical form and shorter than s.
//
//	Uninflected("کەرکووکدا")     == ["کەرکووک"]
//	Uninflected("li Hewlêrê")     == ["Hewlêrê", "Hewlêr"]
//	Uninflected("وكركوك")         == ["كركوك"]
//	Uninflected("KDP-led")        == ["KDP"]
//	Uninflected("پێشمەرگەکانیش") == ["پێشمەرگەکان", "پێشمەرگە"]
func Uninflected(s string) []string {
	c := Canonical(s)
	words := strings.Fields(c)
	if n := len(words); n > 0 {
		// The full stop or comma after the last word is no ending of it
		// (… یەکەکانی عێراقەوە. ; li Hewlêrê.).
		if w := strings.TrimRightFunc(words[n-1], unicode.IsPunct); w != "" {
			words[n-1] = w
		}
	}
	var out []string
	add := func(ws []string) {
		v := Canonical(strings.Join(ws, " "))
		if v != "" && v != c && len(out) < maxUninflected && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	// Separate prepositions before the name and postpositions after it.
	for len(words) > 1 && leadingWords[strings.ToLower(words[0])] {
		words = words[1:]
	}
	for len(words) > 1 && trailingWords[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	add(words)
	if len(words) == 0 {
		return out
	}
	// An English compound on the first or last word: anti-PKK, KDP-led.
	if i := strings.IndexByte(words[0], '-'); i > 0 && i < len(words[0])-1 && compoundPrefixes[strings.ToLower(words[0][:i])] {
		words = append([]string{words[0][i+1:]}, words[1:]...)
		add(words)
	}
	last := words[len(words)-1]
	if i := strings.LastIndexByte(last, '-'); i > 0 && compoundSuffixes[strings.ToLower(last[i+1:])] {
		words = append(words[:len(words)-1:len(words)-1], last[:i])
		add(words)
	}
	// An Arabic conjunction or preposition joined to the first word.
	if first, ok := cutProclitic(words[0]); ok {
		add(append([]string{first}, words[1:]...))
	}
	// A Kurmanji head noun joined by the ezafe to the name after it
	// (xelkê Hewlêrê "the people of Erbil", leşkerên Tirkiyê): the name is
	// the last word, in the oblique case. Head nouns written with capitals
	// after the first word are a name of their own (Encumena Nûnerên
	// Iraqê, the Council of Representatives of Iraq; Hêzên Parastina
	// Şengalê), not words around one.
	if len(words) > 1 && hasEzafe(words[len(words)-2]) && !capitalised(words[1:len(words)-1]) {
		if _, ok := cutLatinSuffix(words[len(words)-1]); ok {
			words = words[len(words)-1:]
			add(words)
		}
	}
	// An acronym with endings written straight on it (PKKyîyan, YPGyê),
	// last or inside the sentence (Divê em PDKyê bi awayekî …).
	if acronym, ok := cutAcronymEnding(words[len(words)-1]); ok {
		add(append(words[:len(words)-1:len(words)-1], acronym))
	}
	var inner []string
	for i, w := range words[:len(words)-1] {
		if acronym, ok := cutAcronymEnding(w); ok {
			if inner == nil {
				inner = slices.Clone(words)
			}
			inner[i] = acronym
		}
	}
	if inner != nil {
		add(inner)
	}
	// Suffixes of the last word, one at a time. A Sorani ending that
	// begins with ە may have taken the stem's own final ە with it
	// (پێشمەرگەکان is پێشمەرگە + کان), so that reading is kept too; the
	// Persian plural -ها is no such ending. So may the additive یش the
	// stem's final ی (یەکێتیش is یەکێتی + ش, also the PUK; ئێرانیش is
	// ئێران + یش).
	for range maxUninflected {
		last = words[len(words)-1]
		stem, ok := cutSuffix(last)
		if !ok {
			break
		}
		words = append(words[:len(words)-1:len(words)-1], stem)
		if cut := last[len(stem):]; (cut == "یەوە" || cut == "یهوه") && !strings.HasSuffix(stem, "ی") {
			// After a name ending in یە the ending -ەوە is written
			// -وە (ڕانیەوە, from Ranya: ڕانیە + وە), which reads as the
			// ending یەوە: the name keeps its own یە. (After a name
			// ending in ی, یەوە is the ending: سلێمانییەوە.)
			add(append(words[:len(words)-1:len(words)-1], stem+cut[:len("یە")]))
		}
		if cut := last[len(stem):]; (strings.HasPrefix(cut, "ە") || strings.HasPrefix(cut, "ه")) && !strings.HasPrefix(cut, "ها") {
			add(append(words[:len(words)-1:len(words)-1], stem+cut[:len("ە")]))
		} else if cut == "یش" || cut == "يش" {
			add(append(words[:len(words)-1:len(words)-1], stem+cut[:len("ی")]))
		}
		add(words)
	}
	return out
}

// cutProclitic removes a one-letter Arabic conjunction or preposition from
// the start of w. ل before the article is written لل and is left to
// Stripped; ل before hamza-alef is written لأ (لأربيل).
func cutProclitic(w string) (string, bool) {
	for _, p := range soraniProclitics {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= minStem {
			return rest, true
		}
	}
	if strings.ContainsAny(w, soraniOnly) {
		return w, false // Sorani joins no one-letter conjunction or preposition
	}
	for _, p := range arabicProclitics {
		rest, ok := strings.CutPrefix(w, p)
		if !ok || utf8.RuneCountInString(rest) < minStem || strings.HasPrefix(rest, "ال") {
			continue
		}
		return rest, true
	}
	return w, false
}

// soraniProclitics are the Sorani preposition لە (in, from), sometimes
// written joined to the next word (لەعێراق, لهداعش, لەشاری هەولێر).
var soraniProclitics = []string{"لە", "له"}

// soraniOnly are letters Sorani writes and Arabic does not.
const soraniOnly = "ەێۆڵڕ"

// HasKurdishLetter reports whether s has a letter that Kurdish written in
// the Arabic script has and Persian and Arabic do not (ە ێ ۆ ڵ ڕ ڤ): the
// text is Kurdish, not Persian, where the two write one word for two
// (برای: the Sorani brother of, the Persian for).
func HasKurdishLetter(s string) bool { return strings.ContainsAny(s, soraniOnly+"ڤ") }

// cutSuffix removes one Sorani or Kurmanji ending from w, if w has one and
// enough of it is left.
func cutSuffix(w string) (string, bool) {
	r, _ := utf8.DecodeRuneInString(w)
	if isArabicScript(r) {
		key := soraniLetters.Replace(w)
		for _, suf := range soraniSuffixes {
			n := utf8.RuneCountInString(suf)
			if !strings.HasSuffix(key, soraniLetters.Replace(suf)) {
				continue
			}
			if stem, ok := cutStem(w, lastRunes(w, n)); ok {
				return stem, true
			}
		}
		return w, false
	}
	return cutLatinSuffix(w)
}

// cutLatinSuffix removes one of latinSuffixes from w, or else a Turkish
// case ending (see cutTurkishCase).
func cutLatinSuffix(w string) (string, bool) {
	for _, suf := range latinSuffixes {
		if tail := lastRunes(w, utf8.RuneCountInString(suf)); strings.EqualFold(tail, suf) {
			if stem, ok := cutStem(w, tail); ok {
				return stem, true
			}
		}
	}
	return cutTurkishCase(w)
}

// turkishCaseEndings are the case endings Turkish writes, after the
// buffer n and without an apostrophe, on the possessed noun that ends a
// compound name (Kürdistan Bölgesi Hükümetinden, from the Kurdistan
// Regional Government; Irak Meclisinde, in the Iraqi parliament), longest
// first: the locative with -ki (Bölgesindeki, in the Region), ablative,
// genitive, locative, dative, accusative.
var turkishCaseEndings = []string{"ndeki", "ndaki", "nden", "ndan", "nin", "nın", "nun", "nün", "nde", "nda", "ne", "na", "ni", "nı", "nu", "nü"}

// minTurkishStem is the fewest letters a word keeps when cutTurkishCase
// removes an ending: the possessed nouns of names are that long (ordusu,
// Meclisi, Partisi), and a shorter word ending in a vowel is as often a
// noun of its own (partinin, the party's: parti, which Kurdish calls the
// KDP).
const minTurkishStem = 6

// cutTurkishCase removes a Turkish case ending after the possessive
// vowel of a compound's last noun (Hükümetinden: Hükümeti), when
// minTurkishStem letters or more are left and they end in that vowel.
func cutTurkishCase(w string) (string, bool) {
	for _, e := range turkishCaseEndings {
		tail := lastRunes(w, utf8.RuneCountInString(e))
		if strings.ToLower(tail) != e {
			continue
		}
		stem := w[:len(w)-len(tail)]
		r, _ := utf8.DecodeLastRuneInString(stem)
		if utf8.RuneCountInString(stem) >= minTurkishStem && strings.ContainsRune("iıuüIİUÜ", r) {
			return stem, true
		}
	}
	return w, false
}

// ezafeEndings are the endings of a Kurmanji noun that another word
// qualifies: -ê, -a (singular), -ên (plural), after a vowel -yê, -ya, -yên.
var ezafeEndings = []string{"ê", "a", "ên"}

// capitalised reports whether any of words begins with a capital letter.
func capitalised(words []string) bool {
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// hasEzafe reports whether w is a Latin word of three letters or more
// ending in an ezafe.
func hasEzafe(w string) bool {
	if utf8.RuneCountInString(w) < 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if isArabicScript(r) {
		return false
	}
	for _, e := range ezafeEndings {
		if strings.EqualFold(lastRunes(w, utf8.RuneCountInString(e)), e) {
			return true
		}
	}
	return false
}

// lastRunes returns the last n runes of w (all of w if it has fewer).
func lastRunes(w string, n int) string {
	i := len(w)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:]
}

// cutStem removes suffix from w if the stem left is long enough.
func cutStem(w, suffix string) (string, bool) {
	stem, ok := strings.CutSuffix(w, suffix)
	if !ok {
		return w, false
	}
	least := minStem
	if utf8.RuneCountInString(suffix) == 1 {
		least = minStemShort
	}
	if isAcronym(stem) {
		least = 2 // PKKê, DAIŞê
	}
	if utf8.RuneCountInString(stem) < least {
		return w, false
	}
	return stem, true
}

// soraniLetters writes the letters a keyboard without Sorani replaces (ە
// as ه or ھ, ی as ي or ى, ک as ك) one way, letter for letter, so that an
// ending is found however it was typed.
var soraniLetters = strings.NewReplacer("ە", "ه", "ھ", "ه", "ی", "ي", "ى", "ي", "ک", "ك")

// maxAcronymEnding is the most letters of endings cutAcronymEnding removes.
const maxAcronymEnding = 6

// cutAcronymEnding returns the acronym w begins with, two or more capitals,
// when the rest of w is at most maxAcronymEnding lower-case letters: the
// endings Kurmanji and Turkish writers put on an acronym (PKKyîyan "of the
// PKK's", YPGyê).
func cutAcronymEnding(w string) (string, bool) {
	capitals, rest := 0, 0
	for _, r := range w {
		switch {
		case rest == 0 && unicode.IsUpper(r):
			capitals++
		case capitals >= 2 && unicode.IsLower(r):
			rest++
		default:
			return w, false
		}
	}
	if rest == 0 || rest > maxAcronymEnding {
		return w, false
	}
	i := 0
	for range capitals {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return w[:i], true
}

// isAcronym reports whether w is two or more letters, all capitals.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// SoraniVowelForm returns s with each ه (heh) that follows a letter of its
// word written ە, or "" when s has none. Sorani typed on an Arabic keyboard,
// and much Sorani on older sites, writes the vowel ە as ه (پێشمهرگه,
// کهرکووک, نهینهوا for پێشمەرگە, کەرکووک, نەینەوا): the index tries this
// form of a query that met nothing strongly as written. A ه that begins a
// word (هەولێر) stays, and so does one that is a consonant after a letter
// (دهۆک, مهدی): then this form meets nothing, and the text as written is
// what counts. Text with letters or marks Sorani does not write (ة, أ,
// harakat) is Arabic, and has no such form.
//
//	SoraniVowelForm("نهینهوا")  == "نەینەوا"
//	SoraniVowelForm("ههولێر")   == "هەولێر"
//	SoraniVowelForm("Kirkuk")   == ""
func SoraniVowelForm(s string) string {
	// Sorani writes neither ة nor harakat, nor the hamza on alef: text
	// with them is Arabic, where ه after a letter is h.
	if strings.ContainsAny(s, "ةأإؤ\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652") {
		return ""
	}
	var b strings.Builder
	changed := false
	prevLetter := false
	for _, r := range s {
		if r == 'ه' && prevLetter {
			b.WriteRune('ە')
			changed = true
		} else {
			b.WriteRune(r)
		}
		prevLetter = isArabicScript(r)
	}
	if !changed {
		return ""
	}
	return b.String()
}
