package org.wenshi.ingest.enrich;

import java.util.ArrayList;
import java.util.List;
import org.wenshi.ingest.dedup.Fingerprint;
import org.wenshi.ingest.extract.ChineseScript;
import org.wenshi.ingest.extract.Extraction;
import org.wenshi.ingest.extract.Metadata;

/**
 * Runs every enricher over one extraction, on the text folded to simplified characters once. It
 * exists so the pipeline has one call per document; it holds no per-document state and is safe to
 * share between threads. It never changes the extraction.
 */
public final class DocumentEnricher {
    private final PlaceEnricher places;
    private final DateEnricher dates = new DateEnricher();
    private final ThemeClassifier themes;
    private final TypeClassifier types = new TypeClassifier();
    private final BylineEnricher bylines = new BylineEnricher();
    private final PeopleEnricher people;
    private final KeyFigureExtractor figures = new KeyFigureExtractor();

    public DocumentEnricher(Gazetteer gazetteer, ThemeTaxonomy taxonomy) {
        this.places = new PlaceEnricher(gazetteer);
        this.people = new PeopleEnricher(gazetteer);
        this.themes = new ThemeClassifier(taxonomy);
    }

    public Enrichment enrich(Extraction extraction) {
        String title = ChineseScript.toSimplified(extraction.title());
        String text = ChineseScript.toSimplified(extraction.text());
        String script = ChineseScript.scriptOf(extraction.text(), text);
        String site = extraction
                .get(Metadata.SITE_NAME)
                .map(ChineseScript::toSimplified)
                .orElse(null);
        String sourceLine =
                extraction.get(Metadata.SOURCE).map(ChineseScript::toSimplified).orElse(null);

        List<String> context = new ArrayList<>();
        if (site != null) {
            context.add(site);
        }
        if (sourceLine != null) {
            context.add(sourceLine);
        }
        Place place = places.resolve(title, text, context);
        boolean labelled = extraction.get(Metadata.SOURCE).isPresent()
                || extraction.get(Metadata.PUBLISHED).isPresent();
        String type = types.classify(title, text, labelled);
        boolean historical = type.equals(TypeClassifier.MEMOIR) || type.equals(TypeClassifier.HISTORY);
        Dating dating = dates.date(extraction.get(Metadata.PUBLISHED).orElse(null), title, text, historical);
        ThemeClassifier.Themes t = themes.classify(title, text, type);
        Byline byline = bylines.read(
                List.of(text.split("\n")),
                extraction.get(Metadata.AUTHOR).map(ChineseScript::toSimplified).orElse(null),
                extraction
                        .get(Metadata.EDITORS)
                        .map(ChineseScript::toSimplified)
                        .orElse(null),
                site,
                sourceLine);
        List<String> lines = new ArrayList<>();
        lines.add(title);
        lines.addAll(List.of(text.split("\n")));
        PeopleEnricher.People named = people.read(lines);
        List<Integer> covered = dating.yearsCovered();
        Integer aboutYear = covered.size() == 1 ? covered.get(0) : null;
        List<KeyFigure> keyFigures = figures.extract(text, aboutYear, placeName(place));
        return new Enrichment(
                place,
                dating,
                t.themes(),
                t.scores(),
                type,
                byline,
                script,
                named.people(),
                named.organizations(),
                keyFigures,
                Fingerprint.of(text));
    }

    private static String placeName(Place place) {
        Division d = place.county() != null ? place.county() : place.city() != null ? place.city() : place.province();
        return d == null ? null : d.name();
    }
}
