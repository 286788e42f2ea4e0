package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"
)

func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(t.Context(), stdio{strings.NewReader(stdin), &out, &errb}, args)
	code = exitCode(err, &errb)
	return out.String(), errb.String(), code
}

func TestUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "no command given"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"resolve", "--colour"}, 2, "flag provided but not defined: -colour"},
		{[]string{"resolve", "--type", "CITY", "Kirkuk"}, 2, `--type "CITY"`},
		{[]string{"get"}, 2, "want one entity id"},
		{[]string{"--help"}, 0, "Commands:"},
		{[]string{"resolve", "--help"}, 0, "Example:"},
		{[]string{"serve", "-h"}, 0, "-glossary"},
		{[]string{"serve", "--memory-limit", "lots"}, 2, `--memory-limit "lots"`},
		{[]string{"bench", "run", "--memory-limit", "-1GiB"}, 2, `--memory-limit "-1GiB"`},
	} {
		out, errs, code := runCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("exonym %q: exit %d, output %q; want exit %d and %q", tt.args, code, out+errs, tt.code, tt.want)
		}
	}
}

func TestServerDown(t *testing.T) {
	_, errs, code := runCLI(t, "", "resolve", "--addr", "127.0.0.1:1", "--timeout", "2s", "Kirkuk")
	if code != 1 || !strings.Contains(errs, "cannot reach 127.0.0.1:1") {
		t.Errorf("exit %d, stderr %q; want 1 and a message naming the address", code, errs)
	}
}

func TestCheckAndExport(t *testing.T) {
	out, errs, code := runCLI(t, "", "check")
	if code != 0 || !strings.Contains(out, "entities") {
		t.Fatalf("check: exit %d, %s%s", code, out, errs)
	}
	out, _, code = runCLI(t, "", "export", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "id,type,lang,kind,text,note\n") || !strings.Contains(out, "place/kirkuk,PLACE,ckb,PREFERRED,کەرکووک") {
		t.Errorf("export csv: exit %d, head %q", code, out[:min(len(out), 200)])
	}
	_, errs, code = runCLI(t, "", "check", "--glossary", "../../glossary/testdata/bad/entities.yaml")
	if code != 1 || !strings.Contains(errs, "entities.yaml:5:") {
		t.Errorf("check of a bad file: exit %d, stderr %q; want file:line", code, errs)
	}
}

// TestBinary builds the real binary, serves the embedded glossary on a
// loopback port, resolves names through the CLI, and stops it with SIGTERM.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := filepath.Join(t.TempDir(), "exonym")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	srv := exec.CommandContext(ctx, bin, "serve", "--addr", "127.0.0.1:0", "--data", t.TempDir())
	stderr, err := srv.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Process.Kill()
	addrRe := regexp.MustCompile(`msg=serving addr=(\S+)`)
	lines := bufio.NewScanner(stderr)
	addr := ""
	for addr == "" && lines.Scan() {
		if m := addrRe.FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatal("serve did not log its address")
	}
	go func() {
		for lines.Scan() { // drain the log
		}
	}()

	out, err := exec.CommandContext(ctx, bin, "resolve", "--addr", addr, "--json",
		"Slemani", "السليمانية", "سلێمانی", "Perde", "Altun Kupri", "Daesh", "ISIS", "Kirkuk", "كركوك", "کەرکووک").Output()
	if err != nil {
		t.Fatalf("resolve: %v", err)
	}
	want := []string{"place/sulaymaniyah", "place/sulaymaniyah", "place/sulaymaniyah", "place/altun-kupri", "place/altun-kupri",
		"org/islamic-state", "org/islamic-state", "place/kirkuk", "place/kirkuk", "place/kirkuk"}
	got := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(got) != len(want) {
		t.Fatalf("resolve printed %d lines, want %d:\n%s", len(got), len(want), out)
	}
	for i, line := range got {
		if !strings.Contains(line, `"resolved_id":"`+want[i]+`"`) {
			t.Errorf("line %d = %s, want resolved_id %s", i+1, line, want[i])
		}
	}

	// Names on stdin go through ResolveStream, answered in order.
	cmd := exec.CommandContext(ctx, bin, "resolve", "--addr", addr)
	cmd.Stdin = strings.NewReader("Hewlêr\nTalabani\nParis\n")
	out, err = cmd.Output()
	if err != nil {
		t.Fatalf("resolve from stdin: %v", err)
	}
	rows := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(rows) != 4 || !strings.Contains(rows[1], "place/erbil") || !strings.Contains(rows[2], "(ambiguous)") || !strings.Contains(rows[3], "(no match)") {
		t.Errorf("resolve from stdin printed:\n%s", out)
	}

	if err := srv.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := srv.Wait(); err != nil {
		t.Errorf("serve did not stop cleanly on SIGTERM: %v", err)
	}
}

func TestMain(m *testing.M) { os.Exit(m.Run()) }

func TestSetMemoryLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	for _, tt := range []struct {
		in   string
		want int64
	}{
		{"1536MiB", 1536 << 20},
		{"2GiB", 2 << 30},
		{"1.5GiB", 3 << 29},
		{"65536", 65536},
		{"512KiB", 512 << 10},
	} {
		if err := setMemoryLimit(tt.in); err != nil {
			t.Errorf("setMemoryLimit(%q) = %v", tt.in, err)
			continue
		}
		if got := debug.SetMemoryLimit(-1); got != tt.want {
			t.Errorf("setMemoryLimit(%q) set %d, want %d", tt.in, got, tt.want)
		}
	}
}
