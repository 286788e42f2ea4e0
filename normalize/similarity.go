package normalize

// Costs of the weighted edit distance on romanised keys. Romanisations of one
// name differ mostly in vowels (Arabic script writes few of them) and in a
// few consonant pairs; those differences cost less than a different letter.
const (
	costVowel      = 0.35 // a vowel inserted, deleted or changed for another
	costGlide      = 0.5  // y, w or h inserted or deleted
	costGlideVowel = 0.3  // i for y, u or o for w
	costKin        = 0.45 // q/k/g, b/p, f/v, s/z, d/t, j/zh
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
	case 'g'<<8 | 'k', 'k'<<8 | 'q', 'g'<<8 | 'q', 'b'<<8 | 'p', 'f'<<8 | 'v', 's'<<8 | 'z', 'd'<<8 | 't', 'j'<<8 | 'z':
		return costKin
	}
	if (isVowel(a) && isGlide(b)) || (isGlide(a) && isVowel(b)) {
		return costGlide
	}
	return costOther
}

// Distance is a weighted edit distance (with adjacent transpositions)
// between two romanised keys: vowel and glide differences cost less than
// other letters, and related consonants (q/k/g, b/p, ...) less than
// unrelated ones.
func Distance(a, b string) float64 {
	if a == b {
		return 0
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
		prev[j] = prev[j-1] + indelCost(b[j-1])
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = prev[0] + indelCost(a[i-1])
		for j := 1; j <= len(b); j++ {
			d := prev[j-1] + subCost(a[i-1], b[j-1])
			d = min(d, prev[j]+indelCost(a[i-1]), cur[j-1]+indelCost(b[j-1]))
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+costTranspose)
			}
			cur[j] = d
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// weight is the cost of deleting every letter of s.
func weight(s string) float64 {
	var w float64
	for i := 0; i < len(s); i++ {
		w += indelCost(s[i])
	}
	return w
}

// Similarity is 1 minus the weighted distance of two romanised keys over the
// weight of the heavier: 1 for equal keys, 0 for keys with nothing in common.
func Similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	w := max(weight(a), weight(b))
	if w == 0 {
		return 0
	}
	return max(0, 1-Distance(a, b)/w)
}

// MaxSimilarity is an upper bound of Similarity(a, b) that costs no more
// than the weights of the two keys: every letter one key has over the other
// costs at least a vowel's insertion.
func MaxSimilarity(a, b string) float64 {
	if a == b {
		return 1
	}
	w := max(weight(a), weight(b))
	if w == 0 {
		return 0
	}
	d := len(a) - len(b)
	if d < 0 {
		d = -d
	}
	return max(0, 1-costVowel*float64(d)/w)
}
