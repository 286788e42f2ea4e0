package bench

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/index"
	"github.com/exonym/exonym/seeds"
	"github.com/exonym/exonym/server"
)

func parts(t testing.TB) Parts {
	g, err := glossary.Load(seeds.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	return PartsOf(g)
}

func TestGenerateIsDeterministicAndValid(t *testing.T) {
	ps := parts(t)
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		g, err := NewGenerator(ps, 7)
		if err != nil {
			t.Fatal(err)
		}
		if err := g.WriteGlossary(buf, 500, nil); err != nil {
			t.Fatal(err)
		}
	}
	if a.String() != b.String() {
		t.Fatal("the same seed gave two glossaries")
	}
	l := glossary.NewLoader(nil)
	path := t.TempDir() + "/g.csv"
	if err := writeFile(path, a.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := l.AddOS(path); err != nil {
		t.Fatal(err)
	}
	g, err := l.Glossary()
	if err != nil {
		t.Fatalf("generated glossary does not load: %v", err)
	}
	if len(g.Entities) != 500 || g.NameCount() < 4*500 {
		t.Errorf("%d entities, %d names; want 500 and at least 2000", len(g.Entities), g.NameCount())
	}
}

// TestRunSmall runs every workload briefly against an in-process server:
// the benchmark itself must keep working.
func TestRunSmall(t *testing.T) {
	ps := parts(t)
	gen, err := NewGenerator(ps, 3)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	sample := NewSample(100, 3)
	if err := gen.WriteGlossary(&buf, 300, sample.Add); err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/g.csv"
	if err := writeFile(path, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	l := glossary.NewLoader(nil)
	if err := l.AddOS(path); err != nil {
		t.Fatal(err)
	}
	g, err := l.Glossary()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(t.Context(), g, index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(server.Options{Index: ix, Register: RegisterFloor, DrainTimeout: time.Second})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, lis) }()
	defer func() { cancel(); <-done }()
	conn, err := grpc.NewClient("passthrough:///"+lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	res, err := Run(t.Context(), conn, RunOptions{Queries: Queries(sample.Entities(), 3, 20), Concurrency: []int{1, 4}, Duration: 50 * time.Millisecond, MaxCalls: 200, Floor: true})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range res {
		seen[r.Name] = true
		if r.Calls == 0 || r.P99us < r.P50us || r.PerS <= 0 {
			t.Errorf("%s at %d: %+v", r.Name, r.Concurrency, r)
		}
	}
	for _, w := range Workloads {
		if !seen[w] {
			t.Errorf("workload %s did not run", w)
		}
	}
}

func FuzzReadQueries(f *testing.F) {
	f.Add("# c\nresolve-exact\tKirkuk\tplace/kirkuk\nsearch\tKir\n")
	f.Fuzz(func(t *testing.T, s string) {
		qs, err := ReadQueries(strings.NewReader(s), "q.tsv")
		if err != nil {
			return
		}
		for _, q := range qs {
			if q.Text == "" {
				t.Fatalf("query with no text: %+v", q)
			}
		}
	})
}
