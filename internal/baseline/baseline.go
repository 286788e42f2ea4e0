// Package baseline is what a search engineer would set up first to match
// names: a plain Bleve index of the glossary, each name analysed with
// Bleve's own standard, Arabic (ar) and Sorani (ckb) analyzers, queried with
// a fuzzy match query, the best hit taken as the answer. exonym's
// evaluation scores it beside exonym on the same rows.
package baseline

import (
	"context"
	"fmt"
	"os"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/lang/ckb"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/exonym/exonym/glossary"
)

// Index is the baseline index, in a temporary directory.
type Index struct {
	idx bleve.Index
	dir string
}

var fields = map[string]string{"name_std": standard.Name, "name_ar": ar.AnalyzerName, "name_ckb": ckb.AnalyzerName}

// Open builds the baseline index of g in a temporary directory.
func Open(ctx context.Context, g *glossary.Glossary) (*Index, error) {
	dir, err := os.MkdirTemp("", "exonym-baseline-")
	if err != nil {
		return nil, err
	}
	doc := bleve.NewDocumentStaticMapping()
	for f, an := range fields {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = an
		doc.AddFieldMappingsAt(f, fm)
	}
	for _, f := range []string{"entity", "type"} {
		fm := bleve.NewKeywordFieldMapping()
		fm.Analyzer = keyword.Name
		doc.AddFieldMappingsAt(f, fm)
	}
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	idx, err := bleve.New(dir, m)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	b := &Index{idx: idx, dir: dir}
	batch := idx.NewBatch()
	for _, e := range g.Entities {
		for i, n := range e.Names {
			d := map[string]any{"entity": e.ID, "type": e.Type.String()}
			for f := range fields {
				d[f] = n.Text
			}
			if err := batch.Index(fmt.Sprintf("%s#%d", e.ID, i), d); err != nil {
				b.Close()
				return nil, err
			}
		}
		if err := ctx.Err(); err != nil {
			b.Close()
			return nil, err
		}
	}
	if err := idx.Batch(batch); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// Resolve returns the entity of the best hit, if any, and "bleve" as how it
// matched.
func (b *Index) Resolve(ctx context.Context, name string, t glossary.Type) (string, string, error) {
	var qs []query.Query
	for f := range fields {
		mq := bleve.NewMatchQuery(name)
		mq.SetField(f)
		mq.SetFuzziness(1)
		mq.SetOperator(query.MatchQueryOperatorAnd)
		qs = append(qs, mq)
	}
	var q query.Query = bleve.NewDisjunctionQuery(qs...)
	if t != glossary.TypeUnknown {
		tq := bleve.NewTermQuery(t.String())
		tq.SetField("type")
		q = bleve.NewConjunctionQuery(q, tq)
	}
	req := bleve.NewSearchRequestOptions(q, 1, 0, false)
	req.Fields = []string{"entity"}
	res, err := b.idx.SearchInContext(ctx, req)
	if err != nil {
		return "", "", err
	}
	if len(res.Hits) == 0 {
		return "", "", nil
	}
	id, _ := res.Hits[0].Fields["entity"].(string)
	return id, "bleve", nil
}

// Close closes and removes the index.
func (b *Index) Close() error {
	err := b.idx.Close()
	os.RemoveAll(b.dir)
	return err
}
