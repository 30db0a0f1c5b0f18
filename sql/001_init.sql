-- quoted schema, version 1: feeds, the items they carried, articles,
-- speakers and quotes. Applied by `quotectl db migrate` in one transaction.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE feeds (
    id              bigserial PRIMARY KEY,
    url             text NOT NULL UNIQUE,
    title           text,
    -- file:// URLs are fetched only for feeds an operator marked local.
    local           boolean NOT NULL DEFAULT false,
    state           text NOT NULL DEFAULT 'active'
                    CHECK (state IN ('active', 'paused', 'disabled')),
    disabled_reason text,
    etag            text,
    last_modified   text,
    interval_s      integer NOT NULL DEFAULT 900 CHECK (interval_s > 0),
    next_poll_at    timestamptz NOT NULL DEFAULT now(),
    last_polled_at  timestamptz,
    last_success_at timestamptz,
    last_status     integer,
    last_error      text,
    last_error_at   timestamptz,
    error_count     integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feeds_due ON feeds (next_poll_at) WHERE state = 'active';

CREATE TABLE articles (
    id           bigserial PRIMARY KEY,
    url          text NOT NULL UNIQUE,
    title        text,
    byline       text,
    published_at timestamptz,
    fetched_at   timestamptz NOT NULL DEFAULT now(),
    body         text NOT NULL DEFAULT '',   -- the text the extractor read
    source       text NOT NULL DEFAULT 'page'
                 CHECK (source IN ('page', 'feed'))
);
CREATE INDEX articles_published ON articles (published_at);

-- One row per item a feed carried: the dedup key is the guid, else the
-- link, else a hash of title and content (see feed_item_key()).
CREATE TABLE feed_items (
    feed_id    bigint NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    item_key   text NOT NULL,
    article_id bigint REFERENCES articles (id) ON DELETE SET NULL,
    seen_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (feed_id, item_key)
);
CREATE INDEX feed_items_article ON feed_items (article_id);

CREATE TABLE speakers (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL,
    kind       text NOT NULL DEFAULT 'person'
               CHECK (kind IN ('person', 'organization', 'group')),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name, kind)
);

CREATE TABLE speaker_aliases (
    speaker_id bigint NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    alias      text NOT NULL,
    PRIMARY KEY (speaker_id, alias)
);
CREATE INDEX speaker_aliases_alias ON speaker_aliases (lower(alias));

CREATE TABLE quotes (
    id                bigserial PRIMARY KEY,
    article_id        bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    speaker_id        bigint REFERENCES speakers (id) ON DELETE SET NULL,
    speaker_name      text,          -- as the article names the speaker
    role              text,          -- canonical, gender-neutral
    role_stated       text,          -- as written
    organization      text,
    country           text,
    text              text NOT NULL,
    start_offset      integer NOT NULL,  -- byte offsets into articles.body
    end_offset        integer NOT NULL,
    paragraph         integer NOT NULL DEFAULT 0,
    cue               text,
    partial           boolean NOT NULL DEFAULT false,
    rule              text,
    confidence        real NOT NULL DEFAULT 0,
    extractor_version text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    tsv               tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    UNIQUE (article_id, start_offset)
);
CREATE INDEX quotes_tsv ON quotes USING gin (tsv);
CREATE INDEX quotes_text_trgm ON quotes USING gin (text gin_trgm_ops);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX quotes_article ON quotes (article_id);
