package server

import (
	"context"
	"io"
	"net"
	"os"
	"slices"
	"strings"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	rpb "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"
	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/index"
	exonymv1 "github.com/exonym/exonym/proto/exonym/v1"
	"github.com/exonym/exonym/seeds"
)

// start serves the seed glossary over an in-memory connection and returns
// a client connection; everything stops when the test ends.
func start(t *testing.T) *grpc.ClientConn {
	t.Helper()
	return startWith(t, nil)
}

// startWith is start with further services registered on the server.
func startWith(t *testing.T, register func(*grpc.Server)) *grpc.ClientConn {
	t.Helper()
	g, err := glossary.Load(seeds.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(t.Context(), g, index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	lis := bufconn.Listen(1 << 20)
	srv := New(Options{Index: ix, Register: register})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, lis) }()
	conn, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Close()
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
		ix.Close()
	})
	return conn
}

func TestResolveSeedArticleNames(t *testing.T) {
	c := exonymv1.NewNameServiceClient(start(t))
	for _, tt := range []struct{ name, want string }{
		{"Slemani", "place/sulaymaniyah"},
		{"السليمانية", "place/sulaymaniyah"},
		{"سلێمانی", "place/sulaymaniyah"},
		{"Perde", "place/altun-kupri"},
		{"Altun Kupri", "place/altun-kupri"},
		{"Daesh", "org/islamic-state"},
		{"ISIS", "org/islamic-state"},
		{"Kirkuk", "place/kirkuk"},
		{"كركوك", "place/kirkuk"},
		{"کەرکووک", "place/kirkuk"},
		{"Democratic Party of Kurdistan", "org/kdp"},
		{"Patriotic Union of Kurdistan", "org/puk"},
		{"Qassem Suleimani", "person/qasem-soleimani"},
		{"Haider Al-Abadi", "person/haider-al-abadi"},
		{"Massoud Barzani", "person/masoud-barzani"},
		{"Tal Afar", "place/tal-afar"},
		{"Hawija", "place/hawija"},
	} {
		resp, err := c.Resolve(t.Context(), &exonymv1.ResolveRequest{Name: tt.name})
		if err != nil {
			t.Fatalf("Resolve(%+q): %v", tt.name, err)
		}
		if resp.GetResolvedId() != tt.want {
			t.Errorf("Resolve(%+q) = %q, want %q", tt.name, resp.GetResolvedId(), tt.want)
		}
	}
	resp, err := c.Resolve(t.Context(), &exonymv1.ResolveRequest{Name: "Talabani"})
	if err != nil || !resp.GetAmbiguous() || resp.GetResolvedId() != "" || len(resp.GetCandidates()) < 2 {
		t.Errorf("Resolve(Talabani) = %v, %v; want ambiguous with candidates", resp, err)
	}
}

func TestBadInput(t *testing.T) {
	c := exonymv1.NewNameServiceClient(start(t))
	for _, tt := range []struct {
		what string
		req  *exonymv1.ResolveRequest
	}{
		{"empty name", &exonymv1.ResolveRequest{}},
		{"blank name", &exonymv1.ResolveRequest{Name: "   "}},
		{"long name", &exonymv1.ResolveRequest{Name: strings.Repeat("a", 1025)}},
		{"invalid UTF-8", &exonymv1.ResolveRequest{Name: "Kirk\xffuk"}},
		{"unknown type", &exonymv1.ResolveRequest{Name: "Kirkuk", Types: []exonymv1.EntityType{42}}},
		{"unspecified type", &exonymv1.ResolveRequest{Name: "Kirkuk", Types: []exonymv1.EntityType{0}}},
		{"bad lang", &exonymv1.ResolveRequest{Name: "Kirkuk", Lang: "not a language"}},
		{"negative limit", &exonymv1.ResolveRequest{Name: "Kirkuk", Limit: -1}},
	} {
		_, err := c.Resolve(t.Context(), tt.req)
		if status.Code(err) != codes.InvalidArgument || status.Convert(err).Message() == "" {
			t.Errorf("%s: err = %v, want InvalidArgument with a message", tt.what, err)
		}
	}
	_, err := c.GetEntity(t.Context(), &exonymv1.GetEntityRequest{Id: "place/atlantis"})
	if status.Code(err) != codes.NotFound {
		t.Errorf("GetEntity(unknown) = %v, want NotFound", err)
	}
	_, err = c.Search(t.Context(), &exonymv1.SearchRequest{Query: "Kirkuk", PageToken: "x"})
	if status.Code(err) != codes.InvalidArgument {
		t.Errorf("Search with a bad page token = %v, want InvalidArgument", err)
	}
}

func TestResolveStreamKeepsOrder(t *testing.T) {
	names := []string{"Erbil", "", "Mosul", "هەولێر", "Paris", "Kirkuk"}
	want := []string{"place/erbil", "error", "place/mosul", "place/erbil", "", "place/kirkuk"}
	if got := streamAnswers(t, names); !slices.Equal(got, want) {
		t.Errorf("stream answers = %q, want %q", got, want)
	}
}

// TestResolveStreamManyNames sends many more names than the stream has
// workers, so that they are answered by workers in turn, and checks that
// every answer comes in the order its name was sent.
func TestResolveStreamManyNames(t *testing.T) {
	cycle := []string{"Erbil", "Mosul", "Kirkuk", "", "Slemani", "Paris"}
	answers := []string{"place/erbil", "place/mosul", "place/kirkuk", "error", "place/sulaymaniyah", ""}
	var names, want []string
	for i := range 300 {
		names = append(names, cycle[i%len(cycle)])
		want = append(want, answers[i%len(answers)])
	}
	if got := streamAnswers(t, names); !slices.Equal(got, want) {
		t.Errorf("stream answers differ from the names' order:\ngot  %q\nwant %q", got, want)
	}
}

// streamAnswers sends names on one ResolveStream and returns, in the order
// received, each answer's resolved id ("error" for an error answer).
func streamAnswers(t *testing.T, names []string) []string {
	t.Helper()
	c := exonymv1.NewNameServiceClient(start(t))
	stream, err := c.ResolveStream(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for _, n := range names {
			if err := stream.Send(&exonymv1.ResolveStreamRequest{Request: &exonymv1.ResolveRequest{Name: n}}); err != nil {
				return
			}
		}
		stream.CloseSend()
	}()
	var got []string
	for {
		resp, err := stream.Recv()
		if err == io.EOF {
			return got
		}
		if err != nil {
			t.Fatal(err)
		}
		if resp.GetError() != "" {
			got = append(got, "error")
			continue
		}
		got = append(got, resp.GetResponse().GetResolvedId())
	}
}

func TestGetExpandTranslateSuggestSearchCompare(t *testing.T) {
	conn := start(t)
	c := exonymv1.NewNameServiceClient(conn)
	ctx := t.Context()

	e, err := c.GetEntity(ctx, &exonymv1.GetEntityRequest{Id: "place/kirkuk"})
	if err != nil || e.GetEntity().GetDisplayName() != "Kirkuk" || len(e.GetEntity().GetNames()) < 4 {
		t.Errorf("GetEntity(place/kirkuk) = %v, %v", e, err)
	}

	x, err := c.Expand(ctx, &exonymv1.ExpandRequest{Name: "Hewlêr"})
	if err != nil || len(x.GetExpansions()) != 1 || x.GetExpansions()[0].GetEntityId() != "place/erbil" {
		t.Fatalf("Expand(Hewlêr) = %v, %v", x, err)
	}
	langs := map[string]bool{}
	for _, v := range x.GetExpansions()[0].GetVariants() {
		langs[v.GetLang()] = true
	}
	for _, l := range []string{"en", "ar", "ckb", "kmr"} {
		if !langs[l] {
			t.Errorf("Expand(Hewlêr) has no %s variants: %v", l, x)
		}
	}
	if _, err := c.Expand(ctx, &exonymv1.ExpandRequest{Name: "Paris"}); status.Code(err) != codes.NotFound {
		t.Errorf("Expand(Paris) = %v, want NotFound", err)
	}

	tr, err := c.Translate(ctx, &exonymv1.TranslateRequest{Term: "Altun Kupri", TargetLangs: []string{"ar", "ckb", "tr"}})
	if err != nil || tr.GetEntityId() != "place/altun-kupri" || len(tr.GetTranslations()) != 3 {
		t.Fatalf("Translate(Altun Kupri) = %v, %v", tr, err)
	}
	if got := tr.GetTranslations()[1].GetText(); got != "پردێ" {
		t.Errorf("Translate(Altun Kupri) to ckb = %+q, want %+q", got, "پردێ")
	}
	if _, err := c.Translate(ctx, &exonymv1.TranslateRequest{Term: "Talabani"}); status.Code(err) != codes.FailedPrecondition {
		t.Errorf("Translate(Talabani) = %v, want FailedPrecondition (ambiguous)", err)
	}

	sg, err := c.Suggest(ctx, &exonymv1.SuggestRequest{Prefix: "سلێ"})
	if err != nil || len(sg.GetSuggestions()) == 0 {
		t.Errorf("Suggest(سلێ) = %v, %v", sg, err)
	}

	page1, err := c.Search(ctx, &exonymv1.SearchRequest{Query: "Barzani", PageSize: 2})
	if err != nil || len(page1.GetResults()) != 2 || page1.GetNextPageToken() == "" {
		t.Fatalf("Search(Barzani) page 1 = %v, %v", page1, err)
	}
	page2, err := c.Search(ctx, &exonymv1.SearchRequest{Query: "Barzani", PageSize: 2, PageToken: page1.GetNextPageToken()})
	if err != nil || len(page2.GetResults()) == 0 || page2.GetResults()[0].GetEntityId() == page1.GetResults()[0].GetEntityId() {
		t.Errorf("Search(Barzani) page 2 = %v, %v", page2, err)
	}

	cmp, err := c.Compare(ctx, &exonymv1.CompareRequest{A: "Qassem Suleimani", B: "قاسم سليماني"})
	if err != nil || !cmp.GetSame() || len(cmp.GetLevels()) == 0 {
		t.Errorf("Compare = %v, %v", cmp, err)
	}
}

func TestHealthAndReflection(t *testing.T) {
	conn := start(t)
	h, err := healthpb.NewHealthClient(conn).Check(t.Context(), &healthpb.HealthCheckRequest{Service: "exonym.v1.NameService"})
	if err != nil || h.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Errorf("health = %v, %v; want SERVING", h, err)
	}
	rc, err := rpb.NewServerReflectionClient(conn).ServerReflectionInfo(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if err := rc.Send(&rpb.ServerReflectionRequest{MessageRequest: &rpb.ServerReflectionRequest_ListServices{}}); err != nil {
		t.Fatal(err)
	}
	resp, err := rc.Recv()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range resp.GetListServicesResponse().GetService() {
		names = append(names, s.GetName())
	}
	if !slices.Contains(names, "exonym.v1.NameService") || !slices.Contains(names, "grpc.health.v1.Health") {
		t.Errorf("reflection lists %v", names)
	}
	rc.CloseSend()
}

func TestMain(m *testing.M) { os.Exit(m.Run()) }

// TestPanicIsAnInternalError checks that a call that panics is answered
// with codes.Internal and leaves the server serving.
func TestPanicIsAnInternalError(t *testing.T) {
	boom := grpc.ServiceDesc{
		ServiceName: "exonym.test.Boom",
		HandlerType: (*any)(nil),
		Methods: []grpc.MethodDesc{{
			MethodName: "Boom",
			Handler: func(_ any, ctx context.Context, dec func(any) error, interceptor grpc.UnaryServerInterceptor) (any, error) {
				in := new(emptypb.Empty)
				if err := dec(in); err != nil {
					return nil, err
				}
				panicking := func(context.Context, any) (any, error) { panic("a bug") }
				return interceptor(ctx, in, &grpc.UnaryServerInfo{FullMethod: "/exonym.test.Boom/Boom"}, panicking)
			},
		}},
	}
	conn := startWith(t, func(s *grpc.Server) { s.RegisterService(&boom, struct{}{}) })
	err := conn.Invoke(t.Context(), "/exonym.test.Boom/Boom", &emptypb.Empty{}, &emptypb.Empty{})
	if status.Code(err) != codes.Internal {
		t.Fatalf("a panicking call returned %v, want codes.Internal", err)
	}
	res, err := exonymv1.NewNameServiceClient(conn).Resolve(t.Context(), &exonymv1.ResolveRequest{Name: "Kirkuk"})
	if err != nil || res.GetResolvedId() != "place/kirkuk" {
		t.Fatalf("after the panic, Resolve(Kirkuk) = %v, %v; want place/kirkuk", res, err)
	}
}
