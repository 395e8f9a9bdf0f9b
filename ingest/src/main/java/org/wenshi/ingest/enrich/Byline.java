package org.wenshi.ingest.enrich;

import java.util.List;

/**
 * Who wrote and who published a document, as far as the document says.
 *
 * @param authors names from a byline (作者, 文/, 口述, 整理, 记者, 通讯员)
 * @param editors names from editorial lines (编辑, 责编, 审核 …)
 * @param source the site, publisher or series a reader would filter by, or null
 * @param publisher the 来源 the source names, or null
 * @param series a 文史资料 series (南阳文史资料), or null
 * @param volume the volume of that series (第3辑), or null
 */
public record Byline(
        List<String> authors, List<String> editors, String source, String publisher, String series, String volume) {

    public Byline {
        authors = List.copyOf(authors);
        editors = List.copyOf(editors);
    }
}
