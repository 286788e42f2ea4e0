package normalize

import (
	"slices"
	"strings"
	"unicode"
)

// Level is a normalisation level, from strict to loose.
type Level int

// The levels, strict to loose. A key at a stricter level is a stronger match.
const (
	LevelNone Level = iota
	LevelExact
	LevelCanonical
	LevelFolded
	LevelStripped
	LevelRomanised
	LevelSkeleton
)

var levelNames = [...]string{"none", "exact", "canonical", "folded", "stripped", "romanised", "skeleton"}

// String returns the level's lower-case name.
func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return "unknown"
	}
	return levelNames[l]
}

// Keys holds every key of one name. Stripped, Romanised and Skeleton are
// compact (no spaces) and may hold two variants: articles dropped, and
// articles kept joined to their word (Najmaldin for نجم الدين).
type Keys struct {
	Canonical string
	Folded    string
	Stripped  []string
	Romanised []string
	Skeleton  []string
	// Tokens are the romanised words, articles dropped; SkeletonTokens are
	// their skeletons, in the same order.
	Tokens         []string
	SkeletonTokens []string
}

// KeysOf computes every key of s.
//
// KeysOf("Haider al-Abadi").Romanised == ["hayderabadi", "hayderalabadi"]
func KeysOf(s string) Keys {
	c := Canonical(s)
	f := fold(c)
	k := Keys{Canonical: c, Folded: f}
	plain, kept := stripBoth(f)
	k.Stripped = variants(strings.Join(plain, ""), strings.Join(kept, ""))
	// Romanised with articles dropped (tokens) and kept (inner); most
	// names have none, and their words are romanised once.
	fr := foldForRoman(c)
	words, withArticles := stripBoth(fr)
	tokens := romanWords(words)
	inner := tokens
	if !slices.Equal(words, withArticles) {
		inner = romanWords(withArticles)
	}
	k.Tokens = tokens
	k.Romanised = variants(strings.Join(tokens, ""), strings.Join(inner, ""))
	k.SkeletonTokens = make([]string, 0, len(tokens))
	for _, t := range tokens {
		if sk := skeleton(t); sk != "" {
			k.SkeletonTokens = append(k.SkeletonTokens, sk)
		}
	}
	k.Skeleton = variants(skeleton(strings.Join(tokens, "")), skeleton(strings.Join(inner, "")))
	return k
}

// variants returns the distinct non-empty strings of a and b.
func variants(a, b string) []string {
	out := make([]string, 0, 2)
	if a != "" {
		out = append(out, a)
	}
	if b != "" && b != a {
		out = append(out, b)
	}
	return out
}

// Skeleton returns the consonant skeleton of s: the romanised form with
// vowels, y, w and doubling dropped and consonants in sound classes
// (q/k/g/gh, s/th, z/dh, b/p, f/v, j/zh).
//
//	Skeleton("Sulaimaniya") == "slmn"
//	Skeleton("Slemani")     == "slmn"
func Skeleton(s string) string {
	return skeleton(strings.Join(romanTokens(Canonical(s), false), ""))
}

// SkeletonOfKey is Skeleton on a key already romanised (a word of
// Keys.Tokens, or several joined): the consonant classes of its letters.
//
//	SkeletonOfKey("sulaymaniya") == "slmn"
func SkeletonOfKey(romanised string) string { return skeleton(romanised) }

// skeleton is Skeleton on a romanised key.
func skeleton(r string) string {
	b := make([]byte, 0, len(r))
	add := func(c byte) {
		if n := len(b); n > 0 && b[n-1] == c {
			return
		}
		b = append(b, c)
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		var n byte
		if i+1 < len(r) {
			n = r[i+1]
		}
		if n == 'h' {
			switch c {
			case 's':
				add('c') // sh
				i++
				continue
			case 'c':
				add('C') // ch
				i++
				continue
			case 'k':
				add('x') // kh
				i++
				continue
			case 'g':
				add('k') // gh
				i++
				continue
			case 't':
				add('s') // th
				i++
				continue
			case 'd':
				add('z') // dh
				i++
				continue
			case 'z':
				add('j') // zh
				i++
				continue
			}
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
		case 'q', 'g':
			add('k')
		case 'p':
			add('b')
		case 'v':
			add('f')
		default:
			add(c)
		}
	}
	return string(b)
}

// Script names the writing system of a name for reports: "Arab", "Latn",
// "Mixed" or "Other".
func Script(s string) string {
	var arab, latn, other bool
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r) || unicode.In(r, unicode.Common, unicode.Inherited):
			// modifier letters such as ʿ belong to no script
		case unicode.Is(unicode.Arabic, r):
			arab = true
		case unicode.Is(unicode.Latin, r):
			latn = true
		default:
			other = true
		}
	}
	switch {
	case arab && !latn && !other:
		return "Arab"
	case latn && !arab && !other:
		return "Latn"
	case other && !arab && !latn:
		return "Other"
	case arab || latn:
		return "Mixed"
	}
	return "Other"
}

// Meet returns the strictest level at which two names' keys are equal, or
// LevelNone.
func Meet(a, b Keys) Level {
	switch {
	case a.Canonical == b.Canonical:
		return LevelCanonical
	case a.Folded == b.Folded:
		return LevelFolded
	case intersects(a.Stripped, b.Stripped):
		return LevelStripped
	case intersects(a.Romanised, b.Romanised):
		return LevelRomanised
	case intersects(a.Skeleton, b.Skeleton):
		return LevelSkeleton
	}
	return LevelNone
}

// Levels returns every level at which two names' keys are equal, strictest
// first.
func Levels(a, b Keys) []Level {
	var out []Level
	if a.Canonical == b.Canonical {
		out = append(out, LevelCanonical)
	}
	if a.Folded == b.Folded {
		out = append(out, LevelFolded)
	}
	if intersects(a.Stripped, b.Stripped) {
		out = append(out, LevelStripped)
	}
	if intersects(a.Romanised, b.Romanised) {
		out = append(out, LevelRomanised)
	}
	if intersects(a.Skeleton, b.Skeleton) {
		out = append(out, LevelSkeleton)
	}
	return out
}

func intersects(a, b []string) bool {
	for _, x := range a {
		if x != "" && slices.Contains(b, x) {
			return true
		}
	}
	return false
}
