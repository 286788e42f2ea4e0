package index

import "slices"

// bestFirst returns the k first elements of xs in the order of cmp, sorted;
// it reorders xs. Selecting first costs less than sorting every element
// when, as for the documents of common words, k is a small part of xs.
func bestFirst[T any](xs []T, k int, cmp func(a, b T) int) []T {
	if k <= 0 {
		return xs[:0]
	}
	if len(xs) > 2*k {
		// Keep the k best in xs[:k], the worst of them at xs[0] of a
		// max-heap by cmp (worst = greatest).
		heap := xs[:k]
		for i := k/2 - 1; i >= 0; i-- {
			siftDown(heap, i, cmp)
		}
		for _, x := range xs[k:] {
			if cmp(x, heap[0]) < 0 {
				heap[0] = x
				siftDown(heap, 0, cmp)
			}
		}
		xs = heap
	}
	slices.SortFunc(xs, cmp)
	return xs[:min(k, len(xs))]
}

// siftDown restores the max-heap order (by cmp) of h below i.
func siftDown[T any](h []T, i int, cmp func(a, b T) int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && cmp(h[c+1], h[c]) > 0 {
			c++
		}
		if cmp(h[c], h[i]) <= 0 {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}
