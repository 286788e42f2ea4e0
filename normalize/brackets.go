package normalize

import (
	"strings"
	"unicode/utf8"
)

// A name is often written with a part in brackets: a gloss or another name
// of the same place (Kirkuk (Kerkûk), جزایر فالکلند (مالویناس)), or words
// that tell it from a namesake (Saint Martin (French part), Kirkuk (Iraq)).
// Such a part is written as separate from the name before it, so the index
// also reads the two apart (see Bracketed).

// openingBrackets and closingBrackets are round and square brackets,
// their full-width forms, and the ornate parentheses of Arabic typography.
const (
	openingBrackets = "([（［﴾"
	closingBrackets = ")]）］﴿"
)

func isOpening(r rune) bool { return strings.ContainsRune(openingBrackets, r) }
func isClosing(r rune) bool { return strings.ContainsRune(closingBrackets, r) }
func isBracket(r rune) bool { return isOpening(r) || isClosing(r) }

// HasBracket reports whether text has a bracket of any kind Bracketed
// reads. It is quick on text without one, as most names are: the
// full-width and ornate brackets all begin with the byte 0xEF in UTF-8.
func HasBracket(text string) bool {
	for _, b := range []byte("()[]") {
		if strings.IndexByte(text, b) >= 0 {
			return true
		}
	}
	return strings.IndexByte(text, 0xEF) >= 0 && strings.ContainsFunc(text, isBracket)
}

// Bracketed splits text into the words outside its brackets and the text
// inside each outermost pair of them, in order; both trimmed of spaces and
// of the commas that separated them. A pair nested inside another stays in
// the outer one's inside text. Brackets are read as a writer in a hurry
// means them: any closing bracket closes the innermost open one, one left
// open closes at the end of the text, and a closing bracket with none open
// is a space. Text without brackets, or with nothing inside them, gives ""
// and nil: it has no parts to read apart.
//
//	Bracketed("Saint Martin (French part)")    = "Saint Martin", ["French part"]
//	Bracketed("جزایر فالکلند(مالویناس)")         = "جزایر فالکلند", ["مالویناس"]
//	Bracketed("Cocos (Keeling) Islands")       = "Cocos Islands", ["Keeling"]
//	Bracketed("(Kerkûk)")                      = "", ["Kerkûk"]
//	Bracketed("Mosul (Iraq")                   = "Mosul", ["Iraq"]
func Bracketed(text string) (outside string, inside []string) {
	if !HasBracket(text) {
		return "", nil
	}
	var out strings.Builder
	depth := 0
	start := 0 // byte offset where the current outermost part began
	addPart := func(end int) {
		if part := trimPart(text[start:end]); part != "" {
			inside = append(inside, part)
		}
	}
	for i, r := range text {
		switch {
		case isOpening(r):
			if depth == 0 {
				start = i + utf8.RuneLen(r)
				out.WriteByte(' ')
			}
			depth++
		case isClosing(r) && depth > 0:
			depth--
			if depth == 0 {
				addPart(i)
			}
		case isClosing(r):
			out.WriteByte(' ')
		case depth == 0:
			out.WriteRune(r)
		}
	}
	if depth > 0 {
		addPart(len(text))
	}
	if len(inside) == 0 {
		return "", nil
	}
	return trimPart(strings.Join(strings.Fields(out.String()), " ")), inside
}

// trimPart trims spaces and separating commas (Latin and Arabic) from both
// ends of a part.
func trimPart(s string) string {
	return strings.Trim(s, " \t\n\r"+commaSeparators)
}

// Commas too set parts of a name apart: a place and the larger one it is in
// (Kirkuk, Iraq), an inverted official name (Korea, Republic of; Taiwan,
// Province of China), a list of the places a territory joins (Saint
// Helena, Ascension and Tristan da Cunha).

// commaSeparators are the Latin and Arabic commas and semicolons.
const commaSeparators = ",،;؛"

// CommaParts returns the parts of text between its commas and semicolons
// (Latin and Arabic), trimmed, empty ones left out; nil when there are
// fewer than two.
//
//	CommaParts("Kirkuk, Iraq")              = ["Kirkuk", "Iraq"]
//	CommaParts("تايوان، محافظة صينيّة")        = ["تايوان", "محافظة صينيّة"]
//	CommaParts("Kirkuk")                    = nil
func CommaParts(text string) []string {
	var parts []string
	for part := range strings.FieldsFuncSeq(text, func(r rune) bool { return strings.ContainsRune(commaSeparators, r) }) {
		if part = strings.TrimSpace(part); part != "" {
			parts = append(parts, part)
		}
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}
