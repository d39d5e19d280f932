-- The staff area's language, remembered per account (issue 10, item 3). Null until the account chooses one:
-- the language cookie or Accept-Language decides until then. The app role's grants on "User" cover it.
ALTER TABLE "User" ADD COLUMN "locale" "Locale";
