package org.wenshi.portal.search.bench;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.wenshi.portal.search.SearchCriteria;
import org.wenshi.portal.search.SearchQueryBuilder;

/**
 * For the load benchmark: reads a list of {@code /api/search} query strings and writes, line by line,
 * the portal path and the exact Elasticsearch request body the portal builds for it
 * ({@link SearchQueryBuilder}), so that the benchmark sends the same searches straight to
 * Elasticsearch. Output: {@code PATH<TAB>JSON}. Not a test; started by {@code search-bench.sh}.
 *
 * <p>Usage: {@code BenchRequests QUERIES.txt INDEX > requests.tsv}
 */
public final class BenchRequests {
    private BenchRequests() {}

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        SearchQueryBuilder builder = new SearchQueryBuilder();
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
            UriComponentsBuilder.fromUriString("/?" + line.strip())
                    .build()
                    .getQueryParams()
                    .forEach((k, vs) ->
                            vs.forEach(v -> params.add(k, java.net.URLDecoder.decode(v, StandardCharsets.UTF_8))));
            SearchCriteria criteria = SearchCriteria.from(params);
            StringBuilder path = new StringBuilder("/api/search");
            char sep = '?';
            for (var e : criteria.toParameters().entrySet()) {
                for (String v : e.getValue()) {
                    path.append(sep)
                            .append(e.getKey())
                            .append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
                    sep = '&';
                }
            }
            String json = JsonpUtils.toJsonString(builder.build(criteria, args[1]), mapper);
            out.println(path + "\t" + json);
        }
    }
}
