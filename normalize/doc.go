// Package normalize turns a name as written into match keys, one per level:
//
//	canonical  Unicode NFKC, spaces, apostrophes and dashes made one form,
//	           bidi and format controls removed, Sorani ه+ZWNJ written ە
//	folded     case folded, Latin diacritics, Arabic harakat and tatweel
//	           removed, Arabic-script letter variants unified
//	stripped   articles and clitics (ال, al-, as-, ...) dropped, apostrophes
//	           and hyphens dropped, spaces removed
//	romanised  Arabic script (ar, ckb, fa) and Latin (English, Kurmanji,
//	           Turkish, published romanisations) written in one Latin key space
//	skeleton   consonants only, in sound classes (q/k/g, s/th, z/dh, ...)
//
// Every function is pure and safe for concurrent use. Keys are compared as
// strings; Similarity and Distance compare romanised forms with a cost model
// that knows which differences are spelling variants and which are not.
//
// Where a rule differs from Bleve's ar, ckb or fa normalisers, the comment at
// that rule says how and why: those three disagree on ي/ی and ك/ک (Sorani and
// Persian convert in opposite directions, Arabic leaves them), so none of them
// can give a key shared across languages.
package normalize
