package index

import (
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

// ledByKey is a led-by phrase as romanised words, with each word's
// construct form before the next word (see constructForm; "" for none):
// بزعامة, bzama, is bzamat before a name.
type ledByKey struct {
	tokens, construct []string
	headAfter         bool
}

// at reports whether the query's words from i on are the phrase, each word
// as the phrase writes it or in its construct form.
func (k ledByKey) at(tokens []string, i int) bool {
	if i+len(k.tokens) > len(tokens) {
		return false
	}
	for j, w := range tokens[i : i+len(k.tokens)] {
		if w != k.tokens[j] && (k.construct[j] == "" || w != k.construct[j]) {
			return false
		}
	}
	return true
}

// ledByKeys are the led-by phrases romanised as a query's words are.
var ledByKeys = sync.OnceValue(func() []ledByKey {
	var out []ledByKey
	for _, p := range ledByPhrases {
		t := normalize.KeysOf(p.text).Tokens
		if len(t) == 0 {
			continue
		}
		construct := make([]string, len(t))
		for j, w := range t {
			construct[j] = constructForm(w)
		}
		out = append(out, ledByKey{t, construct, p.headAfter})
	}
	return out
})

// ledBySides returns, as bits of the query's romanised words (see
// nameMatch.met), the words on the side of a led-by phrase that names
// what is meant (head) and those on the side that names who leads it
// (leader), all 0 when the query has no such phrase; and near, the two
// words of the head's side nearest the phrase. What the phrase is said
// of stands right beside it (قوات الحشد الشعبي المدعومة من إيران, the
// PMF backed by Iran): a name further off on that side is a word of the
// sentence (نیروی هوایی ترکیه … اهداف وابسته به حزب کارگران کردستان, the
// Turkish air force … targets affiliated with the PKK: the targets are).
func ledBySides(q *prepared) (head, leader, near uint64) {
	tokens := q.keys.Tokens
	for _, k := range ledByKeys() {
		for i := 0; i+len(k.tokens) <= len(tokens) && i < 64; i++ {
			if !k.at(tokens, i) {
				continue
			}
			before := bit(i) - 1
			after := ^(bit(i+len(k.tokens)) - 1)
			if i+len(k.tokens) >= 64 {
				after = 0
			}
			if k.headAfter {
				end := i + len(k.tokens)
				return after, before, (bit(min(end, 63)) | bit(min(end+1, 63))) & after
			}
			return before, after, (bit(max(i-1, 0)) | bit(max(i-2, 0))) & before
		}
	}
	return 0, 0, 0
}
