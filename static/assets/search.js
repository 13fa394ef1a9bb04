// Client-side search over the index the generator writes under search/
// (its layout is described in generator/internal/search/doc.go). A search loads
// the manifest, the term chunks of its words, the filters it uses and the
// metadata of the results it shows, nothing else. No dependencies.
(() => {
  "use strict";
  // The tokenizer: text split into words exactly as the generator's Scan
  // splits it (generator/internal/search/words.go; its package
  // documentation defines a word): each character decomposed (NFKD) on its
  // own, combining marks and Arabic tatweel dropped (accents folded),
  // lowercased, final sigma as sigma; runs of letters and digits are words,
  // and runs of Han, Hiragana and Katakana (written without spaces) give
  // each pair of adjacent characters, a lone character standing for
  // itself. scan returns [word, start, end] with the place of the word in
  // text (UTF-16 offsets, marks included), for highlighting; words only the
  // words. TestTokenizerGoJS compares the two tokenizers.
  const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30FC]/u;
  const LETTER = /[\p{L}\p{N}]/u;
  const MARK = /[\p{M}\u0640]/u; // and Arabic tatweel, a stretch between letters
  function scan(text) {
    const out = [];
    let w = "", ws = 0, we = 0; // the word being read, where it starts and ends
    let prev = "", ps = 0, pe = 0, pairs = false; // the CJK run's last character, where it is; a pair given yet
    const endWord = () => { if (w) out.push([w, ws, we]); w = ""; };
    const endRun = () => { if (prev && !pairs) out.push([prev, ps, pe]); prev = ""; pairs = false; };
    let i = 0;
    for (const ch of text) {
      const at = i;
      i += ch.length;
      for (const c of ch.normalize("NFKD")) {
        if (MARK.test(c)) {
          if (w) we = i; else if (prev) pe = i;
        } else if (CJK.test(c)) {
          endWord();
          if (prev) { out.push([prev + c, ps, i]); pairs = true; }
          prev = c; ps = at; pe = i;
        } else if (LETTER.test(c)) {
          endRun();
          if (!w) ws = at;
          const l = c.toLowerCase();
          w += l === "ς" ? "σ" : l;
          we = i;
        } else {
          endRun();
          endWord();
        }
      }
    }
    endRun();
    endWord();
    return out;
  }
  const words = (s) => scan(s).map((t) => t[0]);
  // For the tests, and for a site's own scripts.
  window.factcheckSearch = Object.freeze({ scan, words });

  const form = document.querySelector("form.search[data-index]");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  const $ = (id) => document.getElementById(id);
  const base = form.dataset.index;
  const input = $("q");
  const filters = { rating: $("f-rating"), topic: $("f-topic"), claimant: $("f-claimant") };
  const status = $("search-status");
  const list = $("search-results");
  const more = $("search-more");
  const PAGE = 20;

  // The page's language: its texts, how it writes dates and numbers
  // (data-l10n, written by the template function l10n). Without it, English.
  let L = {};
  try { L = JSON.parse(form.dataset.l10n || "{}"); } catch (e) { /* English */ }
  const lang = L.lang || document.documentElement.lang || "en";
  // Without data-l10n (a site's own older search.html), English, whose
  // only message that counts is this one.
  const texts = L.texts || { "%d fact-checks match": { one: "%d fact-check matches", other: "%d fact-checks match" } };
  const plurals = new Intl.PluralRules(lang);
  // local writes ASCII digits in the language's digits.
  const local = (s) => L.digits ? s.replace(/[0-9]/g, (d) => L.digits[d]) : s;
  const num = (n) => local(n.toLocaleString(lang, { numberingSystem: "latn" }));
  const VERB = /%(?:\[(\d+)\])?([sd%])/g;
  // nodes fills message key with args (strings or nodes), as the
  // generator does: %s, %d and %[n]s; a message that counts picks its
  // form by the first argument. It returns the pieces, for append.
  function nodes(key, ...args) {
    let s = Object.hasOwn(texts, key) ? texts[key] : key;
    if (typeof s === "object") s = s[plurals.select(args[0])] || s.other;
    const out = [];
    let at = 0, next = 0;
    for (const m of s.matchAll(VERB)) {
      out.push(s.slice(at, m.index));
      at = m.index + m[0].length;
      if (m[2] === "%") { out.push("%"); continue; }
      const k = m[1] ? Number(m[1]) - 1 : next;
      next = k + 1;
      out.push(m[2] === "d" && typeof args[k] === "number" ? num(args[k]) : args[k]);
    }
    out.push(s.slice(at));
    return out.filter((x) => x !== "" && x !== undefined);
  }
  const t = (key, ...args) => nodes(key, ...args).join("");

  // Postings: base64url VLQ gaps, or "~" and a base64url bitmap.
  const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const VAL = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) VAL[DIGITS.charCodeAt(i)] = i;
  function each(s, fn) {
    if (s[0] === "~") {
      let acc = 0, nbits = 0, n = 0;
      for (let i = 1; i < s.length; i++) {
        acc = (acc << 6) | VAL[s.charCodeAt(i)];
        nbits += 6;
        if (nbits >= 8) {
          nbits -= 8;
          const b = (acc >> nbits) & 255;
          for (let k = 0; k < 8; k++) if (b & (1 << k)) fn(n + k);
          n += 8;
        }
      }
      return;
    }
    let prev = -1, v = 0, shift = 0;
    for (let i = 0; i < s.length; i++) {
      const d = VAL[s.charCodeAt(i)];
      v += (d & 31) * 2 ** shift;
      if (d & 32) { shift += 5; continue; }
      prev += v + 1;
      fn(prev);
      v = 0; shift = 0;
    }
  }

  // Terms are sorted by code point, as the generator sorts them.
  function cmp(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.codePointAt(i) - b.codePointAt(i);
    }
    return a.length - b.length;
  }

  let manifest = null;
  const cache = new Map();
  function get(path) {
    let p = cache.get(path);
    if (!p) {
      const url = base + path + (manifest ? "?v=" + manifest.v : "");
      p = fetch(url, manifest ? {} : { cache: "no-cache" }).then((r) => {
        if (!r.ok) throw new Error(r.status + " " + url);
        return r.json();
      });
      p.catch(() => cache.delete(path));
      cache.set(path, p);
    }
    return p;
  }

  // The term chunks a word needs: the one its term falls in, or for a
  // prefix every chunk its range spans.
  function chunksOf(term, prefix) {
    const t = manifest.t;
    let lo = 0, hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(t[mid], term) <= 0) lo = mid + 1; else hi = mid;
    }
    const out = [lo];
    if (prefix) for (let i = lo; i < t.length && t[i].startsWith(term); i++) out.push(i + 1);
    return out;
  }

  // Marks in m the claims of a word: 1 when it is anywhere in the claim,
  // 2 when it is in its claim, short form, claimant, topics or summary.
  async function mark(term, prefix, m) {
    const chunks = await Promise.all(chunksOf(term, prefix).map((i) => get("t/" + i + ".json")));
    for (const c of chunks) {
      for (let i = 0; i < c.length; i += 2) {
        const k = c[i];
        if (k !== term && !(prefix && k.startsWith(term))) continue;
        const p = c[i + 1];
        if (typeof p === "string") { each(p, (n) => { if (!m[n]) m[n] = 1; }); continue; }
        each(p[0], (n) => { if (!m[n]) m[n] = 1; });
        each(p.length > 1 ? p[1] : p[0], (n) => { m[n] = 2; });
      }
    }
  }

  // run returns the numbers of the matching claims, best first: most words
  // in the claim, short form, claimant, topics or summary, then newest.
  async function run(q, picked) {
    const ws = [...new Set(words(q))];
    const last = ws.length ? ws[ws.length - 1] : "";
    // The last word is a prefix while it is being typed (at least two
    // characters: one would load too much; but a lone CJK character, whose
    // terms are the pairs it begins, is one).
    const prefix = last && !/\s$/.test(q) && ([...last].length > 1 || CJK.test(last)) && words(q).at(-1) === last;
    const n = manifest.n;
    const marks = ws.map((w) => {
      const m = new Uint8Array(n);
      return mark(w, prefix && w === last, m).then(() => m);
    });
    const sets = Object.entries(picked).map(([k, id]) =>
      get(k + "/" + encodeURIComponent(id) + ".json").then((p) => {
        const m = new Uint8Array(n);
        each(p, (i) => { m[i] = 1; });
        return m;
      }));
    const all = await Promise.all([...marks, ...sets]);
    const buckets = Array.from({ length: ws.length + 1 }, () => []);
    // How many of the words each claim has in its metadata texts: fewer
    // than all, and the others are in its analysis alone.
    const scores = new Uint8Array(n);
    // Claims are numbered from the oldest: newest first is from n-1 down.
    next: for (let i = n - 1; i >= 0; i--) {
      let score = 0;
      for (let j = 0; j < all.length; j++) {
        const v = all[j][i];
        if (!v) continue next;
        if (v === 2) score++;
      }
      buckets[score].push(i);
      scores[i] = score;
    }
    return { ws, prefix, hits: buckets.reverse().flat(), scores };
  }

  // date writes an ISO date in full the language's way, as the
  // generator's date function does: D, M, N and Y in the pattern are the
  // day, the month's name, its number and the year.
  const DATE = L.date || { pattern: "D M Y", first: "", months: ["January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November", "December"] };
  function date(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    let out = "";
    for (const c of DATE.pattern) {
      if (c === "D") out += d === 1 && DATE.first ? DATE.first : String(d);
      else if (c === "M") out += DATE.months[m - 1];
      else if (c === "N") out += String(m);
      else if (c === "Y") out += String(y);
      else out += c;
    }
    return local(out);
  }

  function el(tag, props, ...kids) {
    const e = document.createElement(tag);
    Object.assign(e, props);
    e.append(...kids);
    return e;
  }

  // highlight returns text as nodes, each run of text whose words match
  // the query in a <mark> (built as text: index text is never markup).
  // The overlapping pairs of a CJK match make one mark.
  function highlight(text, ws, prefix) {
    if (!ws.length) return [text];
    const last = ws[ws.length - 1];
    const out = [];
    let at = 0, from = -1, to = -1;
    const flush = () => {
      if (from < 0) return;
      out.push(text.slice(at, from), el("mark", { textContent: text.slice(from, to) }));
      at = to;
      from = -1;
    };
    for (const [w, s, e] of scan(text)) {
      if (!ws.includes(w) && !(prefix && w.startsWith(last))) continue;
      if (from >= 0 && s < to) { to = Math.max(to, e); continue; }
      flush();
      from = s;
      to = e;
    }
    flush();
    out.push(text.slice(at));
    return out.filter((x) => x !== "");
  }

  // found returns the words of ws (the last one a prefix if prefix)
  // that text has.
  function found(text, ws, prefix) {
    const last = ws[ws.length - 1];
    const out = new Set();
    for (const [w] of scan(text)) {
      for (const q of ws) if (w === q || (prefix && q === last && w.startsWith(q))) out.add(q);
    }
    return out;
  }

  // excerpt returns the part of text around text[from:to]: about two
  // hundred characters, cut at spaces where there are some, with "…"
  // where the text goes on.
  function excerpt(text, from, to) {
    let a = Math.max(0, from - 80), b = Math.min(text.length, to + 120);
    if (a > 0) { const sp = text.indexOf(" ", a); if (sp >= 0 && sp < from) a = sp + 1; }
    if (b < text.length) { const sp = text.lastIndexOf(" ", b); if (sp > to) b = sp; }
    // Not between the two halves of a character.
    const low = (i) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xFC00) === 0xDC00;
    if (low(a)) a++;
    if (low(b)) b--;
    return (a > 0 ? "…" : "") + text.slice(a, b).trim() + (b < text.length ? "…" : "");
  }

  // card renders a claim like the site's claim lists (partials.html): its
  // short form, or the claim; claimant and dates; summary. Words of the
  // query that none of those shows are shown where the claim has them: in
  // the whole claim, its topics (in the meta line) or a snippet of its
  // analysis (given when the search needed it), each match in a <mark>.
  function card(rec, ws, prefix, analysis) {
    const [id, claim, ri, who, whoID, topics, published, claimed, summary, short] = rec;
    const [rid, label, value] = manifest.r[ri] || ["", "", 0];
    const u = manifest.u;
    const headline = short || claim;
    const missing = new Set(ws);
    const see = (text) => { for (const w of found(text, ws, prefix)) missing.delete(w); };
    see(headline);
    see(who);
    see(summary || "");
    const badge = el("span", { className: "badge r-" + rid, textContent: label });
    badge.dataset.value = value;
    const meta = el("p", { className: "card-meta" },
      el("a", { href: u.p + encodeURIComponent(whoID) + "/", dir: "auto" }, ...highlight(who, ws, prefix)));
    if (claimed) meta.append(" · ", ...nodes("claimed %s", el("time", { dateTime: claimed, textContent: date(claimed) })));
    if (published) meta.append(" · ", ...nodes("checked %s", el("time", { dateTime: published, textContent: date(published) })));
    const extra = [];
    // shows says whether text has a word of the query not shown yet.
    const shows = (text) => { const has = found(text, ws, prefix); return [...missing].some((w) => has.has(w)); };
    if (short && shows(claim)) {
      extra.push(el("p", { className: "card-snippet", dir: "auto" }, ...highlight(claim, ws, prefix)));
      see(claim);
    }
    const names = Array.isArray(topics) ? topics : [];
    for (const name of names) {
      if (shows(name)) meta.append(" · ", ...nodes("topic %s", el("bdi", {}, ...highlight(name, ws, prefix))));
    }
    for (const name of names) see(name);
    if (missing.size && analysis) {
      const last = ws[ws.length - 1];
      const at = scan(analysis).find(([w]) => [...missing].some((q) => w === q || (prefix && q === last && w.startsWith(q))));
      if (at) extra.push(el("p", { className: "card-snippet" }, ...highlight(excerpt(analysis, at[1], at[2]), ws, prefix)));
    }
    return el("li", { className: "claim-card" },
      el("a", { className: "badge-link", href: u.r + encodeURIComponent(rid) + "/" }, badge),
      el("div", {},
        el("p", { className: "card-claim", dir: "auto" },
          el("a", { href: u.c + encodeURIComponent(id) + "/" }, ...highlight(headline, ws, prefix))),
        meta,
        el("p", { className: "card-summary" }, ...highlight(summary || "", ws, prefix)),
        ...extra));
  }

  // show loads the metadata of results from…from+PAGE-1 and renders them,
  // in place of the list or after it. It returns the new items, or null
  // when a newer search has started meanwhile.
  async function show(res, from, token, replace) {
    const per = manifest.per;
    const nums = res.hits.slice(from, from + PAGE);
    const chunks = [...new Set(nums.map((i) => Math.floor(i / per)))];
    // The analysis chunks of the results that have a word of the query in
    // their analysis alone, for their snippets, loaded beside the
    // metadata; a chunk that cannot be loaded leaves its snippets out.
    const ap = manifest.a;
    const weak = ap ? nums.filter((i) => res.scores[i] < res.ws.length) : [];
    const achunks = [...new Set(weak.map((i) => Math.floor(i / ap)))];
    const [data, texts] = await Promise.all([
      Promise.all(chunks.map((k) => get("m/" + k + ".json").then((d) => [k, d]))).then((e) => new Map(e)),
      Promise.all(achunks.map((k) => get("a/" + k + ".json").then((d) => [k, d], () => [k, []]))).then((e) => new Map(e)),
    ]);
    if (token !== current) return null;
    const rec = (i) => data.get(Math.floor(i / per))[i % per];
    const analysis = (i) => {
      const c = ap && texts.get(Math.floor(i / ap));
      return (c && c[i % ap]) || "";
    };
    const items = nums.map((i) => card(rec(i), res.ws, res.prefix, weak.includes(i) ? analysis(i) : ""));
    if (replace) list.replaceChildren(...items); else list.append(...items);
    res.shown = from + nums.length;
    if (more) more.hidden = res.shown >= res.hits.length;
    return items;
  }

  function state() {
    const picked = {};
    for (const [k, s] of Object.entries(filters)) if (s && s.value) picked[k] = s.value;
    return { q: input.value, picked };
  }

  function syncURL({ q, picked }) {
    const p = new URLSearchParams();
    if (q.trim()) p.set("q", q.trim());
    for (const [k, v] of Object.entries(picked)) p.set(k, v);
    const s = p.toString();
    history.replaceState(history.state, "", location.pathname + (s ? "?" + s : "") + location.hash);
  }

  // describe says how many claims match what: "2 fact-checks match
  // “tax”, rating False."
  function describe(n, { q, picked }) {
    const count = n === 0 ? t("No fact-checks match") : t("%d fact-checks match", n);
    const parts = [];
    if (q.trim()) parts.push(t("“%s”", q.trim()));
    for (const [k, v] of Object.entries(picked)) {
      const s = filters[k];
      parts.push(t(k + " %s", s.selectedOptions[0] ? s.selectedOptions[0].text : v));
    }
    return t("%s %s.", count, parts.join(t(", ")));
  }

  let current = 0;
  let results = null;
  async function search() {
    const token = ++current;
    results = null;
    const st = state();
    syncURL(st);
    if (!words(st.q).length && !Object.keys(st.picked).length) {
      list.replaceChildren();
      if (more) more.hidden = true;
      status.textContent = st.q.trim() ? t("Type a word to search.") : "";
      return;
    }
    try {
      if (!manifest) manifest = await get("index.json");
      const res = await run(st.q, st.picked);
      if (token !== current) return;
      if (!(await show(res, 0, token, true))) return;
      results = res;
      status.textContent = describe(res.hits.length, st);
    } catch (e) {
      if (token !== current) return;
      status.textContent = t("The search index could not be loaded.");
      console.error(e);
    }
  }

  let timer = 0;
  const later = () => { clearTimeout(timer); timer = setTimeout(search, 100); };
  input.addEventListener("input", later);
  for (const s of Object.values(filters)) if (s) s.addEventListener("change", search);
  form.addEventListener("submit", (e) => { e.preventDefault(); clearTimeout(timer); search(); });
  if (more) more.addEventListener("click", async () => {
    if (!results) return;
    const items = await show(results, results.shown, current, false);
    const a = items && items[0] && items[0].querySelector(".card-claim a");
    if (a) a.focus();
  });

  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const [k, s] of Object.entries(filters)) if (s && params.has(k)) s.value = params.get(k);
  form.hidden = false;
  if (input.value || Object.values(filters).some((s) => s && s.value)) search();
})();
