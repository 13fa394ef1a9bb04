package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Limits bound what Fetch takes from the network.
type Limits struct {
	// MaxBytes is the most a response may hold; more is an error, not a
	// cut copy.
	MaxBytes int64
	// Timeout bounds the whole fetch, redirects and body included.
	Timeout time.Duration
	// MaxRedirects is how many redirects are followed.
	MaxRedirects int
}

// DefaultLimits are the limits of the import command: 50 MB, one minute,
// five redirects.
var DefaultLimits = Limits{MaxBytes: 50 << 20, Timeout: time.Minute, MaxRedirects: 5}

// Fetched is a response Fetch read in full.
type Fetched struct {
	Data        []byte
	ContentType string
	// URL is where the content was found, after redirects.
	URL string
}

// Fetch gets an http(s) URL within limits. Other schemes, redirects to
// them, a status other than 200, and a body over the limit are errors.
func Fetch(ctx context.Context, client *http.Client, rawURL string, lim Limits) (*Fetched, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s is not an http(s) URL", rawURL)
	}
	if client == nil {
		client = &http.Client{}
	}
	c := *client
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > lim.MaxRedirects {
			return fmt.Errorf("more than %d redirects", lim.MaxRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to %s, which is not http(s)", req.URL.Redacted())
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "factcheck-import/1 (+saving a source for a fact-check)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf,text/vtt,text/plain;q=0.9,*/*;q=0.5")
	resp, err := c.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("fetching %s took more than %s", u.Redacted(), lim.Timeout)
		}
		return nil, fmt.Errorf("cannot fetch %s: %v", u.Redacted(), err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetching %s: the server answered %s", u.Redacted(), resp.Status)
	}
	if resp.ContentLength > lim.MaxBytes {
		return nil, fmt.Errorf("%s is %d bytes, more than the limit of %d", u.Redacted(), resp.ContentLength, lim.MaxBytes)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, lim.MaxBytes+1))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			return nil, fmt.Errorf("fetching %s took more than %s", u.Redacted(), lim.Timeout)
		}
		return nil, fmt.Errorf("reading %s: %v", u.Redacted(), err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("%s is more than the limit of %d bytes", u.Redacted(), lim.MaxBytes)
	}
	return &Fetched{Data: data, ContentType: resp.Header.Get("Content-Type"), URL: resp.Request.URL.String()}, nil
}
