// Package memstat reads the memory a process holds, from /proc (Linux):
// for build and benchmark reports.
package memstat

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// Memory is what the process holds in memory, from /proc (Linux); zero
// where unknown.
type Memory struct {
	Peak int64 // the most resident at once (VmHWM)
	RSS  int64 // resident now
	Anon int64 // of RSS, the heap and stacks
	File int64 // of RSS, pages of mapped files (the index segments)
}

// Sample reads the process's memory every interval until the
// returned function is called, which stops it and returns the largest
// figures seen (each the largest on its own).
func Sample(interval time.Duration) func() Memory {
	stop := make(chan struct{})
	done := make(chan Memory, 1)
	go func() {
		var peak Memory
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			m := Read()
			peak.Peak, peak.RSS = max(peak.Peak, m.Peak), max(peak.RSS, m.RSS)
			peak.Anon, peak.File = max(peak.Anon, m.Anon), max(peak.File, m.File)
			select {
			case <-stop:
				done <- peak
				return
			case <-t.C:
			}
		}
	}()
	return func() Memory {
		close(stop)
		return <-done
	}
}

// Read reads the process's memory figures.
func Read() Memory {
	var m Memory
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return m
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmHWM:":
			m.Peak = kb * 1024
		case "VmRSS:":
			m.RSS = kb * 1024
		case "RssAnon:":
			m.Anon = kb * 1024
		case "RssFile:":
			m.File = kb * 1024
		}
	}
	return m
}
