/*
 * rules.h — every heuristic the extractor uses, as data: tag classes,
 * class/id token lists and thresholds.  The passes in extract.c, score.c
 * and output.c read these tables and contain no magic strings of their own.
 *
 * Token lists are matched against the lower-cased class and id of an
 * element.  *_WORDS match whole pieces (the attribute split on anything
 * that is not a letter or digit, so "post-body" gives "post", "body");
 * *_SUBSTR match inside a piece that is no word of its own, at least
 * SUBSTR_MIN_PIECE long (compounds such as "blogsidebar").  The lists
 * come from the usual suspects of web boilerplate as documented by
 * Readability.js, trafilatura and jusText, tuned on the shared corpora.
 */
#ifndef ARTICLE_RULES_H
#define ARTICLE_RULES_H

/* ----------------------------------------------------------------- tags */

/* Dropped with their subtree in every attempt (never content; <rt> and <rp>
 * are the reading aids of ruby text, not part of the sentence). */
#define RULES_DROP_TAGS \
  "script", "style", "template", "button", "input", "select", "textarea", \
  "option", "label", "svg", "canvas", "object", "applet", "map", "dialog", "menu", \
  "link", "meta", "title", "head", "frame", "frameset", "datalist", "math", "amp-ad", \
  "amp-analytics", "amp-sidebar", "amp-pixel", "amp-embed", "amp-sticky-ad", "amp-consent", \
  "amp-social-share", "amp-user-notification", "amp-lightbox", "amp-geo", "amp-list", \
  "amp-install-serviceworker", "amp-call-tracking", "amp-web-push", "embed", "param", \
  "rt", "rp"

/* Block-level elements: they start and end a paragraph of text. */
#define RULES_BLOCK_TAGS \
  "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", \
  "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", \
  "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "figure", \
  "figcaption", "form", "fieldset", "address", "hr", "body", "html", "center", \
  "details", "summary", "hgroup", "legend", "iframe", "video", "audio", "picture"

/* Structural boilerplate by tag: dropped when "strip unlikely" is on. */
#define RULES_BOILER_TAGS "nav", "aside", "footer"
/* ARIA roles that mark boilerplate. */
#define RULES_BOILER_ROLES \
  "navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "dialog", \
  "alert", "alertdialog", "search", "toolbar", "tablist", "note"

/* Paragraph units scored into their ancestors from their parent up (the
 * others, containers with text of their own, from themselves up). */
#define RULES_PARA_TAGS "p", "pre", "td", "blockquote", "dd", "li"
#define RULES_CONTAINER_PARA_TAGS "div", "section", "article", "main", "center", "font"
/* Candidate prior by tag (Readability's initial scores). */
#define RULES_TAG_PRIORS \
  {"div", 5}, {"pre", 3}, {"td", 3}, {"blockquote", 3}, {"address", -3}, {"ol", -3}, \
  {"ul", -3}, {"dl", -3}, {"dd", -3}, {"dt", -3}, {"li", -3}, {"form", -3}, {"h1", -5}, \
  {"h2", -5}, {"h3", -5}, {"h4", -5}, {"h5", -5}, {"h6", -5}, {"th", -5}, {"article", 5}
/* Elements removed from the chosen content when they look like lists of
 * links or widgets (Readability's "clean conditionally" targets). */
#define RULES_CLEAN_TAGS \
  "form", "fieldset", "table", "ul", "ol", "dl", "div", "section", "aside", "header", \
  "footer", "nav", "figure"
/* Attributes that hold the real source of a lazy image, best first. */
#define RULES_LAZY_SRC_ATTRS \
  "data-src", "data-lazy-src", "data-original", "data-url", "data-lazy", "data-hi-res-src", \
  "data-full-src", "data-original-src", "data-srcset", "data-lazy-srcset", "srcset"
/* A src containing one of these is a placeholder, not the image. */
#define RULES_PLACEHOLDER_SRC "placeholder", "blank.", "spacer", "lazy", "loading", "pixel.", \
  "transparent.", "grey.gif", "1x1"

/* Video embeds kept in the clean HTML (host suffixes of the iframe src). */
#define RULES_VIDEO_HOSTS \
  "youtube.com", "youtube-nocookie.com", "youtu.be", "player.vimeo.com", "vimeo.com", \
  "dailymotion.com", "player.twitch.tv", "ted.com", "archive.org", "w.soundcloud.com", \
  "bandcamp.com", "open.spotify.com"

/* Tags kept in the clean HTML, and the attributes each may keep.  Anything
 * else is unwrapped (its children kept). */
#define RULES_HTML_TAGS \
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", \
  "blockquote", "pre", "code", "em", "strong", "b", "i", "u", "s", "sub", "sup", "mark", \
  "small", "abbr", "q", "cite", "del", "ins", "kbd", "samp", "var", "time", "a", "img", \
  "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", \
  "br", "hr", "iframe", "video", "audio", "source", "picture"

/* Kept tags that hold blocks rather than text: inline content met directly
 * inside them (or inside an unwrapped <div>) is wrapped in a <p>. */
#define RULES_HTML_FLOW_TAGS \
  "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "figure", \
  "picture", "video", "audio"

/* ----------------------------------------------------------- tokens */

/* Elements whose class/id says "not the article" (Readability's unlikely
 * candidates plus trafilatura's boilerplate classes). */
#define RULES_UNLIKELY_WORDS \
  "ad", "ads", "advert", "adverts", "advertisement", "banner", "breadcrumb", \
  "breadcrumbs", "crumbs", "combx", "comment", "comments", "community", "disqus", "extra", \
  "footer", "foot", "gdpr", "header", "masthead", "legends", "menu", "nav", "navbar", \
  "navigation", "related", "remark", "replies", "reply", "rss", "shoutbox", "sidebar", \
  "skyscraper", "social", "sponsor", "sponsored", "supplemental", "agegate", "pagination", \
  "pager", "popup", "modal", "share", "sharing", "shares", "sharebar", "newsletter", \
  "cookie", "cookies", "consent", "promo", "subscribe", "subscription", "signup", \
  "toolbar", "outbrain", "taboola", "recommended", "trending", \
  "popular", "mostread", "most", "tags", "tagcloud", "author-bio", "byline", "dateline", \
  "copyright", "sitemap", "skip", "jump", "login", "search", "teaser", \
  "teasers", "overlay", "hidden", "noprint", "sr", "visually", "offscreen", "ticker", \
  "related-posts", "yarpp", "wp-caption-credit", "credit", "credits", "caption-credit", \
  "post-meta", "postmeta", "entry-meta", "article-meta", "meta", "metadata", "byline", \
  "author", "authors", "date", "time", "timestamp", "published", "updated", "posted", \
  "categories", "category", "topics", "keywords", "follow", "donate", \
  "alert", "banner-ad", "infobox-ad", "secondary", "complementary"
#define RULES_SUBSTR_MIN_PIECE 5
#define RULES_UNLIKELY_SUBSTR \
  "sidebar", "disqus", "breadcrumb", "newsletter", "cookie", "related", \
  "sharing", "social", "footer", "navbar", "subnav", "menu", "sponsor", "advert", \
  "promo", "popup", "skyscraper", "shoutbox", "taboola", "outbrain", "mostread", \
  "mostpopular", "recommend", "sharebar", "subscribe", "signup", "byline", "modal"

/* Whole class/id tokens that mean boilerplate even with a rescuing word
 * (entry-meta is the date line of an entry, not the entry). */
#define RULES_STRONG_WORDS \
  "entry-meta", "post-meta", "article-meta", "postmeta", "share", "sharing", "social", \
  "related", "newsletter", "cookie", "cookies", "breadcrumb", "breadcrumbs", "advertisement", \
  "ad", "ads", "sharedaddy", "share-buttons", "social-share", "jp-relatedposts", "yarpp", \
  "related-posts", "author-bio", "comments", "comment-list", "commentlist", "byline", \
  "post-tags", "entry-tags", "tags", "printfriendly", "wp-caption-credit", "subscribe", \
  "promo", "banner", "disqus_thread", "gdpr", "modal", "consent", "popup", "disclaimer", \
  "disclosure", "authorbox", "author-box", "about-author", "about-the-author", "author-info", \
  "post-author", "entry-author", "footer", "sidebar", "nav", "navigation"

/* Class tokens with these prefixes name taxonomies (WordPress adds
 * "category-comments", "tag-sidebar" to posts): they are matched whole,
 * never split into pieces. */
#define RULES_TAXONOMY_PREFIXES \
  "category-", "tag-", "post_tag-", "format-", "status-", "type-", "postid-", "post-", \
  "page-id-", "author-", "single-format-", "topic-", "rubrik-", "section-", "tags-"

/* Tokens that rescue an "unlikely" element: it may well be the article. */
#define RULES_MAYBE_WORDS \
  "article", "body", "column", "content", "main", "shadow", "story", "entry", "post", \
  "text", "blog", "hentry", "h-entry", "page"

/* The standfirst of an article: class/id pieces of the intro paragraph
 * that sits between the headline and the body container (news CMSs in
 * English, German, French, Spanish, Portuguese, Italian). */
#define RULES_LEAD_WORDS \
  "lead", "lede", "intro", "introduction", "teaser", "abstract", "summary", "excerpt", \
  "standfirst", "subtitle", "subheadline", "subheading", "deck", "dek", "chapo", "chapeau", \
  "description", "descr", "sapo", "entradilla", "bajada", "sumario", "vorspann", "anriss", \
  "einleitung", "occhiello", "sommario", "catenaccio", "subtitulo", "strapline"

/* Class/id weights (Readability's +-25). */
#define RULES_POSITIVE_WORDS \
  "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", \
  "blog", "story", "articlebody", "story-body", "prose", "e-content", "entry-content", \
  "post-content", "article-body", "article-content", "post-body", "richtext", "rte"
#define RULES_POSITIVE_SUBSTR \
  "article", "content", "entry", "story", "postbody", "maintext", "bodytext"
#define RULES_NEGATIVE_WORDS \
  "ad", "ads", "hidden", "hid", "banner", "combx", "comment", "comments", "com", \
  "contact", "foot", "footer", "footnote", "gdpr", "masthead", "media", "meta", \
  "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", \
  "skyscraper", "sponsor", "shopping", "tags", "tool", "tools", "widget", "byline", \
  "author", "date", "nav", "menu", "social", "caption", "credit", "teaser", "recommended"
#define RULES_NEGATIVE_SUBSTR \
  "sidebar", "footer", "sponsor", "advert", "related", "social", "share", \
  "widget", "newsletter", "promo", "teaser"

/* Comment sections (kept only with include_comments). */
#define RULES_COMMENT_WORDS \
  "comment", "comments", "disqus", "replies", "respond", "discussion", "commentlist", \
  "comment-list", "comments-area", "comment-respond", "reactions", "kommentare", \
  "commentaires", "comentarios"
#define RULES_COMMENT_SUBSTR "disqus"

/* Captions outside <figcaption>: credit lines among them are dropped. */
#define RULES_CAPTION_WORDS \
  "caption", "wp-caption-text", "image-caption", "photo-caption", "img-caption", \
  "media-caption", "caption-text", "figcaption", "bildunterschrift", "legende", "legend", \
  "credit", "credits", "photo-credit", "image-credit"

/* Image credit / caption-duplicate labels dropped from figures. */
#define RULES_CREDIT_WORDS "credit", "credits", "copyright", "photographer", "source"

/* Short standalone blocks that are publisher boilerplate whatever their
 * markup (compared lower-cased, after trimming and leading "(", "*", "[",
 * as prefixes): share and follow prompts, related-content labels, credits,
 * widget labels, date stamps. */
#define RULES_BOILER_PREFIXES \
  "share this", "share on", "share:", "tweet", "follow us", "sign up", "subscribe", \
  "advertisement", "anzeige", "publicidad", "related articles", "related posts", \
  "related stories", "related:", "read more", "read next", "read also", "more from", \
  "more stories", "most read", "most popular", "you may also like", "you might also like", \
  "recommended for you", "all rights reserved", "copyright ©", "©", "image:", "photo:", \
  "getty images", "click here", "loading", "skip to", "back to top", "print this", \
  "email this", "leave a comment", "leave a reply", "comments", "posted in", \
  "filed under", "tags:", "tagged", "categories:", "continue reading", \
  "weiterlesen", "mehr zum thema", "teilen", "impressum", "datenschutz", "lesen sie auch", \
  "lesen sie hier", "das könnte sie auch interessieren", "das könnte dich auch interessieren", \
  "das thema könnte dich auch interessieren", "auch interessant", "viel gelesen", \
  "meistgelesen", "weitere artikel", "weitere beiträge", "ähnliche artikel", "schon gelesen", \
  "lire aussi", "à lire aussi", "a lire aussi", "lire la suite", "dans la même rubrique", \
  "sur le même sujet", "leer más", "lee también", "lea también", "lea más", "vea también", \
  "ver también", "puedes ver", "te puede interesar", "también te puede interesar", \
  "notas relacionadas", "noticias relacionadas", "más noticias", "leia também", \
  "leia mais", "veja também", "leggi anche", "potrebbe interessarti", "czytaj też", \
  "czytaj także", "zobacz też", "zobacz także", "lees ook", "lees meer", "credit:", \
  "credits:", "foto:", "fotos:", "bild:", "quelle:", "source:", "fuente:", "crédit photo", \
  "alle angaben ohne gewähr", "zum newsletter", "jetzt abonnieren", "bild anzeigen", \
  "rezept drucken", "quellen ausblenden", "quellen anzeigen", "externer inhalt", \
  "sie sind aktuell nicht eingeloggt", "publikacja:", "opublikowano:", "aktualisiert am", \
  "erstellt am", "published on", "published:", "updated on", "updated:", "posted on", \
  "publié le", "mis à jour le", "publicado el", "actualizado el", "pubblicato il", \
  "aggiornato il", "atualizado em", "release date:"

/* Calls to action and publisher notices (lower-cased substrings): a run
 * of short blocks holding one of these at the very end (or start) of the
 * content is the publisher talking, not the article (subscription and app
 * pitches, follow-us lines, copyright and reprint notices, "the views
 * expressed" disclaimers, citation boxes, comment prompts). */
#define RULES_NOTICE_MARKS \
  "all rights reserved", "rights reserved", "copyrighted", "without permission", \
  "written permission", "reprint", "sign up", "signing up", "subscribe", "subscriber", \
  "subscription", "newsletter", "follow us", "follow the", "download the", "our app", \
  "click here", "support our", "supporting our", "consider supporting", "advertise with", \
  "contact us at", "email us", "write to", "letters to the editor", "letter to the editor", \
  "suggested citation", "cite this", "views expressed", "opinions expressed", \
  "do not necessarily", "originally appeared", "originally published", "log in", \
  "logged in", "get the latest", "for the latest", "never miss", "enjoyed reading", \
  "abonnier", "abonnement", "folgen sie", "folge uns", "folgt uns", "melden sie sich", \
  "eingeloggt", "einloggen", "hier klicken", "klicken sie", "unterstützen sie", \
  "unterstütze uns", "alle rechte", "nachdruck", "werbung", "anzeige", "meinung des autors", \
  "meinung der autorin", "nicht notwendigerweise", "kennt ihr schon", "gefällt dir", \
  "gefällt ihnen", "suscríb", "suscrib", "suscripción", "síguenos", "siguenos", \
  "descarga", "únete", "regístrate", "registrarte", "boletín", "derechos reservados", \
  "escríbenos", "escribirnos", "haz clic", "nuestro canal", "para comentar", \
  "abonnez", "abonnement", "suivez-nous", "inscrivez", "téléchargez", "droits réservés", \
  "cliquez", "engagent que", "assine", "inscreva", "siga-nos", "baixe o", \
  "direitos reservados", "iscriviti", "abbonati", "seguici", "diritti riservati", \
  "abonneer", "volg ons", "schrijf je in", "alle rechten", "subskrypc", "zapraszamy", \
  "obserwuj", "prawa zastrzeżone", "affiliate", "eine provision", "earn a commission", \
  "small commission", "unterstütze uns", "unterstützen sie uns", "unterstütze unser", \
  "unterstützen sie unser", "hilf mit", "support us", "donate", "spenden sie", "jetzt spenden", \
  "versandkostenfrei", "views expressed"
/* Notice blocks are at most this long (characters), and the run examined
 * at each end of the content at most NOTICE_RUN blocks. */
#define RULES_NOTICE_MAX 400
#define RULES_NOTICE_RUN 6
/* Blocks shorter than this (share labels, dates) are passed over. */
#define RULES_NOTICE_LABEL 30

/* A caption containing one of these (lower-cased) is a credit line, not
 * part of the article: dropped whole. */
#define RULES_CREDIT_MARKS \
  "foto:", "fotos:", "photo:", "photos:", "bild:", "bilder:", "image:", "credit:", \
  "credits:", "©", "(c)", "getty images", "reuters/", "(ap)", "/ap", "afp/", "/afp", \
  "dpa", "shutterstock", "istock", "imago", "picture alliance", "picture-alliance", \
  "bildquelle", "quelle:", "abbildung:", "source:", "fuente:", "crédit", "courtesy of", \
  "via ap", "photographer"
/* A photo credit within the last CREDIT_TAIL bytes of a short block makes
 * it a caption with its credit line, whatever its markup (news agencies
 * are left out: "(dpa)" also closes paragraphs of agency copy). */
#define RULES_CREDIT_TAIL 60
#define RULES_PHOTO_CREDIT_MARKS \
  "©", "(c)", "foto:", "fotos:", "photo:", "photos:", "credit:", "credits:", \
  "getty images", "istock", "shutterstock", "imago", "picture alliance", "picture-alliance", \
  "pixelio", "unsplash", "pixabay", "titelbild", "bildquelle"
/* Captions longer than this are prose, whatever they mention. */
#define RULES_CREDIT_CAPTION_MAX 250

/* ------------------------------------------------------------ prose */

/* Function words of the corpus languages (jusText's idea: prose is dense in
 * them, menus, bylines, product specs and link lists are not).  Only the
 * most frequent ones, lower-case; a word counts once whatever language it
 * belongs to.  Chinese and Japanese have no spaces: each ideograph or kana
 * counts as a word and these particles as function words. */
#define RULES_STOP_EN \
  "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", \
  "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", \
  "does", "did", "not", "no", "it", "its", "this", "that", "these", "those", "there", \
  "their", "they", "them", "he", "she", "his", "her", "him", "we", "our", "you", "your", \
  "i", "my", "me", "who", "which", "what", "when", "where", "how", "will", "would", "can", \
  "could", "should", "may", "might", "must", "than", "then", "so", "if", "about", "into", \
  "over", "after", "before", "also", "more", "most", "such", "only", "other", "some", \
  "all", "any", "up", "out", "just", "very", "because", "while", "between", "both", "each"
#define RULES_STOP_DE \
  "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", \
  "einen", "und", "oder", "aber", "im", "ins", "am", "auf", "aus", "bei", "mit", "nach", \
  "von", "vom", "zu", "zum", "zur", "für", "über", "unter", "vor", "durch", "gegen", "um", \
  "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben", \
  "hatte", "sein", "seine", "ihr", "ihre", "sich", "nicht", "auch", "als", "wie", "dass", \
  "daß", "es", "er", "sie", "wir", "man", "noch", "nur", "schon", "doch", "wenn", "weil", \
  "da", "dann", "diese", "dieser", "dieses", "kann", "können", "mehr", "sehr", "bis", \
  "ob", "was", "wer", "wo", "ich", "du", "uns", "mich", "mir", "ihn", "ihm"
#define RULES_STOP_FR \
  "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "mais", "en", \
  "dans", "sur", "sous", "par", "pour", "avec", "sans", "au", "aux", "ce", "cette", "ces", \
  "cet", "qui", "que", "qu", "dont", "où", "est", "sont", "était", "été", "être", "ont", \
  "avait", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "se", "s", "sa", \
  "son", "ses", "leur", "leurs", "ne", "pas", "plus", "comme", "si", "y", "n", "c", "j", \
  "aussi", "tout", "tous", "très", "entre", "après", "avant"
#define RULES_STOP_ES \
  "el", "los", "las", "una", "unos", "unas", "y", "pero", "del", "al", "con", "por", \
  "para", "sin", "sobre", "que", "qué", "quien", "como", "cuando", "donde", "es", "son", \
  "fue", "ser", "está", "están", "era", "ha", "han", "había", "su", "sus", "lo", "le", \
  "no", "más", "muy", "ya", "también", "este", "esta", "estos", "estas", "ese", "esa", \
  "hay", "sí", "mi", "nos", "yo", "él", "ella", "ellos", "porque", "desde", "hasta", \
  "todo", "todos"
#define RULES_STOP_IT \
  "il", "lo", "gli", "uno", "e", "o", "ma", "di", "della", "dei", "delle", "degli", \
  "dello", "alla", "ai", "alle", "da", "dal", "dalla", "nel", "nella", "nei", "su", "sul", \
  "sulla", "per", "tra", "fra", "che", "chi", "come", "quando", "dove", "è", "sono", \
  "essere", "hanno", "si", "non", "più", "anche", "questo", "questa", "quello", "quella", \
  "suo", "sua", "loro", "ci", "ne", "se", "molto", "già"
#define RULES_STOP_PT \
  "os", "as", "um", "uma", "uns", "umas", "mas", "do", "da", "dos", "das", "em", "na", \
  "nas", "ao", "à", "aos", "com", "pelo", "pela", "sem", "quem", "são", "foi", "estão", \
  "tem", "têm", "há", "seu", "seus", "suas", "não", "mais", "muito", "já", "também", \
  "esse", "essa", "isso", "isto", "ele", "eles", "nós"
#define RULES_STOP_NL \
  "het", "een", "en", "maar", "van", "op", "aan", "met", "voor", "door", "bij", "naar", \
  "uit", "tot", "te", "zijn", "waren", "wordt", "worden", "werd", "heeft", "hebben", \
  "niet", "ook", "dat", "dit", "deze", "hij", "zij", "ze", "wij", "je", "ik", "zich", \
  "nog", "wel", "dan", "al", "meer", "zo", "wat", "wie", "waar"
#define RULES_STOP_PL \
  "w", "z", "że", "się", "nie", "to", "jest", "jak", "od", "po", "dla", "przez", "za", \
  "ale", "oraz", "lub", "czy", "co", "już", "tak", "jego", "jej", "ich", "są", "był", \
  "była", "było", "być", "może", "tym", "tego", "ten", "ta", "te", "przy", "tylko", \
  "także", "też", "jako", "aby", "który", "która", "które"
#define RULES_STOP_RU \
  "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", \
  "она", "так", "его", "но", "да", "ты", "к", "у", "же", "вы", "за", "бы", "по", \
  "только", "ее", "её", "мне", "было", "от", "меня", "еще", "ещё", "нет", "о", "из", \
  "ему", "когда", "даже", "ли", "если", "уже", "или", "ни", "быть", "был", "до", "это", \
  "этот", "эта", "эти", "для", "при", "также", "который", "которые", "которая", "они", \
  "мы", "их"
#define RULES_STOP_CJK \
  "的", "了", "是", "在", "和", "有", "也", "不", "这", "我", "他", "们", "就", "都", "而", \
  "及", "与", "着", "或", "个", "为", "对", "到", "说", "要", "以", "被", "の", "は", "が", \
  "を", "に", "で", "と", "も", "た", "し", "て", "な", "い", "か", "る", "れ", "こ", "そ"

/* ------------------------------------------------------------ thresholds */

/* A block with less text than this is not scored as a paragraph
 * (Readability: 25 characters). */
#define RULES_MIN_PARA_CHARS 25
/* Ancestor levels that receive a paragraph's score, and their dividers
 * (Readability: parent 1, grandparent 2, then level * 3). */
#define RULES_SCORE_LEVELS 5
/* Points per 100 characters of a paragraph, capped (Readability: 3). */
#define RULES_LEN_POINTS_CAP 3.0
/* Class/id weight in points. */
#define RULES_CLASS_WEIGHT 25.0
/* An attempt shorter than this (characters) is retried with a heuristic
 * relaxed (Readability's charThreshold is 500). */
#define RULES_MIN_ARTICLE_CHARS 500
/* Siblings join the top candidate when their score reaches this share of
 * the top score (Readability: 0.2) and at least RULES_SIBLING_MIN. */
#define RULES_SIBLING_SHARE 0.2
#define RULES_SIBLING_MIN 10.0
/* Paragraph siblings join when long with few links, or short, linkless and
 * ending a sentence (Readability's numbers). */
#define RULES_SIBLING_P_LONG 80
#define RULES_SIBLING_P_LD 0.25
/* Alternative candidates within this share of the top one hint that the
 * article is their common ancestor (Readability: 0.75, 3 of them). */
#define RULES_ALT_SHARE 0.75
#define RULES_ALT_MIN 3
/* Clean conditionally: link density limits for low / high weight blocks. */
#define RULES_CLEAN_LD_LOW 0.2
#define RULES_CLEAN_LD_HIGH 0.5
#define RULES_CLEAN_MIN_COMMAS 10
/* ... and a container with more pictures than paragraphs is a gallery
 * unless it holds this much text outside links. */
#define RULES_CLEAN_PROSE 300
/* Edge trimming: a block at the start or end of the content with more than
 * this link density, or shorter than EDGE_SHORT with no sentence ending, is
 * boilerplate (jusText-style "bad" short blocks next to the border). */
#define RULES_EDGE_LD 0.5
/* ... unless the edges would hold more than this share of the content's
 * text: then only link lists are trimmed. */
#define RULES_EDGE_MAX_SHARE 0.5
#define RULES_EDGE_SHORT 40
/* Whole-page link density above which the result is not an article, and
 * the least text (characters) an article has. */
#define RULES_NONARTICLE_LD 0.5
#define RULES_NONARTICLE_CHARS 300
/* Baselines: the extracted text is replaced by a baseline when that is
 * longer than BASELINE_RATIO times the extracted text. */
#define RULES_BASELINE_RATIO 2.0
/* A hidden or unlikely element with at least this share of the page's text
 * and less link density than GUARD_LD is a wrapper, not boilerplate. */
#define RULES_GUARD_SHARE 0.5
#define RULES_GUARD_LD 0.3
/* Ids with this many dash-separated words are slugs: matched whole only. */
#define RULES_SLUG_PIECES 4
/* Hidden elements are shown only when they hold nearly all the text (pages
 * wrapped in <noscript> or in an anti-flicker display:none wrapper). */
#define RULES_GUARD_HIDDEN_SHARE 0.8
/* Tables with a header, a caption, this many rows, or more columns than
 * this are data, not layout (kept whatever their link density). */
#define RULES_DATA_TABLE_ROWS 10
#define RULES_DATA_TABLE_COLS 4
/* A block this many levels below a data table is one of its cells (the
 * edge pass leaves those alone). */
#define RULES_CELL_DEPTH 5
/* Readability subtracts 100 from the <li> count before comparing it with
 * the paragraphs (only huge lists count as "more list than text"). */
#define RULES_CLEAN_LI_SLACK 100
/* A list inside the article that is mostly links is a link list. */
#define RULES_CLEAN_LIST_LD 0.6
/* Lines of PHP error output a broken page printed into its content
 * ("Warning: ... in /var/www/x.php on line 12"). */
#define RULES_SERVER_ERROR_MARK ".php on line "
/* Text of a figure outside its caption, up to this many characters, is a
 * label of the picture (aspect-ratio labels, "Enlarge", credits). */
#define RULES_FIGURE_LABEL_MAX 60
/* Credit labels (class says credit) up to this many characters are dropped. */
#define RULES_CREDIT_MAX 120
/* Leaf blocks shorter than this are checked for boilerplate lines and
 * repeats; boilerplate prefixes only on blocks shorter than LINE_MAX. */
#define RULES_BLOCK_CHECK_MAX 600
#define RULES_BOILER_LINE_MAX 80
/* Repeated blocks (captions printed twice, ...) at least this long are
 * dropped after their first occurrence. */
#define RULES_DUP_MIN 20
/* ... and at most this long, unless they are captions: a repeated long
 * paragraph is the author's choice (Readability keeps it too). */
#define RULES_DUP_MAX 150
/* 1: a heading that repeats the title is dropped from the content
 * (measured on both corpora: the Readability expectations omit it, the
 * trafilatura snippets do not care). */
#define RULES_DROP_TITLE 1
/* ... also when the title adds the site's name after (or before) one of
 * these separators, if the heading has at least TITLE_MIN bytes. */
#define RULES_TITLE_SEPARATORS " - ", " | ", " – ", " — ", " :: ", " · ", " : ", " / "
#define RULES_TITLE_MIN 10
/* A retry must beat the best attempt so far by this factor to replace it. */
#define RULES_RETRY_GAIN 2.0
/* Index pages: at least this many linked headings with less than this much
 * text per heading. */
#define RULES_INDEX_LINKED_HEADS 4
#define RULES_INDEX_CHARS_PER_HEAD 400

/* Block pass (jusText-style): a block with more link density than BAD_LD
 * is boilerplate; one of GOOD characters or more with at most GOOD_LD is
 * text; shorter than SHORT is decided by its neighbours. */
#define RULES_BLOCK_BAD_LD 0.5
#define RULES_BLOCK_GOOD 100
#define RULES_BLOCK_GOOD_LD 0.2
#define RULES_BLOCK_SHORT 15
/* Between the first and last good block of the content only link lists
 * (link density above this) are muted. */
#define RULES_BLOCK_MID_LD 0.6
/* Region of the block pass: the element maximising good characters minus
 * this weight times rejected characters. */
#define RULES_REGION_BAD_WEIGHT 0.5
/* The region replaces the scored content it contains when it holds at most
 * this many times its text. */
#define RULES_EXTEND_MAX 1.5
#define RULES_EXTEND_MAX_RECALL 3.0
/* The block pass replaces the scored result when that is shorter than this
 * share of the block pass's text. */
#define RULES_BLOCKS_RATIO 0.6
/* ... unless the scored top candidate reached this score (about thirty
 * long paragraphs' worth; every corpus page above it was better without
 * the block pass). */
#define RULES_BLOCKS_TRUST_SCORE 100.0
/* favor = "precision" falls back to the block pass less, "recall" more. */
#define RULES_BLOCKS_RATIO_PRECISION 0.25
#define RULES_BLOCKS_RATIO_RECALL 0.8

/* Lead recovery: text blocks between the headline (the last <h1> at most
 * LEAD_SCAN elements before the content) and the content join it when
 * they hold at least LEAD_MIN characters with little link text, unless
 * that zone holds more than LEAD_ZONE_MAX characters (then it is a page
 * section, not an article header). */
#define RULES_LEAD_SCAN 400
#define RULES_LEAD_MIN 50
#define RULES_LEAD_LD 0.2
#define RULES_LEAD_ZONE_MAX 1500
/* A lead is prose: at least this share of its words are function words
 * (running text in the corpus languages sits around 0.3-0.5 with the lists
 * above; bylines, dates and product lines near 0-0.15). */
#define RULES_LEAD_PROSE 0.2
#define RULES_LEAD_PROSE_WORDS 6

/* Deepest tree the passes consider (the parser flattens below 512). */
#define RULES_MAX_DEPTH 600

#endif
