package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"slices"
	"strconv"
	"strings"
)

// markerText is the first line of the Marker, and manifestHeader the
// line that starts its manifest.
const (
	markerText     = "This folder is the output of a factcheck build; the next build replaces it.\n"
	manifestHeader = "# Made by the build, not to be edited: fingerprint, size, path.\n"
)

// inputsPrefix starts the manifest's line that holds the fingerprint of
// the build's inputs (Build.SetInputs), empty when unknown.
const inputsPrefix = "# inputs "

// An entry is what the manifest records of one file.
type entry struct {
	fp   string // fingerprint: hex SHA-256 prefix, or File.ID
	size int64
}

// A manifest maps the output paths of a build to their entries.
type manifest map[string]entry

// fingerprint is the fingerprint of data.
func fingerprint(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:16])
}

// readManifest reads the manifest in the Marker at name, and the
// fingerprint of the inputs; nil when there is none (no Marker, or one
// written by a build without manifests) or it cannot be read whole, when
// the build makes a new folder.
func readManifest(name string) (m manifest, inputs string) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, ""
	}
	rest, ok := bytes.CutPrefix(b, []byte(markerText+manifestHeader+inputsPrefix))
	if !ok {
		return nil, ""
	}
	line, rest, ok := bytes.Cut(rest, []byte("\n"))
	if !ok {
		return nil, ""
	}
	if !bytes.HasSuffix(rest, []byte("\n")) && len(rest) > 0 {
		return nil, ""
	}
	inputs = string(line)
	// One string for all the lines: the entries' paths and IDs are
	// parts of it.
	text := string(rest)
	m = make(manifest, strings.Count(text, "\n"))
	for text != "" {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		fp, l, ok1 := strings.Cut(l, " ")
		size, p, ok2 := strings.Cut(l, " ")
		n, err := strconv.ParseInt(size, 10, 64)
		if !ok1 || !ok2 || err != nil || fp == "" || p == "" {
			return nil, ""
		}
		if p[0] == '"' {
			if p, err = strconv.Unquote(p); err != nil {
				return nil, ""
			}
		}
		m[p] = entry{fp, n}
	}
	return m, inputs
}

// bytes is the Marker holding m, its lines in path order, and the
// fingerprint of the inputs.
func (m manifest) bytes(inputs string) []byte {
	paths := make([]string, 0, len(m))
	for p := range m {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	b := make([]byte, 0, 64+len(paths)*80)
	b = append(b, markerText+manifestHeader+inputsPrefix...)
	b = append(b, inputs...)
	b = append(b, '\n')
	for _, p := range paths {
		e := m[p]
		b = append(b, e.fp...)
		b = append(b, ' ')
		b = strconv.AppendInt(b, e.size, 10)
		b = append(b, ' ')
		if p[0] == '"' || strings.ContainsAny(p, "\n\r") {
			b = strconv.AppendQuote(b, p)
		} else {
			b = append(b, p...)
		}
		b = append(b, '\n')
	}
	return b
}
