package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// arabicConsonants romanises the Arabic-script consonants of Arabic,
// Sorani and Persian into the key space: one spelling per sound, the one
// English-language press and the BGN/PCGN systems mostly share (sh, kh, gh,
// th, dh). Emphatics fall together with their plain letters (ص s, ض d, ط t);
// ظ goes with ذ as dh, as Iraqi Arabic pronounces them alike. ع and ء leave
// no letter, as most romanisations in the press omit them.
var arabicConsonants = map[rune]string{
	'ب': "b", 'پ': "p", 'ت': "t", 'ث': "th", 'ج': "j", 'چ': "ch", 'ح': "h", 'خ': "kh",
	'د': "d", 'ذ': "dh", 'ر': "r", 'ڕ': "r", 'ز': "z", 'ژ': "zh", 'س': "s", 'ش': "sh",
	'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "dh", 'ع': "", 'غ': "gh", 'ف': "f", 'ڤ': "v",
	'ڨ': "q", 'ق': "q", 'ك': "k", 'ک': "k", 'ڪ': "k", 'گ': "g", 'ل': "l", 'ڵ': "l",
	'م': "m", 'ن': "n", 'ه': "h", 'ھ': "h", 'ء': "", 'ؤ': "u",
}

// arabicVowels romanises the letters that always write a vowel.
var arabicVowels = map[rune]string{
	'ا': "a", 'أ': "a", 'آ': "a", 'ٱ': "a", 'إ': "i", 'ى': "a", 'ة': "a",
	'ە': "e", 'ێ': "e", 'ۆ': "o", 'ۀ': "e",
}

// harakat romanises the short-vowel marks where a text carries them (as the
// published romanisation systems' examples do).
var harakat = map[rune]string{
	'\u064E': "a", '\u0650': "i", '\u064F': "u", '\u0670': "a",
}

// persianKurdishLetters are letters Persian or Kurdish writes and Arabic
// does not.
const persianKurdishLetters = "پچژگکیێۆڵڕەڤ"

// isArabicScript reports whether r is a letter of the Arabic script.
func isArabicScript(r rune) bool { return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) }

// romanArabicWord romanises one Arabic-script word, keeping its harakat
// where present. و and ي/ی are read as consonants (w, y) at the start of a
// word or beside a vowel, and as long vowels (u, i) between consonants; Sorani
// وو is u. A word-initial ئ only carries the vowel that follows.
//
// An alef maksura (ى) in a word with a letter only Persian or Kurdish
// writes (پ چ ژ گ ک ی ێ ۆ ڵ ڕ ە ڤ) is a yeh typed on an Arabic keyboard
// (پارێزگارى, governor of), and read as one.
func romanArabicWord(w string, lastWord bool) string {
	rs := []rune(w)
	if strings.ContainsRune(w, 'ى') && strings.ContainsAny(w, persianKurdishLetters) {
		for i, r := range rs {
			if r == 'ى' {
				rs[i] = 'ی'
			}
		}
	}
	var b strings.Builder
	prevVowel := false // the last sound written was a vowel
	lastVowel := byte(0)
	isVowelLetter := func(i int) bool {
		if i < 0 || i >= len(rs) {
			return false
		}
		_, ok := arabicVowels[rs[i]]
		return ok
	}
	// next returns the next rune that is not a mark, or 0.
	next := func(i int) (rune, int) {
		for j := i + 1; j < len(rs); j++ {
			if !unicode.Is(unicode.Mn, rs[j]) {
				return rs[j], j
			}
		}
		return 0, len(rs)
	}
	// vowelMarkNext reports whether a short-vowel mark follows i directly.
	vowelMarkNext := func(i int) bool {
		if i+1 < len(rs) {
			if rs[i+1] == '\u0651' && i+2 < len(rs) { // shadda, then the vowel
				_, ok := harakat[rs[i+2]]
				return ok
			}
			_, ok := harakat[rs[i+1]]
			return ok
		}
		return false
	}
	write := func(s string, vowel bool) {
		b.WriteString(s)
		if s != "" {
			prevVowel = vowel
			lastVowel = 0
			if vowel {
				lastVowel = s[len(s)-1]
			}
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if h, ok := harakat[r]; ok {
			write(h, true)
			continue
		}
		if unicode.Is(unicode.Mn, r) || r == tatweel || r == zwnj {
			continue
		}
		start := b.Len() == 0
		switch r {
		case 'ا', 'أ', 'إ', 'آ', 'ٱ':
			// An alef carrying a short-vowel mark is only that vowel
			// (أُ u, اِ i); after fatha it lengthens it.
			if vowelMarkNext(i) || (r == 'ا' && lastVowel == 'a') {
				continue
			}
		case 'ة':
			// In a construct (محافظة دمشق, جمهورية العراق) teh marbuta is
			// read, and romanised, as -at.
			if n, _ := next(i); n == 0 && !lastWord {
				write("at", false)
				continue
			}
		case 'ئ':
			if !start {
				write("y", false)
			}
			continue
		case 'و', 'ۆ':
			if r == 'ۆ' {
				write("o", true)
				continue
			}
			n, j := next(i)
			switch {
			case n == 'و': // Sorani long u
				write("u", true)
				i = j
			case lastVowel == 'u' && !vowelMarkNext(i) && !isVowelLetter(j):
				// damma + و is a long u
			case start || vowelMarkNext(i):
				write("w", false)
			case prevVowel || isVowelLetter(j):
				write("w", false)
			default:
				write("u", true)
			}
			continue
		case 'ي', 'ی':
			n, j := next(i)
			switch {
			case lastVowel == 'i' && !vowelMarkNext(i) && !isVowelLetter(j):
				// kasra + ي is a long i
			case vowelMarkNext(i):
				write("y", false)
			case start:
				if n == 0 || !isVowelLetter(j) && n != 'و' && n != 'ي' && n != 'ی' {
					write("i", true) // a Sorani word can begin with ی as î
				} else {
					write("y", false)
				}
			case prevVowel:
				write("y", false)
			case isVowelLetter(j) || n == 'ي' || n == 'ی':
				write("iy", false) // -iya, -iyya: ية, يا
			default:
				write("i", true)
			}
			continue
		case 'ه', 'ھ':
			// After d, s, k, g, t, z or c an h would read as a digraph (dh,
			// sh, ...); the unwritten vowel between them is written e
			// (دهوك Dehuk, not Dhuk).
			if out := b.String(); out != "" && !prevVowel && strings.ContainsRune("dsktgzc", rune(out[len(out)-1])) {
				write("e", true)
			}
			// Persian written without its ZWNJ: a heh before a final ای
			// after a consonant ends the stem, the vowel e (خامنهای for
			// خامنه‌ای, Khamenei), as it does with the ZWNJ.
			if n, j := next(i); n == 'ا' && !start && !prevVowel {
				if m, k := next(j); m == 'ی' && k == len(rs)-1 {
					write("e", true)
					continue
				}
			}
			// A final heh after a consonant is the Persian and Sorani-without-ە
			// vowel e; in Arabic it is a teh marbuta written without dots.
			if n, _ := next(i); n == 0 && !start && !prevVowel {
				write("a", true)
				continue
			}
		}
		if v, ok := arabicVowels[r]; ok {
			write(v, true)
			continue
		}
		if c, ok := arabicConsonants[r]; ok {
			write(c, false)
			continue
		}
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			write(string(unicode.ToLower(r)), false)
		}
	}
	return b.String()
}

// latinSpecial maps Latin letters whose romanised value is not their base
// letter: Kurmanji and Turkish ş ç ğ ı x, the underdotted and lined letters
// of scholarly romanisations, and letters NFD does not decompose.
var latinSpecial = map[rune]string{
	'ş': "sh", 'ș': "sh", 'š': "sh", 'ç': "ch", 'č': "ch", 'ğ': "gh", 'ǧ': "gh", 'ı': "i",
	'ž': "zh", 'x': "kh", 'ẍ': "gh", 'ḧ': "h", 'ṯ': "th", 'ḏ': "dh", 'ẖ': "kh", 'ġ': "gh",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'þ': "th", 'ð': "dh", 'đ': "d", 'ł': "l", 'ħ': "h",
}

// romanLatinWord writes one Latin-script word in the key space.
func romanLatinWord(w string) string {
	// strings.ToLower and NFC are safe for concurrent use; a shared
	// transform.Transformer is not.
	var b strings.Builder
	if isASCII(w) {
		for i := 0; i < len(w); i++ {
			if c := w[i] | 0x20; c >= 'a' && c <= 'z' {
				if s, ok := latinSpecial[rune(c)]; ok {
					b.WriteString(s)
				} else {
					b.WriteByte(c)
				}
			} else if w[i] >= '0' && w[i] <= '9' {
				b.WriteByte(w[i])
			}
		}
		return latinRewrite(b.String())
	}
	low := norm.NFC.String(strings.ToLower(w))
	for _, r := range low {
		// Letters with a romanised value of their own are mapped before
		// decomposition, which would turn ş into s and a cedilla.
		if s, ok := latinSpecial[r]; ok {
			b.WriteString(s)
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if s, ok := latinSpecial[d]; ok {
				b.WriteString(s)
			} else if d < utf8.RuneSelf && (d >= 'a' && d <= 'z' || d >= '0' && d <= '9') {
				b.WriteRune(d)
			}
			// combining marks, apostrophes and anything else leave no letter
		}
	}
	return latinRewrite(b.String())
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// latinRewrite brings the spelling variants of romanisation to one form:
// c is j unless in ch or ck (Kurmanji and Turkish c, Celal = Jalal); ou and
// oo are u, ee is i; ai, ei, ey and ay before a consonant are ay.
func latinRewrite(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		var n byte
		if i+1 < len(s) {
			n = s[i+1]
		}
		var nn byte
		if i+2 < len(s) {
			nn = s[i+2]
		}
		switch {
		case c == 'c' && n == 'h':
			b.WriteString("ch")
			i++
		case c == 'c' && n == 'k':
			b.WriteByte('k')
			i++
		case c == 'c':
			b.WriteByte('j')
		case c == 'o' && (n == 'u' || n == 'o'):
			b.WriteByte('u')
			i++
		case c == 'e' && n == 'e':
			b.WriteByte('i')
			i++
		case (c == 'a' || c == 'e') && (n == 'i' || n == 'y') && (nn == 0 || !isVowel(nn) && nn != 'y'):
			b.WriteString("ay")
			i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// finishKey applies the rules shared by both scripts once a word is in the
// key space: doubled letters (not digits) written once, a final h after a
// vowel dropped (-iyah, -ah), and a final -ia written -iya.
func finishKey(s string) string {
	if s == "" {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] && !isDigit(s[i]) {
			continue // a doubled letter; a number keeps its digits (2011 is not 201)
		}
		b = append(b, s[i])
	}
	if n := len(b); n > 2 && b[n-1] == 'h' && isVowel(b[n-2]) {
		b = b[:n-1]
	}
	if n := len(b); n > 2 && b[n-2] == 'i' && b[n-1] == 'a' {
		b = append(b[:n-1], 'y', 'a')
	}
	return string(b)
}

// romanWord romanises one word of either script; lastWord tells whether
// another word follows.
func romanWord(w string, lastWord bool) string {
	for _, r := range w {
		if isArabicScript(r) {
			return finishKey(romanArabicWord(w, lastWord))
		}
	}
	return finishKey(romanLatinWord(w))
}

// Romanised returns s in one Latin key space shared by every script, word
// by word, articles dropped: Arabic, Sorani and Persian letters romanised,
// Kurmanji and Turkish letters and the digraphs of English romanisations
// brought to one spelling, doubled letters written once.
//
//	Romanised("سلێمانی")  == "slemani"
//	Romanised("Slemani")  == "slemani"
//	Romanised("Kerkûk")   == "kerkuk"
//	Romanised("کەرکووک")  == "kerkuk"
func Romanised(s string) string {
	return strings.Join(romanTokens(Canonical(s), false), " ")
}

// romanTokens romanises the words of a canonical string, articles handled as
// stripTokens does. Arabic-script letters are read before folding, because
// folding merges the Sorani vowels ێ and ۆ with consonant letters.
func romanTokens(canonical string, keep bool) []string {
	// Lower-case and split as the folded level does, but keep letters.
	return romanWords(stripTokens(foldForRoman(canonical), keep))
}

// romanWords romanises the words romanTokens split.
func romanWords(words []string) []string {
	out := make([]string, 0, len(words))
	for i, w := range words {
		if full, ok := latinAbbreviations[w]; ok && i < len(words)-1 {
			w = full // St. Martin is Saint Martin
		}
		if k := romanWord(w, i == len(words)-1); k != "" {
			out = append(out, k)
		}
	}
	// Function words carry nothing of a name once there are others:
	// "Province of Kirkuk", "Partiya Demokrat ya Kurdistanê".
	kept := out[:0:0]
	for _, w := range out {
		if !functionWords[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) > 0 {
		return kept
	}
	return out
}

// latinAbbreviations are the abbreviated words English (and French) place
// names write before a name, with the words they stand for.
var latinAbbreviations = map[string]string{
	"st": "saint", "st.": "saint", "ste": "sainte", "ste.": "sainte", "mt": "mount", "mt.": "mount", "ft": "fort", "ft.": "fort",
}

// functionWords are romanised English and Kurmanji function words dropped
// from the words of a longer name.
var functionWords = map[string]bool{"of": true, "the": true, "and": true, "ya": true, "ye": true}

// foldForRoman prepares a canonical string for romanisation: Arabic alef and
// hamza forms and keheh are unified so the article can be found, but the
// Sorani vowel letters and harakat stay, as they carry sounds.
func foldForRoman(c string) string {
	var b strings.Builder
	b.Grow(len(c))
	wordStart, lower := true, true
	for i, r := range c {
		if unicode.IsSpace(r) {
			if !wordStart {
				b.WriteByte(' ')
			}
			wordStart = true
			continue
		}
		if r == tatweel || r == zwnj {
			continue
		}
		if wordStart {
			// Articles are recognised on the alef-unified form only at a
			// word start, and such a word keeps its letters as written.
			lower = !startsWithArabicArticle(c[i:])
			wordStart = false
		}
		switch {
		case r == 'ک':
			r = 'ك'
		case '٠' <= r && r <= '٩':
			r = '0' + (r - '٠') // Arabic-Indic digits, as the folded level reads them
		case '۰' <= r && r <= '۹':
			r = '0' + (r - '۰') // Persian digits
		case lower:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return strings.TrimSuffix(b.String(), " ")
}

// startsWithArabicArticle reports whether s begins with أل or إل, tatweel
// and ZWNJ aside.
func startsWithArabicArticle(s string) bool {
	var first rune
	for _, r := range s {
		switch {
		case r == tatweel || r == zwnj:
			continue
		case first == 0:
			if r != 'أ' && r != 'إ' {
				return false
			}
			first = r
		default:
			return r == 'ل'
		}
	}
	return false
}

// isDigit reports whether an ASCII byte is a digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
