package render

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"factcheck/generator/internal/site"
	"factcheck/generator/internal/synth"
)

// TestClaimsJSONID changes each field of a claim that can be set, one at
// a time, and checks that claims.json's ID changes whenever the file
// does: a build that kept the file by its ID would otherwise publish an
// old ClaimReview. It also checks that the test changes the file at all,
// and that an edit of the analysis alone keeps the ID.
func TestClaimsJSONID(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, data := range synth.Files(3, 1) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	load := func() *Renderer {
		s, diags := site.Load(fsys, site.Options{})
		if diags.Errors() > 0 {
			t.Fatal(diags)
		}
		r := New(s, nil)
		r.Inputs = "inputs"
		return r
	}
	file := func(r *Renderer) ([]byte, string) {
		b, err := r.claimsJSON()
		if err != nil {
			t.Fatal(err)
		}
		return b, r.claimsJSONID()
	}
	data, id := file(load())

	changed := 0
	for k := 0; ; k++ {
		r := load()
		c := r.site.Claims[1]
		n := k
		path, ok := mutateField(reflect.ValueOf(c).Elem(), "", &n)
		if !ok {
			break
		}
		d, i := file(r)
		if !bytes.Equal(d, data) {
			changed++
			if i == id {
				t.Errorf("%s changes claims.json, not its ID", path)
			}
		}
	}
	if changed < 10 {
		t.Errorf("only %d fields change claims.json", changed)
	}

	r := load()
	r.site.Claims[0].Text += " One more sentence."
	r.site.Claims[0].Digest = "edited"
	if d, i := file(r); !bytes.Equal(d, data) || i != id {
		t.Error("an edit of the analysis changes claims.json or its ID")
	}
}

// mutateField changes the k-th field of v that can be set (strings,
// numbers, booleans, times, and those in structs and slices, a slice
// also by a new element), counting k down, and reports which.
func mutateField(v reflect.Value, path string, k *int) (string, bool) {
	if v.Type() == reflect.TypeFor[time.Time]() {
		if *k == 0 {
			v.Set(reflect.ValueOf(v.Interface().(time.Time).Add(49 * time.Hour)))
			return path, true
		}
		*k--
		return "", false
	}
	switch v.Kind() {
	case reflect.String, reflect.Int, reflect.Bool:
		if *k > 0 {
			*k--
			return "", false
		}
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Int:
			v.SetInt(v.Int() + 1)
		case reflect.Bool:
			v.SetBool(!v.Bool())
		}
		return path, true
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Name == "Path" {
				continue
			}
			if p, ok := mutateField(v.Field(i), path+"."+f.Name, k); ok {
				return p, true
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Pointer {
			return "", false // linked claims and sources: not the claim's own
		}
		if *k == 0 {
			e := reflect.New(v.Type().Elem()).Elem()
			if e.Kind() == reflect.String {
				e.SetString("https://example.org/" + strings.Repeat("x", 3))
			}
			v.Set(reflect.Append(v, e))
			return path + "[new]", true
		}
		*k--
		if v.Len() > 0 {
			c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			reflect.Copy(c, v)
			v.Set(c)
			return mutateField(v.Index(0), path+"[0]", k)
		}
	}
	return "", false
}
