-- Editors' data: accounts, compilations (chapters, items) and the history of every change.
-- Offsets are in UTF-16 code units of the document's stored "text", as /api/documents serves it.

CREATE TABLE account (
    id            BIGSERIAL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_username ON account (lower(username));

CREATE TABLE compilation (
    id         BIGSERIAL PRIMARY KEY,
    title      VARCHAR(500) NOT NULL,
    preface    TEXT         NOT NULL DEFAULT '',
    version    INTEGER      NOT NULL DEFAULT 1,
    created_by VARCHAR(64)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE chapter (
    id             BIGSERIAL PRIMARY KEY,
    compilation_id BIGINT       NOT NULL REFERENCES compilation (id) ON DELETE CASCADE,
    position       INTEGER      NOT NULL,
    title          VARCHAR(500) NOT NULL
);
CREATE INDEX chapter_compilation ON chapter (compilation_id, position);

CREATE TABLE item (
    id             BIGSERIAL PRIMARY KEY,
    compilation_id BIGINT       NOT NULL REFERENCES compilation (id) ON DELETE CASCADE,
    chapter_id     BIGINT       NOT NULL REFERENCES chapter (id) ON DELETE CASCADE,
    position       INTEGER      NOT NULL,
    doc_id         VARCHAR(200) NOT NULL,
    whole_document BOOLEAN      NOT NULL,
    start_offset   INTEGER      NOT NULL,
    end_offset     INTEGER      NOT NULL,
    page           INTEGER,
    page_label     VARCHAR(50),
    quoted_text    TEXT         NOT NULL,
    source_hash    VARCHAR(200),
    doc_title      VARCHAR(1000),
    citation       TEXT         NOT NULL,
    bibliography   TEXT         NOT NULL,
    note           TEXT         NOT NULL DEFAULT '',
    added_by       VARCHAR(64)  NOT NULL,
    added_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (start_offset >= 0 AND end_offset >= start_offset)
);
CREATE INDEX item_chapter ON item (chapter_id, position);
CREATE INDEX item_compilation_doc ON item (compilation_id, doc_id);

CREATE TABLE compilation_event (
    id             BIGSERIAL PRIMARY KEY,
    compilation_id BIGINT      NOT NULL REFERENCES compilation (id) ON DELETE CASCADE,
    version        INTEGER     NOT NULL,
    username       VARCHAR(64) NOT NULL,
    at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    action         VARCHAR(40) NOT NULL,
    detail         TEXT        NOT NULL DEFAULT ''
);
CREATE INDEX compilation_event_compilation ON compilation_event (compilation_id, id);

CREATE TABLE account_event (
    id       BIGSERIAL PRIMARY KEY,
    username VARCHAR(64) NOT NULL,
    at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    action   VARCHAR(40) NOT NULL,
    target   VARCHAR(64) NOT NULL,
    detail   TEXT        NOT NULL DEFAULT ''
);
