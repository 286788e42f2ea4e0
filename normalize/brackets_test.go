package normalize

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBracketed(t *testing.T) {
	tests := []struct {
		text    string
		outside string
		inside  []string
	}{
		{"Saint Martin (French part)", "Saint Martin", []string{"French part"}},
		{"جزایر فالکلند(مالویناس)", "جزایر فالکلند", []string{"مالویناس"}},
		{"Cocos (Keeling) Islands", "Cocos Islands", []string{"Keeling"}},
		{"Kirkuk (Kerkûk) [Karkuk]", "Kirkuk", []string{"Kerkûk", "Karkuk"}},
		{"Holy See (Vatikan (Şehir) Devleti)", "Holy See", []string{"Vatikan (Şehir) Devleti"}},
		{"سانت مارتين (القطاع الفرنسي)", "سانت مارتين", []string{"القطاع الفرنسي"}},
		{"Kirkuk, (Iraq)", "Kirkuk", []string{"Iraq"}},
		{"（Kerkûk）", "", []string{"Kerkûk"}},
		{"Mosul ﴾الموصل﴿", "Mosul", []string{"الموصل"}},
		// Nothing to read apart.
		{"Kirkuk", "", nil},
		{"Kirkuk ()", "", nil},
		{"Kirkuk) Iraq", "", nil},
		// Brackets as written in a hurry.
		{"Mosul (Iraq", "Mosul", []string{"Iraq"}},
		{"Mosul (Iraq]", "Mosul", []string{"Iraq"}},
		{"Mosul) (Iraq)", "Mosul", []string{"Iraq"}},
		{"Mosul (Iraq (Ninawa", "Mosul", []string{"Iraq (Ninawa"}},
		{"", "", nil},
	}
	for _, tt := range tests {
		outside, inside := Bracketed(tt.text)
		if outside != tt.outside || !slices.Equal(inside, tt.inside) {
			t.Errorf("Bracketed(%q) = %q, %q; want %q, %q", tt.text, outside, inside, tt.outside, tt.inside)
		}
	}
}

// FuzzBracketed checks that Bracketed never panics, writes valid UTF-8,
// leaves no bracket outside, and gives parts shorter than the text, so
// that reading the parts apart again ends.
func TestHasBracket(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Kirkuk", false},
		{"كركوك", false},
		{"Saint Martin (French part)", true},
		{"a]b", true},
		{"جزایر فالکلند（مالویناس）", true},
		{"﴾كركوك﴿", true},
		{"ﻛﺮﻛﻮﻙ", false}, // presentation forms: 0xEF lead bytes, no bracket
		{"", false},
	} {
		if got := HasBracket(tc.text); got != tc.want {
			t.Errorf("HasBracket(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func FuzzBracketed(f *testing.F) {
	for _, s := range []string{"Saint Martin (French part)", "a (b (c) d) e [f]", "(", ")(", "جزایر فالکلند(مالویناس)", "\xff(\xfe)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := HasBracket(text), strings.ContainsFunc(text, isBracket); got != want {
			t.Fatalf("HasBracket(%q) = %v, want %v", text, got, want)
		}
		outside, inside := Bracketed(text)
		if inside == nil {
			if outside != "" {
				t.Fatalf("Bracketed(%q) = %q with no inside part", text, outside)
			}
			return
		}
		if utf8.ValidString(text) && !utf8.ValidString(outside) {
			t.Fatalf("Bracketed(%q): outside %q is not valid UTF-8", text, outside)
		}
		if strings.ContainsFunc(outside, isBracket) {
			t.Fatalf("Bracketed(%q): outside %q has a bracket", text, outside)
		}
		for _, part := range inside {
			if part == "" || len(part) >= len(text) {
				t.Fatalf("Bracketed(%q): inside part %q is empty or not shorter than the text", text, part)
			}
			if utf8.ValidString(text) && !utf8.ValidString(part) {
				t.Fatalf("Bracketed(%q): inside part %q is not valid UTF-8", text, part)
			}
		}
	})
}

func TestCommaParts(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Kirkuk, Iraq", []string{"Kirkuk", "Iraq"}},
		{"Erbil, Kurdistan Region, Iraq", []string{"Erbil", "Kurdistan Region", "Iraq"}},
		{"تايوان، محافظة صينيّة", []string{"تايوان", "محافظة صينيّة"}},
		{"تایوان ، استانی از چین", []string{"تایوان", "استانی از چین"}},
		{"Korea, Republic of", []string{"Korea", "Republic of"}},
		{"Kirkuk; Mosul", []string{"Kirkuk", "Mosul"}},
		{"Kirkuk", nil},
		{"Kirkuk,", nil},
		{", ,", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := CommaParts(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("CommaParts(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// FuzzCommaParts checks that CommaParts never panics and gives two or more
// non-empty parts without separators, each shorter than the text.
func FuzzCommaParts(f *testing.F) {
	for _, s := range []string{"Kirkuk, Iraq", "تايوان، محافظة", ",,", "a;b؛c", "\xff,\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		parts := CommaParts(text)
		if parts != nil && len(parts) < 2 {
			t.Fatalf("CommaParts(%q) = %q: one part", text, parts)
		}
		for _, p := range parts {
			if p == "" || len(p) >= len(text) || strings.ContainsAny(p, commaSeparators) {
				t.Fatalf("CommaParts(%q): part %q is empty, not shorter than the text, or holds a separator", text, p)
			}
		}
	})
}
