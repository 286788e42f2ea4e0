package index

import (
	"slices"
	"testing"

	"github.com/exonym/exonym/normalize"
)

func TestTermsAnalyzer(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"kirkuk", []string{"kirkuk"}},
		{"kirkuk\x00krkk\x00kirkuk", []string{"kirkuk", "krkk", "kirkuk"}},
		{"\x00a\x00\x00b\x00", []string{"a", "b"}},
		{"", nil},
		{"كركوك\x00کەرکووک", []string{"كركوك", "کەرکووک"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range (termsAnalyzer{}).Analyze([]byte(tt.in)) {
			got = append(got, string(tok.Term))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("termsAnalyzer(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSurnameKeys(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"Haider al-Abadi", []string{"al-abadi", "abadi"}},
		{"مصطفى الكاظمي", []string{"الكاظمي", "كاظمي"}},
		{"Adel Abdul Mahdi", []string{"abdul mahdi"}},
		{"عادل عبد المهدي", []string{"عبد المهدي"}},
		{"عادل عەبدول مەهدی", []string{normalize.Folded("عەبدول مەهدی")}}, // Sorani, folded as keys are
		{"Ahmed Abu Risha", []string{"abu risha"}},
		{"Talabani", nil},
	}
	for _, tt := range tests {
		if got := surnameKeys(normalize.KeysOf(tt.name).Folded); !slices.Equal(got, tt.want) {
			t.Errorf("surnameKeys(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
