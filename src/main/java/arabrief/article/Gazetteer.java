package arabrief.article;

import java.util.HashMap;
import java.util.Map;

/**
 * English names of the cities and countries that datelines and bylines name most often, so a byline's
 * place is rendered without the model (which transliterates them inconsistently). A small table by
 * design: an unknown place stays as printed.
 */
final class Gazetteer {

  private static final Map<String, String> PLACES = new HashMap<>();

  static {
    String[][] table = {
      {"بيروت", "Beirut"}, {"دمشق", "Damascus"}, {"حلب", "Aleppo"}, {"القاهرة", "Cairo"}, {"الإسكندرية", "Alexandria"},
      {"الرياض", "Riyadh"}, {"جدة", "Jeddah"}, {"دبي", "Dubai"}, {"أبوظبي", "Abu Dhabi"}, {"أبو ظبي", "Abu Dhabi"},
      {"الدوحة", "Doha"}, {"الكويت", "Kuwait"}, {"المنامة", "Manama"}, {"مسقط", "Muscat"}, {"عمان", "Amman"},
      {"عمّان", "Amman"}, {"بغداد", "Baghdad"}, {"البصرة", "Basra"}, {"أربيل", "Erbil"}, {"القدس", "Jerusalem"},
      {"غزة", "Gaza"}, {"رام الله", "Ramallah"}, {"صنعاء", "Sanaa"}, {"عدن", "Aden"}, {"الخرطوم", "Khartoum"},
      {"طرابلس", "Tripoli"}, {"بنغازي", "Benghazi"}, {"تونس", "Tunis"}, {"الجزائر", "Algiers"}, {"الرباط", "Rabat"},
      {"الدار البيضاء", "Casablanca"}, {"نواكشوط", "Nouakchott"}, {"طهران", "Tehran"}, {"أنقرة", "Ankara"},
      {"إسطنبول", "Istanbul"}, {"اسطنبول", "Istanbul"}, {"موسكو", "Moscow"}, {"كييف", "Kyiv"}, {"لندن", "London"},
      {"باريس", "Paris"}, {"برلين", "Berlin"}, {"بروكسل", "Brussels"}, {"جنيف", "Geneva"}, {"روما", "Rome"},
      {"واشنطن", "Washington"}, {"نيويورك", "New York"}, {"بكين", "Beijing"}, {"طوكيو", "Tokyo"},
      {"لبنان", "Lebanon"}, {"سوريا", "Syria"}, {"سورية", "Syria"}, {"مصر", "Egypt"}, {"السعودية", "Saudi Arabia"},
      {"الإمارات", "United Arab Emirates"}, {"قطر", "Qatar"}, {"البحرين", "Bahrain"}, {"العراق", "Iraq"},
      {"الأردن", "Jordan"}, {"فلسطين", "Palestine"}, {"اليمن", "Yemen"}, {"السودان", "Sudan"}, {"ليبيا", "Libya"},
      {"المغرب", "Morocco"}, {"إيران", "Iran"}, {"تركيا", "Turkey"}, {"روسيا", "Russia"}, {"أوكرانيا", "Ukraine"},
      {"فرنسا", "France"}, {"بريطانيا", "United Kingdom"}, {"ألمانيا", "Germany"}, {"الولايات المتحدة", "United States"},
      {"الصين", "China"},
      // places of two words, whose first word reads like a given name would («شرم الشيخ», «بيت لحم»)
      {"شرم الشيخ", "Sharm el-Sheikh"}, {"رأس الخيمة", "Ras al-Khaimah"}, {"أم القيوين", "Umm al-Quwain"},
      {"دير الزور", "Deir ez-Zor"}, {"كفر الشيخ", "Kafr el-Sheikh"}, {"بني سويف", "Beni Suef"}, {"بور سعيد", "Port Said"},
      {"بورسعيد", "Port Said"}, {"بيت لحم", "Bethlehem"}, {"خان يونس", "Khan Younis"}, {"سيدي بوزيد", "Sidi Bouzid"},
      {"عين العرب", "Kobani"}, {"جبل لبنان", "Mount Lebanon"}, {"بيت حانون", "Beit Hanoun"}, {"دير البلح", "Deir al-Balah"}
    };
    for (String[] row : table) {
      PLACES.put(fold(row[0]), row[1]);
    }
  }

  /**
   * News agencies whose credit closes or opens a story: the international wires and the region's
   * national agencies, in the spellings Arabic papers print (abbreviations with or without dots).
   */
  private static final java.util.Set<String> AGENCIES = new java.util.HashSet<>();

  static {
    for (String a : new String[] {
      "رويترز", "أ ف ب", "ا ف ب", "فرانس برس", "وكالة فرانس برس", "أ ب", "أسوشيتد برس", "أسوشييتد برس", "د ب أ",
      "إ ب أ", "الأناضول", "شينخوا", "سبوتنيك", "تاس", "إفي", "يونهاب", "كيودو", "بلومبرغ", "CNN", "BBC",
      "واس", "سانا", "وام", "قنا", "كونا", "واع", "وفا", "بترا", "بنا", "العمانية", "سبأ", "أ ش أ", "وات", "واج",
      "لاماب", "ومع", "إرنا", "إسنا", "الوطنية للإعلام", "وكالات", "الجزيرة", "العربية",
      "AFP", "Reuters", "AP", "DPA", "EPA", "Anadolu", "Xinhua",
      // more national agencies and the wires' other Arabic names (Palestine's Ma'an and Safa, Sudan's SUNA,
      // Algeria's APS, Tunisia's TAP, Russia's RIA and Interfax, UPI, Italy's AKI, ANSA)
      "معا", "صفا", "قدس برس", "سونا", "وأج", "تاب", "ريا نوفوستي", "نوفوستي", "إنترفاكس", "يو بي آي", "آكي",
      "أنسا", "وكالة الصحافة الفرنسية", "وكالة الأنباء الألمانية", "أسوشيتد", "بي بي سي",
      "سي إن إن", "MENA", "SPA", "WAM", "QNA", "KUNA", "WAFA", "Petra", "SANA", "IRNA", "NNA", "APS", "MAP", "TAP",
      "UPI", "ANSA", "TASS", "RIA"}) {
      AGENCIES.add(agencyKey(a));
    }
  }

  /** True when {@code name} is a news agency of the table («أ.ف.ب», «(رويترز)», «AFP»). */
  static boolean isAgency(String name) {
    return AGENCIES.contains(agencyKey(name));
  }

  private static String agencyKey(String s) {
    return fold(s).replaceAll("[.\\s]+", "").toLowerCase(java.util.Locale.ROOT);
  }

  private Gazetteer() {}

  /** "دمشق، سوريا" to "Damascus, Syria"; null unless every part is known. */
  static String english(String place) {
    StringBuilder out = new StringBuilder();
    for (String part : place.split("\\s*[،,]\\s*")) {
      String en = PLACES.get(fold(part.strip()));
      if (en == null) {
        return null;
      }
      out.append(out.length() == 0 ? "" : ", ").append(en);
    }
    return out.length() == 0 ? null : out.toString();
  }

  private static String fold(String s) {
    return s.replaceAll("[أإآ]", "ا").replace('ى', 'ي').replaceAll("[\\u064B-\\u0652]", "");
  }
}
