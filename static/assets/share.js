// The copy-link button of a claim page's share links: hidden in the
// page, shown only when this script runs. Where the browser has the Web
// Share API (most phones), it opens the system's share sheet; elsewhere
// it copies the page's address. Its words come from the button's data-
// attributes, so that the page's template (and its language) says them.
// No third-party script is loaded.
"use strict";
(function () {
	for (const button of document.querySelectorAll("button[data-share-url]")) {
		const url = new URL(button.dataset.shareUrl || location.href, location.href).href;
		const text = button.dataset.shareText || document.title;
		const status = button.parentNode.querySelector("[role=status]");
		const canShare = typeof navigator.share === "function";
		if (!canShare && !(navigator.clipboard && navigator.clipboard.writeText)) continue;
		const label = canShare ? button.dataset.labelShare : button.dataset.labelCopy;
		if (label) button.textContent = label;
		button.parentNode.hidden = false;
		button.addEventListener("click", async function () {
			if (canShare) {
				try {
					await navigator.share({ title: text, text: text, url: url });
				} catch (e) {
					// Cancelled, or refused: nothing to say.
				}
				return;
			}
			try {
				await navigator.clipboard.writeText(url);
				status.textContent = button.dataset.copied || "✓";
			} catch (e) {
				status.textContent = (button.dataset.notCopied || "") + " " + url;
			}
		});
	}
})();
