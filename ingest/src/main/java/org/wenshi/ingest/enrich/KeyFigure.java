package org.wenshi.ingest.enrich;

/**
 * A counted fact a document states, as analysts track them: 提案立案656件, 协商活动100多场次.
 *
 * @param metric what is counted, as the text names it (提案立案, 社情民意信息)
 * @param value the number (100 for 100多, 10000 for 一万多)
 * @param unit the measure word as written (件, 篇, 场次, 万人)
 * @param approximate true for 多, 余, 近, 约, 超过 …
 * @param year the year the figure is about when known, or null
 * @param place the document's place (county, city or province name), or null
 * @param sentence the sentence it came from
 */
public record KeyFigure(
        String metric, double value, String unit, boolean approximate, Integer year, String place, String sentence) {}
