// Package seeds holds exonym's default glossary, embedded in the binary so
// that `exonym serve` works out of the box. The files are YAML in the format
// of docs/glossary-format.md.
package seeds

import "embed"

// FS holds the default glossary files at its root.
//
//go:embed *.yaml
var FS embed.FS
