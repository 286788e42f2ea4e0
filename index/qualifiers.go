package index

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/exonym/exonym/normalize"
)

// qualifierClass is what a word that qualifies a name says about it.
type qualifierClass int

const (
	qualNone      qualifierClass = iota
	qualTitle                    // a person's title or honorific: President, Sheikh, Hajj, Kak
	qualGroup                    // a word put around an organisation's name: تنظيم (the organisation), militants
	qualCity                     // city, town, مدينة, شار
	qualProvince                 // province, governorate, محافظة, پارێزگای, ili
	qualDistrict                 // district, قضاء, قەزای, ilçesi
	qualState                    // a country's form of state: Republic, Kingdom, جمهورية, Komara, Cumhuriyeti
	qualIsland                   // island, islands, جزر, Girava, Adaları: a name of islands is often written without it
	qualFunction                 // a function word between the words of a name: of, and, the Kurmanji ezafe ya, yên
	qualFacility                 // a thing named after a place: university, airport, dam, جامعة, فڕۆکەخانە
	qualDirection                // a direction said of a place: northern, south of, جنوب, باشووری, başûrê, güneyinde
)

// groupKindWordList are the words of qualGroup that say what kind of
// organisation a name is, and are words of some names: organisation,
// group (تنظيم الدولة الإسلامية), militia (ميليشيا بدر, for منظمة بدر), an
// electoral alliance, which news names by its own word for one (Fetih
// ittifakı for the Fetih Koalisyonu, ائتلاف الفتح for تحالف الفتح), a
// party's bloc in a parliament (firaksiyona Komela Îslamî, كتلة الاتحاد
// الوطني, فراکسیۆنی گۆڕان). The words of a kind meet one another, as
// province words do (see synonymous).
var groupKindWordList = []string{
	"group", "organisation", "organization", "تنظيم", "جماعة", "منظمة", "ڕێکخراوی", "گرووپی",
	"militia", "militias", "ميليشيا", "ميليشيات", "مليشيا", "مليشيات", "میلیشیای", "میلیشیاکانی",
	"rêxistina", "rêxistin", "koma", "örgütü", "örgüt", "grubu", "گروه", "گروهک",
	"alliance", "coalition", "تحالف", "ائتلاف", "هاوپەیمانی", "هاوپەیمانیی", "hevpeymaniya", "hevbendiya",
	"koalisyonu", "koalisyon", "ittifakı", "ittifak",
	"bloc", "faction", "كتلة", "فراکسیۆنی", "فراکسیۆن", "fraksiyona", "firaksiyona", "fraksiyon", "fraksiyonu",
	"فراکسیون",
}

// groupMemberWordList are the words of qualGroup for an organisation's
// members, or for what it is called by its enemies: militants, fighters,
// members, officials, terrorists. Said around a name, they are no
// synonyms of the kind words inside one: officials is not the تنظيم of
// تنظيم الدولة.
var groupMemberWordList = []string{
	"militants", "militant", "fighters", "terrorists", "terrorist",
	"militiamen", "members", "officials", "jihadists", "insurgents", "rebels", "guerrillas",
	"مسلحي", "مسلحو", "مقاتلي", "مقاتلو", "عناصر", "الإرهابي", "الإرهابية", "الارهابي", "الارهابية", "إرهابيي", "ارهابيي",
	// An official, officials (مسؤول في الحزب; مسئول پارتی, the KDP's
	// official), which romanise near Mosul's name (مسؤول, msul; Musul).
	"مسؤول", "مسؤولو", "مسؤولي", "المسؤول", "مسئول", "مسئولان", "مسئولین",
	"چەکدارانی", "چەکدارەکانی", "تیرۆریستی", "تیرۆریستانی",
	"ئەندامانی", "بەرپرسانی", "بەرپرسی",
	"çekdarên", "terorîst", "terorîstên", "endamên", "mîlîsên",
	"terör", "militanları", "militanlar", "militan", "üyeleri", "teröristleri",
	"تروریستی", "تروریست", "شبه‌نظامیان", "شبه‌نظامی", "ستیزه‌جویان", "اعضای",
	"نظامیان", // شبه نظامیان, paramilitaries, typed with a space
}

// groupMemberKeys holds the romanised forms of groupMemberWordList.
var groupMemberKeys = sync.OnceValue(func() map[string]bool { return romanisedSet(groupMemberWordList) })

// turkishFacilityWordList are the Turkish facility words (see
// qualFacility). Turkish, unlike Arabic, Kurdish or English, puts the word
// after the name the thing is named after (Kerkük Havalimanı, Musul
// savaşı, Süleymaniye Üniversitesi): one before a name is a word of the
// sentence (savaşı Ankara'ya kadar taşırlar, they will carry the war as far
// as Ankara).
var turkishFacilityWordList = []string{
	"üniversitesi", "üniversite", "havalimanı", "havaalanı", "barajı", "baraj", "şirketi", "hastanesi", "dağı",
	"dağları", "nehri", "gölü", "köprüsü", "caddesi", "stadyumu", "okulu", "meclisi", "katliamı", "savaşı",
	"operasyonu", "kampı", "cezaevi", "üssü", "kalesi", "camii", "sarayı", "rafinerisi",
	"bakanlığı", "komutanlığı", "komitesi", "müdürlüğü", "ofisi", "anlaşması", "kampanyası",
	"savcılığı", "odası",
	"gazetesi", "kanalı", "ajansı", "radyosu", "televizyonu",
}

// turkishFacilityKeys holds the romanised forms of turkishFacilityWordList.
var turkishFacilityKeys = sync.OnceValue(func() map[string]bool { return romanisedSet(turkishFacilityWordList) })

// organWordList are the facility words (see qualFacility) for a party's
// own organs: its council, committee or office. Said of a party they
// name no other thing, as an airport named after a town does: the PUK's
// politburo, دفتر سیاسی اتحادیه میهنی کردستان, is the PUK's.
var organWordList = []string{
	"council", "مجلس", "ئەنجومەنی", "شورای", "meclisi",
	"committee", "لجنة", "لیژنەی", "کۆمیتەی", "komîteya", "کمیته", "komitesi",
	"office", "مكتب", "نووسینگەی", "nivîsgeha", "دفتر", "ofisi",
}

// organKeys holds the romanised forms of organWordList.
var organKeys = sync.OnceValue(func() map[string]bool { return romanisedSet(organWordList) })

// villageWordList are the words for a village or villages. Villages lie in
// a district, not in its town: a query that puts a village in a place
// (سنووری گوندی سەرگەلێی لە ئامێدی, the land of the village of Sergelê in
// Amedi; a village in Al-Amadiya) names the district when the place's
// town and district share the name.
var villageWordList = []string{
	"village", "villages", "قرية", "قرى", "القرى", "گوند", "گوندی", "گوندێک", "گوندێکی", "گوندەکان",
	"گوندەکانی", "gund", "gundê", "gundekî", "gundên", "köy", "köyü", "köyler", "köyleri", "روستا", "روستای",
	"روستاهای",
}

// villageKeys holds the romanised forms of villageWordList.
var villageKeys = sync.OnceValue(func() map[string]bool { return romanisedSet(villageWordList) })

// attachedToKeys holds the romanised forms of the Turkish bağlı, attached
// to, said after a place of the villages that belong to it (Zaho'ya bağlı
// 34 köy, 34 villages attached to Zakho).
var attachedToKeys = sync.OnceValue(func() map[string]bool { return romanisedSet([]string{"bağlı"}) })

// synonymous reports whether the words of class c all say the same of a
// name, in whichever language: a province word of the query (استان,
// parêzgeh) meets the province word of a name in another language
// (Governorate), and so for districts, cities, islands and groups. Titles,
// forms of state, directions and facilities differ within their class
// (President is not Sheikh, Republic is not Kingdom, north is not south,
// an airport is not a dam).
func (c qualifierClass) synonymous() bool {
	switch c {
	case qualProvince, qualDistrict, qualCity, qualIsland, qualGroup:
		return true
	}
	return false
}

// latinFunctionWords are function words of Latin-script text only: in a
// query written in the Arabic script, a word that romanises as one of
// them is another word (عضو, member, romanises as du).
var latinFunctionWords = []string{
	"of", "the", "and",
	// The articles and prepositions of the names the French, Spanish
	// and German press give the same parties and places (Parti
	// démocratique du Kurdistan, Unidades de Protección Popular,
	// Patriotische Union Kurdistans, Union der ...).
	"de", "du", "des", "la", "le", "les", "l", "d", "et", "del", "los", "las", "y", "der", "die", "das", "und", "von",
}

// turkishPostpositions are Latin-script function words too: Turkish
// postpositions after a name in a case ending (Musul'a kadar, as far as
// Mosul; IKBY'ye bağlı; Erbil'e doğru; Kerkük'e göre), words of the
// sentence, not of a name, and none a misspelling of one (kadar is not
// al-Hadar). A postposition closes the phrase before it: a name after
// one begins another (Daha önce Ankara'nın, earlier Ankara's).
var turkishPostpositions = []string{
	"kadar", "göre", "doğru", "karşı", "bağlı", "için", "ile", "gibi", "sonra", "önce", "beri", "dolayı",
	// More of them: about, by, via, near, around, inside, outside, through,
	// towards, belonging to, opposite (Erbil hakkında, about Erbil; DEAŞ
	// tarafından, by ISIS; Kerkük yakınlarında, near Kirkuk).
	"hakkında", "tarafından", "üzerinden", "yakınında", "yakınlarında", "çevresinde", "içinde", "dışında",
	"aracılığıyla", "yönelik", "ait", "karşısında",
}

// postpositionKeys holds the romanised forms of turkishPostpositions.
var postpositionKeys = sync.OnceValue(func() map[string]bool { return romanisedSet(turkishPostpositions) })

// latinOnly holds the romanised forms of latinFunctionWords.
var latinOnly = sync.OnceValue(func() map[string]bool {
	return romanisedSet(slices.Concat(latinFunctionWords, turkishPostpositions))
})

// romanisedSet returns the romanised words of words, as a set.
func romanisedSet(words []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		for _, k := range normalize.KeysOf(w).Tokens {
			m[k] = true
		}
	}
	return m
}

// arabicScriptQualifiers holds the classes of the qualifier words written
// in the Arabic script, by romanised form: in an Arabic-script query a word
// that romanises as a Latin function word is looked up here (عضو, member,
// romanises as du).
var arabicScriptQualifiers = sync.OnceValue(func() map[string]qualifierClass {
	return qualifierClasses(map[string]qualifierClass{}, func(w string) bool {
		return !hasLatin(w)
	})
})

// latinScriptQualifiers holds the classes of the qualifier words written
// in the Latin script, by romanised form: in a Latin-script query a word
// that romanises as an Arabic-script qualifier only is another word (the
// Qaḑā’ of a published romanisation, a district, romanises as قاعدة, a
// base, does).
var latinScriptQualifiers = sync.OnceValue(func() map[string]qualifierClass {
	return qualifierClasses(map[string]qualifierClass{}, func(w string) bool {
		return hasLatin(w)
	})
})

// qualifierClasses adds to m the class of every romanised form of the
// qualifier words keep accepts, unless m has one already: a word of two
// classes takes the first, in class order. Sorani words are also taken
// as keyboards without Sorani letters type them (soraniTypedForms).
func qualifierClasses(m map[string]qualifierClass, keep func(word string) bool) map[string]qualifierClass {
	for _, class := range slices.Sorted(maps.Keys(qualifierWords)) {
		for _, w := range qualifierWords[class] {
			if !keep(w) {
				continue
			}
			for _, form := range soraniTypedForms(w) {
				for _, k := range normalize.KeysOf(form).Tokens {
					if _, ok := m[k]; !ok {
						m[k] = class
					}
				}
			}
		}
	}
	return m
}

// soraniTypedForms returns a word and, if it has ە or ێ, the forms a
// keyboard without Sorani letters types: ە as ه, ێ as ی (نهخۆشخانهی for
// نەخۆشخانەی, پاریزگای for پارێزگای).
func soraniTypedForms(w string) []string {
	out := []string{w}
	for _, f := range []string{strings.ReplaceAll(w, "ە", "ه"), strings.ReplaceAll(w, "ێ", "ی"), strings.NewReplacer("ە", "ه", "ێ", "ی").Replace(w)} {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// qualifierWords are, by class, words writers put around a name that are
// not part of it, in English, Arabic, Sorani, Kurmanji, Turkish and Persian.
// They are compared by their romanised keys, so every spelling of one meets.
var qualifierWords = map[qualifierClass][]string{
	qualTitle: {
		"president", "serok", "سەرۆک", "رئيس", "الرئيس", "sheikh", "shaikh", "sheik", "şêx", "şeyh", "شيخ", "الشيخ", "شێخ",
		"sayyid", "seyyid", "sayed", "سيد", "السيد", "ayatollah", "ayetullah", "ayatullah", "hajj", "haji", "hajji", "hecî",
		"حاج", "الحاج", "حاجی", "sardar", "سردار", "kak", "kaka", "کاک", "mam", "مام", "general", "dr", "mr", "mrs", "ms",
		"prime", "minister",
		// Offices news writes before a person's name: prime minister,
		// minister, governor, leader, commander, deputy.
		"الوزراء", "وزير", "الوزير", "محافظ", "نائب", "القيادي", "governor", "leader", "commander", "deputy",
		"سەرۆکی", "وەزیران", "وەزیر", "وەزیری", "پارێزگار", "پارێزگاری", "سەرکردە", "سەرکردەی", "جێگری",
		"serokwezîr", "serokwezîrê", "wezîr", "wezîrê", "parêzgar", "parêzgarê", "rêber", "rêberê", "cîgirê",
		"serokkomar", "serokkomarê", "سەرۆککۆمار", "سەرۆککۆماری", "رئیس‌جمهور",
		"نخست", "وزیر", "استاندار", "فرماندار", "رهبر", "فرمانده",
		// رئیس جمهور (president) written with a space, not a ZWNJ.
		"جمهور",
		"başbakan", "başbakanı", "bakan", "bakanı", "vali", "valisi", "lider", "lideri", "cumhurbaşkanı", "komutanı",
		// Heads, chairs and spokesmen; former and late before any title
		// (the late Jalal Talabani, KYB'nin eski eş başkanı).
		"speaker", "chairman", "head", "chief", "mayor", "spokesman", "secretary", "ambassador", "former", "late",
		"زعيم", "المتحدث", "الناطق", "السابق", "الراحل",
		"ڕێبەری", "وتەبێژی", "پێشووی",
		"berdevkê", "berê",
		"سخنگوی", "سابق",
		"başkan", "başkanı", "eş", "eski", "sözcüsü",
		// A member, said of a person before the body he sits in.
		"member", "عضو", "ئەندامی", "endamê", "üyesi",
		// Honorifics before a name: Mr, the honourable, teacher, doctor
		// (بەڕێز کۆسرەت ڕەسوڵ, birêz, آقای, ماموستا علی باپیر). Not mullah: Mulla
		// Mustafa is a name of its own.
		"بەڕێز", "birêz", "rêzdar", "آقای", "جناب", "ماموستا", "mamosta",
		"دکتۆر", "دكتور", "دکتر", "doktor",
		// More offices: secretary-general, commander, adviser, director,
		// ambassador, a district's mayor (qaimaqam), a member of parliament.
		// Not the Arabic أمين (secretary), a common given name too.
		"سکرتێری", "sekreterê", "sekreteri", "دبیرکل", "دبیر",
		"قائد", "القائد", "فەرماندەی", "فەرماندە", "fermandar", "fermandarê", "komutan",
		"adviser", "advisor", "مستشار", "ڕاوێژکاری", "şêwirmendê", "danışmanı", "مشاور",
		"director", "مدير", "بەڕێوەبەری", "rêveberê", "müdürü", "مدیر",
		"سفير", "باڵیۆزی", "balyozê", "büyükelçisi", "سفیر",
		"قائمقام", "قایمقام", "قایمقامی", "qeymeqam", "qeymeqamê", "kaymakam", "kaymakamı",
		"mp", "پەرلەمانتار", "parlementer", "milletvekili", "نماینده",
	},
	// Words news writes around an armed group's or a party's name for its
	// kind or its members: the organisation, group, militants, fighters,
	// terrorists, militias, members, officials (تنظيم داعش الإرهابي,
	// ISIS militants, چەکدارانی داعش, terör örgütü PKK, گروه تروریستی
	// داعش). "Forces" and "party" are not among them: they are words of
	// many names.
	qualGroup: slices.Concat(groupKindWordList, groupMemberWordList),
	qualFunction: {
		"&", "û", "ve", "و", "a", "ya", "yê", "yên", "ên", "ê", "ی",
	},
	// Town words too (Sorani شارۆچکە, Kurmanji bajarok, Arabic بلدة and
	// قصبة, Turkish kasaba, Persian شهرک), the sub-district (ناحية,
	// ناحیە, nahiya) news names after its town (the glossary lists towns,
	// not sub-districts), and the words for the area around a town
	// (Sorani ناوچەی دۆر, Arabic منطقة, Kurmanji devera).
	qualCity: {
		"city", "town", "مدينة", "شار", "شاری", "bajar", "bajarê", "şehri", "kenti", "şehir", "kent", "شهر",
		"شارۆچکە", "شارۆچکەی", "bajarok", "bajarokê", "bajaroka", "بلدة", "قصبة", "kasaba", "kasabası", "شهرک",
		"ناحية", "ناحیە", "ناحیەی", "nahiya", "nahiye", "nahiyesi",
		// A village: قرية, گوند, gund, köy, روستا.
		"village", "قرية", "گوند", "گوندی", "gund", "gundê", "köy", "köyü", "روستا", "روستای",
		"بخش", // Persian for a sub-district (بخش جلولاء در استان دیاله)
		"ناوچە", "ناوچەی", "منطقة", "منطقه", "area", "devera",
		// A capital, said of a city (the provincial capital Ramadi,
		// العاصمة بغداد, paytexta Iraqê Bexda, başkent Bağdat).
		"capital", "العاصمة", "عاصمة", "پایتەخت", "پایتەختی", "paytext", "paytexta", "paytextê", "başkent", "başkenti",
		"پایتخت",
		// A town's municipality, the body that runs it, stands for the
		// town as its name does (شارەوانی هەڵەبجە, Halabja's
		// municipality; بلدية الفلوجة; şaredariya Amedê; Erbil
		// Belediyesi).
		"municipality", "بلدية", "شارەوانی", "شارەوانیی", "şaredarî", "şaredariya", "şaredariyê", "belediye",
		"belediyesi", "شهرداری",
	},
	qualProvince: {
		"province", "governorate", "محافظة", "پارێزگا", "پارێزگای", "parêzgeh", "parêzgeha", "ili", "vilayeti",
		"استان", "ostan", "muhafazat", "muhafaza", "muḥāfaẓat",
		// Kurmanji also writes a province as a wîlayet (wîlayeta Duhokê),
		// as Turkish a vilayet.
		"wîlayet", "wîlayeta", "wîlayetê",
		// The Turkish governorship, a province's administration (Necef
		// Valiliği, Kerkük Valiliğine).
		"valilik", "valiliği",
	},
	qualIsland: {
		"island", "islands", "isle", "isles", "جزيرة", "جزر", "جزيره", "جزایر", "جزیره", "جزیرهٔ", "دوورگە", "دوورگەی",
		"دوورگەکان", "دوورگەکانی", "girav", "girava", "giravên", "giravê", "ada", "adası", "adaları", "adalar",
	},
	// Things named after the place they are in or near: a query with one
	// of these words left over names that thing, not the place (Kirkuk
	// Airport, سد الموصل, زانکۆی سلێمانی, Sincar Dağı).
	qualFacility: slices.Concat([]string{
		"university", "airport", "dam", "company", "hospital", "mountain", "mountains", "mount", "river", "lake",
		"bridge", "street", "road", "stadium", "school", "college", "council", "massacre", "battle", "operation",
		"offensive", "oilfield", "field", "camp", "prison", "base", "citadel", "castle", "mosque", "church", "museum",
		"market", "valley", "plain", "polytechnic", "institute", "academy", "palace", "refinery",
		// A refinery: مصفى بيجي, پالایشگاه بیجی, پاڵاوگەی بێجی, Baiji
		// refinery.
		"مصفى", "مصفاة", "پالایشگاه", "پاڵاوگە", "پاڵاوگەی",
		"جامعة", "مطار", "سد", "شركة", "مستشفى", "جبل", "نهر", "بحيرة", "جسر", "شارع", "ملعب", "مدرسة", "كلية", "مجلس",
		"مجزرة", "معركة", "عملية", "حقل", "مخيم", "سجن", "قاعدة", "قلعة", "مسجد", "كنيسة", "متحف", "سوق", "وادي", "سهل", "قصر",
		"زانکۆی", "زانکۆ", "فڕۆکەخانەی", "فڕۆکەخانە", "بەنداوی", "بەنداو", "کۆمپانیای", "نەخۆشخانەی", "چیای", "ڕووباری",
		"پردی", "شەقامی", "یاریگا", "یاریگای", "قوتابخانەی", "ئەنجومەنی", "شەڕی", "کێڵگەی", "کەمپی", "زیندانی", "قەڵای", "مزگەوتی", "بازاڕی", "کۆشکی",
		"zanîngeha", "zanîngeh", "balafirgeha", "bendava", "nexweşxaneya", "çiyayê", "çemê", "pira", "kolana", "dibistana",
		"komkujiya", "kampa", "girtîgeha", "keleha", "mizgefta",
		"qela", "qelaya", "kela", "kelaya", // the citadel, also written so (qela Kerkukê, kela Amed)
		"دانشگاه", "فرودگاه", "شرکت", "بیمارستان", "کوه", "رودخانه", "دریاچه", "خیابان", "ورزشگاه", "مدرسه", "دانشکده",
		"شورای", "کشتار", "نبرد", "اردوگاه", "زندان", "پایگاه", "قلعه", "مسجد", "موزه", "بازار", "کاخ",
		// Institutions and events named after a place or a force: the
		// ministry, command, committee, directorate, office, agreement,
		// campaign (Ministry of Peshmerga Affairs, Sinjar Agreement).
		"ministry", "command", "committee", "directorate", "office", "agreement", "campaign", "police",
		"شرطة", "پۆلیسی", "پلیس", "polîsê", "polîsên", "polisi",
		"وزارة", "لجنة", "مديرية", "مكتب", "اتفاق", "اتفاقية", "حملة",
		"وەزارەتی", "فەرماندەیی", "لیژنەی", "کۆمیتەی", "بەڕێوەبەرایەتی", "نووسینگەی", "ڕێککەوتنی", "هەڵمەتی",
		"wezareta", "fermandariya", "komîteya", "midûriyeta", "nivîsgeha", "peymana", "kampanya",
		"وزارت", "فرماندهی", "کمیته", "اداره", "دفتر", "توافق", "توافقنامه", "کارزار",
		// A place's public prosecution (داواكاری گشتیی سلێمانی; not its
		// court, where news says what happened in the town).
		"prosecution", "داواکاری", "داواكاری", "dozgeriya", "دادستانی",
		// A chamber of commerce or industry, named after its town (Erbil
		// Chamber of Commerce, غرفة تجارة أربيل, ژووری بازرگانیی هەولێر,
		// اتاق بازرگانی اربیل, Erbil Ticaret Odası).
		"chamber", "غرفة", "ژووری", "odeya", "اتاق",
		// The press, named after a place or a thing (روزنامه الشرق الاوسط,
		// the newspaper Asharq Al-Awsat; شبکه العربیه, Al Arabiya; Voice of
		// America). Not the Arabic وكالة, an agency but also acting
		// (المحافظ بالوكالة, the acting governor).
		"newspaper", "channel", "agency", "radio", "television",
		"صحيفة", "جريدة", "قناة", "شبكة",
		"روزنامه", "شبکه", "خبرگزاری", "کانال", "رادیو",
		"ڕۆژنامەی", "کەناڵی", "ئاژانسی", "ڕادیۆی", "تەلەفزیۆنی",
		"rojnameya", "kanala", "ajansa", "radyoya", "televizyona",
	}, turkishFacilityWordList),
	// Persian writes an Iraqi district as a county (شهرستان سنجار);
	// Kurmanji also calls a district a navçe (navçeya Soranê), as Turkish
	// an ilçe.
	qualDistrict: {"district", "قضاء", "قەزا", "قەزای", "qeza", "qezaya", "ilçesi", "ilce", "شهرستان", "navçe", "navçeya", "navçeyê"},
	// Directions news writes of a place, before or after its name: the
	// northern city of Kirkuk, south of Kirkuk, جنوب كركوك, باشووری
	// کەرکووک, başûrê Kerkûkê, Kerkük'ün güneyinde, جنوب استان سلیمانیه.
	// A name that holds one (South Sudan, جنوب السودان) is met whole at the
	// key levels first, and a name beside it holding the direction scores
	// higher than one lacking it; see ignorable for the places they are
	// left out for.
	qualDirection: {
		"north", "south", "east", "west", "northern", "southern", "eastern", "western",
		"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
		"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "الشمالية", "الجنوبية", "الشرقية", "الغربية",
		"باکوور", "باشوور", "ڕۆژهەڵات", "ڕۆژئاوا", "باکووری", "باشووری", "ڕۆژهەڵاتی", "ڕۆژئاوای",
		"bakur", "başûr", "rojhilat", "bakurê", "başûrê", "rojhilatê", "rojavayê",
		"kuzey", "güney", "doğu", "batı", "kuzeyi", "güneyi", "doğusu", "batısı", "kuzeyinde", "güneyinde", "doğusunda",
		"batısında", "kuzeyindeki", "güneyindeki", "doğusundaki", "batısındaki",
		"شمالی", "جنوبی", "شرقی", "غربی",
		// The centre of a place, said as its directions are: in central
		// Baghdad, وسط بغداد, ناوەندی کەرکووک, li navenda Şengalê, Kerkük
		// merkezinde. Not the Arabic and Persian مركز, مرکز: the seat of
		// a governorate as often (تكريت، مركز المحافظة, Tikrit, its seat).
		"central", "centre", "center", "downtown", "وسط", "ناوەندی", "ناوەڕاستی", "navenda", "navend",
		"merkezi", "merkezinde", "merkezindeki",
	},
	// The forms of state that official country names add to the short
	// name (Federal Republic of Germany, جمهورية ألمانيا الاتحادية,
	// Almanya Federal Cumhuriyeti, Komara Federal a Almanyayê).
	qualState: {
		"republic", "kingdom", "federal", "federation", "federated", "democratic", "people", "peoples", "popular",
		"islamic", "socialist", "state", "commonwealth", "principality", "grand", "duchy", "sultanate", "emirate",
		"plurinational", "bolivarian", "independent", "union", "confederation", "federative", "hashemite", "arab",
		"جمهورية", "مملكة", "دولة", "الاتحادية", "الفيدرالية", "الديمقراطية", "الديموقراطية", "الشعبية", "الإسلامية",
		"الاشتراكية", "إمارة", "سلطنة", "إمارات", "المستقلة", "اتحاد", "كومنولث", "البوليفارية", "المتعددة", "القوميات",
		"الهاشمية", "العربية", "جمهوری", "پادشاهی", "دولت", "فدرال", "دموکراتیک", "خلق", "اسلامی", "مستقل", "اتحادیه", "امیرنشین",
		"مشترک", "المنافع", "چند", "ایالتی",
		"cumhuriyeti", "krallığı", "devleti", "federal", "demokratik", "halk", "i̇slam", "islam", "bağımsız",
		"sultanlığı", "emirliği", "prensliği", "konfederasyonu", "federasyonu", "topluluğu", "milletler", "sosyalist",
		"çokuluslu", "haşimi", "arap", "birliği", "birlik",
		// The word country itself, before or after a name (کشور کویت).
		"country", "کشور", "ولات", "وڵاتی", "welat", "welatê", "ülkesi",
		"komara", "keyaniya", "keyatî", "keyatiya", "mîrtî", "federal", "demokratîk", "gel", "gelî", "îslamî", "dewleta", "serbixwe", "mîrtiya",
		"şahiyetî", "şahiyetiya", "pirneteweyî", "haşemî", "sosyalîst", "erebî",
		"کۆماری", "شانشینی", "فیدراڵی", "دیموکراتی", "گەل", "ئیسلامی", "دەوڵەتی", "سوسیالیستی",
	},
}

// qualifiers maps the romanised key of each qualifier word to its class.
// Two words of different classes may share a key (Sorani شار, city, and
// Arabic شارع, street, are both shar): the class listed first in
// qualifierClass keeps it, so that the map is the same in every process.
var qualifiers = sync.OnceValue(func() map[string]qualifierClass {
	m := map[string]qualifierClass{}
	for k := range latinOnly() {
		m[k] = qualFunction
	}
	return qualifierClasses(m, func(string) bool { return true })
})

// qualifierOf returns the class of a romanised query word. An Arabic word
// in construct before another (جمهورية العراق, jmhuriyat) is looked up in
// its plain form too, and a word with a Kurmanji ezafe or a Turkish
// possessive ending without it (Gelê for gel).
func qualifierOf(word string) qualifierClass {
	return qualifierOfScript(word, true)
}

// qualifierOfScript is qualifierOf for a word written in the Latin script
// (latin) or in the Arabic script, whose romanised words the Kurmanji and
// Turkish endings are not cut from, but for the Sorani izafe typed as ى:
// کۆیە (Koya) romanises as köy (a village) and an ending.
func qualifierOfScript(word string, latin bool) qualifierClass {
	q := qualifiers()
	if isNumber(word) {
		return qualFunction // a year, a distance: 1954, 60 km
	}
	if c, ok := listedClass(word); ok {
		return c
	}
	// An Arabic or Sorani preposition or conjunction written joined to the
	// word (بمحافظة, in the governorate; لحزب, of the party; وبلدة, and
	// the town): romanised, a letter before a listed word of four or more.
	if c := procliticQualifier(word); c != qualNone {
		return c
	}
	// A Kurmanji ezafe or Turkish possessive on a listed word: Gelê, Dewleta,
	// Mîrtiyên (the plural's).
	for _, end := range qualifierEndings {
		if !latin && !arabicScriptEnding(end) {
			continue
		}
		if base, ok := strings.CutSuffix(word, end); ok && len(base) >= 3 {
			if c, ok := q[base]; ok && c != qualFunction {
				return c
			}
		}
	}
	// The Sorani indefinite before the izafe on a listed word with the
	// izafe: ئەندامێکی (a member of) for ئەندامی, سەرکردەیەکی (a leader of)
	// for سەرکردەی, romanised.
	for _, end := range []string{"yeki", "eki"} {
		if base, ok := strings.CutSuffix(word, end); ok && len(base) >= 3 {
			for _, izafe := range []string{"i", "y"} {
				if c, ok := q[base+izafe]; ok && c != qualFunction {
					return c
				}
			}
		}
	}
	return qualNone
}

// proclitics are the romanised Arabic and Sorani prepositions and
// conjunctions written joined to the next word: و ب ل ف ك.
const proclitics = "wblfk"

// procliticQualifier returns the class of word read as one or two
// proclitics (wb: وب) before a listed word of at least three letters, in
// its plain or construct form (bmhafdhat: بمحافظة); qualNone if it is not
// one, or only a function word.
func procliticQualifier(word string) qualifierClass {
	for range 2 {
		if len(word) < 4 || !strings.ContainsRune(proclitics, rune(word[0])) {
			return qualNone
		}
		word = word[1:]
		if c, ok := listedClass(word); ok && c != qualFunction {
			return c
		}
	}
	return qualNone
}

// listedClass returns the class of a listed qualifier word, in its plain
// form or, for an Arabic word in construct before another (جمهورية
// العراق, jmhuriyat), in the form it has alone.
func listedClass(word string) (qualifierClass, bool) {
	q := qualifiers()
	if c, ok := q[word]; ok {
		return c, true
	}
	if base, ok := strings.CutSuffix(word, "at"); ok {
		if c, ok := q[base+"a"]; ok {
			return c, true
		}
	}
	return qualNone, false
}

// isNumber reports whether a romanised word is all digits, or a word for
// a large number (numberWords).
func isNumber(word string) bool {
	for i := 0; i < len(word); i++ {
		if word[i] < '0' || word[i] > '9' {
			return numberWords()[word]
		}
	}
	return word != ""
}

// numberWordList are the words for thousand, million and billion in the
// six languages, which news writes among figures (هەزار و ٢٩٣ ئێزدی, a
// thousand and 293 Yazidis): a number, not a name it resembles (the
// Kurmanji Hezer, Hatra). Hundreds are left out, and the Arabic ألف
// (thousand), which is also the letter alef's name: short words that may
// be parts of names.
var numberWordList = []string{
	"هەزار", "هەزاران", "ملیۆن", "ملیۆنان", "ملیار",
	"آلاف", "مليون", "ملايين", "مليار",
	"هزار", "میلیون", "میلیارد",
	"thousand", "thousands", "million", "millions", "billion",
	"hezar", "hezaran", "milyon", "milyar",
}

// numberWords are the romanised forms of numberWordList.
var numberWords = sync.OnceValue(func() map[string]bool { return romanisedSet(numberWordList) })

// arabicScriptEnding reports whether a romanised ending of qualifierEndings
// is one an Arabic-script word has too: the Sorani izafe ی typed as ى by
// keyboards without it (شارى for شاری, the city of), romanised a. Not the
// izafe as written, romanised i: the qualifiers list their forms with it
// (شاری), and a name's ی read so made a qualifier of it (ناصریه, Nasiriyah,
// romanised nasri: عناصر, members, and an izafe).
func arabicScriptEnding(end string) bool { return end == "a" }

// qualifierEndings are the Kurmanji ezafe and Turkish possessive endings
// qualifierOf removes from a word to find it listed, and the Turkish case
// endings written straight on a possessive (ilçesine, kasabasının, iline,
// kentinde, ilçesindeki), romanised.
var qualifierEndings = []string{"e", "a", "i", "u", "ya", "ye", "yi", "yen", "en",
	"ne", "na", "ni", "nu", "nin", "nun", "nde", "nda", "ndeki", "ndaki", "nden", "ndan"}

// inflectedQualifierOf is qualifierOf, and for a word of six letters or
// more that is none, the class of the listed word it is similar enough to
// (Federasyona, Konfederasyona for federasyonu). It compares the word with
// every listed one, so callers remember its answers.
func inflectedQualifierOf(word string) qualifierClass {
	if c := qualifierOf(word); c != qualNone || len(word) < minInflectedQualifier {
		return c
	}
	q := qualifiers()
	best, class := 0.0, qualNone
	w := normalize.Weight(word)
	for _, k := range qualifierKeys() {
		if normalize.MaxSimilarityOf(len(word), w, len(k.key), k.weight) < qualifierMinSim {
			continue
		}
		if sim := normalize.SimilarityAtLeast(word, k.key, qualifierMinSim); sim > best {
			best, class = sim, q[k.key]
		}
	}
	return class
}

// An inflected qualifier is a word of at least minInflectedQualifier
// letters at least qualifierMinSim similar to a listed one.
const (
	minInflectedQualifier = 6
	qualifierMinSim       = 0.85
)

// qualifierKey is a romanised qualifier word and its weight (see
// normalize.Weight).
type qualifierKey struct {
	key    string
	weight float64
}

// qualifierKeys are the romanised qualifier words an inflected word may
// be a form of (those of minInflectedQualifier letters or more), sorted,
// with their weights.
var qualifierKeys = sync.OnceValue(func() []qualifierKey {
	var keys []qualifierKey
	for _, k := range slices.Sorted(maps.Keys(qualifiers())) {
		if len(k) >= minInflectedQualifier {
			keys = append(keys, qualifierKey{k, normalize.Weight(k)})
		}
	}
	return keys
})

// ignorable reports whether an unmatched query word of this class may be
// left out of the query's coverage for an entity: a title for a person, a
// group word for an organisation, a city word for a city or town, a
// province or district word for a governorate or district, or for a city
// or town (which hands its match on to the governorate or district it is
// the capital of; see transferSeats).
func (c qualifierClass) ignorable(e entityKind) bool {
	switch c {
	case qualTitle:
		return e.person
	case qualGroup:
		return e.org
	case qualCity:
		return e.subtype == "city" || e.subtype == "town"
	case qualProvince:
		return e.subtype == "governorate" || e.subtype == "city" || e.subtype == "town"
	case qualDistrict:
		return e.subtype == "district" || e.subtype == "city" || e.subtype == "town"
	case qualState:
		return e.subtype == "country"
	case qualIsland:
		return e.island
	case qualFunction:
		return true
	case qualDirection:
		// Of a town, a city, a district or a governorate only: a direction
		// before a region's or a country's name often makes another one
		// (باکووری کوردستان, North Kurdistan, is not the Kurdistan Region).
		switch e.subtype {
		case "city", "town", "district", "governorate":
			return true
		}
	}
	return false
}

// entityKind is what ranking needs to know of a candidate entity.
type entityKind struct {
	person, org, place bool
	subtype            string
	island             bool // a place one of whose names says it is an island or islands
}

// queryQualifier returns the province or district class when the query
// names one, in any of its forms (vilayəti, an Azerbaijani vilayeti), or
// qualNone.
func queryQualifier(q *prepared) qualifierClass {
	if len(q.keys.Tokens) < 2 {
		return qualNone // a province or district word alone names no place
	}
	for _, t := range q.keys.Tokens {
		if c := q.qualifier(t); c == qualProvince || c == qualDistrict {
			return c
		}
	}
	return qualNone
}

// classWords returns the query's words of a qualifier class, as bits (see
// nameMatch.met). A query without Latin letters has only the classes of
// the Arabic-script qualifier words (Persian در, in, romanises as the
// Latin title dr), and the inflected forms of its words for kinds of
// place (بلدة before a name, محافظات).
func (q *prepared) classWords(class qualifierClass) uint64 {
	var out uint64
	for i, t := range q.keys.Tokens {
		if i >= 64 {
			break
		}
		var c qualifierClass
		if q.latin {
			c = q.qualifier(t)
		} else if c = arabicScriptQualifiers()[t]; c == qualNone && q.tokenQuals[i].placeKind() {
			c = q.tokenQuals[i] // بلدة before a name, romanised bldat
		}
		if c == class {
			out |= bit(i)
		}
	}
	return out
}

// placeKind reports whether c is a word for a kind of place the glossary
// has: a city or town, a province, a district.
func (c qualifierClass) placeKind() bool {
	return c == qualCity || c == qualProvince || c == qualDistrict
}

// subtypeOf returns the subtype a province or district qualifier asks for.
func (c qualifierClass) subtype() string {
	switch c {
	case qualProvince:
		return "governorate"
	case qualDistrict:
		return "district"
	}
	return ""
}

// transferSeats hands a capital's match on to the governorate or district
// it is the capital of when the query asks for one ("Kerkük ili",
// "Muḥāfaẓat Karkūk"): the query named the city and qualified it.
//
// A city or town that is the capital of no such place, when no candidate
// of that kind is named by words of its own, is not what the query asks
// for: it is listed, not the answer (استان همدان, Hamadan province in Iran,
// is not Qaraqosh, the seat of al-Hamdaniya district), unless the query
// calls it a city or town by a word beside its name (تتمتع بلدة كويه
// … ثلاث محافظات, the town of Koya … three governorates).
func (s *search) transferSeats(class qualifierClass) error {
	want := class.subtype()
	cityWords, classWords := s.p.classWords(qualCity), s.p.classWords(class)
	ids := slices.Sorted(maps.Keys(s.best))
	named := false // a candidate of the kind asked for, named by words of its own
	for _, id := range ids {
		if c := s.best[id]; strings.EqualFold(c.Subtype, want) && c.deferTo == "" && c.met != 0 {
			named = true
		}
	}
	for _, id := range ids {
		c := s.best[id]
		if c.deferTo != "" {
			continue
		}
		seat := false
		for _, target := range s.ents[id].e.Related("capital-of") {
			en, err := s.ix.entityByID(s.ctx, target)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			g := &en.e
			if !strings.EqualFold(g.Subtype, want) {
				continue
			}
			seat = true
			if beside := besideBits(c.met); beside != 0 && cityWords&beside != 0 && classWords&beside == 0 {
				// The query calls it a city or town, by a word beside
				// its name, and the province or district word stands apart
				// from it (بلدة مخمور مركز القضاء, the town of Makhmur,
				// centre of the district): the city is meant.
				continue
			}
			gc := s.best[target]
			if gc != nil && gc.met&^c.met != 0 && gc.met&c.met == 0 {
				// The query names the governorate by its own name, apart
				// from the city's (شهر موصل مرکز استان نینوا, Mosul, centre
				// of Nineveh province): the province word is its, not the
				// city's.
				continue
			}
			if gc == nil {
				nc := *c
				nc.EntityID, nc.Type, nc.Subtype, nc.DisplayName = g.ID, g.Type, g.Subtype, g.DisplayName()
				nc.Explanation = nil
				gc = &nc
				s.best[target] = gc
				s.ents[target] = en
			} else {
				if gc.Score < c.Score {
					gc.Score, gc.Match, gc.MatchedName, gc.MatchedLang = c.Score, c.Match, c.MatchedName, c.MatchedLang
				}
				// The city's name met whole beside the province word
				// names the governorate as whole (its neighboring Mosul
				// province).
				gc.whole, gc.marked = gc.whole || c.whole, gc.marked || c.marked
				if gc.met == 0 {
					gc.met = c.met
				}
			}
			gc.deferTo = ""
			if s.q.Explain {
				gc.Explanation = append(gc.Explanation, "the query asks for the "+want+" of "+id)
			}
			c.Score *= seatDiscount
			c.deferTo = target
		}
		if !seat && !named && (strings.EqualFold(c.Subtype, "city") || strings.EqualFold(c.Subtype, "town")) &&
			c.Match >= MatchSkeleton && classWords&^c.met != 0 && cityWords&besideBits(c.met) == 0 {
			s.ix.Thresholds.listOnly(c, "the query asks for a "+want+" it is not the capital of", s.q.Explain)
		}
	}
	return nil
}

// stateSenses are the forms of state (see qualState) that mean the same in
// the six languages, by meaning: Komara and Cumhuriyeti are both a
// republic, Demokratîk and الديمقراطية both democratic, so that an
// official name in one language meets the official name in another
// (Komara Demokratîk a Kongo, Kongo Demokratik Cumhuriyeti) as its
// province words do (see qualifierClass.synonymous); Republic does not
// meet Democratic.
var stateSenses = map[string][]string{
	"republic":    {"republic", "جمهورية", "جمهوری", "کۆماری", "komara", "cumhuriyeti"},
	"kingdom":     {"kingdom", "مملكة", "پادشاهی", "شانشینی", "keyaniya", "keyatî", "keyatiya", "krallığı", "şahiyetî", "şahiyetiya"},
	"democratic":  {"democratic", "الديمقراطية", "الديموقراطية", "دموکراتیک", "دیموکراتی", "demokratîk", "demokratik"},
	"people":      {"people", "peoples", "popular", "الشعبية", "خلق", "گەل", "gel", "gelî", "halk"},
	"federal":     {"federal", "federation", "federated", "الاتحادية", "الفيدرالية", "فدرال", "فیدراڵی", "federasyonu"},
	"islamic":     {"islamic", "الإسلامية", "اسلامی", "ئیسلامی", "îslamî", "islam"},
	"socialist":   {"socialist", "الاشتراكية", "سوسیالیستی", "sosyalîst", "sosyalist"},
	"state":       {"state", "دولة", "دولت", "دەوڵەتی", "dewleta", "devleti"},
	"independent": {"independent", "المستقلة", "مستقل", "serbixwe", "bağımsız"},
	"union":       {"union", "اتحاد", "اتحادیه", "birliği", "birlik"},
	"emirate":     {"emirate", "إمارة", "إمارات", "امیرنشین", "emirliği", "mîrtî", "mîrtiya"},
	"country":     {"country", "کشور", "ولات", "وڵاتی", "welat", "welatê", "ülkesi"},
}

// stateSenseOf maps the romanised key of each word of stateSenses to its
// meaning.
var stateSenseOf = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, sense := range slices.Sorted(maps.Keys(stateSenses)) {
		for _, w := range stateSenses[sense] {
			for _, t := range normalize.KeysOf(w).Tokens {
				if _, taken := m[t]; !taken {
					m[t] = sense
				}
			}
		}
	}
	return m
})

// sameStateSense reports whether two romanised words are forms of state
// of the same meaning (see stateSenses).
func sameStateSense(a, b string) bool {
	senses := stateSenseOf()
	sa, ok := senses[a]
	return ok && sa == senses[b]
}

// governmentWords are the romanised words for a government in the six
// languages; dowlat is the Persian دولت, which names a government as
// often as a state (دولت عراق, the Iraqi government).
var (
	governmentWords = sync.OnceValue(func() map[string]bool {
		return romanisedSet([]string{"government", "حكومة", "حکومت", "حکومەتی", "حکوومەتی", "hikûmeta", "hükümeti"})
	})
	dowlat = sync.OnceValue(func() string { return normalize.Romanised("دولت") })
)

// governmentSense reports whether a query word is the Persian دولت and a
// name's word a word for a government: دولت اقلیم کردستان is the Kurdistan
// Regional Government, حکومت اقلیم کردستان. (The Arabic دولة is a state.)
func governmentSense(t, u string) bool {
	return t == dowlat() && governmentWords()[u]
}

// besideBits returns the bits of the words just before and just after the
// run of words met (see nameMatch.met).
func besideBits(met uint64) uint64 {
	return (met<<1 | met>>1) &^ met
}
