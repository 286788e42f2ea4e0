package normalize

import (
	"math"
	"slices"
)

// Costs of the weighted edit distance on romanised keys. Romanisations of one
// name differ mostly in vowels (Arabic script writes few of them) and in a
// few consonant pairs; those differences cost less than a different letter.
const (
	costVowel      = 0.35 // a vowel inserted, deleted or changed for another
	costGlide      = 0.5  // y, w or h inserted or deleted
	costGlideVowel = 0.3  // i for y, u or o for w
	costKin        = 0.45 // q/k/g, b/p, f/v, v/w, s/z, d/t, j/zh, j/g
	costTranspose  = 0.7  // two neighbouring letters swapped (a typo)
	costOther      = 1.0
)

func isGlide(c byte) bool { return c == 'y' || c == 'w' || c == 'h' }

func indelCost(c byte) float64 {
	switch {
	case isVowel(c):
		return costVowel
	case isGlide(c):
		return costGlide
	}
	return costOther
}

func subCost(a, b byte) float64 {
	if a == b {
		return 0
	}
	if isVowel(a) && isVowel(b) {
		return costVowel
	}
	switch uint16(min(a, b))<<8 | uint16(max(a, b)) {
	case 'i'<<8 | 'y', 'u'<<8 | 'w', 'o'<<8 | 'w':
		return costGlideVowel
	case 'g'<<8 | 'k', 'k'<<8 | 'q', 'g'<<8 | 'q', 'b'<<8 | 'p', 'f'<<8 | 'v', 's'<<8 | 'z', 'd'<<8 | 't', 'j'<<8 | 'z', 'g'<<8 | 'j', 'v'<<8 | 'w':
		return costKin
	}
	if (isVowel(a) && isGlide(b)) || (isGlide(a) && isVowel(b)) {
		return costGlide
	}
	return costOther
}

// costs holds indelCost and subCost for every pair of bytes below 128,
// computed once: Distance looks them up instead of classifying letters in
// its inner loop. Keys are ASCII; another byte costs as costOther.
var costs = func() (t struct {
	indel [128]float64
	sub   [128][128]float64
}) {
	for a := range 128 {
		t.indel[a] = indelCost(byte(a))
		for b := range 128 {
			t.sub[a][b] = subCost(byte(a), byte(b))
		}
	}
	return t
}()

// indelOf is indelCost from the table.
func indelOf(c byte) float64 {
	if c < 128 {
		return costs.indel[c]
	}
	return costOther
}

// subOf is subCost from the table.
func subOf(a, b byte) float64 {
	if a < 128 && b < 128 {
		return costs.sub[a][b]
	}
	if a == b {
		return 0
	}
	return costOther
}

// Distance is a weighted edit distance (with adjacent transpositions)
// between two romanised keys: vowel and glide differences cost less than
// other letters, and related consonants (q/k/g, b/p, ...) less than
// unrelated ones.
func Distance(a, b string) float64 {
	d, _ := distanceWithin(a, b, math.Inf(1))
	return d
}

// distanceWithin is Distance, given up (ok false) as soon as it must
// exceed limit.
func distanceWithin(a, b string, limit float64) (float64, bool) {
	if a == b {
		return 0, true
	}
	// Two rows plus the one before them, for transpositions; on the stack
	// for the words of names.
	var buf [3 * 48]float64
	rows := buf[:]
	if n := 3 * (len(b) + 1); n > len(buf) {
		rows = make([]float64, n)
	}
	w := len(b) + 1
	prev2, prev, cur := rows[:w:w], rows[w:2*w:2*w], rows[2*w:3*w]
	for j := 1; j <= len(b); j++ {
		prev[j] = prev[j-1] + indelOf(b[j-1])
	}
	for i := 1; i <= len(a); i++ {
		ai := a[i-1]
		del := indelOf(ai)
		cur[0] = prev[0] + del
		for j := 1; j <= len(b); j++ {
			d := prev[j-1] + subOf(ai, b[j-1])
			d = min(d, prev[j]+del, cur[j-1]+indelOf(b[j-1]))
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+costTranspose)
			}
			cur[j] = d
		}
		// Every path to the end crosses this row or, by a transposition,
		// the one before it; past the limit in both, it cannot come back.
		if limit < math.Inf(1) && min(slices.Min(cur), slices.Min(prev)) > limit {
			return 0, false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[len(b)] > limit {
		return 0, false
	}
	return prev[len(b)], true
}

// weight is the cost of deleting every letter of s.
func weight(s string) float64 {
	var w float64
	for i := 0; i < len(s); i++ {
		w += indelOf(s[i])
	}
	return w
}

// Similarity is 1 minus the weighted distance of two romanised keys over the
// weight of the heavier: 1 for equal keys, 0 for keys with nothing in common.
func Similarity(a, b string) float64 { return SimilarityAtLeast(a, b, 0) }

// SimilarityAtLeast is Similarity(a, b) when that is at least floor, and
// 0 otherwise, found faster: the distance is given up once it must fall
// below the floor.
func SimilarityAtLeast(a, b string, floor float64) float64 {
	if a == b {
		return 1
	}
	wa, wb := weight(a), weight(b)
	w := max(wa, wb)
	if w == 0 {
		return 0
	}
	if floor > 0 && MaxSimilarityOf(len(a), wa, len(b), wb) < floor {
		return 0 // the letters one key has over the other cost too much already
	}
	d, ok := distanceWithin(a, b, (1-floor)*w+1e-9)
	if !ok {
		return 0
	}
	if sim := max(0, 1-d/w); sim >= floor {
		return sim
	}
	return 0
}

// MaxSimilarity is an upper bound of Similarity(a, b) that costs no more
// than the weights of the two keys: every letter one key has over the other
// costs at least a vowel's insertion.
func MaxSimilarity(a, b string) float64 {
	if a == b {
		return 1
	}
	return MaxSimilarityOf(len(a), Weight(a), len(b), Weight(b))
}

// Weight is the weight of a romanised key: what deleting all of it costs,
// the denominator of Similarity.
func Weight(key string) float64 { return weight(key) }

// MaxSimilarityOf is MaxSimilarity of two unequal keys of the given
// lengths and weights (see Weight), for a caller that compares one key
// with many whose weights it keeps.
func MaxSimilarityOf(lenA int, weightA float64, lenB int, weightB float64) float64 {
	w := max(weightA, weightB)
	if w == 0 {
		return 0
	}
	d := lenA - lenB
	if d < 0 {
		d = -d
	}
	return max(0, 1-costVowel*float64(d)/w)
}
