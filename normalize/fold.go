package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// arabicFold maps Arabic-script letters to the one form the folded level
// keeps, so that the same name typed on an Arabic, Persian or Sorani keyboard,
// or on one that lacks a Sorani letter, folds to one string.
//
// The target of ي/ی and ك/ک is the Arabic letter. Bleve's ckb and fa
// normalisers go the other way (ي→ی, ك→ک) and its ar normaliser leaves both,
// which is why none of them is used for a key shared across languages.
var arabicFold = map[rune]string{
	'أ': "ا", 'إ': "ا", 'آ': "ا", 'ٱ': "ا", 'ٲ': "ا", 'ٳ': "ا", // alef with hamza or madda
	'ى': "ي", 'ی': "ي", 'ې': "ي", 'ۍ': "ي", // alef maksura, Persian/Sorani yeh
	'ێ': "ي",           // Sorani ê, typed ي where the keyboard lacks it
	'ک': "ك", 'ڪ': "ك", // keheh, swash kaf
	'ة': "ه", 'ە': "ه", 'ھ': "ه", 'ۀ': "ه", 'ۂ': "ه", 'ۃ': "ه", // teh marbuta, Sorani ae, heh doachashmee
	'ۆ': "و", 'ۇ': "و", 'ۈ': "و", 'ۉ': "و", 'ۋ': "و", 'ؤ': "و", // Sorani o and other waw forms
	'ڵ': "ل", 'ڕ': "ر", 'ڤ': "ف", // Sorani ł, ṟ and v, typed as their base letters
	'ء': "", 'ـ': "", // hamza alone, tatweel
	'٠': "0", '١': "1", '٢': "2", '٣': "3", '٤': "4", '٥': "5", '٦': "6", '٧': "7", '٨': "8", '٩': "9",
	'۰': "0", '۱': "1", '۲': "2", '۳': "3", '۴': "4", '۵': "5", '۶': "6", '۷': "7", '۸': "8", '۹': "9",
	'،': " ", '؛': " ", '؟': " ",
}

// latinFold maps Latin letters that NFD does not decompose.
var latinFold = map[rune]string{
	'ı': "i", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ø': "o", 'Ø': "o",
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ß': "ss", 'þ': "th", 'ð': "dh", 'ħ': "h",
}

// lowerWithoutMarks lower-cases s and removes the combining marks that
// canonical decomposition exposes (Latin diacritics, Arabic harakat,
// superscript alef, Quranic annotation marks), then recomposes. It is the
// hot path of every key, so ASCII, the common case, takes a shortcut, and
// the rest is done in one pass rather than a chain of transformers (which
// allocates its buffers on every call).
func lowerWithoutMarks(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	if out, ok := lowerArabicWithoutMarks(s); ok {
		return out
	}
	return lowerWithoutMarksNorm(s)
}

// lowerWithoutMarksNorm is lowerWithoutMarks by way of NFD and NFC, for
// any text.
func lowerWithoutMarksNorm(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(b.String())
}

// lowerArabicWithoutMarks is lowerWithoutMarks for text of ASCII and of
// the Arabic block's letters that canonical decomposition leaves whole (all
// but آ أ ؤ إ ئ ۀ ۂ ۓ, which fold maps before): their marks removed, there
// is nothing for NFC to compose, so both normalisations are skipped. It
// reports false for any other text.
func lowerArabicWithoutMarks(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r < 0x0600 || r > 0x06FF:
			return "", false
		case (r >= 0x0622 && r <= 0x0626) || r == 0x06C0 || r == 0x06C2 || r == 0x06D3:
			return "", false // decomposed by NFD
		case unicode.Is(unicode.Mn, r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), true
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Folded returns the canonical form of s, case folded, with Latin diacritics,
// Arabic harakat, tatweel and ZWNJ removed and Arabic-script letter variants
// unified (alef and hamza forms, ى/ي/ی, ك/ک, ة/ه/ە/ھ, ۆ/ؤ/و, and the Sorani
// ێ ڵ ڕ ڤ as typed without a Sorani keyboard). Apostrophes, hyphens and
// spaces are kept: they go at the stripped level.
//
//	Folded("Hewlêr") == "hewler"
//	Folded("أربيل")  == "اربيل"
//	Folded("کەرکووک") == "كهركووك"
func Folded(s string) string {
	return fold(Canonical(s))
}

// fold is Folded on a string that is already canonical. It is on the
// path of every key of every name and query, so it makes one pass over the
// words and allocates only where a letter needs it.
func fold(c string) string {
	var b strings.Builder
	b.Grow(len(c))
	wordStart := true
	for _, r := range c {
		if unicode.IsSpace(r) {
			if !wordStart {
				b.WriteByte(' ')
			}
			wordStart = true
			continue
		}
		first := wordStart
		wordStart = false
		if r == zwnj {
			continue
		}
		// A word-initial ئ only carries the vowel letter after it
		// (ئاکرێ, ئەربیل); inside a word it stands for ي.
		if r == 'ئ' {
			if !first {
				b.WriteString("ي")
			}
			continue
		}
		if m, ok := arabicFold[r]; ok {
			b.WriteString(m)
			continue
		}
		b.WriteRune(r)
	}
	out := lowerWithoutMarks(b.String())
	// Letters NFD does not decompose are mapped last, as decomposition can
	// reveal them (Ǽ → Æ + acute).
	if hasLatinFold(out) {
		var lb strings.Builder
		lb.Grow(len(out))
		for _, r := range out {
			if m, ok := latinFold[r]; ok {
				lb.WriteString(m)
			} else {
				lb.WriteRune(r)
			}
		}
		out = lb.String()
	}
	return singleSpaced(out)
}

// hasLatinFold reports whether s has a letter latinFold maps.
func hasLatinFold(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf {
			if _, ok := latinFold[r]; ok {
				return true
			}
		}
	}
	return false
}

// singleSpaced returns s with its words separated by single spaces and no
// space around them, as strings.Join(strings.Fields(s), " ") does; s itself
// when it is so already, as it nearly always is.
func singleSpaced(s string) string {
	prevSpace := true
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (prevSpace || r != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = space
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// minHarakatSentenceWords is the fewest words of a text that
// SentenceWithoutHarakat reads as a sentence.
const minHarakatSentenceWords = 3

// SentenceWithoutHarakat returns s without its Arabic marks (the
// short vowels, tanwin, shadda and sukun) when s is a sentence of the Arabic script that
// carries them sparingly, on fewer than one letter in five, as news text
// does to show how a word is read (في مُحافظة البصرة, in Basra governorate;
// نهایتاً, finally); otherwise s as it is. A name alone, or a text marked
// throughout (الفُرات, البَصْرَة), keeps its marks: they romanise as the
// vowels a published romanisation writes (Al Furāt). In a sentence the
// words are met one by one by their romanised forms, and a mark on one
// letter would make مُحافظة another word than محافظة.
//
//	SentenceWithoutHarakat("في مُحافظة البصرة") == "في محافظة البصرة"
//	SentenceWithoutHarakat("الفُرات")            == "الفُرات"
func SentenceWithoutHarakat(s string) string {
	marks, letters := 0, 0
	for _, r := range s {
		switch {
		case isHaraka(r):
			marks++
		case unicode.IsLetter(r):
			if !isArabicScript(r) {
				return s // Latin text: its marks are no harakat
			}
			letters++
		}
	}
	if marks == 0 || 5*marks >= letters || len(strings.Fields(s)) < minHarakatSentenceWords {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isHaraka(r) {
			return -1
		}
		return r
	}, s)
}

// isHaraka reports whether r is one of the Arabic marks from U+064B to
// U+0652: fatha, damma, kasra, their tanwin forms, shadda and sukun.
func isHaraka(r rune) bool {
	return r >= '\u064B' && r <= '\u0652'
}
