package arabrief.article;

import java.time.LocalDate;

/**
 * The date line of an article, read without any model.
 *
 * @param source the line as printed, e.g. {@code الجمعة - 12 شوال 1443 هـ - 13 مايو 2022 مـ}
 * @param english the same in English, e.g. {@code Friday 13 May 2022 (12 Shawwal 1443 AH)}
 * @param gregorian the Gregorian date, or null when only a Hijri date was printed
 * @param hijri the Hijri date as printed, {@code yyyy-MM-dd} (e.g. {@code 1443-10-12}), or null
 */
public record Dateline(String source, String english, LocalDate gregorian, String hijri) {}
