package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/index"
	"github.com/exonym/exonym/internal/baseline"
	"github.com/exonym/exonym/internal/eval"
	"github.com/exonym/exonym/normalize"
	exonymv1 "github.com/exonym/exonym/proto/exonym/v1"
)

func runCheck(ctx context.Context, std stdio, args []string) error {
	fs := newFlags(std, "check")
	var paths stringList
	fs.Var(&paths, "glossary", "glossary file or folder; repeatable; default: the embedded glossary")
	if err := parse(fs, std, args); err != nil {
		return err
	}
	g, err := loadGlossary(paths)
	if err != nil {
		return fmt.Errorf("exonym check: %w", err)
	}
	byType := map[glossary.Type]int{}
	byLang := map[string]int{}
	for _, e := range g.Entities {
		byType[e.Type]++
		for _, n := range e.Names {
			byLang[n.Lang.String()+" ("+normalize.Script(n.Text)+")"]++
		}
	}
	fmt.Fprintf(std.out, "%d entities (%d places, %d persons, %d organisations), %d names\n\n",
		len(g.Entities), byType[glossary.TypePlace], byType[glossary.TypePerson], byType[glossary.TypeOrganization], g.NameCount())
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	slices.SortFunc(langs, func(a, b string) int { return byLang[b] - byLang[a] })
	fmt.Fprintln(std.out, "| language (script) | names |\n|---|---:|")
	for _, l := range langs {
		fmt.Fprintf(std.out, "| %s | %d |\n", l, byLang[l])
	}
	var seats, shared []glossary.Collision
	for _, c := range g.Collisions(normalize.Folded) {
		if seatOnly(g, c) {
			seats = append(seats, c)
		} else {
			shared = append(shared, c)
		}
	}
	fmt.Fprintf(std.out, "\n%d folded names are shared by a city or town and the district or governorate it is the capital of (the bare name means the capital).\n", len(seats))
	fmt.Fprintf(std.out, "%d other folded names are shared by several entities:\n", len(shared))
	for _, c := range shared {
		fmt.Fprintf(std.out, "  %s\t%s\n", strings.Join(c.Names, " / "), strings.Join(c.Entities, " "))
	}
	return nil
}

// seatOnly reports whether every entity sharing a name is, or has as its
// capital, one entity of the group: a town and its district.
func seatOnly(g *glossary.Glossary, c glossary.Collision) bool {
	for _, capital := range c.Entities {
		e, _ := g.Get(capital)
		seats := e.Related("capital-of")
		all := true
		for _, id := range c.Entities {
			if id != capital && !slices.Contains(seats, id) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

func runExport(ctx context.Context, std stdio, args []string) error {
	fs := newFlags(std, "export")
	var paths stringList
	fs.Var(&paths, "glossary", "glossary file or folder; repeatable; default: the embedded glossary")
	format := fs.String("format", "csv", "csv (one row per name: id,type,lang,kind,text,note) or yaml")
	out := fs.String("out", "", "file to write (default: standard output); written whole or not at all")
	if err := parse(fs, std, args); err != nil {
		return err
	}
	if *format != "csv" && *format != "yaml" {
		return &usageError{fmt.Sprintf("export: --format %q: want csv or yaml", *format)}
	}
	g, err := loadGlossary(paths)
	if err != nil {
		return fmt.Errorf("exonym export: %w", err)
	}
	write := func(w io.Writer) error {
		if *format == "yaml" {
			recs := make([]glossary.EntityRecord, len(g.Entities))
			for i := range g.Entities {
				recs[i] = g.Entities[i].Record()
			}
			b, err := yaml.Marshal(recs)
			if err != nil {
				return err
			}
			_, err = w.Write(b)
			return err
		}
		cw := csv.NewWriter(w)
		cw.Write([]string{"id", "type", "lang", "kind", "text", "note"})
		for _, e := range g.Entities {
			for _, n := range e.Names {
				cw.Write([]string{e.ID, e.Type.String(), n.Lang.String(), n.Kind.String(), n.Text, n.Note})
			}
		}
		cw.Flush()
		return cw.Error()
	}
	if *out == "" {
		bw := bufio.NewWriter(std.out)
		if err := write(bw); err != nil {
			return fmt.Errorf("exonym export: %w", err)
		}
		return bw.Flush()
	}
	// Write beside the target, then rename: a failure leaves no half file.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".exonym-export-*")
	if err != nil {
		return fmt.Errorf("exonym export: %w", err)
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Close()
	} else {
		tmp.Close()
	}
	if err == nil {
		err = os.Rename(tmp.Name(), *out)
	}
	if err != nil {
		return fmt.Errorf("exonym export: %s: %w", *out, err)
	}
	return nil
}

func runEval(ctx context.Context, std stdio, args []string) error {
	fs := newFlags(std, "eval")
	addr := fs.String("addr", "", "evaluate a running exonym serve at this address (default: an in-process index of --glossary)")
	var paths stringList
	fs.Var(&paths, "glossary", "glossary file or folder for the in-process index; repeatable; default: the embedded glossary")
	base := fs.Bool("baseline", false, "also score a plain Bleve index of the same glossary (standard, ar and ckb analyzers, fuzzy query), side by side")
	failures := fs.Bool("failures", true, "list the failing rows")
	if err := parse(fs, std, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &usageError{"eval: want at least one FILE.tsv (see `exonym eval --help`)"}
	}
	var rows []eval.Row
	for _, f := range fs.Args() {
		fh, err := os.Open(f)
		if err != nil {
			return fmt.Errorf("exonym eval: %w", err)
		}
		r, err := eval.Parse(fh, f)
		fh.Close()
		if err != nil {
			return fmt.Errorf("exonym eval: %w", err)
		}
		rows = append(rows, r...)
	}
	var resolve eval.Resolver
	var g *glossary.Glossary
	if *addr != "" {
		conn, client, err := dial(*addr)
		if err != nil {
			return err
		}
		defer conn.Close()
		resolve = grpcResolver(client, *addr)
	} else {
		var err error
		g, err = loadGlossary(paths)
		if err != nil {
			return fmt.Errorf("exonym eval: %w", err)
		}
		ix, err := index.Open(ctx, g, index.Options{})
		if err != nil {
			return fmt.Errorf("exonym eval: %w", err)
		}
		defer ix.Close()
		resolve = indexResolver(ix)
	}
	rep, err := eval.Run(ctx, rows, resolve)
	if err != nil {
		return fmt.Errorf("exonym eval: %w", err)
	}
	fmt.Fprintln(std.out, "## exonym")
	rep.Print(std.out, *failures)
	if !*base {
		return nil
	}
	if g == nil {
		if g, err = loadGlossary(paths); err != nil {
			return fmt.Errorf("exonym eval: %w", err)
		}
	}
	bl, err := baseline.Open(ctx, g)
	if err != nil {
		return fmt.Errorf("exonym eval: baseline: %w", err)
	}
	defer bl.Close()
	brep, err := eval.Run(ctx, rows, func(ctx context.Context, r eval.Row) (eval.Answer, error) {
		id, match, err := bl.Resolve(ctx, r.Query, r.Type)
		return eval.Answer{ResolvedID: id, TopID: id, Match: match}, err
	})
	if err != nil {
		return fmt.Errorf("exonym eval: baseline: %w", err)
	}
	fmt.Fprintln(std.out, "\n## baseline: plain Bleve (standard, ar, ckb analyzers; fuzzy query)")
	brep.Print(std.out, false)
	fmt.Fprintln(std.out, "\n## side by side (accuracy)")
	eval.SideBySide(std.out, rep, brep)
	return nil
}

func indexResolver(ix *index.Index) eval.Resolver {
	return func(ctx context.Context, r eval.Row) (eval.Answer, error) {
		q := index.Query{Text: r.Query}
		if r.Type != glossary.TypeUnknown {
			q.Types = []glossary.Type{r.Type}
		}
		if r.Lang != "" {
			tag, err := glossary.ParseLang(r.Lang)
			if err != nil {
				return eval.Answer{}, err
			}
			q.Lang = tag
		}
		res, err := ix.Resolve(ctx, q)
		if err != nil {
			return eval.Answer{}, err
		}
		a := eval.Answer{ResolvedID: res.ResolvedID, Ambiguous: res.Ambiguous}
		if len(res.Candidates) > 0 {
			a.TopID, a.Match = res.Candidates[0].EntityID, res.Candidates[0].Match.String()
		}
		return a, nil
	}
}

func grpcResolver(client exonymv1.NameServiceClient, addr string) eval.Resolver {
	return func(ctx context.Context, r eval.Row) (eval.Answer, error) {
		req := &exonymv1.ResolveRequest{Name: r.Query, Lang: r.Lang}
		switch r.Type {
		case glossary.TypePlace:
			req.Types = []exonymv1.EntityType{exonymv1.EntityType_ENTITY_TYPE_PLACE}
		case glossary.TypePerson:
			req.Types = []exonymv1.EntityType{exonymv1.EntityType_ENTITY_TYPE_PERSON}
		case glossary.TypeOrganization:
			req.Types = []exonymv1.EntityType{exonymv1.EntityType_ENTITY_TYPE_ORGANIZATION}
		}
		resp, err := client.Resolve(ctx, req)
		if err != nil {
			return eval.Answer{}, callErr("eval", addr, err)
		}
		a := eval.Answer{ResolvedID: resp.GetResolvedId(), Ambiguous: resp.GetAmbiguous()}
		if c := resp.GetCandidates(); len(c) > 0 {
			a.TopID = c[0].GetEntityId()
			a.Match = strings.ToLower(strings.TrimPrefix(c[0].GetMatchKind().String(), "MATCH_KIND_"))
		}
		return a, nil
	}
}
