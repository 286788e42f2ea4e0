package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	exonymv1 "github.com/exonym/exonym/proto/exonym/v1"
)

// Workload names, in report order.
var Workloads = []string{
	"floor", "resolve-exact", "resolve-folded", "resolve-romanised", "resolve-skeleton",
	"resolve-fuzzy", "resolve-miss", "floor-stream", "stream", "search", "suggest",
}

// Result is one workload at one concurrency.
type Result struct {
	Name        string  `json:"name"`
	Concurrency int     `json:"concurrency"`
	Calls       int     `json:"calls"`
	P50us       float64 `json:"p50_us"`
	P90us       float64 `json:"p90_us"`
	P99us       float64 `json:"p99_us"`
	PerS        float64 `json:"per_s"`
	RatioP99    float64 `json:"ratio_p99"`
	RatioPerS   float64 `json:"ratio_per_s"`
}

// Accuracy is how well one Resolve workload's queries were answered, in
// percent: resolved to the entity they were drawn from (for misses, left
// unresolved), left unresolved (none confident, or ambiguous: generated
// names share words, so some are), and resolved to another entity.
type Accuracy struct {
	Name       string  `json:"name"`
	Queries    int     `json:"queries"`
	Right      float64 `json:"right_pct"`
	Unresolved float64 `json:"unresolved_pct"`
	Wrong      float64 `json:"wrong_pct"`
}

// Report is a whole benchmark run.
type Report struct {
	Entities  int        `json:"entities"`
	Names     int        `json:"names,omitempty"`
	Machine   string     `json:"machine,omitempty"`
	Build     string     `json:"build,omitempty"`
	Workloads []Result   `json:"workloads"`
	Accuracy  []Accuracy `json:"accuracy,omitempty"`
}

// RunOptions configure Run.
type RunOptions struct {
	Queries     []Query
	Concurrency []int         // clients at once; each workload runs at each
	Duration    time.Duration // per workload and concurrency; 0 means 2s
	MaxCalls    int           // per workload and concurrency; 0 means 200,000
	Floor       bool          // the server has the floor service (FloorUnary, FloorStream)
}

// Run measures every workload at every concurrency over conn.
func Run(ctx context.Context, conn *grpc.ClientConn, opts RunOptions) ([]Result, error) {
	if opts.Duration <= 0 {
		opts.Duration = 2 * time.Second
	}
	if opts.MaxCalls <= 0 {
		opts.MaxCalls = 200_000
	}
	byWorkload := map[string][]string{}
	for _, q := range opts.Queries {
		byWorkload[q.Workload] = append(byWorkload[q.Workload], q.Text)
	}
	names := client{conn: conn, nc: exonymv1.NewNameServiceClient(conn), health: healthpb.NewHealthClient(conn)}
	var results []Result
	warmed := map[string]bool{}
	for _, c := range opts.Concurrency {
		var floor, floorStream Result
		for _, w := range Workloads {
			texts := byWorkload[w]
			if w == "stream" || w == "floor-stream" {
				texts = byWorkload["resolve-exact"]
			}
			if w == "floor" {
				texts = []string{"Kirkuk"}
			}
			if w == "floor-stream" && !opts.Floor {
				continue
			}
			if len(texts) == 0 {
				continue
			}
			call, err := names.call(ctx, w, opts.Floor)
			if err != nil {
				return nil, err
			}
			if !warmed[w] && call.unary != nil {
				// Each query once, untimed, so that the first
				// concurrency does not pay for reading the index
				// into the page cache alone.
				warmed[w] = true
				for _, t := range texts {
					if err := call.unary(ctx, t); err != nil {
						return nil, fmt.Errorf("bench %s: warm-up: %w", w, err)
					}
				}
			}
			r, err := measure(ctx, w, c, texts, call, opts.Duration, opts.MaxCalls)
			if err != nil {
				return nil, fmt.Errorf("bench %s at %d: %w", w, c, err)
			}
			switch w {
			case "floor":
				floor = r
			case "floor-stream":
				floorStream = r
			}
			base := floor
			if w == "stream" && opts.Floor {
				base = floorStream
			}
			if base.P99us > 0 {
				r.RatioP99 = round2(r.P99us / base.P99us)
				r.RatioPerS = round2(r.PerS / base.PerS)
			}
			results = append(results, r)
		}
	}
	return results, nil
}

// Check resolves every query of the resolve workloads once and reports the
// share answered as the query file expects, so that a faster index is seen
// to answer as well as before.
func Check(ctx context.Context, conn *grpc.ClientConn, queries []Query) ([]Accuracy, error) {
	nc := exonymv1.NewNameServiceClient(conn)
	byWorkload := map[string][]Query{}
	for _, q := range queries {
		if strings.HasPrefix(q.Workload, "resolve-") {
			byWorkload[q.Workload] = append(byWorkload[q.Workload], q)
		}
	}
	var out []Accuracy
	for _, w := range Workloads {
		qs := byWorkload[w]
		if len(qs) == 0 {
			continue
		}
		var right, unresolved, wrong int
		for _, q := range qs {
			res, err := nc.Resolve(ctx, &exonymv1.ResolveRequest{Name: q.Text})
			if err != nil {
				return nil, fmt.Errorf("check %s %q: %w", w, q.Text, err)
			}
			switch res.GetResolvedId() {
			case q.Want:
				right++
			case "":
				unresolved++
			default:
				wrong++
			}
		}
		pct := func(n int) float64 { return round2(100 * float64(n) / float64(len(qs))) }
		out = append(out, Accuracy{Name: w, Queries: len(qs), Right: pct(right), Unresolved: pct(unresolved), Wrong: pct(wrong)})
	}
	return out, nil
}

// client makes one call of a workload.
type client struct {
	conn   *grpc.ClientConn
	nc     exonymv1.NameServiceClient
	health healthpb.HealthClient
}

// caller is a workload's call; for streams, open returns per-worker state.
type caller struct {
	unary func(ctx context.Context, text string) error
	// open starts a worker's stream and returns its send and receive.
	open func(ctx context.Context) (send func(string) error, recv func() error, closeSend func() error, err error)
}

func (c client) call(ctx context.Context, w string, floor bool) (caller, error) {
	switch w {
	case "floor":
		if floor {
			return caller{unary: func(ctx context.Context, text string) error {
				return c.conn.Invoke(ctx, FloorUnaryMethod, &exonymv1.ResolveRequest{Name: text}, new(exonymv1.ResolveResponse))
			}}, nil
		}
		return caller{unary: func(ctx context.Context, _ string) error {
			_, err := c.health.Check(ctx, &healthpb.HealthCheckRequest{})
			return err
		}}, nil
	case "search":
		return caller{unary: func(ctx context.Context, text string) error {
			_, err := c.nc.Search(ctx, &exonymv1.SearchRequest{Query: text, PageSize: 10})
			return err
		}}, nil
	case "suggest":
		return caller{unary: func(ctx context.Context, text string) error {
			_, err := c.nc.Suggest(ctx, &exonymv1.SuggestRequest{Prefix: text, Limit: 10})
			return err
		}}, nil
	case "stream", "floor-stream":
		return caller{open: func(ctx context.Context) (func(string) error, func() error, func() error, error) {
			var st grpc.ClientStream
			var err error
			if w == "floor-stream" {
				st, err = c.conn.NewStream(ctx, &floorStreamDesc, FloorStreamMethod)
			} else {
				st, err = c.conn.NewStream(ctx, &exonymv1.NameService_ServiceDesc.Streams[0], exonymv1.NameService_ResolveStream_FullMethodName)
			}
			if err != nil {
				return nil, nil, nil, err
			}
			send := func(text string) error {
				return st.SendMsg(&exonymv1.ResolveStreamRequest{Request: &exonymv1.ResolveRequest{Name: text}})
			}
			recv := func() error { return st.RecvMsg(new(exonymv1.ResolveStreamResponse)) }
			return send, recv, st.CloseSend, nil
		}}, nil
	}
	if strings.HasPrefix(w, "resolve-") {
		return caller{unary: func(ctx context.Context, text string) error {
			_, err := c.nc.Resolve(ctx, &exonymv1.ResolveRequest{Name: text})
			return err
		}}, nil
	}
	return caller{}, fmt.Errorf("unknown workload %q", w)
}

// measure runs a workload with c workers until the duration or the call
// budget is spent, and reports latency percentiles and throughput. For a
// stream each worker keeps up to 64 names in flight; latency is then the
// time from one name's send to its answer.
func measure(ctx context.Context, name string, c int, texts []string, call caller, d time.Duration, maxCalls int) (Result, error) {
	perWorker := max(1, maxCalls/c)
	lat := make([][]time.Duration, c)
	errs := make(chan error, c)
	var wg sync.WaitGroup
	ctx, cancel := context.WithTimeout(ctx, d+30*time.Second)
	defer cancel()
	start := time.Now()
	deadline := start.Add(d)
	for w := range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if call.open != nil {
				l, err := streamWorker(ctx, call, texts, w, perWorker, deadline)
				lat[w] = l
				if err != nil {
					errs <- err
				}
				return
			}
			for i := 0; i < perWorker && time.Now().Before(deadline); i++ {
				t0 := time.Now()
				if err := call.unary(ctx, texts[(w*7919+i)%len(texts)]); err != nil {
					errs <- err
					return
				}
				lat[w] = append(lat[w], time.Since(t0))
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	if err := <-errs; err != nil {
		return Result{}, err
	}
	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	if len(all) == 0 {
		return Result{}, fmt.Errorf("no call completed")
	}
	slices.Sort(all)
	pct := func(p float64) float64 {
		i := int(math.Ceil(p*float64(len(all)))) - 1
		return round2(float64(all[max(0, min(i, len(all)-1))]) / 1e3)
	}
	return Result{
		Name: name, Concurrency: c, Calls: len(all),
		P50us: pct(0.50), P90us: pct(0.90), P99us: pct(0.99),
		PerS: round2(float64(len(all)) / elapsed.Seconds()),
	}, nil
}

// streamWorker sends names on one stream, at most window ahead of the
// answers, and times each from send to answer.
func streamWorker(ctx context.Context, call caller, texts []string, w, n int, deadline time.Time) ([]time.Duration, error) {
	const window = 64
	send, recv, closeSend, err := call.open(ctx)
	if err != nil {
		return nil, err
	}
	sent := make(chan time.Time, window)
	sendErr := make(chan error, 1)
	go func() {
		defer close(sent)
		for i := 0; i < n && time.Now().Before(deadline); i++ {
			t := time.Now()
			if err := send(texts[(w*7919+i)%len(texts)]); err != nil {
				sendErr <- err
				return
			}
			sent <- t
		}
		sendErr <- closeSend()
	}()
	var lat []time.Duration
	for t := range sent {
		if err := recv(); err != nil {
			return lat, err
		}
		lat = append(lat, time.Since(t))
	}
	if err := <-sendErr; err != nil {
		return lat, err
	}
	return lat, nil
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// PrintMarkdown writes a report as a Markdown table.
func (r Report) PrintMarkdown(w io.Writer) {
	fmt.Fprintf(w, "%d entities", r.Entities)
	if r.Names > 0 {
		fmt.Fprintf(w, ", %d names", r.Names)
	}
	fmt.Fprintln(w)
	if r.Machine != "" {
		fmt.Fprintf(w, "machine: %s\n", r.Machine)
	}
	if r.Build != "" {
		fmt.Fprintf(w, "build: %s\n", r.Build)
	}
	fmt.Fprintln(w, "\n| workload | clients | calls | p50 µs | p90 µs | p99 µs | per s | p99 / floor | per s / floor |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, x := range r.Workloads {
		fmt.Fprintf(w, "| %s | %d | %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f |\n", x.Name, x.Concurrency, x.Calls, x.P50us, x.P90us, x.P99us, x.PerS, x.RatioP99, x.RatioPerS)
	}
	r.printAccuracy(w)
}

// printAccuracy writes the accuracy table of a report.
func (r Report) printAccuracy(w io.Writer) {
	if len(r.Accuracy) == 0 {
		return
	}
	fmt.Fprintln(w, "\n| workload | queries | as expected | unresolved or ambiguous | another entity |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|")
	for _, a := range r.Accuracy {
		fmt.Fprintf(w, "| %s | %d | %.1f%% | %.1f%% | %.1f%% |\n", a.Name, a.Queries, a.Right, a.Unresolved, a.Wrong)
	}
}

// PrintJSON writes a report as one JSON object.
func (r Report) PrintJSON(w io.Writer) error {
	return json.NewEncoder(w).Encode(r)
}

// ReadQueries reads a query file written by WriteQueries.
func ReadQueries(r io.Reader, file string) ([]Query, error) {
	var out []Query
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if strings.HasPrefix(sc.Text(), "#") || sc.Text() == "" {
			continue
		}
		if len(f) < 2 || f[1] == "" {
			return nil, fmt.Errorf("%s:%d: want workload<TAB>query[<TAB>expected id]", file, line)
		}
		q := Query{Workload: f[0], Text: f[1]}
		if len(f) > 2 {
			q.Want = f[2]
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return out, nil
}

// WriteQueries writes queries as workload<TAB>query<TAB>expected id.
func WriteQueries(w io.Writer, qs []Query) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# workload\tquery\texpected id (empty for a miss or a search)")
	for _, q := range qs {
		fmt.Fprintf(bw, "%s\t%s\t%s\n", q.Workload, q.Text, q.Want)
	}
	return bw.Flush()
}
