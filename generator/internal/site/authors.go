package site

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Author is what site.yaml's authors says of one of the site's authors,
// for their page (authors/ID/, ID the slug of their name): a short bio,
// a photo and a link.
type Author struct {
	Name string
	// Bio is plain text, a paragraph or two.
	Bio string
	// Photo is the path of an image under static/, as the site serves it
	// ("img/elena-marsh.jpg" for static/img/elena-marsh.jpg).
	Photo string
	// URL is an http(s) link: the author's own page elsewhere.
	URL string
}

// photoTypes are the file name endings a photo may have.
var photoTypes = []string{".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif"}

// maxPhotoSize is the largest photo file.
const maxPhotoSize = 10 << 20

// readAuthors reads the authors key: a list of {name, bio, photo, url},
// by the slug of the name.
func readAuthors(fsys fs.FS, f *fields, v *yaml.Node) map[string]*Author {
	if v.Kind != yaml.SequenceNode {
		f.errorf(f.at(v), "authors must be a list of {name, bio, photo, url}")
		return nil
	}
	out := map[string]*Author{}
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			f.errorf(f.at(e), "each author must be {name, bio, photo, url}")
			continue
		}
		a := f.sub(e)
		au := &Author{Name: a.str("name", true), Bio: strings.TrimSpace(a.str("bio", false)), URL: a.url("url", false)}
		photo, pos := a.strPos("photo", false)
		if photo != "" {
			ext := strings.ToLower(path.Ext(photo))
			if _, err := readSiteFile(fsys, "static/"+photo, maxPhotoSize); err != nil {
				a.errorf(pos, "photo: %v (a photo is a path under static/, such as img/jane-doe.jpg for static/img/jane-doe.jpg)", err)
			} else if !slices.Contains(photoTypes, ext) {
				a.errorf(pos, "photo: %s is not an image the site can show (%s)", photo, strings.Join(photoTypes, ", "))
			} else {
				au.Photo = photo
			}
		}
		a.unknown([]string{"name", "bio", "photo", "url"})
		if au.Name == "" {
			continue
		}
		id := Slug(au.Name)
		if out[id] != nil {
			f.errorf(f.at(e), "authors lists %q twice", au.Name)
			continue
		}
		out[id] = au
	}
	return out
}
