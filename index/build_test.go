package index

import (
	"slices"
	"testing"
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
