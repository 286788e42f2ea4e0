package memstat

import (
	"os"
	"testing"
	"time"
)

func TestReadAndSample(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc on this system")
	}
	m := Read()
	if m.Peak <= 0 || m.RSS <= 0 || m.RSS > m.Peak || m.Anon+m.File > m.RSS+4096 {
		t.Errorf("Read() = %+v: want a peak at least the resident size, which is anonymous and file pages", m)
	}
	stop := Sample(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	if p := stop(); p.RSS <= 0 || p.Peak < p.RSS {
		t.Errorf("Sample = %+v", p)
	}
}
