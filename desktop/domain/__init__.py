"""Pure domain: catalog, regions, periods, reports, validation and scoring. No Qt, no SQL."""
