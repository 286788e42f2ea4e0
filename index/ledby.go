package index

import (
	"slices"
	"sync"

	"github.com/exonym/exonym/normalize"
)

// ledByPhrases are the words news writes between an organisation and the
// person who leads it when the organisation is what it names: State of
// Law, led by Nouri al-Maliki; قائمة دولة القانون التي يرأسها نوري
// المالكي; ائتلاف دولت قانون به رهبری نوری مالکی. The name after them
// is said of the name before. Turkish writes the leader first (Maliki
// liderliğindeki Hukuk Devleti): headAfter.
var ledByPhrases = []struct {
	text      string
	headAfter bool
}{
	{"led by", false}, {"headed by", false}, {"chaired by", false}, {"commanded by", false}, {"founded by", false},
	{"بقيادة", false}, {"برئاسة", false}, {"بزعامة", false}, {"التي يرأسها", false}, {"الذي يرأسه", false},
	{"التي يتزعمها", false}, {"الذي يتزعمه", false}, {"التي يقودها", false}, {"الذي يقوده", false},
	{"به رهبری", false}, {"به ریاست", false}, {"به فرماندهی", false},
	{"بە سەرۆکایەتی", false}, {"بە سەرکردایەتی", false},
	{"bi serokatiya", false}, {"bi pêşengiya", false},
	{"liderliğindeki", true}, {"önderliğindeki", true}, {"başkanlığındaki", true},
	// Backed by, affiliated with, loyal or close to: the name after
	// them is as much context as a leader's (قوات الحشد الشعبي المدعومة
	// من إيران; هێزەکانی سەر بە یەکێتی; İran destekli Haşdi Şabi; PKK'ya
	// bağlı YBŞ; Musul kentine bağlı Sincar ilçesi).
	{"backed by", false}, {"supported by", false}, {"funded by", false}, {"sponsored by", false},
	{"affiliated with", false}, {"affiliated to", false}, {"allied with", false}, {"allied to", false},
	{"loyal to", false}, {"close to", false},
	{"المدعومة من", false}, {"المدعوم من", false}, {"الموالية", false}, {"الموالي", false}, {"التابعة", false},
	{"التابع", false}, {"المقربة من", false}, {"المقرب من", false},
	{"سەر بە", false}, {"نزیک لە", false},
	{"girêdayî", false}, {"nêzî", false},
	{"وابسته به", false}, {"مورد حمایت", false}, {"نزدیک به", false},
	{"destekli", true}, {"bağlı", true}, {"yakın", true},
}

// ledByKey is a led-by phrase as romanised words.
type ledByKey struct {
	tokens    []string
	headAfter bool
}

// ledByKeys are the led-by phrases romanised as a query's words are.
var ledByKeys = sync.OnceValue(func() []ledByKey {
	var out []ledByKey
	for _, p := range ledByPhrases {
		if t := normalize.KeysOf(p.text).Tokens; len(t) > 0 {
			out = append(out, ledByKey{t, p.headAfter})
		}
	}
	return out
})

// ledBySides returns, as bits of the query's romanised words (see
// nameMatch.met), the words on the side of a led-by phrase that names
// what is meant (head) and those on the side that names who leads it
// (leader); both 0 when the query has no such phrase.
func ledBySides(q *prepared) (head, leader uint64) {
	tokens := q.keys.Tokens
	for _, k := range ledByKeys() {
		for i := 0; i+len(k.tokens) <= len(tokens) && i < 64; i++ {
			if !slices.EqualFunc(tokens[i:i+len(k.tokens)], k.tokens, sameOrConstruct) {
				continue
			}
			before := bit(i) - 1
			after := ^(bit(i+len(k.tokens)) - 1)
			if i+len(k.tokens) >= 64 {
				after = 0
			}
			if k.headAfter {
				return after, before
			}
			return before, after
		}
	}
	return 0, 0
}

// sameOrConstruct reports whether a query's romanised word is the word of
// a phrase, or its construct form before the next word (بزعامة, bzama,
// is bzamat before a name; see constructForm).
func sameOrConstruct(word, key string) bool {
	if word == key {
		return true
	}
	// constructForm without building it: key, then t, after a final a.
	n := len(key)
	return n > 0 && key[n-1] == 'a' && len(word) == n+1 && word[n] == 't' && word[:n] == key
}
