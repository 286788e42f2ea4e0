package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinArticles are the romanised forms of the Arabic article, written as a
// separate word or joined by a hyphen: al-Mawsil, As Sulaymaniyah, ash-Sham.
var latinArticles = map[string]bool{
	"al": true, "el": true, "ul": true, "as": true, "ash": true, "ad": true, "adh": true,
	"an": true, "ar": true, "at": true, "ath": true, "az": true, "aș": true, "ac": true,
}

// arabicArticlePrefixes are the article ال and the one-letter conjunctions
// and prepositions that attach before it (و ب ل ف ك), longest first. ل+ال is
// written لل.
var arabicArticlePrefixes = []string{"وال", "بال", "فال", "كال", "ال", "لل"}

// Stripped returns the folded form of s with articles and clitics dropped:
// the Arabic article ال with the prefixes that attach before it (وال بال فال
// كال لل), and the Latin al-/el-/as-/ash-/ad-/an-/ar-/at-/az- when another
// word follows, and the French, Catalan and Italian elisions l', d', dell'
// before a vowel. Apostrophes are dropped and hyphens become spaces. Bleve's ar
// analyzer stems further (it also removes suffixes); that is too aggressive
// for names, so only the article goes.
//
//	Stripped("al-Mawsil")  == "mawsil"
//	Stripped("الموصل")     == "موصل"
//	Stripped("Shi’ite")    == "shiite"
//	Stripped("l'Irak")     == "irak"
func Stripped(s string) string {
	return strings.Join(stripTokens(Folded(s), false), " ")
}

// stripTokens splits a folded string into words, dropping apostrophes and
// splitting at hyphens, and removes articles. With keep, articles stay,
// joined to the word they belong to (Haider al-Abadi → "haider",
// "alabadi"): names are also romanised with the article fused into one word
// (Najmaldin for نجم الدين, Altun for التون, which only looks like an article),
// so the keys of both readings are kept.
func stripTokens(folded string, keep bool) []string {
	plain, kept := stripBoth(folded)
	if keep {
		return kept
	}
	return plain
}

// stripBoth is stripTokens without and with the articles, from one split
// of the words; kept is plain itself when the text has no article, as most
// names have none.
func stripBoth(folded string) (plain, kept []string) {
	words := joinSpacedLetters(strings.FieldsFunc(folded, func(r rune) bool { return r == ' ' || r == '-' }))
	plain = make([]string, 0, len(words))
	kept = make([]string, 0, len(words))
	same := true
	pendingArticle := ""
	for i, w := range words {
		w = stripCaseSuffix(w)
		w = stripElision(w)
		w = strings.ReplaceAll(w, "'", "")
		w = joinInitials(w)
		if w == "" {
			continue
		}
		if latinArticles[w] && i < len(words)-1 {
			pendingArticle += w
			same = false
			continue
		}
		p := StripArabicArticle(w)
		same = same && p == w
		plain = append(plain, p)
		kept = append(kept, pendingArticle+w)
		pendingArticle = ""
	}
	if same {
		return plain, plain
	}
	return plain, kept
}

// elisions are the French, Catalan and Italian articles and prepositions
// written with an apostrophe before a vowel: l'Irak, d'Erbil, dell'Iraq.
var elisions = []string{"l'", "d'", "dell'", "dall'", "nell'", "all'", "sull'"}

// stripElision drops an elided article or preposition from the start of a
// folded word when a word of three letters or more, beginning with a vowel
// or h, follows it (l'irak → irak, d'erbil → erbil); Ta'mim and Kata'ib
// keep their letters.
//
//	stripElision("d'erbil") == "erbil"
//	stripElision("l'aquila") == "aquila"
func stripElision(w string) string {
	for _, e := range elisions {
		rest, ok := strings.CutPrefix(w, e)
		if !ok || utf8.RuneCountInString(rest) < 3 {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune("aeiouh", r) {
			return rest
		}
	}
	return w
}

// minSpacedLetters is the fewest single letters in a row that
// joinSpacedLetters reads as one initialism.
const minSpacedLetters = 3

// joinSpacedLetters writes a run of minSpacedLetters or more words of one
// letter each as one word: Persian writes an initialism with spaces as
// often as with dots (پ ک ک, the PKK: پکک, as پ.ک.ک is). The Arabic and
// Persian conjunction و, a word of one letter, is not one of them.
//
//	joinSpacedLetters([]string{"مواضع", "پ", "ک", "ک"}) == []string{"مواضع", "پکک"}
func joinSpacedLetters(words []string) []string {
	single := func(w string) bool {
		r, size := utf8.DecodeRuneInString(w)
		return size == len(w) && unicode.IsLetter(r) && r != 'و'
	}
	var out []string
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && single(words[j]) {
			j++
		}
		if j-i >= minSpacedLetters {
			if out == nil {
				out = append(make([]string, 0, len(words)), words[:i]...)
			}
			out = append(out, strings.Join(words[i:j], ""))
			i = j
			continue
		}
		if out != nil {
			out = append(out, words[i:max(j, i+1)]...)
		}
		i = max(j, i+1)
	}
	if out == nil {
		return words
	}
	return out
}

// joinInitials writes an initialism with a dot after each letter as one
// word: p.k.k. and p.k.k as pkk, پ.ک.ک as پکک, u.s. as us. A word that is
// not single letters and dots is returned as it is.
//
//	joinInitials("p.k.k.") == "pkk"
//	joinInitials("st.")    == "st."
func joinInitials(w string) string {
	if !strings.Contains(w, ".") {
		return w
	}
	letters := make([]rune, 0, len(w)/2+1)
	wantDot := false
	for _, r := range w {
		switch {
		case r == '.' && wantDot:
			wantDot = false
		case r != '.' && !wantDot && unicode.IsLetter(r):
			letters = append(letters, r)
			wantDot = true
		default:
			return w // two letters in a row, or a dot out of place
		}
	}
	if len(letters) < 2 && wantDot {
		return w // one letter without its dot is no initialism
	}
	return string(letters)
}

// IsInitialism reports whether w is an initialism of three letters or
// more written with a dot after each (P.K.K., پ.ک.ک): letters the writer
// means one by one, however short the word they make. Two letters (P.K.)
// are as often a person's initials.
func IsInitialism(w string) bool {
	j := joinInitials(strings.ToLower(w))
	return j != strings.ToLower(w) && utf8.RuneCountInString(j) >= 3
}

// StripArabicArticle removes an article prefix (ال, with a conjunction or
// preposition joined before it: وال بال فال كال لل) from one Arabic-script
// word when a word of at least two letters remains; it returns the word as
// it is otherwise. الله is a word, not an article.
//
//	StripArabicArticle("والدور") == "دور"
//	StripArabicArticle("دور") == "دور"
func StripArabicArticle(w string) string {
	if w == "الله" || w == "لله" {
		return w
	}
	for _, p := range arabicArticlePrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
	}
	return w
}

// apostropheSuffixes are the endings Turkish writes after a proper name
// with an apostrophe (Kerkük'te, Erbil'de, Musul'un, IŞİD'in) and the
// English possessive ('s), as folded.
var apostropheSuffixes = map[string]bool{
	"s": true, "a": true, "e": true, "ya": true, "ye": true, "i": true, "u": true, "yi": true, "yu": true,
	"da": true, "de": true, "ta": true, "te": true, "dan": true, "den": true, "tan": true, "ten": true,
	"in": true, "un": true, "nin": true, "nun": true, "la": true, "le": true, "yla": true, "yle": true,
	"daki": true, "deki": true, "taki": true, "teki": true, "li": true, "lu": true,
	"ler": true, "lar": true, "liler": true, "lilar": true, "lular": true, "luler": true,
	// After a name ending in a possessive (Bölgesi, Yönetimi, Cephesi) a
	// case ending takes an n: Kürdistan Bölgesi'nde, Türkmen Cephesi'ne,
	// Yönetimi'nden, Partisi'ni.
	"nde": true, "nda": true, "nden": true, "ndan": true, "ne": true, "na": true, "ni": true, "nu": true,
	"ndeki": true, "ndaki": true,
	// The possessive after a name ending in a vowel, said or written,
	// alone or with a case ending (PKK'sı, PKK'sına, Hizbullah'ı is
	// above): the PKK of the Turks, Türk PKK'sı.
	"si": true, "su": true, "sina": true, "sine": true, "suna": true, "sune": true, "sini": true, "sunu": true,
	"sinin": true, "sunun": true, "sinda": true, "sinde": true, "sunda": true, "sunde": true,
	"sindan": true, "sinden": true, "sundan": true, "sunden": true,
}

// turkishSuffixFolder writes the Turkish letters of an ending as the
// folded level does, for the romanised level, which keeps them (DEAŞ'ın,
// Musul'ün, Kerkük'ü).
var turkishSuffixFolder = strings.NewReplacer("ı", "i", "ü", "u", "ö", "o", "ş", "s", "ç", "c", "ğ", "g")

// stripCaseSuffix drops a case ending written after an apostrophe when the
// name before it has at least four letters, or two when the ending is not
// a single vowel (KDP'nin, PKK's), so that Shi'a, Shi'i, Kata'ib and
// Ta'mim keep their apostrophes' letters.
func stripCaseSuffix(w string) string {
	i := strings.LastIndexByte(w, '\'')
	if i < 0 || !apostropheSuffixes[turkishSuffixFolder.Replace(w[i+1:])] {
		return w
	}
	stem, suffix := utf8.RuneCountInString(w[:i]), w[i+1:]
	if stem < 4 && (stem < 2 || len(suffix) == 1 && strings.Contains("aeiu", suffix)) {
		return w
	}
	return w[:i]
}
