package org.wenshi.ingest.extract;

/**
 * What a source may state about itself, as found by an extractor (meta tags, labelled lines). The
 * values are the source's own words; enrichers interpret them.
 */
public enum Metadata {
    /** A publication date as written (meta tag or a 发布时间/日期 line). */
    PUBLISHED,
    /** The site's own name (og:site_name, or the suffix removed from the page title). */
    SITE_NAME,
    /** The 来源 the page names (a newspaper, a committee). */
    SOURCE,
    /** A byline: 作者, 文/, 记者. */
    AUTHOR,
    /** Editorial lines: 编辑, 责编, 责任编辑, 审核 … (names joined by '、'). */
    EDITORS,
    /** The charset the document declared, when it declared one. */
    DECLARED_CHARSET
}
