/*
 * meta_rules.h — the metadata heuristics as data: which meta tags, JSON-LD
 * types, class tokens and words mean what.  Included by meta.c only.
 *
 * Meta keys are matched lower-cased with '.' read as ':' ("DC.creator" and
 * "dc:creator" are one key).  Lists are in priority order: the first key
 * present wins.  The sources are the Open Graph protocol, Dublin Core,
 * schema.org, Parse.ly, Sailthru and Highwire (citation_*) conventions as
 * news sites use them, and what htmldate, trafilatura, newspaper and
 * Readability look at.
 */
#ifndef ARTICLE_META_RULES_H
#define ARTICLE_META_RULES_H

#include <stddef.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---------------------------------------------------------------- meta keys */

static const char *const K_TITLE[] = {
  "dc:title", "dcterms:title", "og:title", "twitter:title", "parsely-title",
  "sailthru:title", "citation_title", "title", "headline",
};

static const char *const K_DESCRIPTION[] = {
  "dc:description", "dcterms:description", "dcterms:abstract", "og:description",
  "description", "twitter:description", "sailthru:description",
};

static const char *const K_SITE_NAME[] = {
  "og:site_name", "application-name", "apple-mobile-web-app-title", "dc:publisher",
  "citation_journal_title", "publisher",
};

/* Person names (URLs and handles among the values are dropped). */
static const char *const K_AUTHOR[] = {
  "article:author", "og:article:author", "parsely-author", "sailthru:author",
  "dc:creator", "dcterms:creator", "author", "article:author_name", "author_name", "byl",
  "citation_author",
};

/* Publication date keys, most specific first. */
static const char *const K_PUBLISHED[] = {
  "article:published_time", "og:article:published_time", "og:published_time",
  "article:published", "datepublished", "parsely-pub-date", "sailthru:date",
  "publish-date", "publish_date", "publishdate", "published_date", "published_time",
  "pubdate", "publication_date", "original-publish-date", "article_date_original",
  "article:post_date", "cxenseparse:recs:publishtime", "dc:date:issued",
  "dcterms:issued", "dcterms:created", "dc:date:created", "citation_publication_date",
  "citation_date", "citation_online_date", "date", "dc:date", "dcterms:date", "created",
  "og:pubdate", "displaydate", "release_date", "iso-8601-publish-date", "pub_date",
  "datecreated", "story_date", "article_date", "content_create_date",
};

static const char *const K_MODIFIED[] = {
  "article:modified_time", "og:article:modified_time", "og:updated_time",
  "article:modified", "datemodified", "modified_time", "last-modified", "lastmod",
  "dcterms:modified", "dc:date:modified", "updated_time", "revised",
  "sailthru:date:modified", "content_modified_date", "article:updated_time",
};

static const char *const K_IMAGE[] = {
  "og:image:secure_url", "og:image:url", "og:image", "twitter:image", "twitter:image:src",
  "parsely-image-url", "sailthru:image:full", "thumbnailurl", "image",
};

static const char *const K_TAGS[] = {
  "article:tag", "og:article:tag", "news_keywords", "keywords", "parsely-tags",
  "sailthru:tags", "dc:subject", "citation_keywords",
};

static const char *const K_SECTION[] = {
  "article:section", "og:article:section", "parsely-section", "section",
  "articlesection", "category",
};

static const char *const K_LICENSE[] = {
  "license", "dcterms:license", "dc:rights", "dcterms:rights", "copyright-license",
};

static const char *const K_CANONICAL[] = {"og:url", "twitter:url", "parsely-link"};

static const char *const K_LANGUAGE[] = {
  "content-language", "language", "dc:language", "dcterms:language", "og:locale",
  "inlanguage",
};

static const char *const K_VIDEO[] = {
  "og:video:secure_url", "og:video:url", "og:video", "twitter:player:stream",
};

/* ---------------------------------------------------------------- JSON-LD */

/* Types of the page's main item that mean "an article" (any type ending in
 * "Article" counts too). */
static const char *const LD_ARTICLE[] = {
  "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting",
  "Report", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle", "Review",
  "CreativeWork", "Recipe", "HowTo", "Blog", "Thesis", "Chapter", "Book",
  "PodcastEpisode", "Question",
};
static const char *const LD_VIDEO[] = {"VideoObject", "Movie", "Clip", "Episode"};
static const char *const LD_PRODUCT[] = {"Product", "ProductGroup", "Offer", "Car"};
static const char *const LD_INDEX[] = {
  "CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage", "Blog",
};
static const char *const LD_WEBPAGE[] = {
  "WebPage", "AboutPage", "ContactPage", "FAQPage", "QAPage", "ItemPage", "MedicalWebPage",
  "RealEstateListing",
};
static const char *const LD_ORG[] = {
  "Organization", "NewsMediaOrganization", "Corporation", "LocalBusiness",
  "EducationalOrganization", "GovernmentOrganization", "NGO", "OnlineBusiness",
  "WebSite", "Brand",
};
static const char *const LD_PERSON[] = {"Person"};

/* ---------------------------------------------------------------- markup */

/* Class / id tokens (split at space, '-' and '_') of byline elements. */
static const char *const BYLINE_TOKENS[] = {
  "byline", "bylines", "author", "authors", "autor", "autoren", "auteur", "auteurs",
  "autore", "autori", "writer", "writers", "contributor", "contributors", "creator",
  "journalist", "reporter", "authorname", "articleauthor", "postauthor", "byl", "signature",
  "firma", "firmas", "autorzy", "автор",
};

/* Class / id tokens of elements holding a date. */
static const char *const DATE_TOKENS[] = {
  "date", "dates", "datetime", "time", "timestamp", "published", "publish", "publication",
  "pubdate", "posted", "postdate", "posted-on", "dateline", "datum", "fecha", "data",
  "updated", "created", "submitted", "meta", "byline", "info", "entry", "article-info",
  "postmeta", "entrymeta", "date-display", "datestamp", "publishdate", "publishedat",
  "publishtime", "pubtime", "uhrzeit", "zeit", "heure", "hora", "ora", "fecha-publicacion",
};
/* Of those, tokens saying the date is an update, not the publication. */
static const char *const MODIFIED_TOKENS[] = {
  "updated", "update", "modified", "modify", "lastmod", "lastupdated", "revised",
  "changed", "aktualisiert", "actualizado", "atualizado", "aggiornato", "edited",
};
/* ... and tokens saying it is the publication. */
static const char *const PUBLISHED_TOKENS[] = {
  "published", "publish", "publication", "pubdate", "posted", "postdate", "created",
  "publishdate", "publishedat", "publishtime", "pubtime", "entry-date", "dateline",
};

/* Ancestors whose class / id tokens mark a part of the page that is not the
 * article: its bylines and dates belong to other stories or to comments. */
static const char *const ASIDE_TOKENS[] = {
  "related", "relatedposts", "comment", "comments", "commentlist", "reply", "replies",
  "sidebar", "widget", "teaser", "teasers", "recommended", "recommendation",
  "recommendations", "recirc", "more", "popular", "trending", "mostread", "most-read",
  "promo", "nav", "navigation", "menu", "newsletter", "outbrain", "taboola", "rail",
  "aside", "carousel", "slider", "ticker", "headlines", "readmore", "read-more",
};
/* Footers inside an <article> hold its byline and date (WordPress's
 * "entry-footer"); elsewhere they are the site's. */
static const char *const FOOTER_TOKENS[] = {"footer", "site-footer", "page-footer"};
static const char *const ASIDE_TAGS[] = {"aside", "nav", "footer", "form"};

/* Words in a date's left context marking it as a modification ... */
static const char *const MODIFIED_WORDS[] = {
  "updated", "update", "modified", "last edited", "edited", "aktualisiert", "geändert",
  "stand:", "mis à jour", "mise à jour", "modifié", "actualizado", "actualización",
  "atualizado", "atualização", "aggiornato", "aggiornamento", "обновлено", "изменено",
  "bijgewerkt", "gewijzigd", "uppdaterad", "opdateret", "oppdatert", "zaktualizowano",
  "aktualizováno", "güncelleme", "güncellendi", "更新", "修改",
};
/* ... or as the publication (searched anywhere in the text as a last resort). */
static const char *const PUBLISHED_WORDS[] = {
  "published", "posted", "publication date", "date published", "veröffentlicht",
  "erschienen", "publié", "publiée", "publication", "publicado", "publicada",
  "publicación", "pubblicato", "pubblicata", "pubblicazione", "опубликовано",
  "опубликован", "дата публикации", "gepubliceerd", "publicerad", "publiceret",
  "publisert", "opublikowano", "publikováno", "yayınlanma", "yayınlandı", "发布时间",
  "发布于", "發佈時間", "发表于", "發表於", "公開日", "投稿日", "掲載日", "作成日",
  "发布日期",
};

/* ---------------------------------------------------------------- authors */

/* Leading words introducing a byline (lower case, matched at the start). */
static const char *const BYLINE_PREFIXES[] = {
  "view all posts by", "all posts by", "more posts by", "posts by", "more from", "articles by",
  "stories by", "zeige alle beiträge von", "alle beiträge von", "beiträge von", "artikel von",
  "voir tous les articles de", "tous les articles de", "ver todas las entradas de",
  "todas las entradas de", "tutti gli articoli di", "written by", "posted by", "published by",
  "story by", "words by", "reporting by",
  "reported by", "text by", "article by", "by", "from", "author:", "authors:", "author",
  "autor:", "autorin:", "autoren:", "von", "text:", "texte :", "texte:", "par", "por",
  "di", "door", "av", "af", "przez", "автор:", "автор", "текст:", "作者：", "作者:",
  "文/", "記者", "posted", "redakteur:", "redakteurin:", "verfasst von", "escrito por",
  "publicado por", "rédigé par", "scritto da", "a cura di", "napisał", "napisała",
  "geschrieben von", "veröffentlicht von", "erstellt von", "publié par", "escrito por",
};

/* Labels that introduce names in running text (lower case, with their
 * trailing space or colon). */
static const char *const AUTHOR_LABELS[] = {
  "by ", "von ", "par ", "por ", "author:", "authors:", "autor:", "autorin:", "auteur :",
  "auteur:", "autore:", "автор:", "автор ", "作者：", "作者:", "记者：", "記者：", "文／",
  "文/", "text:", "texte :", "texto:", "testo:",
};

/* Words that split a list of names. */
static const char *const NAME_JOINERS[] = {
  "and", "&", "und", "et", "y", "e", "i", "и", "og", "och", "en", "with", "avec", "mit",
  "con", "com", "ve", "a", "și", "és", "ja",
};

/* Words of roles, credentials and places that follow a name ("Jane Doe,
 * Staff Writer", "Brenda Goodman, MA"); a part made only of these and
 * lower-case words is dropped. */
static const char *const ROLE_WORDS[] = {
  "staff", "writer", "writers", "senior", "junior", "chief", "editor", "editors",
  "editorial", "correspondent", "reporter", "reporters", "contributor", "contributing",
  "columnist", "journalist", "photographer", "photos", "photo", "video", "producer",
  "analyst", "host", "anchor", "freelance", "guest", "associate", "deputy", "managing",
  "executive", "director", "news", "desk", "team", "bureau", "political", "politics",
  "business", "technology", "tech", "science", "health", "sports", "sport", "culture",
  "national", "international", "foreign", "economics", "economy", "opinion",
  "special", "to", "the", "of", "for", "in", "at", "ma", "phd", "md", "mph", "rn", "ms",
  "mba", "dr", "redakteur", "redakteurin", "korrespondent", "korrespondentin",
  "redaktion", "rédaction", "redacción", "redação", "redazione", "journaliste",
  "periodista", "jornalista", "giornalista", "envoyé", "spécial", "correspondant",
  "correspondante", "corresponsal", "correspondente", "corrispondente", "updated",
  "published", "posted", "more", "articles", "stories", "profile", "bio", "follow",
  "contact", "email", "twitter", "facebook", "instagram", "linkedin", "stand", "gründer",
  "gründerin", "autor", "autorin", "chefredakteur", "chefredakteurin", "herausgeber",
  "herausgeberin", "fotograf", "fotografin",
};

/* Weekdays left before a cut date ("Jane Doe Thursday, November 9, 2023"). */
static const char *const WEEKDAYS[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
  "wed", "thu", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag",
  "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
  "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
  "domingo", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "segunda",
  "terça", "quarta", "quinta", "sexta",
};

/* Lower-case words that belong inside names ("Ludwig van Beethoven", "Maria
 * da Silva"); other lower-case words mean a byline holds a sentence. */
static const char *const NAME_PARTICLES[] = {
  "de", "da", "das", "do", "dos", "du", "des", "del", "della", "di", "la", "le", "van", "von",
  "der", "den", "ten", "ter", "zu", "zum", "y", "e", "bin", "ibn", "al", "el", "st", "mc",
  "af", "av", "vom", "dei", "degli", "lo",
};

/* Names that are never a person: the whole (lower-cased) name, or a word in
 * it.  "Reuters Staff", "Email the author", "Follow", "AP", "Getty". */
static const char *const JUNK_NAME_WORDS[] = {
  "staff", "email", "e-mail", "follow", "share", "tweet", "comments", "comment",
  "subscribe", "newsletter", "login", "sign", "print", "view", "profile", "posts",
  "articles", "author", "authors", "admin", "administrator", "webmaster", "editor",
  "editors", "redaktion", "redaction", "rédaction", "redacción", "redação", "redazione",
  "newsroom", "desk", "team", "agencies", "agency", "wire", "wires", "services",
  "unknown", "anonymous", "guest", "contributor", "contributors", "ago", "hours",
  "minutes", "hour", "minute", "days", "updated", "published", "posted", "read",
  "more", "click", "here", "image", "photo", "photos", "getty", "images", "shutterstock",
  "copyright", "all", "rights", "reserved", "home", "menu", "search", "cookie",
  "cookies", "privacy", "advertisement", "sponsored", "partner", "content", "null",
  "undefined", "none", "n/a", "about", "contact", "website", "http", "https", "www",
  "publisher", "veröffentlicht", "publié", "publicado", "pubblicato", "geschrieben",
  "erstellt", "redakteur", "redaktionsteam", "gastautor", "gastbeitrag", "support",
  "mitglied", "фото", "foto", "fotos", "bild", "quelle", "source", "über", "usern", "user",
  "users", "autorenseite", "autorenprofil", "edition", "revised", "reports", "report",
};

/* Words of organisation names (a name with one of them is not a person). */
static const char *const ORG_WORDS[] = {
  "news", "media", "press", "times", "post", "journal", "magazine", "daily", "weekly",
  "tribune", "herald", "gazette", "telegraph", "network", "group", "inc", "ltd", "llc",
  "gmbh", "ag", "sa", "corp", "corporation", "company", "foundation", "institute",
  "university", "association", "society", "council", "ministry", "department", "agency",
  "bureau", "office", "service", "services", "radio", "tv", "television", "channel",
  "online", "digital", "blog", "reuters", "ap", "afp", "dpa", "apa", "ansa", "efe",
  "xinhua", "tass", "ria", "bbc", "cnn", "npr", "pbs", "associated", "presse", "wikipedia",
  "wikimedia", "projects", "club", "verlag", "zeitung", "redaktion", "newsletter", "e.v",
  "ev", "verein", "verband", "gmbh", "stiftung", "bund", "amt", "ministerium",
};

/* ---------------------------------------------------------------- titles */

/* Separators between a headline and a site or section name in <title>. */
static const char *const TITLE_SEPARATORS[] = {
  " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " / ", " ~ ", " // ",
  " ― ", " ｜ ", "｜", " _ ", "_", " : ",
};

/* ---------------------------------------------------------------- paywalls */

/* Class / id tokens of paywall markup. */
static const char *const PAYWALL_TOKENS[] = {
  "paywall", "paywalled", "subscriber-only", "subscribers-only", "premium-content",
  "article-locked", "locked-content", "regwall", "meteredcontent", "piano-paywall",
  "tp-container-inner", "pay-wall", "paid-content", "premium-article", "plus-content",
  "subscription-required",
};
/* Values of meta tags saying the article is locked ("article:content_tier"). */
static const char *const PAYWALL_TIERS[] = {"locked", "metered", "premium", "paid", "subscriber"};

/* ---------------------------------------------------------------- video */

/* Hosts whose iframes are video players. */
static const char *const VIDEO_HOSTS[] = {
  "youtube.com/embed", "youtube-nocookie.com/embed", "player.vimeo.com", "dailymotion.com/embed",
  "player.twitch.tv", "facebook.com/plugins/video", "players.brightcove.net",
  "fast.wistia.net", "jwplayer", "video.", "ted.com/talks", "rutube.ru/play",
  "bilibili.com", "vk.com/video_ext",
};

/* ---------------------------------------------------------------- limits */

/* Values longer than this are not metadata (a whole article body in a meta
 * tag, a base64 blob); cut rather than keep megabytes. */
#define META_MAX_VALUE 4096
/* Bylines longer than this are a paragraph, not a byline. */
#define BYLINE_MAX_LEN 300
/* Person names: at most this many words and bytes. */
#define NAME_MAX_WORDS 6
#define NAME_MAX_BYTES 80
/* Authors kept at most (a longer list is a list of bylines, not authors). */
#define AUTHORS_MAX 12
/* Bounds that keep hostile pages linear: keyed values, candidate elements
 * per kind and aside spans kept (real pages have a few hundred at most). */
#define MAX_META_ENTRIES 8192
#define MAX_CANDIDATES 2048
#define MAX_ASIDE_SPANS 2048
/* <h2> / <h3> elements kept as possible headlines. */
#define MAX_HEADINGS 64
/* Tags / categories kept at most. */
#define TAGS_MAX 40
/* Characters of page text after the headline in which its byline and date
 * sit; from looking at news pages, where they come within a few lines of
 * the headline (before the first paragraphs). */
#define ANCHOR_AFTER 1500
#define ANCHOR_BEFORE 400
/* Text right below the headline searched for a bare date (bylines and
 * datelines sit there; further down, dates are the story's own). */
#define ANCHOR_TEXT_SCAN 600
/* A structured publication date this much later than the URL's date is an
 * update: two days cover time zones and stories filed before midnight. */
#define URL_DATE_TOLERANCE_S (2LL * 86400)
/* Body images at least this wide (when the width is known) make a top image;
 * smaller ones are icons and avatars (Open Graph asks for 200+). */
#define TOP_IMAGE_MIN_WIDTH 300
/* A lead paragraph used as the description is cut here. */
#define DESCRIPTION_MAX 1000
/* Text needed before trusting language detection (CLD2 is unreliable on
 * less). */
#define LANG_MIN_TEXT 60

#endif
