package normalize

import (
	"slices"
	"testing"
)

func TestAdjectiveOf(t *testing.T) {
	tests := []struct {
		adj, name string
		want      bool
	}{
		{"Syrian", "Syria", true},
		{"Italian", "Italy", true},
		{"Lebanese", "Lebanon", true},
		{"Portuguese", "Portugal", true},
		{"Rwandese", "Rwanda", true},
		{"Mexican", "Mexico", true},
		{"Togolese", "Togo", true},
		{"Gabonese", "Gabon", true},
		{"Iraqi", "Iraq", true},
		{"Kurdish", "Kurdistan", true}, // as Kyrgyz of Kyrgyzstan
		{"اللبنانية", "لبنان", true},
		{"الإيرانية", "إيران", true},
		{"العراقية", "العراق", true},
		{"الجزائرية", "الجزائر", true},
		{"عراقي", "عراق", true},
		{"ئێرانی", "ئێران", true},
		{"Kyrgyz", "Kyrgyzstan", true},
		{"التوغوية", "توغو", true},
		{"Iraqi", "Iraqi", false},
		{"Iran", "Iraq", false},
		{"Kirkuk", "Erbil", false},
		{"Syria", "Syrian", false}, // the name is not an adjective of the adjective
		{"Barzani", "Barzan", true},
		{"an", "a", false}, // too short to share a stem
	}
	for _, tt := range tests {
		a, n := KeysOf(tt.adj).Tokens, KeysOf(tt.name).Tokens
		if len(a) != 1 || len(n) != 1 {
			t.Fatalf("%q, %q: want one word each, got %q, %q", tt.adj, tt.name, a, n)
		}
		if got := AdjectiveOf(a[0], n[0]); got != tt.want {
			t.Errorf("AdjectiveOf(%q (%s), %q (%s)) = %v, want %v", tt.adj, a[0], tt.name, n[0], got, tt.want)
		}
		if got := slices.Contains(AdjectiveNames(a[0]), n[0]); got != tt.want {
			t.Errorf("AdjectiveNames(%q (%s)) has %q (%s): %v, want %v", tt.adj, a[0], tt.name, n[0], got, tt.want)
		}
	}
}

// FuzzAdjectiveOf checks that AdjectiveNames lists exactly the names
// AdjectiveOf accepts, for the romanised words of any input.
func FuzzAdjectiveOf(f *testing.F) {
	f.Add("Syrian", "Syria")
	f.Add("اللبنانية", "لبنان")
	f.Add("Kyrgyz", "Kyrgyzstan")
	f.Add("an", "")
	f.Fuzz(func(t *testing.T, adj, name string) {
		for _, a := range KeysOf(adj).Tokens {
			names := AdjectiveNames(a)
			for _, n := range append(KeysOf(name).Tokens, names...) {
				if got, want := AdjectiveOf(a, n), slices.Contains(names, n); got != want {
					t.Fatalf("AdjectiveOf(%q, %q) = %v, but AdjectiveNames(%q) has it: %v", a, n, got, a, want)
				}
			}
		}
	})
}
