// Package index keeps a glossary in a Bleve (scorch) index on disk and
// answers queries against it: Resolve, Search, Suggest and the lookups built
// on them.
//
// Each entity is one Bleve document holding the match keys of all its
// names, one keyword field per normalisation level of package normalize,
// its romanised words and their skeletons, and a stored record of the
// entity with its names' keys (record.go). Beside the documents, the index
// keeps two tables read in place: the best completions of short prefixes,
// for Suggest (prefixes.go), and the hashed deletion neighbourhoods of the
// distinct romanised words, through which typos are found (typos.go).
// Queries read the index below Bleve's query layer,
// by term lookups in the segments' dictionaries (snapshot.go): the query's
// keys level by level, strict to loose, then its words and their typos
// when nothing met it strongly (query.go). Ranking happens here in Go: the
// strictest level reached, the similarity of the romanised forms, how much
// of the query and of the name is covered, and the type and language
// hints. The decision (resolved, ambiguous or unknown) follows thresholds
// named in rank.go.
//
// An index directory holds one or more index generations and a CURRENT file
// naming the live one; an index records the fingerprint of the glossary it
// was built from, a changed glossary is built into a new generation and
// CURRENT is replaced atomically, so a crash at any moment leaves an index
// that opens. A lock file keeps a second process out.
package index
