-- Search that understands Kazakh, Russian and English (docs/decisions/016-multilingual-search.md;
-- app/models/pledge-search.server.ts and app/models/search-text.ts build the queries).
-- Written by hand. Prisma's schema diff ignores extensions, functions, triggers and expression indexes; the
-- one table here, "SearchWord", is in schema.prisma.

-- Trigram similarity (the words nearest a typo) and the edit distance that decides whether it is a typo.
-- Both ship with PostgreSQL's contrib (the embedded server and the official image) and are trusted
-- extensions: the database's owner, who runs migrations, may create them without being a superuser. Their
-- functions are executable by PUBLIC, so the app role can use them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- What a reader types without Kazakh letters or ё: lower case, digit groups joined (150 000, 150,000, with
-- a no-break, narrow no-break or thin space: 150000), ә→а ғ→г қ→к ң→н ө→о ұ/ү→у һ→х і→и ё→е. Must do what
-- `foldText` in app/models/search-text.ts does. IMMUTABLE (lower() follows the database's LC_CTYPE, a UTF-8
-- locale, as migration 20261128170100 already requires).
CREATE FUNCTION uade_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT translate(
        regexp_replace(lower(input), '([0-9])[ ,\u00a0\u202f\u2009](?=[0-9]{3}(?![0-9]))', '\1', 'g'),
        'әғқңөұүһіё', 'агкноуухие')
$$;

-- One field of a pledge's searchable text, with one weight: its words stemmed by the language's
-- configuration and as written (`simple`: exact words, prefixes, Kazakh stems), each both as written and
-- folded. Lexemes the four share are stored once.
CREATE FUNCTION uade_search_field(config regconfig, field text, weight "char") RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(
        to_tsvector(config, coalesce(field, ''))
            || to_tsvector('simple', coalesce(field, ''))
            || to_tsvector(config, public.uade_fold(coalesce(field, '')))
            || to_tsvector('simple', public.uade_fold(coalesce(field, ''))),
        weight)
$$;

-- The document of migration 20261128170100, redefined: title (A) > summary (B) > quote (C), each through
-- uade_search_field. Same signature, so the queries' expressions stay as they are; the indexes built on the
-- old definition are rebuilt. Functions are named with their schema: PostgreSQL 17 builds indexes with
-- `search_path` set to pg_catalog only.
DROP INDEX "Pledge_search_english_idx";
DROP INDEX "PledgeTranslation_search_russian_idx";
DROP INDEX "PledgeTranslation_search_kazakh_idx";

CREATE OR REPLACE FUNCTION uade_search_document(config regconfig, title text, summary text, quote text)
RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT public.uade_search_field(config, title, 'A')
        || public.uade_search_field(config, summary, 'B')
        || public.uade_search_field(config, quote, 'C')
$$;

CREATE INDEX "Pledge_search_english_idx" ON "Pledge"
    USING GIN (uade_search_document('english', "title", "summary", "quote"));
CREATE INDEX "PledgeTranslation_search_russian_idx" ON "PledgeTranslation"
    USING GIN (uade_search_document('russian', "title", "summary", NULL)) WHERE "locale" = 'RU';
CREATE INDEX "PledgeTranslation_search_kazakh_idx" ON "PledgeTranslation"
    USING GIN (uade_search_document('simple', "title", "summary", NULL)) WHERE "locale" = 'KK';

-- ORing a set of tsqueries (the words a typo may stand for) in one expression.
CREATE AGGREGATE uade_tsquery_or(tsquery) (SFUNC = tsquery_or, STYPE = tsquery);

-- Every folded word of the searchable texts: the vocabulary a typo is matched against (the nearest words by
-- trigrams, through the GiST index, then the edit distance). Words are only added: one that no text uses
-- any more finds nothing, and costs a row. The app role may read and add (the triggers run as the writer).
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);
-- On lower("word") (the words are already lower case): an expression index, which Prisma's schema diff and
-- schema-drift.test.ts pass over as they do the full-text indexes; the query repeats the expression.
CREATE INDEX "SearchWord_trigram_idx" ON "SearchWord" USING GIST (lower("word") gist_trgm_ops);
GRANT SELECT, INSERT ON "SearchWord" TO uade_app;
REVOKE UPDATE, DELETE ON "SearchWord" FROM uade_app;

CREATE FUNCTION uade_add_search_words(texts text[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "SearchWord" ("word")
    SELECT DISTINCT lexeme
    FROM unnest(texts) AS text, unnest(tsvector_to_array(to_tsvector('simple', uade_fold(coalesce(text, ''))))) AS lexeme
    WHERE char_length(lexeme) BETWEEN 4 AND 40
    ON CONFLICT DO NOTHING
$$;

CREATE FUNCTION uade_pledge_search_words() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM uade_add_search_words(ARRAY[NEW."title", NEW."summary", NEW."quote"]);
    RETURN NULL;
END
$$;
CREATE FUNCTION uade_pledge_translation_search_words() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM uade_add_search_words(ARRAY[NEW."title", NEW."summary"]);
    RETURN NULL;
END
$$;
CREATE TRIGGER "Pledge_search_words" AFTER INSERT OR UPDATE OF "title", "summary", "quote" ON "Pledge"
    FOR EACH ROW EXECUTE FUNCTION uade_pledge_search_words();
CREATE TRIGGER "PledgeTranslation_search_words" AFTER INSERT OR UPDATE OF "title", "summary"
    ON "PledgeTranslation" FOR EACH ROW EXECUTE FUNCTION uade_pledge_translation_search_words();

SELECT uade_add_search_words(ARRAY["title", "summary", "quote"]) FROM "Pledge";
SELECT uade_add_search_words(ARRAY["title", "summary"]) FROM "PledgeTranslation";
