package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Letters and marks the rules below refer to by name.
const (
	zwnj      = '\u200C' // ZERO WIDTH NON-JOINER
	arHeh     = '\u0647' // ه ARABIC LETTER HEH
	ckbAe     = '\u06D5' // ە ARABIC LETTER AE (the Sorani vowel e)
	tatweel   = '\u0640' // ـ ARABIC TATWEEL
	apostroph = '\''
)

// isApostrophe reports whether r is one of the marks writers use for an
// apostrophe, an ayn or a hamza in Latin script.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u201B', '\u02BC', '\u02BB', '\u02BF', '\u02BE',
		'`', '\u00B4', '\u2032', '\u02B9', '\u055A', '\uA78C':
		return true
	}
	return false
}

// isQuote reports whether r is a double quotation mark; such marks are never
// part of a name and are dropped.
func isQuote(r rune) bool {
	switch r {
	case '"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\u2039', '\u203A':
		return true
	}
	return false
}

// isDash reports whether r is a hyphen or dash of any width.
func isDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212',
		'\uFE58', '\uFE63', '\uFF0D', '\u058A', '\u05BE', '\u1806', '\u2E3A', '\u2E3B', '\u00AD':
		return true
	}
	return false
}

// Canonical returns s in the form every other level starts from: valid UTF-8
// in NFKC (which also unfolds Arabic presentation forms and ligatures such as
// ﻻ), surrounding space trimmed and inner runs of space collapsed to one
// space, every apostrophe-like mark written ', every dash written -, double
// quotes dropped, bidi and other format controls removed, and the Sorani
// vowel written ە where a keyboard produced ه followed by ZWNJ. Any other
// ZWNJ (meaningful in Persian spelling) is kept, one at a time. Case, letters
// and diacritics are untouched.
//
//	Canonical("  Shi’ite ")   == "Shi'ite"
//	Canonical("Tal–Afar")     == "Tal-Afar"
//	Canonical("كه\u200cرکووک") == "کەرکووک"'s spelling with ك: "كەرکووک"
func Canonical(s string) string {
	s = strings.ToValidUTF8(s, "")
	if isPlainASCII(s) {
		return canonicalPass(s)
	}
	// A bounded fixed-point loop: removing a control between two marks can
	// leave a sequence NFKC composes differently, so repeat until stable.
	for range 4 {
		next := canonicalPass(norm.NFKC.String(s))
		if next == s {
			break
		}
		s = next
	}
	return s
}

// isPlainASCII reports whether s is printable ASCII, which NFKC leaves
// alone and one canonical pass settles.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

func canonicalPass(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	// quoted is set after a quote mark that closed a word: Turkish writes
	// a name's case ending after it ("Ketaib Hizbullah"ın, «Kerkük»te),
	// where it would write an apostrophe.
	quoted := false
	for _, r := range s {
		if quoted && !space && unicode.IsLower(r) && unicode.Is(unicode.Latin, r) {
			b.WriteByte(apostroph)
		}
		quoted = false
		switch {
		case r == zwnj:
			// ه+ZWNJ is how Sorani is typed on keyboards without ە.
			out := b.String()
			if last, size := utf8.DecodeLastRuneInString(out); last == arHeh && !space {
				b.Reset()
				b.WriteString(out[:len(out)-size])
				b.WriteRune(ckbAe)
				continue
			}
			if last, _ := utf8.DecodeLastRuneInString(out); last == zwnj || last == utf8.RuneError || space {
				continue // no ZWNJ at the start, after a space, or twice
			}
			b.WriteRune(zwnj)
		case unicode.IsSpace(r) || unicode.Is(unicode.Cc, r):
			space = b.Len() > 0
		case r == '\u00AD': // soft hyphen: a line-breaking hint, not a dash
		case unicode.Is(unicode.Cf, r):
			// bidi marks and isolates, ZWJ, ZWSP, BOM, Arabic number signs
		case isQuote(r):
			last, _ := utf8.DecodeLastRuneInString(b.String())
			quoted = !space && unicode.IsLetter(last)
		default:
			if space {
				if last, _ := utf8.DecodeLastRuneInString(b.String()); last == zwnj {
					// a ZWNJ before a space is meaningless
					out := b.String()
					b.Reset()
					b.WriteString(out[:len(out)-len(string(zwnj))])
				}
				b.WriteByte(' ')
				space = false
			}
			switch {
			case isApostrophe(r):
				b.WriteByte(apostroph)
			case isDash(r):
				b.WriteByte('-')
			default:
				b.WriteRune(r)
			}
		}
	}
	out := b.String()
	return strings.TrimSuffix(out, string(zwnj))
}
