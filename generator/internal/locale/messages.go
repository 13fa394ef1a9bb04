package locale

import "strings"

// msg is a built-in message: its English key and its text in each
// built-in language. A message that counts (plural) gives each language's
// forms separated by "|", in the order of forms[language].
type msg struct {
	key    string
	plural bool
	tr     map[string]string
}

// forms are the plural categories each built-in language distinguishes,
// in the order a plural message lists its texts.
var forms = map[string][]string{
	"en": {"one", "other"},
	"es": {"one", "other"},
	"pt": {"one", "other"},
	"fr": {"one", "other"},
	"de": {"one", "other"},
	"ar": {"zero", "one", "two", "few", "many", "other"},
	"zh": {"other"},
}

// in returns the message in language lang.
func (m msg) in(lang string) Message {
	t, ok := m.tr[lang]
	if !ok {
		t = m.key
	}
	if !m.plural {
		return Message{Text: t}
	}
	f := map[string]string{}
	texts := strings.Split(t, "|")
	for i, c := range forms[lang] {
		if i < len(texts) {
			f[c] = texts[i]
		}
	}
	return Message{Forms: f}
}

// tr builds a message; pl a message that counts.
func tr(key, es, pt, fr, de, ar, zh string) msg {
	return msg{key: key, tr: map[string]string{"en": key, "es": es, "pt": pt, "fr": fr, "de": de, "ar": ar, "zh": zh}}
}

func pl(key, en, es, pt, fr, de, ar, zh string) msg {
	return msg{key: key, plural: true, tr: map[string]string{"en": en, "es": es, "pt": pt, "fr": fr, "de": de, "ar": ar, "zh": zh}}
}

// table holds the built-in messages, by where readers meet them.
var table = []msg{
	// Every page: the header, the footer, the head.
	tr("Skip to content", "Saltar al contenido", "Pular para o conteúdo", "Aller au contenu", "Zum Inhalt springen", "تخطَّ إلى المحتوى", "跳到正文"),
	tr("Site", "Sitio", "Site", "Site", "Website", "الموقع", "网站"),
	tr("Fact-checks", "Verificaciones", "Checagens", "Vérifications", "Faktenchecks", "عمليات التحقق", "事实核查"),
	tr("Ratings", "Calificaciones", "Classificações", "Évaluations", "Bewertungen", "التقييمات", "评级"),
	tr("Topics", "Temas", "Temas", "Thèmes", "Themen", "المواضيع", "主题"),
	tr("Sources", "Fuentes", "Fontes", "Sources", "Quellen", "المصادر", "来源"),
	tr("Search", "Buscar", "Buscar", "Rechercher", "Suche", "بحث", "搜索"),
	tr("Corrections", "Correcciones", "Correções", "Corrections", "Korrekturen", "التصحيحات", "更正"),
	tr("Claimants", "Autores de las afirmaciones", "Autores das afirmações", "Auteurs des propos", "Urheber der Aussagen", "أصحاب الادعاءات", "声明者"),
	tr("Authors", "Verificadores", "Checadores", "Vérificateurs", "Faktenprüfer", "مدققو الحقائق", "核查员"),
	tr("Data (ClaimReview JSON)", "Datos (ClaimReview JSON)", "Dados (ClaimReview JSON)", "Données (ClaimReview JSON)", "Daten (ClaimReview-JSON)", "البيانات (ClaimReview JSON)", "数据（ClaimReview JSON）"),
	tr("Atom feed", "Canal Atom", "Feed Atom", "Flux Atom", "Atom-Feed", "موجز Atom", "Atom 订阅"),
	tr("Send a correction or a claim to check", "Envíenos una corrección o una afirmación para verificar", "Envie uma correção ou uma afirmação para checar", "Signaler une erreur ou proposer une affirmation à vérifier", "Korrektur melden oder Aussage zur Prüfung einsenden", "أرسل تصحيحًا أو ادعاءً للتحقق منه", "提交更正或待核查的说法"),
	tr("Rating", "Calificación", "Classificação", "Évaluation", "Bewertung", "التقييم", "评级"),

	// A claim page.
	tr("Fact-check", "Verificación", "Checagem", "Vérification", "Faktencheck", "تحقق", "事实核查"),
	tr("Claim:", "Afirmación:", "Afirmação:", "Affirmation :", "Behauptung:", "الادعاء:", "说法："),
	tr("Claimed by %s on %s", "Dicho por %s el %s", "Dito por %s em %s", "Affirmé par %s le %s", "Behauptet von %s am %s", "قاله %s في %s", "%s 于 %s 提出此说法"),
	tr("appeared in %s", "publicado en %s", "publicado em %s", "paru dans %s", "erschienen in %s", "ورد في %s", "出处：%s"),
	tr("The claim:", "La afirmación:", "A afirmação:", "L’affirmation :", "Die Behauptung:", "الادعاء:", "原话："),
	tr("Our rating", "Nuestra calificación", "Nossa classificação", "Notre évaluation", "Unsere Bewertung", "تقييمنا", "我们的评级"),
	tr("%d on a scale from %d (%s) to %d (%s)", "%d en una escala de %d (%s) a %d (%s)", "%d numa escala de %d (%s) a %d (%s)", "%d sur une échelle de %d (%s) à %d (%s)", "%d auf einer Skala von %d (%s) bis %d (%s)", "%d على مقياس من %d (%s) إلى %d (%s)", "%d，评级范围从 %d（%s）到 %d（%s）"),
	tr("Analysis", "Análisis", "Análise", "Analyse", "Analyse", "التحليل", "分析"),
	tr("Quotes checked", "Citas verificadas", "Citações verificadas", "Citations vérifiées", "Geprüfte Zitate", "الاقتباسات المُتحقَّق منها", "已核对的引文"),
	tr("Every quote on this page is checked, word for word, against the stored text of its source when the site is built.",
		"Cada cita de esta página se comprueba, palabra por palabra, con el texto guardado de su fuente cuando se genera el sitio.",
		"Cada citação desta página é conferida, palavra por palavra, com o texto armazenado de sua fonte quando o site é gerado.",
		"Chaque citation de cette page est vérifiée, mot pour mot, par rapport au texte conservé de sa source lors de la génération du site.",
		"Jedes Zitat auf dieser Seite wird beim Erstellen der Website Wort für Wort mit dem gespeicherten Text seiner Quelle abgeglichen.",
		"يُطابَق كل اقتباس في هذه الصفحة، كلمةً بكلمة، مع النص المحفوظ من مصدره عند بناء الموقع.",
		"本页的每条引文在生成网站时都会与其来源的存档文本逐字核对。"),
	tr("(left out: %s)", "(omitido: %s)", "(omitido: %s)", "(omis : %s)", "(ausgelassen: %s)", "(محذوف: %s)", "（省略：%s）"),
	tr("(the source has: %s)", "(la fuente dice: %s)", "(a fonte diz: %s)", "(la source dit : %s)", "(in der Quelle: %s)", "(في المصدر: %s)", "（来源原文：%s）"),
	tr("Related fact-checks", "Verificaciones relacionadas", "Checagens relacionadas", "Vérifications liées", "Verwandte Faktenchecks", "عمليات تحقق ذات صلة", "相关核查"),
	tr("By %s", "Por %s", "Por %s", "Par %s", "Von %s", "بقلم %s", "作者：%s"),
	tr("Published %s", "Publicado el %s", "Publicado em %s", "Publié le %s", "Veröffentlicht am %s", "نُشر في %s", "发布于 %s"),
	tr("Updated %s", "Actualizado el %s", "Atualizado em %s", "Mis à jour le %s", "Aktualisiert am %s", "حُدّث في %s", "更新于 %s"),
	tr("Published", "Publicado", "Publicado", "Publié", "Veröffentlicht", "نُشر", "发布"),
	tr("Share this fact-check", "Comparta esta verificación", "Compartilhe esta checagem", "Partager cette vérification", "Diesen Faktencheck teilen", "شارك هذا التحقق", "分享此核查"),
	tr("Copy link", "Copiar enlace", "Copiar link", "Copier le lien", "Link kopieren", "نسخ الرابط", "复制链接"),
	tr("Share…", "Compartir…", "Compartilhar…", "Partager…", "Teilen…", "مشاركة…", "分享…"),
	tr("Link copied.", "Enlace copiado.", "Link copiado.", "Lien copié.", "Link kopiert.", "نُسخ الرابط.", "链接已复制。"),
	tr("Could not copy the link: %s", "No se pudo copiar el enlace: %s", "Não foi possível copiar o link: %s", "Impossible de copier le lien : %s", "Der Link konnte nicht kopiert werden: %s", "تعذّر نسخ الرابط: %s", "无法复制链接：%s"),
	tr("Cite this fact-check", "Cite esta verificación", "Cite esta checagem", "Citer cette vérification", "Diesen Faktencheck zitieren", "استشهد بهذا التحقق", "引用此核查"),

	// Listings.
	tr("claimed %s", "dicho el %s", "dito em %s", "affirmé le %s", "behauptet am %s", "قيل في %s", "提出于 %s"),
	tr("checked %s", "verificado el %s", "checado em %s", "vérifié le %s", "geprüft am %s", "تُحقّق منه في %s", "核查于 %s"),
	tr("No fact-checks yet.", "Aún no hay verificaciones.", "Ainda não há checagens.", "Aucune vérification pour l’instant.", "Noch keine Faktenchecks.", "لا توجد عمليات تحقق بعد.", "暂无核查。"),
	tr("Pages", "Páginas", "Páginas", "Pages", "Seiten", "الصفحات", "分页"),
	tr("Languages", "Idiomas", "Idiomas", "Langues", "Sprachen", "اللغات", "语言"),
	tr("← Newer", "← Más recientes", "← Mais recentes", "← Plus récentes", "← Neuere", "→ الأحدث", "← 较新"),
	tr("Page %d of %d", "Página %d de %d", "Página %d de %d", "Page %d sur %d", "Seite %d von %d", "الصفحة %d من %d", "第 %d 页，共 %d 页"),
	tr("Older →", "Más antiguas →", "Mais antigas →", "Plus anciennes →", "Ältere →", "الأقدم ←", "较早 →"),
	tr("Fact-checks by rating", "Verificaciones por calificación", "Checagens por classificação", "Vérifications par évaluation", "Faktenchecks nach Bewertung", "عمليات التحقق حسب التقييم", "按评级浏览核查"),
	tr("Latest fact-checks", "Últimas verificaciones", "Últimas checagens", "Dernières vérifications", "Neueste Faktenchecks", "أحدث عمليات التحقق", "最新核查"),
	pl("%d claims", "%d claim|%d claims", "%d afirmación|%d afirmaciones", "%d afirmação|%d afirmações", "%d affirmation|%d affirmations", "%d Behauptung|%d Behauptungen",
		"لا ادعاءات|ادعاء واحد|ادعاءان|%d ادعاءات|%d ادعاءً|%d ادعاء", "%d 条说法"),
	pl("%d fact-checks", "%d fact-check|%d fact-checks", "%d verificación|%d verificaciones", "%d checagem|%d checagens", "%d vérification|%d vérifications", "%d Faktencheck|%d Faktenchecks",
		"لا عمليات تحقق|عملية تحقق واحدة|عمليتا تحقق|%d عمليات تحقق|%d عملية تحقق|%d عملية تحقق", "%d 条核查"),
	pl("All %d fact-checks →", "All %d fact-check →|All %d fact-checks →", "La única verificación →|Las %d verificaciones →", "A única checagem →|As %d checagens →", "La seule vérification →|Les %d vérifications →", "Der einzige Faktencheck →|Alle %d Faktenchecks →",
		"لا عمليات تحقق|عملية التحقق الوحيدة ←|عمليتا التحقق ←|عمليات التحقق الـ%d ←|عمليات التحقق الـ%d ←|عمليات التحقق الـ%d ←", "全部 %d 条核查 →"),
	pl("%d fact-checks, newest first.", "%d fact-check, newest first.|%d fact-checks, newest first.",
		"%d verificación, las más recientes primero.|%d verificaciones, las más recientes primero.",
		"%d checagem, das mais recentes às mais antigas.|%d checagens, das mais recentes às mais antigas.",
		"%d vérification, des plus récentes aux plus anciennes.|%d vérifications, des plus récentes aux plus anciennes.",
		"%d Faktencheck, die neuesten zuerst.|%d Faktenchecks, die neuesten zuerst.",
		"لا عمليات تحقق.|عملية تحقق واحدة.|عمليتا تحقق، الأحدث أولًا.|%d عمليات تحقق، الأحدث أولًا.|%d عملية تحقق، الأحدث أولًا.|%d عملية تحقق، الأحدث أولًا.",
		"%d 条核查，最新的在前。"),

	// The search page and its script.
	tr("Search needs JavaScript. Without it, browse %s, %s, %s or %s.",
		"La búsqueda necesita JavaScript. Sin él, explore %s, %s, %s o %s.",
		"A busca precisa de JavaScript. Sem ele, navegue por %s, %s, %s ou %s.",
		"La recherche nécessite JavaScript. Sans lui, parcourez %s, %s, %s ou %s.",
		"Die Suche braucht JavaScript. Ohne JavaScript finden Sie alles über %s, %s, %s oder %s.",
		"يتطلب البحث JavaScript. من دونه، تصفّح %s أو %s أو %s أو %s.",
		"搜索需要 JavaScript。没有它，您可以浏览%s、%s、%s或%s。"),
	tr("all fact-checks", "todas las verificaciones", "todas as checagens", "toutes les vérifications", "alle Faktenchecks", "كل عمليات التحقق", "全部核查"),
	tr("ratings", "las calificaciones", "as classificações", "les évaluations", "Bewertungen", "التقييمات", "评级"),
	tr("topics", "los temas", "os temas", "les thèmes", "Themen", "المواضيع", "主题"),
	tr("claimants", "los autores de las afirmaciones", "os autores das afirmações", "les auteurs des propos", "Urheber", "أصحاب الادعاءات", "声明者"),
	tr("Search fact-checks", "Buscar verificaciones", "Buscar checagens", "Rechercher des vérifications", "Faktenchecks durchsuchen", "ابحث في عمليات التحقق", "搜索核查"),
	tr("Words from a claim, a claimant or a topic", "Palabras de una afirmación, de su autor o de un tema", "Palavras de uma afirmação, de seu autor ou de um tema", "Mots d’une affirmation, d’un auteur ou d’un thème", "Wörter aus einer Behauptung, einem Urheber oder einem Thema", "كلمات من ادعاء أو من صاحبه أو من موضوع", "说法、声明者或主题中的词语"),
	tr("Any rating", "Cualquier calificación", "Qualquer classificação", "Toute évaluation", "Jede Bewertung", "أي تقييم", "任意评级"),
	tr("Topic", "Tema", "Tema", "Thème", "Thema", "الموضوع", "主题"),
	tr("Any topic", "Cualquier tema", "Qualquer tema", "Tout thème", "Jedes Thema", "أي موضوع", "任意主题"),
	tr("Claimant", "Autor", "Autor", "Auteur", "Urheber", "صاحب الادعاء", "声明者"),
	tr("Author", "Verificador", "Checador", "Vérificateur", "Faktenprüfer", "مدقق الحقائق", "核查员"),
	tr("Anyone", "Cualquiera", "Qualquer um", "N’importe qui", "Alle", "أي شخص", "任何人"),
	tr("Results", "Resultados", "Resultados", "Résultats", "Ergebnisse", "النتائج", "结果"),
	tr("More results", "Más resultados", "Mais resultados", "Plus de résultats", "Weitere Ergebnisse", "مزيد من النتائج", "更多结果"),
	tr("Type a word to search.", "Escriba una palabra para buscar.", "Digite uma palavra para buscar.", "Tapez un mot pour chercher.", "Geben Sie ein Wort ein.", "اكتب كلمة للبحث.", "输入词语进行搜索。"),
	tr("The search index could not be loaded.", "No se pudo cargar el índice de búsqueda.", "Não foi possível carregar o índice de busca.", "L’index de recherche n’a pas pu être chargé.", "Der Suchindex konnte nicht geladen werden.", "تعذّر تحميل فهرس البحث.", "无法加载搜索索引。"),
	tr("No fact-checks match", "Ninguna verificación coincide", "Nenhuma checagem corresponde", "Aucune vérification ne correspond", "Kein Faktencheck passt", "لا توجد عمليات تحقق مطابقة", "没有匹配的核查"),
	tr("%s %s.", "%s con %s.", "%s a %s.", "%s à %s.", "%s zu %s.", "%s %s.", "%s：%s。"),
	tr("rating %s", "calificación: %s", "classificação: %s", "évaluation : %s", "Bewertung: %s", "التقييم: %s", "评级：%s"),
	tr("topic %s", "tema: %s", "tema: %s", "thème : %s", "Thema: %s", "الموضوع: %s", "主题：%s"),
	tr("claimant %s", "autor: %s", "autor: %s", "auteur : %s", "Urheber: %s", "صاحب الادعاء: %s", "声明者：%s"),
	pl("%d fact-checks match", "%d fact-check matches|%d fact-checks match", "%d verificación coincide|%d verificaciones coinciden", "%d checagem corresponde|%d checagens correspondem", "%d vérification correspond|%d vérifications correspondent", "%d Faktencheck passt|%d Faktenchecks passen",
		"لا توجد عمليات تحقق مطابقة|عملية تحقق واحدة مطابقة|عمليتا تحقق مطابقتان|%d عمليات تحقق مطابقة|%d عملية تحقق مطابقة|%d عملية تحقق مطابقة", "%d 条核查匹配"),

	// Other listings.
	tr("The documents our fact-checks quote. Each page shows the stored text with every quoted passage highlighted.",
		"Los documentos que citan nuestras verificaciones. Cada página muestra el texto guardado con cada pasaje citado resaltado.",
		"Os documentos citados em nossas checagens. Cada página mostra o texto armazenado com cada trecho citado destacado.",
		"Les documents que citent nos vérifications. Chaque page montre le texte conservé, chaque passage cité étant surligné.",
		"Die Dokumente, die unsere Faktenchecks zitieren. Jede Seite zeigt den gespeicherten Text, jede zitierte Stelle hervorgehoben.",
		"الوثائق التي تقتبس منها عمليات التحقق لدينا. تعرض كل صفحة النص المحفوظ مع إبراز كل مقطع مقتبس.",
		"我们的核查所引用的文件。每个页面都展示存档文本，并突出显示每一处被引用的段落。"),
	pl("cited by %d fact-checks", "cited by %d fact-check|cited by %d fact-checks", "citada en %d verificación|citada en %d verificaciones", "citada em %d checagem|citada em %d checagens", "citée dans %d vérification|citée dans %d vérifications", "zitiert in %d Faktencheck|zitiert in %d Faktenchecks",
		"لم يُستشهد بها|استُشهد بها في عملية تحقق واحدة|استُشهد بها في عمليتي تحقق|استُشهد بها في %d عمليات تحقق|استُشهد بها في %d عملية تحقق|استُشهد بها في %d عملية تحقق", "被 %d 条核查引用"),
	tr("No sources yet.", "Aún no hay fuentes.", "Ainda não há fontes.", "Aucune source pour l’instant.", "Noch keine Quellen.", "لا توجد مصادر بعد.", "暂无来源。"),
	tr("None yet.", "Nada todavía.", "Nada ainda.", "Rien pour l’instant.", "Noch nichts.", "لا شيء بعد.", "暂无。"),
	tr("Every fact-check ends with one rating from this scale, best first. We rate what the sources we quote show.",
		"Cada verificación termina con una calificación de esta escala, de la mejor a la peor. Calificamos lo que muestran las fuentes que citamos.",
		"Cada checagem termina com uma classificação desta escala, da melhor para a pior. Classificamos o que mostram as fontes que citamos.",
		"Chaque vérification se conclut par une évaluation de cette échelle, de la meilleure à la pire. Nous évaluons ce que montrent les sources que nous citons.",
		"Jeder Faktencheck endet mit einer Bewertung dieser Skala, die beste zuerst. Wir bewerten, was die zitierten Quellen zeigen.",
		"ينتهي كل تحقق بتقييم واحد من هذا السلّم، من الأفضل إلى الأسوأ. نقيّم ما تُظهره المصادر التي نقتبس منها.",
		"每篇核查都以此量表中的一个评级作结，从最好到最差排列。我们依据所引用来源显示的内容进行评级。"),
	tr("When we get something wrong, we fix it and say so here and on the fact-check.",
		"Cuando nos equivocamos, lo corregimos y lo decimos aquí y en la verificación.",
		"Quando erramos, corrigimos e informamos aqui e na checagem.",
		"Quand nous nous trompons, nous corrigeons et le signalons ici et sur la vérification.",
		"Wenn uns ein Fehler unterläuft, korrigieren wir ihn und sagen es hier und im Faktencheck.",
		"عندما نخطئ، نصحّح الخطأ ونُعلن ذلك هنا وفي صفحة التحقق.",
		"我们出错时会予以更正，并在此处和相应核查中说明。"),
	tr("No corrections so far.", "Ninguna corrección hasta ahora.", "Nenhuma correção até agora.", "Aucune correction à ce jour.", "Bisher keine Korrekturen.", "لا تصحيحات حتى الآن.", "目前没有更正。"),
	tr("Rated %s", "Calificadas: %s", "Classificadas como %s", "Évaluées %s", "Bewertet mit %s", "مصنّفة %s", "评级：%s"),
	tr("The whole scale", "Toda la escala", "A escala completa", "Toute l’échelle", "Die ganze Skala", "السلّم كاملًا", "完整量表"),
	tr("All fact-checks", "Todas las verificaciones", "Todas as checagens", "Toutes les vérifications", "Alle Faktenchecks", "كل عمليات التحقق", "全部核查"),
	tr("Every fact-check, newest first.", "Todas las verificaciones, las más recientes primero.", "Todas as checagens, das mais recentes às mais antigas.", "Toutes les vérifications, des plus récentes aux plus anciennes.", "Alle Faktenchecks, die neuesten zuerst.", "كل عمليات التحقق، الأحدث أولًا.", "全部核查，最新的在前。"),
	tr("Every correction we have made, newest first.", "Todas las correcciones que hemos hecho, las más recientes primero.", "Todas as correções que fizemos, das mais recentes às mais antigas.", "Toutes nos corrections, des plus récentes aux plus anciennes.", "Alle unsere Korrekturen, die neuesten zuerst.", "كل التصحيحات التي أجريناها، الأحدث أولًا.", "我们做出的全部更正，最新的在前。"),
	tr("Search the fact-checks.", "Busque en las verificaciones.", "Busque nas checagens.", "Recherchez parmi les vérifications.", "Durchsuchen Sie die Faktenchecks.", "ابحث في عمليات التحقق.", "搜索核查。"),

	// A source page.
	tr("Source", "Fuente", "Fonte", "Source", "Quelle", "المصدر", "来源"),
	// The kinds of source (a source's "kind").
	tr("primary", "fuente primaria", "fonte primária", "source primaire", "Primärquelle", "مصدر أولي", "原始资料"),
	tr("report", "informe", "relatório", "rapport", "Bericht", "تقرير", "报告"),
	tr("news", "noticia", "notícia", "article de presse", "Nachricht", "خبر", "新闻"),
	tr("statement", "declaración", "declaração", "déclaration", "Erklärung", "بيان", "声明"),
	tr("dataset", "datos", "dados", "données", "Datensatz", "بيانات", "数据集"),
	tr("social", "redes sociales", "redes sociais", "réseaux sociaux", "soziale Medien", "وسائل التواصل الاجتماعي", "社交媒体"),
	tr("other", "otra", "outra", "autre", "Sonstiges", "أخرى", "其他"),
	tr("Publisher", "Editor", "Editora", "Éditeur", "Herausgeber", "الناشر", "发布者"),
	tr("Accessed", "Consultado", "Acessado", "Consulté", "Abgerufen", "تاريخ الاطلاع", "访问日期"),
	tr("Original", "Original", "Original", "Original", "Original", "الأصل", "原文"),
	tr("Archived copy", "Copia archivada", "Cópia arquivada", "Copie archivée", "Archivkopie", "نسخة مؤرشفة", "存档副本"),
	tr("Editor's note", "Nota del editor", "Nota do editor", "Note de la rédaction", "Anmerkung der Redaktion", "ملاحظة المحرر", "编者按"),
	tr("Editor's note:", "Nota del editor:", "Nota do editor:", "Note de la rédaction :", "Anmerkung der Redaktion:", "ملاحظة المحرر:", "编者按："),
	tr("Stored text", "Texto guardado", "Texto armazenado", "Texte conservé", "Gespeicherter Text", "النص المحفوظ", "存档文本"),
	tr("This is the text our quotes are checked against.", "Este es el texto con el que se comprueban nuestras citas.", "Este é o texto com o qual nossas citações são conferidas.", "Voici le texte auquel nos citations sont comparées.", "Mit diesem Text werden unsere Zitate abgeglichen.", "هذا هو النص الذي تُطابَق معه اقتباساتنا.", "这是我们核对引文所依据的文本。"),
	tr("This is the text our quotes are checked against; underlined passages are quoted in our fact-checks, and the number after each is the quote's number in its fact-check and leads back to it.",
		"Este es el texto con el que se comprueban nuestras citas; los pasajes subrayados se citan en nuestras verificaciones, y el número que sigue a cada uno es el de la cita en su verificación y lleva de vuelta a ella.",
		"Este é o texto com o qual nossas citações são conferidas; os trechos sublinhados são citados em nossas checagens, e o número após cada um é o da citação em sua checagem e leva de volta a ela.",
		"Voici le texte auquel nos citations sont comparées ; les passages soulignés sont cités dans nos vérifications, et le numéro qui suit chacun est celui de la citation dans sa vérification et y ramène.",
		"Mit diesem Text werden unsere Zitate abgeglichen; unterstrichene Stellen werden in unseren Faktenchecks zitiert, und die Zahl dahinter ist die Nummer des Zitats in seinem Faktencheck und führt dorthin zurück.",
		"هذا هو النص الذي تُطابَق معه اقتباساتنا؛ المقاطع المسطَّرة مقتبسة في عمليات التحقق لدينا، والرقم بعد كل منها هو رقم الاقتباس في عملية التحقق ويعيد إليها.",
		"这是我们核对引文所依据的文本；带下划线的段落被我们的核查引用，每段后的数字是该引文在其核查中的编号，点击可返回该核查。"),
	tr("Passages quoted in %s stand out.", "Los pasajes citados en %s destacan.", "Os trechos citados em %s se destacam.", "Les passages cités dans %s sont mis en avant.", "Die in %s zitierten Stellen sind hervorgehoben.", "المقاطع المقتبسة في %s بارزة.", "%s 引用的段落已突出显示。"),
	tr("Show all alike", "Mostrar todos por igual", "Mostrar todos iguais", "Tout afficher pareil", "Alle gleich zeigen", "اعرض الكل بالتساوي", "全部同样显示"),
	tr("Imported from", "Importado de", "Importado de", "Importé de", "Importiert aus", "مستورد من", "导入自"),
	tr("Original file", "Archivo original", "Arquivo original", "Fichier d’origine", "Originaldatei", "الملف الأصلي", "原始文件"),
	tr("PDF", "PDF", "PDF", "PDF", "PDF", "PDF", "PDF"),
	tr("Web page", "Página web", "Página da web", "Page web", "Webseite", "صفحة ويب", "网页"),
	tr("WebVTT captions", "Subtítulos WebVTT", "Legendas WebVTT", "Sous-titres WebVTT", "WebVTT-Untertitel", "ترجمة WebVTT", "WebVTT 字幕"),
	tr("SRT captions", "Subtítulos SRT", "Legendas SRT", "Sous-titres SRT", "SRT-Untertitel", "ترجمة SRT", "SRT 字幕"),
	tr("Plain text", "Texto sin formato", "Texto simples", "Texte brut", "Reiner Text", "نص عادي", "纯文本"),
	pl("%d bytes", "%d byte|%d bytes", "%d byte|%d bytes", "%d byte|%d bytes", "%d octet|%d octets", "%d Byte|%d Bytes",
		"صفر بايت|بايت واحد|بايتان|%d بايتات|%d بايتًا|%d بايت", "%d 字节"),
	pl("%d pages", "%d page|%d pages", "%d página|%d páginas", "%d página|%d páginas", "%d page|%d pages", "%d Seite|%d Seiten",
		"لا صفحات|صفحة واحدة|صفحتان|%d صفحات|%d صفحةً|%d صفحة", "%d 页"),
	tr("%s long", "%s de duración", "%s de duração", "%s de durée", "%s lang", "مدته %s", "时长 %s"),
	tr("SHA-256 of the file", "SHA-256 del archivo", "SHA-256 do arquivo", "SHA-256 du fichier", "SHA-256 der Datei", "SHA-256 للملف", "文件的 SHA-256"),
	tr("Taken", "Obtenido", "Obtido", "Récupéré", "Abgerufen am", "أُخذ في", "获取时间"),
	tr("%s, %s UTC", "%s, %s UTC", "%s, %s UTC", "%s, %s UTC", "%s, %s Uhr UTC", "%s، %s بالتوقيت العالمي", "%s %s（UTC）"),
	tr("Edited by hand since it was imported: quotes are checked against the edited text",
		"Editado a mano desde su importación: las citas se comprueban con el texto editado",
		"Editado à mão desde a importação: as citações são conferidas com o texto editado",
		"Modifié à la main depuis son import : les citations sont vérifiées sur le texte modifié",
		"Seit dem Import von Hand bearbeitet: Zitate werden mit dem bearbeiteten Text abgeglichen",
		"عُدّل يدويًا منذ استيراده: تُطابَق الاقتباسات مع النص المعدَّل",
		"导入后经过手动编辑：引文按编辑后的文本核对"),
	tr("Unchanged since it was imported", "Sin cambios desde su importación", "Sem alterações desde a importação", "Inchangé depuis son import", "Seit dem Import unverändert", "لم يتغير منذ استيراده", "导入后未经改动"),
	tr("No text of this source is stored, so quotes from it are shown as unverified.",
		"No se guarda ningún texto de esta fuente, así que sus citas se muestran como no verificadas.",
		"Nenhum texto desta fonte está armazenado, por isso suas citações aparecem como não verificadas.",
		"Aucun texte de cette source n’est conservé : ses citations sont donc présentées comme non vérifiées.",
		"Von dieser Quelle ist kein Text gespeichert, daher werden Zitate daraus als ungeprüft angezeigt.",
		"لا يوجد نص محفوظ لهذا المصدر، لذا تظهر الاقتباسات منه غير مُتحقَّق منها.",
		"未存储此来源的文本，因此其引文显示为未核实。"),
	tr("Quoted in", "Citada en", "Citada em", "Citée dans", "Zitiert in", "مقتبس في", "引用于"),
	tr("Left out of the quote", "Omitido en la cita", "Omitido na citação", "Omis dans la citation", "In der Zitierung ausgelassen", "محذوف من الاقتباس", "引文中省略的部分"),
	tr("Quoted in: %s", "Citada en: %s", "Citada em: %s", "Citée dans : %s", "Zitiert in: %s", "مقتبس في: %s", "引用于：%s"),
	tr("Quote %d, quoted in: %s", "Cita %d, citada en: %s", "Citação %d, citada em: %s", "Citation %d, citée dans : %s", "Zitat %d, zitiert in: %s", "الاقتباس %d، مقتبس في: %s", "引文 %d，引用于：%s"),
	tr("Page %d", "Página %d", "Página %d", "Page %d", "Seite %d", "الصفحة %d", "第 %d 页"),

	// Not found, moved.
	tr("Page not found", "Página no encontrada", "Página não encontrada", "Page introuvable", "Seite nicht gefunden", "الصفحة غير موجودة", "找不到页面"),
	tr("There is no page at this address. It may have moved: try %s, or start from %s.",
		"No hay ninguna página en esta dirección. Quizá se ha movido: pruebe a %s o empiece por %s.",
		"Não há página neste endereço. Ela pode ter mudado de lugar: tente %s ou comece por %s.",
		"Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée : essayez de %s, ou partez de %s.",
		"Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben: Versuchen Sie die %s oder beginnen Sie bei %s.",
		"لا توجد صفحة بهذا العنوان. ربما نُقلت: جرّب %s، أو ابدأ من %s.",
		"此地址没有页面。它可能已被移动：请尝试%s，或从%s开始。"),
	tr("searching", "buscar", "buscar", "chercher", "Suche", "البحث", "搜索"),
	tr("Moved: %s", "Movida: %s", "Movida: %s", "Déplacée : %s", "Verschoben: %s", "نُقلت: %s", "已移动：%s"),
	tr("This fact-check has moved to %s.", "Esta verificación se ha trasladado a %s.", "Esta checagem foi movida para %s.", "Cette vérification a été déplacée vers %s.", "Dieser Faktencheck ist umgezogen: %s.", "نُقل هذا التحقق إلى %s.", "此核查已移至%s。"),

	// Punctuation that differs by language: a quotation, a label and its
	// value, the separator of a list.
	tr("“%s”", "«%s»", "“%s”", "« %s »", "„%s“", "«%s»", "“%s”"),
	tr("%s: %s", "%s: %s", "%s: %s", "%s : %s", "%s: %s", "%s: %s", "%s：%s"),
	tr(", ", ", ", ", ", ", ", ", ", "، ", "、"),

	// A claim page's quotes, sources and citation.
	tr("source %d", "fuente %d", "fonte %d", "source %d", "Quelle %d", "المصدر %d", "来源 %d"),
	tr("✓ verified", "✓ verificada", "✓ verificada", "✓ vérifiée", "✓ geprüft", "✓ مُتحقَّق منه", "✓已核实"),
	tr("unverified: the source's text is not stored", "sin verificar: no se guarda el texto de la fuente", "não verificada: o texto da fonte não está armazenado", "non vérifiée : le texte de la source n’est pas conservé", "ungeprüft: der Text der Quelle ist nicht gespeichert", "غير مُتحقَّق منه: نص المصدر غير محفوظ", "未核实：未存储来源文本"),
	tr("not found in the source", "no se encuentra en la fuente", "não encontrada na fonte", "introuvable dans la source", "nicht in der Quelle gefunden", "غير موجود في المصدر", "在来源中未找到"),
	tr("see it in the source", "verla en la fuente", "ver na fonte", "la voir dans la source", "in der Quelle ansehen", "اطّلع عليه في المصدر", "在来源中查看"),
	tr("in the original ↗", "en el original ↗", "no original ↗", "dans l’original ↗", "im Original ↗", "في الأصل ↗", "查看原文 ↗"),
	tr("unverified", "sin verificar", "não verificada", "non vérifiée", "ungeprüft", "غير مُتحقَّق منه", "未核实"),
	tr("Found word for word in the stored source", "Encontrada palabra por palabra en la fuente guardada", "Encontrada palavra por palavra na fonte armazenada", "Trouvée mot pour mot dans la source conservée", "Wort für Wort in der gespeicherten Quelle gefunden", "وُجد حرفيًا في المصدر المحفوظ", "在存档来源中逐字找到"),
	tr("The source's text is not stored, so this quote could not be checked", "El texto de la fuente no está guardado, así que esta cita no se pudo comprobar", "O texto da fonte não está armazenado, por isso esta citação não pôde ser conferida", "Le texte de la source n’est pas conservé : cette citation n’a donc pas pu être vérifiée", "Der Text der Quelle ist nicht gespeichert, daher konnte dieses Zitat nicht geprüft werden", "نص المصدر غير محفوظ، لذا تعذّر التحقق من هذا الاقتباس", "未存储来源文本，因此无法核对此引文"),
	tr("original ↗", "original ↗", "original ↗", "original ↗", "Original ↗", "الأصل ↗", "原文 ↗"),
	tr("archived copy ↗", "copia archivada ↗", "cópia arquivada ↗", "copie archivée ↗", "Archivkopie ↗", "نسخة مؤرشفة ↗", "存档副本 ↗"),
	tr("%s. %s — rated %s. Published %s.",
		"%s. %s — calificación: %s. Publicada el %s.",
		"%s. %s — classificação: %s. Publicada em %s.",
		"%s. %s — évaluation : %s. Publiée le %s.",
		"%s. %s – Bewertung: %s. Veröffentlicht am %s.",
		"%s. %s — التقييم: %s. نُشر في %s.",
		"%s。%s——评级：%s。发布于%s。"),
	tr("%s. %s — rated %s. Published %s, updated %s.",
		"%s. %s — calificación: %s. Publicada el %s, actualizada el %s.",
		"%s. %s — classificação: %s. Publicada em %s, atualizada em %s.",
		"%s. %s — évaluation : %s. Publiée le %s, mise à jour le %s.",
		"%s. %s – Bewertung: %s. Veröffentlicht am %s, aktualisiert am %s.",
		"%s. %s — التقييم: %s. نُشر في %s، وحُدّث في %s.",
		"%s。%s——评级：%s。发布于%s，更新于%s。"),

	// Descriptions and titles of pages, for search engines and link
	// previews.
	tr("The documents our fact-checks quote, with their stored text.",
		"Los documentos que citan nuestras verificaciones, con su texto guardado.",
		"Os documentos citados em nossas checagens, com seu texto armazenado.",
		"Les documents que citent nos vérifications, avec leur texte conservé.",
		"Die Dokumente, die unsere Faktenchecks zitieren, mit ihrem gespeicherten Text.",
		"الوثائق التي تقتبس منها عمليات التحقق لدينا، مع نصها المحفوظ.",
		"我们的核查所引用的文件及其存档文本。"),
	tr("Source: %s, %s", "Fuente: %s, %s", "Fonte: %s, %s", "Source : %s, %s", "Quelle: %s, %s", "المصدر: %s، %s", "来源：%s，%s"),
	tr("The rating scale and what each rating means.",
		"La escala de calificaciones y lo que significa cada una.",
		"A escala de classificações e o que cada uma significa.",
		"L’échelle d’évaluation et ce que signifie chaque évaluation.",
		"Die Bewertungsskala und was jede Bewertung bedeutet.",
		"سلّم التقييم وما يعنيه كل تقييم.",
		"评级量表及每个评级的含义。"),
	tr("Topics of our fact-checks.", "Los temas de nuestras verificaciones.", "Os temas de nossas checagens.", "Les thèmes de nos vérifications.", "Die Themen unserer Faktenchecks.", "مواضيع عمليات التحقق لدينا.", "我们核查的主题。"),
	tr("Claimants of our fact-checks.", "Los autores de las afirmaciones que verificamos.", "Os autores das afirmações que checamos.", "Les auteurs des propos que nous vérifions.", "Die Urheber der Aussagen, die wir prüfen.", "أصحاب الادعاءات التي تحققنا منها.", "我们所核查说法的声明者。"),
	tr("Authors of our fact-checks.", "Quienes escriben nuestras verificaciones.", "Quem escreve nossas checagens.", "Les auteurs de nos vérifications.", "Die Autorinnen und Autoren unserer Faktenchecks.", "كتّاب عمليات التحقق لدينا.", "我们核查报道的作者。"),
	tr("Fact-checks by %s.", "Verificaciones de %s.", "Checagens de %s.", "Vérifications de %s.", "Faktenchecks von %s.", "عمليات تحقق كتبها %s.", "%s撰写的核查。"),
	tr("Claims by %s that we fact-checked.", "Afirmaciones de %s que verificamos.", "Afirmações de %s que checamos.", "Les affirmations de %s que nous avons vérifiées.", "Behauptungen von %s, die wir geprüft haben.", "ادعاءات %s التي تحققنا منها.", "我们核查过的%s的说法。"),
	tr("Our fact-checks on %s.", "Nuestras verificaciones sobre %s.", "Nossas checagens sobre %s.", "Nos vérifications sur le thème %s.", "Unsere Faktenchecks zum Thema %s.", "عمليات تحققنا حول %s.", "我们关于%s的核查。"),
	tr("Latest: %s, rated %s.", "La más reciente: %s, calificada %s.", "A mais recente: %s, classificada como %s.", "La plus récente : %s, évaluée %s.", "Zuletzt: %s, bewertet als %s.", "الأحدث: %s، بتقييم %s.", "最新：%s，评级为%s。"),
	tr("%s (page %d)", "%s (página %d)", "%s (página %d)", "%s (page %d)", "%s (Seite %d)", "%s (الصفحة %d)", "%s（第 %d 页）"),

	// The share card and share links.
	tr("Claimed by %s", "Dicho por %s", "Dito por %s", "Affirmé par %s", "Behauptet von %s", "قاله %s", "声明者：%s"),
	tr("Rated %s: %s, claimed by %s. %s",
		"Calificación: %s. %s, dicho por %s. %s",
		"Classificação: %s. %s, dito por %s. %s",
		"Évaluation : %s. %s, affirmé par %s. %s",
		"Bewertung: %s. %s, behauptet von %s. %s",
		"التقييم: %s. %s، قاله %s. %s",
		"评级：%s。%s，声明者：%s。%s"),
	tr("E-mail", "Correo electrónico", "E-mail", "E-mail", "E-Mail", "البريد الإلكتروني", "电子邮件"),

	// The dev server's error overlay.
	pl("The site has %d errors; you are seeing the last good build. Fix the files and this page reloads.",
		"The site has %d error; you are seeing the last good build. Fix the files and this page reloads.|The site has %d errors; you are seeing the last good build. Fix the files and this page reloads.",
		"El sitio tiene %d error; está viendo la última versión correcta. Corrija los archivos y esta página se recargará.|El sitio tiene %d errores; está viendo la última versión correcta. Corrija los archivos y esta página se recargará.",
		"O site tem %d erro; você está vendo a última versão boa. Corrija os arquivos e esta página será recarregada.|O site tem %d erros; você está vendo a última versão boa. Corrija os arquivos e esta página será recarregada.",
		"Le site a %d erreur ; vous voyez la dernière version correcte. Corrigez les fichiers et cette page se rechargera.|Le site a %d erreurs ; vous voyez la dernière version correcte. Corrigez les fichiers et cette page se rechargera.",
		"Die Website hat %d Fehler; Sie sehen den letzten fehlerfreien Stand. Korrigieren Sie die Dateien, dann lädt diese Seite neu.|Die Website hat %d Fehler; Sie sehen den letzten fehlerfreien Stand. Korrigieren Sie die Dateien, dann lädt diese Seite neu.",
		"لا أخطاء في الموقع.|في الموقع خطأ واحد؛ تشاهد آخر نسخة سليمة. أصلح الملفات وستُعاد تحميل هذه الصفحة.|في الموقع خطآن؛ تشاهد آخر نسخة سليمة. أصلح الملفات وستُعاد تحميل هذه الصفحة.|في الموقع %d أخطاء؛ تشاهد آخر نسخة سليمة. أصلح الملفات وستُعاد تحميل هذه الصفحة.|في الموقع %d خطأً؛ تشاهد آخر نسخة سليمة. أصلح الملفات وستُعاد تحميل هذه الصفحة.|في الموقع %d خطأ؛ تشاهد آخر نسخة سليمة. أصلح الملفات وستُعاد تحميل هذه الصفحة.",
		"网站有 %d 个错误；您看到的是上一个正确的版本。修正文件后本页会自动重新加载。"),
	tr("Dismiss", "Cerrar", "Fechar", "Fermer", "Schließen", "إغلاق", "关闭"),
}

// dateFormat is how a language writes a date in full: pattern holds D
// (the day), M (the month's name), N (the month's number) and Y (the
// year); first, when set, is how it writes the first day of a month.
type dateFormat struct {
	pattern string
	first   string
	months  [12]string
}

var dates = map[string]dateFormat{
	"en": {pattern: "D M Y", months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}},
	"es": {pattern: "D de M de Y", months: [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}},
	"pt": {pattern: "D de M de Y", months: [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"}},
	"fr": {pattern: "D M Y", first: "1er", months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}},
	"de": {pattern: "D. M Y", months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}},
	"ar": {pattern: "D M Y", months: [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}},
	"zh": {pattern: "Y年N月D日"},
}
