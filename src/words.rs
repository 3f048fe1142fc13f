//! Every word the widget says to a reader, in each language it speaks (issue 15): one table per language,
//! keyed by [`Word`] for fixed words and [`Counted`] for words said with a number, with the language's plural
//! forms (Unicode CLDR's rules) and its digits and grouping. A word a table lacks is said in English, never
//! as a key or a blank. The CLI's messages for editors stay English and are not here.
//!
//! Tables: English (the widget's own words), French, Spanish, German, Arabic and Persian, written by the
//! team from the platforms' usual wording for the same controls; not yet reviewed by a native speaker of each
//! (docs/languages.md keeps that record).

/// The languages with a table of their own. Any other language tag reads as English words (in its own
/// direction: see [`Locale::rtl`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    Es,
    De,
    Ar,
    Fa,
}

/// A fixed word or phrase of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    Previous,
    Next,
    ZoomIn,
    ZoomOut,
    ExpandAll,
    CollapseAll,
    Quote,
    ReportedSpeech,
    /// Before the speaker's name under reported speech: "Reported speech of".
    ReportedSpeechOf,
    /// Before a citation: "Source:".
    Source,
    Sources,
    EditorsNote,
    Loading,
    /// The widget's name for assistive technology while nothing else names it.
    Timeline,
    TimelineNavigation,
    Events,
    Overview,
    Retry,
    ShowEarlier,
    ShowLater,
    CouldNotShow,
    /// An event whose place among the day's events is not known.
    OrderUnknown,
    /// The facade's button of a video player: "Load video from {site}".
    LoadVideo,
    LoadAudio,
    LoadPost,
    LoadPhoto,
    LoadMap,
    LoadDocument,
    /// The link to the service's own page: "Open on {site}".
    OpenOn,
    /// What a facade or a link card holds, above its title.
    Video,
    Audio,
    Post,
    Photo,
    Map,
    Document,
    Link,
    /// Said where a player was refused by the page's Content-Security-Policy, above the link.
    FrameBlocked,
    /// Beside a facade's button: what loading the player tells the service.
    LoadNote,
}

/// How many [`Word`]s there are: every table has this many entries.
const WORDS: usize = Word::LoadNote as usize + 1;

/// The words said with a site's name, `{site}` in them ([`Locale::word_for_site`]).
#[cfg(test)]
const SITED: &[Word] = &[
    Word::LoadVideo,
    Word::LoadAudio,
    Word::LoadPost,
    Word::LoadPhoto,
    Word::LoadMap,
    Word::LoadDocument,
    Word::OpenOn,
    Word::FrameBlocked,
    Word::LoadNote,
];

/// A phrase said with a number, `{n}` in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    Statements,
    Years,
    Months,
    Days,
    Hours,
    Minutes,
    /// The gap in the narrow list: "{n} years later".
    YearsLater,
    Problems,
    Groups,
    /// "Show earlier events ({n} more)".
    More,
}

const COUNTED: usize = Counted::More as usize + 1;

/// The plural categories of Unicode CLDR, in the order a [`Counted`] entry lists its forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// A counted phrase in each plural category (zero, one, two, few, many, other); an empty form is said as
/// `other`.
type Forms = [&'static str; 6];

struct Table {
    words: [&'static str; WORDS],
    counted: [Forms; COUNTED],
}

/// Only the forms a language uses: the others stay empty and fall back to `other`.
const fn forms(one: &'static str, other: &'static str) -> Forms {
    ["", one, "", "", "", other]
}

const EN: Table = Table {
    words: [
        "Previous",
        "Next",
        "Zoom in",
        "Zoom out",
        "Expand all",
        "Collapse all",
        "Quote",
        "Reported speech",
        "Reported speech of",
        "Source:",
        "Sources:",
        "Editor's note:",
        "Loading timeline…",
        "Timeline",
        "Timeline navigation",
        "Events",
        "Overview of the story: groups of events",
        "Retry",
        "Show earlier events",
        "Show later events",
        "This timeline could not be shown",
        "Its place among the day's events is not known",
        "Load video from {site}",
        "Load audio from {site}",
        "Load post from {site}",
        "Load photo from {site}",
        "Load map from {site}",
        "Load document from {site}",
        "Open on {site}",
        "Video",
        "Audio",
        "Post",
        "Photo",
        "Map",
        "Document",
        "Link",
        "This page does not allow content from {site} to be shown here.",
        "Loading it lets {site} see your visit.",
    ],
    counted: [
        forms("{n} statement", "{n} statements"),
        forms("{n} year", "{n} years"),
        forms("{n} month", "{n} months"),
        forms("{n} day", "{n} days"),
        forms("{n} hour", "{n} hours"),
        forms("{n} minute", "{n} minutes"),
        forms("{n} year later", "{n} years later"),
        forms("{n} problem", "{n} problems"),
        forms("{n} group", "{n} groups"),
        forms("{n} more", "{n} more"),
    ],
};

const FR: Table = Table {
    words: [
        "Précédent",
        "Suivant",
        "Zoom avant",
        "Zoom arrière",
        "Tout déplier",
        "Tout replier",
        "Citation",
        "Propos rapportés",
        "Propos rapportés de",
        "Source :",
        "Sources :",
        "Note de la rédaction :",
        "Chargement de la chronologie…",
        "Chronologie",
        "Navigation dans la chronologie",
        "Événements",
        "Vue d'ensemble : groupes d'événements",
        "Réessayer",
        "Afficher les événements précédents",
        "Afficher les événements suivants",
        "Impossible d'afficher cette chronologie",
        "Sa place parmi les événements du jour n'est pas connue",
        "Charger la vidéo depuis {site}",
        "Charger l'audio depuis {site}",
        "Charger la publication depuis {site}",
        "Charger la photo depuis {site}",
        "Charger la carte depuis {site}",
        "Charger le document depuis {site}",
        "Ouvrir sur {site}",
        "Vidéo",
        "Audio",
        "Publication",
        "Photo",
        "Carte",
        "Document",
        "Lien",
        "Cette page n'autorise pas l'affichage de contenus de {site}.",
        "Le chargement permet à {site} de voir votre visite.",
    ],
    counted: [
        forms("{n} déclaration", "{n} déclarations"),
        forms("{n} an", "{n} ans"),
        forms("{n} mois", "{n} mois"),
        forms("{n} jour", "{n} jours"),
        forms("{n} heure", "{n} heures"),
        forms("{n} minute", "{n} minutes"),
        forms("{n} an plus tard", "{n} ans plus tard"),
        forms("{n} problème", "{n} problèmes"),
        forms("{n} groupe", "{n} groupes"),
        forms("{n} de plus", "{n} de plus"),
    ],
};

const ES: Table = Table {
    words: [
        "Anterior",
        "Siguiente",
        "Acercar",
        "Alejar",
        "Desplegar todo",
        "Plegar todo",
        "Cita",
        "Estilo indirecto",
        "Palabras de",
        "Fuente:",
        "Fuentes:",
        "Nota de la redacción:",
        "Cargando la cronología…",
        "Cronología",
        "Navegación de la cronología",
        "Acontecimientos",
        "Vista general: grupos de acontecimientos",
        "Reintentar",
        "Mostrar acontecimientos anteriores",
        "Mostrar acontecimientos posteriores",
        "No se pudo mostrar esta cronología",
        "No se sabe su lugar entre los acontecimientos del día",
        "Cargar el vídeo desde {site}",
        "Cargar el audio desde {site}",
        "Cargar la publicación desde {site}",
        "Cargar la foto desde {site}",
        "Cargar el mapa desde {site}",
        "Cargar el documento desde {site}",
        "Abrir en {site}",
        "Vídeo",
        "Audio",
        "Publicación",
        "Foto",
        "Mapa",
        "Documento",
        "Enlace",
        "Esta página no permite mostrar contenido de {site}.",
        "Al cargarlo, {site} podrá ver su visita.",
    ],
    counted: [
        forms("{n} declaración", "{n} declaraciones"),
        forms("{n} año", "{n} años"),
        forms("{n} mes", "{n} meses"),
        forms("{n} día", "{n} días"),
        forms("{n} hora", "{n} horas"),
        forms("{n} minuto", "{n} minutos"),
        forms("{n} año después", "{n} años después"),
        forms("{n} problema", "{n} problemas"),
        forms("{n} grupo", "{n} grupos"),
        forms("{n} más", "{n} más"),
    ],
};

const DE: Table = Table {
    words: [
        "Zurück",
        "Weiter",
        "Vergrößern",
        "Verkleinern",
        "Alle aufklappen",
        "Alle zuklappen",
        "Zitat",
        "Indirekte Rede",
        "Indirekte Rede von",
        "Quelle:",
        "Quellen:",
        "Anmerkung der Redaktion:",
        "Zeitleiste wird geladen…",
        "Zeitleiste",
        "Navigation der Zeitleiste",
        "Ereignisse",
        "Überblick: Gruppen von Ereignissen",
        "Erneut versuchen",
        "Frühere Ereignisse zeigen",
        "Spätere Ereignisse zeigen",
        "Diese Zeitleiste kann nicht angezeigt werden",
        "Ihre Stelle unter den Ereignissen des Tages ist nicht bekannt",
        "Video von {site} laden",
        "Audio von {site} laden",
        "Beitrag von {site} laden",
        "Foto von {site} laden",
        "Karte von {site} laden",
        "Dokument von {site} laden",
        "Auf {site} öffnen",
        "Video",
        "Audio",
        "Beitrag",
        "Foto",
        "Karte",
        "Dokument",
        "Link",
        "Diese Seite erlaubt keine Inhalte von {site}.",
        "Beim Laden erfährt {site} von Ihrem Besuch.",
    ],
    counted: [
        forms("{n} Äußerung", "{n} Äußerungen"),
        forms("{n} Jahr", "{n} Jahre"),
        forms("{n} Monat", "{n} Monate"),
        forms("{n} Tag", "{n} Tage"),
        forms("{n} Stunde", "{n} Stunden"),
        forms("{n} Minute", "{n} Minuten"),
        forms("{n} Jahr später", "{n} Jahre später"),
        forms("{n} Problem", "{n} Probleme"),
        forms("{n} Gruppe", "{n} Gruppen"),
        forms("{n} weitere", "{n} weitere"),
    ],
};

const AR: Table = Table {
    words: [
        "السابق",
        "التالي",
        "تكبير",
        "تصغير",
        "توسيع الكل",
        "طي الكل",
        "اقتباس",
        "كلام منقول",
        "كلام منقول عن",
        "المصدر:",
        "المصادر:",
        "ملاحظة المحرر:",
        "جارٍ تحميل الخط الزمني…",
        "الخط الزمني",
        "التنقل في الخط الزمني",
        "الأحداث",
        "نظرة عامة: مجموعات الأحداث",
        "إعادة المحاولة",
        "عرض الأحداث السابقة",
        "عرض الأحداث اللاحقة",
        "تعذّر عرض هذا الخط الزمني",
        "موضعه بين أحداث اليوم غير معروف",
        "تحميل الفيديو من {site}",
        "تحميل الصوت من {site}",
        "تحميل المنشور من {site}",
        "تحميل الصورة من {site}",
        "تحميل الخريطة من {site}",
        "تحميل المستند من {site}",
        "فتح على {site}",
        "فيديو",
        "صوت",
        "منشور",
        "صورة",
        "خريطة",
        "مستند",
        "رابط",
        "لا تسمح هذه الصفحة بعرض محتوى من {site}.",
        "عند التحميل يعلم {site} بزيارتك.",
    ],
    // zero, one, two, few (3–10), many (11–99), other (100, 101, …, and fractions)
    counted: [
        ["لا تصريحات", "تصريح واحد", "تصريحان", "{n} تصريحات", "{n} تصريحًا", "{n} تصريح"],
        ["{n} سنة", "سنة واحدة", "سنتان", "{n} سنوات", "{n} سنة", "{n} سنة"],
        ["{n} شهر", "شهر واحد", "شهران", "{n} أشهر", "{n} شهرًا", "{n} شهر"],
        ["{n} يوم", "يوم واحد", "يومان", "{n} أيام", "{n} يومًا", "{n} يوم"],
        ["{n} ساعة", "ساعة واحدة", "ساعتان", "{n} ساعات", "{n} ساعة", "{n} ساعة"],
        ["{n} دقيقة", "دقيقة واحدة", "دقيقتان", "{n} دقائق", "{n} دقيقة", "{n} دقيقة"],
        ["بعد {n} سنة", "بعد سنة واحدة", "بعد سنتين", "بعد {n} سنوات", "بعد {n} سنة", "بعد {n} سنة"],
        ["لا مشكلات", "مشكلة واحدة", "مشكلتان", "{n} مشكلات", "{n} مشكلة", "{n} مشكلة"],
        ["{n} مجموعة", "مجموعة واحدة", "مجموعتان", "{n} مجموعات", "{n} مجموعة", "{n} مجموعة"],
        ["{n} إضافية", "{n} إضافية", "{n} إضافية", "{n} إضافية", "{n} إضافية", "{n} إضافية"],
    ],
};

const FA: Table = Table {
    words: [
        "قبلی",
        "بعدی",
        "بزرگ‌نمایی",
        "کوچک‌نمایی",
        "باز کردن همه",
        "بستن همه",
        "نقل قول",
        "نقل به مضمون",
        "نقل به مضمون از",
        "منبع:",
        "منابع:",
        "یادداشت دبیر:",
        "در حال بارگیری گاه‌شمار…",
        "گاه‌شمار",
        "پیمایش گاه‌شمار",
        "رویدادها",
        "نمای کلی: گروه‌های رویدادها",
        "تلاش دوباره",
        "نمایش رویدادهای پیشین",
        "نمایش رویدادهای پسین",
        "این گاه‌شمار نمایش داده نشد",
        "جایش در میان رویدادهای آن روز معلوم نیست",
        "بارگذاری ویدیو از {site}",
        "بارگذاری صدا از {site}",
        "بارگذاری پست از {site}",
        "بارگذاری عکس از {site}",
        "بارگذاری نقشه از {site}",
        "بارگذاری سند از {site}",
        "باز کردن در {site}",
        "ویدیو",
        "صدا",
        "پست",
        "عکس",
        "نقشه",
        "سند",
        "پیوند",
        "این صفحه اجازهٔ نمایش محتوا از {site} را نمی‌دهد.",
        "با بارگذاری، {site} از بازدید شما باخبر می‌شود.",
    ],
    // Persian nouns stay singular after a number: one form for every count.
    counted: [
        forms("{n} اظهار نظر", "{n} اظهار نظر"),
        forms("{n} سال", "{n} سال"),
        forms("{n} ماه", "{n} ماه"),
        forms("{n} روز", "{n} روز"),
        forms("{n} ساعت", "{n} ساعت"),
        forms("{n} دقیقه", "{n} دقیقه"),
        forms("{n} سال بعد", "{n} سال بعد"),
        forms("{n} مشکل", "{n} مشکل"),
        forms("{n} گروه", "{n} گروه"),
        forms("{n} مورد دیگر", "{n} مورد دیگر"),
    ],
};

/// `said`, a table's entry for `word`, or the English word where the table has none.
fn or_english(said: &'static str, word: Word) -> &'static str {
    match said {
        "" => EN.words[word as usize],
        said => said,
    }
}

/// The primary language subtags written right to left.
const RIGHT_TO_LEFT: &[&str] = &["ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr"];

/// A reader's language: the table its words come from, its direction, its digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locale {
    /// The tag as given (BCP 47, such as `fa` or `ar-IQ`), trimmed; `en` when none was.
    pub tag: String,
    pub lang: Lang,
    /// Written right to left: the timeline runs from right to left.
    pub rtl: bool,
    /// Digits in the language's own script (Arabic-Indic for Arabic, Persian for Persian), not 0–9.
    pub native_digits: bool,
}

impl Default for Locale {
    fn default() -> Locale {
        Locale::new("en")
    }
}

impl Locale {
    /// The locale of a BCP 47 tag; an empty or unknown one gives English words, in the tag's direction.
    pub fn new(tag: &str) -> Locale {
        let tag = tag.trim();
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let lang = match primary.as_str() {
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "de" => Lang::De,
            "ar" => Lang::Ar,
            "fa" => Lang::Fa,
            _ => Lang::En,
        };
        // Arabic as written in the Maghreb uses 0–9 (CLDR: ar-DZ, ar-MA, ar-TN, ar-LY, ar-EH).
        let region = tag.rsplit(['-', '_']).next().unwrap_or("").to_ascii_uppercase();
        let maghreb = ["DZ", "MA", "TN", "LY", "EH"].contains(&region.as_str());
        Locale {
            tag: if tag.is_empty() { "en".to_owned() } else { tag.to_owned() },
            lang,
            rtl: RIGHT_TO_LEFT.contains(&primary.as_str()),
            native_digits: lang == Lang::Fa || (lang == Lang::Ar && !maghreb),
        }
    }

    /// `dir` for the widget's root: `rtl` or `ltr`.
    pub fn dir(&self) -> &'static str {
        if self.rtl {
            "rtl"
        } else {
            "ltr"
        }
    }

    fn table(&self) -> &'static Table {
        match self.lang {
            Lang::En => &EN,
            Lang::Fr => &FR,
            Lang::Es => &ES,
            Lang::De => &DE,
            Lang::Ar => &AR,
            Lang::Fa => &FA,
        }
    }

    /// `word` in this language, or in English where its table has none.
    pub fn word(&self, word: Word) -> &'static str {
        or_english(self.table().words[word as usize], word)
    }

    /// `counted` with the number `n`, in the plural form the language uses for it, its digits grouped the
    /// language's way.
    pub fn counted(&self, counted: Counted, n: usize) -> String {
        let forms = &self.table().counted[counted as usize];
        let form = match forms[self.plural(n) as usize] {
            "" => forms[Plural::Other as usize],
            form => form,
        };
        form.replace("{n}", &self.number(n))
    }

    /// The CLDR plural category of the whole number `n`.
    pub fn plural(&self, n: usize) -> Plural {
        match self.lang {
            Lang::En | Lang::De => match n {
                1 => Plural::One,
                _ => Plural::Other,
            },
            // French and Persian: 0 and 1 are "one". (CLDR's "many" for French and Spanish millions,
            // "1 million de …", is left to "other": the widget counts events, not millions.)
            Lang::Fr | Lang::Fa => match n {
                0 | 1 => Plural::One,
                _ => Plural::Other,
            },
            Lang::Es => match n {
                1 => Plural::One,
                _ => Plural::Other,
            },
            Lang::Ar => match (n, n % 100) {
                (0, _) => Plural::Zero,
                (1, _) => Plural::One,
                (2, _) => Plural::Two,
                (_, 3..=10) => Plural::Few,
                (_, 11..=99) => Plural::Many,
                _ => Plural::Other,
            },
        }
    }

    /// `n` as this language writes a count: its digits, its grouping ("10,000"; "10 000" in French,
    /// "10.000" in German and Spanish, which leave four digits ungrouped, "۱۰٬۰۰۰" in Persian).
    pub fn number(&self, n: usize) -> String {
        let digits = n.to_string();
        let (separator, min_grouped) = match self.lang {
            Lang::En => (",", 4),
            Lang::Fr => ("\u{202f}", 4),
            Lang::De => (".", 4),
            Lang::Es => (".", 5),
            Lang::Ar | Lang::Fa if self.native_digits => ("\u{066c}", 4),
            Lang::Ar | Lang::Fa => (",", 4),
        };
        let mut grouped = String::with_capacity(digits.len() * 2);
        for (i, c) in digits.chars().enumerate() {
            if digits.len() >= min_grouped && i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push_str(separator);
            }
            grouped.push(c);
        }
        if !self.native_digits {
            return grouped;
        }
        let zero = if self.lang == Lang::Fa { '\u{06f0}' } else { '\u{0660}' };
        grouped.chars().map(|c| c.to_digit(10).and_then(|d| char::from_u32(zero as u32 + d)).unwrap_or(c)).collect()
    }

    /// Where the reader is: "3 of 8", "۳ از ۸".
    pub fn position(&self, at: usize, of: usize) -> String {
        let pattern = match self.lang {
            Lang::En => "{at} of {of}",
            Lang::Fr => "{at} sur {of}",
            Lang::Es => "{at} de {of}",
            Lang::De => "{at} von {of}",
            Lang::Ar => "{at} من {of}",
            Lang::Fa => "{at} از {of}",
        };
        pattern.replace("{at}", &self.number(at)).replace("{of}", &self.number(of))
    }
}

impl Locale {
    /// A word said with a site's name (one of `SITED`, such as "Load video from {site}"), the name put in.
    pub fn word_for_site(&self, word: Word, site: &str) -> String {
        let said = self.word(word);
        match crate::text::find(said, "{site}") {
            Some(at) => [&said[..at], site, &said[at + 6..]].concat(),
            None => said.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Lang; 6] = [Lang::En, Lang::Fr, Lang::Es, Lang::De, Lang::Ar, Lang::Fa];
    const TAGS: [&str; 6] = ["en", "fr", "es", "de", "ar", "fa"];

    fn table(lang: Lang) -> &'static Table {
        Locale { lang, ..Locale::default() }.table()
    }

    #[test]
    fn every_table_has_every_word_and_every_count() {
        for lang in ALL {
            let t = table(lang);
            for (i, w) in t.words.iter().enumerate() {
                assert!(!w.trim().is_empty(), "{lang:?}: word {i} is missing");
                let sited = SITED.iter().any(|s| *s as usize == i);
                assert_eq!(w.contains('{'), sited, "{lang:?}: word {i} has a placeholder, or lacks {{site}}");
                assert_eq!(w.matches("{site}").count(), usize::from(sited), "{lang:?}: word {i}");
            }
            for (i, forms) in t.counted.iter().enumerate() {
                assert!(!forms[Plural::Other as usize].is_empty(), "{lang:?}: counted {i} has no `other` form");
                for form in forms.iter().filter(|f| !f.is_empty()) {
                    // The Arabic dual and singular spell their number out; every other form shows it.
                    let spelled = lang == Lang::Ar && !form.contains("{n}");
                    assert!(form.contains("{n}") || spelled, "{lang:?}: {form:?}");
                }
            }
        }
    }

    #[test]
    fn a_tag_picks_its_table_direction_and_digits() {
        for (tag, lang) in TAGS.iter().zip(ALL) {
            assert_eq!(Locale::new(tag).lang, lang);
        }
        assert_eq!(Locale::new("ar-IQ").lang, Lang::Ar);
        assert_eq!(Locale::new("FA_ir").lang, Lang::Fa);
        assert!(Locale::new("ar-IQ").rtl && Locale::new("fa").rtl && Locale::new("he").rtl);
        assert!(!Locale::new("en").rtl && !Locale::new("fr-CA").rtl);
        assert_eq!(
            (Locale::new("he").lang, Locale::new("he").dir()),
            (Lang::En, "rtl"),
            "English words, its direction"
        );
        assert_eq!(Locale::new("").tag, "en");
        assert!(!Locale::new("ar-MA").native_digits, "the Maghreb writes 0–9");
    }

    #[test]
    fn a_missing_word_is_said_in_english() {
        assert_eq!(Locale::new("fr").word(Word::Next), "Suivant");
        assert_eq!(Locale::new("ja").word(Word::Next), "Next", "a language without a table");
        assert_eq!(or_english("", Word::Retry), "Retry", "a gap in a table");
        assert_eq!(or_english("Réessayer", Word::Retry), "Réessayer");
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let en = Locale::new("en");
        assert_eq!(en.counted(Counted::Statements, 1), "1 statement");
        assert_eq!(en.counted(Counted::Statements, 0), "0 statements");
        assert_eq!(en.counted(Counted::Years, 28), "28 years");
        let fr = Locale::new("fr");
        assert_eq!(fr.counted(Counted::Years, 0), "0 an");
        assert_eq!(fr.counted(Counted::Years, 1), "1 an");
        assert_eq!(fr.counted(Counted::Years, 28), "28 ans");
        let ar = Locale::new("ar");
        let years: Vec<String> =
            [0, 1, 2, 3, 10, 11, 99, 100, 103].iter().map(|&n| ar.counted(Counted::Years, n)).collect();
        assert_eq!(
            years,
            ["٠ سنة", "سنة واحدة", "سنتان", "٣ سنوات", "١٠ سنوات", "١١ سنة", "٩٩ سنة", "١٠٠ سنة", "١٠٣ سنوات"]
        );
        let fa = Locale::new("fa");
        assert_eq!(fa.counted(Counted::Years, 28), "۲۸ سال");
        assert_eq!(fa.counted(Counted::Statements, 1), "۱ اظهار نظر");
    }

    #[test]
    fn counts_are_grouped_and_written_in_the_languages_digits() {
        let n = |tag: &str, n: usize| Locale::new(tag).number(n);
        assert_eq!(n("en", 10_000), "10,000");
        assert_eq!(n("en", 999), "999");
        assert_eq!(n("fr", 10_000), "10\u{202f}000");
        assert_eq!(n("de", 1_234_567), "1.234.567");
        assert_eq!(n("es", 1_000), "1000", "Spanish leaves four digits ungrouped");
        assert_eq!(n("es", 10_000), "10.000");
        assert_eq!(n("fa", 10_000), "۱۰٬۰۰۰");
        assert_eq!(n("ar", 1_979), "١٬٩٧٩");
        assert_eq!(n("ar-MA", 1_979), "1,979");
        assert_eq!(Locale::new("fa").position(1, 10_000), "۱ از ۱۰٬۰۰۰");
        assert_eq!(Locale::new("en").position(3, 8), "3 of 8");
    }
}
