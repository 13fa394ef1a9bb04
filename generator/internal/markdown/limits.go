package markdown

import (
	"bytes"
	"fmt"
)

// Goldmark, and this package's transformer, take time that grows with
// the square of the size of some constructs that no real text has in
// numbers: a file made to be slow (a pull request from a stranger) could
// hold a build for minutes. tooSlow looks for them first, in one pass
// each, and the file is reported instead of parsed. Each limit is far
// above what an editor writes, and what it allows parses in well under a
// second.
const (
	// MaxDepth is how deep block quotes and lists may be nested, on one
	// line or by indentation: 100,000 levels on a line took minutes,
	// 3,000 by indentation (9 MB) a minute; 500 by indentation (250 kB)
	// take a quarter of a second.
	MaxDepth = 500
	// MaxBrackets is how deep square brackets may be nested in a
	// paragraph: 300,000 took 7 s, 1,000,000 a minute.
	MaxBrackets = 10000
	// MaxFootnotes is how many footnote references and notes ("[^")
	// a document may have: 50,000 took 17 s.
	MaxFootnotes = 2000
	// MaxDefinitions is how many link reference definitions ("[x]: url")
	// a paragraph may have: 50,000 took 2 s.
	MaxDefinitions = 1000
	// MaxCells is how many cells a table (a paragraph with a row of
	// dashes) may have: each is a few nodes, and a 10 MB table of
	// 5,000,000 cells took 2 GB of memory.
	MaxCells = 200000
	// maxScan is how many bytes goldmark may read in all looking for the
	// end of link addresses, or of code spans, that have none: 100,000
	// "[a](" on a line took a minute.
	maxScan = 32 << 20
)

// tooSlow returns the offset of the first construct of src over a limit,
// and a message saying what it is; "" if there is none.
func tooSlow(src []byte) (off int, msg string) {
	if off, depth := nesting(src); depth > 0 {
		return off, fmt.Sprintf("block quotes or lists nested %d deep: at most %d levels are allowed", depth, MaxDepth)
	}
	if off, depth := bracketNesting(src); depth > 0 {
		return off, fmt.Sprintf("square brackets nested %d deep: at most %d are allowed", depth, MaxBrackets)
	}
	if off := nth(src, []byte("[^"), MaxFootnotes+1); off >= 0 {
		return off, fmt.Sprintf("more than %d footnote references and notes ([^…]): at most %d are allowed", MaxFootnotes, MaxFootnotes)
	}
	if off := definitions(src); off >= 0 {
		return off, fmt.Sprintf("more than %d link reference definitions ([x]: URL) in one paragraph: at most %d are allowed; put blank lines between them", MaxDefinitions, MaxDefinitions)
	}
	if off := tableCells(src); off >= 0 {
		return off, fmt.Sprintf("a table of more than %d cells: at most %d are allowed", MaxCells, MaxCells)
	}
	if off := openAddresses(src); off >= 0 {
		return off, `links whose address has no end ("](" with no ")" or space after it) from here on make this text too slow to read: close them with ")"`
	}
	if off := openCodeSpans(src); off >= 0 {
		return off, "runs of backticks (`) that no run of the same length closes make this text too slow to read: close each code span with as many backticks as open it"
	}
	return 0, ""
}

// nesting finds the first line of src that opens block quotes and list
// items nested deeper than MaxDepth ("> > - > x" opens 4), and returns its
// offset and depth; 0, 0 if there is none. Lists also nest by
// indentation, one level per two columns at least, so the indentation
// before a line's first marker counts a level per two columns. It counts
// a little generously (a "- - -" rule counts 3, so does an indented code
// line): it is only a bound.
func nesting(src []byte) (off, depth int) {
	for start := 0; start < len(src); {
		d, i, lead := 0, start, 0
	markers:
		for i < len(src) {
			switch c := src[i]; {
			case c == ' ' || c == '\t':
				switch {
				case d > 0:
				case c == '\t':
					lead += 4
				default:
					lead++
				}
				i++
			case c == '>':
				d, i = d+1, i+1
			case (c == '-' || c == '*' || c == '+') && i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\t'):
				d, i = d+1, i+2
			case '0' <= c && c <= '9':
				j := i
				for j < len(src) && j-i < 10 && '0' <= src[j] && src[j] <= '9' {
					j++
				}
				if j+1 >= len(src) || src[j] != '.' && src[j] != ')' || src[j+1] != ' ' && src[j+1] != '\t' {
					break markers
				}
				d, i = d+1, j+2
			default:
				break markers
			}
		}
		if d > 0 {
			d += lead / 2
		}
		if d > MaxDepth {
			return start, d
		}
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			break
		}
		start = i + nl + 1
	}
	return 0, 0
}

// paragraphs calls f with the start and end of each paragraph of src:
// runs of lines between blank lines.
func paragraphs(src []byte, f func(start, end int) bool) {
	start := 0
	for i := 0; i <= len(src); {
		nl := bytes.IndexByte(src[i:], '\n')
		end := len(src)
		if nl >= 0 {
			end = i + nl
		}
		if len(bytes.TrimLeft(src[i:end], " \t")) == 0 { // a blank line
			if i > start && !f(start, i) {
				return
			}
			start = end + 1
		}
		if nl < 0 {
			break
		}
		i = end + 1
	}
	if start < len(src) {
		f(start, len(src))
	}
}

// bracketNesting finds where "[" are first nested deeper than MaxBrackets
// in a paragraph, and returns the offset of that bracket and the depth;
// 0, 0 if they never are.
func bracketNesting(src []byte) (off, depth int) {
	paragraphs(src, func(start, end int) bool {
		d := 0
		for i := start; i < end; i++ {
			switch src[i] {
			case '[':
				if d++; d > MaxBrackets {
					off, depth = i, d
					return false
				}
			case ']':
				d = max(d-1, 0)
			}
		}
		return true
	})
	return off, depth
}

// nth returns the offset of the nth occurrence of sep in src, or -1.
func nth(src, sep []byte, n int) int {
	off := 0
	for range n {
		i := bytes.Index(src[off:], sep)
		if i < 0 {
			return -1
		}
		off += i + len(sep)
	}
	return off - len(sep)
}

// definitions returns the offset of the first line of a paragraph past
// MaxDefinitions lines that may be link reference definitions ("[x]:"
// after at most 3 spaces), or -1.
func definitions(src []byte) int {
	found := -1
	paragraphs(src, func(start, end int) bool {
		n := 0
		for i := start; i < end; {
			line := src[i:end]
			if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
				line = line[:nl]
			}
			t := bytes.TrimLeft(line, " ")
			if len(line)-len(t) <= 3 && bytes.HasPrefix(t, []byte("[")) && bytes.Contains(t, []byte("]:")) {
				if n++; n > MaxDefinitions {
					found = i
					return false
				}
			}
			i += len(line) + 1
		}
		return true
	})
	return found
}

// tableCells returns the offset of the first paragraph that may be a
// table (it has a line of "|", "-", ":" and spaces with a "-" and a "|")
// with more than MaxCells "|" in all, or -1.
func tableCells(src []byte) int {
	found := -1
	paragraphs(src, func(start, end int) bool {
		p := src[start:end]
		if bytes.Count(p, []byte("|")) <= MaxCells || !delimiterRow(p) {
			return true
		}
		found = start
		return false
	})
	return found
}

// delimiterRow reports whether p has a line like a table's delimiter row.
func delimiterRow(p []byte) bool {
	for line := range bytes.SplitSeq(p, []byte("\n")) {
		if bytes.IndexByte(line, '-') >= 0 && bytes.IndexByte(line, '|') >= 0 && len(bytes.Trim(line, "|-: \t")) == 0 {
			return true
		}
	}
	return false
}

// openAddresses returns where the links whose addresses goldmark would
// read on and on start, or -1: it reads an address after "](" up to a
// space, a line break or a ")", so each "](" without one costs the rest
// of its line. Every byte read counts once for each "](" still open.
func openAddresses(src []byte) int {
	open, first, cost := 0, -1, 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case ' ', '\t', '\n', ')':
			open, first = 0, -1
			continue
		case '(':
			if i > 0 && src[i-1] == ']' {
				if open == 0 {
					first = i - 1
				}
				open++
			}
		}
		if cost += open; cost > maxScan {
			return first
		}
	}
	return -1
}

// openCodeSpans returns where the code spans that goldmark would look
// for the end of too long start, or -1: a run of n backticks is closed by
// the next run of exactly n in its paragraph, and one without reads to
// the paragraph's end.
func openCodeSpans(src []byte) int {
	found, cost := -1, 0
	paragraphs(src, func(start, end int) bool {
		type run struct{ pos, n int }
		var runs []run
		for i := start; i < end; {
			j := bytes.IndexByte(src[i:end], '`')
			if j < 0 {
				break
			}
			i += j
			k := i
			for k < end && src[k] == '`' {
				k++
			}
			runs = append(runs, run{i, k - i})
			i = k
		}
		if len(runs) < 2 {
			return true
		}
		next := make([]int, len(runs)) // the next run of the same length
		last := map[int]int{}
		for i := len(runs) - 1; i >= 0; i-- {
			next[i] = -1
			if j, ok := last[runs[i].n]; ok {
				next[i] = j
			}
			last[runs[i].n] = i
		}
		for i := 0; i < len(runs); {
			if j := next[i]; j >= 0 {
				cost += runs[j].pos - runs[i].pos
				i = j + 1
			} else {
				cost += end - runs[i].pos
				i++
			}
			if cost > maxScan {
				found = runs[min(i, len(runs)-1)].pos
				return false
			}
		}
		return true
	})
	return found
}
