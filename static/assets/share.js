// The copy-link button of a claim page's share links: hidden in the
// page, shown only when this script runs. Where the browser has the Web
// Share API (most phones), it opens the system's share sheet; elsewhere
// it copies the page's address. No third-party script is loaded.
"use strict";
(function () {
	for (const button of document.querySelectorAll("button[data-share-url]")) {
		const url = new URL(button.dataset.shareUrl || location.href, location.href).href;
		const text = button.dataset.shareText || document.title;
		const status = button.parentNode.querySelector("[role=status]");
		// The page's texts (data-l10n, from the template function l10n):
		// each message's text, known by its English one.
		let texts = {};
		try { texts = JSON.parse(button.dataset.l10n || "{}").texts || {}; } catch (e) { /* English */ }
		const t = (key, arg) => (typeof texts[key] === "string" ? texts[key] : key).replace(/%(?:\[1\])?s/, () => arg);
		const canShare = typeof navigator.share === "function";
		if (!canShare && !(navigator.clipboard && navigator.clipboard.writeText)) continue;
		button.textContent = canShare ? t("Share…") : t("Copy link");
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
				status.textContent = t("Link copied.");
			} catch (e) {
				status.textContent = t("Could not copy the link: %s", url);
			}
		});
	}
})();
