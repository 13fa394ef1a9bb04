package pipeline

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"factcheck/generator/internal/output"

	"golang.org/x/sys/unix"
)

// Real write failures, provoked in the kernel rather than injected: a
// file size limit, a full tmpfs, a read-only mount and immutable files.
// The size limit and the mounts apply to a whole process, so those tests
// run again in a child process (see inChild) and do their work there.

// childEnv names the test that a re-executed test binary runs for real.
const childEnv = "FACTCHECK_FAULT_CHILD"

// inChild reports whether this process is the child that runs t. In the
// parent it runs t again in a new process of the test binary, started
// with the first of attrs that the system allows (nil: a plain process),
// and reports that run's outcome as t's.
func inChild(t *testing.T, attrs ...*syscall.SysProcAttr) bool {
	t.Helper()
	if os.Getenv(childEnv) == t.Name() {
		return true
	}
	if len(attrs) == 0 {
		attrs = []*syscall.SysProcAttr{nil}
	}
	var startErrs []string
	for _, attr := range attrs {
		cmd := exec.Command(os.Args[0], "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), childEnv+"="+t.Name())
		cmd.SysProcAttr = attr
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		switch {
		case err != nil && !errors.As(err, &exit):
			startErrs = append(startErrs, err.Error())
			continue
		case err != nil:
			t.Fatalf("child process: %v\n%s", err, out)
		case strings.Contains(string(out), "--- SKIP: "+t.Name()):
			t.Skipf("child process skipped:\n%s", out)
		case !strings.Contains(string(out), "--- PASS: "+t.Name()):
			t.Fatalf("child process did not run the test:\n%s", out)
		}
		t.Logf("child process:\n%s", out)
		return false
	}
	t.Skipf("cannot start the child process: %s", strings.Join(startErrs, "; "))
	return false
}

// mountNamespaces are ways to start a child in its own mount namespace:
// as root, just that; otherwise (or if root may not) also in its own user
// namespace, where it is root.
func mountNamespaces() []*syscall.SysProcAttr {
	userNS := &syscall.SysProcAttr{
		Cloneflags:                 syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS,
		UidMappings:                []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
		GidMappings:                []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
		GidMappingsEnableSetgroups: false,
	}
	if os.Geteuid() == 0 {
		return []*syscall.SysProcAttr{{Cloneflags: syscall.CLONE_NEWNS}, userNS}
	}
	return []*syscall.SysProcAttr{userNS}
}

// mountTmpfs mounts a new tmpfs of the given size on a new folder, in the
// child's own mount namespace, and returns the folder.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	// Keep our mounts from propagating back to the parent's namespace.
	if err := unix.Mount("", "/", "", unix.MS_REC|unix.MS_PRIVATE, ""); err != nil {
		t.Skipf("cannot make mounts private: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "mnt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := unix.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { unix.Unmount(dir, unix.MNT_DETACH) })
	return dir
}

// TestFileTooLarge: a file size limit (RLIMIT_FSIZE) makes a write fail
// with EFBIG, as a full disk makes it fail with ENOSPC. It binds root too,
// and needs no privilege. Go ignores the SIGXFSZ that comes with it.
func TestFileTooLarge(t *testing.T) {
	if !inChild(t) {
		return
	}
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	faultBuild(t, writeSite(t, faultSite), out,
		"^cannot write OUT/\\S+: file too large; the previous site in OUT/ is unchanged$",
		func() func() {
			small := lim
			small.Cur = 512 // bytes; the pages are larger
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &small); err != nil {
				t.Fatal(err)
			}
			return func() {
				if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
					t.Fatal(err)
				}
			}
		})
}

// TestDiskFull fills a small tmpfs, leaving room for a few files, and
// builds into it: a real ENOSPC. It needs a mount namespace: root, or
// unprivileged user namespaces; it skips otherwise.
func TestDiskFull(t *testing.T) {
	if !inChild(t, mountNamespaces()...) {
		return
	}
	mnt := mountTmpfs(t, "16m")
	out := filepath.Join(mnt, "public")
	faultBuild(t, writeSite(t, faultSite), out,
		"^cannot write OUT/\\S+: no space left on device; the previous site in OUT/ is unchanged$",
		func() func() {
			var st unix.Statfs_t
			if err := unix.Statfs(mnt, &st); err != nil {
				t.Fatal(err)
			}
			free := int64(st.Bavail) * st.Bsize
			filler := filepath.Join(mnt, "filler")
			f, err := os.Create(filler)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := unix.Fallocate(int(f.Fd()), 0, 0, free-2*st.Bsize); err != nil {
				t.Fatal(err)
			}
			return func() { os.Remove(filler) }
		})
}

// TestReadOnlyMount builds into a tmpfs, then remounts it read-only: the
// next build cannot create its new folder (EROFS). Like TestDiskFull it
// needs a mount namespace.
func TestReadOnlyMount(t *testing.T) {
	if !inChild(t, mountNamespaces()...) {
		return
	}
	mnt := mountTmpfs(t, "16m")
	out := filepath.Join(mnt, "public")
	faultBuild(t, writeSite(t, faultSite), out,
		"^cannot create DIR/.public.lock beside OUT/ \\(it keeps other builds out while this one runs\\): read-only file system; the previous site in OUT/ is unchanged$",
		func() func() {
			if err := unix.Mount("", mnt, "", unix.MS_REMOUNT|unix.MS_RDONLY, ""); err != nil {
				t.Fatal(err)
			}
			return func() {
				if err := unix.Mount("", mnt, "", unix.MS_REMOUNT, "size=16m"); err != nil {
					t.Fatal(err)
				}
			}
		})
}

// fsImmutableFlag is FS_IMMUTABLE_FL of <linux/fs.h>, which x/sys/unix
// does not define.
const fsImmutableFlag = 0x10

// setImmutable sets or clears the immutable flag (chattr +i) of p. It
// skips t where that is not possible: without CAP_LINUX_IMMUTABLE, or on
// a file system without the flag.
func setImmutable(t *testing.T, p string, on bool) {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	flags, err := unix.IoctlGetUint32(int(f.Fd()), unix.FS_IOC_GETFLAGS)
	if err == nil {
		if on {
			flags |= fsImmutableFlag
		} else {
			flags &^= fsImmutableFlag
		}
		err = unix.IoctlSetPointerInt(int(f.Fd()), unix.FS_IOC_SETFLAGS, int(flags))
	}
	if err != nil {
		if on {
			t.Skipf("cannot make %s immutable: %v", p, err)
		}
		t.Fatalf("cannot clear the immutable flag of %s: %v", p, err)
	}
}

// TestImmutableParent makes the output's parent folder immutable: no one,
// not even root, can create a folder in it (EPERM). This is the read-only
// case that runs as root without mounts; it skips without
// CAP_LINUX_IMMUTABLE (so, for most users, where TestReadOnlyParent runs).
func TestImmutableParent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	faultBuild(t, writeSite(t, faultSite), out,
		"^cannot create DIR/.public.lock beside OUT/ \\(it keeps other builds out while this one runs\\): operation not permitted; the previous site in OUT/ is unchanged$",
		func() func() {
			setImmutable(t, filepath.Dir(out), true)
			return func() { setImmutable(t, filepath.Dir(out), false) }
		})

	// The folders above a new output folder are made first.
	nested := filepath.Join(filepath.Dir(out), "a", "public")
	setImmutable(t, filepath.Dir(out), true)
	_, _, err := Write(Options{Src: writeSite(t, faultSite)}, nested)
	setImmutable(t, filepath.Dir(out), false)
	matchErr(t, err, "^cannot create the folder "+regexp.QuoteMeta(filepath.Dir(nested))+" for OUT/: operation not permitted; nothing was written to OUT/$", nested)
}

// TestUnreplaceableFile: a file of the previous output that the next
// build must replace cannot be (immutable as root, in a read-only folder
// otherwise). The build fails and puts back what it had replaced.
func TestUnreplaceableFile(t *testing.T) {
	src := writeSite(t, faultSite)
	out := filepath.Join(t.TempDir(), "public")
	faultBuild(t, src, out,
		"^cannot replace OUT/claims/sky/\\S+: (operation not permitted|permission denied); the previous site in OUT/ is unchanged$",
		func() func() {
			if os.Geteuid() == 0 {
				p := filepath.Join(out, "claims", "sky", "index.html")
				setImmutable(t, p, true)
				return func() { setImmutable(t, p, false) }
			}
			os.Chmod(filepath.Join(out, "claims", "sky"), 0o555)
			return func() { os.Chmod(filepath.Join(out, "claims", "sky"), 0o755) }
		})
}

// TestUndeletablePreviousOutput: a build that replaces an output made
// by an older build (a Marker without a manifest) cannot remove a file
// of it (immutable as root, in a read-only folder otherwise). The build
// still succeeds, with a warning; the next builds remove the leftover
// once they can.
func TestUndeletablePreviousOutput(t *testing.T) {
	src := writeSite(t, faultSite)
	out := filepath.Join(t.TempDir(), "public")
	old := filepath.Join(filepath.Dir(out), ".public.old")
	mustWrite(t, src, out)
	before := snapshot(t, out)
	os.WriteFile(filepath.Join(out, output.Marker), []byte("This folder is the output of a factcheck build; the next build replaces it.\n"), 0o644)

	var undo func()
	if os.Geteuid() == 0 {
		setImmutable(t, filepath.Join(out, "claims", "sky", "index.html"), true)
		undo = func() { setImmutable(t, filepath.Join(old, "claims", "sky", "index.html"), false) }
	} else {
		os.Chmod(filepath.Join(out, "claims", "sky"), 0o555)
		undo = func() { os.Chmod(filepath.Join(old, "claims", "sky"), 0o755) }
	}
	res, _, err := Write(Options{Src: src}, out)
	if err != nil {
		undo()
		t.Fatal(err)
	}
	want := "the new site is in " + out + "/, but the previous one could not be removed from " + old + ": "
	if !strings.HasPrefix(res.Warning, want) || !strings.HasSuffix(res.Warning, "; the next build tries again") {
		t.Errorf("got warning %q\nwant %s…; the next build tries again", res.Warning, want)
	}
	sameSnapshot(t, "output of the build", snapshot(t, out), before)

	mustWrite(t, src, out)
	if _, err := os.Stat(old); err != nil {
		t.Errorf("the leftover went: %v", err)
	}
	undo()
	mustWrite(t, src, out)
	sameSnapshot(t, "output of the next build", snapshot(t, out), before)
	noLeftovers(t, out)
}

// TestSpecialFilesRefused: a named pipe in content/, templates/ or static/
// made the build wait forever for a writer; it is refused, and the
// previous output stays.
func TestSpecialFilesRefused(t *testing.T) {
	for _, tc := range []struct{ name, diag, err string }{
		{"content/claims/pipe.md", "content/claims/pipe.md:1:1: error: not a regular file (a named pipe, socket or device): content must be regular files", ""},
		{"content/site.yaml", "content/site.yaml:1:1: error: cannot read: open content/site.yaml: not a regular file (a named pipe, socket or device)", ""},
		{"templates/base.html", "", "templates/base.html: not a regular file (a named pipe, socket or device)"},
		{"static/pipe.txt", "", "static/pipe.txt: not a regular file (a named pipe, socket or device)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := writeSite(t, faultSite)
			out := filepath.Join(src, "public")
			mustWrite(t, src, out)
			before := snapshot(t, out)
			p := filepath.Join(src, filepath.FromSlash(tc.name))
			os.Remove(p)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			_, d, err := Write(Options{Src: src}, out)
			if tc.diag != "" {
				if !errors.Is(err, ErrContent) || d.Errors() != 1 || d[0].String() != tc.diag {
					t.Errorf("got %v\n%v\nwant %s", err, d, tc.diag)
				}
			} else if err == nil || !strings.HasSuffix(err.Error(), tc.err) || !errors.Is(err, ErrNotRegular) {
				t.Errorf("got error %v\nwant %s", err, tc.err)
			}
			sameSnapshot(t, "output after a refused build", snapshot(t, out), before)
			noLeftovers(t, out)
		})
	}
	// DirFS refuses them whoever reads.
	dir := t.TempDir()
	syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644)
	if _, err := fs.ReadFile(DirFS(dir), "pipe"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile(pipe): %v", err)
	}
	os.Symlink("pipe", filepath.Join(dir, "link"))
	if _, err := fs.ReadFile(DirFS(dir), "link"); !errors.Is(err, ErrSymlink) {
		t.Errorf("ReadFile(link): %v", err)
	}
}
