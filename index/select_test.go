package index

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestBestFirst(t *testing.T) {
	byValue := func(a, b int) int { return cmp.Compare(a, b) }
	tests := []struct {
		xs   []int
		k    int
		want []int
	}{
		{nil, 3, []int{}},
		{[]int{5}, 0, []int{}},
		{[]int{3, 1, 2}, 5, []int{1, 2, 3}},
		{[]int{9, 8, 7, 6, 5, 4, 3, 2, 1}, 2, []int{1, 2}},
		{[]int{4, 4, 1, 4, 0, 4, 4}, 3, []int{0, 1, 4}},
	}
	for _, tt := range tests {
		got := bestFirst(slices.Clone(tt.xs), tt.k, byValue)
		if !slices.Equal(got, tt.want) {
			t.Errorf("bestFirst(%v, %d) = %v, want %v", tt.xs, tt.k, got, tt.want)
		}
	}
	// Against a full sort, on random slices of every size up to 200.
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		xs := make([]int, n)
		for i := range xs {
			xs[i] = rng.IntN(50)
		}
		k := rng.IntN(n + 2)
		want := slices.Sorted(slices.Values(xs))[:min(k, n)]
		if got := bestFirst(slices.Clone(xs), k, byValue); !slices.Equal(got, want) {
			t.Fatalf("bestFirst(%v, %d) = %v, want %v", xs, k, got, want)
		}
	}
}
