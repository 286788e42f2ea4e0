// Package index keeps a glossary in a Bleve (scorch) index on disk and
// answers queries against it: Resolve, Search, Suggest and the lookups built
// on them.
//
// Each name of each entity is one Bleve document holding its match keys, one
// keyword field per normalisation level of package normalize, plus its
// romanised words and their skeletons for fuzzy and partial matches. A query
// goes through the same levels; Bleve finds the candidate names at every
// level at once, and ranking happens here in Go: the strictest level
// reached, the similarity of the romanised forms, how much of the query and
// of the name is covered, and the type and language hints. The decision
// (resolved, ambiguous or unknown) follows thresholds named in rank.go.
//
// An index directory holds one or more index generations and a CURRENT file
// naming the live one; a changed glossary is built into a new generation and
// CURRENT is replaced atomically, so a crash at any moment leaves an index
// that opens. A lock file keeps a second process out.
package index
