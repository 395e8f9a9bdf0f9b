package org.wenshi.ingest.enrich;

import java.util.OptionalInt;

/**
 * Chinese numerals as dates write them: digit by digit for years (一九三七, 二〇二四 with 〇 or 零) and
 * positional for months, days and 民国 years (十二, 二十六, 廿三, 卅一, 元, 正). Exists so the date
 * enricher reads them in one place; never used for amounts (万, 亿 are not handled).
 */
public final class ChineseNumerals {
    private ChineseNumerals() {}

    /** The value of one digit character (ASCII, full-width or Chinese), or -1. */
    public static int digit(char c) {
        return switch (c) {
            case '〇', '零', '○', 'Ｏ', '0', '０' -> 0;
            case '一', '1', '１', '壹' -> 1;
            case '二', '2', '２', '贰', '两' -> 2;
            case '三', '3', '３', '叁' -> 3;
            case '四', '4', '４', '肆' -> 4;
            case '五', '5', '５', '伍' -> 5;
            case '六', '6', '６', '陆' -> 6;
            case '七', '7', '７', '柒' -> 7;
            case '八', '8', '８', '捌' -> 8;
            case '九', '9', '９', '玖' -> 9;
            default -> -1;
        };
    }

    /** A year written digit by digit (一九三七, 二〇二四, 1937). */
    public static OptionalInt yearDigits(String s) {
        if (s.isEmpty()) {
            return OptionalInt.empty();
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = digit(s.charAt(i));
            if (d < 0) {
                return OptionalInt.empty();
            }
            v = v * 10 + d;
        }
        return OptionalInt.of(v);
    }

    /** A small positional number (十二, 二十六, 廿三, 卅一, 元, 正, 12), up to the hundreds. */
    public static OptionalInt small(String s) {
        if (s.isEmpty()) {
            return OptionalInt.empty();
        }
        if (s.equals("元") || s.equals("正")) {
            return OptionalInt.of(1);
        }
        boolean allDigits = s.chars().allMatch(c -> digit((char) c) >= 0);
        if (allDigits && (s.chars().allMatch(Character::isDigit) || s.length() == 1)) {
            return yearDigits(s);
        }
        int value = 0;
        int current = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                current = d;
            } else if (c == '十' || c == '拾') {
                value += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '廿') {
                value += 20;
                current = 0;
            } else if (c == '卅') {
                value += 30;
                current = 0;
            } else if (c == '百' || c == '佰') {
                value += (current == 0 ? 1 : current) * 100;
                current = 0;
            } else {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(value + current);
    }
}
