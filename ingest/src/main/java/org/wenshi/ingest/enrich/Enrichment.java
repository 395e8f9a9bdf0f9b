package org.wenshi.ingest.enrich;

import java.util.List;
import java.util.Map;
import org.wenshi.ingest.dedup.Fingerprint;
import org.wenshi.ingest.extract.ChineseScript;

/**
 * Everything enrichment derived for one document: what the index stores beside the text.
 *
 * @param place where the document belongs
 * @param dating when it was published and which years it covers
 * @param themes assigned themes, strongest first
 * @param themeScores every theme's score (kept for later tuning)
 * @param type the genre
 * @param byline authors, editors, source, publisher, series
 * @param script {@link ChineseScript#TRADITIONAL} or {@link ChineseScript#SIMPLIFIED}
 * @param people people named with a role or in the byline
 * @param organizations organisations named before a role (南江县政协, 漯河日报)
 * @param keyFigures counted facts (提案立案656件)
 * @param fingerprint the text's MinHash fingerprint, for reprint detection
 */
public record Enrichment(
        Place place,
        Dating dating,
        List<String> themes,
        Map<String, Double> themeScores,
        String type,
        Byline byline,
        String script,
        List<Person> people,
        List<String> organizations,
        List<KeyFigure> keyFigures,
        Fingerprint fingerprint) {

    public Enrichment {
        themes = List.copyOf(themes);
        themeScores = Map.copyOf(themeScores);
        people = List.copyOf(people);
        organizations = List.copyOf(organizations);
        keyFigures = List.copyOf(keyFigures);
    }
}
