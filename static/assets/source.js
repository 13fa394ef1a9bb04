// On a source page, arriving at a quoted passage (the page's #anchor,
// as a claim page's "see it in the source" links give it): mark the
// whole passage, not only its first piece, with a bar beside its blocks, and bring forward the passages
// of the claim that quotes it while the others recede. Every piece of a
// passage (quoted words, and the words its gaps left out) lists the
// passage's anchor in data-q and its claims' ids in data-c; so do the
// numbered links after each passage. A note under the text names the
// claim and can show every passage alike again. Without JavaScript, CSS
// outlines the first piece, and every passage looks the same.
(function () {
  "use strict";
  var text = document.querySelector(".stored-text .text");
  var note = document.querySelector(".focus-note");
  if (!text) return;

  function words(el, name) {
    var v = el.getAttribute(name);
    return v ? v.split(" ") : [];
  }

  function clear() {
    var old = text.querySelectorAll(".passage-target, .passage-block, .of-claim");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("passage-target", "passage-block", "of-claim");
    text.classList.remove("focus");
    if (note) note.hidden = true;
  }

  function show(scroll) {
    clear();
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!id) return;
    var pieces = [];
    var all = text.querySelectorAll("[data-q]");
    for (var i = 0; i < all.length; i++) {
      if (words(all[i], "data-q").indexOf(id) >= 0) pieces.push(all[i]);
    }
    if (!pieces.length) return;
    // The passage's claims: those that every piece of it lists.
    var claims = words(pieces[0], "data-c");
    for (var j = 1; j < pieces.length; j++) {
      var cs = words(pieces[j], "data-c");
      claims = claims.filter(function (c) { return cs.indexOf(c) >= 0; });
    }
    for (var k = 0; k < pieces.length; k++) {
      pieces[k].classList.add("passage-target");
      // The block of the text the piece is in: its paragraph, list item…
      var block = pieces[k];
      while (block.parentElement && block.parentElement !== text) block = block.parentElement;
      if (block.parentElement === text) block.classList.add("passage-block");
    }
    if (claims.length) {
      var marked = text.querySelectorAll("[data-c]");
      for (var m = 0; m < marked.length; m++) {
        var own = words(marked[m], "data-c");
        if (claims.some(function (c) { return own.indexOf(c) >= 0; })) marked[m].classList.add("of-claim");
      }
      text.classList.add("focus");
      var item = document.querySelector('.quoted-in li[data-c="' + CSS.escape(claims[0]) + '"] > a');
      var link = note && note.querySelector("[data-focus-claim]");
      if (item && link) {
        link.textContent = item.textContent;
        link.href = item.href;
        note.hidden = false;
      }
    }
    // The browser scrolled to the anchor, the passage's first piece; the
    // first piece may be an empty anchor, so scroll to the first words.
    if (scroll) pieces[0].scrollIntoView({ block: "start" });
  }

  if (note) {
    // Show every passage alike again; the passage stays marked.
    note.querySelector("[data-show-all]").addEventListener("click", function () {
      text.classList.remove("focus");
      note.hidden = true;
    });
  }
  window.addEventListener("hashchange", function () { show(true); });
  show(true);
})();
