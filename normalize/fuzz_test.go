package normalize

import (
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"Slemani", "سلێمانی", "al-Mawsil", "Shi\u2019ite", "كه\u200cرکووک", "ﻛﺮﻛﻮﻙ", "السُّلَيْمانِيَّة",
	"Kerkûk", "ALTINKÖPRÜ", "İ", "a\u0308\u200d\u0301", "\u00a8", "ـ", "ئ", "عبد الله", "Al", "-", "'", "",
}

func FuzzCanonical(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Canonical(s)
		if !utf8.ValidString(c) || Canonical(c) != c {
			t.Fatalf("Canonical(%+q) = %+q: invalid or not idempotent (%+q)", s, c, Canonical(c))
		}
		if Folded(c) != Folded(s) {
			t.Fatalf("Folded(%+q) changes after Canonical", s)
		}
	})
}

func FuzzFolded(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fo := Folded(s)
		if !utf8.ValidString(fo) || Folded(fo) != fo {
			t.Fatalf("Folded(%+q) = %+q: invalid or not idempotent (%+q)", s, fo, Folded(fo))
		}
	})
}

func FuzzKeys(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := KeysOf(s)
		for _, v := range append(append(append([]string{}, k.Romanised...), k.Skeleton...), k.Tokens...) {
			for i := 0; i < len(v); i++ {
				if v[i] >= utf8.RuneSelf {
					t.Fatalf("KeysOf(%+q): key %+q is not ASCII", s, v)
				}
			}
		}
		for _, v := range k.Stripped {
			if !utf8.ValidString(v) {
				t.Fatalf("KeysOf(%+q): stripped key %+q is not valid UTF-8", s, v)
			}
		}
		if r := Romanised(s); r != Romanised(Canonical(s)) {
			t.Fatalf("Romanised(%+q) = %+q changes after Canonical", s, r)
		}
		if len(k.Romanised) > 0 {
			if sim := Similarity(k.Romanised[0], k.Romanised[0]); sim != 1 {
				t.Fatalf("Similarity of %+q with itself = %v", k.Romanised[0], sim)
			}
		}
	})
}

// FuzzLowerWithoutMarks checks that the shortcut for ASCII and Arabic-block
// text gives what NFD and NFC give.
func FuzzLowerWithoutMarks(f *testing.F) {
	for _, s := range append(fuzzSeeds, "السُّلَيْمانِيَّة", "KIRKUK كركوك", "ۀ", "\u0627\u0653", "\u06d5\u0654", "\u0670") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, ok := lowerArabicWithoutMarks(s); ok {
			if want := lowerWithoutMarksNorm(s); got != want {
				t.Fatalf("lowerArabicWithoutMarks(%+q) = %+q, by NFD and NFC %+q", s, got, want)
			}
		}
	})
}

func FuzzSentenceWithoutHarakat(f *testing.F) {
	for _, s := range []string{"في مُحافظة البصرة", "الفُرات", "Kirkuk", "", "\xff", "ً ً ً"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SentenceWithoutHarakat(s)
		if got != s && SentenceWithoutHarakat(got) != got {
			t.Fatalf("SentenceWithoutHarakat(%q) = %q, and again another: not settled", s, got)
		}
		if utf8.RuneCountInString(got) > utf8.RuneCountInString(s) {
			t.Fatalf("SentenceWithoutHarakat(%q) = %q is longer", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("SentenceWithoutHarakat(%q) = %q is not valid UTF-8", s, got)
		}
	})
}
