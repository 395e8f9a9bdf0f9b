package org.wenshi.ingest.enrich;

/**
 * A person a document names with a role, or in its byline.
 *
 * @param name the name as written, blanks inside it removed (刘 勇 → 刘勇)
 * @param role the role as the text states it (市政协主席, 记者, 口述), or null
 * @param org the organisation the role belongs to when the text names it (南江县政协, 漯河日报), or null
 */
public record Person(String name, String role, String org) {}
