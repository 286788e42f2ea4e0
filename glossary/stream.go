package glossary

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// CSVStream reads CSV glossary files whose rows are grouped by entity (every
// row of an entity next to the others, as exonym export and exonym bench
// gen write them) without holding the glossary in memory: Check reads them
// once and validates them whole, keeping only their ids; Each reads them
// again and hands their entities over in batches. A glossary of a million
// entities takes about a gigabyte parsed; streamed, it takes its ids.
type CSVStream struct {
	fsys  fs.FS
	files []string // names in fsys
	shown []string // the same, as messages show them
}

// ErrNotGrouped is returned by Check when an entity's rows are not all
// next to each other: such a glossary can only be loaded whole (Load).
var ErrNotGrouped = errors.New("glossary: rows of an entity are not together")

// NewCSVStreamOS returns a stream over CSV files of the local disk, given by
// OS paths (files, or folders of .csv files). It reports an error for a
// path that cannot be read or holds a file of another format.
func NewCSVStreamOS(paths ...string) (*CSVStream, error) {
	s := &CSVStream{fsys: os.DirFS("/")}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("glossary: %w", err)
		}
		show := func(f string) string {
			rel, err := filepath.Rel(abs, filepath.Join("/", filepath.FromSlash(f)))
			if err != nil || rel == "." {
				return p
			}
			return filepath.Join(p, rel)
		}
		files, err := listFiles(s.fsys, strings.TrimPrefix(filepath.ToSlash(abs), "/"), show)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if !strings.EqualFold(filepath.Ext(f), ".csv") {
				return nil, fmt.Errorf("glossary: %s is not a CSV file; only CSV glossaries can be streamed", show(f))
			}
			s.files = append(s.files, f)
			s.shown = append(s.shown, show(f))
		}
	}
	return s, nil
}

// StreamStats are the figures Check finds.
type StreamStats struct {
	Entities, Names int
}

// Check reads every file and validates the glossary as Load would: the
// problems of each row and entity, and ids unique across the files. It
// returns ErrNotGrouped (wrapped) when an entity's rows are apart, and a
// *ValidationError listing every problem otherwise.
func (s *CSVStream) Check(ctx context.Context) (StreamStats, error) {
	var stats StreamStats
	var problems []Problem
	add := func(file string, line int, format string, args ...any) {
		problems = append(problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	type place struct {
		file string
		line int
	}
	first := map[string]place{}
	grouped := true
	err := s.each(ctx, add, func(e *source) bool {
		stats.Entities++
		stats.Names += len(e.Names)
		if !e.checkID(add) {
			return true
		}
		if prev, dup := first[e.ID]; dup {
			if prev.file == e.file {
				grouped = false
				return false
			}
			add(e.file, e.line, "duplicate id %q: first defined at %s:%d", e.ID, prev.file, prev.line)
			return true
		}
		first[e.ID] = place{e.file, e.line} // the id is a string of its own (see eachInFile)
		e.checkNames(add)
		return true
	})
	if err != nil {
		return StreamStats{}, err
	}
	if !grouped {
		return StreamStats{}, fmt.Errorf("%w: load it whole", ErrNotGrouped)
	}
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(a, b Problem) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		return StreamStats{}, &ValidationError{Problems: problems}
	}
	return stats, nil
}

// Each reads the files again and calls fn with their entities, at most
// batch at a time, in file order. Call it after Check has found no
// problem; fn may keep the entities it is given.
func (s *CSVStream) Each(ctx context.Context, batch int, fn func([]Entity) error) error {
	batch = max(batch, 1)
	var pending []Entity
	var fnErr error
	var problems []Problem
	add := func(file string, line int, format string, args ...any) {
		problems = append(problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	err := s.each(ctx, add, func(e *source) bool {
		pending = append(pending, e.Entity)
		if len(pending) == batch {
			fnErr = fn(pending)
			pending = make([]Entity, 0, batch)
		}
		return fnErr == nil
	})
	if err != nil {
		return err
	}
	if fnErr != nil {
		return fnErr
	}
	if len(problems) > 0 {
		// The files changed since Check.
		return &ValidationError{Problems: problems}
	}
	if len(pending) > 0 {
		return fn(pending)
	}
	return nil
}

// each reads the files and calls fn with each entity once its rows are
// read, until fn returns false.
func (s *CSVStream) each(ctx context.Context, add problemFunc, fn func(*source) bool) error {
	for i, name := range s.files {
		if err := s.eachInFile(ctx, name, s.shown[i], add, fn); err != nil {
			return err
		}
	}
	return nil
}

func (s *CSVStream) eachInFile(ctx context.Context, name, shown string, add problemFunc, fn func(*source) bool) error {
	f, err := s.fsys.Open(name)
	if err != nil {
		return fmt.Errorf("glossary: %s: %w", shown, unwrapPath(err))
	}
	defer f.Close()
	l := &Loader{} // for parseName's problems
	var cur *source
	stop := false
	flush := func() {
		if cur != nil && !stop {
			cur.trim()
			if !fn(cur) {
				stop = true
			}
		}
		cur = nil
	}
	var ctxErr error
	rows := 0
	readCSV(shown, bufio.NewReaderSize(f, 1<<20), func(line int, format string, args ...any) {
		add(shown, line, format, args...)
	}, func(row csvRow) bool {
		if rows++; rows%4096 == 0 {
			if ctxErr = ctx.Err(); ctxErr != nil {
				return false
			}
		}
		if cur == nil || cur.ID != row.id {
			flush()
			if stop {
				return false
			}
			cur = &source{file: shown, line: row.line}
			cur.ID, cur.Type, cur.Subtype = strings.Clone(row.id), row.typ, strings.Clone(row.subtype)
		} else if row.typ != TypeUnknown && cur.Type != row.typ {
			add(shown, row.line, "entity %q is %s here but %s on line %d", row.id, row.typ, cur.Type, cur.line)
		}
		if n, ok := l.parseName(shown, row.line, row.name); ok {
			cur.Names = append(cur.Names, n)
			cur.nameLines = append(cur.nameLines, row.line)
		}
		for _, p := range l.problems {
			add(p.File, p.Line, "%s", p.Msg)
		}
		l.problems = l.problems[:0]
		return true
	})
	if ctxErr != nil {
		return ctxErr
	}
	flush()
	return nil
}
