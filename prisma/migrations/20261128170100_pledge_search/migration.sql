-- Full-text search over pledges (app/models/pledge-search.server.ts)
-- Written by hand: nothing here is modelled in schema.prisma. Prisma's schema diff ignores functions, and
-- its describer skips expression indexes, so `prisma migrate diff` stays empty with these in place.
--
-- A pledge's searchable text, weighted title (A) > summary (B) > quote (C), stemmed with the language's
-- text search configuration, plus the same title and summary unstemmed (`simple`), so that the last word
-- of a query can match as a prefix while it is being typed ("educat" finds "education", whose English stem
-- is "educ"). IMMUTABLE and a plain SQL expression, so an index on it is used by queries that call it with
-- the same arguments.
CREATE FUNCTION uade_search_document(config regconfig, title text, summary text, quote text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector(config, coalesce(title, '')), 'A')
        || setweight(to_tsvector(config, coalesce(summary, '')), 'B')
        || setweight(to_tsvector(config, coalesce(quote, '')), 'C')
        || to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(summary, ''))
$$;

-- English is the pledge itself. Russian has PostgreSQL's `russian` configuration; Kazakh has none, so
-- `simple` (lower-cased words, no stemming, no stop words). Lower-casing follows the database's LC_CTYPE,
-- which must be a UTF-8 locale (the embedded cluster's C.UTF-8 and the postgres image's en_US.utf8 are).
CREATE INDEX "Pledge_search_english_idx" ON "Pledge"
    USING GIN (uade_search_document('english', "title", "summary", "quote"));
CREATE INDEX "PledgeTranslation_search_russian_idx" ON "PledgeTranslation"
    USING GIN (uade_search_document('russian', "title", "summary", NULL)) WHERE "locale" = 'RU';
CREATE INDEX "PledgeTranslation_search_kazakh_idx" ON "PledgeTranslation"
    USING GIN (uade_search_document('simple', "title", "summary", NULL)) WHERE "locale" = 'KK';
