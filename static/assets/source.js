// On a source page, outline the whole of the quoted passage that a link
// leads to (the page's #anchor), not only its first piece: every piece of
// a passage, quoted words and the words its gaps left out, lists the
// passage's anchor in its data-q attribute. Without JavaScript, CSS
// outlines the first piece.
(function () {
  "use strict";
  function outline() {
    var old = document.querySelectorAll(".passage-target");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("passage-target");
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!id) return;
    var pieces = document.querySelectorAll("[data-q]");
    for (var j = 0; j < pieces.length; j++) {
      if (pieces[j].getAttribute("data-q").split(" ").indexOf(id) >= 0) pieces[j].classList.add("passage-target");
    }
  }
  window.addEventListener("hashchange", outline);
  outline();
})();
