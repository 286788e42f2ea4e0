package index

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
)

// buildOptions configure build.
type buildOptions struct {
	batchSize int                   // entities per Bleve batch
	progress  func(done, total int) // called after each batch, if set
	// keepSegments leaves the segments of the batches unmerged (see
	// compact), for tests of reading several.
	keepSegments bool
}

// build writes a new index of the entities feed gives at path. Entities go
// in batches; the documents of the next batch are made (their keys
// computed, on every core) while Bleve indexes the last.
//
// It returns the index and the encoded tables kept beside it.
func build(ctx context.Context, path string, feed entityFeed, opts buildOptions) (bleve.Index, tables, error) {
	batchSize, progress := opts.batchSize, opts.progress
	// Scorch's unsafe_batch would return from a batch before persisting
	// it, but its Close does not wait for what is still in memory, so
	// every batch is persisted before the next.
	idx, err := bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name, buildConfig(opts.keepSegments))
	if err != nil {
		return nil, tables{}, fmt.Errorf("index: create %s: %w", path, err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type chunk struct {
		from, to int
		docs     []*document.Document
		words    [][]string
		prefixes [][]prefixEntry
	}
	chunks := make(chan chunk, 1)
	var feedErr error // set before chunks is closed
	go func() {
		defer close(chunks)
		done := 0
		feedErr = feed.each(ctx, batchSize, func(es []glossary.Entity) error {
			c := chunk{from: done, to: done + len(es)}
			done += len(es)
			c.docs, c.words, c.prefixes = entityDocs(es)
			select {
			case chunks <- c:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	words := map[string]bool{}
	prefixes := newPrefixBuilder()
	for c := range chunks {
		if err := ctx.Err(); err != nil {
			idx.Close()
			return nil, tables{}, err
		}
		for _, ps := range c.prefixes {
			for _, p := range ps {
				prefixes.add(p)
			}
		}
		for _, ws := range c.words {
			for _, w := range ws {
				words[w] = true
			}
		}
		batch := idx.NewBatch()
		for _, d := range c.docs {
			if err := batch.IndexAdvanced(d); err != nil {
				idx.Close()
				return nil, tables{}, fmt.Errorf("index: entity %s: %w", d.ID(), err)
			}
		}
		if err := idx.Batch(batch); err != nil {
			idx.Close()
			return nil, tables{}, fmt.Errorf("index entities %d-%d: %w", c.from, c.to-1, err)
		}
		if progress != nil {
			progress(c.to, feed.entities)
		}
	}
	if err := cmp.Or(ctx.Err(), feedErr); err != nil {
		idx.Close()
		return nil, tables{}, err
	}
	if !opts.keepSegments {
		if err := compact(ctx, idx); err != nil {
			idx.Close()
			return nil, tables{}, err
		}
	}
	return idx, tables{prefixes: prefixes.encode(), typos: encodeTypoTable(slices.Collect(maps.Keys(words)))}, nil
}

// buildConfig is the scorch configuration of a build: its online merges
// take up to mergeFanIn segments at a time, in tiers mergeFanIn times
// larger, where Bleve's default takes ten. Every merge rewrites the
// documents it merges, and before the final merge into one segment (see
// compact) a document has been rewritten once per tier: with batches of
// 2,500 entities, three times at a million entities under the default
// plan, twice under this one. In process at a million entities it took a
// build from 5 min 3 s to 4 min 8 s (40 segments a merge: 4 min 19 s), for
// about 40 MiB more peak memory.
//
// With keepSegments (tests of reading several segments) the online merges
// wait for more segments than a test makes, so that a busy machine, where
// the merger catches up with the batches, still leaves several.
func buildConfig(keepSegments bool) map[string]any {
	perTier := mergeFanIn
	if keepSegments {
		perTier = keptSegmentsPerTier
	}
	return map[string]any{"scorchMergePlanOptions": map[string]any{
		"maxSegmentsPerTier":   perTier,
		"segmentsPerMergeTask": mergeFanIn,
		"tierGrowth":           float64(mergeFanIn),
	}}
}

// keptSegmentsPerTier is the most segments of one tier a build that keeps
// its segments leaves unmerged.
const keptSegmentsPerTier = 1000

// mergeFanIn is the most segments an online merge of a build takes, and
// the growth from one tier of segment sizes to the next.
const mergeFanIn = 20

// compact merges the index into one segment. Every term lookup visits
// each segment's dictionary, and a term is in the segment of its entity
// only, so each further segment is a walk that finds nothing: at a million
// entities a build leaves seven (four large), and one segment made exact
// and folded hits about a third faster and the throughput at 64 clients a
// fifth higher (docs/benchmarks.md), for about a minute more of build at a
// million entities (45 s beyond the merge of the last batches' small
// segments it replaces; README, Performance).
func compact(ctx context.Context, idx bleve.Index) error {
	adv, err := idx.Advanced()
	if err != nil {
		return fmt.Errorf("index: compact: %w", err)
	}
	sc, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	mo := mergeplan.SingleSegmentMergePlanOptions
	mo.SegmentsPerMergeTask = maxMergeSegments
	if err := sc.ForceMerge(ctx, &mo); err != nil {
		return fmt.Errorf("index: compact: %w", err)
	}
	return ctx.Err()
}

// maxMergeSegments is the most segments compact merges in one task: more
// than a build leaves, so that they are merged in one pass.
const maxMergeSegments = 100

// tables are the encoded tables a build keeps beside the Bleve index: the
// short prefixes' completions (see prefixBuilder) and the typo table (see
// typoTable).
type tables struct {
	prefixes, typos []byte
}

// entityDocs makes the documents of es, on every core, and returns the
// romanised words they hold that typos are looked for in, and their short
// prefixes' entries.
func entityDocs(es []glossary.Entity) ([]*document.Document, [][]string, [][]prefixEntry) {
	docs := make([]*document.Document, len(es))
	words := make([][]string, len(es))
	prefixes := make([][]prefixEntry, len(es))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(es); i += workers {
				docs[i], words[i], prefixes[i] = entityDoc(&es[i])
			}
		}()
	}
	wg.Wait()
	return docs, words, prefixes
}

// entityDoc is the document of one entity: the keys of all its names, one
// keyword field per level, its romanised words and their skeletons, and
// the stored record. It also returns the entity's romanised words that
// typos are looked for in, and its entries in the short prefixes' table.
func entityDoc(e *glossary.Entity) (*document.Document, []string, []prefixEntry) {
	keys := make([]normalize.Keys, len(e.Names))
	for i, n := range e.Names {
		keys[i] = normalize.KeysOf(n.Text)
	}
	d := document.NewDocument(e.ID)
	// Each field's terms go in one field of the document, separated by
	// termSep and split again by termsAnalyzer: a Bleve field per term
	// cost a third of a build in allocating and visiting fields.
	var fields [numKeyFields][]byte
	add := func(f keyField, terms ...string) {
		for _, t := range terms {
			if t == "" || strings.Contains(t, termSep) {
				continue
			}
			if len(fields[f]) > 0 {
				fields[f] = append(fields[f], termSep...)
			}
			fields[f] = append(fields[f], t...)
		}
	}
	if e.Type == glossary.TypePerson {
		for i, n := range e.Names {
			if n.Kind != glossary.KindAbbreviation {
				add(kSurname, surnameKeys(keys[i].Folded)...)
			}
		}
	}
	var fuzzy []string
	addFuzzy := func(w string) {
		if len(w) >= minFuzzy && !slices.Contains(fuzzy, w) {
			fuzzy = append(fuzzy, w)
		}
	}
	for i, k := range keys {
		add(kFolded, k.Folded)
		add(kStripped, k.Stripped...)
		add(kRomanised, k.Romanised...)
		if e.Names[i].Kind != glossary.KindAbbreviation {
			// A whole abbreviation is met only at the strict levels (see
			// matchKeys): its skeleton would bring its entity to every
			// query with the same consonants (SMR, SUMR, ISMR for
			// Samarra) to be scored and dropped. Its word skeletons stay:
			// they find it written with an ending (PDK’ê).
			add(kSkeleton, k.Skeleton...)
		}
		add(kTokens, k.Tokens...)
		add(kSkelTok, k.SkeletonTokens...)
		for _, t := range k.Tokens {
			addFuzzy(t)
		}
	}
	for f, terms := range fields {
		if len(terms) > 0 {
			d.AddField(document.NewTextFieldCustom(keyFieldNames[f], nil, terms, bindex.IndexField|bindex.SkipFreqNorm, termsAnalyzer{}))
		}
	}
	d.AddField(document.NewTextFieldCustom(fRecord, nil, encodeRecord(e, keys), bindex.StoreField, nil))
	return d, fuzzy, namePrefixes(e, keys)
}

// keyField numbers the keyword fields of an entity document, in the
// order of keyFieldNames.
type keyField int

const (
	kSurname keyField = iota
	kFolded
	kStripped
	kRomanised
	kSkeleton
	kTokens
	kSkelTok
	numKeyFields
)

// keyFieldNames are the index fields of the keyFields.
var keyFieldNames = [numKeyFields]string{fSurname, fFolded, fStripped, fRomanised, fSkeleton, fTokens, fSkelTok}

// termSep separates the terms of one keyword field in its value; a term
// that holds it (no key does: keys have no control characters) is left out.
const termSep = "\x00"

// termsAnalyzer makes a token of each term of a keyword field's value (the
// terms separated by termSep). Bleve counts a term said twice once, as the
// fields skip frequencies.
type termsAnalyzer struct{}

// Analyze implements analysis.Analyzer.
func (termsAnalyzer) Analyze(value []byte) analysis.TokenStream {
	n := bytes.Count(value, []byte(termSep)) + 1
	tokens := make([]analysis.Token, 0, n)
	stream := make(analysis.TokenStream, 0, n)
	for i, term := range bytes.Split(value, []byte(termSep)) {
		if len(term) == 0 {
			continue
		}
		tokens = append(tokens, analysis.Token{Term: term, Position: i + 1, Type: analysis.AlphaNumeric})
		stream = append(stream, &tokens[len(tokens)-1])
	}
	return stream
}

// minFuzzy is the shortest romanised word typos are looked for in; a
// shorter one is too close to too many others. From minFuzzy2 letters on,
// two typos are (Lihtenstayn for Liechtenstein).
const (
	minFuzzy  = 4
	minFuzzy2 = 8
)

// neighbourhood returns the forms of a word two words share when they are
// within one edit, or two for words of minFuzzy2 letters or more: the
// word's deletions, and theirs.
func neighbourhood(w string) []string {
	out := deletions(w)
	if len(w) < minFuzzy2 {
		return out
	}
	for _, d := range out[1:] {
		for _, dd := range deletions(d)[1:] {
			if !slices.Contains(out, dd) {
				out = append(out, dd)
			}
		}
	}
	return out
}

// deletions returns a romanised word and every form of it with one letter
// deleted: its deletion neighbourhood. Two words within one edit (a letter
// inserted, deleted or changed, or two swapped) share a form of their
// neighbourhoods, so a typo is found with a few exact term lookups and then
// verified by the weighted distance of ranking.
func deletions(w string) []string {
	if len(w) < minFuzzy {
		return nil
	}
	out := make([]string, 0, len(w)+1)
	out = append(out, w)
	for i := range len(w) {
		v := w[:i] + w[i+1:]
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// surnameKeys returns the folded family name of a person's name of two
// words or more, its last word, with and without an article joined to it
// (al-Abadi, abadi; الكاظمي, كاظمي), or its last two words when the last is
// bound to the one before (Abdul Mahdi); none for a name of one word.
func surnameKeys(folded string) []string {
	i := strings.LastIndexByte(folded, ' ')
	if i < 0 {
		return nil
	}
	last := folded[i+1:]
	// Abdul Mahdi, Abu Risha: the last word is bound to the one before it,
	// and the family name is both.
	if j := strings.LastIndexByte(folded[:i], ' '); boundNameWords()[folded[j+1:i]] {
		return []string{folded[j+1:]}
	}
	out := []string{last}
	for _, article := range []string{"al-", "el-", "ال"} {
		if rest, ok := strings.CutPrefix(last, article); ok && rest != "" {
			out = append(out, rest)
		}
	}
	return out
}
